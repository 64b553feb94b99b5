"""replylint's cache folder and atomic JSON files in it (LanguageTool answers, lexicon anchors).

Every write goes to a temporary file beside its target and is moved into place with
``os.replace``: a reader never sees half a file, and two runs sharing the cache at worst both
write the same entry. A cache that cannot be written only costs speed, never a result.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

ENV_CACHE_DIR = "REPLYLINT_CACHE_DIR"


def cache_dir() -> Path:
    """$REPLYLINT_CACHE_DIR, else $XDG_CACHE_HOME/replylint, else ~/.cache/replylint."""
    override = os.environ.get(ENV_CACHE_DIR)
    if override:
        return Path(override).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "replylint"


def read_json(path: Path) -> Any:
    """The JSON stored at ``path``, or None when it is absent or unreadable."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_json(path: Path, data: Any) -> None:
    """Store ``data`` at ``path`` atomically; failures (read-only, full disk) are ignored."""
    import tempfile  # deferred: only a cache miss writes, and start-up time matters

    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False)
        os.replace(temporary, path)
    except OSError:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
