"""What lets a Latvian run start fast: stored analyses of the pack's words, and simplemma's
Latvian dictionary kept as a MARISA trie (``marisa-trie``) in the cache folder.

A one-file run on a Latvian reply cost ~0.35 s more CPU than an English one: importing
simplemma (~75 ms) and building its Latvian dictionary, a dict of 178,000 words decompressed
from lzma (~220 ms), first for the pack's pattern words (316 analyses, 298 distinct words),
then for the reply's.

- The analyses of the pack's words are stored (``STORE_FILE``), stamped with what they depend
  on (``stamp``): the analyser's source (lv.py and this module), simplemma's version file and
  its Latvian data. Loading the pack then needs no simplemma at all.
- A reply's own words still go through simplemma's lemmatizer, the same strategies, with only
  the mapping behind their ``get`` replaced: the trie, built once from simplemma's own
  dictionary and stored (``TRIE_FOLDER``, 820 KB, ~0.4 s of CPU once), loads in ~3 ms. A
  process that asks for very many lemmas switches to simplemma's dict (``SWITCH_AFTER``).
- Importing simplemma itself (~30-55 ms: it compiles some 410 regexes) is left as it is:
  routing its ``re.compile`` calls to the regex store would mean patching the standard
  library for the length of the import.

Anything unexpected (no marisa_trie, a read-only cache, a damaged or foreign file, another
simplemma API) falls back to plain ``simplemma.lemmatize``: this module only costs or saves
time, never changes an analysis. Stored files are data (JSON, a trie), checked before use.
"""

from __future__ import annotations

import importlib.util
import os
import zlib
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar, overload

from replylint.checks import disk_cache

LANG = "lv"
STORE_FILE = "lv-analyses-v1.json"
TRIE_FOLDER = "simplemma"

Analysis = tuple[str, bool]
# simplemma.lemmatize and simplemma.is_known, for Latvian.
Lemmas = tuple[Callable[[str], str], Callable[[str], bool]]
_T = TypeVar("_T")


def stamp(analyser: Path) -> list[Any] | None:
    """What stored analyses depend on: the analyser's source and this module's, simplemma's
    version file and its Latvian dictionary (size and modification time); None when simplemma
    cannot be found."""
    spec = importlib.util.find_spec("simplemma")  # finds the package without importing it
    if spec is None or spec.origin is None:
        return None
    package = Path(spec.origin).parent
    try:
        data = (package / "strategies" / "dictionaries" / "data" / f"{LANG}.plzma").stat()
        return [
            zlib.crc32(analyser.read_bytes()),
            zlib.crc32(Path(__file__).read_bytes()),
            zlib.crc32((package / "__metadata__.py").read_bytes()),
            data.st_size,
            data.st_mtime_ns,
        ]
    except OSError:
        return None


def read_analyses(expected: list[Any] | None) -> dict[str, Analysis]:
    """The stored analyses, or none when the stamp differs or the file is absent or damaged."""
    if expected is None:
        return {}
    entry = disk_cache.read_json(disk_cache.cache_dir() / STORE_FILE)
    if not isinstance(entry, dict) or entry.get("stamp") != expected:
        return {}
    analyses = entry.get("analyses")
    if not isinstance(analyses, dict):
        return {}
    found: dict[str, Analysis] = {}
    for word, value in analyses.items():
        if not (
            isinstance(value, list)
            and len(value) == 2
            and isinstance(value[0], str)
            and isinstance(value[1], bool)
        ):
            return {}  # one bad entry and none is trusted: the file is written anew
        found[word] = (value[0], value[1])
    return found


def write_analyses(current: list[Any], analyses: Mapping[str, Analysis]) -> None:
    """Store ``analyses`` under the stamp ``current`` (atomically; failures cost only speed)."""
    stored = {word: list(analyses[word]) for word in sorted(analyses)}
    disk_cache.write_json(
        disk_cache.cache_dir() / STORE_FILE, {"stamp": current, "analyses": stored}
    )


# A trie lemma costs ~1.3 times a dict one: 10.6 against 8.8 us a distinct word analysed
# (39,604 words), 5.3 against 3.9 us a known word's lemma. Past this many lemmas in a process
# (a folder of tens of thousands of replies) the extra has cost about what building simplemma's
# dict does (~220 ms), and the process switches to it: at worst about twice the build's cost.
SWITCH_AFTER = 150_000


@lru_cache(maxsize=1)
def lemmas() -> Lemmas:
    """simplemma's Latvian lemmatize and is_known, over the stored trie when there is one."""
    trie = trie_lemmas()
    return plain_lemmas() if trie is None else switching(trie, SWITCH_AFTER)


