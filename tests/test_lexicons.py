"""Every lexicon is well-formed and its own examples hold: fail triggers the entry, pass nothing."""

from __future__ import annotations

from importlib.resources import files

import pytest
from helpers import lint_text

from replylint.checks import BUILTIN, Reply
from replylint.checks.lexicon import load_lexicon, read_lexicon_data

NAMES = sorted(
    path.name.removesuffix(".yaml")
    for path in (files("replylint.checks") / "lexicons").iterdir()
    if path.name.endswith(".yaml")
)
CHECKS = {check.name for check in BUILTIN}


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
    if (
        "generic" in entry.tags or name not in CHECKS
    ):  # counted towards a boilerplate reply, never reported alone
        return
    for text in entry.fail:
        assert lint_text(text, only=name).findings, f"{entry_id}: check silent on {text!r}"
