"""The anchored scan of a lexicon finds exactly what a full scan of its alternation finds."""

from __future__ import annotations

import re
import string
import sys
from importlib.resources import files

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from replylint.checks import Reply
from replylint.checks.anchors import Anchor, anchor_of, start_of, token_starts_of
from replylint.checks.builtin.empathy_without_action import ACTION, EMPATHY, HOLLOW
from replylint.checks.builtin.next_step_phrases import PROMISE
from replylint.checks.lexicon import anchored_finditer, load_lexicon
from replylint.checks.reply.parsed import LOWER_EXCEPTIONS

NAMES = sorted(
    p.name.removesuffix(".yaml")
    for p in (files("replylint.checks.builtin") / "lexicons").iterdir()
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


@pytest.mark.parametrize(
    ("pattern", "options", "words"),
    [
        (r"\bkindly\b", {"kindly"}, True),
        (r"\b(?:we|I)\s+can['’]t\b", {"we", "i"}, True),
        (r"\bcan(?:no|['’])t\b", {"can", "cannot"}, True),
        (r"\b(?:(?:first|then)\s+)?you\b", {"first", "then", "you"}, True),
        (r"\bthanks?(?:\s+you)?", {"thank", "thanks"}, False),  # "thanksgiving" matches too
        (r"\bapologi[sz]e\b", {"apologi"}, False),
        (r"(?<![\w.-])(?:u|ur)(?![\w-])", {"u", "ur"}, True),
        (r"(?-i:\b(?:^|(?<=\n))(?:No|Nah)[.!])", {"no", "nah"}, True),
        (r"(?<!\bif\s)\b(?:we|i)\b", {"we", "i"}, True),
        (r"(?<!\bif\s)(?:we|i)\b", None, None),  # may start inside a word: "twi"
        (r"sh[i1]t", None, None),
        (r"f+u+c+k", None, None),
        (r"\b\w+ing\b", None, None),
        (r"\b(?:we|\d+)\b", None, None),
        (r"\bcafé\b", None, None),  # only ASCII words: lower() and re agree on those
    ],
)
def test_start_words(pattern: str, options: set[str] | None, words: bool | None) -> None:
    start = start_of(pattern)
    if options is None:
        assert start is None
    else:
        assert start is not None and (set(start.options), start.words) == (options, words)


def test_scan_of_a_text_lower_casing_apart_from_re_finds_the_same() -> None:
    # re matches "ı" to "i" case-insensitively, but the lower-cased text has no "i" there.
    for text in ("Sorry, ı cannot refund this.", "Sorry, İ cannot refund this."):
        assert anchored_scan("negative-wording", text) == full_scan("negative-wording", text)
        assert anchored_scan("negative-wording", text)


def test_lower_casing_agrees_with_re_but_for_the_known_exceptions() -> None:
    """What lets a scan search the lower-cased text for a branch's start words."""
    letter = re.compile("[a-z]", re.IGNORECASE)
    characters = [chr(code) for code in range(0x80, 0x110000)]
    apart = {
        c for c in characters if letter.fullmatch(c) and c.lower() not in string.ascii_lowercase
    }
    assert apart == set(LOWER_EXCEPTIONS)
    # A character that is no word character stays one when lower-cased (word edges hold).
    assert not [
        c
        for c in characters
        if not (c.isalnum() or c == "_") and len(c.lower()) == 1 and c.lower().isalnum()
    ]


PHRASE_REGEXES = [PROMISE, EMPATHY, HOLLOW, ACTION]
PHRASE_TEXTS = [
    *EXAMPLES,
    "I'm so sorry to hear that. Our billing team will get back to you.",
    "ı understand your frustration; we will look into it.",  # re reads "ı" as "I"
    "We’ll follow up, and someone from our support team will contact you.",
]


@pytest.mark.parametrize("regex", PHRASE_REGEXES, ids=lambda regex: regex.pattern[:30])
def test_anchored_finditer_finds_what_finditer_finds(regex: re.Pattern[str]) -> None:
    for text in PHRASE_TEXTS:
        reply = Reply(text)
        expected = [m.span() for m in regex.finditer(reply.masked)]
        assert [m.span() for m in anchored_finditer(regex, reply)] == expected, text
        for pos in range(0, len(reply.masked) + 1, 7):  # from a position, as finditer(text, pos)
            expected = [m.span() for m in regex.finditer(reply.masked, pos)]
            assert [m.span() for m in anchored_finditer(regex, reply, pos)] == expected, text


def scanned_word_starts(anchor: Anchor, lowered: str) -> list[int]:
    """What word_starts gave before it looked tokens up: a regex scan for the options."""
    tail = r"(?![^\W_])" if anchor.words else ""
    options = sorted(anchor.options, key=lambda option: (-len(option), option))
    regex = "|".join(rf"{re.escape(o)}(?<![^\W_]{re.escape(o)}){tail}" for o in options)
    return [m.start() for m in re.finditer(regex, lowered)]


@settings(max_examples=300, deadline=None)
@given(
    st.frozensets(st.sampled_from(["i", "we", "no", "nope", "the", "a1", "apologi"]), min_size=1),
    st.booleans(),
    st.lists(
        st.sampled_from(["i", "we", "no", "nope", "the", "the1", "apologies", "é", "_", "'", " "]),
        max_size=30,
    ).map("".join),
)
def test_word_starts_from_tokens_equal_a_scan_of_the_text(
    options: frozenset[str], words: bool, lowered: str
) -> None:
    anchor = Anchor(options, words)
    assert anchor.word_starts(token_starts_of(lowered)) == scanned_word_starts(anchor, lowered)


def scanned_token_starts(lowered: str) -> dict[str, list[int]]:
    """What token_starts_of gave before its offsets were found lazily: one pass of TOKEN."""
    starts: dict[str, list[int]] = {}
    for match in re.finditer(r"[^\W_]+", lowered):
        starts.setdefault(match.group(), []).append(match.start())
    return starts


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["we", "wee", "we1", "awe", "é", "wé", "²", "_", "'", " ", "\n", "ı"]),
        max_size=40,
    ).map("".join),
    st.lists(st.sampled_from(["we", "wee", "we1", "awe", "wé", "x"]), max_size=8),
)
def test_lazy_token_offsets_equal_one_pass(lowered: str, asked: list[str]) -> None:
    expected = scanned_token_starts(lowered)
    found = token_starts_of(lowered)
    for token in asked:  # offsets asked for one by one, then all of them
        assert (token in found) == (token in expected)
        if token in expected:
            assert found[token] == expected[token]
    assert list(found) == list(expected)
    assert {t: found[t] for t in found} == expected
    assert dict(found.counts()) == {t: len(s) for t, s in expected.items()}


def test_letter_or_digit_class_is_str_isalnum() -> None:
    """TokenStarts finds a token's edges with str.isalnum(): exactly re's [^\\W_]."""
    regex = re.compile(r"[^\W_]")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert bool(regex.fullmatch(char)) == char.isalnum(), hex(code)


def test_offsets_of_many_tokens_stay_linear() -> None:
    """Thousands of distinct tokens sharing a prefix: offsets are then found in one pass."""
    lowered = " ".join(f"apologi{n}" for n in range(20_000))
    anchor = Anchor(frozenset({"apologi"}), False)
    assert len(anchor.word_starts(token_starts_of(lowered))) == 20_000
