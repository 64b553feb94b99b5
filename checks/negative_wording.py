"""negative-wording: refusals and negative frames, with a positive rewrite (GUIDANCE §1)."""

from __future__ import annotations

from collections.abc import Iterator

from replylint.checks.lexicon import lexicon_hits, lexicon_options
from replylint.checks.model import Category, Check, Example, Hit, Options, Severity
from replylint.checks.reply import Reply

LEXICON = "negative-wording"


def run(reply: Reply, options: Options) -> Iterator[Hit]:
    """Every negative phrase of the lexicon that no allowed phrase covers."""
    yield from lexicon_hits(LEXICON, reply, options)


CHECK = Check(
    code="RL101",
    name="negative-wording",
    category=Category.POSITIVITY,
    summary="Refusals and negative frames (can't, unfortunately, not allowed, you must).",
    rationale=(
        "The worst words to say to a customer are 'no', 'can't' and 'not allowed'; a reply that "
        "says what you can do keeps the customer on your side even when the answer is no."
    ),
    guidance="GUIDANCE §1 Positive wording",
    run=run,
    severity=Severity.WARNING,
    options=lexicon_options(),
    examples=(
        Example("Unfortunately we can't refund digital orders.", fails=True),
        Example("No problem at all, the refund is on its way.", fails=False),
    ),
)
