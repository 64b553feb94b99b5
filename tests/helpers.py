"""Test helpers shared by several test modules (tests/ is on sys.path; no package)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from replylint.checks import BUILTIN, ActiveCheck, Kind, Reply, ReplyResult, lint_reply


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
