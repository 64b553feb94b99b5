"""The clause model of a sentence: tokens, word classes, the verb group and its subject.

Shared by the negative-wording family: ``refusal_grammar`` reads refusals from it and
``alternatives`` what a reply offers instead. Contractions are split ("can't" is *can* + *not*,
"we're" is *we* + *are*); the word classes are data, in the ``grammar`` sections of
``lexicons/negative-wording.yaml`` and ``lexicons/refusal-alternatives.yaml``. Every look around
a word is bounded, so a sentence costs linear time.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from replylint.checks.lexicon import read_lexicon_data
from replylint.checks.regex_cache import compile_regex
from replylint.checks.reply.parsed import Reply, Sentence

# A word (letters, digits, inner apostrophes or hyphens) or one punctuation mark that ends a
# clause. No nested quantifier: linear on any input.
TOKEN = compile_regex(r"[^\W_]+(?:['’-][^\W_]+)*|[,;:()\[\]\"“”—–?!.\n*]")
BOUNDARIES = frozenset(',;:()[]"“”—–?!.\n*')
APOSTROPHES = str.maketrans("’", "'")


@cache
def _words(lexicon: str) -> dict[str, frozenset[str]]:
    """The word classes of a lexicon's ``grammar`` section, as sets."""
    grammar = read_lexicon_data(lexicon).get("grammar", {}) or {}
    return {
        name: frozenset(str(w).lower() for w in (words or ())) for name, words in grammar.items()
    }


def refusal_words() -> dict[str, frozenset[str]]:
    """The refusal word classes (negative-wording's grammar section)."""
    return _words("negative-wording")


def alternative_words() -> dict[str, frozenset[str]]:
    """The alternative word classes (refusal-alternatives' grammar section)."""
    return _words("refusal-alternatives")


# -- tokens ---------------------------------------------------------------------------------

# Contractions, split into the words they stand for ("can't" -> can not).
_NT = {"ca": "can", "wo": "will", "sha": "shall", "ai": "is"}
_BARE_NT = {  # apostrophe-less forms people type in chats
    "cant": ("can", "not"),
    "cannot": ("can", "not"),
    "dont": ("do", "not"),
    "doesnt": ("does", "not"),
    "didnt": ("did", "not"),
    "isnt": ("is", "not"),
    "arent": ("are", "not"),
    "wasnt": ("was", "not"),
    "werent": ("were", "not"),
    "couldnt": ("could", "not"),
    "wouldnt": ("would", "not"),
    "shouldnt": ("should", "not"),
    "wont": ("will", "not"),
    "havent": ("have", "not"),
    "hasnt": ("has", "not"),
    "mustnt": ("must", "not"),
    "im": ("i", "am"),
    "ive": ("i", "have"),
    "youre": ("you", "are"),
}
_SUFFIX = {"re": "are", "m": "am", "ll": "will", "ve": "have", "d": "would"}
_IS_BEFORE_S = frozenset("it that there here this what who he she where how".split())


def tokenize(lowered: str, offset: int = 0) -> tuple[list[str], list[int], list[int]]:
    """The words of ``lowered`` (a sentence of the reply's lower-cased masked text) with where
    each starts and ends, contractions split ("can't": can, not, both over the same span)."""
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    add_word, add_start, add_end = words.append, starts.append, ends.append
    for match in TOKEN.finditer(lowered.translate(APOSTROPHES)):
        word = match.group()
        start, end = match.start() + offset, match.end() + offset
        if "'" in word:
            head, _, tail = word.rpartition("'")
            if tail == "t" and head.endswith("n"):
                base = head[:-1]
                pair: tuple[str, str] | None = (_NT.get(base, base), "not")
            elif tail in _SUFFIX:
                pair = (head, _SUFFIX[tail])
            elif tail == "s" and head in _IS_BEFORE_S:
                pair = (head, "is")
            else:
                pair = None
        elif len(word) == 1 and word in BOUNDARIES:
            pair = None
            word = "," if word in "\n*" else word
        else:
            pair = _BARE_NT.get(word)
        if pair is None:
            add_word(word)
            add_start(start)
            add_end(end)
        else:
            add_word(pair[0])
            add_word(pair[1])
            add_start(start)
            add_start(start)
            add_end(end)
            add_end(end)
    return words, starts, ends


# -- the clause model -----------------------------------------------------------------------

