"""Issue 15 item 7: every user regex (``patterns`` and ``unless``) is refused when it can
backtrack catastrophically, read from the parsed pattern; ordinary patterns still pass."""

from __future__ import annotations

from pathlib import Path

import pytest
from inputs_support import BAD, invoke, make_project

from replylint.config.schema import risky_pattern

HANGING = {
    "alternation": ("(?:a|a)+$", "repeats an alternation"),
    "nested-group": ("(?:(?:a+))+$", "nests quantifiers"),
    "nested-quantifier": (r"(\w+\s?)+$", "nests quantifiers"),
    "overlapping-words": ("(?:ab|a)*c", "repeats an alternation"),
    "in-a-lookahead": ("(?=(?:x+y?)+$)", "nests quantifiers"),
    "atomic-still-backtracks": ("(?>(?:a+)+$)", "nests quantifiers"),
    "bounded-repeat": ("(?:a|aa){2,40}$", "repeats an alternation"),
}
FINE = [
    r"\bcan(?:not|'t)\b",
    "(?:a|b)+",
    r"per (?:my|our) last (?:e-?mail|message)",
    r"\d{3,}-\d+",
    r"(?:please )?kindly",
]


@pytest.mark.parametrize("field", ["patterns", "unless"])
@pytest.mark.parametrize(("pattern", "problem"), HANGING.values(), ids=list(HANGING))
def test_a_pattern_that_can_hang_is_a_config_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, field: str, pattern: str, problem: str
) -> None:
    root = make_project(tmp_path, monkeypatch)
    entry = (
        f"{{patterns: ['{pattern}'], message: m}}"
        if field == "patterns"
        else f"{{phrases: [refund], unless: '{pattern}', message: m}}"
    )
    (root / ".replylint.yaml").write_text(
        f"checks:\n  negative-wording:\n    add:\n      - {entry}\n", encoding="utf-8"
    )
    (root / "reply.txt").write_text(BAD, encoding="utf-8")
    result = invoke("check", "reply.txt")
    assert result.exit_code == 2
    assert ".replylint.yaml:4: checks.negative-wording.add.0: regex" in result.stderr
    assert problem in result.stderr


@pytest.mark.parametrize("pattern", FINE)
def test_ordinary_patterns_pass(pattern: str) -> None:
    assert risky_pattern(pattern) is None


def test_allow_entries_must_be_phrases(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Found by test_config_fuzz: 'allow: [null]' passed validation and crashed the check.
    root = make_project(tmp_path, monkeypatch)
    (root / ".replylint.yaml").write_text(
        "checks:\n  negative-wording:\n    allow: [~]\n", encoding="utf-8"
    )
    (root / "reply.txt").write_text(BAD, encoding="utf-8")
    result = invoke("check", "reply.txt")
    assert result.exit_code == 2
    assert "checks.negative-wording.allow.0: expected a phrase, got nothing" in result.stderr
