"""replylint's cache folder and atomic JSON files in it (LanguageTool answers, lexicon anchors).

Every write goes to a temporary file beside its target and is moved into place with
``os.replace``: a reader never sees half a file, and two runs sharing the cache at worst both
write the same entry. A cache that cannot be written only costs speed, never a result.
"""

from __future__ import annotations

import contextlib
import json
import os
import zlib
from collections.abc import Callable, Iterable
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
    # dumps, not dump: only the one-shot encoder is the C one (ten times faster).
    write_bytes(path, json.dumps(data, ensure_ascii=False).encode("utf-8"))


def write_bytes(path: Path, data: bytes) -> None:
    """Store ``data`` at ``path`` atomically; failures (read-only, full disk) are ignored."""
    import tempfile  # deferred: only a cache miss writes, and start-up time matters

    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except OSError:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


CHECKSUM_BYTES = 4  # a checked file is the CRC-32 of its body (big-endian), then the body


def write_checked(path: Path, body: bytes) -> None:
    """``write_bytes`` of ``body`` behind its CRC-32, for ``read_checked``: binary stores whose
    damage could still parse as valid (a flipped bit in a program or a trie)."""
    write_bytes(path, zlib.crc32(body).to_bytes(CHECKSUM_BYTES, "big") + body)


def read_checked(path: Path) -> bytes | None:
    """The body ``write_checked`` stored at ``path``; None when absent, unreadable or damaged."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    body = data[CHECKSUM_BYTES:]
    if not data or zlib.crc32(body).to_bytes(CHECKSUM_BYTES, "big") != data[:CHECKSUM_BYTES]:
        return None
    return body


def remove_files(paths: Iterable[Path]) -> int:
    """Delete these files of the cache folder; returns how many were removed (one already
    gone or not removable is skipped)."""
    removed = 0
    for path in paths:
        try:
            path.unlink()
            removed += 1
        except OSError:
            pass
    return removed


# Parsing YAML costs a run more than linting a reply: PyYAML's import alone is tens of
# milliseconds. Parsed files (lexicons, default and user configs) are remembered here, one small
# file each (a run reads only those it needs), keyed by what they are parsed into and their
# absolute path, and stamped with size, modification time and inode, so an edited or
# reinstalled file is parsed again. Only data that survives a JSON round trip unchanged is
# stored (YAML can hold integer keys, dates and sets; those are parsed every time).
PARSED_FOLDER = "parsed-v2"


def remembered_parse(path: Path, kind: str, load: Callable[[], Any]) -> Any:
    """``load()`` (which reads and parses ``path``), from the cache when the file is unchanged.

    The file is stamped before it is read: if it changes in between, the stored stamp is
    already stale and the next run parses it again.
    """
    try:
        stat = path.stat()
    except OSError:
        return load()
    key = f"{kind}:{os.path.abspath(path)}"
    stamp = [stat.st_size, stat.st_mtime_ns, stat.st_ino]
    stored_at = parsed_file(key)
    entry = read_json(stored_at)
    unchanged = isinstance(entry, dict) and (entry.get("key"), entry.get("stamp")) == (key, stamp)
    if unchanged and "data" in entry:
        return entry["data"]
    data = load()
    if _survives_json(data):
        write_json(stored_at, {"key": key, "stamp": stamp, "data": data})
    return data


def parsed_file(key: str) -> Path:
    """Where the parse of ``key`` is kept (a short stable name; a clash only costs a parse:
    the key is inside)."""
    return (
        cache_dir() / PARSED_FOLDER / f"{zlib.crc32(key.encode('utf-8', 'surrogatepass')):08x}.json"
    )


def _survives_json(data: Any) -> bool:
    try:
        return bool(json.loads(json.dumps(data)) == data)
    except (TypeError, ValueError):
        return False
