"""The Latvian pack's fast start (checks/builtin/packs/lv_store.py): stored analyses of the
pack's words and simplemma's dictionary as a stored trie give the analyses plain simplemma
gives, a warm run builds no dictionary, and stale or damaged stored data is never trusted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from replylint.checks import disk_cache
from replylint.checks.builtin.packs import lv, lv_store
from replylint.checks.packs.pattern import WORD

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
REPLY = (
    "Labdien, Anna!\n\nDiemžēl mēs nevaram atmaksāt naudu par šo pasūtījumu, jo atgriešanas "
    "termiņš ir beidzies. Varam piedāvāt dāvanu karti vai apmaiņu pret citu preci.\n\n"
    "Ar cieņu,\nJānis\n"
)


def _words(text: str) -> set[str]:
    return {m.group().lower().replace("’", "'") for m in WORD.finditer(text)}


def _latvian_words() -> list[str]:
    """Every word of the pack file and of the Latvian fixtures, and a sample of simplemma's
    Latvian dictionary with and without the negation prefix."""
    words = _words((ROOT / "checks" / "builtin" / "packs" / "lv.yaml").read_text("utf-8"))
    for path in sorted((FIXTURES / "packs" / "lv").rglob("*.y*ml")):
        words |= _words(path.read_text("utf-8"))
    from simplemma.strategies.dictionaries import DEFAULT_DICTIONARY_FACTORY

    keys = list(DEFAULT_DICTIONARY_FACTORY.get_dictionary("lv"))
    sample = {key.lower() for key in keys[::400]}
    return sorted(words | sample | {"ne" + key for key in sample})


@pytest.fixture
def trie(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> lv_store.Lemmas:
    """The trie-backed functions, built in a cache folder of this test's own."""
    monkeypatch.setenv("REPLYLINT_CACHE_DIR", str(tmp_path / "own-cache"))
    assert lv_store.trie_lemmas() is None  # none stored yet: this call builds it
    built = lv_store.trie_lemmas()
    assert built is not None
    return built


def test_the_trie_gives_plain_simplemmas_analyses(
    trie: lv_store.Lemmas, monkeypatch: pytest.MonkeyPatch
) -> None:
    words = _latvian_words()
    assert len(words) > 1500
    monkeypatch.setattr(lv_store, "lemmas", lv_store.plain_lemmas)
    plain = [lv.analysed(word) for word in words]
    monkeypatch.setattr(lv_store, "lemmas", lambda: trie)
    fast = [lv.analysed(word) for word in words]
    assert [(w, a) for w, a, b in zip(words, plain, fast, strict=True) if a != b] == []
    lemmatize, is_known = lv_store.plain_lemmas()
    assert [trie[1](w) for w in words] == [is_known(w) for w in words]
    assert [trie[0](w) for w in words] == [lemmatize(w) for w in words]


def test_the_stored_analyses_are_the_analysers() -> None:
    lv.load()  # stores them in this test's cache folder
    stamp = lv_store.stamp(Path(lv.__file__))
    stored = lv_store.read_analyses(stamp)
    assert len(stored) > 250  # the pack's words, stored when the pack was loaded
    assert {word: lv.analysed(word) for word in stored} == stored


def _run(cache: Path, path: Path, slow: bool = False) -> tuple[Any, list[str]]:
    """A fresh process linting ``path`` (JSON), and the languages simplemma's
    DefaultDictionaryFactory was asked for (it builds a dictionary in full on the first ask);
    ``slow``: without marisa_trie (plain simplemma)."""
    script = f"""
import sys
from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory
built = []
original = DefaultDictionaryFactory.get_dictionary
def spy(self, lang):
    built.append(lang)
    return original(self, lang)
DefaultDictionaryFactory.get_dictionary = spy
if {slow}:
    sys.modules["marisa_trie"] = None  # its import fails
from replylint.cli.main import main
sys.argv = ["replylint", "check", "--no-config", "--no-cache", "--languagetool", "off",
            "-f", "json", "--exit-zero", sys.argv[1]]
try:
    main()
except SystemExit:
    pass
print("BUILT", *sorted(set(built)), file=sys.stderr)
"""
    env = {**os.environ, "REPLYLINT_CACHE_DIR": str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=path.parent,
        check=False,
    )
    built = [line for line in done.stderr.splitlines() if line.startswith("BUILT")]
    assert built, done.stderr[-2000:]
    return json.loads(done.stdout), built[-1].split()[1:]


