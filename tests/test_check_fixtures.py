"""Runs every case of every ``tests/fixtures/checks/<code>-<name>.yaml`` through the engine.

A case: ``reply`` (the text), optional ``kind`` (email/chat), optional ``language`` (a pack's
code, else detected), optional ``config`` (the check's options), and ``expect``: a list of
findings of the check under test, each with ``text`` (the flagged words), optionally ``line``,
``column``, ``severity`` and ``suggestion`` (a substring of the suggestion). ``expect: []`` is
a true negative. Messages are not asserted verbatim. A check that is not measured here (RL804
without the Hunspell binding or its dictionaries) is skipped with its notice; the LanguageTool
checks run against the fake server and never are.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import assert_findings, lint_case

from replylint.checks import BUILTIN, ReplyResult

FIXTURES = Path(__file__).parent / "fixtures" / "checks"


def _cases() -> list[Any]:
    params = []
    for path in sorted(FIXTURES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        code = path.stem.split("-", 1)[0]
        for name, case in data["cases"].items():
            params.append(pytest.param(data["check"], case, id=f"{code}-{name}"))
    return params


@pytest.mark.parametrize(("check", "case"), _cases())
def test_fixture_case(check: str, case: dict[str, Any]) -> None:
    result = lint_case(check, case)
    assert not result.failures, result.failures
    _skip_if_unmeasured(check, result)
    assert_findings([f for f in result.findings if f.name == check], case["expect"])


def _skip_if_unmeasured(name: str, result: ReplyResult) -> None:
    """Skip a case this machine cannot measure (no Hunspell dictionary): not one whose
    language the check does not read, which is an outcome to assert."""
    (check,) = [c for c in BUILTIN if c.name == name]
    if name in result.unmeasured and not check.asks_service:
        pytest.skip(result.not_applicable[name])


def test_every_builtin_check_has_fixtures_with_both_outcomes() -> None:
    files = {path.stem.split("-", 1)[0]: path for path in FIXTURES.glob("*.yaml")}
    for check in BUILTIN:
        assert check.code in files, f"{check.code} {check.name} has no fixture file"
        data = yaml.safe_load(files[check.code].read_text(encoding="utf-8"))
        assert data["check"] == check.name
        outcomes = {bool(case["expect"]) for case in data["cases"].values()}
        assert outcomes == {True, False}, f"{check.name} needs failing and passing cases"
