"""The syllable heuristic and the Flesch reading ease figure."""

from __future__ import annotations

import pytest

from replylint.checks.reply.readability import count_syllables, flesch_reading_ease


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("the", 1),
        ("make", 1),
        ("phone", 1),
        ("asked", 1),
        ("table", 2),
        ("simple", 2),
        ("boxes", 2),
        ("wanted", 2),
        ("started", 2),
        ("refund", 2),
        ("order", 2),
        ("replacement", 3),
        ("hopefully", 3),
        ("customer", 3),
        ("frustrating", 3),
        ("delivery", 4),
        ("information", 4),
        ("immediately", 5),
        ("you've", 1),
        ("quiet", 2),
    ],
)
def test_count_syllables(word: str, syllables: int) -> None:
    assert count_syllables(word) == syllables


def test_short_text_has_no_figure() -> None:
    assert flesch_reading_ease("Thanks, Anna! Your refund is on its way.") is None


def test_plain_reply_reads_easier_than_stiff_one() -> None:
    plain = flesch_reading_ease(
        "Your parcel left today. It should reach you on Friday. I have sent the tracking link."
    )
    stiff = flesch_reading_ease(
        "Notwithstanding the aforementioned considerations, the organisational implementation "
        "of the reimbursement methodology necessitates comprehensive verification procedures."
    )
    assert plain is not None and stiff is not None
    assert plain > 70 > 0 > stiff


def test_formula_on_a_known_text() -> None:
    # 13 words, 2 sentences, 15 syllables ("today", "garden" have two each).
    text = "The cat sat on the mat today. The dog ran to the garden."
    assert flesch_reading_ease(text) == pytest.approx(206.835 - 1.015 * 13 / 2 - 84.6 * 15 / 13)


def test_reply_figure_reads_only_the_agents_sentences() -> None:
    from replylint.checks import Reply
    from replylint.checks.reply.readability import reply_reading_ease

    body = "Your parcel left today. It should reach you on Friday. I have sent the tracking link."
    quoted = (
        "\n\n> Notwithstanding the aforementioned considerations, reimbursement necessitates it."
    )
    reply = Reply(f"Hi Anna,\n\n{body}\n\nBest,\nSam{quoted}")
    assert reply_reading_ease(reply) == pytest.approx(flesch_reading_ease(body))
    assert reply_reading_ease(Reply("Thanks, done!")) is None
