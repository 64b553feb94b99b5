"""refusal-without-alternative: a no that leaves the customer nowhere to go (GUIDANCE §1)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from replylint.checks.builtin.alternatives import is_generic, offers_alternative
from replylint.checks.builtin.clause_model import lowered_sentence
from replylint.checks.builtin.refusal_grammar import Negative, find_negative, overlaps
from replylint.checks.lexicon import Lexicon, compile_lexicon, lexicon_for, read_lexicon_data
from replylint.checks.model import Category, Check, Example, Hit, Option, Options, Severity
from replylint.checks.reply.parsed import Reply

# Refusals are negative-wording's: its lexicon entries tagged "refusal" and the refusal frames
# of the clause model (refusal_grammar.py), so the two checks never disagree about what a
# refusal is. Alternatives have their own lexicon and the clause model's offers.
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


def refusals(reply: Reply, allow: tuple[str, ...] = ()) -> list[Negative]:
    """Every refusal of the reply: negative-wording's entries tagged "refusal" and the clause
    model's refusal frames, so the two checks share one definition of a refusal."""
    return [n for n in find_negative(reply, refusal_lexicon(allow)) if n.refusal]


def _first_per_sentence(found: list[Negative]) -> list[Negative]:
    seen: set[int] = set()
    kept = []
    for item in found:
        key = item.sentence.index if item.sentence else -1 - item.start
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept


def has_alternative(reply: Reply, found: list[Negative], extra: tuple[str, ...] = ()) -> bool:
    """Whether the reply offers a way forward anywhere: an alternatives-lexicon phrase outside
    the refusals themselves ("no other options" is not one), or a sentence that offers, gives
    an option, recommends, instructs, redirects or transfers (refusal_grammar.py)."""
    spans = [(n.start, n.end) for n in found]
    alternatives = lexicon_for(ALTERNATIVES, {"add": list(extra)})
    for match in alternatives.find(reply):
        if overlaps(match.start, match.end, spans):
            continue
        sentence = match.sentence
        if sentence is None or not is_generic(lowered_sentence(reply, sentence)):
            return True
    return offers_alternative(reply, spans)


def run(reply: Reply, options: Options) -> Iterator[Hit]:
    """The first refusal, when the reply offers no alternative anywhere.

    Cost: about 30 µs a reply (bench --stages), over the 25 µs mark: the refusal entries are
    their own alternation (scanning negative-wording's whole lexicon would let a non-refusal
    entry win a position first), and a reply with a refusal is read again for alternatives
    (a lexicon and the offer frames). The clause frames are shared with negative-wording.
    """
    found = refusals(reply, tuple(options["allow"]))
    if not found:
        return
    first_each = _first_per_sentence(found)
    alternative = has_alternative(reply, found, tuple(options["alternatives"]))
    # GUIDANCE §1: a refusal that comes with an alternative is what we ask for; reporting it
    # (as info) is opt-in, because negative-wording already flags the wording itself.
    if alternative and not options["report-with-alternative"]:
        return
    # Reported at the refusal words, not the whole sentence: the engine drops hits that touch
    # masked text, and a refusal sentence often holds a link or a placeholder.
    first = first_each[0]
    more = f" (and {len(first_each) - 1} more)" if len(first_each) > 1 else ""
    sentence = f"the sentence with '{reply.text[first.start : first.end]}'"
    if alternative:
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
        "is out of stock, but it is available in navy' keeps the sale and the customer. "
        "An alternative is read from what a sentence does, anywhere in the reply: an offer "
        "('would you like me to reserve one?'), an option ('you can …'), a recommendation, an "
        "instruction, another channel or a transfer, or something else that is available. A "
        "promise to post updates, a link to background reading or 'anything else I can help "
        "with?' is not one."
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
        Example("Your request to open a second store was not approved.", fails=True),
        Example(
            "We can't refund the dress, but the navy one is available in your size.", fails=False
        ),
    ),
)
