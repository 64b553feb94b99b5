"""The on-disk cache of LanguageTool answers: one JSON file per request, named by its hash.

One file per entry, written to a temporary file and moved into place with ``os.replace``, so a
reader never sees half a file and two processes sharing the cache at most write the same entry
twice. Re-linting an unchanged macro library therefore sends nothing to LanguageTool.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import Any

ENV_CACHE_DIR = "REPLYLINT_CACHE_DIR"
SUBDIR = "languagetool"
# Bump when the stored shape or the request we build changes: old entries are then ignored.
FORMAT = 1


def cache_dir() -> Path:
    """replylint's cache directory: $REPLYLINT_CACHE_DIR, else $XDG_CACHE_HOME/replylint."""
    override = os.environ.get(ENV_CACHE_DIR)
    if override:
        return Path(override).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "replylint"


def entry_key(request: dict[str, Any]) -> str:
    """The hash naming a request's entry: the exact payload sent plus the cache format."""
    blob = json.dumps({"format": FORMAT, **request}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _path(key: str) -> Path:
    return cache_dir() / SUBDIR / key[:2] / f"{key}.json"


def load(key: str) -> list[dict[str, Any]] | None:
    """The stored matches for ``key``, or None when absent or unreadable."""
    try:
        data = json.loads(_path(key).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, list) else None


def store(key: str, matches: list[dict[str, Any]]) -> None:
    """Write the entry atomically; a read-only or full disk only costs the caching."""
    import tempfile  # deferred: only a cache miss writes, and start-up time matters

    path = _path(key)
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(matches, handle, ensure_ascii=False)
        os.replace(temporary, path)
    except OSError:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


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
