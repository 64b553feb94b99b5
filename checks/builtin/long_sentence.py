"""long-sentence: sentences too long to take in at one reading (GUIDANCE §6)."""

from __future__ import annotations

from collections.abc import Iterator

from replylint.checks.model import Category, Check, Example, Hit, Option, Options, Severity
from replylint.checks.reply.parsed import Part, Reply
from replylint.checks.reply.segment import count_words


def run(reply: Reply, options: Options) -> Iterator[Hit]:
    """Every content sentence with more words than ``max-words``."""
    limit = int(options["max-words"])
    for sentence in reply.sentences:
        # Words are at least one character and one separator apart: a short sentence cannot
        # go over the limit, and most are not worth counting.
        if sentence.part is Part.GREETING or (len(sentence.text) + 1) // 2 <= limit:
            continue
        # Masked words (URLs, placeholders) are not read as words, so they do not count.
        words = count_words(sentence.text)
        if words > limit:
            yield Hit(
                sentence.start,
                sentence.end,
                f"This sentence has {words} words (limit {limit}); a customer has to read it twice",
                "Split it where the idea changes: one point, one sentence, about 15-25 words each",
            )


CHECK = Check(
    any_language=True,  # counts words, question marks and placeholders, not meanings
    code="RL602",
    name="long-sentence",
    category=Category.CLARITY,
    summary="Sentences longer than the word limit (default 35 words).",
    rationale=(
        "A customer reads a reply to find out what happens next; a sentence that runs past "
        "35 words buries that point and makes them read twice or ask again."
    ),
    guidance="GUIDANCE §6 Clarity and load",
    run=run,
    severity=Severity.INFO,
    options={
        "max-words": Option(int, 35, "longest sentence allowed, in words", minimum=5),
    },
    examples=(
        Example(
            "We have checked your order and we can see that the parcel left our warehouse on "
            "Monday but the courier has not scanned it since then, which usually means it is "
            "still in transit, so we will open an investigation with them today and write back.",
            fails=True,
        ),
        Example(
            "Your parcel left our warehouse on Monday. The courier has not scanned it since, so "
            "I have opened an investigation with them and will write back by Thursday.",
            fails=False,
        ),
    ),
)