@pytest.mark.slow
def test_a_warm_run_builds_no_dictionary_and_finds_the_same(tmp_path: Path) -> None:
    reply = tmp_path / "lv.txt"
    reply.write_text(REPLY, encoding="utf-8")
    cache = tmp_path / "cache"
    first, built = _run(cache, reply)
    assert built == ["lv"]  # the trie is built from simplemma's own dictionary
    assert (cache / lv_store.STORE_FILE).is_file()
    assert list((cache / lv_store.TRIE_FOLDER).glob("lv-*.trie"))
    warm, built = _run(cache, reply)
    assert built == []
    slow, built = _run(tmp_path / "other-cache", reply, slow=True)
    assert built == ["lv"]
    assert warm == first == slow
    codes = [f["code"] for f in warm["files"][0]["replies"][0]["findings"]]
    assert codes == ["RL101", "RL101", "RL401"]


def test_the_stamp_follows_the_analysers_source(tmp_path: Path) -> None:
    copy = tmp_path / "lv.py"
    copy.write_bytes(Path(lv.__file__).read_bytes())
    before = lv_store.stamp(copy)
    assert before is not None and before == lv_store.stamp(Path(lv.__file__))
    copy.write_text(copy.read_text("utf-8").replace('"varu": "varēt"', '"varu": "vara"'))
    assert lv_store.stamp(copy) != before


def test_stale_or_damaged_stored_analyses_are_not_used() -> None:
    stamp = lv_store.stamp(Path(lv.__file__))
    assert stamp is not None
    lv_store.write_analyses(stamp, {"nevaram": ("varēt", True)})
    assert lv_store.read_analyses(stamp) == {"nevaram": ("varēt", True)}
    assert lv_store.read_analyses([*stamp[:-1], stamp[-1] + 1]) == {}  # another lv.plzma
    assert lv_store.read_analyses(None) == {}
    store = disk_cache.cache_dir() / lv_store.STORE_FILE
    for damaged in (
        {"stamp": stamp, "analyses": {"nevaram": ["varēt", "yes"]}},
        {"stamp": stamp, "analyses": {"nevaram": ["varēt"]}},
        {"stamp": stamp, "analyses": ["nevaram"]},
        ["not", "a", "store"],
    ):
        store.write_text(json.dumps(damaged), encoding="utf-8")
        assert lv_store.read_analyses(stamp) == {}
    store.write_bytes(b"\xff{ half")
    assert lv_store.read_analyses(stamp) == {}


def _rules(pack: Any) -> dict[str, list[Any]]:
    return {name: [p.steps for p in pack.compiled(name)[0].patterns] for name in pack.checks}


def test_a_stale_store_costs_only_speed() -> None:
    stamp = lv_store.stamp(Path(lv.__file__))
    assert stamp is not None
    # A store from another simplemma that read a pattern word otherwise: not trusted.
    lv_store.write_analyses([*stamp[:-1], stamp[-1] + 1], {"nekad": ("zzz", True)})
    try:
        pack = lv.load()
        assert lv.analyse.__wrapped__("nekad") == ("nekad", False)  # type: ignore[attr-defined]
        assert _rules(pack) == _rules(lv.PACK)
        stored = lv_store.read_analyses(stamp)  # written anew, under the current stamp
        assert stored["nekad"] == ("nekad", False) and len(stored) > 250
    finally:
        lv.load()


def test_a_damaged_trie_is_built_again(trie: lv_store.Lemmas) -> None:
    import simplemma

    path = lv_store.trie_path(simplemma.__version__)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    assert lv_store.trie_lemmas() is None  # damaged: not used, stored anew
    assert path.read_bytes() != bytes(data)
    again = lv_store.trie_lemmas()
    assert again is not None and again[0]("nevaram") == trie[0]("nevaram") == "varēt"


def test_without_marisa_or_a_writable_cache_plain_simplemma(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("REPLYLINT_CACHE_DIR", str(blocker / "cache"))  # cannot be made
    assert lv_store.trie_lemmas() is None
    assert lv_store.trie_lemmas() is None  # and it built nothing it could not keep
    monkeypatch.setenv("REPLYLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setitem(sys.modules, "marisa_trie", None)
    assert lv_store.trie_lemmas() is None
    assert not (tmp_path / "cache").exists()


def test_cache_clear_removes_what_the_pack_stored(trie: lv_store.Lemmas) -> None:
    stamp = lv_store.stamp(Path(lv.__file__))
    assert stamp is not None
    lv_store.write_analyses(stamp, {"nav": ("būt", True)})
    assert lv_store.clear() == 2
    assert lv_store.clear() == 0


def test_a_long_run_switches_to_simplemmas_own_dictionary() -> None:
    lemmatize, is_known = lv_store.switching((lambda word: "trie", lambda word: False), 2)
    assert (lemmatize("nevaram"), is_known("nevaram")) == ("trie", False)
    assert (lemmatize("nevaram"), is_known("nevaram")) == ("varēt", True)  # switched
    assert lemmatize("varam") == "varēt"