def switching(fast: Lemmas, calls: int) -> Lemmas:
    """``fast`` for the first ``calls`` lemmas, plain simplemma from then on. Unlocked: threads
    racing on the count only move the switch by a call; both give the same answers."""
    left, current = calls, fast

    def lemmatize(word: str) -> str:
        nonlocal left, current
        left -= 1
        if left == 0:
            current = plain_lemmas()
        return current[0](word)

    return lemmatize, lambda word: current[1](word)


def plain_lemmas() -> Lemmas:
    """simplemma's own module functions (its dictionary built in full on first use)."""
    import simplemma

    return (
        lambda word: str(simplemma.lemmatize(word, lang=LANG)),
        lambda word: bool(simplemma.is_known(word, lang=LANG)),
    )


def trie_lemmas() -> Lemmas | None:
    """The same functions over the stored trie; None when there is none yet (this call then
    stores one, if it can) or anything about it is unexpected."""
    import simplemma

    try:
        words = _trie_words(simplemma.__version__)
        return None if words is None else _over(words)
    except Exception:  # any surprise (another simplemma API, a marisa error): plain simplemma
        return None


def _over(words: Mapping[str, str]) -> Lemmas:
    """simplemma's own lemmatizer and dictionary lookup (what its module functions use) with
    ``words`` as the Latvian dictionary."""
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy
    from simplemma.strategies.dictionaries import DictionaryFactory
    from simplemma.utils import normalize_token

    class OneDictionary(DictionaryFactory):
        def get_dictionary(self, lang: str) -> Mapping[str, str]:
            if lang != LANG:
                raise ValueError(f"Unsupported language: {lang}")
            return words

    factory = OneDictionary()
    lemmatizer = Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory))
    lookup = DictionaryLookupStrategy(factory)
    return (
        lambda word: lemmatizer.lemmatize(word, lang=LANG),
        lambda word: lookup.get_lemma(normalize_token(word), LANG) is not None,
    )


def trie_path(version: str) -> Path:
    """Where the trie of simplemma ``version``'s Latvian dictionary is kept."""
    return disk_cache.cache_dir() / TRIE_FOLDER / f"{LANG}-{version}.trie"


def _trie_words(version: str) -> Mapping[str, str] | None:
    """The stored trie as a mapping; None (after storing one, when the cache can be written)
    when there is none or it is damaged, and when marisa_trie is missing."""
    try:
        import marisa_trie  # type: ignore[import-not-found, unused-ignore]  # no stubs
    except ImportError:
        return None
    path = trie_path(version)
    stored = disk_cache.read_checked(path)
    if stored is not None:
        return TrieWords(marisa_trie.BytesTrie().frombytes(stored))
    if _writable(path.parent):
        # Built from simplemma's own dictionary, which this run then uses: having built it,
        # its lookups are the faster ones (a trie's cost ~1.3 times a dict's per lemma).
        from simplemma.strategies.dictionaries import DEFAULT_DICTIONARY_FACTORY

        dictionary = DEFAULT_DICTIONARY_FACTORY.get_dictionary(LANG)
        trie = marisa_trie.BytesTrie((key, value.encode()) for key, value in dictionary.items())
        disk_cache.write_checked(path, trie.tobytes())
    return None


def _writable(folder: Path) -> bool:
    """Whether a file can be stored in ``folder``: a read-only cache must not pay for building
    a trie on every run that it then cannot keep."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK)


class TrieWords(Mapping[str, str]):
    """A MARISA BytesTrie of word -> UTF-8 lemma as the str -> str mapping simplemma reads."""

    __slots__ = ("_trie",)

    def __init__(self, trie: Any) -> None:
        self._trie = trie

    @overload
    def get(self, key: str) -> str | None: ...
    @overload
    def get(self, key: str, default: str | _T) -> str | _T: ...
    def get(self, key: str, default: str | _T | None = None) -> str | _T | None:
        found = self._trie.get(key)
        return str(found[0].decode()) if found else default

    def __getitem__(self, key: str) -> str:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._trie.keys())

    def __len__(self) -> int:
        return len(self._trie)


def clear() -> int:
    """Remove the stored analyses and every stored trie; returns how many files were removed."""
    folder = disk_cache.cache_dir() / TRIE_FOLDER
    paths = [disk_cache.cache_dir() / STORE_FILE]
    paths += sorted(folder.glob(f"{LANG}-*.trie")) if folder.is_dir() else []
    return disk_cache.remove_files(paths)
