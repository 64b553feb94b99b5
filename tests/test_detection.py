"""Which language a reply is in (``language: auto``): the short texts of
tests/fixtures/detection.yaml, per language at or above a committed floor; no English text
taken for another language, and no text of a language without a pack given to a pack."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from replylint.checks import Reply
from replylint.checks.packs.detect import identify
from replylint.checks.reply import language

FIXTURE = Path(__file__).parent / "fixtures" / "detection.yaml"
SET = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
CORPORA = [Path(__file__).resolve().parents[n] / "shared" / "corpus" for n in (2, 3)]
# The corpus replies that really are not English (tests/test_language.py lists them).
NOT_ENGLISH_IN_CORPUS = {"ibm-twitter-care:1244548669682192386": "German"}

# Share of each language's texts read right: by its pack (lv, kk, fy, en), or reported as not
# linted with a name (the others). Measured with py3langid: 1.0 everywhere but Estonian
# (15/16: "Lugupidamisega, klienditugi" is two words, too short to tell).
FLOORS = {"lv": 0.95, "kk": 0.95, "fy": 0.95, "en": 1.0}
CONFUSER_FLOOR = 0.9
# Without py3langid, the function words and letters of reply/language.py alone (measured: lv
# 45/46, kk 41/43, fy 35/42, the confusers 15/16 or 16/16, English 24/24).
# Without py3langid (it failed to load): function words and letters only. Frisian's is lower
# since the fy pack kept only the words no confuser uses (Afrikaans, Dutch, German, English).
FALLBACK_FLOORS = {"lv": 0.9, "kk": 0.9, "fy": 0.75, "en": 1.0}
FALLBACK_CONFUSER_FLOOR = 0.85


def read(text: str) -> tuple[str | None, str]:
    reply = Reply(text, "x.txt")
    pack, name = identify(reply.token_starts, reply.masked)
    return (None if pack is None else pack.code), name


def right(expected: str | None, code: str | None, name: str) -> bool:
    if expected is not None:
        return code == expected
    return code is None and name != "English"


def test_the_set_is_what_the_brief_asked_for() -> None:
    for code in ("lv", "kk", "fy"):
        assert len(SET[code]["texts"]) >= 40, code
    for code in ("nl", "de", "af", "lt", "et", "ru", "uk", "ky", "tt"):
        assert SET[code]["expect"] is None and len(SET[code]["texts"]) >= 15, code
    assert len(SET["en"]["texts"]) >= 15


Read = tuple[str, str | None, str]  # a text, the pack that read it (None: none), the name


def misread(code: str) -> tuple[list[Read], list[Read]]:
    """Each text of ``code``'s set with what it was read as, and those read wrong."""
    spec = SET[code]
    results = [(text, *read(text)) for text in spec["texts"]]
    return results, [r for r in results if not right(spec["expect"], r[1], r[2])]


@pytest.mark.parametrize("code", sorted(SET))
def test_accuracy_per_language(code: str) -> None:
    pytest.importorskip("py3langid", reason="py3langid is a dependency of replylint")
    spec = SET[code]
    results, wrong = misread(code)
    assert 1 - len(wrong) / len(results) >= FLOORS.get(code, CONFUSER_FLOOR), wrong
    if code == "en":
        assert wrong == []  # no English text taken for another language
    if spec["expect"] is None:  # never given to another language's pack, whatever the floor
        assert [r for r in results if r[1] not in (None, "en")] == []


@pytest.mark.parametrize("code", sorted(SET))
def test_accuracy_without_the_detector(code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "identified", lambda text: None)
    results, wrong = misread(code)
    floor = FALLBACK_FLOORS.get(code, FALLBACK_CONFUSER_FLOOR)
    assert 1 - len(wrong) / len(results) >= floor, wrong
    if code == "en":
        assert wrong == []


def test_no_reply_of_the_corpus_is_given_to_another_pack(monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = next((c / "replies.jsonl" for c in CORPORA if (c / "replies.jsonl").is_file()), None)
    if corpus is None:
        pytest.skip(f"no review corpus at {CORPORA[0]} (it is not part of the repository)")
    detected: list[str] = []  # what reached py3langid: loading it costs 0.6 s or more a run
    real = language.identified

    def spy(text: str) -> tuple[str, str] | None:
        detected.append(text)
        return real(text)

    monkeypatch.setattr(language, "identified", spy)
    read_by: dict[str, str | None] = {}
    count = 0
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            count += 1
            code, name = read(record["text"])
            if code != "en":
                read_by[record["id"]] = name
    assert count == 1697
    assert read_by == NOT_ENGLISH_IN_CORPUS
    assert len(detected) == len(NOT_ENGLISH_IN_CORPUS)  # no English reply loads the detector


def test_an_english_reply_loads_no_pack_and_no_detector() -> None:
    script = "\n".join(
        [
            "import sys",
            "from replylint.checks import BUILTIN, ActiveCheck, Reply, lint_reply",
            "checks = [c for c in BUILTIN if not c.asks_service]",
            "active = [ActiveCheck(c, c.severity, c.defaults()) for c in checks]",
            "lint_reply(Reply('Hi Anna, we cannot refund it. Sorry!', 'x.txt'), active)",
            "later = ('replylint.checks.builtin.packs.', 'py3langid', 'numpy', 'hunspell')",
            "print([m for m in sys.modules if m.startswith(later)])",
        ]
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_a_latvian_reply_is_read_by_its_pack_through_the_cli(tmp_path: Path) -> None:
    pytest.importorskip("py3langid", reason="py3langid is a dependency of replylint")
    from typer.testing import CliRunner

    from replylint.cli.main import app

    (tmp_path / "lv.txt").write_text("Labdien! Jūsu pasūtījums ir ceļā.\n", encoding="utf-8")
    (tmp_path / "nl.txt").write_text("Helaas kunnen we het geld niet terugbetalen.\n", "utf-8")
    args = ["check", str(tmp_path / "lv.txt"), str(tmp_path / "nl.txt"), "--no-config"]
    result = CliRunner().invoke(app, [*args, "--languagetool", "off", "-f", "json"])
    replies = {Path(f["path"]).name: f["replies"][0] for f in json.loads(result.stdout)["files"]}
    assert replies["lv.txt"]["language"] == "lv" and replies["lv.txt"]["not_linted"] is None
    assert replies["nl.txt"]["not_linted"] == "no language pack for Dutch"
