"""blame-customer: criticising the customer's actions, openly or between the lines (GUIDANCE §5)."""

from __future__ import annotations

from collections.abc import Iterator

from replylint.checks.lexicon import lexicon_for, lexicon_options, render
from replylint.checks.model import Category, Check, Example, Hit, Options, Severity
from replylint.checks.reply.parsed import Reply

LEXICON = "blame-customer"
# "just click" / "as clearly stated" talk down without open blame: one level lower, and only
# where the customer has hit a difficulty (a sensitive reply: apology, refusal, complaint,
# GUIDANCE §2). In a neutral how-to ("To see your bill, simply log in") the same words are
# filler, not blame; to someone who is stuck they say "it's easy, why couldn't you?".
SOFTER = "condescending"


def run(reply: Reply, options: Options) -> Iterator[Hit]:
    """Every blaming phrase of the lexicon; condescending words one severity level lower."""
    for match in lexicon_for(LEXICON, options).find(reply):
        softer = SOFTER in match.entry.tags
        if softer and not reply.sensitive:
            continue
        yield Hit(
            match.start,
            match.end,
            render(match.entry.message, reply, match),
            match.entry.suggestion,
            escalate=-1 if softer else 0,
        )


CHECK = Check(
    code="RL501",
    name="blame-customer",
    category=Category.RESPECT,
    summary="Criticising the customer ('you should have', 'as I told you', 'user error').",
    rationale=(
        "A customer who is told it was their fault stops listening to the fix and starts "
        "defending themselves; the guidance says never to criticise their actions, under any "
        "pretext. Condescending 'just click' / 'as clearly stated' is reported one level lower, "
        "and only in replies to a difficulty (apology, refusal, complaint)."
    ),
    guidance="GUIDANCE §5 Respect the customer",
    run=run,
    severity=Severity.ERROR,
    options=lexicon_options(),
    examples=(
        Example("You should have read the instructions before installing it.", fails=True),
        Example("As I already told you, refunds take five days.", fails=True),
        Example("You should receive the refund within 3 days.", fails=False),
        Example("As you mentioned, the parcel was late, so I've refunded the shipping.", False),
    ),
)
