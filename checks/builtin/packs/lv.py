"""Latvian: lemmas from simplemma's Latvian dictionary; negation is the verb prefix "ne-".

Latvian negates a verb by writing "ne" in front of it ("varam" -> "nevaram", "tiks" ->
"netiks"), and "būt" has its own negated forms ("nav", "nebūs", "neesam"). A word that starts
with "ne" is read as negated when

- it is one of "būt"'s negated forms (``NEGATED_BE``), lemma "būt";
- simplemma takes the prefix off itself ("nevaram" -> "varēt");
- simplemma's lemma is a verb infinitive that keeps it ("nevarēsim" -> "nevarēt" -> "varēt");
  (its dictionary gives the positive "drīkstēt" as "nedrīkstēt" too: a positive word's "ne…t"
  lemma loses the "ne");
- the rest of the word is a Latvian word ("nesniedzam" -> "sniedzam", lemma "sniegt"), or
  neither the word nor its rest is in the dictionary ("nesazināsimies" -> "sazināsimies").

Words where "ne" belongs to the word itself are never negated: the pronouns and adverbs
("nekad", "nekas", "neviens") and nouns and adjectives the dictionary knows whole
("nedēļa", "nepieciešams", "neitrāls") — ``LEXICAL`` lists the stems whose rest would
otherwise look like a word ("nedēļa": "dēļa" is a form of "dēlis").

Limits: simplemma's Latvian dictionary misses many inflected verb forms ("iesakām",
"sazināsimies" come back unchanged), so rules name verbs by stem ("iesak*|ieteik*"); a
negated adjective or participle ("neskaidrs", "nepareizi") is read as negated too, which no
rule relies on.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from replylint.checks.builtin.packs import lv_store
from replylint.checks.packs.pack import LanguagePack, load_pack

NEGATION = "ne"
MIN_REST = 3  # letters after "ne" for the prefix to be read as negation ("nest" is a verb)
# Infinitive endings: a lemma "ne…t" / "ne…ties" is a negated verb, not a noun ("nedēļa").
INFINITIVE_ENDINGS = ("t", "ties")
BE = "būt"
NEGATED_BE = frozenset(
    """nav neesmu neesi neesam neesat neesot nebiju nebiji nebija nebijām nebijāt nebūšu
    nebūsi nebūs nebūsim nebūsiet nebūtu nebūt""".split()
)
# Forms the dictionary reads as another word: "varu" is "I can" far more often than "power".
OVERRIDES = {"varu": "varēt"}
# Stems in which "ne" is part of the word, not a negation of the rest.
LEXICAL = (
    "nekad", "nekas", "neko", "nekā", "nekam", "nekur", "neviens", "nevien", "nekād", "nemaz",
    "nevis", "nedz", "nesen", "nedēļ", "negadījum", "nelaim", "nepieciešam", "neērtīb",
    "neitrāl", "negatīv", "nervoz", "neto",
)  # fmt: skip


# Analyses of the pack's words from the cache folder (lv_store.py): the pack loads without
# simplemma, which only a reply's own words then need.
_stored: dict[str, tuple[str, bool]] = {}


@lru_cache(maxsize=65536)
def analyse(word: str) -> tuple[str, bool]:
    """(lemma, negated) of a lower-cased Latvian word."""
    return _stored.get(word) or analysed(word)


def analysed(word: str) -> tuple[str, bool]:
    """``analyse`` by simplemma, never from the store."""
    if word in NEGATED_BE:
        return BE, True
    if word in OVERRIDES:
        return OVERRIDES[word], False
    lemmatize, is_known = lv_store.lemmas()  # deferred: only a Latvian reply needs simplemma
    lemma = lemmatize(word)
    if not word.startswith(NEGATION):
        if lemma.startswith(NEGATION) and lemma.endswith(INFINITIVE_ENDINGS):
            lemma = lemma[len(NEGATION) :]  # the dictionary's "drīkstēt" is "nedrīkstēt"
        return lemma, False
    if len(word) < len(NEGATION) + MIN_REST or word.startswith(LEXICAL):
        return lemma, False
    if not lemma.startswith(NEGATION):
        return lemma, True  # simplemma took the prefix off
    if lemma.endswith(INFINITIVE_ENDINGS) and len(lemma) > len(NEGATION) + 1:
        return lemma[len(NEGATION) :], True
    rest = word[len(NEGATION) :]
    if is_known(rest) or not is_known(word):
        return lemmatize(rest), True
    return lemma, False  # a word of its own the dictionary knows ("nepieciešams")


def load() -> LanguagePack:
    """The pack, its pattern words' analyses from the store when it holds them all (and stored
    when it does not)."""
    global _stored
    current = lv_store.stamp(Path(__file__))
    _stored = lv_store.read_analyses(current)
    asked: set[str] = set()

    def pattern_word(word: str) -> tuple[str, bool]:
        asked.add(word)
        return analyse(word)

    pack = load_pack(Path(__file__).with_name("lv.yaml"), pattern_word)
    if current is not None and not asked <= _stored.keys():
        lv_store.write_analyses(current, {word: analyse(word) for word in asked})
    return replace(pack, analyse=analyse)


PACK = load()
