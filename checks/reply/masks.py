"""Regions of a reply that no check may flag: quoted history, URLs, addresses, code, placeholders.

Masking replaces those characters with spaces (newlines kept) in a copy of the text of the same
length, so every offset a check finds in the masked copy is an offset in the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from replylint.checks.regex_cache import compile_regex

NOT_A_BREAK = compile_regex(r"[^\r\n]")

# Quoted history: everything from the first attribution line down is the customer's (or an
# earlier) message, not the agent's reply.
HISTORY_START = compile_regex(
    r"^[ \t]*(?:"
    r"On\b[^\n]{0,300}?\bwrote:[ \t]*\r?$"  # Gmail / Apple Mail, possibly wrapped once
    r"|On\b[^\n]{0,200}\n[^\n]{0,120}\bwrote:[ \t]*\r?$"
    r"|-{2,}[ \t]*(?:Original|Forwarded) Message[ \t]*-{2,}"
    r"|_{10,}[ \t]*\r?$"  # Outlook's rule line above its From:/Sent: block
    r"|From:[^\n]*\n[ \t]*(?:Sent|Date):"
    r")",
    re.MULTILINE | re.IGNORECASE,
)
QUOTED_LINE = compile_regex(r"^[ \t]*>[^\n]*", re.MULTILINE)

URL = compile_regex(r"\b(?:https?://|ftp://|www\.)[^\s<>\"'`]+[^\s<>\"'`.,;:!?)\]}]")
EMAIL_ADDRESS = compile_regex(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
CODE_FENCE = compile_regex(
    r"^[ \t]*(```|~~~)[^\n]*\n.*?(?:^[ \t]*\1[ \t]*$|\Z)", re.MULTILINE | re.DOTALL
)
CODE_SPAN = compile_regex(r"`[^`\n]+`")
HTML_COMMENT = compile_regex(r"<!--.*?(?:-->|\Z)", re.DOTALL)
DIRECTIVE_LINE = compile_regex(r"^[ \t]*(?:#|//|;)?[ \t]*replylint:[^\n]*$", re.MULTILINE)

# Template placeholders of the helpdesks and template engines seen in real macro libraries:
# Liquid/Jinja/Handlebars, Zendesk {{ticket.x}}, Help Scout {%customer.firstName%},
# Rails %{name}, PHP {$var}, %NAME% / %%NAME%%, ${var}, [Customer Name], <<name>>, <insert …>.
# A tag is at most 500 characters: unbounded, every "{{" of a line without a
# closing "}}" was a scan to the end of the line (20,000 of them took 5 s).
PLACEHOLDER = compile_regex(
    r"\{\{.{0,500}?\}\}\}?"
    r"|\{%.{0,500}?%\}"
    r"|%\{[\w.\- ]+\}"
    r"|\{\$?[\w.\-]+(?:\|[^{}\n]*)?\}"
    r"|\$\{[\w.\-]+\}"
    r"|%%?[A-Z][A-Z0-9_]*%%?"
    r"|<<[\w .\-]+>>"
    r"|<(?:insert|enter|add|your)\b[^<>\n]{0,60}>"
    r"|\[(?:(?:insert|enter|add|your)\b[^\[\]\n]{0,60}"
    r"|[A-Z][\w.'-]*(?:[ _][A-Z][\w.'-]*){0,5}"
    r"|[A-Z][A-Z0-9_]+)\](?![(:\[])"
)
PLACEHOLDER_WORDS = compile_regex(r"\[(?:insert|enter|add|your)\b[^\[\]\n]{0,60}\]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Masks:
    """The masked spans of a reply, by kind, plus the masked copy of its text."""

    masked: str
    spans: tuple[tuple[int, int, str], ...]

    def covers(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps any masked span."""
        return any(s < end and start < e for s, e, _ in self.spans)

    def of_kind(self, kind: str) -> list[tuple[int, int]]:
        """The spans of one kind ('quote', 'url', 'email', 'code', 'placeholder', ...)."""
        return [(s, e) for s, e, k in self.spans if k == kind]


def history_start(text: str) -> int | None:
    """Offset where quoted history begins, or None when the reply quotes nothing below."""
    lowered = text.lower()
    if not any(hint in lowered for hint in HISTORY_HINTS):
        return None
    match = HISTORY_START.search(text)
    return match.start() if match else None


# Each mask with the characters it cannot match without: most replies hold no backtick, no
# "<!--" and no "@", so most of these scans are skipped (the reply model runs on every reply).
SCANS: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...] = (
    (QUOTED_LINE, "quote", (">",)),
    (CODE_FENCE, "code", ("```", "~~~")),
    (HTML_COMMENT, "comment", ("<!--",)),
    (DIRECTIVE_LINE, "directive", ("replylint:",)),
    (CODE_SPAN, "code", ("`",)),
    (URL, "url", ("://", "www.")),
    (EMAIL_ADDRESS, "email", ("@",)),
    (PLACEHOLDER, "placeholder", ("{", "%", "[", "<", "$")),
    (PLACEHOLDER_WORDS, "placeholder", ("[",)),
)
# History needs one of these (case-insensitive) to start at all.
HISTORY_HINTS = ("wrote:", "message", "__________", "from:")


def find_masks(
    text: str, extra: list[tuple[int, int, str]] | None = None, cut: int | None = -1
) -> Masks:
    """Compute every masked span of ``text`` and the masked copy.

    ``cut`` is where quoted history starts when the caller knows it already (-1: find it).
    """
    spans: list[tuple[int, int, str]] = list(extra or ())
    if cut == -1:
        cut = history_start(text)
    if cut is not None:
        spans.append((cut, len(text), "quote"))
    scan = text if cut is None else text[:cut]
    for regex, kind, needs in SCANS:
        if any(map(scan.__contains__, needs)):  # map(): no generator frame per test
            spans.extend((m.start(), m.end(), kind) for m in regex.finditer(scan))
    spans.sort()
    return Masks(masked=blank_out(text, spans), spans=tuple(spans))


def blank_out(text: str, spans: list[tuple[int, int, str]]) -> str:
    """Replace the characters of each span by spaces, keeping line breaks where they are."""
    if not spans:
        return text
    pieces: list[str] = []
    position = 0
    for start, end, _kind in merge(spans):
        pieces.append(text[position:start])
        # Most spans (a URL, a placeholder, a signature line) hold no line break: spaces alone.
        has_break = text.find("\n", start, end) >= 0 or text.find("\r", start, end) >= 0
        pieces.append(NOT_A_BREAK.sub(" ", text[start:end]) if has_break else " " * (end - start))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def merge(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Sorted spans with overlaps joined (the kind of the first one is kept)."""
    merged: list[tuple[int, int, str]] = []
    for start, end, kind in sorted(spans):
        if merged and start <= merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), last[2])
        else:
            merged.append((start, end, kind))
    return merged
