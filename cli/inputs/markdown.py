"""Markdown replies: the text as written (so line and column are the file's), syntax masked.

Masked on top of what the reply model masks in any text (fenced code, inline code, URLs, HTML
comments, quotes): link and image targets, reference definitions, indented code, heading and
rule markers, front matter and inline HTML tags. List items stay list items (the segmenter
reads ``- `` and ``1. `` lines as items).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from replylint.checks import Reply
from replylint.cli.inputs.targets import InputError, Source

Masks = list[tuple[int, int, str]]

LINK = re.compile(
    r"(?<![!\\])\[(?=[^\[\]\n]*\]\()[^\[\]\n]*"
    r"(\]\(\s*(?:<[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?\s*\))"
)
REFERENCE_LINK = re.compile(r"(?<![!\\])\[(?=[^\[\]\n]+\]\[)[^\[\]\n]+(\]\[[^\[\]\n]*\])")
IMAGE = re.compile(r"!\[[^\[\]\n]*\](?:\([^()\n]*(?:\([^()\n]*\)[^()\n]*)*\)|\[[^\[\]\n]*\])")
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S+[^\n]*$", re.MULTILINE)
HEADING_MARKER = re.compile(r"^ {0,3}#{1,6}(?=[ \t]|$)|[ \t]+#+[ \t]*$", re.MULTILINE)
RULE_LINE = re.compile(
    r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|=+)[ \t]*$", re.M
)
FRONT_MATTER = re.compile(
    r"\A(?:---|\+\+\+)[ \t]*\r?\n.*?^(?:---|\+\+\+|\.\.\.)[ \t]*$", re.M | re.S
)
HTML_TAG = re.compile(
    r"</?(?:a|abbr|b|big|blockquote|br|center|code|del|details|div|em|font|h[1-6]|hr|i|img|"
    r"ins|kbd|li|mark|ol|p|pre|s|small|span|strike|strong|sub|summary|sup|table|tbody|td|"
    r"th|thead|tr|u|ul)\b[^<>]*>",
    re.IGNORECASE,
)
INDENTED = re.compile(r"(?: {4}|\t)")
LIST_START = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]")


def markdown_masks(text: str) -> Masks:
    """Spans of Markdown syntax that are not reply prose."""
    spans: Masks = []
    spans.extend((m.start(), m.end(), "code") for m in FRONT_MATTER.finditer(text))
    spans.extend((m.start(), m.end(), "url") for m in IMAGE.finditer(text))
    for pattern in (LINK, REFERENCE_LINK):
        for match in pattern.finditer(text):
            spans.append((match.start(), match.start() + 1, "markup"))
            spans.append((match.start(1), match.end(1), "url"))
    for pattern in (REFERENCE_DEFINITION, HEADING_MARKER, RULE_LINE, HTML_TAG):
        spans.extend((m.start(), m.end(), "markup") for m in pattern.finditer(text))
    spans.extend(_indented_code(text))
    return spans


def _indented_code(text: str) -> Iterator[tuple[int, int, str]]:
    """Indented code blocks: indented lines after a blank line, outside a list."""
    position, previous_blank, in_list, block_start = 0, True, False, None
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        blank = not body.strip()
        indented = INDENTED.match(body) is not None and not blank
        if block_start is not None and not (indented or blank):
            yield (block_start, position, "code")
            block_start = None
        if indented and block_start is None and previous_blank and not in_list:
            block_start = position
        if not blank and not indented:
            in_list = LIST_START.match(body) is not None
        previous_blank = blank
        position += len(line)
    if block_start is not None:
        yield (block_start, position, "code")


def read_markdown(source: Source) -> Iterator[Reply | InputError]:
    """A Markdown file is one reply, its syntax masked."""
    text = source.text
    yield Reply(text, source.name, extra_masks=markdown_masks(text))
