"""Is a reply in English? The built-in checks know English only (issue 15 item 16): a reply in
another language would pass every one of them clean, so it is reported as not linted instead.

Deliberately simple, cheap and cautious (a false "not English" drops a reply from the gate):

1. **Script.** Letters of the agent's own text (masked regions out) are counted by script; when
   most are not Latin, the reply is not English, named by its script (Kazakh, Ukrainian, Serbian
   by their own letters; Russian-like Cyrillic as "a Cyrillic-script language").
2. **Latin text** needs positive evidence of another language: fewer than ``MIN_WORDS`` words
   is English (short-text guard: "Danke!", "Merci Anna"). Another language's function words
   (at least ``MIN_HITS``) that outnumber English's ``OUTNUMBER`` times make it that language.
   Otherwise English function words at or above ``ENGLISH_SHARE`` of the words make it English;
   below that, another language's function words or letters (more than English's words), or
   ``MIN_FOREIGN_LETTERS`` letters English does not use (ā, ž, ß, ...), make it not English.

Measured over the 1,697 replies of the review corpus (tests/test_language.py pins the rules;
the commit message that added this file has the figures).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from replylint.checks.anchors import TokenStarts

MIN_WORDS = 4  # words of agent text below which a Latin-script reply is taken as English
ENGLISH_SHARE = 0.12  # English function words at or above this share of the words: English
MIN_HITS = 2  # another language's function words needed as evidence
OUTNUMBER = 2  # another language's function words this many times English's: not English
MIN_FOREIGN_LETTERS = 2  # letters English never uses (ā, ž, ß, ñ, ...) needed as evidence
NON_LATIN_SHARE = 0.5  # of the letters: a reply mostly in another script is not English

ENGLISH = frozenset(
    """a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own please same she should so some such than thank thanks that the their
    theirs them themselves then there these they this those through to too under until up very
    was we were what when where which while who whom why will with would you your yours
    yourself yourselves hi hello hey dear sorry sure yes let get got know see help ll ve re
    don didn doesn isn aren wasn couldn won t s d m""".split()
)
# Function words of other languages, without any English one (a "no", "die" or "also" is
# evidence of nothing). Enough to name the language of a sentence, not a detector.
OTHERS: Mapping[str, frozenset[str]] = {
    name: frozenset(words.split()) - ENGLISH
    for name, words in {
        "Latvian": "un ir nav es mēs jūs jums mums lūdzu paldies ar par uz kā ka tas tā diemžēl "
        "varam nevaram var jūsu mūsu lai bet vai ļoti šo to",
        "West Frisian": "it de en is net ik jo wy dat fan foar mei op binne tank graach kinne "
        "jimme ús jou hjir wêze ek mar hawwe kin sil",
        "German": "der die das und ist nicht ich sie wir ein eine zu mit den dem für auf es sich "
        "auch bitte danke ihre ihr uns wird werden haben leider können sind",
        "Dutch": "de het een en niet ik je wij we uw dat van voor met op zijn bedankt graag "
        "helaas kunnen wordt",
        "French": "le la les et est pas je vous nous une des du pour avec que qui dans ce merci "
        "votre vos sur malheureusement pouvons",
        "Spanish": "el la los las y es que de en un una por para con su sus gracias usted "
        "nosotros lo lamentablemente podemos",
        "Portuguese": "o os as e não que de em um uma por para com seu sua obrigado você nós "
        "infelizmente podemos",
        "Italian": "il lo gli e non che di un una per con grazie siamo sono ci purtroppo possiamo",
        "Swedish": "och är inte jag vi du det att en för med tack tyvärr kan vår",
        "Polish": "i jest nie się że na do w z dla dziękuję niestety możemy",
        "Turkish": "ve bir bu için değil teşekkür maalesef ederiz",
        "Indonesian": "dan yang tidak untuk dengan kami anda terima kasih maaf",
    }.items()
}
_ENGLISH_ONLY: tuple[str, ...] = ()
_LANGUAGES_OF: dict[str, tuple[str, ...]] = dict.fromkeys(ENGLISH, _ENGLISH_ONLY)
for _name, _words in OTHERS.items():
    for _word in _words:
        _LANGUAGES_OF[_word] = (*_LANGUAGES_OF.get(_word, ()), _name)
# Letters that name a Latin-script language on their own (Latvian's long vowels and cedillas).
LATIN_LETTERS = {
    "Latvian": "āēīķļņģ",  # not ū, š, ž: Lithuanian has those too
    "German": "ß",
    "Polish": "łńśź",  # not ą, ę, ż: Lithuanian has those too
    "Turkish": "ğı",
    "West Frisian": "ûê",
}
CYRILLIC_LETTERS = {
    "Kazakh": "әғқңөұүһі",
    "Ukrainian": "їєґ",
    "Belarusian": "ў",
    "Serbian or Macedonian": "ђћџљњјѓќ",
}
SCRIPT_NAMES = {
    "GREEK": "Greek",
    "HEBREW": "Hebrew",
    "ARABIC": "an Arabic-script language",
    "HANGUL": "Korean",
    "HIRAGANA": "Japanese",
    "KATAKANA": "Japanese",
    "CJK": "Chinese or Japanese",
    "THAI": "Thai",
    "DEVANAGARI": "a Devanagari-script language",
    "GEORGIAN": "Georgian",
    "ARMENIAN": "Armenian",
}


def not_english(tokens: Mapping[str, list[int]], masked: str) -> str | None:
    """The language a reply is in when it is not English ("not English" when it cannot be
    named), else None. ``tokens``: the reply's lower-cased words with their offsets."""
    if masked.isascii():  # the common case: no script to count, no foreign letters
        return _latin(tokens, foreign_letters="")
    letters = [c for c in masked if c.isalpha()]
    if not letters:
        return None
    scripts: dict[str, int] = {}
    for char in letters:
        if not char.isascii():
            script = _script(char)
            scripts[script] = scripts.get(script, 0) + 1
    latin = len(letters) - sum(n for s, n in scripts.items() if s != "LATIN")
    if latin < len(letters) * NON_LATIN_SHARE:
        main = max((s for s in scripts if s != "LATIN"), key=scripts.__getitem__)
        return _script_language(main, masked.lower())
    return _latin(tokens, foreign_letters="".join(c for c in letters if _foreign(c)).lower())


