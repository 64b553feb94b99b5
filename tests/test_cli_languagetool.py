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


def test_auto_without_languagetool_is_one_notice_and_not_scored(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("REPLYLINT_LANGUAGETOOL")
    result = CliRunner().invoke(app, ["check", "typo.txt", *GRAMMAR_ONLY])
    notices = [line for line in result.output.splitlines() if "not available" in line]
    assert len(notices) == 1 and "(spelling, grammar, style)" in notices[0]
    assert "score n/a" in result.output and result.exit_code == 0
    data = grammar_json("--languagetool", "off")
    assert data["files"][0]["replies"][0]["categories"]["correctness"] is None


@pytest.mark.parametrize(
    ("how", "said"),
    [
        ({"--languagetool": "http://127.0.0.1:9/"}, "server http://127.0.0.1:9/ cannot be used"),
        ({"env": "http://127.0.0.1:9"}, "server http://127.0.0.1:9 cannot be used"),
        ({"config": "http://127.0.0.1:9"}, "server http://127.0.0.1:9 cannot be used"),
        ({"--languagetool": "local"}, "LanguageTool (local) cannot be used: Java not found"),
    ],
)
def test_a_named_server_that_cannot_be_used_is_an_error(
    project: Path, monkeypatch: pytest.MonkeyPatch, how: dict[str, str], said: str
) -> None:
    """Issue 15 item 14: a server the user named explicitly is a gate, not a suggestion."""
    monkeypatch.delenv("REPLYLINT_LANGUAGETOOL")
    monkeypatch.setenv("PATH", str(project / "no-java-here"))  # local: no Java, no download
    args = ["check", "typo.txt", "-f", "json"]
    if "--languagetool" in how:
        args += ["--languagetool", how["--languagetool"]]
    if "env" in how:
        monkeypatch.setenv("REPLYLINT_LANGUAGETOOL", how["env"])
    if "config" in how:
        (project / ".replylint.yaml").write_text(f"languagetool:\n  server: {how['config']}\n")
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2, result.output
    (line,) = [line for line in result.stderr.splitlines() if "cannot be used" in line]
    assert said in line and line.endswith("the grammar checks did not run")
    summary = json.loads(result.stdout)["summary"]
    assert summary["exit_code"] == 2
    (error,) = summary["service_errors"]
    assert error["checks"] == ["spelling", "grammar", "style"] and said in error["reason"]
    text = CliRunner().invoke(app, args[:2] + args[4:])  # the text report says "error" too
    assert text.exit_code == 2 and text.stdout.rstrip().endswith("· error")
    junit = CliRunner().invoke(app, [*args[:2], *args[4:], "-f", "junit"]).stdout
    assert 'type="service-error"' in junit and said in junit


@pytest.mark.parametrize(
    ("args", "env", "config", "said"),
    [
        (["--languagetool", "foo"], None, None, "replylint: --languagetool: expected auto, off"),
        (["--languagetool", "htp://x"], None, None, "got 'htp://x'"),
        ([], "foo", None, "replylint: REPLYLINT_LANGUAGETOOL: expected auto, off, local"),
        ([], None, "server: foo", ".replylint.yaml:2: languagetool.server: expected auto"),
        ([], None, "server: http://", "languagetool.server: expected auto, off, local"),
    ],
)
def test_an_invalid_server_value_is_a_usage_error(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    env: str | None,
    config: str | None,
    said: str,
) -> None:
    monkeypatch.delenv("REPLYLINT_LANGUAGETOOL")
    if env is not None:
        monkeypatch.setenv("REPLYLINT_LANGUAGETOOL", env)
    if config is not None:
        (project / ".replylint.yaml").write_text(f"languagetool:\n  {config}\n")
    result = CliRunner().invoke(app, ["check", "typo.txt", *args])
    assert result.exit_code == 2 and said in result.stderr, result.stderr
    assert "passed" not in result.stdout


def test_correctness_without_grammar_is_marked_partly_measured(
    project: Path, fake_server: fake_languagetool.FakeLanguageTool
) -> None:
    """Template-slot alone measured correctness: the sub-score says grammar did not run."""
    measured = json.loads(CliRunner().invoke(app, ["check", "typo.txt", "-f", "json"]).stdout)
    assert measured["files"][0]["replies"][0]["partly_measured"] == {}
    reply = json.loads(
        CliRunner().invoke(app, ["check", "typo.txt", "-f", "json", "--languagetool", "off"]).stdout
    )["files"][0]["replies"][0]
    assert reply["categories"]["correctness"] == 100.0
    assert reply["partly_measured"] == {"correctness": ["spelling", "grammar", "style"]}
    text = CliRunner().invoke(app, ["check", "typo.txt", "--languagetool", "off"]).stdout
    assert "100*" in text
    assert "* correctness: partly measured, without spelling, grammar, style" in text


def test_cache_clear(project: Path, fake_server: fake_languagetool.FakeLanguageTool) -> None:
    grammar_json()
    cleared = CliRunner().invoke(app, ["cache", "clear"])
    assert cleared.exit_code == 0 and cleared.output.startswith("removed 1 cached answer, ")
    assert CliRunner().invoke(app, ["cache", "clear"]).output.startswith("removed 0 cached")


def test_a_reply_languagetool_cannot_read_is_neither_sent_nor_an_error(
    project: Path, fake_server: fake_languagetool.FakeLanguageTool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 16: LanguageTool has no Latvian module; a named server is still a gate for the
    English replies, and a Latvian reply is n/a for the three checks, not a service error."""
    monkeypatch.delenv("REPLYLINT_LANGUAGETOOL")
    (project / "lv.txt").write_text(
        "Diemžēl mēs nevaram atmaksāt naudu par šo pasūtījumu.\n", encoding="utf-8"
    )
    before = len(fake_server.checks())
    args = ["check", "lv.txt", "typo.txt", "--languagetool", fake_server.url, "-f", "json"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1, result.output  # findings, not an error
    replies = {f["path"]: f["replies"][0] for f in json.loads(result.stdout)["files"]}
    assert replies["lv.txt"]["language"] == "lv"
    assert replies["lv.txt"]["not_applicable"]["spelling"] == "not available for Latvian replies"
    assert "correctness" not in replies["lv.txt"]["partly_measured"]
    assert [f["name"] for f in replies["typo.txt"]["findings"]] == ["spelling"]
    sent = fake_server.checks()[before:]
    assert len(sent) == 1 and "nevaram" not in json.dumps(sent)


def test_a_pack_s_languagetool_code_is_what_languagetool_is_asked_in(
    project: Path, fake_server: fake_languagetool.FakeLanguageTool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 16: LanguageTool stays the grammar engine for the languages it has: a pack that
    names LanguageTool's code (a plugin's German pack) has its replies checked in it."""
    from replylint.checks.packs import registry
    from replylint.checks.packs.pack import LanguagePack

    monkeypatch.delenv("REPLYLINT_LANGUAGETOOL")
    registry.register(LanguagePack(code="de", name="German", languagetool="de-DE"))
    try:
        (project / "de.txt").write_text(
            "Leider können wir das Geld nicht zurückerstatten.\n", encoding="utf-8"
        )
        before = len(fake_server.checks())
        args = ["check", "de.txt", "--languagetool", fake_server.url, "--no-cache", "-f", "json"]
        result = CliRunner().invoke(app, args)
        assert result.exit_code in (0, 1), result.output
        (reply,) = json.loads(result.stdout)["files"][0]["replies"]
        assert reply["language"] == "de"
        (sent,) = fake_server.checks()[before:]
        assert sent["language"] == "de-DE"
    finally:
        registry.unregister("de")
