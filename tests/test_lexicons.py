"""Every packaged lexicon: well-formed, sorted, duplicate-free, and its examples behave."""

from __future__ import annotations

from importlib.resources import files

import pytest

from replylint.checks import Reply
from replylint.checks.lexicon import load_lexicon, read_lexicon_data

NAMES = sorted(
    path.name.removesuffix(".yaml")
    for path in (files("replylint.checks") / "lexicons").iterdir()
    if path.name.endswith(".yaml")
)


def _entries(name: str) -> list[tuple[str, str, str]]:
    """(lexicon, entry id, example) for every fail example; pass examples are listed apart."""
    return [
        (name, entry.id, example) for entry in load_lexicon(name).entries for example in entry.fail
    ]


@pytest.mark.parametrize("name", NAMES)
def test_entries_sorted_unique_and_exemplified(name: str) -> None:
    raw = read_lexicon_data(name)["entries"]
    ids = [item["id"] for item in raw]
    assert ids == sorted(ids), f"{name}: entries are not sorted by id"
    assert len(ids) == len(set(ids)), f"{name}: duplicate ids"
    phrases = [p.lower() for item in raw for p in item.get("phrases", [])]
    assert len(phrases) == len(set(phrases)), f"{name}: duplicate phrases"
    for item in raw:
        assert item.get("fail") and item.get("pass"), f"{name}: {item['id']} needs fail and pass"


@pytest.mark.parametrize(
    ("name", "entry_id", "example"),
    [case for name in NAMES for case in _entries(name)],
)
def test_fail_example_triggers_its_entry(name: str, entry_id: str, example: str) -> None:
    found = {match.entry.id for match in load_lexicon(name).find(Reply(example))}
    assert entry_id in found, f"{name}: {entry_id} missed in {example!r} (found {found})"


@pytest.mark.parametrize(
    ("name", "entry_id", "example"),
    [
        (name, entry.id, example)
        for name in NAMES
        for entry in load_lexicon(name).entries
        for example in entry.passes
    ],
)
def test_pass_example_triggers_nothing(name: str, entry_id: str, example: str) -> None:
    found = [
        (m.entry.id, example[m.start : m.end]) for m in load_lexicon(name).find(Reply(example))
    ]
    assert not found, f"{name}: pass example of {entry_id} triggered {found}"
