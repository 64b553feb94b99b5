"""The anchored scan of a lexicon finds exactly what a full scan of its alternation finds."""

from __future__ import annotations

import re
from importlib.resources import files

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from replylint.checks import Reply
from replylint.checks.anchors import anchor_of
from replylint.checks.lexicon import load_lexicon

NAMES = sorted(
    p.name.removesuffix(".yaml")
    for p in (files("replylint.checks") / "lexicons").iterdir()
    if p.name.endswith(".yaml")
)
EXAMPLES = [
    text
    for name in NAMES
    for entry in load_lexicon(name).entries
    for text in (*entry.fail, *entry.passes)
]


def full_scan(name: str, text: str) -> list[tuple[tuple[int, int], str | None]]:
    regex = load_lexicon(name).full_regex()
    assert regex is not None
    return [(m.span(), m.lastgroup) for m in regex.finditer(Reply(text).masked)]


def anchored_scan(name: str, text: str) -> list[tuple[tuple[int, int], str | None]]:
    return [
        ((start, end), branch.group) for branch, start, end in load_lexicon(name).scan(Reply(text))
    ]


@pytest.mark.parametrize("name", NAMES)
def test_packaged_patterns_compile_without_capturing_groups(name: str) -> None:
    for branch in load_lexicon(name).branches:
        assert re.compile(branch.plain, re.IGNORECASE).groups == 0, branch.plain


@pytest.mark.parametrize("name", NAMES)
def test_same_matches_on_every_example_of_every_lexicon(name: str) -> None:
    for text in EXAMPLES:
        assert anchored_scan(name, text) == full_scan(name, text), text


WORDS = st.sampled_from(
    sorted({word for text in EXAMPLES for word in text.replace("\n", " ").split(" ") if word})
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(WORDS, st.sampled_from([" ", "\n", ". ", "!! ", "’", "'"])), max_size=60
    ).map(" ".join)
)
def test_same_matches_on_shuffled_lexicon_words(text: str) -> None:
    for name in NAMES:
        assert anchored_scan(name, text) == full_scan(name, text)


@pytest.mark.parametrize(
    ("pattern", "options", "words"),
    [
        (r"\bkindly\b", {"kindly"}, True),
        (r"\bcan['’]t\b", {"can"}, True),
        (r"\bsorry\s+for\s+(?:any|the)\s+inconveni(?:ence|ences)", {"inconvenience"}, False),
        (r"\b(?:we|they)\s+can['’]t\b", {"can"}, True),
        (r"\b(?:gonna|wanna)\b", {"gonna", "wanna"}, True),
        (r"!{2,}", {"!"}, False),
        (r"(?:u|r)\b", None, None),
    ],
)
def test_anchor_extraction(pattern: str, options: set[str] | None, words: bool | None) -> None:
    anchor = anchor_of(pattern)
    if options is None:
        assert anchor is None
    else:
        assert anchor is not None and (set(anchor.options), anchor.words) == (options, words)
