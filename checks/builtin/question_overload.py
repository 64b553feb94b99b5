"""question-overload: a stream of questions the customer must untangle (GUIDANCE §6)."""

from __future__ import annotations

from collections.abc import Iterator

from replylint.checks.model import Category, Check, Example, Hit, Option, Options, Severity
from replylint.checks.reply.parsed import Part, Reply, Sentence

CLOSERS = "\"'”’)]"


def is_question(sentence: Sentence) -> bool:
    """Whether the sentence ends in '?' (or '?!'; closing quotes and brackets aside)."""
    return sentence.text.rstrip().rstrip(CLOSERS).rstrip("!").endswith("?")


def question_runs(reply: Reply) -> list[list[Sentence]]:
    """Questions grouped by paragraph; one-question paragraphs in a row join into one run."""
    runs: list[list[Sentence]] = []
    current: list[Sentence] = []
    last: Sentence | None = None
    for sentence in reply.sentences:
        if sentence.part is Part.GREETING:
            continue
        if sentence.is_list_item:
            # GUIDANCE §6: organised questions (a numbered or bulleted list) are fine.
            runs.append(current)
            current, last = [], None
            continue
        asks = is_question(sentence)
        same_paragraph = last is not None and last.paragraph == sentence.paragraph
        # Chat replies put each question on its own line: still one stream of questions.
        continues = same_paragraph or (asks and last is not None and is_question(last))
        if not continues:
            runs.append(current)
            current = []
        if asks:
            current.append(sentence)
        last = sentence
    runs.append(current)
    return [run for run in runs if run]


def run(reply: Reply, options: Options) -> Iterator[Hit]:
    """One hit per paragraph or run of running text asking more than ``max-questions``."""
    limit = int(options["max-questions"])
    for questions in question_runs(reply):
        if len(questions) > limit:
            yield Hit(
                questions[0].start,
                questions[-1].end,
                f"{len(questions)} questions in a row (more than {limit}); the customer will "
                "answer the first and miss the rest",
                "Put the questions in a numbered list (1. …, 2. …, 3. …) so each gets an answer",
            )


CHECK = Check(
    any_language=True,  # counts words, question marks and placeholders, not meanings
    code="RL601",
    name="question-overload",
    category=Category.CLARITY,
    summary="More than max-questions questions in one paragraph or run of text.",
    rationale=(
        "A stream of questions is hard to answer: customers reply to the first one or two, and "
        "the ticket goes back and forth. A numbered list gets every answer in one reply."
    ),
    guidance="GUIDANCE §6 Clarity and load",
    run=run,
    severity=Severity.WARNING,
    options={
        "max-questions": Option(
            int, 3, "most questions allowed in one paragraph of running text", minimum=1
        ),
    },
    examples=(
        Example(
            "Which model do you have? When did you buy it? Did it come with a charger? Have you "
            "tried another socket?",
            fails=True,
        ),
        Example(
            "So I can check this, could you tell me:\n\n1. Which model do you have?\n"
            "2. When did you buy it?\n3. Did it come with a charger?\n4. Have you tried another "
            "socket?",
            fails=False,
        ),
    ),
)
