"""The Kazakh pack: its analyser (stems, negation) and replies no check may flag.

The clean replies live in ``tests/fixtures/packs/kk/clean.yml`` (".yml": the fixture harness
reads every ``*.yaml`` of the folder as one check's cases).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from replylint.checks import BUILTIN, ActiveCheck, Kind, Reply, lint_reply
from replylint.checks.builtin.packs.kk import PACK, analyse

CLEAN = Path(__file__).parent / "fixtures" / "packs" / "kk" / "clean.yml"


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("жауаптарыңызды", "жауап"),  # plural + possessive + accusative
        ("жауабын", "жауап"),  # voiced б before a vowel ending: жауап
        ("көмегіңіз", "көмек"),
        ("сұрағыңыз", "сұрақ"),
        ("мүмкіндігіміз", "мүмкіндік"),
        ("тапсырысыңыз", "тапсырыс"),
        ("тапсырыстарыңызды", "тапсырыс"),
        ("төлеміңізді", "төлем"),
        ("компаниясы", "компания"),
        ("жүйесінде", "жүйе"),
        ("сізге", "сіз"),
        ("біздің", "біз"),
        ("аламыз", "ал"),
        ("жібереміз", "жібер"),
        ("жібердік", "жібер"),
        ("жіберіңіз", "жібер"),
        ("ұсынамыз", "ұсын"),
        ("ұсына", "ұсын"),
        ("тексеріп", "тексер"),
        ("хабарласамыз", "хабарлас"),
        ("хабарламаңызды", "хабарлама"),  # a noun in -ма: "your message"
        ("қолданбаны", "қолданба"),
        ("сілтемені", "сілтеме"),
        ("жұмысым", "жұмыс"),
    ],
)
def test_inflected_forms_reduce_to_their_stem(word: str, lemma: str) -> None:
    assert analyse(word) == (lemma, False)


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("алмаймыз", "ал"),  # ал-ма-й-мыз: we cannot
        ("алмаймын", "ал"),
        ("алмадық", "ал"),  # past
        ("алмаған", "ал"),  # participle
        ("алмағанбыз", "ал"),
        ("алмасақ", "ал"),  # conditional: still negated (patterns allow it)
        ("алмайсыз", "ал"),  # the customer's: still negated (patterns allow it)
        ("болмайды", "бол"),  # it is not possible
        ("болмады", "бол"),
        ("білмеймін", "біл"),  # the seed's «Жауапты білмеймін»
        ("көмектеспейміз", "көмектес"),  # -пе after a voiceless consonant
        ("бермейміз", "бер"),
        ("қайтармаймыз", "қайтар"),
        ("келіспейді", "келіс"),  # the seed's «Бұл компания келіспейді»
        ("хабарламаймыз", "хабарла"),  # the verb, not the noun хабарлама
        ("хабарламады", "хабарла"),  # past: a verb, even after a noun in -ма
        ("тартынбаңыз", "тартын"),  # don't hesitate
        ("уайымдамаңыз", "уайымда"),
        ("етілмейді", "етіл"),  # passive kept
        ("қалмады", "қал"),
        ("алынбайды", "алын"),  # passive "is not charged": its own stem, not "ал"
        ("енгізбегеніңіз", "енгіз"),  # participle + possessive
    ],
)
def test_negated_forms(word: str, lemma: str) -> None:
    assert analyse(word) == (lemma, True)


@pytest.mark.parametrize(
    "word",
    [
        "алма",  # an apple; no ending after -ма
        "жазба",  # a note
        "хабарлама",  # a message
        "хабарламаңызды",  # your message
        "бағдарламасы",  # its programme
        "қолданбаңызда",  # in your app
        "сілтеме",
        "ескертпені",
        "алмасу",  # exchange: алмас-у, not ал-ма
        "алмақпыз",  # intention -мақ
        "бала",
        "жоқ",
        "емес",
        "мүмкін",
    ],
)
def test_words_that_look_negated_are_not(word: str) -> None:
    assert analyse(word)[1] is False


def test_negated_and_positive_forms_share_a_stem() -> None:
    for positive, negated in [
        ("аламыз", "алмаймыз"),
        ("хабарлаймыз", "хабарламаймыз"),
        ("жібереміз", "жібермейміз"),
        ("ұсынамыз", "ұсынбаймыз"),
        ("қабылдаймыз", "қабылдамаймыз"),
    ]:
        assert analyse(positive)[0] == analyse(negated)[0], (positive, negated)


def test_function_words_are_kept_and_short_words_survive() -> None:
    for word in ["біз", "сіз", "жоқ", "емес", "ешқашан", "бұл", "және", "үшін"]:
        assert analyse(word) == (word, False)
    assert analyse("ал") == ("ал", False)
    assert analyse("") == ("", False)


def test_analyser_is_bounded_on_long_words() -> None:
    word = "лар" * 2000
    lemma, _negated = analyse(word)
    assert len(lemma) >= len(word) - 3 * 6  # at most MAX_STEPS endings come off


def _clean_cases() -> list[object]:
    data = yaml.safe_load(CLEAN.read_text(encoding="utf-8"))
    return [pytest.param(case, id=name) for name, case in data["cases"].items()]


@pytest.mark.parametrize("case", _clean_cases())
def test_clean_replies_get_no_finding_from_any_check(case: dict[str, object]) -> None:
    active = [ActiveCheck(c, c.severity, c.defaults()) for c in BUILTIN]
    kind = case.get("kind")
    reply = Reply(str(case["reply"]), "reply.txt", kind=Kind(str(kind)) if kind else None)
    result = lint_reply(reply, active)
    assert result.language == "kk", result.not_linted
    assert not result.failures, result.failures
    found = [(f.name, f.text, f.message) for f in result.findings]
    assert not found, found


def test_there_are_at_least_fifteen_clean_replies() -> None:
    assert len(_clean_cases()) >= 15


def test_every_check_of_the_pack_cites_guidance_and_quotes_the_reply() -> None:
    for name, rules in PACK.checks.items():
        messages = [rule.message for rule in rules.rules]
        if rules.message is not None:
            messages.append(rules.message)
        for message in messages:
            assert "GUIDANCE §" in message, (name, message)
            assert "{match}" in message, (name, message)
