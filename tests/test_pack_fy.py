"""The West Frisian pack: its analyser (lemma list, suffix rules, negation as a word) and
replies that no check may flag (tests/fixtures/packs/fy/clean.yml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from replylint.checks import BUILTIN, ActiveCheck, Reply, lint_reply
from replylint.checks.builtin.packs.fy import FORMS, PACK, analyse
from replylint.checks.packs.pattern import compile_pattern, words_of

CLEAN = Path(__file__).parent / "fixtures" / "packs" / "fy" / "clean.yml"
# The LanguageTool checks need a server; spelling has its own helper.
SERVICE_CHECKS = {"spelling", "grammar", "style"}


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("kin", "kinne"),
        ("kinst", "kinne"),
        ("koe", "kinne"),
        ("koene", "kinne"),
        ("mei", "meie"),
        ("mocht", "meie"),
        ("wol", "wolle"),
        ("woe", "wolle"),
        ("moat", "moatte"),
        ("moast", "moatte"),
        ("sil", "sille"),
        ("soe", "sille"),
        ("soene", "sille"),
        ("ha", "hawwe"),
        ("hat", "hawwe"),
        ("hie", "hawwe"),
        ("hiene", "hawwe"),
        ("is", "wêze"),
        ("binne", "wêze"),
        ("wie", "wêze"),
        ("bist", "wêze"),
        ("docht", "dwaan"),
        ("die", "dwaan"),
        ("spyt", "spite"),
        ("ekskuzes", "ekskús"),
        ("stjoerde", "stjoere"),
        ("wit", "witte"),
        ("sjogge", "sjen"),
        ("hoecht", "hoege"),
        ("liet", "litte"),
        ("wurdt", "wurde"),
        ("waard", "wurde"),
        ("giet", "gean"),
        ("jout", "jaan"),
        ("begryp", "begripe"),
        ("fragen", "fraach"),
        ("dagen", "dei"),
        # suffix rules: class-2 weak verbs in -earje
        ("kontrolearret", "kontrolearje"),
        ("annulearre", "annulearje"),
        ("reservearren", "reservearje"),
        # words no rule knows stay themselves
        ("pakket", "pakket"),
        ("klant", "klant"),
    ],
)
def test_inflected_forms_go_to_their_lemma(word: str, lemma: str) -> None:
    assert analyse(word) == (lemma, False)


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("net", "net"),
        ("gjin", "gjin"),
        ("nea", "nea"),
        ("neat", "neat"),
        ("nimmen", "nimmen"),
        ("nearne", "nearne"),
        ("ûnmooglik", "mooglik"),
    ],
)
def test_negative_words_are_negated(word: str, lemma: str) -> None:
    assert analyse(word) == (lemma, True)


@pytest.mark.parametrize(
    "word",
    ["netwurk", "nettsjinsteande", "neaken", "ûnder", "ûnderweis", "ûntfange", "ûnthâlde",
     "nederlân", "gjint", "nei", "nee"],
)  # fmt: skip
def test_words_that_look_negated_are_not(word: str) -> None:
    assert analyse(word)[1] is False


def test_short_words_keep_their_suffix() -> None:
    # "earre" needs three letters before it: a short word is not a verb form
    assert analyse("kearre") == ("kearre", False)


def test_no_form_is_listed_under_two_lemmas() -> None:
    # the loader refuses it; this pins that the shipped list loads and is not empty
    assert len(FORMS) > 200


def test_negation_reads_as_a_separate_word() -> None:
    pattern = compile_pattern("kinne .. net", lambda w: analyse(w)[0])
    for text in ("Wy kinne jo jild net weromjaan", "Ik koe it spitigernôch net fine"):
        words = words_of(text, 0, len(text), analyse)
        assert any(pattern.match_at(words, i) for i in range(len(words))), text
    text = "Wy kinne jo jild wol weromjaan"
    words = words_of(text, 0, len(text), analyse)
    assert not any(pattern.match_at(words, i) for i in range(len(words)))


def test_analyser_is_linear_and_cached() -> None:
    long_word = "a" * 10_000 + "earret"
    assert analyse(long_word)[0].endswith("earje")
    analyse.cache_clear()
    analyse("kinne")
    analyse("kinne")
    assert analyse.cache_info().hits == 1


def test_pack_covers_the_checks_it_names() -> None:
    assert PACK.code == "fy"
    assert PACK.name == "West Frisian"
    for check in ("negative-wording", "refusal-without-alternative", "missing-next-step"):
        assert check in PACK.checks


def _clean_cases() -> list[object]:
    data = yaml.safe_load(CLEAN.read_text(encoding="utf-8"))
    return [pytest.param(case, id=name) for name, case in data["cases"].items()]


@pytest.mark.parametrize("case", _clean_cases())
def test_clean_replies_get_no_finding(case: dict[str, object]) -> None:
    active = [
        ActiveCheck(c, c.severity, c.defaults()) for c in BUILTIN if c.name not in SERVICE_CHECKS
    ]
    kind = case.get("kind")
    from replylint.checks import Kind

    reply = Reply(str(case["reply"]), "reply.txt", kind=Kind(kind) if kind else None)
    if case.get("language"):
        reply.language = str(case["language"])
    result = lint_reply(reply, active)
    assert result.language == "fy", result.not_linted
    assert not result.failures, result.failures
    assert not result.findings, [(f.name, f.text, f.message) for f in result.findings]


def _all_fixture_replies() -> list[str]:
    folder = CLEAN.parent
    replies = []
    for path in sorted(folder.glob("*.y*ml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        replies.extend(str(case["reply"]) for case in data["cases"].values())
    return replies


def test_detection_reads_every_fixture_reply_as_frisian() -> None:
    misread = [
        text[:60]
        for text in _all_fixture_replies()
        if lint_reply(Reply(text, "reply.txt"), []).language != "fy"
    ]
    assert not misread, f"{len(misread)} read as another language: {misread[:5]}"


def _lint_seconds(text: str) -> float:
    import time

    active = [
        ActiveCheck(c, c.severity, c.defaults()) for c in BUILTIN if c.name not in SERVICE_CHECKS
    ]
    reply = Reply(text, "reply.txt")
    reply.language = "fy"
    start = time.perf_counter()
    lint_reply(reply, active)
    return time.perf_counter() - start


def test_rules_stay_linear_on_hostile_text() -> None:
    # every word starts rules and feeds their gaps: "wy kinne dat net" again and again
    piece = "wy kinne dat net dat kinne wy net sorry ekskuzes tige tige tank jo hiene "
    small = _lint_seconds(piece * 200)
    large = _lint_seconds(piece * 800)
    assert large < 8 * max(small, 0.01), (small, large)
