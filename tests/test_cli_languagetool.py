"""The grammar checks through the command line: flags, the languagetool: section, the cache."""

from __future__ import annotations

import json
from pathlib import Path

import fake_languagetool
import pytest
from typer.testing import CliRunner

from replylint.checks.languagetool import client as languagetool
from replylint.cli.main import app

GRAMMAR_ONLY = ("--select", "spelling", "--select", "grammar", "--select", "style")
TYPO = "Hi Anna,\n\nYou will recieve the parts on Monday.\n\nBest,\nSam\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "typo.txt").write_text(TYPO, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def grammar_json(*args: str) -> dict:  # type: ignore[type-arg]
    result = CliRunner().invoke(app, ["check", "typo.txt", *GRAMMAR_ONLY, "-f", "json", *args])
    return json.loads(result.stdout)


def test_flags_point_the_checks_at_a_server(
    project: Path, fake_server: fake_languagetool.FakeLanguageTool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("REPLYLINT_LANGUAGETOOL")
    data = grammar_json("--languagetool", fake_server.url)
    (finding,) = data["files"][0]["replies"][0]["findings"]
    assert (finding["name"], finding["text"], finding["line"]) == ("spelling", "recieve", 3)
    assert len(fake_server.checks()) == 1  # three checks, one request
    languagetool.reset()  # forget the in-process memo: what follows must come from disk
    grammar_json("--languagetool", fake_server.url)
    assert len(fake_server.checks()) == 1  # cached on disk: no second request
    grammar_json("--languagetool", fake_server.url, "--no-cache")
    assert len(fake_server.checks()) == 2


def test_languagetool_section_applies_to_all_three_checks(
    project: Path, fake_server: fake_languagetool.FakeLanguageTool
) -> None:
    (project / ".replylint.yaml").write_text("languagetool:\n  vocabulary: [recieve]\n")
    assert grammar_json()["summary"]["findings"] == 0
    (project / ".replylint.yaml").write_text("languagetool:\n  severity: error\n")
    result = CliRunner().invoke(app, ["check", "typo.txt"])
    assert result.exit_code == 2 and "set severity per check under checks:" in result.stderr


def test_off_and_unavailable_are_announced_once_and_not_scored(project: Path) -> None:
    result = CliRunner().invoke(
        app,
        ["check", "typo.txt", *GRAMMAR_ONLY, "--languagetool", "http://127.0.0.1:9/"],
    )
    notices = [line for line in result.output.splitlines() if "not available" in line]
    assert len(notices) == 1 and "(spelling, grammar, style)" in notices[0]
    assert "score n/a" in result.output
    data = grammar_json("--languagetool", "off")
    assert data["files"][0]["replies"][0]["categories"]["correctness"] is None


def test_cache_clear(project: Path, fake_server: fake_languagetool.FakeLanguageTool) -> None:
    grammar_json()
    cleared = CliRunner().invoke(app, ["cache", "clear"])
    assert cleared.exit_code == 0 and cleared.output.startswith("removed 1 cached answer ")
    assert CliRunner().invoke(app, ["cache", "clear"]).output.startswith("removed 0 cached")