BE = frozenset("am is are was were be been being".split())
DO = frozenset("do does did".split())
HAVE = frozenset("have has had".split())
MODALS = frozenset("can could will would shall should may might must".split())
AUX = BE | DO | HAVE | MODALS
PRONOUN_AGENT = frozenset({"i", "we"})
SUBJECT_PRONOUNS = frozenset("i we you it this that these those there they he she".split())
DETERMINERS = frozenset("the a an our my your this that these those its their his her any".split())
CLAUSE_CONJUNCTIONS = frozenset(
    "and but so or yet however because since although though while whereas as".split()
)

# How far a frame looks back from its trigger for a clause start, a condition or a reporting
# word (tokens), and how many adverbs it skips: bounded so that no input costs more than
# linear time.
WINDOW = 24
MAX_ADVERBS = 6

# Subject kinds
AGENT, CUSTOMER, THING, NONE, OTHER = "agent", "customer", "thing", "none", "other"


class SentenceModel:
    """The tokens of one sentence and the lookups the frames share."""

    __slots__ = ("ends", "question", "starts", "text", "w", "words")

    def __init__(
        self, sentence: Sentence, words: Mapping[str, frozenset[str]], lowered: str
    ) -> None:
        self.words, self.starts, self.ends = tokenize(lowered, sentence.start)
        self.text = sentence.text
        self.question = sentence.text.rstrip().endswith("?")
        self.w = words

    def word(self, index: int) -> str:
        return self.words[index] if 0 <= index < len(self.words) else ""

    def skip_adverbs(self, index: int, step: int) -> int:
        """The first index from ``index`` (going ``step``) that is not an adverb (at most a
        few: every look around a trigger is bounded, so a sentence costs linear time)."""
        adverbs = self.w["adverbs"]
        for _ in range(MAX_ADVERBS):
            if not (0 <= index < len(self.words) and self.words[index] in adverbs):
                break
            index += step
        return index

    def clause_start(self, index: int) -> int:
        """Where the clause holding ``index`` begins (after a mark or a conjunction)."""
        words = self.words
        i = index - 1
        stop = max(index - WINDOW, 0)
        while i >= stop:
            word = words[i]
            if word in BOUNDARIES or word in CLAUSE_CONJUNCTIONS:
                return i + 1
            i -= 1
        return stop

    def subject(self, aux: int) -> tuple[str, int]:
        """The kind of subject before the verb group at ``aux``, and where it starts."""
        words = self.words
        j = self.skip_adverbs(aux - 1, -1)
        if j < 0:
            return NONE, aux
        word = words[j]
        if word in BOUNDARIES or word in CLAUSE_CONJUNCTIONS or word in ("that", "which", "who"):
            if word in ("that", "which") and j > 0 and words[j - 1] not in BOUNDARIES:
                return THING, j  # "orders that can't be refunded"
            return NONE, j + 1
        if word in PRONOUN_AGENT:
            return AGENT, j
        if word == "you":
            return CUSTOMER, j
        if word in SUBJECT_PRONOUNS:
            return (
                THING if word in ("it", "this", "that", "these", "those", "there") else OTHER
            ), j
        # A noun phrase: its head is the word before the verb group; find its determiner.
        head = word
        k = j
        while k > 0 and j - k < 4 and words[k - 1] not in BOUNDARIES and words[k - 1] not in AUX:
            k -= 1
            if words[k] in DETERMINERS:
                break
        det = words[k] if words[k] in DETERMINERS else ""
        if head in self.w["agent-nouns"] and det in ("our", "my", "the", ""):
            return AGENT, k
        if det == "your":
            return THING, k
        return THING, k

    def conditional(self, subject_start: int) -> bool:
        """Whether the clause before the subject makes it a condition, a wh-clause or a wish."""
        start = self.clause_start(subject_start)
        lead = self.words[start:subject_start]
        if any(w in self.w["conditions"] for w in lead):
            return True
        # "Should you not …" / "Can't you …" inverted: not a statement
        return bool(lead and lead[0] in ("should", "had"))

    def reported(self, subject_start: int) -> bool:
        """Whether a reporting or empathy word before the subject makes the clause the
        customer's own situation ("sorry to hear you can't log in")."""
        words = self.words
        i = subject_start - 1
        stop = subject_start - WINDOW
        reporting = self.w["reporting"]
        while i >= 0 and i > stop and words[i] not in (".", "!", "?", ";"):
            if words[i] in reporting:
                return True
            i -= 1
        return False


# -- per reply ----------------------------------------------------------------------------


def lowered_sentence(reply: Reply, sentence: Sentence) -> str:
    """The sentence in lower case, offsets kept (one character for one)."""
    if reply.lowered_is_exact:
        return reply.lowered[sentence.start : sentence.end]
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in sentence.text)
