"""The command line: exit codes, formats, errors, init/explain/checks, and the real executable."""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import installed_executable
from typer.testing import CliRunner

from replylint.cli.main import app
from replylint.cli.report import ExitCode

GOOD = (
    "Hi Anna,\n\nYour replacement ships today. Reply with your address by Friday.\n\nBest,\nSam\n"
)
BAD = "Hi Anna,\n\nUnfortunately we can't refund digital orders.\n\nBest,\nSam\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder that is its own repository root, so no outside config applies."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(*args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args), input=stdin)


def test_exit_codes_are_pinned() -> None:
    assert (ExitCode.OK, ExitCode.FINDINGS, ExitCode.ERROR) == (0, 1, 2)


def test_clean_file_passes(project: Path) -> None:
    result = invoke("check", "--select", "negative-wording", "good.txt")
    assert result.exit_code == 0, result.output
    assert "1 file · 1 reply · 0 findings" in result.output and "passed" in result.output


def test_findings_fail_with_location_message_and_suggestion(project: Path) -> None:
    result = invoke("check", "bad.txt", "--select", "RL101", "--no-color")
    assert result.exit_code == 1
    assert "3:1" in result.output and "RL101 negative-wording" in result.output
    assert "Unfortunately we can't refund digital orders." in result.output
    assert "^^^^^^^^^^^^^" in result.output
    assert "→ Lead with what you can do" in result.output


def test_fail_on_and_exit_zero(project: Path) -> None:
    assert invoke("check", "bad.txt", "--fail-on", "error", "--select", "RL101").exit_code == 0
    assert invoke("check", "bad.txt", "--exit-zero").exit_code == 0


def test_fail_under_uses_the_overall_score(project: Path) -> None:
    # good.txt is clean, specific (Friday) and actionable but asks nothing and is under 20
    # words: credit (0.5 + 1 + 0 + 0) / 4, ceiling 93.75
    assert invoke("check", "good.txt", "--fail-under", "93", "--select", "RL101").exit_code == 0
    assert invoke("check", "good.txt", "--fail-under", "94", "--select", "RL101").exit_code == 1
    result = invoke(
        "check", "bad.txt", "--fail-on", "error", "--fail-under", "90", "--select", "RL101"
    )
    assert result.exit_code == 1


def test_folder_is_walked_recursively_and_stdin_is_read(project: Path) -> None:
    (project / "sub").mkdir()
    (project / "sub" / "deeper.txt").write_text(BAD, encoding="utf-8")
    (project / ".hidden").mkdir()
    (project / ".hidden" / "skip.txt").write_text(BAD, encoding="utf-8")
    data = json.loads(invoke("check", ".", "--format", "json", "--select", "RL101").output)
    assert sorted(f["path"] for f in data["files"]) == ["bad.txt", "good.txt", "sub/deeper.txt"]
    result = invoke(
        "check",
        "-",
        "--stdin-filename",
        "draft.txt",
        "--select",
        "RL101",
        "--format",
        "json",
        stdin=BAD,
    )
    assert json.loads(result.output)["files"][0]["path"] == "draft.txt"


def test_bad_input_is_one_line_exit_2_and_others_are_still_reported(project: Path) -> None:
    (project / "binary.txt").write_bytes(b"\x00\x01\x02hello")
    (project / "latin1.txt").write_bytes("Caf\xe9 ok".encode("latin-1"))
    result = invoke(
        "check",
        "binary.txt",
        "missing.txt",
        "latin1.txt",
        "bad.txt",
        "--format",
        "json",
        "--select",
        "RL101",
    )
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    by_path = {f["path"]: f for f in data["files"]}
    assert by_path["binary.txt"]["errors"] == ["binary file (contains NUL bytes), not text"]
    assert "not valid UTF-8 (byte 0xe9 at offset 3)" in by_path["latin1.txt"]["errors"][0]
    assert by_path["missing.txt"]["errors"] == ["no such file or folder"]
    assert by_path["bad.txt"]["status"] == "ok" and by_path["bad.txt"]["replies"][0]["findings"]
    assert "replylint: binary.txt: binary file" in result.stderr


def test_utf16_and_bom_files_are_decoded(project: Path) -> None:
    (project / "u16.txt").write_bytes(BAD.encode("utf-16"))
    (project / "bom.txt").write_bytes(b"\xef\xbb\xbf" + BAD.encode())
    data = json.loads(
        invoke("check", "u16.txt", "bom.txt", "-f", "json", "--select", "RL101").output
    )
    columns = [[f["column"] for f in file["replies"][0]["findings"]] for file in data["files"]]
    assert columns == [[1, 15], [1, 15]]


