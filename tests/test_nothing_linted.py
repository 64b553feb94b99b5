"""Issue 15 item 15: a run whose paths produce no reply says why and exits 2 (ESLint's "no
files matching"), except under --force-exclude, where pre-commit may stage nothing to lint."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from replylint.cli.main import app

REPLY = "Hi Anna,\n\nYour parcel arrives on Monday.\n\nBest,\nSam\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["check", "--languagetool", "off", *args])


def only_error(result) -> str:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2, result.output
    assert result.stdout.rstrip().endswith("· error")
    (line,) = result.stderr.splitlines()
    return str(line)


def test_an_empty_folder(project: Path) -> None:
    (project / "replies").mkdir()
    assert only_error(check("replies")) == "replylint: replies: nothing to lint: no file found"


def test_csv_files_without_a_macros_setting(project: Path) -> None:
    (project / "macros").mkdir()
    for name in ("a.csv", "b.csv"):
        (project / "macros" / name).write_text("text,id\nHello there,1\n", encoding="utf-8")
    line = only_error(check("macros"))
    assert line.startswith(
        "replylint: macros: nothing to lint: 2 JSON/YAML/CSV files are not macro libraries "
        "(name a library's files in a macros: setting"
    )
    (project / ".replylint.yaml").write_text(
        "macros:\n  files: ['macros/*.csv']\n  records: '$[*]'\n  text: text\n"
    )
    assert check("macros").exit_code == 0  # named by macros:, they are libraries


def test_only_excluded_ignored_or_other_files(project: Path) -> None:
    (project / ".replylint.yaml").write_text("exclude: ['archive/**']\n", encoding="utf-8")
    (project / "archive").mkdir()
    (project / "archive" / "old.txt").write_text(REPLY, encoding="utf-8")
    (project / "notes.py").write_text("x = 1\n", encoding="utf-8")
    line = only_error(check("."))
    assert "1 path is matched by exclude:; 1 file is of another type" in line
    assert only_error(check("archive/old.txt")).endswith("1 path is matched by exclude:")


def test_git_ignored_files(project: Path) -> None:
    (project / ".git").rmdir()
    subprocess.run(["git", "init", "-q"], check=True)
    (project / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    (project / "drafts").mkdir()
    (project / "drafts" / "a.txt").write_text(REPLY, encoding="utf-8")
    assert only_error(check("drafts")).endswith("nothing to lint: 1 file is ignored by git")


def test_json_names_the_reason_and_one_reply_anywhere_is_enough(project: Path) -> None:
    (project / "empty").mkdir()
    document = json.loads(check("empty", "-f", "json").stdout)
    assert document["summary"]["input_errors"] == [
        {"path": "empty", "message": "nothing to lint: no file found"}
    ]
    assert document["summary"]["exit_code"] == 2
    (project / "good.txt").write_text(REPLY, encoding="utf-8")
    assert check("empty", "good.txt").exit_code == 0


def test_force_exclude_may_lint_nothing(project: Path) -> None:
    """pre-commit passes the staged files by name; none of them being replies is a pass."""
    (project / "package.json").write_text('{"name": "x"}\n', encoding="utf-8")
    (project / "setup.py").write_text("x = 1\n", encoding="utf-8")
    result = check("--force-exclude", "package.json", "setup.py")
    assert result.exit_code == 0 and result.stderr == ""


def test_a_baseline_of_nothing_is_not_written(project: Path) -> None:
    (project / "macrso").mkdir()
    base = project / "base.json"
    base.write_text("{}", encoding="utf-8")
    result = CliRunner().invoke(app, ["baseline", "write", "base.json", "macrso"])
    assert result.exit_code == 2 and "baseline not written" in result.stderr
    assert base.read_text(encoding="utf-8") == "{}"
