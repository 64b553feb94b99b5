"""RL804 dictionary-spelling: its logic against a tiny Hunspell dictionary written here (so it
is tested wherever Debian's are missing), its notices when the binding or a dictionary is
missing, and Debian's lv_LV and kk_KZ where installed (skipped with a reason otherwise)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from helpers import lint_text

from replylint.checks import ActiveCheck, Reply, lint_reply
from replylint.checks.builtin import hunspell_spelling as spelling
from replylint.checks.packs import registry
from replylint.checks.packs.pack import LanguagePack

DEBIAN = Path("/usr/share/hunspell")
DETECTION = Path(__file__).parent / "fixtures" / "detection.yaml"
# A language of our own, read by a pack that names the tiny dictionary.
TESTISH = LanguagePack(code="xq", name="Testish", hunspell="xq_TEST", origin="tests")
AFF = "SET UTF-8\nTRY aeioulnrst\n\nSFX S Y 1\nSFX S 0 s .\n"
WORDS = ["hello", "parcel/S", "arrives", "today", "we", "ship", "fast", "e", "mail", "to", "you"]


@pytest.fixture(autouse=True)
def fresh(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No speller of another test; the Testish pack registered for the test only."""
    monkeypatch.setattr(spelling, "_spellers", {})
    monkeypatch.delenv("DICPATH", raising=False)
    registry.register(TESTISH)
    yield
    registry.unregister("xq")


@pytest.fixture
def tiny(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    pytest.importorskip("hunspell", reason="the Hunspell binding (replylint[hunspell])")
    (tmp_path / "xq_TEST.aff").write_text(AFF, encoding="utf-8")
    (tmp_path / "xq_TEST.dic").write_text(f"{len(WORDS)}\n" + "\n".join(WORDS) + "\n", "utf-8")
    monkeypatch.setenv("DICPATH", str(tmp_path))
    return tmp_path


def lint(text: str, language: str, **options: object) -> tuple[list[tuple[str, str]], str | None]:
    """(flagged words with their suggestion, the check's skip reason)."""
    check = spelling.CHECK
    reply = Reply(text, "reply.txt")
    reply.language = language
    result = lint_reply(
        reply, [ActiveCheck(check, check.severity, {**check.defaults(), **options})]
    )
    assert not result.failures, result.failures
    found = [(f.text, f.suggestion or "") for f in result.findings if f.code == "RL804"]
    return found, result.not_applicable.get(check.name)


def test_flags_words_not_in_the_dictionary_with_suggestions(tiny: Path) -> None:
    found, reason = lint("Hello, we ship fast: your parcle arrives today.", "xq")
    assert reason is None
    assert [word for word, _ in found] == ["your", "parcle"]
    assert "parcel" in dict(found)["parcle"]
    assert all(len(s.split(" / ")) <= spelling.MAX_SUGGESTIONS for _, s in found)


def test_affixes_and_sentence_starts_are_the_dictionary_s(tiny: Path) -> None:
    found, _ = lint("Parcels arrive today. Parcels ship fast.", "xq")
    assert found == [("arrive", found[0][1])]  # "Parcels": parcel/S, capitalised as it starts


def test_what_is_not_spelled(tiny: Path) -> None:
    text = (
        "Hello Zyxwv, we ship to you today. Mail qqq@example.com https://example.com/zzzz "
        "AB12CD HQXZ @zorblat zz3zz #frobnic 42 Qwrtbox. e-mail to you, Mrs Zyxwv."
    )
    found, _ = lint(text, "xq")
    assert found == []


def test_vocabulary_is_case_insensitive(tiny: Path) -> None:
    found, _ = lint("we ship zorblats today", "xq")
    assert [w for w, _ in found] == ["zorblats"]
    found, _ = lint("we ship zorblats today", "xq", vocabulary=["Zorblats"])
    assert found == []


def test_suggestions_are_bounded_per_reply(tiny: Path) -> None:
    found, _ = lint("we shipp parcle arrivs todya fastt helo", "xq")
    assert len(found) == 6
    with_suggestions = [w for w, s in found if s]
    assert len(with_suggestions) <= spelling.MAX_SUGGESTED_WORDS


def test_a_missing_dictionary_is_named_with_its_debian_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("hunspell", reason="the Hunspell binding (replylint[hunspell])")
    monkeypatch.setattr(spelling, "SEARCH_PATH", (str(tmp_path / "none"),))
    _, reason = lint("Labdien! Jūsu pasūtijums ir nosūtīts.", "lv")
    assert reason is not None and spelling.CHECK.announces(reason)
    assert "lv_LV" in reason and "hunspell-lv" in reason and "$DICPATH" in reason
    assert "\n" not in reason


def test_a_missing_binding_is_named_with_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "hunspell", None)  # import hunspell now fails
    _, reason = lint("Labdien! Jūsu pasūtijums ir nosūtīts.", "lv")
    assert reason is not None and spelling.CHECK.announces(reason)
    assert "pip install 'replylint[hunspell]'" in reason


