"""Every packaged lexicon: well-formed, sorted, duplicate-free, and its examples behave.

An entry's ``fail`` examples must trigger that entry; its ``pass`` examples must produce no
finding from the check of the same name (or, for a lexicon no check is named after, no match
of the lexicon at all).
"""

from __future__ import annotations

from importlib.resources import files
from typing import Any

import pytest
from helpers import lint_text

from replylint.checks import BUILTIN, Reply
from replylint.checks.lexicon import compile_lexicon, load_lexicon, read_lexicon_data

NAMES = sorted(
    p.name.removesuffix(".yaml")
    for p in (files("replylint.checks") / "lexicons").iterdir()
    if p.name.endswith(".yaml")
)
CHECK_NAMES = {check.name for check in BUILTIN}


def _examples(kind: str) -> list[Any]:
    return [
        pytest.param(name, entry.id, text, id=f"{name}-{entry.id}-{number}")
        for name in NAMES
        for entry in load_lexicon(name).entries
        for number, text in enumerate(entry.fail if kind == "fail" else entry.passes)
    ]


@pytest.mark.parametrize("name", NAMES)
def test_lexicon_is_sorted_unique_and_documented(name: str) -> None:
    lexicon = load_lexicon(name)
    ids = [entry.id for entry in lexicon.entries]
    assert ids == sorted(ids), f"{name}: entries not sorted by id"
    assert len(ids) == len(set(ids)), f"{name}: duplicate ids"
    phrases = [p for item in read_lexicon_data(name)["entries"] for p in item.get("phrases", [])]
    phrases += [p for item in read_lexicon_data(name)["entries"] for p in item.get("patterns", [])]
    lowered = [p.lower() for p in phrases]
    assert len(lowered) == len(set(lowered)), f"{name}: duplicate phrases"
    allow = [p.lower() for p in lexicon.allow]
    assert len(allow) == len(set(allow)), f"{name}: duplicate allowed phrases"
    for entry in lexicon.entries:
        assert entry.fail and entry.passes, f"{name}/{entry.id} needs fail and pass examples"


@pytest.mark.parametrize(("name", "entry_id", "text"), _examples("fail"))
def test_fail_example_triggers_its_entry(name: str, entry_id: str, text: str) -> None:
    found = [m.entry.id for m in load_lexicon(name).find(Reply(text))]
    assert entry_id in found, f"{entry_id} not found (found {found}) in {text!r}"


@pytest.mark.parametrize(("name", "entry_id", "text"), _examples("pass"))
def test_pass_example_triggers_nothing(name: str, entry_id: str, text: str) -> None:
    if name in CHECK_NAMES:
        findings = lint_text(text, only=name).findings
        assert not findings, [(f.text, f.message) for f in findings]
    else:
        found = [(m.entry.id, text[m.start : m.end]) for m in load_lexicon(name).find(Reply(text))]
        assert not found, found


def test_word_boundary_prefix_only_when_every_alternative_starts_at_one() -> None:
    bounded = compile_lexicon(
        "t", {"entries": [{"id": "a", "phrases": ["no way"], "message": "m"}]}
    )
    assert bounded.regex is not None and bounded.regex.pattern.startswith(r"\b(?:")
    mixed = compile_lexicon(
        "t",
        {
            "entries": [
                {"id": "a", "phrases": ["no way"], "message": "m"},
                {"id": "b", "patterns": [r"!{2,}"], "message": "m"},
            ]
        },
    )
    assert mixed.regex is not None and not mixed.regex.pattern.startswith(r"\b(?:")
    found = [m.entry.id for m in mixed.find(Reply("No way!! Really."))]
    assert found == ["a", "b"]
