"""Inline suppression directives: ``replylint: disable=…``, ``disable-next-line=…``, ``enable``.

A directive stands in an HTML comment (``<!-- replylint: disable=slang reason="quote" -->``) or
on a line of its own, optionally behind ``#`` or ``//``. It names checks by name, code or
category; with no names it covers every check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DIRECTIVE = re.compile(
    r"replylint:[ \t]*(?P<action>disable-next-line|disable-line|disable|enable)"
    r"(?:[ \t]*=[ \t]*(?P<names>[\w.-]+(?:[ \t]*,[ \t]*[\w.-]+)*))?"
    r"(?:[ \t]+reason[ \t]*=[ \t]*\"(?P<reason>[^\"\n]*)\")?",
)
LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class Suppression:
    """Offsets [start, end) where findings of ``names`` (None: every check) are dropped."""

    start: int
    end: int
    names: frozenset[str] | None
    reason: str | None

    def covers(self, offset: int, identities: tuple[str, ...]) -> bool:
        """True when a finding at ``offset`` of a check known by ``identities`` is silenced."""
        if not self.start <= offset < self.end:
            return False
        return self.names is None or any(i in self.names for i in identities)


def find_suppressions(text: str) -> list[Suppression]:
    """Every suppressed range that the directives in ``text`` declare."""
    if "replylint:" not in text:
        return []
    result: list[Suppression] = []
    open_ranges: dict[frozenset[str] | None, tuple[int, str | None]] = {}
    for match in DIRECTIVE.finditer(text):
        action = match["action"]
        names = _names(match["names"])
        line_start, line_end = _line_around(text, match.start())
        if action == "disable":
            open_ranges.setdefault(names, (line_start, match["reason"]))
        elif action == "disable-line":
            result.append(Suppression(line_start, line_end, names, match["reason"]))
        elif action == "disable-next-line":
            start, end = _next_content_line(text, line_end)
            result.append(Suppression(start, end, names, match["reason"]))
        else:
            result.extend(_close(open_ranges, names, line_start))
    result.extend(_close(open_ranges, None, len(text)))
    return result


def _close(
    open_ranges: dict[frozenset[str] | None, tuple[int, str | None]],
    names: frozenset[str] | None,
    position: int,
) -> list[Suppression]:
    """End the open ranges that ``enable`` (for ``names``; None: all) closes."""
    closing = [
        key
        for key in open_ranges
        if names is None or key == names or (key is not None and key <= names)
    ]
    return [
        Suppression(open_ranges[key][0], position, key, open_ranges.pop(key)[1]) for key in closing
    ]


def _names(raw: str | None) -> frozenset[str] | None:
    if not raw:
        return None
    return frozenset(name.strip().lower() for name in raw.split(",") if name.strip())


def _line_around(text: str, offset: int) -> tuple[int, int]:
    start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    match = LINE_END.search(text, offset)
    return start, match.start() if match else len(text)


def _next_content_line(text: str, position: int) -> tuple[int, int]:
    """The next non-blank line after ``position`` (the end of a directive's line)."""
    for match in re.finditer(r"[^\r\n]*", text[position:]):
        if match.group().strip():
            return position + match.start(), position + match.end()
    return len(text), len(text)
