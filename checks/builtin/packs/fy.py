"""West Frisian: a shipped lemma list, a few suffix rules, and negation as its own word.

simplemma has no Frisian, so the analyser is data: ``fy-lemmas.yaml`` lists the inflected
forms of the verbs and auxiliaries the pack's rules name (kinne: kin, kinst, koe, koene;
hawwe: ha, hat, hie; wêze: is, binne, wie, ...) and of a few nouns (ekskuzes, fragen, dagen).
A word it does not list goes through its suffix rules (class-2 weak verbs: kontrolearret,
annulearre -> kontrolearje, annulearje), else stays itself; patterns may also name a stem with
``stem*`` for the many regular forms the list leaves out.

Negation in Frisian is a separate word ("wy kinne dat net dwaan", "wy hawwe gjin foarried",
"dat barre nea"), so the analyser marks only the negative words themselves as negated (net,
gjin, nea, neat, nimmen, nearne, gjinien) and a short list of ûn- adjectives that are negative
in themselves (ûnmooglik -> "mooglik", negated). Rules read negation with the pattern's gap:
"kinne .. net". Words that start like a negation and are not one (netwurk, nettsjinsteande,
neaken, ûnder, ûnderweis, ûntfange) are left alone: only exact words are negative.

Known limits: no part-of-speech tagging, so homographs take the verb's lemma ("mei" is both
"may" and "with", "wol" both "want" and the affirmative "indeed"; rules are phrased so that
either reading is safe); separable verbs ("nimme ... op", "stean ... ta") are matched by the
rules' word order, not joined here; the list covers the forms the rules need, not the language.
Each call is a dictionary lookup plus at most a handful of ``endswith`` tests: linear, and
cached per word.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from replylint.checks.packs.pack import PackError, load_pack

HERE = Path(__file__).parent
# Words that are negative in themselves: (lemma, negated=True).
NEGATIVES = frozenset({"net", "gjin", "nea", "neat", "nimmen", "nearne", "gjinien", "nergens"})
# ûn- adjectives that negate their stem (ûnmooglik is "net mooglik"); not every ûn- word does
# (ûnder, ûnderweis, ûntfange, ûnthâlde), so they are listed, not derived.
NEGATIVE_PREFIXED = {
    "ûnmooglik": "mooglik",
    "ûnmooglike": "mooglik",
    "ûnakseptabel": "akseptabel",
    "ûnbekend": "bekend",
}
MIN_STEM = 3  # letters a suffix rule must leave before the suffix


def _load_lemmas(path: Path) -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    forms: dict[str, str] = {}
    for lemma, inflected in data["lemmas"].items():
        for form in {lemma, *inflected}:
            if forms.get(form, lemma) != lemma:
                raise PackError(
                    f"{path.name}: {form!r} is listed under {forms[form]!r} and {lemma!r}"
                )
            forms[form] = lemma
    suffixes = tuple((str(a), str(b)) for a, b in data.get("suffixes") or ())
    return forms, suffixes


FORMS, SUFFIXES = _load_lemmas(HERE / "fy-lemmas.yaml")


@lru_cache(maxsize=65536)
def analyse(word: str) -> tuple[str, bool]:
    """(lemma, negated) of a lower-cased Frisian word."""
    word = word.replace("’", "'")
    if word in NEGATIVES:
        return word, True
    stem = NEGATIVE_PREFIXED.get(word)
    if stem is not None:
        return stem, True
    lemma = FORMS.get(word)
    if lemma is not None:
        return lemma, False
    for suffix, replacement in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)] + replacement, False
    return word, False


PACK = load_pack(HERE / "fy.yaml", analyse)
