"""excessive-politeness: piles of apologies and thank-yous, grovelling (GUIDANCE §3)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from replylint.checks.lexicon import Match, lexicon_for, render
from replylint.checks.model import Category, Check, Example, Hit, Option, Options, Severity
from replylint.checks.packs.run import PEDANTIC_OPTION
from replylint.checks.reply.parsed import Reply

LEXICON = "excessive-politeness"
APOLOGY_FIX = "Apologise once, sincerely, then say what you are doing: \"I'm sorry — I've …\""
STACK_FIX = 'Keep one courtesy per sentence: "Thanks for your patience — the fix is live."'
THANKS_FIX = "Thank the customer once, specifically; let the help carry the rest."
DENSITY_FIX = "Keep one thank-you and at most one apology; let the help itself be the courtesy."


def _weight(match: Match) -> int:
    return ("marker" in match.entry.tags) + ("emphasis" in match.entry.tags)


def _counts_for_density(match: Match) -> bool:
    # "Please click Reset" opens an instruction: that is plain English, not extra courtesy.
    opens_sentence = match.sentence is not None and match.start == match.sentence.start
    instruction = match.entry.id == "please" and opens_sentence
    return "marker" in match.entry.tags and not instruction


def run(reply: Reply, options: Options) -> Iterator[Hit]:
    """Apology count, courtesy density, stacked sentences, intensified apologies, grovelling."""
    matches = list(lexicon_for(LEXICON, {}).find(reply))
    words = reply.word_count
    hits = list(_stacked_and_flagged(reply, matches, options["max-per-sentence"]))
    # Reply-level findings anchor on a word no other finding uses (one finding per span).
    used = {(hit.start, hit.end) for hit in hits}
    apologies = [m for m in matches if "apology" in m.entry.tags]
    # Zendesk benchmark: satisfaction falls as "sorry" rises; more than two signals trouble.
    if len(apologies) >= options["apologies-warning"]:
        anchor = _free(apologies[options["apologies-warning"] - 1 :], used)
        escalate = 1 if len(apologies) >= options["apologies-error"] else 0
        message = f"{len(apologies)} apologies in {words} words; one sincere apology is enough"
        hits.append(Hit(anchor.start, anchor.end, message, APOLOGY_FIX, escalate))
        used.add((anchor.start, anchor.end))
    # GUIDANCE §3: "not a pile of apologies and thank-yous". Thanks are kinder than apologies,
    # so the pile starts later: one thanks, one "we value your feedback", one "we appreciate"
    # is a courteous reply; a fourth is a formula repeated.
    thanks = [m for m in matches if "gratitude" in m.entry.tags]
    piled = len(thanks) >= options["thanks-warning"]
    if piled:
        anchor = _free(thanks[options["thanks-warning"] - 1 :], used)
        message = f"{len(thanks)} thank-yous and appreciations in {words} words; one is enough"
        hits.append(Hit(anchor.start, anchor.end, message, THANKS_FIX))
        used.add((anchor.start, anchor.end))
    counted = [m for m in matches if _counts_for_density(m)]
    density = 100 * len(counted) / words if words else 0.0
    enough = words >= options["min-words"] and len(counted) >= options["min-count"]
    # A pile of thanks is what makes most dense replies dense: one finding says it.
    if enough and density > options["max-density"] and not piled:
        anchor = _free(counted, used)
        message = (
            f"{len(counted)} courtesy words in {words} words ({density:.1f} per 100, "
            f"more than {options['max-density']:g})"
        )
        hits.append(Hit(anchor.start, anchor.end, message, DENSITY_FIX))
    yield from hits


def _free(candidates: list[Match], used: set[tuple[int, int]]) -> Match:
    return next((m for m in candidates if (m.start, m.end) not in used), candidates[0])


def _stacked_and_flagged(reply: Reply, matches: list[Match], limit: int) -> Iterator[Hit]:
    by_sentence: dict[int, list[Match]] = defaultdict(list)
    for match in matches:
        by_sentence[match.sentence.index if match.sentence else -1].append(match)
    for index, group in by_sentence.items():
        weight = sum(_weight(m) for m in group)
        # Thanks said twice in one sentence and dressed up on top ("we value your report and
        # appreciate your patience and understanding") is stacked at the limit itself.
        thanked_twice = sum("gratitude" in m.entry.tags for m in group) >= 2
        if index >= 0 and (weight > limit or (thanked_twice and weight >= limit)):
            start, end = group[0].start, group[-1].end
            if reply.masks.covers(start, end):
                end = group[0].end
            shown = ", ".join(" ".join(reply.text[m.start : m.end].split()) for m in group)
            yield Hit(start, end, f"Courtesy stacked in one sentence ({shown})", STACK_FIX)
            continue
        for match in group:
            if "flag" in match.entry.tags:
                message = render(match.entry.message, reply, match)
                yield Hit(match.start, match.end, message, match.entry.suggestion)


CHECK = Check(
    code="RL301",
    name="excessive-politeness",
    category=Category.POLITENESS,
    summary="Too many apologies or thank-yous, stacked courtesies, grovelling formulas.",
    rationale=(
        "Overused courtesy leaves a negative impression and buries the help: customers trust "
        "one sincere apology followed by a fix more than a pile of apologies and thank-yous. "
        "Two apologies, four thank-yous ('we value your feedback', 'we appreciate…' count), "
        "thanks said twice in one dressed-up sentence, or grovelling formulas are flagged."
    ),
    guidance="GUIDANCE §3 Politeness in proportion",
    run=run,
    severity=Severity.WARNING,
    options={
        "pedantic": PEDANTIC_OPTION,
        "apologies-warning": Option(int, 2, "apologies per reply that give a warning", minimum=1),
        "apologies-error": Option(int, 3, "apologies per reply that give an error", minimum=1),
        "thanks-warning": Option(
            int, 4, "thank-yous and appreciations per reply that give a warning", minimum=2
        ),
        "max-density": Option(
            (int, float), 8.0, "courtesy words per 100 words above which a reply is flagged"
        ),
        "min-words": Option(int, 30, "replies shorter than this are not judged by density"),
        "min-count": Option(int, 4, "fewer courtesy words than this are never too dense"),
        "max-per-sentence": Option(
            int, 3, "courtesy weight one sentence may carry (emphasis counts double)", minimum=1
        ),
    },
    examples=(
        Example("Sorry for the delay, and sorry again for the mix-up. Apologies!", fails=True),
        Example("We sincerely apologise for the inconvenience caused.", fails=True),
        Example("Sorry about the delay. I've sent a replacement by express today.", fails=False),
        Example("Thanks for the screenshot! Please click Reset to finish.", fails=False),
    ),
)
