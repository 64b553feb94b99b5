"""Issue 15 item 19: every problem of a config at once, in line order, with "did you mean";
names are case-insensitive everywhere; a pyproject.toml whose [tool.replylint] does not parse
is an error."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from replylint.cli.main import app

REPLY = "Hi Anna,\n\nYour parcel arrives on Monday.\n\nBest,\nSam\n"
SIX_TYPOS = """\
pedantc: true
checks:
  negtive-wording: false
  slang:
    alow: [x]
    severity: warnin
overrides:
  - files: ["chat/**"]
    kind: chatt
fail-on: eror
"""
EXPECTED = [
    ".replylint.yaml:1: pedantc: unknown key (did you mean 'pedantic'?)",
    ".replylint.yaml:3: checks.negtive-wording: unknown check (did you mean 'negative-wording'?)",
    ".replylint.yaml:5: checks.slang.alow: unknown option of slang (did you mean 'allow'?)",
    ".replylint.yaml:6: checks.slang.severity: unknown severity 'warnin' (use info, warning or "
    "error) (did you mean 'warning'?)",
    ".replylint.yaml:9: overrides.0.kind: expected auto, email or chat, got 'chatt' "
    "(did you mean 'chat'?)",
    ".replylint.yaml:10: fail-on: unknown severity 'eror' (use info, warning or error) "
    "(did you mean 'error'?)",
]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "r.txt").write_text(REPLY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["check", "--languagetool", "off", *args])


def test_every_problem_of_a_config_at_once_in_line_order(project: Path) -> None:
    (project / ".replylint.yaml").write_text(SIX_TYPOS, encoding="utf-8")
    explicit = check("--config", ".replylint.yaml", "r.txt")
    assert explicit.exit_code == 2
    assert explicit.stderr.splitlines() == [f"replylint: {line}" for line in EXPECTED]
    found = check("r.txt")  # discovered: one input error per problem, for the file
    assert found.exit_code == 2
    prefix = f"replylint: r.txt: config error: {project / '.replylint.yaml'}"
    assert found.stderr.splitlines() == [
        prefix + line.removeprefix(".replylint.yaml") for line in EXPECTED
    ]


def test_a_value_of_a_choice_option_gets_a_did_you_mean(project: Path) -> None:
    (project / ".replylint.yaml").write_text("checks:\n  slang: disabel\n", encoding="utf-8")
    result = check("r.txt")
    assert result.exit_code == 2 and "(did you mean 'disable'?)" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("--kind", "Email"),
        ("--kind", "CHAT"),
        ("--fail-on", "ERROR"),
        ("--format", "JSON"),
        ("--input-format", "Text"),
        ("--select", "Negative-Wording"),
        ("--select", "rl101"),
        ("--ignore", "Positivity"),
    ],
)
def test_case_does_not_matter_on_the_command_line(project: Path, args: tuple[str, str]) -> None:
    result = check("r.txt", *args)
    assert result.exit_code == 0, result.stderr


def test_case_does_not_matter_in_a_config(project: Path) -> None:
    (project / ".replylint.yaml").write_text(
        "kind: Email\nfail-on: ERROR\nchecks:\n  Slang: {severity: Info}\n", encoding="utf-8"
    )
    result = check("r.txt")
    assert result.exit_code == 0, result.stderr


def test_a_misspelt_kind_is_refused_with_a_suggestion(project: Path) -> None:
    result = check("r.txt", "--kind", "emial")
    assert result.exit_code == 2
    assert result.stderr == (
        "replylint: option kind: expected auto, email or chat, got 'emial' "
        "(did you mean 'email'?)\n"
    )


def test_a_pyproject_whose_table_does_not_parse_is_an_error(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.replylint]\nfail-on = "error\n')
    result = check("r.txt")
    assert result.exit_code == 2
    assert "pyproject.toml: invalid TOML: " in result.stderr and "line 2" in result.stderr
    (project / "pyproject.toml").write_text('[project]\nname = "x\n')  # not ours: passed over
    assert check("r.txt").exit_code == 0
