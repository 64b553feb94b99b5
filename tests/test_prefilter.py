"""The RE2 prefilter never misses a branch that matches, and lexicons work the same without it."""

from __future__ import annotations

import functools
import re
import string
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_anchors import EXAMPLES, NAMES, full_scan

from replylint.checks import Reply, prefilter
from replylint.checks.lexicon import compile_lexicon, load_lexicon, read_lexicon_data
from replylint.checks.reply.parsed import LOWER_EXCEPTIONS

pytestmark = pytest.mark.skipif(not prefilter.available(), reason="google-re2 is not installed")

# Characters whose case folding or class membership differs between re, str.lower() and RE2.
ODD = ["é", "É", "’", "“", "—", "\u00a0", "\u2009", "K", "ß", "Σ", "ς", "ǅ", "١", "?", "_"]


def missed(name: str, text: str) -> list[str]:
    """Branches of lexicon ``name`` that match ``text`` but that its prefilter leaves out."""
    reply = Reply(text)
    if not reply.lowered_is_exact:
        return []
    branches = load_lexicon(name).branches
    found = _branch_set(name)
    candidates = set(found.matching(prefilter.search_text(reply.lowered)))
    return [
        b.plain
        for number, b in enumerate(branches)
        if number not in candidates and re.search(b.plain, reply.masked, re.IGNORECASE)
    ]


@functools.cache
def _branch_set(name: str) -> prefilter.BranchSet:
    found = prefilter.branch_set([b.plain for b in load_lexicon(name).branches])
    assert found is not False
    return found


@pytest.mark.parametrize("name", NAMES)
def test_no_branch_missed_on_the_examples(name: str) -> None:
    for text in EXAMPLES:
        assert not missed(name, text), text


WORDS = st.sampled_from(
    sorted({word for text in EXAMPLES for word in text.replace("\n", " ").split(" ") if word})
)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.one_of(
            WORDS,
            WORDS.map(str.upper),
            st.sampled_from([" ", "\n", ". ", "!! ", "'", *ODD]),
            st.text(alphabet=string.ascii_letters + "".join(ODD), max_size=3),
        ),
        max_size=50,
    ).map("".join)
)
def test_no_branch_missed_on_odd_text(text: str) -> None:
    for name in NAMES:
        assert not missed(name, text), text


def test_ascii_letters_fold_beyond_ascii_only_where_lower_agrees() -> None:
    """The translation writes an ASCII letter in lower case only: every other character re
    matches to it case-insensitively lower-cases to it, or is one of LOWER_EXCEPTIONS."""
    letters = re.compile("[a-z]", re.IGNORECASE)
    for code in range(0x80, sys.maxunicode + 1):
        char = chr(code)
        if letters.fullmatch(char):
            assert char.lower().isascii() or char in LOWER_EXCEPTIONS, char


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"\bcaf\w\b", "Café"),  # \w beyond ASCII
        (r"\bno\s+way\b", "No\u00a0way"),  # a Unicode space
        (r"[^a-z]ok", "éok"),  # a negated class meets "?"
        (r"\bstraße\b", "STRASSE straße"),
        (r"\b(?<!not )sorry\b", "I am SO sorry"),  # look-behind dropped
        (r"(?-i:API)\s+key", "API key"),  # case-sensitive part
        ("can[’']t", "CAN’T"),
    ],
)
def test_translated_pattern_finds_what_re_finds(pattern: str, text: str) -> None:
    assert re.search(pattern, text, re.IGNORECASE)
    found = prefilter.branch_set([pattern])
    assert found is not False
    assert found.matching(prefilter.search_text(text.lower())) == [0]


def test_untranslatable_branch_is_always_a_candidate() -> None:
    found = prefilter.branch_set([r"(a)\1", r"zzz"])
    assert found is not False
    assert found.matching(prefilter.search_text("nothing here")) == [0]


def test_without_re2_the_same_matches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prefilter, "re2", False)  # as where the wheel is missing
    for name in NAMES:
        fresh = compile_lexicon(name, read_lexicon_data(name))
        for text in EXAMPLES[:200]:
            found = [(s, e, b.group) for b, s, e in fresh.scan(Reply(text))]
            assert [(s, e, g) for (s, e), g in full_scan(name, text)] == found, text
