"""Issue 15 item 20: the small ways a run misreported itself: -q notices, --exit-zero's
"passed", an unnamed --fail-under reason, a link loop called a broken link."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from replylint.cli.main import app

BAD = "Unfortunately we cannot do that.\n"
CLEAN = "Hello, thanks.\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["check", *args])


def last_line(result) -> str:  # type: ignore[no-untyped-def]
    return str(result.stdout.rstrip().splitlines()[-1])


def test_quiet_prints_findings_and_the_summary_only(project: Path) -> None:
    loud = check("bad.txt", "--languagetool", "off")
    assert "grammar: off" in loud.stdout
    quiet = check("bad.txt", "--languagetool", "off", "-q")
    assert "grammar: off" not in quiet.stdout and "Scores" not in quiet.stdout
    assert "RL101" in quiet.stdout and last_line(quiet).endswith("· failed")


def test_quiet_still_names_the_server_reply_text_is_sent_to(
    project: Path, fake_server: object
) -> None:
    result = check("clean.txt", "-q")  # the fake LanguageTool of conftest
    assert "grammar: reply text is sent to the LanguageTool server" in result.stdout


def test_exit_zero_never_says_passed_over_failures(project: Path) -> None:
    result = check("bad.txt", "--languagetool", "off", "--exit-zero")
    assert result.exit_code == 0
    assert last_line(result).endswith("· failed; exit forced to 0 (--exit-zero)")
    assert last_line(check("clean.txt", "--languagetool", "off", "--exit-zero")).endswith(
        "· passed"
    )


def test_a_fail_under_failure_names_the_score(project: Path) -> None:
    result = check("clean.txt", "--languagetool", "off", "--fail-under", "95")
    assert result.exit_code == 1
    assert last_line(result).endswith("· failed (score 90.0 is under --fail-under 95)")
    forced = check("clean.txt", "--languagetool", "off", "--fail-under", "95", "--exit-zero")
    assert forced.exit_code == 0 and "under --fail-under 95); exit forced to 0" in last_line(forced)


def test_a_symlink_loop_is_not_called_a_broken_link(project: Path) -> None:
    os.symlink("loop-b", project / "loop-a")
    os.symlink("loop-a", project / "loop-b")
    os.symlink("gone.txt", project / "dangling.txt")
    result = check("loop-a", "dangling.txt", "clean.txt", "--languagetool", "off")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "replylint: loop-a: symbolic link loop (the link leads back to itself)",
        "replylint: dangling.txt: broken symbolic link",
    ]


@pytest.mark.parametrize("output_format", ["markdown", "html"])
def test_the_html_and_markdown_verdicts_do_not_say_passed_either(
    project: Path, output_format: str
) -> None:
    result = check("bad.txt", "--languagetool", "off", "--exit-zero", "-f", output_format)
    assert result.exit_code == 0
    assert "exit forced to 0 (--exit-zero)" in result.stdout
    if output_format == "html":  # (its stylesheet has a rule for passed pages)
        assert 'data-verdict="failed"' in result.stdout
    else:
        assert "**failed**" in result.stdout and "passed" not in result.stdout
