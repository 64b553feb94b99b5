"""Runs every case of ``tests/fixtures/packs/<language>/<code>-<name>.yaml`` through the engine.

The format is the English fixtures' (tests/test_check_fixtures.py) with the reply's language
detected, as in a real run: each case asserts that the reply is read by the pack of its folder
(``language: <code>`` in a case forces the language instead, for a reply too short to tell),
then the findings of the check under test. The pack's YAML names the checks it covers; each of
them needs fixtures that fail and fixtures that pass.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import assert_findings, lint_case

from replylint.checks import BUILTIN
from replylint.checks.packs.registry import BUILTIN_PACK_MODULES, pack_for

FIXTURES = Path(__file__).parent / "fixtures" / "packs"


def _cases() -> list[Any]:
    params = []
    for path in sorted(FIXTURES.glob("*/*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        language = path.parent.name
        code = path.stem.split("-", 1)[0]
        for name, case in data["cases"].items():
            params.append(
                pytest.param(language, data["check"], case, id=f"{language}-{code}-{name}")
            )
    return params


@pytest.mark.parametrize(("language", "check", "case"), _cases())
def test_pack_fixture_case(language: str, check: str, case: dict[str, Any]) -> None:
    result = lint_case(check, case)
    assert result.language == language, f"read as {result.language}: {result.not_linted}"
    assert check not in result.not_applicable, result.not_applicable[check]
    assert not result.failures, result.failures
    assert_findings([f for f in result.findings if f.name == check], case["expect"])


@pytest.mark.parametrize("language", sorted(BUILTIN_PACK_MODULES))
def test_every_check_a_pack_covers_has_fixtures_with_both_outcomes(language: str) -> None:
    pack = pack_for(language)
    assert pack is not None
    files = {p.stem.split("-", 1)[1]: p for p in (FIXTURES / language).glob("*.yaml")}
    assert pack.checks, f"{language}: the pack covers no check"
    for check in pack.checks:
        assert check in files, f"{language}: {check} has no fixture file"
        data = yaml.safe_load(files[check].read_text(encoding="utf-8"))
        assert data["check"] == check
        outcomes = {bool(case["expect"]) for case in data["cases"].values()}
        assert outcomes == {True, False}, f"{language} {check}: needs failing and passing cases"


@pytest.mark.parametrize("language", sorted(BUILTIN_PACK_MODULES))
def test_a_pack_s_pedantic_rules_can_be_switched_on(language: str) -> None:
    """A rule tagged pedantic is reported only with the check's ``pedantic`` option: a check
    without that option would make such a rule dead data."""
    pack = pack_for(language)
    assert pack is not None
    options = {check.name: check.options for check in BUILTIN}
    for name, rules in pack.checks.items():
        if any("pedantic" in rule.tags for rule in rules.rules):
            assert "pedantic" in options[name], f"{language}: {name} has pedantic rules"
