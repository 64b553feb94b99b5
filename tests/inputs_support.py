"""Helpers for the input and format tests: a project folder and CLI runs (no fixtures here)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from replylint.checks import BUILTIN, Category, Check, Hit, Registry, Reply, load_registry
from replylint.cli import main
from replylint.cli.main import app

# The input tests test where text comes from, not what the checks think of it: this check
# flags fixed words, so their positions stay put whatever the built-in checks learn.
TEST_WORDS = re.compile(r"\b(?:unfortunately|sadly|can['’]t|cannot)\b", re.IGNORECASE)


def _flag_test_words(reply: Reply, options: Any) -> Iterator[Hit]:
    for match in TEST_WORDS.finditer(reply.masked):
        yield Hit(match.start(), match.end(), f"{match.group()!r} is a test word", "a rewrite")


TEST_CHECK = Check(
    code="RL999",
    name="test-words",
    category=Category.POSITIVITY,
    summary="Test words (unfortunately, sadly, can't, cannot) for the input tests.",
    rationale="Positions of fixed words show where inputs map their text.",
    guidance="tests/inputs_support.py",
    run=_flag_test_words,
)


def registry_with_test_check() -> Registry:
    """The built-in checks plus the test-words check."""
    return load_registry((*BUILTIN, TEST_CHECK), plugins=[])


def use_test_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make in-process runs of the CLI know the test-words check (RL999)."""
    monkeypatch.setattr(main, "_registry", registry_with_test_check)


BAD = "Hi Anna,\n\nUnfortunately we can't refund digital orders.\n\nBest,\nSam\n"
GOOD = (
    "Hi Anna,\n\nYour replacement ships today. Reply with your address by Friday.\n\nBest,\nSam\n"
)


def make_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder that is its own repository root (so no outside config applies), as the cwd."""
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    use_test_check(monkeypatch)
    return tmp_path


def invoke(*args: str, stdin: str | None = None) -> Any:
    """Run ``replylint`` in-process."""
    return CliRunner().invoke(app, list(args), input=stdin)


def lint_json(*args: str, stdin: str | None = None) -> tuple[dict[str, Any], Any]:
    """Run ``replylint check --format json --select RL999 ARGS``; the document and the result."""
    result = invoke("check", "--format", "json", "--select", "RL999", *args, stdin=stdin)
    assert "Traceback" not in result.output, result.output
    return json.loads(result.stdout), result


def findings(document: dict[str, Any]) -> list[tuple[str, str | None, int, int, str]]:
    """(path, reply title, line, column, text) of every finding in a JSON report."""
    return [
        (file["path"], reply["title"], f["line"], f["column"], f["text"])
        for file in document["files"]
        for reply in file["replies"]
        for f in reply["findings"]
    ]


def errors(document: dict[str, Any]) -> dict[str, list[str]]:
    """Input error messages by path."""
    return {f["path"]: f["errors"] for f in document["files"] if f.get("errors")}
