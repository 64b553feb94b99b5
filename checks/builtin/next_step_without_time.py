"""next-step-without-time: a vague promise to follow up that never says when (GUIDANCE §4)."""

from __future__ import annotations

from collections.abc import Iterator

from replylint.checks.builtin.next_step_phrases import (
    ASKED_BEFORE,
    CONDITIONAL,
    PROMISE,
    REQUEST_FIRST,
    TIME,
)
from replylint.checks.lexicon import anchored_finditer
from replylint.checks.model import Category, Check, Example, Hit, Options, Severity
from replylint.checks.reply.parsed import Reply

# Every PROMISE match holds one of these, lower-cased: its "will" ('ll, shall, going to) or the
# "you should" of "you should hear from". A reply without any (two in three) is not tried at each
# of its many "we", "our" and "the", where the promise could otherwise start.
PROMISE_NEEDS = ("will", "'ll", "’ll", "shall", "going", "should")


def _may_promise(reply: Reply) -> bool:
    # lowered is only a safe stand-in where it matches as the case-insensitive regex would.
    return not reply.lowered_is_exact or any(map(reply.lowered.__contains__, PROMISE_NEEDS))


def _has_time_or_trigger(sentence: str, promise_at: int) -> bool:
    return bool(
        TIME.search(sentence)
        or CONDITIONAL.search(sentence)
        or REQUEST_FIRST.match(sentence)
        or ASKED_BEFORE.search(sentence, 0, promise_at)
    )


def run(reply: Reply, options: Options) -> Iterator[Hit]:
    """Every promise to follow up whose sentence has no time or triggering event."""
    if not _may_promise(reply):
        return
    for match in anchored_finditer(PROMISE, reply):
        sentence = reply.sentence_at(match.start())
        if sentence is not None and _has_time_or_trigger(
            sentence.text, match.start() - sentence.start
        ):
            continue
        yield Hit(
            match.start(),
            match.end(),
            f"'{match.group()}' promises a follow-up but not when; the customer can't plan",
            "add when: '… by Friday', '… within 24 hours', '… once the courier replies'",
        )


CHECK = Check(
    code="RL402",
    name="next-step-without-time",
    category=Category.CLARITY,
    summary="A vague promise to follow up with no time (I'll get back to you, we'll look into it).",
    rationale=(
        "'We'll get back to you' leaves the customer waiting without knowing for how long; "
        "saying when turns a vague promise into a commitment they can plan around."
    ),
    guidance="GUIDANCE §4 Emails end with the next step",
    run=run,
    severity=Severity.INFO,
    examples=(
        Example("I've passed this to our billing team and we'll get back to you.", fails=True),
        Example("Our engineers will look into it by Friday and I'll email you then.", fails=False),
        Example("I'll let you know as soon as the courier replies.", fails=False),
    ),
)
