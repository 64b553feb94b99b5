"""Issue 7's bad-input matrix, the rows not covered in test_inputs_errors: each one line on
stderr naming the file and the problem, exit 2, and every other input still reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import install_distribution
from typer.testing import CliRunner

from replylint.cli.main import app

BAD_REPLY = "Hi Anna,\n\nUnfortunately we can't refund digital orders.\n\nBest,\nSam\n"
CONFIGS = {
    "cfg-unknown-key": ("fail-onn: error\n", "fail-onn: unknown key (did you mean 'fail-on'?)"),
    "cfg-wrong-type": ("exclude: 3\n", "exclude: expected a list of strings, got an integer"),
    "cfg-invalid-regex": (
        "checks:\n  negative-wording:\n    add: [{patterns: ['(oops'], message: m}]\n",
        "invalid regex '(oops'",
    ),
    # Found by tests/test_config_fuzz.py: an entry key of the wrong YAML type was a TypeError.
    "cfg-entry-patterns-not-a-list": (
        "checks:\n  negative-wording:\n    add: [{patterns: true, message: m}]\n",
        "add.0: patterns: expected a list of texts",
    ),
    "cfg-entry-pattern-not-a-text": (
        "checks:\n  negative-wording:\n    add: [{patterns: [null], message: m}]\n",
        "add.0: patterns: expected a list of texts",
    ),
    "cfg-entry-where-a-list": (
        "checks:\n  negative-wording:\n    add: [{phrases: [x], where: [a], message: m}]\n",
        "add.0: where: expected a text, got list",
    ),
    "cfg-catastrophic-regex": (
        "checks:\n  negative-wording:\n    add: [{patterns: ['(\\w+\\s?)+$'], message: m}]\n",
        "nests quantifiers",
    ),
    # Issue 15: rows a config committed in a pull request must not get past.
    "cfg-hanging-unless": (
        "checks:\n  negative-wording:\n"
        "    add: [{phrases: [x], unless: '(?:a|a)+$', message: m}]\n",
        "repeats an alternation",
    ),
    "cfg-remote-languagetool": (
        "languagetool:\n  server: http://192.0.2.1:8010\n",
        "'http://192.0.2.1:8010' is not on this machine",
    ),
    "cfg-extends-outside": ("extends: /etc/hostname\n", "extends: /etc/hostname: outside "),
    "cfg-file-size-ceiling": ("max-file-size: 999999999999\n", "max-file-size: at most "),
    # Issue 15 items 14 and 19: a server value that is none, a misspelt value.
    "cfg-languagetool-value": (
        "languagetool:\n  server: langtool\n",
        "languagetool.server: expected auto, off, local or an http(s)://host:port URL",
    ),
    "cfg-value-typo": ("kind: chatt\n", "kind: expected auto, email or chat, got 'chatt' (did"),
}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".replylint.yaml").write_text("max-file-size: 1000\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text(BAD_REPLY, encoding="utf-8")
    (tmp_path / "utf16.txt").write_bytes(BAD_REPLY.encode("utf-16"))
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 is closed today.".encode("latin-1"))
    (tmp_path / "huge.txt").write_text(BAD_REPLY * 40, encoding="utf-8")
    for folder, (config, _message) in CONFIGS.items():
        (tmp_path / folder).mkdir()
        (tmp_path / folder / ".replylint.yaml").write_text(config, encoding="utf-8")
        (tmp_path / folder / "reply.txt").write_text(BAD_REPLY, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str):  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(app, ["check", "--select", "RL101", "-f", "json", *args])
    return json.loads(result.stdout), result


def test_every_row_is_one_line_exit_2_and_the_rest_is_linted(project: Path) -> None:
    paths = [
        "good.txt",
        "utf16.txt",
        "latin1.txt",
        "huge.txt",
        *(f"{folder}/reply.txt" for folder in CONFIGS),
    ]
    document, result = run(*paths)
    assert result.exit_code == 2
    errors = {f["path"]: f.get("errors", []) for f in document["files"] if f["status"] == "error"}
    expected = {
        "latin1.txt": "not valid UTF-8 (byte 0xe9 at offset 3)",
        "huge.txt": "over the max-file-size of 1,000 bytes",
        **{f"{folder}/reply.txt": message for folder, (_c, message) in CONFIGS.items()},
    }
    assert set(errors) == set(expected)
    for path, message in expected.items():
        assert len(errors[path]) == 1 and message in errors[path][0], (path, errors[path])
    stderr = [line for line in result.stderr.splitlines() if line]
    assert len(stderr) == len(expected) and all(line.startswith("replylint: ") for line in stderr)
    linted = {f["path"]: f for f in document["files"] if f["status"] == "ok"}
    assert set(linted) == {"good.txt", "utf16.txt"}  # UTF-16 with a BOM is decoded, not refused
    assert all(f["replies"][0]["findings"] for f in linted.values())


PLUGIN = """
from replylint.checks import Category, Check

def _run(reply, options):
    raise RuntimeError("plugin bug while reading: " + reply.text)

CHECKS = [Check(code="ACME101", name="crashes", category=Category.TONE, summary="Crashes.",
                rationale="For tests.", guidance="none", run=_run)]
"""


def test_a_plugin_that_raises_inside_run(
    project: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path_factory.mktemp("site")
    install_distribution(
        site, monkeypatch, "acme_crash", PLUGIN, "acme-crash", "acme = acme_crash:CHECKS"
    )
    result = CliRunner().invoke(app, ["check", "good.txt", "-f", "json", "--languagetool", "off"])
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    reply = document["files"][0]["replies"][0]
    assert [f["code"] for f in reply["check_failures"]] == ["ACME101"]
    assert reply["findings"], "the other checks still ran"
    (line,) = [line for line in result.stderr.splitlines() if line]
    assert "check ACME101 crashes failed: RuntimeError" in line
    assert "refund" not in line  # no reply text in the error
