"""dictionary-spelling (RL804): misspelt words by a Hunspell dictionary, for the languages a pack
reads that LanguageTool has no module for (Latvian, Kazakh).

The pack names its dictionary (``hunspell: lv_LV``); the binding (PyPI ``hunspell``, the
``replylint[hunspell]`` extra) is imported on the first reply that needs it, and a dictionary is
loaded once a process (lv_LV: about 45 ms). A word costs a few µs; suggestions (10-150 ms a
word in lv_LV) are looked up only for flagged words, at most ``MAX_SUGGESTED_WORDS`` a reply,
at most ``MAX_SUGGESTIONS`` each. Where the binding or the dictionary is missing the check is
skipped with a notice that names what to install, never passed silently.

Measured on the Latvian and Kazakh texts of tests/fixtures/detection.yaml: lv_LV flags 1 of the
272 words of the Latvian texts written with their long vowels (a loanword, "pakomātā") and
every word of the two lines typed without them; kk_KZ rejects 34 of 207 valid Kazakh words
(16%: "рахмет", "алмаймыз", "көмектесе"), so Kazakh is off by default (``skip-languages``).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Any

from replylint.checks.builtin.grammar import RATIONALE
from replylint.checks.model import (
    NOT_APPLICABLE,
    Category,
    Check,
    Example,
    Hit,
    Option,
    Options,
    Severity,
)
from replylint.checks.packs.registry import pack_for
from replylint.checks.regex_cache import compile_regex
from replylint.checks.reply.parsed import Reply

NAME = "dictionary-spelling"
SEARCH_PATH = ("/usr/share/hunspell", "/usr/share/myspell")  # after $DICPATH
# Debian's packages of the dictionaries the built-in packs name, for the notice.
DEBIAN_PACKAGES = {"lv_LV": "hunspell-lv", "kk_KZ": "hunspell-kk"}
MAX_SUGGESTIONS = 3  # a word
MAX_SUGGESTED_WORDS = 3  # a reply: suggestions cost up to 150 ms a word
# Kazakh: kk_KZ 1.1 rejects 16% of valid words ("рахмет", "алмаймыз"): a check that cries
# wolf gets switched off, so it is off until a team turns it on.
DEFAULT_SKIPPED = ("kk",)

# A word: letters and digits, joined by apostrophes or hyphens ("e-pasta", "wannear't").
WORD = compile_regex(r"\w+(?:['’-]\w+)*")
# Tokens the check leaves alone: handles and tags ("@anna", "#refund").
HANDLE_MARKS = "@#"


@dataclass
class Speller:
    """One loaded dictionary; Hunspell's handle is not documented thread-safe: a lock."""

    handle: Any
    lock: threading.Lock
    suggested: dict[str, tuple[str, ...]]

    def spell(self, word: str) -> bool:
        with self.lock:
            return bool(self.handle.spell(word))

    def suggest(self, word: str) -> tuple[str, ...]:
        if word not in self.suggested:
            with self.lock:
                found = self.handle.suggest(word)
            self.suggested[word] = tuple(str(s) for s in found[:MAX_SUGGESTIONS])
        return self.suggested[word]


_spellers: dict[tuple[str, str], Speller | str] = {}  # (dictionary, $DICPATH) -> it, or why not
_loading = threading.Lock()


def search_path() -> list[Path]:
    """Folders searched for NAME.dic and NAME.aff: $DICPATH's, then Debian's."""
    extra = [p for p in os.environ.get("DICPATH", "").split(os.pathsep) if p]
    return [Path(p) for p in (*extra, *SEARCH_PATH)]


def environment() -> str:
    """Whether the binding imports and which dictionary files the built-in packs would use
    (path, size, time): a results cache must not serve "skipped" after hunspell-lv is installed."""
    from importlib.util import find_spec

    from replylint.checks.packs.registry import plugin_packs

    # The built-in packs' dictionaries by name (loading the packs would cost every cached run
    # their YAML), and the plugins' packs, loaded already with the registry.
    names = {*DEBIAN_PACKAGES, *(p.hunspell for p in plugin_packs() if p.hunspell)}
    found: list[object] = [find_spec("hunspell") is not None]
    for name in sorted(names):
        for folder in search_path():
            dic = folder / f"{name}.dic"
            try:
                info = dic.stat()
            except OSError:
                continue
            found.append((str(dic), info.st_size, info.st_mtime_ns))
            break
    return repr(found)


def speller(dictionary: str, words: Mapping[str, str] | None = None) -> Speller | str:
    """The loaded dictionary, or a one-line reason it cannot be used (what to install).

    ``words``: the pack's words the dictionary lacks, each inflected like a model word it has
    (``pakomāts: automāts``): added with the model's affixes, so every form is known.
    """
    key = (dictionary, os.environ.get("DICPATH", ""))
    found = _spellers.get(key)
    if found is not None:
        return found
    with _loading:
        if key not in _spellers:
            loaded = _load(dictionary)
            if not isinstance(loaded, str):
                for word, model in (words or {}).items():
                    loaded.handle.add_with_affix(word, model)
            _spellers[key] = loaded
        return _spellers[key]


