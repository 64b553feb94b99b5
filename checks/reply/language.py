"""Is a reply in English, and if not, which language is it in? The built-in checks read English
(language packs read a few more): a reply in another language would pass every one of them
clean, so a reply no pack reads is reported as not linted instead (issue 15 item 16).

The English test is simple, cheap and cautious (a false "not English" drops a reply from the
gate), and only the replies it lets through are named by a detector (py3langid, loaded then):

1. **Script.** Letters of the agent's own text (masked regions out) are counted by script; when
   most are not Latin, the reply is not English.
2. **Latin text**: fewer than ``MIN_WORDS`` words is English (short-text guard: "Danke!",
   "Merci, Anna!") unless it holds no English function word and a letter English does not use
   ("Lūdzu, uzgaidiet mirkli."), or ``MIN_FOREIGN_LETTERS`` of them. It is English when English
   function words make at least ``ENGLISH_SHARE`` of its words and outnumber any other
   language's that it holds (with the words they share: Frisian "it", "is", "in"), unless another
   language's own function words outnumber English's ``OUTNUMBER`` times.
3. **Naming.** What is left is named by py3langid (``identified``); when it says English, a
   Latin-script reply is English after all. Without py3langid installed, the function words and
   letters below name it (Latvian, Kazakh, West Frisian, German, ...) or it is "not English".

Measured over the 1,697 replies of the review corpus (none taken for another language;
tests/test_language.py) and the short texts of tests/fixtures/detection.yaml
(tests/test_detection.py); the commit messages have the figures.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from functools import lru_cache
from importlib.util import find_spec

from replylint.checks.anchors import TokenStarts

MIN_WORDS = 4  # words of agent text below which a Latin-script reply is taken as English
ENGLISH_SHARE = 0.2  # English function words at or above this share of the words: English
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
# Function words of other languages. Those English has too ("it", "is", "in", "die", "no") are
# evidence of nothing on their own: they only keep a reply's English words from outnumbering
# that language's (Frisian "It artikel is nije wike wer op foarried"). Enough to name the
# language of a sentence, not a detector.
_FUNCTION_WORDS = {
    "Latvian": "un ir nav es mēs jūs jums mums lūdzu paldies ar par uz kā ka tas tā diemžēl "
    "varam nevaram var jūsu mūsu lai bet vai ļoti šo to",
    "West Frisian": "it de en is in yn by no net ik jo wy dat fan foar mei op binne tank graach "
    "kinne jimme ús jou hjir wêze ek mar hawwe kin sil",
    "German": "der die das und ist nicht ich sie wir ein eine zu mit den dem für auf es sich "
    "auch bitte danke ihre ihr uns wird werden haben leider können sind in",
    "Dutch": "de het een en is in niet ik je wij we uw dat van voor met op zijn bedankt graag "
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
    "Afrikaans": "die en is in by nie ons jou jy vir het sal kan van met baie dankie asseblief "
    "ongelukkig julle",
    "Estonian": "ja on ei me teie teile teid meie selle seda oleme palun aitäh täname kahjuks "
    "saame see et kas oma",
    "Lithuanian": "ir yra ne mes jūs jums jūsų prašome ačiū deja galime negalime kad su už tai",
}
OTHERS: Mapping[str, frozenset[str]] = {
    name: frozenset(words.split()) - ENGLISH for name, words in _FUNCTION_WORDS.items()
}
# English function words other languages share, with those languages.
SHARED: Mapping[str, tuple[str, ...]] = {
    word: tuple(name for name, words in _FUNCTION_WORDS.items() if word in words.split())
    for word in sorted({w for words in _FUNCTION_WORDS.values() for w in words.split()} & ENGLISH)
}
_ENGLISH_ONLY: tuple[str, ...] = ()
_ENGLISH_SHARED: tuple[str, ...] = ("",)  # an English word in SHARED
_LANGUAGES_OF: dict[str, tuple[str, ...]] = dict.fromkeys(ENGLISH, _ENGLISH_ONLY)
_LANGUAGES_OF.update(dict.fromkeys(SHARED, _ENGLISH_SHARED))
for _name, _words in OTHERS.items():
    for _word in _words:
        _LANGUAGES_OF[_word] = (*_LANGUAGES_OF.get(_word, ()), _name)
# Letters that name a Latin-script language on their own (Latvian's long vowels and cedillas).
LATIN_LETTERS = {
    "Latvian": "āēīķļņģ",  # not ū, š, ž: Lithuanian has those too
    "German": "ß",
    "Polish": "łńśź",  # not ą, ę, ż: Lithuanian has those too
    "Lithuanian": "ėįų",
    "Estonian": "õ",
    "Turkish": "ğı",
    "West Frisian": "ûê",
}
# Letters that name a Cyrillic-script language, tried in this order (for when py3langid is not
# installed): Kazakh's own ғ, қ, ұ before the ә, ң, ө, ү it shares with Tatar and Kyrgyz, and
# Ukrainian's і after them (Kazakh writes і too).
CYRILLIC_LETTERS = {
    "Uzbek or Tajik": "ҳҷӣӯ",
    "Bashkir": "ҡҙҫ",
    "Kazakh": "ғқұ",
    "Tatar": "җәһ",
    "Kyrgyz": "ңөү",
    "Ukrainian": "їєґі",
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
    found = detect(tokens, masked)
    return None if found is None else found[1]


def detect(tokens: Mapping[str, list[int]], masked: str) -> tuple[str | None, str] | None:
    """None when the reply is English, else (its ISO 639 code, None when it has none, and the
    language's name). The English test above decides first; only the replies it lets through
    are named by the detector (detector.py), or by these function words and letters when the
    detector is not installed."""
    if masked.isascii():  # the common case: no script to count, no foreign letters
        guess = _latin(tokens, foreign_letters="")
        return None if guess is None else _named(masked, guess, latin=True)
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
        return _named(masked, _script_language(main, masked.lower()), latin=False)
    guess = _latin(tokens, foreign_letters="".join(c for c in letters if _foreign(c)).lower())
    return None if guess is None else _named(masked, guess, latin=True)


def _named(masked: str, guess: str, latin: bool) -> tuple[str | None, str] | None:
    """The detector's verdict on a reply the English test let through (None: English after
    all), else the function words' and letters' guess."""
    found = identified(masked)
    if found is None:  # no detector installed
        return CODES.get(guess), guess
    code, name = found
    if code == "en":
        return None if latin else (None, guess)
    return code, name


def _latin(tokens: Mapping[str, list[int]], foreign_letters: str) -> str | None:
    total = english = 0
    hits = dict.fromkeys(OTHERS, 0)
    shared = dict.fromkeys(OTHERS, 0)
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
        elif languages is _ENGLISH_SHARED:
            english += count
            for name in SHARED[word]:
                shared[name] += count
        else:
            for name in languages:
                hits[name] += count
    if total < MIN_WORDS and (len(foreign_letters) < (MIN_FOREIGN_LETTERS if english else 1)):
        return None  # too short to tell ("Danke, Jürgen!"), unless its letters are not English
    best = max(hits, key=hits.__getitem__)
    if hits[best] >= MIN_HITS and hits[best] > OUTNUMBER * english:
        return best  # "Lo sentimos, no podemos ...": one English-looking word among many
    # Shared words count for a language only next to its own ("Great, it is done." is English).
    rival = max((hits[name] + shared[name] for name in OTHERS if hits[name]), default=0)
    if english >= total * ENGLISH_SHARE and english > rival:
        return None
    for name, marks in LATIN_LETTERS.items():  # letters name a language only without English
        hits[name] += 2 * sum(foreign_letters.count(c) for c in marks)
    best = max(hits, key=hits.__getitem__)
    if hits[best] >= MIN_HITS and hits[best] > english:
        return best
    return "not English"


def identified(text: str) -> tuple[str, str] | None:
    """(ISO 639 code, name) of a text's language by py3langid, None when it is not installed.

    py3langid (a maintained fork of langid.py: naive Bayes over byte n-grams, 142 languages
    with Latvian, Kazakh, West Frisian and their neighbours) is loaded on the first reply
    the English test lets through: its model takes about 0.6 s to unpack the first time, and is
    mapped from the cache folder after (detector_model.py), where the first replies of a
    process are scored without importing numpy. English replies never load it."""
    global _classify
    if _classify is None:
        # Looked up, not imported: importing py3langid imports numpy, which the first replies
        # do without (detector_model.PURE_CALLS). Without numpy py3langid cannot load at all.
        if find_spec("py3langid") is None or find_spec("numpy") is None:
            return None
        from replylint.checks.reply.detector_model import classifier

        try:
            _classify = classifier()
        except ImportError:  # a broken install names nothing rather than fail the reply
            return None
    try:
        code = str(_classify(text)[0])
    except Exception:  # a broken install names nothing rather than fail the reply
        return None
    return code, NAMES.get(code, code)


_classify: Callable[[str], tuple[str, float]] | None = None
NAMES: Mapping[str, str] = {
    code: name.replace("_", " ")
    for code, _, name in (
        item.partition("=")
        for item in """ace=Acehnese af=Afrikaans am=Amharic an=Aragonese ar=Arabic
    ary=Moroccan_Arabic
    arz=Egyptian_Arabic as=Assamese az=Azerbaijani ba=Bashkir bcl=Central_Bikol be=Belarusian
    bg=Bulgarian bn=Bengali br=Breton bs=Bosnian ca=Catalan crh=Crimean_Tatar cs=Czech cy=Welsh
    da=Danish de=German dz=Dzongkha el=Greek en=English eo=Esperanto es=Spanish et=Estonian
    eu=Basque ext=Extremaduran fa=Persian fi=Finnish fo=Faroese fr=French fuv=Fulfulde
    fy=West_Frisian ga=Irish gcf=Guadeloupean_Creole gcr=Guianese_Creole gd=Scottish_Gaelic
    gl=Galician gom=Konkani grc=Ancient_Greek gu=Gujarati gug=Guarani guw=Gun ha=Hausa
    hbo=Ancient_Hebrew he=Hebrew hi=Hindi hr=Croatian ht=Haitian_Creole hu=Hungarian hy=Armenian
    id=Indonesian ig=Igbo is=Icelandic it=Italian ja=Japanese jv=Javanese ka=Georgian kab=Kabyle
    kik=Kikuyu kk=Kazakh km=Khmer kn=Kannada ko=Korean ku=Kurdish ky=Kyrgyz la=Latin
    lb=Luxembourgish lg=Ganda lij=Ligurian ln=Lingala lo=Lao lt=Lithuanian ltg=Latgalian
    lv=Latvian mg=Malagasy mk=Macedonian ml=Malayalam mn=Mongolian mr=Marathi ms=Malay
    mt=Maltese my=Burmese ne=Nepali nl=Dutch nn=Norwegian_Nynorsk no=Norwegian
    nso=Northern_Sotho oc=Occitan om=Oromo or=Odia pa=Punjabi pcm=Nigerian_Pidgin pl=Polish
    ps=Pashto pt=Portuguese qu=Quechua ro=Romanian ru=Russian rw=Kinyarwanda sa=Sanskrit
    sdh=Southern_Kurdish se=Northern_Sami si=Sinhala sk=Slovak sl=Slovenian sn=Shona so=Somali
    sq=Albanian sr=Serbian st=Southern_Sotho sv=Swedish sw=Swahili ta=Tamil te=Telugu tg=Tajik
    th=Thai tk=Turkmen tl=Tagalog tr=Turkish tt=Tatar ug=Uyghur uk=Ukrainian ur=Urdu uz=Uzbek
    uzs=Southern_Uzbek vec=Venetian vi=Vietnamese vo=Volapük wa=Walloon wuu=Wu_Chinese
    xh=Xhosa yo=Yoruba yue=Cantonese zh=Chinese zu=Zulu zxx=not_a_language""".split()
    )
}
# The heuristic's names of the languages a pack reads, for when py3langid is not installed.
CODES: Mapping[str, str] = {"Latvian": "lv", "Kazakh": "kk", "West Frisian": "fy"}


def _counted(tokens: Mapping[str, list[int]]) -> dict[str, int]:
    return {word: len(starts) for word, starts in tokens.items()}


@lru_cache(maxsize=4096)  # a reply's letters repeat: the name lookup is the cost
def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    for script in ("LATIN", "CYRILLIC", *SCRIPT_NAMES):
        if name.startswith(script):
            return script
    return "OTHER"


def _script_language(script: str, lowered: str) -> str:
    if script == "CYRILLIC":
        kazakh = "і" in lowered and any(c in lowered for c in "әңөүһ")  # Ukrainian: none
        if kazakh and not any(c in lowered for c in "ҳҷӣӯҡҙҫ"):
            return "Kazakh"
        for name, marks in CYRILLIC_LETTERS.items():
            if any(c in lowered for c in marks):
                return name
        return "a Cyrillic-script language"
    return SCRIPT_NAMES.get(script, "not English")


def _foreign(char: str) -> bool:
    """A Latin letter English does not use (its accents on loanwords aside: café, naïve)."""
    return not char.isascii() and char.lower() not in "éèêëïîôöüçàâáíóúñ’"
