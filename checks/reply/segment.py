"""Paragraphs and sentences of a (masked) reply, as character spans.

Rule-based on purpose: a support reply is short, informal and often hard-wrapped, and a
statistical sentence splitter would cost more start-up time than the whole lint run.
"""

from __future__ import annotations

import re
import sys

from replylint.checks.regex_cache import compile_regex

# Each line break is spelled "\n|\r\n?" (not "\r?\n|\r", the same breaks): with every
# alternative opening on a literal, re skips straight to the next \r or \n (three times faster).
PARAGRAPH_BREAK = compile_regex(r"(?:\n|\r\n?)[ \t]*(?:(?:\n|\r\n?)[ \t]*)+")
LINE = compile_regex(r"[^\r\n]*(?:\r\n|\r|\n|$)")
LIST_MARKER = compile_regex(r"[ \t]*(?:[-*•‣◦+]|\d{1,2}[.)]|[a-z][.)])[ \t]+")
# A sentence ends after . ! ? (and closing quotes/brackets) followed by white space. A match
# starts only where a run of punctuation does, and never backtracks into it: a run of 20,000
# "!" with no space after took 3 s when every position of it was tried again (now linear).
# The pattern opens on the class, the look-behind after it (the character before the first
# one is no punctuation): re skips to the next candidate character instead of testing the
# look-behind at every position (3.4 times faster over the corpus, the same matches).
END_PUNCTUATION = compile_regex(r"[.!?…](?<![.!?…].)[.!?…]*+[\"'”’)\]]*+(?=\s)")
WRAP_WIDTH = 60
APOSTROPHES = "'’"  # the characters WORD joins runs with
WORD = compile_regex(r"[^\W_]+(?:['’][^\W_]+)*")
# WORD for ASCII text, where [^\W_] is exactly [A-Za-z0-9]: a plain class is matched without a
# Unicode category lookup per character (a third faster; most replies are ASCII).
ASCII_WORD = compile_regex(r"[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*")

# Tokens that end in a period without ending the sentence.
NEVER_FINAL = frozenset(
    "mr mrs ms dr st vs e.g eg i.e ie approx cf fig no nos jr sr prof rev ref dept tel ext".split()
)
FINAL_IF_CAPITAL_FOLLOWS = frozenset("etc a.m p.m inc ltd co corp am pm u.s u.k".split())


def count_words(text: str, start: int = 0, end: int = sys.maxsize) -> int:
    """How many WORD matches ``text[start:end]`` holds."""
    return len((ASCII_WORD if text.isascii() else WORD).findall(text, start, end))


def count_words_from_runs(text: str, runs: int) -> int:
    """``count_words(text)`` given how many runs of letters and digits (TOKEN matches) it holds.

    A word is a chain of runs joined by single apostrophes ("don't", "o’clock"), so there are as
    many words as runs less the joins: apostrophes with a letter or digit on both sides
    (``str.isalnum`` is the letter-or-digit class of ``re``). The runs are counted already (the
    token map), and finding the few apostrophes costs far less than another regex scan.
    """
    joins = 0
    last = len(text) - 1
    for apostrophe in APOSTROPHES:
        at = text.find(apostrophe, 1)
        while 0 < at < last:
            if text[at - 1].isalnum() and text[at + 1].isalnum():
                joins += 1
            at = text.find(apostrophe, at + 1)
    return runs - joins


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Spans of paragraphs (runs of non-blank lines), trimmed of surrounding white space."""
    if "\n" not in text and "\r" not in text:  # one line (two replies in three): no scan
        return _trimmed(text, 0, len(text))
    spans: list[tuple[int, int]] = []
    position = 0
    for match in PARAGRAPH_BREAK.finditer(text):
        spans.extend(_trimmed(text, position, match.start()))
        position = match.end()
    spans.extend(_trimmed(text, position, len(text)))
    return spans


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Sentence spans inside one paragraph, each with a flag telling if it is a list item."""
    return [
        (s, e, is_item)
        for seg_start, seg_end, is_item in _line_groups(text, start, end)
        for s, e in _split_sentences(text, seg_start, seg_end)
    ]


def _line_groups(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Lines of a paragraph with hard-wrapped ones joined: (start, end, is_list_item)."""
    lines = _lines(text, start, end)
    groups: list[tuple[int, int, bool]] = []
    open_group = False
    for index, (line_start, line_end) in enumerate(lines):
        marker = LIST_MARKER.match(text, line_start, line_end)
        if open_group and not marker:
            groups[-1] = (groups[-1][0], line_end, groups[-1][2])
        else:
            groups.append((marker.end() if marker else line_start, line_end, marker is not None))
        following = lines[index + 1] if index + 1 < len(lines) else None
        open_group = following is not None and _wraps_into(text, line_start, line_end, following)
    return groups


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The non-blank lines of ``text[start:end]``, trimmed."""
    if text.find("\n", start, end) < 0 and text.find("\r", start, end) < 0:
        return _trimmed(text, start, end)  # one line (most paragraphs): no scan
    return _scanned_lines(text, start, end)


def _scanned_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``_lines`` by scanning line by line (what the one-line shortcut must agree with)."""
    lines: list[tuple[int, int]] = []
    position = start
    while position < end:
        match = LINE.match(text, position, end)
        if match is None or match.end() == position:
            break
        lines.extend(_trimmed(text, match.start(), match.end()))
        position = match.end()
    return lines


def _wraps_into(text: str, start: int, end: int, following: tuple[int, int]) -> bool:
    """Whether a line is hard-wrapped into the next one rather than ending there."""
    if LIST_MARKER.match(text, *following):
        return False
    last = text[end - 1]
    if last in ".!?:;…)" or (last in "\"'”’" and end - start > 1 and text[end - 2] in ".!?"):
        return False
    words = count_words(text, start, end)
    # Wrapped prose fills the line to a mail client's width (60-78 columns) or runs on in
    # lower case; greetings, sign-offs, headings and one-instruction lines do neither.
    if end - start >= WRAP_WIDTH:
        return True
    starts_lower = text[following[0]].islower()
    return starts_lower and (words > 6 or (words > 3 and last != ","))


def _split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = start
    for match in END_PUNCTUATION.finditer(text, start, end):
        if not _ends_sentence(text, match, end):
            continue
        spans.extend(_trimmed(text, position, match.end()))
        position = match.end()
    spans.extend(_trimmed(text, position, end))
    return spans


def _ends_sentence(text: str, match: re.Match[str], end: int) -> bool:
    punctuation = match.group().rstrip("\"'”’)]")
    following = _next_visible(text, match.end(), end)
    if following is None:
        return True
    if punctuation.startswith(".") and len(punctuation) == 1:
        token = _token_before(text, match.start()).lower()
        if token in NEVER_FINAL or (len(token) == 1 and token.isalpha()):
            return False
        if token in FINAL_IF_CAPITAL_FOLLOWS:
            return following.isupper()
        # An ordinal: Latvian, Frisian and other languages write dates "12. maijā", "1. maart".
        if token.isdigit() and following.islower():
            return False
    if (set(punctuation) <= {".", "…"} and len(punctuation) > 1) or punctuation == "…":
        return not following.islower()
    return True


def _token_before(text: str, position: int) -> str:
    start = position
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "."):
        start -= 1
    return text[start:position].rstrip(".")


def _next_visible(text: str, position: int, end: int) -> str | None:
    while position < end and text[position].isspace():
        position += 1
    return text[position] if position < end else None


def _trimmed(text: str, start: int, end: int) -> list[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if start < end else []
