"""Helpers for the input and format tests: a project folder and CLI runs (no fixtures here)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from replylint.cli.main import app

BAD = "Hi Anna,\n\nUnfortunately we can't refund digital orders.\n\nBest,\nSam\n"
GOOD = (
    "Hi Anna,\n\nYour replacement ships today. Reply with your address by Friday.\n\nBest,\nSam\n"
)


def make_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder that is its own repository root (so no outside config applies), as the cwd."""
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(*args: str, stdin: str | None = None) -> Any:
    """Run ``replylint`` in-process."""
    return CliRunner().invoke(app, list(args), input=stdin)


def lint_json(*args: str, stdin: str | None = None) -> tuple[dict[str, Any], Any]:
    """Run ``replylint check --format json --select RL101 ARGS``; the document and the result."""
    result = invoke("check", "--format", "json", "--select", "RL101", *args, stdin=stdin)
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
