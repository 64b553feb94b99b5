"""refusal-without-alternative: a no that leaves the customer nowhere to go (GUIDANCE §1)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from replylint.checks.lexicon import (
    Lexicon,
    Match,
    compile_lexicon,
    lexicon_for,
    read_lexicon_data,
)
from replylint.checks.model import Category, Check, Example, Hit, Option, Options, Severity
from replylint.checks.reply.parsed import Reply

# Refusals are detected by negative-wording's lexicon (entries tagged "refusal"), so the two
# checks never disagree about what a refusal is; alternatives have their own lexicon.
REFUSALS = "negative-wording"
ALTERNATIVES = "refusal-alternatives"
REFUSAL_TAG = "refusal"
SUGGESTION = (
    'Offer an alternative: "It is available in another colour", "Here is a similar model", '
    'or "The billing team handles this — may I transfer you?"'
)


@cache
def refusal_lexicon(allow: tuple[str, ...] = ()) -> Lexicon:
    """The refusal entries of negative-wording, compiled once into their own alternation."""
    data = read_lexicon_data(REFUSALS)
    entries = [e for e in data.get("entries", []) if REFUSAL_TAG in e.get("tags", ())]
    raw = {"allow": data.get("allow", []), "entries": entries}
    return compile_lexicon(f"{REFUSALS} (refusals)", raw, extra_allow=allow)


def _first_per_sentence(matches: Iterator[Match]) -> list[Match]:
    seen: set[int] = set()
    kept = []
    for match in matches:
        key = match.sentence.index if match.sentence else -1 - match.start
        if key not in seen:
            seen.add(key)
            kept.append(match)
    return kept


def run(reply: Reply, options: Options) -> Iterator[Hit]:
    """The first refusal, when the reply offers no alternative anywhere."""
    refusals = _first_per_sentence(refusal_lexicon(tuple(options["allow"])).find(reply))
    if not refusals:
        return
    alternatives = lexicon_for(ALTERNATIVES, {"add": options["alternatives"]})
    has_alternative = next(alternatives.find(reply), None) is not None
    # GUIDANCE §1: a refusal that comes with an alternative is what we ask for; reporting it
    # (as info) is opt-in, because negative-wording already flags the wording itself.
    if has_alternative and not options["report-with-alternative"]:
        return
    # Reported at the refusal words, not the whole sentence: the engine drops hits that touch
    # masked text, and a refusal sentence often holds a link or a placeholder.
    first = refusals[0]
    more = f" (and {len(refusals) - 1} more)" if len(refusals) > 1 else ""
    sentence = f"the sentence with '{reply.text[first.start : first.end]}'"
    if has_alternative:
        message = f"Refusal in {sentence} comes with an alternative; consider leading with it"
        yield Hit(first.start, first.end, message, SUGGESTION, escalate=-2)
    else:
        message = f"Refusal in {sentence}{more}, with no alternative anywhere in the reply"
        yield Hit(first.start, first.end, message, SUGGESTION)


CHECK = Check(
    code="RL102",
    name="refusal-without-alternative",
    category=Category.POSITIVITY,
    summary="A refusal with no alternative anywhere in the reply (the red-dress rule).",
    rationale=(
        "A customer who is told no and offered nothing else has nowhere to go; 'the red dress "
        "is out of stock, but it is available in navy' keeps the sale and the customer."
    ),
    guidance="GUIDANCE §1 Positive wording",
    run=run,
    severity=Severity.ERROR,
    options={
        "alternatives": Option(
            list,
            [],
            "extra phrases that count as offering an alternative (e.g. 'our outlet store')",
        ),
        "allow": Option(list, [], "phrases never counted as a refusal (exceptions)"),
        "report-with-alternative": Option(
            bool, False, "also report refusals that come with an alternative, as info"
        ),
    },
    examples=(
        Example("Unfortunately, the red dress is out of stock in your size.", fails=True),
        Example("We can't refund digital orders once they have been downloaded.", fails=True),
        Example("The red dress is out of stock, but it is available in navy.", fails=False),
        Example("Invoices are not my department; may I transfer you to billing?", fails=False),
    ),
)
