"""From command-line paths to replies: walking folders, decoding files, choosing a reader.

Problems with an input are InputError values, never exceptions that stop the run: the other
inputs are still linted, and the run ends with exit code 2.
"""

from __future__ import annotations

import codecs
import collections
import os
import stat
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from replylint.checks import Reply
from replylint.cli.inputs.gitignore import ignored_files

SKIPPED_FOLDERS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        "node_modules",
        "__pycache__",
        ".venv",
        "venv",
        ".tox",
        ".mypy_cache",
        ".ruff_cache",
        ".pytest_cache",
    }
)
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True, slots=True)
class InputError:
    """An input that could not be read or parsed: the file, and what is wrong, in one line."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class InputProblem(Exception):
    """Raised by readers for malformed content; turned into an InputError for that file."""


class NotALibrary(InputProblem):
    """A JSON/YAML/CSV file that holds no macro library: skipped when found in a folder walk."""


@dataclass
class Source:
    """What a reader gets: the raw bytes, the name for reports and the file's settings."""

    data: bytes
    name: str
    max_size: int = 5_000_000
    settings: Mapping[str, Any] = field(default_factory=dict)
    # Whether config names this file as a macro library (macros.files), or it was given by name.
    claimed: bool = False

    @cached_property
    def text(self) -> str:
        """The decoded text with CRLF line ends as LF (InputProblem for binary files).

        Line and column stay the same (a CR only ever ends a line), and the reply model's
        line-anchored patterns (quoted history, sign-offs) see the line ends they expect.
        """
        return decode(self.data, self.max_size).replace("\r\n", "\n")


# A reader turns a file into replies (or per-reply InputErrors); see cli/inputs/readers.py.
Reader = Callable[[Source], Iterable["Reply | InputError"]]


def read_plain_text(source: Source) -> Iterator[Reply | InputError]:
    """A .txt file (or stdin) is one reply."""
    yield Reply(source.text, source.name)


# Extension -> reader name. Every extension here is picked up by a folder walk; libraries
# (json, yaml, csv) only when they turn out to hold macros (see cli/inputs/libraries.py).
EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".eml": "email",
    ".json": "json",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".csv": "csv",
}
LIBRARY_FORMATS = frozenset({"json", "yaml", "csv"})


def input_format(path: Path, override: str | None) -> str:
    """The reader name for a file: the override, else by extension, else plain text."""
    if override:
        return override
    return EXTENSIONS.get(path.suffix.lower(), "text")


@dataclass(frozen=True, slots=True)
class Target:
    """A file to lint (``path`` None means standard input, shown as ``name``)."""

    path: Path | None
    name: str
    walked: bool = False  # found in a folder walk rather than named on the command line

    @property
    def config_path(self) -> Path | None:
        """The path whose config and globs apply (stdin: its --stdin-filename, if given)."""
        if self.path is not None:
            return self.path
        return Path(self.name) if self.name != "-" else None


def collect_targets(
    arguments: Iterable[str],
    stdin_name: str,
    is_excluded: Callable[[Path], bool],
    force_exclude: bool = False,
    skipped: Counter[str] | None = None,
) -> Iterator[Target | InputError]:
    """Expand arguments into files: folders recursively (sorted), '-' as stdin.

    Files found in folders skip hidden and tool folders, ``exclude`` globs and git-ignored
    paths. Files named on the command line are always read, unless ``force_exclude`` asks to
    treat them like walked files (pre-commit passes every staged file by name). ``skipped``
    counts the files left out by reason (SKIP_REASONS), to say why a run linted nothing.
    """
    skipped = collections.Counter() if skipped is None else skipped
    for argument in arguments:
        if argument == "-":
            yield Target(None, stdin_name)
            continue
        path = Path(argument)
        if path.is_symlink() and not path.exists():
            yield InputError(argument, _dangling_link(path))
        elif path.is_dir():
            yield from _walked(path, is_excluded, skipped)
        elif path.exists():
            if force_exclude:
                if path.suffix.lower() in EXTENSIONS and not _skipped_by_name(path, is_excluded):
                    yield from _unignored([Target(path, argument, walked=True)], skipped)
            elif not is_excluded(path):
                yield Target(path, argument)
            else:
                skipped["excluded"] += 1
        else:
            yield InputError(argument, "no such file or folder")


def _dangling_link(path: Path) -> str:
    """Why a link leads nowhere: a loop (a -> b -> a) is not a missing target."""
    import errno

    try:
        os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "symbolic link loop (the link leads back to itself)"
    return "broken symbolic link"


def _skipped_by_name(path: Path, is_excluded: Callable[[Path], bool]) -> bool:
    hidden = any(p.startswith(".") or p in SKIPPED_FOLDERS for p in path.parts[:-1] if p != "..")
    return hidden or path.name.startswith(".") or is_excluded(path)


WALK_BATCH = 5000  # files asked of git at once: a huge tree is never held whole


def _walked(
    folder: Path, is_excluded: Callable[[Path], bool], skipped: Counter[str]
) -> Iterator[Target | InputError]:
    batch: list[Target | InputError] = []
    for item in _walk(folder, is_excluded, set(), skipped):
        batch.append(item)
        if len(batch) >= WALK_BATCH:
            yield from _without_ignored(batch, folder, skipped)
            batch = []
    yield from _without_ignored(batch, folder, skipped)