def _latin(tokens: Mapping[str, list[int]], foreign_letters: str) -> str | None:
    total = english = 0
    hits = dict.fromkeys(OTHERS, 0)
    # Counts, not offsets: a TokenStarts (anchors.py) finds offsets only when asked.
    counts = tokens.counts() if isinstance(tokens, TokenStarts) else _counted(tokens)
    for word, count in counts.items():  # one pass, one dictionary lookup a distinct word
        if not word.isalpha():
            continue
        total += count
        languages = _LANGUAGES_OF.get(word)
        if languages is None:
            continue
        if languages is _ENGLISH_ONLY:
            english += count
        else:
            for name in languages:
                hits[name] += count
    if total < MIN_WORDS:
        return None
    best = max(hits, key=hits.__getitem__)
    if hits[best] >= MIN_HITS and hits[best] > OUTNUMBER * english:
        return best  # "Lo sentimos, no podemos ...": one English-looking word among many
    if english >= total * ENGLISH_SHARE:
        return None
    for name, marks in LATIN_LETTERS.items():  # letters name a language only without English
        hits[name] += 2 * sum(foreign_letters.count(c) for c in marks)
    best = max(hits, key=hits.__getitem__)
    if hits[best] >= MIN_HITS and hits[best] > english:
        return best
    if len(foreign_letters) >= MIN_FOREIGN_LETTERS:
        return "not English"
    return None


def _counted(tokens: Mapping[str, list[int]]) -> dict[str, int]:
    return {word: len(starts) for word, starts in tokens.items()}


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    for script in ("LATIN", "CYRILLIC", *SCRIPT_NAMES):
        if name.startswith(script):
            return script
    return "OTHER"


def _script_language(script: str, lowered: str) -> str:
    if script == "CYRILLIC":
        for name, marks in CYRILLIC_LETTERS.items():
            if any(c in lowered for c in marks):
                return name
        return "a Cyrillic-script language"
    return SCRIPT_NAMES.get(script, "not English")


def _foreign(char: str) -> bool:
    """A Latin letter English does not use (its accents on loanwords aside: café, naïve)."""
    return not char.isascii() and char.lower() not in "éèêëïîôöüçàâáíóúñ’"
