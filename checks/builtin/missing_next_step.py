"""missing-next-step: an e-mail whose closing never says what happens next (GUIDANCE §4)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from replylint.checks.builtin.next_step_phrases import (
    CUE,
    FUTURE,
    GENERIC,
    GENERIC_CLAUSE,
    PROMISE,
    TIME,
)
from replylint.checks.model import Category, Check, Example, Hit, Kind, Option, Options, Severity
from replylint.checks.reply.parsed import CLOSING_SENTENCES, Reply, Sentence
from replylint.checks.reply.segment import WORD

MIN_CLOSING_WORDS = 3
LONG_SENTENCE_WORDS = 8
SENTENCE_END = re.compile(r"[.!?:…][\"'”’)\]]*\s*\Z")


def gives_next_step(sentence: Sentence) -> bool:
    """Whether a sentence asks for, promises or points to a concrete next step."""
    text = sentence.text
    for generic in (GENERIC_CLAUSE, GENERIC):
        text = generic.sub(lambda m: " " * len(m.group()), text)
    if CUE.search(text) or PROMISE.search(text):
        return True
    return bool(FUTURE.search(text) and TIME.search(text))


def closing_sentences(reply: Reply) -> list[Sentence]:
    """Everything from the third-last prose sentence on (short lines like "Get started!" too).

    ``reply.closing`` counts every line, so template footers ("Walnut CA 91789"), button labels
    and unmasked template variables ("%(adminaddr)s") would push the real closing out of view.
    """
    prose = [i for i, s in enumerate(reply.content) if _is_prose(s)]
    return reply.content[prose[-CLOSING_SENTENCES:][0] :] if prose else []


def _is_prose(sentence: Sentence) -> bool:
    # Footer and signature lines ("Walnut CA 91789", "– Team Acme") have few lower-case words
    # and no sentence punctuation; a real sentence has both (or is long).
    words = [w for w in WORD.findall(sentence.text) if not w.isupper() and not w.isdigit()]
    ended = SENTENCE_END.search(sentence.text) is not None
    return len(words) >= MIN_CLOSING_WORDS and (ended or len(words) >= LONG_SENTENCE_WORDS)


def _visible_span(reply: Reply, sentence: Sentence) -> tuple[int, int]:
    # The engine drops hits that touch masked text (an address, a URL): point at the stretch
    # of the sentence before its first masked region (a sentence never starts masked).
    end = min(
        [s for s, _e, _k in reply.masks.spans if sentence.start < s < sentence.end]
        or [sentence.end]
    )
    return sentence.start, sentence.start + len(reply.text[sentence.start : end].rstrip())


def not_applicable(reply: Reply, options: Options) -> str | None:
    """Short replies ("Done, thanks!") and replies without a closing need no next step."""
    if reply.word_count < options["min-words"]:
        return f"shorter than {options['min-words']} words"
    return None if closing_sentences(reply) else "no closing sentences"


def run(reply: Reply, options: Options) -> Iterator[Hit]:
    """One hit at the last closing sentence when no closing sentence gives a next step."""
    closing = closing_sentences(reply)
    if closing and not any(gives_next_step(s) for s in closing):
        last = [s for s in closing if _is_prose(s)][-1]
        start, end = _visible_span(reply, last)
        yield Hit(
            start,
            end,
            "The e-mail ends without a next step: say what the customer should do or decide, "
            "or what you will do and when",
            "End with the next step: 'Please reply with … by …' or 'I'll … by <day>.'",
        )


CHECK = Check(
    code="RL401",
    name="missing-next-step",
    category=Category.CLARITY,
    summary="An e-mail that ends without saying what the customer should do or what happens next.",
    rationale=(
        "A customer who finishes reading and still doesn't know what to do, or when to expect "
        "news, writes back or calls again; one closing line saves both sides a round trip."
    ),
    guidance="GUIDANCE §4 Emails end with the next step",
    run=run,
    severity=Severity.WARNING,
    options={"min-words": Option(int, 30, "replies shorter than this are n/a", minimum=0)},
    examples=(
        Example(
            "Hi Ana,\n\nThanks for your patience while we checked your account. The charge on "
            "3 May was a duplicate and we have reversed it.\n\nLet me know if you have any "
            "other questions!\n\nBest regards,\nSam",
            fails=True,
        ),
        Example(
            "Hi Ana,\n\nThanks for your patience while we checked your account. The charge on "
            "3 May was a duplicate and we have reversed it.\n\nPlease reply with a photo of the "
            "label by Friday so we can close the case.\n\nBest regards,\nSam",
            fails=False,
        ),
    ),
    kinds=frozenset({Kind.EMAIL}),
    not_applicable=not_applicable,
)
