"""The on-disk cache of LanguageTool answers: one JSON file per request, named by its hash.

One file per entry, written to a temporary file and moved into place with ``os.replace``, so a
reader never sees half a file and two processes sharing the cache at most write the same entry
twice. Re-linting an unchanged macro library therefore sends nothing to LanguageTool.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path
from typing import Any

from replylint.checks.disk_cache import ENV_CACHE_DIR, cache_dir, read_json, write_json

__all__ = ["ENV_CACHE_DIR", "cache_dir", "clear", "entry_key", "load", "store"]

SUBDIR = "languagetool"
# Bump when the stored shape or the request we build changes: old entries are then ignored.
FORMAT = 1


def entry_key(request: dict[str, Any]) -> str:
    """The hash naming a request's entry: the exact payload sent plus the cache format."""
    blob = json.dumps({"format": FORMAT, **request}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()


def _path(key: str) -> Path:
    return cache_dir() / SUBDIR / key[:2] / f"{key}.json"


def load(key: str) -> list[dict[str, Any]] | None:
    """The stored matches for ``key``, or None when absent or unreadable."""
    data = read_json(_path(key))
    return data if isinstance(data, list) else None


def store(key: str, matches: list[dict[str, Any]]) -> None:
    """Write the entry atomically; a read-only or full disk only costs the caching."""
    write_json(_path(key), matches)


def clear() -> int:
    """Remove every LanguageTool entry; returns how many were removed."""
    root = cache_dir() / SUBDIR
    removed = 0
    if not root.is_dir():
        return 0
    for entry in root.glob("*/*.json"):
        with contextlib.suppress(OSError):
            entry.unlink()
            if not entry.name.startswith(".tmp-"):
                removed += 1
    for folder in root.glob("*"):
        with contextlib.suppress(OSError):
            folder.rmdir()
    return removed
