"""The faster spellings of the reply model's regexes find exactly what the plain ones found.

A pattern that opens on a look-behind gives re no first character to skip to; the same
pattern with the look-behind moved behind its first character (widened by one) matches the
same spans, scanning only where that character occurs.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from replylint.checks.reply.specificity import ASCII_CAPITALISED, SPECIFIC_TOKEN

PLAIN = {
    "SPECIFIC_TOKEN": (
        SPECIFIC_TOKEN,
        re.compile(r"\d|#\w|[\"“][^\"”\n]{2,80}[\"”]|(?<!\w)['‘][^'’\n]{2,40}['’](?!\w)"),
    ),
    "ASCII_CAPITALISED": (
        ASCII_CAPITALISED,
        re.compile(r"(?<![A-Za-z0-9])(?<![A-Za-z0-9]')[A-Z][A-Za-z0-9]*(?:'[A-Za-z0-9]+)*"),
    ),
}
TEXT = st.lists(
    st.sampled_from(["a", "Z", "Ab", "1", "'", "‘", "’", '"', "“", "”", " ", "\n", "#", "é", "_"]),
    max_size=30,
).map("".join)


@settings(max_examples=1000, deadline=None)
@given(TEXT, st.integers(0, 30), st.integers(0, 30))
def test_the_fast_spellings_match_what_the_plain_ones_match(text: str, pos: int, end: int) -> None:
    for fast, plain in PLAIN.values():
        assert [m.span() for m in fast.finditer(text, pos, end)] == [
            m.span() for m in plain.finditer(text, pos, end)
        ]
