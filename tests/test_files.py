"""Files replylint writes for the user (reports, baselines, init): atomic, with usual modes."""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import installed_executable

from replylint.cli.files import write_atomically


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_gets_the_umask_mode_not_0600(tmp_path: Path, umask_022: None) -> None:
    report = tmp_path / "reports" / "replylint.sarif"
    write_atomically(report, "{}\n")
    assert report.read_text(encoding="utf-8") == "{}\n"
    assert mode_of(report) == 0o644


def test_a_file_written_over_keeps_its_mode(tmp_path: Path, umask_022: None) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text("old", encoding="utf-8")
    baseline.chmod(0o640)
    write_atomically(baseline, "new")
    assert baseline.read_text(encoding="utf-8") == "new" and mode_of(baseline) == 0o640


def test_nothing_is_left_beside_the_file(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    write_atomically(target, "a")
    write_atomically(target, "b")
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old", encoding="utf-8")

    def disk_full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        write_atomically(target, "new content")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]


def test_text_that_cannot_be_encoded_is_escaped_not_fatal(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    write_atomically(report, json.dumps({"path": "bad\udcffname.txt"}, ensure_ascii=False))
    assert json.loads(report.read_text(encoding="utf-8")) == {"path": "bad\udcffname.txt"}


def test_a_device_or_pipe_is_written_into_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "report.pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # so opening it to write does not wait
    try:
        write_atomically(fifo, "through the pipe\n")
        assert os.read(reader, 100) == b"through the pipe\n"
    finally:
        os.close(reader)
    # Still the pipe, not a file renamed over it. (A pipe, not /dev/null: should this break,
    # the test must not replace the machine's /dev/null, as the bug once did.)
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_symbolic_link_stays_a_link_to_the_new_content(tmp_path: Path) -> None:
    real = tmp_path / "reports" / "latest.txt"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "report.txt"
    link.symlink_to(real)
    write_atomically(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"


def test_unwritable_targets_are_one_line_errors(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text("Unfortunately no.\n", encoding="utf-8")
    blocked = tmp_path / "a-file"  # a "folder" that is a file: nothing can be written under it
    blocked.write_text("", encoding="utf-8")
    commands = [
        (["init", str(blocked / "c.yaml")], f"{blocked / 'c.yaml'}: cannot write: "),
        (["baseline", "write", str(blocked / "b.json"), str(reply)], "b.json: cannot write: "),
        (["check", str(reply), "--output", str(blocked / "r.txt")], "cannot write the report: "),
    ]
    for arguments, message in commands:
        done = subprocess.run(
            [installed_executable(), *arguments],
            capture_output=True,
            text=True,
            env={**os.environ, "REPLYLINT_LANGUAGETOOL": "off"},
        )
        assert done.returncode == 2, (arguments, done.stderr)
        (line,) = done.stderr.splitlines()
        assert line.startswith("replylint: ") and message in line, line


def test_a_full_standard_output_is_a_one_line_error_not_an_internal_one() -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    with open("/dev/full", "w") as full:  # stdout only: the device itself is never renamed over
        done = subprocess.run(
            [installed_executable(), "check", "-", "--stdin-filename", "r.txt"],
            input="Unfortunately no.\n" * 2000,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "REPLYLINT_LANGUAGETOOL": "off"},
        )
    assert done.returncode == 2
    assert done.stderr.strip() == "replylint: cannot write the report: No space left on device"
