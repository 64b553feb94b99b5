"""negative-wording: refusals and negative frames, with a positive rewrite (GUIDANCE §1)."""

from __future__ import annotations

from collections.abc import Iterator

from replylint.checks.lexicon import lexicon_for, lexicon_options, render
from replylint.checks.model import Category, Check, Example, Hit, Options, Severity
from replylint.checks.reply.parsed import Reply

LEXICON = "negative-wording"
# Entries tagged "fact" ("out of stock") describe a state, not a wording choice: they feed
# refusal-without-alternative (RL102) but are not negative wording themselves.
FACT = "fact"


def run(reply: Reply, options: Options) -> Iterator[Hit]:
    """Every negative phrase of the lexicon that no allowed phrase covers."""
    for match in lexicon_for(LEXICON, options).find(reply):
        if FACT in match.entry.tags:
            continue
        message = render(match.entry.message, reply, match)
        yield Hit(match.start, match.end, message, match.entry.suggestion)


CHECK = Check(
    code="RL101",
    name="negative-wording",
    category=Category.POSITIVITY,
    summary="Refusals and negative frames (we can't, unfortunately, not allowed, you must).",
    rationale=(
        "The worst words to say to a customer are 'no', 'can't' and 'not allowed'; a reply that "
        "says what you can do keeps the customer on your side even when the answer is no. "
        "'Can't' is flagged only when the agent or the company is the one who can't, never "
        "when it describes the customer's problem ('if you can't log in')."
    ),
    guidance="GUIDANCE §1 Positive wording",
    run=run,
    severity=Severity.WARNING,
    options=lexicon_options(),
    examples=(
        Example("Unfortunately we can't refund digital orders.", fails=True),
        Example("That's against our policy, so the trial ends on Friday.", fails=True),
        Example("No problem at all, the refund is on its way.", fails=False),
        Example("Sorry to hear you can't log in; here is how to reset your password.", fails=False),
    ),
)
