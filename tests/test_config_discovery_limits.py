"""Config discovery over hostile trees (issue 15 item 10).

A path longer than PATH_MAX (or a folder that cannot be read) is that path's one-line input
error and the rest is linted, not ``internal error (… pathlib.py)``; a deep tree costs each
folder its own probes, not a walk up to the root again (900 folders deep took 41 s).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from helpers import installed_executable

from replylint.config.discover import ConfigFinder

REPLY = "Thanks for your patience, we will refund it today.\n"


def _nested(top: Path, name: str, depth: int) -> Path:
    folder = top
    for _ in range(depth):
        folder = folder / name
    os.makedirs(folder)
    return folder


def test_a_path_longer_than_path_max_is_that_paths_error(tmp_path: Path) -> None:
    top = tmp_path / "t"
    top.mkdir()
    (top / "top.txt").write_text(REPLY, encoding="utf-8")
    # Built from inside, as a checkout or an attacker's archive can: no absolute path of the
    # bottom folders fits in PATH_MAX (4096 on Linux).
    name = "d" * 200
    here = os.getcwd()
    os.chdir(top)
    try:
        for _ in range(25):
            os.mkdir(name)
            os.chdir(name)
        Path("deep.txt").write_text(REPLY, encoding="utf-8")
    finally:
        os.chdir(here)
    done = subprocess.run(
        [installed_executable(), "check", "--no-cache", "-f", "json", "t"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert done.returncode == 2, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("replylint: t/ddd") and lines[0].endswith(
        ": cannot open folder: File name too long"
    )
    assert '"path": "t/top.txt", "status": "ok"' in done.stdout
    assert "internal error" not in done.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder whatever its mode")
def test_an_unreadable_folder_is_that_folders_error(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(REPLY, encoding="utf-8")
    locked = tmp_path / "locked"
    (locked / "inner").mkdir(parents=True)
    locked.chmod(0)
    try:
        done = subprocess.run(
            [installed_executable(), "check", "--no-cache", "."],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=tmp_path,
        )
    finally:
        locked.chmod(0o755)
    assert done.returncode == 2
    assert done.stderr.splitlines() == ["replylint: locked: cannot list folder: Permission denied"]
    assert "good.txt" in done.stdout


def test_each_folder_of_a_deep_tree_is_looked_in_once(tmp_path: Path) -> None:
    bottom = _nested(tmp_path / "tree", "d", 300)
    (tmp_path / "tree" / ".replylint.yaml").write_text("fail-on: error\n", encoding="utf-8")
    finder = ConfigFinder()
    looked: list[Path] = []
    look_in = finder._look_in

    def counted(folder: Path) -> tuple[Path | None, bool]:
        looked.append(folder)
        return look_in(folder)

    finder._look_in = counted  # type: ignore[method-assign]
    folder = tmp_path / "tree"
    for _ in range(301):  # top-down, as a walk asks
        assert finder.find(folder) == (tmp_path / "tree" / ".replylint.yaml").resolve()
        folder = folder / "d"
    assert finder.find(bottom) == (tmp_path / "tree" / ".replylint.yaml").resolve()
    assert len(looked) == len(set(looked)) == 301
