"""stiff-formal: bureaucratic, robotic phrasing with a plainer wording (GUIDANCE §2)."""

from __future__ import annotations

from collections.abc import Iterator

from replylint.checks.lexicon import lexicon_for, lexicon_options, render
from replylint.checks.model import Category, Check, Example, Hit, Option, Options, Severity
from replylint.checks.reply.parsed import Reply

LEXICON = "stiff-formal"
# Entries tagged "mild" are everyday office words ("assist", "in order to", "should you need"):
# matters of taste that a plain-language editor would often leave. They are not as precise as
# the bureaucratic formulas (on the labelled gold, nearly every false positive was one), so they
# are off by default and reported, at info, only with the `pedantic` option.
MILD = "mild"
SENSITIVE_NOTE = (
    " (reported one level lower: this sentence apologises, refuses or answers a complaint, "
    "where a formal tone is right)"
)


def run(reply: Reply, options: Options) -> Iterator[Hit]:
    """Every stiff phrase of the lexicon, softened in mild entries and sensitive sentences."""
    pedantic = bool(options.get("pedantic", False))
    for match in lexicon_for(LEXICON, options).find(reply):
        mild = MILD in match.entry.tags
        if mild and not pedantic:
            continue
        escalate = -1 if mild else 0
        message = render(match.entry.message, reply, match)
        # GUIDANCE §2: in sensitive situations switch to a formal, careful tone, so formal
        # wording there is a much smaller fault than in a neutral reply.
        if match.sentence is not None and match.sentence.sensitive:
            escalate -= 1
            message += SENSITIVE_NOTE
        yield Hit(match.start, match.end, message, match.entry.suggestion, escalate)


CHECK = Check(
    code="RL201",
    name="stiff-formal",
    category=Category.TONE,
    summary="Bureaucratic, robotic phrasing (please be advised, kindly, as per, prior to).",
    rationale=(
        "Most customers prefer an everyday tone to a formal one; stiff formulas sound like a "
        "robot or a legal notice and put distance between the customer and the person helping."
    ),
    guidance="GUIDANCE §2 Tone",
    run=run,
    severity=Severity.WARNING,
    options={
        **lexicon_options(),
        "pedantic": Option(
            bool,
            False,
            "also hint (at info) at mild office words: assist, in order to, should you need",
        ),
    },
    examples=(
        Example("Please be advised that your order has shipped.", fails=True),
        Example("Kindly share your order number prior to the call.", fails=True),
        Example("Good news: your order has shipped and arrives on Monday.", fails=False),
        Example("We are sorry; per our policy we cannot refund opened software.", fails=True),
    ),
)
