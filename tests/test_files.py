"""Files replylint writes for the user (reports, baselines, init): atomic, with usual modes."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

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


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        write_atomically(target, "half \ud800 written")  # a lone surrogate cannot be encoded
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]
