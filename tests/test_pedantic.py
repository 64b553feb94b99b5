"""`pedantic: true` (or --pedantic) turns on the opt-in hints of every check that declares them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from replylint.checks import BUILTIN, Category, Check, Hit, Option, Reply, Severity, load_registry
from replylint.config import ConfigResolver


def _hint(reply: Reply, options: Any) -> Iterator[Hit]:
    if options["pedantic"] and "assist" in reply.masked:
        start = reply.masked.index("assist")
        yield Hit(start, start + 6, "'assist' is a mild formality", "help")


HINTS = Check(
    code="RL998",
    name="mild-hints",
    category=Category.TONE,
    summary="Mild hints, shown only when pedantic.",
    rationale="Tests the pedantic switch.",
    guidance="tests/test_pedantic.py",
    run=_hint,
    severity=Severity.INFO,
    options={"pedantic": Option(bool, False, "also the mild hints")},
)
REGISTRY = load_registry((*BUILTIN, HINTS), plugins=[])


def option_for(tmp_path: Path, config: str, command_line: dict[str, Any] | None = None) -> Any:
    (tmp_path / ".git").mkdir(exist_ok=True)
    (tmp_path / ".replylint.yaml").write_text(config, encoding="utf-8")
    resolver = ConfigResolver(
        REGISTRY, explicit=tmp_path / ".replylint.yaml", command_line=command_line or {}
    )
    plan = resolver.for_path(None).plan_for(None)
    (active,) = [a for a in plan.checks if a.check.code == "RL998"]
    return active.options["pedantic"]


def test_off_by_default(tmp_path: Path) -> None:
    assert option_for(tmp_path, "fail-on: warning\n") is False


def test_one_key_turns_on_every_checks_hints(tmp_path: Path) -> None:
    assert option_for(tmp_path, "pedantic: true\n") is True
    assert option_for(tmp_path, "fail-on: warning\n", {"pedantic": True}) is True


def test_a_checks_own_setting_wins(tmp_path: Path) -> None:
    config = "pedantic: true\nchecks:\n  mild-hints: {pedantic: false}\n"
    assert option_for(tmp_path, config) is False


def test_checks_without_the_option_are_untouched(tmp_path: Path) -> None:
    (tmp_path / ".replylint.yaml").write_text("pedantic: true\n", encoding="utf-8")
    resolver = ConfigResolver(REGISTRY, explicit=tmp_path / ".replylint.yaml")
    plan = resolver.for_path(None).plan_for(None)
    for active in plan.checks:
        assert ("pedantic" in active.options) == ("pedantic" in active.check.options)


def test_a_non_boolean_is_a_config_error(tmp_path: Path) -> None:
    import pytest

    from replylint.config import ConfigError

    with pytest.raises(ConfigError, match="pedantic"):
        option_for(tmp_path, "pedantic: sometimes\n")