def _load(dictionary: str) -> Speller | str:
    try:  # by name: the binding ships no type information
        binding = import_module("hunspell")
    except ImportError:
        return (
            f"{NAME}: the Hunspell binding is not installed "
            "(pip install 'replylint[hunspell]'; it builds against libhunspell-dev)"
        )
    folders = search_path()
    for folder in folders:
        dic, aff = folder / f"{dictionary}.dic", folder / f"{dictionary}.aff"
        if dic.is_file() and aff.is_file():
            try:
                handle = binding.HunSpell(str(dic), str(aff))
            except Exception as error:  # a broken file: say so rather than crash every reply
                return f"{NAME}: cannot load the Hunspell dictionary {dic}: {error}"
            return Speller(handle, threading.Lock(), {})
    package = DEBIAN_PACKAGES.get(dictionary)
    where = ", ".join(str(f) for f in folders)
    install = f"install Debian's {package}, or " if package else ""
    return (
        f"{NAME}: no Hunspell dictionary {dictionary} in {where} "
        f"({install}put {dictionary}.dic and {dictionary}.aff in $DICPATH)"
    )


def _reason(reply: Reply, options: Options) -> str | None:
    # English, LanguageTool's languages and packs without a dictionary never get here: the
    # engine asks reads_language (below) first.
    pack = pack_for(reply.language or "en")
    if pack is None or pack.hunspell is None:
        return f"{NOT_APPLICABLE}no Hunspell dictionary for this language"
    if pack.code in {str(code).lower() for code in options.get("skip-languages") or ()}:
        return f"{NOT_APPLICABLE}off for {pack.name} (skip-languages)"
    found = speller(pack.hunspell, pack.hunspell_words)
    return found if isinstance(found, str) else None


def _run(reply: Reply, options: Options) -> Iterator[Hit]:
    pack = pack_for(reply.language or "en")
    if pack is None or pack.hunspell is None:
        return
    found = speller(pack.hunspell, pack.hunspell_words)
    if isinstance(found, str):
        return
    vocabulary = {str(word).casefold() for word in options.get("vocabulary") or ()}
    masked = reply.masked
    first_words = _sentence_first_words(reply)
    suggested = 0
    for match in WORD.finditer(masked):
        word = match.group()
        start = match.start()
        if not _checked(word, start, masked, first_words, vocabulary):
            continue
        for part, offset in _parts(word, start):
            if part.casefold() in vocabulary or found.spell(part):
                continue
            if part[:1].isupper() and found.spell(part.lower()):
                continue  # a sentence's first word
            suggestions: tuple[str, ...] = ()
            if suggested < MAX_SUGGESTED_WORDS:
                suggested += 1
                suggestions = tuple(s for s in found.suggest(part) if s != part)
            yield Hit(
                offset,
                offset + len(part),
                f"'{part}' is not in the {pack.name} dictionary ({pack.hunspell})",
                suggestion=" / ".join(suggestions) or None,
            )


def _checked(
    word: str, start: int, masked: str, first_words: set[int], vocabulary: set[str]
) -> bool:
    """Whether a token is a word to spell: not a number, code, handle, acronym or name."""
    if len(word) < 2 or any(c.isdigit() or c == "_" for c in word):
        return False
    if masked[start - 1 : start] in HANDLE_MARKS and start > 0:
        return False
    if word.casefold() in vocabulary:
        return False
    letters = [c for c in word if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return False  # ALL-CAPS: an acronym, a code, a shouted word
    if word[:1].isupper() and start not in first_words:
        return False  # capitalised mid-sentence: a name ("Sveiki, Anna!")
    return not (_abbreviated(word, start, masked))


def _abbreviated(word: str, start: int, masked: str) -> bool:
    """A short word before a full stop and then a lower-case word or a number ("plkst. 10"):
    an abbreviation, not a misspelling."""
    end = start + len(word)
    if masked[end : end + 1] != "." or len(word) > 5:
        return False
    rest = masked[end + 1 : end + 3].lstrip(" ")
    return rest[:1].islower() or rest[:1].isdigit()


def _parts(word: str, start: int) -> Iterator[tuple[str, int]]:
    """A hyphenated word's parts ("e-pasta": "pasta"), or the word itself."""
    if "-" not in word:
        yield word, start
        return
    offset = start
    for part in word.split("-"):
        if len(part) > 1:
            yield part, offset
        offset += len(part) + 1


def _sentence_first_words(reply: Reply) -> set[int]:
    """Offsets of each sentence's first word (capitalised there without being a name)."""
    firsts = set()
    masked = reply.masked
    for sentence in reply.sentences:
        match = WORD.search(masked, sentence.start, sentence.end)
        if match is not None:
            firsts.add(match.start())
    return firsts


CHECK = Check(
    code="RL804",
    name=NAME,
    category=Category.CORRECTNESS,
    summary=(
        "Misspelt words by a Hunspell dictionary, for the languages LanguageTool has no "
        "module for (Latvian; Kazakh when turned on); team words go in the vocabulary option."
    ),
    rationale=RATIONALE,
    guidance="The correctness rule of RL801 spelling (GUIDANCE has no correctness section yet)",
    run=_run,
    severity=Severity.WARNING,
    options={
        "vocabulary": Option(list, [], "team words never flagged as misspellings (brand names)"),
        "skip-languages": Option(
            list,
            list(DEFAULT_SKIPPED),
            "pack languages not to spell (kk by default: kk_KZ rejects many valid words)",
        ),
    },
    examples=(
        Example("Labdien! Jūsu pasūtījums ir nosūtīts un pienāks rīt.", fails=False),
        Example("Labdien! Jūsu pasūtijums ir nosūtīts un pienāks rīt.", fails=True),
    ),
    not_applicable=_reason,
    announce_skip=True,
    any_language=True,  # reads the languages whose pack names a dictionary
    environment=environment,
    reads_language=lambda pack: (
        not pack.native and pack.languagetool is None and pack.hunspell is not None
    ),
)
