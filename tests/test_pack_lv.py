"""The Latvian pack: its analyser (lemma, negation) and good Latvian replies no check flags.

The fixtures in tests/fixtures/packs/lv/ pin each check's rules; here the analyser is pinned
on real inflections, and ``lv/clean/replies.yaml`` (good, realistic replies; in a subfolder, so
the fixture harness leaves it alone) is run through every built-in check with the language
detected, as in a real run: none may get a finding.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from replylint.checks import BUILTIN, ActiveCheck, Kind, Reply, lint_reply
from replylint.checks.builtin.packs.lv import PACK, analyse

CLEAN = Path(__file__).parent / "fixtures" / "packs" / "lv" / "clean" / "replies.yaml"


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("nevaram", "varēt"),
        ("nevarēsim", "varēt"),
        ("nevarat", "varēt"),
        ("nevarētu", "varēt"),
        ("nedrīkstat", "drīkstēt"),
        ("nedrīkst", "drīkstēt"),
        ("nespējam", "spēt"),
        ("nezinu", "zināt"),
        ("netiks", "tikt"),
        ("netiek", "tikt"),
        ("nav", "būt"),
        ("nebūs", "būt"),
        ("neesam", "būt"),
        ("nebija", "būt"),
        ("neļauj", "ļaut"),
        ("nepiedāvājam", "piedāvāt"),  # simplemma knows only the rest: "piedāvājam"
        ("nesniedzam", "sniegt"),
        ("neatmaksājam", "atmaksāt"),
        ("nesazināsimies", "sazināsimies"),  # neither is in the dictionary: the rest as is
    ],
)
def test_negated_forms_give_the_positive_lemma(word: str, lemma: str) -> None:
    assert analyse(word) == (lemma, True)


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("varam", "varēt"),
        ("varēsim", "varēt"),
        ("varat", "varēt"),
        ("varu", "varēt"),  # not "vara" (power), as the dictionary has it
        ("drīkst", "drīkstēt"),
        ("drīkstēt", "drīkstēt"),  # the dictionary's own lemma is "nedrīkstēt"
        ("ir", "būt"),
        ("esam", "būt"),
        ("būs", "būt"),
        ("piedāvājam", "piedāvāt"),
        ("jums", "jūs"),
        ("mūsu", "mēs"),
    ],
)
def test_inflected_forms_give_their_lemma(word: str, lemma: str) -> None:
    assert analyse(word) == (lemma, False)


@pytest.mark.parametrize(
    "word",
    [
        "nedēļa",
        "nedēļas",
        "nedēļā",
        "nekad",
        "nekas",
        "neko",
        "neviens",
        "nevienam",
        "nemaz",
        "nevis",
        "nedz",
        "nesen",
        "nepieciešams",
        "nepieciešamība",
        "neērtības",
        "negadījums",
        "neitrāls",
        "negatīvs",
        "nest",
        "nesu",
        "ne",
        "nē",
    ],
)
def test_words_that_look_negated_are_not(word: str) -> None:
    assert analyse(word)[1] is False


def test_analyser_is_cached() -> None:
    analyse.cache_clear()
    analyse("nevaram")
    analyse("nevaram")
    assert analyse.cache_info().hits == 1


def test_the_pack_covers_the_checks_that_read_meaning() -> None:
    assert set(PACK.checks) == {
        "negative-wording",
        "refusal-without-alternative",
        "stiff-formal",
        "slang",
        "excessive-politeness",
        "blame-customer",
        "missing-next-step",
        "next-step-without-time",
        "empathy-without-action",
        "canned-phrasing",
    }


def _clean_cases() -> list[Any]:
    data = yaml.safe_load(CLEAN.read_text(encoding="utf-8"))
    return [pytest.param(case, id=name) for name, case in data["cases"].items()]


def test_clean_has_enough_replies() -> None:
    assert len(_clean_cases()) >= 15


@pytest.mark.parametrize("case", _clean_cases())
def test_good_latvian_reply_gets_no_finding(case: dict[str, Any]) -> None:
    active = [ActiveCheck(c, c.severity, c.defaults()) for c in BUILTIN]
    kind = Kind(case["kind"]) if case.get("kind") else None
    result = lint_reply(Reply(case["reply"], "reply.txt", kind=kind), active)
    assert result.language == "lv", result.not_linted
    assert not result.failures, result.failures
    found = [(f.name, f.text) for f in result.findings]
    assert found == [], found