def test_english_and_languagetool_languages_are_not_applicable() -> None:
    _, reason = lint("We will recieve the parts on Monday.", "en")
    assert reason == "not available for English replies"  # LanguageTool's spelling reads it
    registry.register(LanguagePack(code="xz", name="Zish", hunspell="xz_Z", languagetool="xz"))
    try:
        _, reason = lint("Zish text here.", "xz")
    finally:
        registry.unregister("xz")
    assert reason == "not available for Zish replies"


def test_the_cli_says_once_what_is_missing_and_nothing_for_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from replylint.cli.main import app

    monkeypatch.setattr(spelling, "SEARCH_PATH", (str(tmp_path / "none"),))
    monkeypatch.setitem(sys.modules, "hunspell", None)
    (tmp_path / "a.txt").write_text("Labdien! Jūsu pasūtījums ir ceļā.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Paldies! Mēs jums piezvanīsim rīt.\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("Your parcel arrives on Monday, Anna.\n", encoding="utf-8")
    base = ["check", "--no-config", "--no-cache", "--languagetool", "off", "--select", "RL804"]
    out = CliRunner().invoke(app, [*base, *(str(tmp_path / n) for n in ("a.txt", "b.txt"))])
    notices = [line for line in out.stdout.splitlines() if "Hunspell binding" in line]
    assert len(notices) == 1, out.stdout
    english = CliRunner().invoke(app, [*base, str(tmp_path / "en.txt")]).stdout
    assert "dictionary-spelling" not in english and "Hunspell" not in english


def _debian(name: str) -> None:
    pytest.importorskip("hunspell", reason="the Hunspell binding (replylint[hunspell])")
    if not (DEBIAN / f"{name}.dic").is_file():
        pytest.skip(f"no {DEBIAN / name}.dic (Debian's {spelling.DEBIAN_PACKAGES[name]})")


def _texts(code: str) -> list[str]:
    texts = yaml.safe_load(DETECTION.read_text(encoding="utf-8"))[code]["texts"]
    return [str(t) for t in texts]


def test_latvian_by_debian_s_dictionary() -> None:
    _debian("lv_LV")
    texts = _texts("lv")
    typed_plain = [t for t in texts if t.isascii()]  # the lines typed without long vowels
    flagged = [w for t in texts if not t.isascii() for w, _ in lint(t, "lv")[0]]
    # No false flag in 272 words: "pakomātā" (a loanword lv_LV lacks) is a hunspell-words entry
    # of the lv pack, known in every form ("pakomāts" inflected like "automāts").
    assert flagged == []
    assert all(lint(t, "lv")[0] for t in typed_plain)
    found, _ = lint("Jūsu pasūtijums ir nosūtīts.", "lv")
    assert found == [("pasūtijums", "pasūtījums")]


def test_kazakh_is_off_by_default_and_why() -> None:
    _debian("kk_KZ")
    texts = _texts("kk")
    assert all(lint(t, "kk")[1] == "n/a: off for Kazakh (skip-languages)" for t in texts)
    flagged = [w for t in texts for w, _ in lint(t, "kk", **{"skip-languages": []})[0]]
    words = sum(Reply(t).word_count for t in texts)
    assert len(flagged) / words > 0.1  # kk_KZ 1.1 rejects valid words: "рахмет", "алмаймыз"
    assert "рахмет" in {w.lower() for w in flagged}


def test_fixture_harness_language_key() -> None:
    result = lint_text(
        "Labdien! Jūsu pasūtījums ir ceļā.", only="dictionary-spelling", language="lv"
    )
    assert result.language == "lv"


def test_installing_a_dictionary_changes_the_results_cache_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run cached while lv_LV was missing must not be served once it is installed."""
    from replylint.checks.packs.registry import BUILTIN_PACK_MODULES, pack_for
    from replylint.cli.results_cache import plan_fingerprint

    for code in BUILTIN_PACK_MODULES:  # environment() knows them by these names, unloaded
        pack = pack_for(code)
        assert pack is not None and pack.hunspell in (None, *spelling.DEBIAN_PACKAGES)
    monkeypatch.setattr(spelling, "SEARCH_PATH", ())
    monkeypatch.setenv("DICPATH", str(tmp_path))
    active = [ActiveCheck(spelling.CHECK, spelling.CHECK.severity, spelling.CHECK.defaults())]
    without = plan_fingerprint("code", active, None)
    (tmp_path / "lv_LV.dic").write_text("1\nlabs\n", encoding="utf-8")
    (tmp_path / "lv_LV.aff").write_text("SET UTF-8\n", encoding="utf-8")
    assert plan_fingerprint("code", active, None) != without
