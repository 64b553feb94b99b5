"""Whole realistic replies in ``tests/fixtures/replies/`` and the checks that must fire on each.

``expected.yaml`` names the checks under test (``checks:``) and, per reply file, which of them
fire; findings of checks not listed are ignored, so new checks do not break this test.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from helpers import lint_text

REPLIES = Path(__file__).parent / "fixtures" / "replies"
EXPECTED = yaml.safe_load((REPLIES / "expected.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED["replies"]))
def test_reply_fires_exactly_the_expected_checks(name: str) -> None:
    result = lint_text((REPLIES / name).read_text(encoding="utf-8"))
    assert not result.failures, result.failures
    compared = set(EXPECTED["checks"])
    fired = {f.name for f in result.findings if f.name in compared}
    details = [(f.name, f.text) for f in result.findings if f.name in compared]
    assert fired == set(EXPECTED["replies"][name]), details


def test_every_reply_file_is_listed() -> None:
    files = {p.name for p in REPLIES.glob("*.txt")}
    assert files == set(EXPECTED["replies"])
