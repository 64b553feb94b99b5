"""The faster spellings in segment.py find exactly what the plain ones they replace found."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from replylint.checks.reply.segment import (
    END_PUNCTUATION,
    PARAGRAPH_BREAK,
    WORD,
    _lines,
    _scanned_lines,
    count_words,
    paragraph_spans,
)

# PARAGRAPH_BREAK as it was written before its line breaks were reordered for speed.
PLAIN_PARAGRAPH_BREAK = re.compile(r"(?:\r?\n|\r)[ \t]*(?:(?:\r?\n|\r)[ \t]*)+")

# END_PUNCTUATION as it was written before its look-behind moved behind the first character.
PLAIN_END_PUNCTUATION = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’)\]]*+(?=\s)")

LINE_TEXT = st.lists(
    st.sampled_from(["\r", "\n", "\r\n", " ", "\t", "a", "Hi.", "é", "’", "'", "_", "7"]),
    max_size=25,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(LINE_TEXT)
def test_paragraph_breaks_are_the_same_as_the_plain_pattern(text: str) -> None:
    found = [m.span() for m in PARAGRAPH_BREAK.finditer(text)]
    assert found == [m.span() for m in PLAIN_PARAGRAPH_BREAK.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(LINE_TEXT)
def test_paragraph_spans_of_one_line_need_no_scan(text: str) -> None:
    line = text.replace("\r", " ").replace("\n", " ")
    stripped = line.strip()
    expected = [(len(line) - len(line.lstrip()), len(line.rstrip()))] if stripped else []
    assert paragraph_spans(line) == expected


@settings(max_examples=400, deadline=None)
@given(LINE_TEXT)
def test_count_words_equals_the_unicode_word_pattern(text: str) -> None:
    assert count_words(text) == len(WORD.findall(text))
    assert count_words(text, 2, 9) == len(WORD.findall(text, 2, 9))


@settings(max_examples=400, deadline=None)
@given(LINE_TEXT, st.integers(0, 25), st.integers(0, 25))
def test_lines_of_a_range_are_the_same_as_the_line_scan(text: str, start: int, end: int) -> None:
    start, end = min(start, len(text)), min(max(start, end), len(text))
    assert _lines(text, start, end) == _scanned_lines(text, start, end)


def test_an_ordinal_before_a_lower_case_word_ends_no_sentence() -> None:
    """Issue 16: Latvian and Frisian dates ("12. maijā", "1. maart") are ordinals."""
    from replylint.checks.reply.segment import sentence_spans

    def sentences(text: str) -> list[str]:
        return [text[s:e] for s, e, _item in sentence_spans(text, 0, len(text))]

    assert sentences("Piegāde būs 12. maijā. Paldies!") == ["Piegāde būs 12. maijā.", "Paldies!"]
    assert sentences("We open at 9. See you then.") == ["We open at 9.", "See you then."]


PUNCTUATED = st.lists(
    st.sampled_from([".", "!", "?", "…", '"', "'", "”", "’", ")", "]", " ", "\n", "\t", "a", "Z"]),
    max_size=30,
).map("".join)


@settings(max_examples=1000, deadline=None)
@given(PUNCTUATED, st.integers(0, 30), st.integers(0, 30))
def test_sentence_ends_are_the_same_as_the_plain_pattern(text: str, pos: int, end: int) -> None:
    """Also from a start or to an end inside the text, as paragraphs are scanned."""
    found = [m.span() for m in END_PUNCTUATION.finditer(text, pos, end)]
    assert found == [m.span() for m in PLAIN_END_PUNCTUATION.finditer(text, pos, end)]
