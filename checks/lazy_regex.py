"""Regexes compiled on first use, for the big module-level patterns of the checks.

A one-file run (a pre-commit hook) pays for every regex compiled at import; most replies never
reach the later patterns of a check (no promise, no apology), so those compile only when used.
"""

from __future__ import annotations

import re
from typing import Any, cast

from replylint.checks.regex_cache import compile_regex


class _LazyPattern:
    """Stands in for ``compile_regex(pattern, flags)`` until an attribute is first read."""

    __slots__ = ("_compiled", "_flags", "_pattern")

    def __init__(self, pattern: str, flags: int) -> None:
        self._pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            self._compiled = compile_regex(self._pattern, self._flags)
        return getattr(self._compiled, name)


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern that compiles the first time it is used (typed as a compiled one)."""
    return cast(re.Pattern[str], _LazyPattern(pattern, flags))
