"""The README stays true: every check in its table, the two set-up commands present."""

from __future__ import annotations

import re
from pathlib import Path

from replylint.checks import BUILTIN

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_builtin_check_has_a_row_in_the_check_table() -> None:
    rows = {
        m.group(1): m.group(2)
        for m in re.finditer(r"^\| (RL\d{3}) \| ([\w-]+) \|", README, re.MULTILINE)
    }
    for check in BUILTIN:
        assert rows.get(check.code) == check.name, f"README lacks a row for {check.code}"
    assert set(rows) == {c.code for c in BUILTIN}, "README lists a check that does not exist"


def test_quick_start_commands_are_there() -> None:
    assert "pip install . && replylint check tests/fixtures/samples/draft-reply.txt" in README
    assert "pip install '.[test]' && pytest" in README
    assert (Path(__file__).parent / "fixtures" / "samples" / "draft-reply.txt").is_file()


def test_the_check_table_lists_the_languages_each_check_reads() -> None:
    from replylint.checks.packs.registry import languages_of

    rows = {
        m.group(1): m.group(2)
        for m in re.finditer(
            r"^\| (RL\d{3}) \| [\w-]+ \| \w+ \| \w+ \| ([a-z, ]+) \|", README, re.M
        )
    }
    for check in BUILTIN:
        assert rows.get(check.code) == ", ".join(languages_of(check)), check.code
