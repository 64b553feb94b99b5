"""The Python API (replylint.cli.api): same results as the command line, threads, no Typer/Rich."""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from typer.testing import CliRunner

from replylint.checks import Finding, Fix, ReplyResult
from replylint.cli.api import ConfigError, check_records, fix_text, lint_file, lint_text
from replylint.cli.main import app

OFF = {"languagetool": {"server": "off"}}
DRAFT = (
    "Hi Anna,\n\nKindly send the form prior to Friday!! Unfortunately we can't refund it.\n\n"
    "Best regards,\nTom\n"
)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_lint_text_returns_the_dataclasses_the_formats_use() -> None:
    result = lint_text(DRAFT, config=OFF)
    assert all(isinstance(r, ReplyResult) for r in result.replies)
    assert all(isinstance(f, Finding) for f in result.findings)
    codes = [f.code for f in result.findings]
    assert codes == ["RL201", "RL201", "RL202", "RL101", "RL101"]  # by line and column
    kindly = next(f for f in result.findings if f.text == "Kindly")
    assert (kindly.line, kindly.column, kindly.fix) == (3, 1, Fix("Please", True))
    assert result.score is not None and 0 <= result.score < 50
    assert len(result.fixable()) == 3


def test_lint_file_matches_the_json_report(project: Path) -> None:
    (project / "draft.txt").write_text(DRAFT, encoding="utf-8")
    output = (
        CliRunner()
        .invoke(app, ["check", "--format", "json", "--languagetool", "off", "draft.txt"])
        .stdout
    )
    (reply,) = json.loads(output)["files"][0]["replies"]
    result = lint_file("draft.txt", config=OFF)
    assert [f.to_dict() for f in result.findings] == reply["findings"]
    assert result.score == pytest.approx(reply["score"], abs=0.05)


def test_lint_file_finds_config_like_the_command_line(project: Path) -> None:
    (project / "sub").mkdir()
    (project / "sub" / ".replylint.yaml").write_text("checks:\n  slang: false\n", "utf-8")
    (project / "sub" / "draft.txt").write_text(DRAFT, encoding="utf-8")
    assert "RL202" not in {f.code for f in lint_file(project / "sub" / "draft.txt").findings}
    assert "RL202" in {f.code for f in lint_text(DRAFT, config=OFF).findings}


def test_config_mapping_file_and_kind(project: Path) -> None:
    quiet = lint_text(DRAFT, config={**OFF, "checks": {"stiff-formal": False}})
    assert "RL201" not in {f.code for f in quiet.findings}
    (project / "team.yaml").write_text("checks:\n  negative-wording: false\n", "utf-8")
    assert "RL101" not in {f.code for f in lint_text(DRAFT, config=project / "team.yaml").findings}
    chat = lint_text("Thanks, the parcel left today.", kind="chat", config=OFF)
    assert {str(r.kind) for r in chat.replies} == {"chat"}
    with pytest.raises(ConfigError):
        lint_text(DRAFT, config={"checks": {"no-such-check": False}})
    with pytest.raises(ValueError, match="unknown input format"):
        lint_text(DRAFT, input_format="docx")


def test_fixes_through_the_api() -> None:
    assert fix_text("Kindly reply prior to Monday!!", config=OFF) == ("Please reply before Monday!")
    canned = "Your card is on its way. Please do not hesitate to contact us."
    assert fix_text(canned, config=OFF) == canned
    assert (
        fix_text(canned, unsafe=True, config=OFF) == "Your card is on its way. Please contact us."
    )


def test_macro_library_text_gives_one_result_per_macro() -> None:
    library = json.dumps(
        {
            "macros": [
                {"id": n, "title": f"M{n}", "actions": [{"field": "comment_value", "value": t}]}
                for n, t in enumerate(["Kindly reply.", "Thanks, it ships today."])
            ]
        }
    )
    result = lint_text(library, input_format="json", config=OFF, name="macros.json")
    assert [r.title for r in result.replies] == ["M0", "M1"]
    assert "Please reply." in result.fixed()


def test_unreadable_file_is_an_input_error_not_an_exception(project: Path) -> None:
    (project / "binary.txt").write_bytes(b"\x00\x01")
    result = lint_file("binary.txt")
    assert result.replies == ()
    assert "binary file" in result.errors[0].message
    assert "no such file" in lint_file("missing.txt").errors[0].message.lower()


def test_many_threads_get_the_same_results_as_one() -> None:
    texts = [
        f"Hi {name},\n\nKindly utilize the portal prior to day {n}!! We can't refund it.\n\n"
        "Best,\nTom\n"
        for n, name in enumerate(["Anna", "Bo", "Cy", "Di"] * 25)
    ]
    alone = [lint_text(t, config=OFF) for t in texts]
    with ThreadPoolExecutor(8) as pool:
        together = list(pool.map(lambda t: lint_text(t, config=OFF), texts))
        fixed = list(pool.map(lambda r: r.fixed(), together))
    assert [r.findings for r in together] == [r.findings for r in alone]
    assert [r.score for r in together] == [r.score for r in alone]
    assert fixed == [r.fixed() for r in alone]


def test_first_use_from_many_threads_at_once() -> None:
    # A fresh interpreter: registry, config and lexicons are all loaded by racing threads.
    code = (
        "from concurrent.futures import ThreadPoolExecutor\n"
        "from replylint.cli.api import lint_text\n"
        "texts = ['Kindly reply prior to Monday, dude!! Sorry for any inconvenience.'] * 64\n"
        "with ThreadPoolExecutor(16) as pool:\n"
        "    found = list(pool.map(lambda t: len(lint_text(t, config={'languagetool': "
        "{'server': 'off'}}).findings), texts))\n"
        "assert len(set(found)) == 1 and found[0] > 3, found\n"
        "import sys\n"
        "assert 'typer' not in sys.modules and 'rich' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_check_records_list_every_check() -> None:
    records = check_records()
    assert [r["code"] for r in records] == sorted(r["code"] for r in records)
    slang = next(r for r in records if r["name"] == "slang")
    assert slang["fixes"] == ["safe", "unsafe"] and "max-emoji" in slang["options"]
    json.dumps(records)
