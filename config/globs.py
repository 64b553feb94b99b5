"""Path globs as in .gitignore-style configs: ``*`` within a folder, ``**`` across folders."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache


@lru_cache(maxsize=512)
def glob_regex(pattern: str) -> re.Pattern[str]:
    """Compile a glob; a pattern without '/' matches a name in any folder (like .gitignore)."""
    pattern = pattern.strip().removeprefix("./")
    anchored = "/" in pattern.rstrip("/")
    pattern = pattern.strip("/")
    parts: list[str] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**/", index):
            parts.append("(?:.*/)?")
            index += 3
            continue
        if pattern.startswith("**", index):
            parts.append(".*")
            index += 2
            continue
        parts.append({"*": "[^/]*", "?": "[^/]"}.get(char, re.escape(char)))
        index += 1
    prefix = "" if anchored else "(?:.*/)?"
    # A folder pattern also matches everything below it.
    return re.compile(prefix + "".join(parts) + "(?:/.*)?")


def matches_any(relative_path: str, patterns: Iterable[str]) -> bool:
    """Whether a '/'-separated relative path matches one of the globs."""
    return any(glob_regex(p).fullmatch(relative_path) for p in patterns)
