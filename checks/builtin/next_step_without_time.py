"""next-step-without-time: a vague promise to follow up and no other next step (GUIDANCE §4).

LABELING.md: "the reply promises to follow up but says not when and gives no other next step".
A promise is "we'll get back to you", "we will look into it", "someone will be in touch", "you
will hear from us", "your request will be reviewed"; it is vague when its sentence has no time
("by Friday", "within 24 hours"), no triggering event ("once the courier replies") and no
condition. A reply that also asks the customer to do something, offers them an option, or
commits to something with a time has a next step, and the promise is not flagged.
"""

from __future__ import annotations

from collections.abc import Iterator

from replylint.checks.builtin.missing_next_step import step_candidates
from replylint.checks.builtin.next_step_phrases import read_sentence
from replylint.checks.model import Category, Check, Example, Hit, Kind, Options, Severity
from replylint.checks.reply.parsed import Reply

# Every PROMISE match holds one of these, lower-cased: its "will" ('ll, shall, going to), the
# "should" of "you should hear from", or the verb of "we're looking into it". A reply without
# any is not read sentence by sentence.
PROMISE_NEEDS = (
    "will", "'ll", "’ll", "shall", "going", "should",
    "looking", "investigating", "checking", "working", "following", "escalating",
)  # fmt: skip


def _may_promise(reply: Reply) -> bool:
    # lowered is only a safe stand-in where it matches as the case-insensitive regex would.
    return not reply.lowered_is_exact or any(map(reply.lowered.__contains__, PROMISE_NEEDS))


def run(reply: Reply, options: Options) -> Iterator[Hit]:
    """Every vague promise, when no sentence of the reply gives another next step."""
    if reply.kind is not Kind.EMAIL or not _may_promise(reply):
        return
    vague: list[tuple[int, int]] = []
    for sentence in reversed(step_candidates(reply)):  # the order missing-next-step reads in
        read = read_sentence(sentence.text)
        if read.step:
            return
        vague.extend((sentence.start + s, sentence.start + e) for s, e in read.promises)
    for start, end in sorted(vague):
        words = reply.text[start:end]
        yield Hit(
            start,
            end,
            f"'{words}' promises a follow-up but not when, and the reply gives no other next "
            "step; the customer can't plan",
            "add when: '… by Friday', '… within 24 hours', '… once the courier replies'",
        )


CHECK = Check(
    code="RL402",
    name="next-step-without-time",
    category=Category.CLARITY,
    summary="A promise to follow up with no time and no other next step (we'll look into it).",
    rationale=(
        "'We'll get back to you' leaves the customer waiting without knowing for how long; "
        "saying when turns a vague promise into a commitment they can plan around. Flagged "
        "when the promise's sentence has no time, trigger or condition ('soon', 'as soon as "
        "possible' and 'once we know more' are not times) and nothing else in the e-mail tells "
        "the customer what to do. E-mails and macros only, like missing-next-step."
    ),
    guidance="GUIDANCE §4 Emails end with the next step",
    run=run,
    severity=Severity.INFO,
    examples=(
        Example(
            "Hi Ana,\n\nI've passed this to our billing team and we'll get back to you.\n\n"
            "Best,\nSam",
            fails=True,
        ),
        Example(
            "Hi Ana,\n\nOur engineers will look into it by Friday and I'll email you then.\n\n"
            "Best,\nSam",
            fails=False,
        ),
        Example(
            "Hi Ana,\n\nI'll let you know as soon as the courier replies.\n\nBest,\nSam",
            fails=False,
        ),
    ),
    kinds=frozenset({Kind.EMAIL}),
)
