"""Every lexicon is well-formed and its own examples hold: fail triggers the entry, pass nothing."""

from __future__ import annotations

import re
from importlib.resources import files

import pytest
from helpers import lint_text

from replylint.checks import BUILTIN, Reply
from replylint.checks.lexicon import compile_lexicon, load_lexicon, read_lexicon_data

NAMES = sorted(
    path.name.removesuffix(".yaml")
    for path in (files("replylint.checks.builtin") / "lexicons").iterdir()
    if path.name.endswith(".yaml")
)
CHECKS = {check.name for check in BUILTIN}
# Entries a check counts or reads but never reports on their own: canned-phrasing's stock
# sentences (a boilerplate-only reply), negative-wording's facts (read by RL102), and
# excessive-politeness's courtesy markers (reported only past a rate or a count, unless the
# entry is also tagged "flag": intensified apologies and grovelling are reported each time).
COUNTED_NOT_REPORTED = frozenset({"generic", "fact", "apology", "marker", "emphasis"})


def _entries() -> list[object]:
    return [
        pytest.param(name, entry.id, id=f"{name}:{entry.id}")
        for name in NAMES
        for entry in load_lexicon(name).entries
    ]


@pytest.mark.parametrize("name", NAMES)
def test_lexicon_is_sorted_and_duplicate_free(name: str) -> None:
    raw = read_lexicon_data(name)
    ids = [item["id"] for item in raw["entries"]]
    assert ids == sorted(ids), f"{name}: entries not sorted by id"
    assert len(ids) == len(set(ids)), f"{name}: duplicate ids"
    phrases = [p.lower() for item in raw["entries"] for p in item.get("phrases", [])]
    patterns = [p for item in raw["entries"] for p in item.get("patterns", [])]
    assert len(phrases) == len(set(phrases)), f"{name}: duplicate phrases"
    assert len(patterns) == len(set(patterns)), f"{name}: duplicate patterns"


@pytest.mark.parametrize("name", NAMES)
def test_every_packaged_regex_compiles(name: str) -> None:
    """Packaged patterns and exceptions are compiled lazily at run time: compile them here."""
    raw = read_lexicon_data(name)
    # Entries added through config take the strict path: every pattern and exception compiled.
    checked = compile_lexicon(name, {}, raw["entries"])
    assert [e.id for e in checked.entries] == [str(item["id"]) for item in raw["entries"]]
    assert all(isinstance(e.unless, re.Pattern) for e in checked.entries if e.unless)


@pytest.mark.parametrize(("name", "entry_id"), _entries())
def test_entry_examples(name: str, entry_id: str) -> None:
    lexicon = load_lexicon(name)
    entry = next(e for e in lexicon.entries if e.id == entry_id)
    assert entry.fail, f"{entry_id}: needs at least one fail example"
    assert entry.passes, f"{entry_id}: needs at least one pass example"
    for text in entry.fail:
        found = {m.entry.id for m in lexicon.find(Reply(text))}
        assert entry_id in found, f"{entry_id}: fail example not flagged: {text!r}"
    for text in entry.passes:
        # Through the check of the same name where there is one (so its extra rules count),
        # else through the lexicon alone (a lexicon a check reads as one of several sources).
        if name in CHECKS:
            findings = [f.text for f in lint_text(text, only=name).findings]
        else:
            findings = [text[m.start : m.end] for m in lexicon.find(Reply(text))]
        assert not findings, f"{entry_id}: pass example flagged {findings}: {text!r}"


@pytest.mark.parametrize(("name", "entry_id"), _entries())
def test_reported_entries_fail_through_the_check(name: str, entry_id: str) -> None:
    entry = next(e for e in load_lexicon(name).entries if e.id == entry_id)
    counted_only = entry.tags & COUNTED_NOT_REPORTED and "flag" not in entry.tags
    if counted_only or name not in CHECKS:
        return
    # stiff-formal's "mild" entries are reported only with its `pedantic` option.
    options = {"pedantic": True} if "mild" in entry.tags and name == "stiff-formal" else None
    for text in entry.fail:
        found = lint_text(text, only=name, options=options).findings
        assert found, f"{entry_id}: check silent on {text!r}"


def test_word_boundary_prefix_only_when_every_alternative_starts_at_one() -> None:
    bounded = compile_lexicon(
        "t", {"entries": [{"id": "a", "phrases": ["no way"], "message": "m"}]}
    )
    regex = bounded.full_regex()
    assert regex is not None and regex.pattern.startswith(r"\b(?:")
    mixed = compile_lexicon(
        "t",
        {
            "entries": [
                {"id": "a", "phrases": ["no way"], "message": "m"},
                {"id": "b", "patterns": [r"!{2,}"], "message": "m"},
            ]
        },
    )
    regex = mixed.full_regex()
    assert regex is not None and not regex.pattern.startswith(r"\b(?:")
    found = [m.entry.id for m in mixed.find(Reply("No way!! Really."))]
    assert found == ["a", "b"]
