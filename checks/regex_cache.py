"""Compiled regexes kept in the cache folder, so a run does not compile them again.

Python's ``re`` keeps compiled patterns for the life of a process only. replylint compiles
some 320 of them (checks, lexicon branches, the reply model): about 100 ms of CPU in every
cold run, a third of a one-file run's own work. Compiling is parsing the pattern, then
generating the matcher's program (a list of integers); ``_sre.compile`` turns such a program
back into a pattern object in microseconds. So the programs are stored, keyed by pattern and
flags, in one file per Python build and ``_sre`` version (CPython's private API: another
interpreter, an unknown version or anything unexpected compiles the usual way).

Every program read back is checked by ``_sre`` itself (its validator refuses a malformed one,
and then the pattern is compiled the usual way), and the file is the user's own cache, written
atomically; nothing from a linted repository is read as a program, only compiled into one (a
config's lexicon additions are patterns like any other). The store keeps at most
``MAX_PATTERNS`` patterns and no program longer than ``MAX_PROGRAM``: a process stores no more
than that, and a save that would overflow the file replaces it with that process's own.

``save()`` adds what a process compiled to the file: the CLI calls it at the end of a run and
each worker after each chunk it lints. A process that never saves only misses the speed-up.
"""

from __future__ import annotations

import array
import json
import re
import sys
import threading
from pathlib import Path
from typing import Any

from replylint.checks import disk_cache

try:  # CPython's engine and compiler, as re itself uses them
    import _sre  # type: ignore[import-not-found]  # no stubs: a private module
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _AVAILABLE = sys.implementation.name == "cpython" and array.array("I").itemsize == 4
except ImportError:  # another interpreter
    _AVAILABLE = False

FOLDER = "regex-v1"
MAX_PATTERNS = 4000
# A program longer than this is compiled every time rather than stored: a config's one huge
# pattern must not make every later run read a huge file (the built-in longest is ~5,000).
MAX_PROGRAM = 50_000
# The file (checked: a damaged program could still pass _sre's validator and match something
# else): 4 bytes the length of the JSON index, the index, the programs.
_HEADER = 4

# (pattern, flags) -> the arguments of _sre.compile but the pattern; None until read.
_known: dict[tuple[str, int], tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]] | None
_known = None
_unsaved = False
_lock = threading.Lock()
compiled_here = 0  # patterns this process compiled rather than read (what tests look at)


def compile_regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the stored program when there is one."""
    flags = int(flags)
    if not _AVAILABLE or flags & re.DEBUG:
        return re.compile(pattern, flags)
    known = _known if _known is not None else _load()
    stored = known.get((pattern, flags))
    if stored is not None:
        try:
            return _sre.compile(pattern, *stored)  # type: ignore[no-any-return]
        except (RuntimeError, TypeError, ValueError, OverflowError):  # refused: compile it
            pass
    return _compile_and_keep(pattern, flags, known)


def _compile_and_keep(pattern: str, flags: int, known: dict[Any, Any]) -> re.Pattern[str]:
    """What ``re._compiler.compile`` does, keeping the program it generates."""
    global _unsaved, compiled_here
    try:
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        groups = parsed.state.groups - 1
        arguments = (
            flags | parsed.state.flags,
            code,
            groups,
            groupindex,
            _indexgroup(groupindex, groups),
        )
        regex: re.Pattern[str] = _sre.compile(pattern, *arguments)
    except re.error:
        raise
    except Exception:  # the private API moved: the public one gives the same pattern
        return re.compile(pattern, flags)
    with _lock:
        compiled_here += 1
        if len(known) < MAX_PATTERNS and len(code) <= MAX_PROGRAM:
            known[(pattern, flags)] = arguments
            _unsaved = True
    return regex


def _path() -> Path:
    version = "-".join(str(n) for n in sys.version_info[:3])
    name = f"{sys.implementation.cache_tag}-{version}-sre{_sre.MAGIC}-{sys.byteorder}.bin"
    return disk_cache.cache_dir() / FOLDER / name


def _load() -> dict[Any, Any]:
    """The stored programs (empty when the file is absent or unreadable)."""
    global _known
    with _lock:
        if _known is None:
            _known = _read()
        return _known


def _indexgroup(groupindex: dict[str, int], groups: int) -> tuple[str | None, ...]:
    """Each group's name by number (None for an unnamed one), as re hands it to _sre."""
    names: list[str | None] = [None] * (groups + 1)
    for name, number in groupindex.items():
        names[number] = name
    return tuple(names)


def _read() -> dict[Any, Any]:
    data = disk_cache.read_checked(_path())
    if data is None:
        return {}
    try:
        size = int.from_bytes(data[:_HEADER], "little")
        index = json.loads(data[_HEADER : _HEADER + size])
        codes = array.array("I")
        codes.frombytes(data[_HEADER + size :])
        known: dict[Any, Any] = {}
        for pattern, flags, final_flags, start, length, groups, groupindex in index:
            program = codes[start : start + length].tolist()
            if len(program) != length:
                return {}  # a short file
            indexgroup = _indexgroup(groupindex, groups)
            known[(pattern, flags)] = (final_flags, program, groups, groupindex, indexgroup)
        return known
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        return {}


def save() -> None:
    """Store the programs compiled since the file was read (atomically; failures cost speed)."""
    global _unsaved
    if not _unsaved or _known is None:
        return
    with _lock:
        ours = dict(_known)
        _unsaved = False
    # With what other processes stored meanwhile (a worker and the run that forked it each
    # add their own: the last writer would drop the other's), unless that overflows the store.
    merged = {**_read(), **ours}
    entries = list((merged if len(merged) <= MAX_PATTERNS else ours).items())
    index = []
    codes = array.array("I")
    for (pattern, flags), (final_flags, program, groups, groupindex, _) in entries:
        try:
            chunk = array.array("I", program)
        except OverflowError:  # not a 32-bit program: leave it out
            continue
        index.append([pattern, flags, final_flags, len(codes), len(chunk), groups, groupindex])
        codes.extend(chunk)
    head = json.dumps(index).encode("ascii")  # ASCII: lone surrogates escaped
    body = len(head).to_bytes(_HEADER, "little") + head + codes.tobytes()
    disk_cache.write_checked(_path(), body)


def clear() -> int:
    """Remove every stored program file (all Python builds); returns how many were removed."""
    folder = disk_cache.cache_dir() / FOLDER
    return disk_cache.remove_files(folder.glob("*.bin") if folder.is_dir() else ())
