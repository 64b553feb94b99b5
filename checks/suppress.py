"""Inline suppression directives: ``replylint: disable=…``, ``disable-next-line=…``, ``enable``.

A directive stands in an HTML comment (``<!-- replylint: disable=slang reason="quote" -->``) or
on a line of its own, optionally behind ``#`` or ``//``. It names checks by name, code or
category; with no names it covers every check.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from replylint.checks.regex_cache import compile_regex

ACTIONS = ("disable-next-line", "disable-line", "disable", "enable")
# The action must end where the word ends: "disable-lien=x" is a typo to report, never a
# "disable" of every check.
DIRECTIVE = compile_regex(
    r"replylint:[ \t]*(?P<action>disable-next-line|disable-line|disable|enable)(?![\w-])"
    r"(?:[ \t]*=[ \t]*(?P<names>[\w.-]+(?:[ \t]*,[ \t]*[\w.-]+)*))?"
    r"(?:[ \t]+reason[ \t]*=[ \t]*\"(?P<reason>[^\"\n]*)\")?",
)
# Anything that looks like a directive, to find the ones whose action is misspelt.
ANY_DIRECTIVE = compile_regex(
    r"replylint:[ \t]*(?P<action>[A-Za-z][\w-]*)[^\n]*?(?=[ \t]*(?:-->|$))", re.MULTILINE
)
LINE_END = compile_regex(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class Suppression:
    """Offsets [start, end) where findings of ``names`` (None: every check) are dropped."""

    start: int
    end: int
    names: frozenset[str] | None
    reason: str | None
    # Where the directive that declares it stands, and its text (for unused reports).
    at: tuple[int, int] = (0, 0)

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
    open_ranges: OpenRanges = {}
    for match in DIRECTIVE.finditer(text):
        action = match["action"]
        names = _names(match["names"])
        line_start, line_end = _line_around(text, match.start())
        at = match.span()
        if action == "disable":
            open_ranges.setdefault(names, (line_start, match["reason"], at))
        elif action == "disable-line":
            result.append(Suppression(line_start, line_end, names, match["reason"], at))
        elif action == "disable-next-line":
            start, end = _next_content_line(text, line_end)
            result.append(Suppression(start, end, names, match["reason"], at))
        else:
            result.extend(_close(open_ranges, names, line_start))
    result.extend(_close(open_ranges, None, len(text)))
    return result


OpenRanges = dict[frozenset[str] | None, tuple[int, str | None, tuple[int, int]]]


def _close(
    open_ranges: OpenRanges, names: frozenset[str] | None, position: int
) -> list[Suppression]:
    """End the open ranges that ``enable`` (for ``names``; None: all) closes."""
    closing = [
        key
        for key in open_ranges
        if names is None or key == names or (key is not None and key <= names)
    ]
    result = []
    for key in closing:
        start, reason, at = open_ranges.pop(key)
        result.append(Suppression(start, position, key, reason, at))
    return result


def directive_problems(text: str, known: Collection[str]) -> list[tuple[int, int, str]]:
    """(start, end, message) of each directive that cannot do what it says: a misspelt action
    (``disabel-line``) or a name that is no check, code or category (``negtive-wording``).
    ``known``: every check identity, lower-cased."""
    if "replylint:" not in text:
        return []
    problems = []
    for match in ANY_DIRECTIVE.finditer(text):
        action = match["action"]
        span = (match.start(), match.end())
        directive = DIRECTIVE.match(text, match.start())
        if directive is None or directive["action"] != action:
            hint = _did_you_mean(action.lower(), ACTIONS)
            problems.append((*span, f"unknown directive {action!r}{hint}; it suppresses nothing"))
            continue
        for name in sorted(_names(directive["names"]) or ()):
            if name not in known:
                hint = _did_you_mean(name, known)
                message = f"{name!r} in a {action} directive is no check, code or category{hint}"
                problems.append((*span, message + "; it suppresses nothing"))
    return problems


def _did_you_mean(word: str, candidates: Collection[str]) -> str:
    import difflib  # deferred: only a misspelt directive needs it

    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


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