def _without_ignored(
    found: list[Target | InputError], folder: Path, skipped: Counter[str]
) -> Iterator[Target | InputError]:
    ignored = ignored_files([t.path for t in found if isinstance(t, Target) and t.path], folder)
    skipped["ignored"] += len(ignored)
    for item in found:
        if isinstance(item, InputError) or item.path not in ignored:
            yield item


def _unignored(targets: list[Target], skipped: Counter[str]) -> Iterator[Target]:
    ignored = ignored_files([t.path for t in targets if t.path is not None])
    skipped["ignored"] += len(ignored)
    yield from (t for t in targets if t.path not in ignored)


def _walk(
    folder: Path,
    is_excluded: Callable[[Path], bool],
    seen: set[tuple[int, int]],
    skipped: Counter[str],
) -> Iterator[Target | InputError]:
    try:
        info = folder.stat()
    except OSError as error:
        yield InputError(str(folder), f"cannot open folder: {error.strerror or error}")
        return
    identity = (info.st_dev, info.st_ino)
    if identity in seen:
        yield InputError(str(folder), "symbolic link loop (folder already visited)")
        return
    seen.add(identity)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as error:
        yield InputError(str(folder), f"cannot list folder: {error.strerror or error}")
        return
    for entry in entries:
        path = Path(entry.path)
        if entry.name.startswith(".") or entry.name in SKIPPED_FOLDERS:
            continue
        if is_excluded(path):
            skipped["excluded"] += 1
            continue
        if entry.is_dir():
            yield from _walk(path, is_excluded, seen, skipped)
        elif entry.is_file() and path.suffix.lower() in EXTENSIONS:
            yield Target(path, str(path), walked=True)
        elif entry.is_file():
            skipped["other extension"] += 1


# A named pipe opened for reading waits for a writer; opened non-blocking, one without a writer
# opens at once and reads as empty ("file is empty") instead of hanging the run.
NONBLOCK = getattr(os, "O_NONBLOCK", 0)
# A pipe whose writer holds it open and writes nothing would block the read for ever (issue 15
# item 9): after this many seconds with no byte, the pipe is that input's error.
PIPE_IDLE_SECONDS = 10.0


def _open_without_waiting(path: str, flags: int) -> int:
    return os.open(path, flags | NONBLOCK)


def read_bytes(target: Target, max_size: int) -> bytes:
    """The raw bytes of a target; raises InputProblem with a one-line reason."""
    if target.path is None:
        return sys.stdin.buffer.read(max_size + 1)
    try:
        # One open and one fstat: this runs for every file.
        with open(target.path, "rb", opener=_open_without_waiting) as handle:
            info = os.fstat(handle.fileno())
            if NONBLOCK and not stat.S_ISREG(info.st_mode):
                return _read_waiting(handle.fileno(), max_size)  # a pipe, e.g. <(command)
            size = info.st_size
            if size > max_size:
                raise InputProblem(
                    f"file is {size:,} bytes, over the max-file-size of {max_size:,} bytes"
                )
            # Asking for the size read saves allocating max_size each time; a file with no
            # size (a pipe, /proc) or one growing meanwhile is read on, up to the limit.
            data = handle.read(size + 1)
            if len(data) > size:
                data += handle.read(max_size + 1 - len(data))
            return data
    except IsADirectoryError:
        raise InputProblem("is a folder, not a file") from None
    except PermissionError:
        raise InputProblem("permission denied") from None
    except OSError as error:
        raise InputProblem(f"cannot read: {error.strerror or error}") from None


def _read_waiting(handle: int, max_size: int) -> bytes:
    """Read a pipe or device to its end (or one byte over the limit), never waiting more than
    PIPE_IDLE_SECONDS for the next byte."""
    import select  # deferred: only pipes and devices need it

    poller = select.poll()
    poller.register(handle, select.POLLIN)
    chunks: list[bytes] = []
    total = 0
    while total <= max_size:
        # Read first: a pipe with no writer at all reads as its end at once, while poll()
        # would wait on it.
        try:
            chunk = os.read(handle, min(1 << 16, max_size + 1 - total))
        except BlockingIOError:
            if not poller.poll(PIPE_IDLE_SECONDS * 1000):
                raise InputProblem(
                    f"nothing was written to this pipe for {PIPE_IDLE_SECONDS:g} s; stopped "
                    "waiting (is its writer stuck?)"
                ) from None
            continue
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def decode(data: bytes, max_size: int) -> str:
    """UTF-8 (with or without BOM), or UTF-16/32 with a BOM; InputProblem for anything else."""
    if len(data) > max_size:
        raise InputProblem(f"input is over the max-file-size of {max_size:,} bytes")
    text = _decode_text(data)
    if not text.strip():
        raise InputProblem("file is empty")
    return text


def _decode_text(data: bytes) -> str:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).removeprefix("\ufeff")
            except UnicodeDecodeError as error:
                raise InputProblem(
                    f"not valid {encoding.upper()} text: {error.reason} at byte {error.start}"
                ) from None
    if b"\x00" in data:
        raise InputProblem("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputProblem(
            f"not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "save the file as UTF-8"
        ) from None
