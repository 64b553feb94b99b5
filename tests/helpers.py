"""Test helpers shared by several test modules (tests/ is on sys.path; no package)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from replylint.checks import BUILTIN, ActiveCheck, Finding, Kind, Reply, ReplyResult, lint_reply


def lint_text(
    text: str,
    only: str | None = None,
    options: Mapping[str, Any] | None = None,
    kind: Kind | None = None,
    language: str | None = None,
) -> ReplyResult:
    """Lint ``text`` with the built-in checks (or only the one named) at default settings, in
    ``language`` (a pack's code; None: detected)."""
    active = [
        ActiveCheck(check, check.severity, {**check.defaults(), **(options or {})})
        for check in BUILTIN
        if only is None or only in (check.name, check.code)
    ]
    reply = Reply(text, "reply.txt", kind=kind)
    reply.language = language
    return lint_reply(reply, active)


def assert_findings(found: Sequence[Finding], expected: Sequence[Mapping[str, Any]]) -> None:
    """A fixture case's ``expect`` list against the findings of the check under test: each
    ``text``, and ``line``, ``column``, ``severity`` and a ``suggestion`` substring where given
    (tests/test_check_fixtures.py documents the format)."""
    summary = [(f.line, f.column, f.text, str(f.severity), f.message) for f in found]
    assert len(found) == len(expected), f"expected {len(expected)} findings, got {summary}"
    for finding, want in zip(found, expected, strict=True):
        assert finding.text == want["text"], summary
        if "line" in want:
            assert finding.line == want["line"], summary
        if "column" in want:
            assert finding.column == want["column"], summary
        if "severity" in want:
            assert str(finding.severity) == want["severity"], summary
        if "suggestion" in want:
            assert want["suggestion"] in (finding.suggestion or ""), finding.suggestion


def installed_executable() -> str:
    """The ``replylint`` console script next to this Python (the test is skipped without it)."""
    import os
    import shutil
    import sys

    import pytest

    found = shutil.which("replylint", path=os.path.dirname(sys.executable))
    if found is None:
        pytest.skip("replylint is not installed next to this Python")
    return found
