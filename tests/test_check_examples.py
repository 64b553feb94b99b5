"""Every built-in check's documented ``Example``s behave as documented."""

from __future__ import annotations

from typing import Any

import pytest
from helpers import lint_text

from replylint.checks import BUILTIN


def _examples() -> list[Any]:
    return [
        pytest.param(check.name, example.text, example.fails, id=f"{check.code}-{number}")
        for check in BUILTIN
        for number, example in enumerate(check.examples)
    ]


@pytest.mark.parametrize(("name", "text", "fails"), _examples())
def test_example_outcome(name: str, text: str, fails: bool) -> None:
    result = lint_text(text, only=name)
    (check,) = [c for c in BUILTIN if c.name == name]
    if name in result.unmeasured and not check.asks_service:
        pytest.skip(result.not_applicable[name])  # RL804 without the binding or its dictionary
    findings = [f for f in result.findings if f.name == name]
    assert bool(findings) == fails, [(f.text, f.message) for f in findings]