def test_json_document_shape(project: Path) -> None:
    data = json.loads(invoke("check", "bad.txt", "-f", "json", "--select", "RL101").output)
    assert data["schema_version"] == 1 and data["tool"]["name"] == "replylint"
    reply = data["files"][0]["replies"][0]
    assert set(reply) == {
        "id",
        "title",
        "kind",
        "language",
        "words",
        "score",
        "categories",
        "partly_measured",
        "not_linted",
        "good_practice",
        "not_applicable",
        "suppressed",
        "findings",
        "check_failures",
        "readability",
    }
    assert reply["good_practice"] == {
        "specific_sentences": 0,
        "actionable": False,
        "asks": False,
        "complete": False,
    }
    finding = reply["findings"][0]
    assert set(finding) == {
        "path",
        "reply",
        "line",
        "column",
        "end_line",
        "end_column",
        "start",
        "end",
        "code",
        "name",
        "category",
        "severity",
        "message",
        "text",
        "suggestion",
        "guidance",
    }
    assert data["summary"]["exit_code"] == 1 and data["summary"]["by_check"] == {
        "RL101 negative-wording": 2
    }


def test_config_error_is_one_line_and_exit_2(project: Path) -> None:
    (project / ".replylint.yaml").write_text("fail-onn: error\n")
    result = invoke("check", "good.txt")
    assert result.exit_code == 2
    assert "good.txt: config error:" in result.stderr and "did you mean 'fail-on'" in result.stderr
    assert invoke("check", "good.txt", "--config", ".replylint.yaml").exit_code == 2
    assert invoke("check", "good.txt", "--no-config", "--select", "RL101").exit_code == 0


def test_usage_errors_exit_2(project: Path) -> None:
    assert invoke("check", "good.txt", "--format", "xml").exit_code == 2
    assert invoke("check", "good.txt", "--fail-on", "loud").exit_code == 2
    assert invoke("explain", "no-such-check").exit_code == 2


def test_checks_and_explain(project: Path) -> None:
    listing = invoke("checks").output
    assert "RL101" in listing and "negative-wording" in listing
    explanation = invoke("explain", "RL101").output
    assert "GUIDANCE §1" in explanation and "Flagged" in explanation and "Fine" in explanation
    assert "Languages\nEnglish (en), Latvian (lv)" in explanation
    assert "Language packs" in listing and "West Frisian" in listing
    # The engine's finding on suppression directives is explained like a check.
    directive = invoke("explain", "RL000")
    assert directive.exit_code == 0 and "suppression-comment" in directive.output


def test_init_writes_a_valid_starter_config_and_never_overwrites(project: Path) -> None:
    assert invoke("init").exit_code == 0
    text = (project / ".replylint.yaml").read_text()
    assert "negative-wording:" in text and text.startswith("# replylint configuration")
    assert invoke("check", "good.txt", "--select", "RL101").exit_code == 0  # it validates
    (project / ".replylint.yaml").write_text("fail-on: error\n")
    assert invoke("init").exit_code == 2
    assert (project / ".replylint.yaml").read_text() == "fail-on: error\n"
    assert invoke("init", "--force").exit_code == 0


def test_no_traceback_and_no_reply_text_on_internal_check_errors(project: Path) -> None:
    result = invoke("check", "bad.txt", "--select", "RL101", "--format", "json")
    assert "Traceback" not in result.output


def test_the_installed_executable_runs(project: Path) -> None:
    executable = installed_executable()
    done = subprocess.run(
        [executable, "check", "bad.txt", "--select", "RL101", "-f", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert json.loads(done.stdout)["summary"]["findings"] == 2
    module = subprocess.run(
        [sys.executable, "-m", "replylint.cli", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert module.returncode == 0 and module.stdout.startswith("replylint ")
    # The version is read from the package, not importlib.metadata: both must agree.
    installed = importlib.metadata.version("replylint")
    assert module.stdout.strip() == f"replylint {installed}"
    assert json.loads(done.stdout)["tool"]["version"] == installed


def test_unexpected_errors_are_one_line_without_reply_text(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import replylint.cli.main as main_module

    def crash() -> None:
        secret = "Customer card 4111 1111 1111 1111"
        raise ValueError(secret)

    monkeypatch.setattr(main_module, "app", crash)
    with pytest.raises(SystemExit) as stopped:
        main_module.main()
    assert stopped.value.code == ExitCode.ERROR
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "internal error (ValueError in test_cli.py:" in err
    assert "4111" not in err


def test_reading_ease_is_reported(project: Path) -> None:
    long_reply = (
        "Hi Anna,\n\nYour replacement headset left our warehouse this morning. It should "
        "reach you on Thursday. Please keep the old one until then.\n\nBest,\nSam\n"
    )
    (project / "long.txt").write_text(long_reply, encoding="utf-8")
    data = json.loads(invoke("check", "long.txt", "-f", "json", "--select", "RL101").output)
    ease = data["files"][0]["replies"][0]["readability"]
    assert isinstance(ease, float) and 40 < ease < 100
    text = invoke("check", "long.txt", "--select", "RL101", "--no-color").output
    assert "Ease" in text
    (project / "tiny.txt").write_text("Done, thanks!\n", encoding="utf-8")
    tiny = json.loads(invoke("check", "tiny.txt", "-f", "json", "--select", "RL101").output)
    assert tiny["files"][0]["replies"][0]["readability"] is None  # under ten words
