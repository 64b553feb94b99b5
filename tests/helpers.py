"""Test helpers shared by several test modules (tests/ is on sys.path; no package)."""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
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


def lint_case(check: str, case: Mapping[str, Any]) -> ReplyResult:
    """Lint a fixture case (``reply`` and optional ``kind``, ``config``, ``language``) with
    only ``check``, as both fixture harnesses read them."""
    kind = Kind(case["kind"]) if case.get("kind") else None
    return lint_text(
        case["reply"], only=check, options=case.get("config"), kind=kind,
        language=case.get("language"),
    )  # fmt: skip


def install_distribution(
    folder: Path, monkeypatch: Any, module: str, source: str, distribution: str, entry: str
) -> None:
    """A real installed distribution on sys.path, found by importlib.metadata: ``module``.py
    holding ``source``, and ``distribution``-0.1.dist-info declaring ``entry``
    ("name = module:attribute") in the replylint.checks group."""
    (folder / f"{module}.py").write_text(source, encoding="utf-8")
    info = folder / f"{distribution.replace('-', '_')}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {distribution}\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(f"[replylint.checks]\n{entry}\n")
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.delitem(sys.modules, module, raising=False)


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
