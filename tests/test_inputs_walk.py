"""Folder walks: extensions, hidden and tool folders, exclude, .gitignore, symlink loops."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from inputs_support import BAD, errors, lint_json, use_test_check

from replylint.cli.inputs import targets as inputs
from replylint.cli.inputs.gitignore import ignored_files


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository-like folder (no real git) holding one reply per supported extension."""
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    use_test_check(monkeypatch)
    for name in ("a.txt", "b.md", "c.markdown"):
        (tmp_path / name).write_text(BAD, encoding="utf-8")
    (tmp_path / "d.html").write_text(f"<p>{BAD}</p>", encoding="utf-8")
    (tmp_path / "e.eml").write_text(f"Subject: x\n\n{BAD}", encoding="utf-8")
    (tmp_path / "notes.py").write_text("# Unfortunately python\n", encoding="utf-8")
    for folder in ("node_modules", "__pycache__", ".hidden", ".venv"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "skip.txt").write_text(BAD, encoding="utf-8")
    return tmp_path


def linted(*args: str) -> list[str]:
    document, _ = lint_json(*args)
    return sorted(f["path"] for f in document["files"])


def test_walk_picks_every_reply_format_and_skips_tool_folders(tree: Path) -> None:
    assert linted(".") == ["a.txt", "b.md", "c.markdown", "d.html", "e.eml"]


def test_exclude_globs_from_config(tree: Path) -> None:
    (tree / ".replylint.yaml").write_text("exclude: ['*.md', 'd.*']\n", encoding="utf-8")
    assert linted(".") == ["a.txt", "c.markdown", "e.eml"]
    document, result = lint_json("b.md")  # exclude applies to named files too
    assert result.exit_code == 2 and document["summary"]["input_errors"] == [
        {"path": "b.md", "message": "nothing to lint: 1 path is matched by exclude:"}
    ]
    assert linted("b.md", "--force-exclude") == []  # pre-commit: nothing staged to lint is fine


def test_gitignore_without_git(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")  # no git to ask: the .gitignore files are read
    (tree / ".gitignore").write_text("*.md\n/d.html\ndrafts/\n!keep.md\n", encoding="utf-8")
    (tree / "drafts").mkdir()
    (tree / "drafts" / "x.txt").write_text(BAD, encoding="utf-8")
    (tree / "keep.md").write_text(BAD, encoding="utf-8")
    (tree / "sub").mkdir()
    (tree / "sub" / ".gitignore").write_text("local.txt\n", encoding="utf-8")
    (tree / "sub" / "local.txt").write_text(BAD, encoding="utf-8")
    (tree / "sub" / "d.html").write_text("<p>Unfortunately.</p>", encoding="utf-8")
    assert linted(".") == ["a.txt", "c.markdown", "e.eml", "keep.md", "sub/d.html"]
    # Named files are read even when ignored, unless --force-exclude (pre-commit) asks not to.
    assert linted("b.md", "sub/local.txt") == ["b.md", "sub/local.txt"]
    assert linted("b.md", "sub/local.txt", "a.txt", "--force-exclude") == ["a.txt"]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_gitignore_with_git_in_one_batched_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    use_test_check(monkeypatch)
    subprocess.run(["git", "init", "-q"], check=True)
    (tmp_path / ".gitignore").write_text("build/\n*.draft.md\n", encoding="utf-8")
    (tmp_path / ".git" / "info").mkdir(exist_ok=True)
    (tmp_path / ".git" / "info" / "exclude").write_text("private.txt\n", encoding="utf-8")
    for name in ("ok.txt", "x.draft.md", "private.txt", "build/out.txt", "tracked.draft.md"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(BAD, encoding="utf-8")
    subprocess.run(["git", "add", "-f", "tracked.draft.md"], check=True)
    assert linted(".") == ["ok.txt", "tracked.draft.md"]  # git never ignores a tracked file
    monkeypatch.setattr(inputs, "WALK_BATCH", 2)  # a big tree is asked about a batch at a time
    assert linted(".") == ["ok.txt", "tracked.draft.md"]
    paths = [tmp_path / "ok.txt", tmp_path / "private.txt"]
    assert ignored_files(paths) == {tmp_path / "private.txt"}


def test_symlink_loop_is_an_input_error_and_the_rest_is_linted(tree: Path) -> None:
    (tree / "sub").mkdir()
    (tree / "sub" / "x.txt").write_text(BAD, encoding="utf-8")
    os.symlink(tree, tree / "sub" / "loop")
    document, result = lint_json(".")
    assert result.exit_code == 2
    assert errors(document) == {"sub/loop": ["symbolic link loop (folder already visited)"]}
    assert "sub/x.txt" in [f["path"] for f in document["files"]]


def test_broken_symlink_and_missing_file(tree: Path) -> None:
    os.symlink(tree / "gone.txt", tree / "dangling.txt")
    document, result = lint_json("dangling.txt", "missing.md", "a.txt")
    assert result.exit_code == 2
    assert errors(document) == {
        "dangling.txt": ["broken symbolic link"],
        "missing.md": ["no such file or folder"],
    }
