"""Kazakh: stems by suffix stripping, negation from the verbal suffix -ма/-ме/-ба/-бе/-па/-пе.

Kazakh is agglutinative and simplemma has no Kazakh, so the analyser strips endings from the
right, one morpheme at a time (``SUFFIXES``: plural, possessive, case, person, tense and converb
endings in all their vowel-harmony and assimilation variants): the shortest ending that leaves a
known stem, else the longest that fits ("ұсына" -> "ұсын", not dative "-на" -> "ұсы"):
"жауаптарыңызды" -> "жауаптарыңыз" -> "жауаптар" -> "жауап". It stops

- at a word of ``kk-lemmas.yaml`` ``words`` (pronouns, particles: "біз", "жоқ", "емес" are
  never stripped) or ``stems`` (known citation forms: "жауап", not "жауа");
- when what is left would be shorter than three letters (two for a known stem: "ал", "ет")
  or hold no vowel;
- after ``MAX_STEPS`` endings (a word has rarely more; the loop is bounded either way).

A stem that lost a vowel-initial ending gets its voiceless final back ("жауабын" -> "жауап",
"көмегі" -> "көмек", "жоғын" -> "жоқ").

Negation: when the ending just taken off is one a verb takes after its negation (present "-й",
past "-ды", participles "-ған"/"-йтын", conditional "-са", verbal noun "-у", imperative "-ңыз",
"-сын") and what is left ends in -ма/-ме/-ба/-бе/-па/-пе, that suffix is the negation:
"алмаймыз" = ал-ма-й-мыз -> ("ал", True), "болмайды" -> ("бол", True), "білмеймін" -> ("біл",
True), "көмектеспейміз" -> ("көмектес", True). The stem then goes on through the same stripping,
so a negated form and its positive one share their stem ("хабарламаймыз" and "хабарлаймыз").

Words that look negated and are not: nouns in -ма/-ме ("хабарлама" a message, "қолданба" an app,
``nouns-ma``) stay nouns before a possessive or case ending ("хабарламаңызды" your message), and
a word with no ending after the -ма is never read as negated ("алма" an apple, "жазба" a note;
the bare informal imperative "алма!" is rare in support replies and missed). "-мас" (negative
aorist) and "-мақ" (intention, "алмақпыз") are not negation. Separate negating words («жоқ»,
«емес», «мүмкін емес») are the patterns' business.

Known limits: no dictionary, so stems are what is left, not always a citation form ("тексереміз"
-> "тексер", but an unknown noun in -ы/-і may lose a letter of its own); voice suffixes
(passive -ыл/-ін, causative -дыр) are kept ("етілмейді" -> "етіл"), so patterns name both
"ет|етіл" (the passive "алын" is a stem of its own, so "ақы алынбайды" is not "!ал");
"хабарламаңыз" is read as "your message", never as "don't notify". The same analyser normalises
the patterns' literals, so a rule written with any inflected form matches the family; person and
tense are gone from the stem, so a rule that needs them ("we will", "you cannot") names the
written form as a prefix ("хабарласамыз*", "алмайсыз*"). Linear: at most ``MAX_STEPS`` passes
over ``SUFFIXES`` a word, cached.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from replylint.checks.packs.pack import load_pack

_DATA = yaml.safe_load(Path(__file__).with_name("kk-lemmas.yaml").read_text(encoding="utf-8"))
WORDS = frozenset(_DATA["words"])
STEMS = frozenset(_DATA["stems"])
NOUNS_MA = frozenset(_DATA["nouns-ma"])

VOWELS = frozenset("аәеиоөұүыіэюяу")
NEGATION = ("ма", "ме", "ба", "бе", "па", "пе")
MAX_STEPS = 6
MIN_STEM = 3  # letters a stem keeps, unless it is a known stem ("ал", "ет")
MIN_KNOWN = 2

# Endings a verb takes right after its negation, by their beginning: present "-й", past "-ды",
# participle "-ған", conditional "-са", imperative "-сын", verbal noun "-у".
VERBAL = ("й", "ды", "ді", "ған", "ген", "са", "се", "сын", "сін", "у")
# Endings a noun in -ма takes too ("хабарламаңыз" your message / don't notify): a noun of
# NOUNS_MA keeps its noun reading before them.
AMBIGUOUS = frozenset("ңыз ңіз ң м ымыз іміз мыз міз".split())

SUFFIXES = tuple(
    sorted(
        set(
            (
                # plural
                "лар лер дар дер тар тер "
                # possessive
                "ымыз іміз мыз міз ыңыз іңіз ңыз ңіз ларың лерің ым ім м ың ің ң ы і сы сі "
                # case
                "ның нің дың дің тың тің ға ге қа ке на не а е ды ді ты ті ны ні н ын ін "
                "да де та те нда нде дан ден тан тен нан нен мен бен пен ша ше "
                "дағы дегі тағы тегі ндағы ндегі ғы гі "
                # person
                "мын мін сың сің сыз сіз быз біз пыз піз "
                "сыңдар сіңдер сыздар сіздер ңдар ңдер "
                # tense, mood, converb, participle
                "й ды ді ты ті дық дік тық тік дым дім тым тім дың дің тың тің "
                "дыңыз діңіз тыңыз тіңіз ған ген қан кен атын етін йтын йтін "
                "са се сақ сек сам сем саңыз сеңіз сын сін айын ейін йын йін айық ейік йық йік "
                "ып іп п у уы уға уге уді уды уын уін ыңыз іңіз ыңызшы іңізші шы ші"
            ).split()
        ),
        key=len,
        reverse=True,
    )
)
REVOICE = {"ғ": "қ", "г": "к", "б": "п"}


def _has_vowel(text: str) -> bool:
    return any(char in VOWELS for char in text)


def _strip_once(form: str) -> tuple[str, str] | None:
    """(stem, ending): the shortest ending that leaves a known stem, else the longest that leaves
    a stem of two letters with a vowel."""
    fallback = known = None
    for suffix in SUFFIXES:
        if not form.endswith(suffix) or len(form) - len(suffix) < MIN_KNOWN:
            continue
        stem = form[: -len(suffix)]
        if not _has_vowel(stem) or (len(stem) < MIN_STEM and stem not in STEMS):
            continue
        if suffix[0] in VOWELS and stem[-1] in REVOICE and stem not in STEMS:
            stem = stem[:-1] + REVOICE[stem[-1]]
        if _known(stem):
            known = stem, suffix  # later suffixes are shorter: the last known one wins
        elif fallback is None:
            fallback = stem, suffix
    return known or fallback


def _known(form: str) -> bool:
    return form in WORDS or form in STEMS or form in NOUNS_MA


def _negated_stem(form: str, ending: str) -> str | None:
    """The verb stem when ``form`` (what is left before ``ending``) ends in the negation."""
    if not form.endswith(NEGATION) or len(form) - 2 < MIN_KNOWN:
        return None
    verbal = ending.startswith(VERBAL)
    if not verbal and not (ending in AMBIGUOUS and form not in NOUNS_MA):
        return None
    stem = form[:-2]
    return stem if _has_vowel(stem) else None


def _stem(form: str, negated: bool) -> tuple[str, bool]:
    for _step in range(MAX_STEPS):
        if _known(form):
            break
        stripped = _strip_once(form)
        if stripped is None:
            break
        form, ending = stripped
        if not negated:
            verb = _negated_stem(form, ending)
            if verb is not None:
                form, negated = verb, True
    return form, negated


@lru_cache(maxsize=65536)
def analyse(word: str) -> tuple[str, bool]:
    """(stem, negated) of a lower-cased Kazakh word."""
    if word in WORDS or not _has_vowel(word):
        return word, False
    return _stem(word, False)


PACK = load_pack(Path(__file__).with_name("kk.yaml"), analyse)
