"""HTML replies: lint the visible text, and point into the original file.

HTML is reduced to its visible text with the standard library's ``html.parser`` — a real
tokenizer that copes with the broken markup e-mail clients write, and adds no dependency.
Every character of the extracted text remembers the offset it came from, so findings are
placed at the original line and column.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

from replylint.checks import Kind, Reply
from replylint.cli.inputs.targets import InputError, InputProblem, Source

Locator = Callable[[int], tuple[int, int]]


class NotHtml(InputProblem):
    """Text read as HTML that holds no tag at all."""


Masks = list[tuple[int, int, str]]


PARAGRAPH_TAGS = frozenset(
    "address article aside blockquote center dd details div dl dt fieldset figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr main nav ol p pre section summary table ul".split()
)
LINE_TAGS = frozenset({"br", "li", "tr", "caption"})
CELL_TAGS = frozenset({"td", "th"})
HIDDEN_TAGS = frozenset({"head", "script", "style", "template", "noscript", "title", "svg"})
CODE_TAGS = frozenset({"code", "pre", "kbd", "samp", "tt"})
VOID_TAGS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
# Quoted history in HTML mail: <blockquote>, Gmail's gmail_quote, Outlook's reply header.
QUOTE_CLASSES = re.compile(r"gmail_quote|moz-cite-prefix|yahoo_quoted|divRplyFwdMsg|appendonsend")


@dataclass
class Extracted:
    """Visible text of an HTML document, the source offset of each character, and masks."""

    text: str
    origins: array[int]
    masks: Masks = field(default_factory=list)

    def locator(self, locate_source: Locator, source_length: int) -> Locator:
        """Map offsets in the extracted text to line/column in the source."""
        origins = self.origins

        def locate(offset: int) -> tuple[int, int]:
            if offset < len(origins):
                return locate_source(origins[offset])
            end = origins[-1] + 1 if origins else 0
            return locate_source(min(end, source_length))

        return locate


class _Extractor(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.pieces: list[str] = []
        self.origins = array("q")
        self.masks: Masks = []
        self.tags = 0
        self.hidden: list[str] = []
        self.quote_depth: list[str] = []  # tags that opened a quote
        self.code_depth = 0
        self.pre_depth = 0
        self.pending = 0  # 1: a line break is due before the next text, 2: a paragraph break
        self.pending_at = 0
        self.length = 0
        self.at_line_start = True

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _emit(self, text: str, origins: list[int], kind: str | None = None) -> None:
        if not text:
            return
        if self.pending and self.length:
            breaks = "\n" * self.pending
            self.pieces.append(breaks)
            self.origins.extend([self.pending_at] * len(breaks))
            self.length += len(breaks)
            self.at_line_start = True
        self.pending = 0
        start = self.length
        self.pieces.append(text)
        self.origins.extend(origins)
        self.length += len(text)
        self.at_line_start = text.endswith("\n")
        if self.quote_depth:
            self.masks.append((start, self.length, "quote"))
        elif kind or self.code_depth:
            self.masks.append((start, self.length, kind or "code"))

    def _break(self, level: int) -> None:
        if level > self.pending:
            self.pending = level
            self.pending_at = self._offset()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags += 1
        if tag in HIDDEN_TAGS:
            self.hidden.append(tag)
        if self.hidden:
            return
        attributes = " ".join(v or "" for k, v in attrs if k in ("class", "id", "type"))
        if tag not in VOID_TAGS and (tag == "blockquote" or QUOTE_CLASSES.search(attributes)):
            self.quote_depth.append(tag)
        self._structure(tag, opening=True)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags += 1
        if not self.hidden:
            self._structure(tag, opening=True)

    def handle_endtag(self, tag: str) -> None:
        self.tags += 1
        if self.hidden:
            if tag == self.hidden[-1]:
                self.hidden.pop()
            return
        if self.quote_depth and tag == self.quote_depth[-1]:
            self.quote_depth.pop()
        self._structure(tag, opening=False)

    def _structure(self, tag: str, opening: bool) -> None:
        if tag in CODE_TAGS:
            self.code_depth = max(self.code_depth + (1 if opening else -1), 0)
        if tag == "pre":
            self.pre_depth = max(self.pre_depth + (1 if opening else -1), 0)
        if tag in PARAGRAPH_TAGS:
            self._break(2)
        elif tag in LINE_TAGS:
            # <br><br> is how mail editors write a paragraph break.
            self._break(2 if tag == "br" and self.pending else 1)
            if tag == "li" and opening:
                at = self._offset()
                self._emit("- ", [at, at])  # a list marker, so segmentation sees an item
        elif tag in CELL_TAGS and opening and not self.at_line_start:
            at = self._offset()
            self._emit(" ", [at])

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        start = self._offset()
        if self.pre_depth:
            self._emit(data, list(range(start, start + len(data))))
            return
        text: list[str] = []
        origins: list[int] = []
        previous_space = (
            self.at_line_start
            or bool(self.pending)
            or (bool(self.pieces) and self.pieces[-1][-1:].isspace())
        )
        for index, char in enumerate(data):
            if char.isspace():
                if previous_space:
                    continue
                char, previous_space = " ", True
            else:
                previous_space = False
            text.append(char)
            origins.append(start + index)
        self._emit("".join(text), origins)

    def _reference(self, raw: str) -> None:
        if self.hidden:
            return
        at = self._offset()
        text = unescape(raw)
        self._emit(text, [at] * len(text))

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name};")

    def handle_decl(self, decl: str) -> None:
        self.tags += 1


def extract_html(source: str) -> Extracted:
    """The visible text of an HTML document with block elements as line/paragraph breaks."""
    parser = _Extractor(source)
    try:
        parser.feed(source)
        parser.close()
    except AssertionError as error:  # html.parser's own guard against malformed markup
        raise InputProblem(f"cannot parse HTML: {error}") from None
    if parser.tags == 0:
        raise NotHtml(
            "no HTML tags found: this is not HTML (lint it as plain text: --input-format text)"
        )
    text = "".join(parser.pieces)
    trimmed = text.rstrip()
    if not trimmed.strip():
        raise InputProblem("no visible text in this HTML")
    return Extracted(trimmed, parser.origins[: len(trimmed)], parser.masks)


def line_locator(text: str, first_line: int = 1, first_column: int = 1, indent: int = 0) -> Locator:
    """Line/column of offsets in ``text``, shifted to where ``text`` starts in its file.

    ``indent`` is added to the column on every line after the first (YAML block scalars).
    """
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]

    def locate(offset: int) -> tuple[int, int]:
        line = bisect_right(starts, offset) - 1
        column = offset - starts[line] + 1
        return first_line + line, column + (first_column - 1 if line == 0 else indent)

    return locate


def html_reply(
    html: str,
    name: str,
    locate_source: Locator,
    kind: Kind | None = None,
    reply_id: str | None = None,
    title: str | None = None,
) -> Reply:
    """A Reply of the visible text of ``html``, its positions mapped through ``locate_source``."""
    extracted = extract_html(html)
    return Reply(
        extracted.text,
        name,
        kind=kind,
        reply_id=reply_id,
        title=title,
        extra_masks=extracted.masks,
        locator=extracted.locator(locate_source, len(html)),
    )


def read_html(source: Source) -> Iterator[Reply | InputError]:
    """An HTML file is one reply: its visible text."""
    text = source.text
    yield html_reply(text, source.name, line_locator(text))
