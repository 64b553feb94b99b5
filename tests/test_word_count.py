"""The word count taken from the token map equals a WORD scan of the masked text."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from replylint.checks.anchors import TOKEN
from replylint.checks.reply.parsed import Reply
from replylint.checks.reply.segment import APOSTROPHES, count_words, count_words_from_runs

# Letters whose lower case is special (two characters, final sigma, re's case folding),
# apostrophes, the underscore WORD excludes, digits, marks and white space.
WORDY_TEXT = st.lists(
    st.sampled_from(
        ["a", "B", "7", "_", "'", "’", " ", "\n", "İ", "Σ", "ı", "ſ", "é", "\u0307", "Ⅻ", "-", "."]
    )
    | st.characters(),
    max_size=40,
).map("".join)


def _every_character() -> str:
    return "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)


def test_letter_digit_class_of_re_is_isalnum() -> None:
    everything = _every_character()
    by_re = set(re.findall(r"[^\W_]", everything))
    assert by_re == {c for c in everything if c.isalnum()}


def test_lower_casing_one_character_into_one_keeps_what_words_are_made_of() -> None:
    for c in _every_character():
        lower = c.lower()
        if len(lower) == 1:
            assert lower.isalnum() == c.isalnum(), c
            assert (lower in APOSTROPHES) == (c in APOSTROPHES), c


@settings(max_examples=600, deadline=None)
@given(WORDY_TEXT)
def test_count_from_runs_equals_the_word_scan(text: str) -> None:
    assert count_words_from_runs(text, len(TOKEN.findall(text))) == count_words(text)


@settings(max_examples=600, deadline=None)
@given(WORDY_TEXT)
def test_reply_word_count_equals_the_word_scan_of_the_masked_text(text: str) -> None:
    reply = Reply(text)
    assert reply.word_count == count_words(reply.masked)
