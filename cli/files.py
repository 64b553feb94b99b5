"""Writing files the user owns: atomically, so a crash never leaves half a file behind."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

# What cannot be encoded (a lone surrogate from a file name that is not UTF-8, or from a JSON
# escape) is written as a backslash escape, which JSON reads back as that same character.
ESCAPED = "backslashreplace"


def write_atomically(path: Path, content: str) -> None:
    """Write ``content`` to a temporary file beside ``path``, then rename it into place.

    A new file gets the permissions any new file gets (0666 less the umask: a report is
    readable by whoever reads CI artifacts); a file written over keeps its own, and a symbolic
    link stays a link. What is not a regular file (a device, a pipe) is written into as is.
    """
    target = AtomicFile(path)
    try:
        target.stream.write(content)
        target.commit()
    finally:
        target.discard()


class AtomicFile:
    """A file written as the run goes and renamed into place at the end (``commit``).

    What ``write_atomically`` does, for a report too large to hold: it is streamed into a
    temporary file beside the target (issue 15 item 13: 200,000 files made a 962 MB run).
    Until ``commit``, the target is untouched; ``discard`` removes the temporary file.
    """

    def __init__(self, path: Path) -> None:
        try:
            mode = os.stat(path).st_mode  # through symbolic links
        except FileNotFoundError:
            mode = None
        self.temporary: Path | None = None
        if mode is not None and not stat.S_ISREG(mode):
            # /dev/null, /dev/stdout, a named pipe: renaming a file over one would replace the
            # device or pipe itself (as root, /dev/null became a regular file), so write into it.
            self.path = path
            self.stream = open(path, "w", encoding="utf-8", errors=ESCAPED, newline="\n")  # noqa: SIM115
            return
        if path.is_symlink():  # replace the file the link points to, and keep the link
            path = Path(os.path.realpath(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.temporary, handle = _new_temporary(path)
        try:
            self.stream = os.fdopen(handle, "w", encoding="utf-8", errors=ESCAPED, newline="\n")
            _keep_mode(path, handle)
        except BaseException:
            self.temporary.unlink(missing_ok=True)
            raise

    def commit(self) -> None:
        """Flush the file to disk and rename it over the target."""
        self.stream.flush()
        if self.temporary is not None:
            os.fsync(self.stream.fileno())
        self.stream.close()
        if self.temporary is not None:
            os.replace(self.temporary, self.path)
            self.temporary = None

    def discard(self) -> None:
        """Drop what was written (nothing happens after a commit)."""
        if not self.stream.closed:
            with contextlib.suppress(OSError):  # a full disk fails the close too
                self.stream.close()
        if self.temporary is not None:
            self.temporary.unlink(missing_ok=True)
            self.temporary = None


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Like write_atomically, for bytes written as they are (``--fix``: the file's own
    encoding, byte-order mark and line ends). The file keeps its mode; a link stays a link."""
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    temporary, handle = _new_temporary(path)
    try:
        with os.fdopen(handle, "wb") as stream:
            _keep_mode(path, stream.fileno())
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _new_temporary(path: Path) -> tuple[Path, int]:
    # Not tempfile.mkstemp: it creates files 0600, and the rename would keep that mode.
    while True:
        temporary = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
        try:
            return temporary, os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue


def _keep_mode(path: Path, handle: int) -> None:
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return  # a new file: the mode os.open gave it stands
    if hasattr(os, "fchmod"):  # not on Windows before Python 3.13
        os.fchmod(handle, mode)


def work_tree(start: Path) -> Path:
    """The git work tree holding ``start`` (the nearest folder with ``.git``), else ``start``."""
    start = Path(os.path.abspath(start))
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return start


def link_out_of_tree(path: Path, tree: Path) -> Path | None:
    """Where ``path`` leads when a symbolic link in it leaves ``tree``, else None.

    A link committed in the linted repository (``replylint.sarif -> ../victim/.bashrc``)
    would otherwise have the report written over a file outside it. A path the user names
    outside the tree (``-o /tmp/report.json``, ``/dev/stdout``) is theirs to name.
    """
    literal = Path(os.path.abspath(path))
    real = Path(os.path.realpath(path))
    if real == literal or not literal.is_relative_to(tree) or real.is_relative_to(tree):
        return None
    return real


def file_identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file ``path`` names (through links), None when there is none."""
    try:
        found = os.stat(path)
    except (OSError, ValueError):
        return None
    return found.st_dev, found.st_ino
