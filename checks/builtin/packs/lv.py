"""Latvian: lemmas from simplemma's Latvian dictionary; negation is the verb prefix "ne-".

simplemma strips "ne-" from some negated verbs itself ("nevaram" -> "varēt") and keeps it on
others ("nevarēsim" -> "nevarēt"); both come out as the positive lemma, negated.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from replylint.checks.packs.pack import load_pack

NEGATION = "ne"
# Infinitive endings: a lemma "ne…t" / "ne…ties" is a negated verb, not a noun ("nedēļa").
INFINITIVE_ENDINGS = ("t", "ties")


@lru_cache(maxsize=65536)
def analyse(word: str) -> tuple[str, bool]:
    """(lemma, negated) of a lower-cased Latvian word."""
    import simplemma  # deferred: its dictionary loads only when a Latvian reply is read

    lemma = simplemma.lemmatize(word, lang="lv")
    if word.startswith(NEGATION) and len(word) > 4:
        if not lemma.startswith(NEGATION):
            return lemma, True  # simplemma took the prefix off
        if lemma.endswith(INFINITIVE_ENDINGS):
            return lemma[len(NEGATION) :], True
    return lemma, False


PACK = load_pack(Path(__file__).with_name("lv.yaml"), analyse)
