"""Flesch reading ease of a reply, from a small syllable-count heuristic (no dependency).

Flesch (1948): 206.835 - 1.015 * words/sentences - 84.6 * syllables/words. Higher is easier;
60-70 is plain English. The syllable count is the usual vowel-group heuristic with the common
English corrections (silent final e, -le, -ed/-es endings); it is within one syllable for most
words, which is all a reply-level figure needs.
"""

from __future__ import annotations

import re
from functools import lru_cache

from replylint.checks.regex_cache import compile_regex
from replylint.checks.reply.parsed import Reply

WORD = compile_regex(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
SENTENCE_END = compile_regex(r"[.!?…]+(?=\s|$)")
VOWEL_GROUPS = compile_regex(r"[aeiouy]+")
# Vowel pairs that are two syllables ("cre-ate", "di-et"); "io" only before "n" is one ("tion").
SPLIT_PAIRS = compile_regex(r"(?:ia|iet|eo|ua|uo|ui(?!ck|t|l|d|c))(?!n$)")
SILENT_E_SUFFIX = compile_regex(r"[^aeiou]e(?:ments?|ly|ful(?:ly)?|less|ness)$")
MIN_WORDS = 10
APOSTROPHE_TAIL = compile_regex(r"['’].*$")


def count_syllables(word: str) -> int:
    """Estimated syllables of one English word (at least 1)."""
    return _syllables(word.lower())


@lru_cache(maxsize=65536)  # replies reuse a small vocabulary: most words are counted once a run
def _syllables(word: str) -> int:
    word = APOSTROPHE_TAIL.sub("", word)
    if len(word) <= 3:
        return 1
    count = len(VOWEL_GROUPS.findall(word))
    count += len(SPLIT_PAIRS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")):
        count -= 1  # silent final e: "make", "phone"
    if SILENT_E_SUFFIX.search(word):
        count -= 1  # "replacement", "immediately", "hopefully": the inner e is silent
    if re.search(r"[^aeioudt]ed$", word) or re.search(r"[^aeiouslzxhcg]es$", word):
        count -= 1  # "asked", "makes": the ending adds no syllable
    return max(count, 1)


def flesch_reading_ease(text: str) -> float | None:
    """Flesch reading ease of ``text``; None when it has fewer than ten words."""
    return _flesch(_lowered_words(text), max(len(SENTENCE_END.findall(text)), 1))


def reply_reading_ease(reply: Reply) -> float | None:
    """Flesch reading ease of the agent's own sentences (greeting, quotes, signature left out)."""
    content = reply.content
    # One scan of the sentences joined by spaces finds the same words as one scan each.
    return _flesch(_lowered_words(" ".join([s.text for s in content])), max(len(content), 1))


def _lowered_words(text: str) -> list[str]:
    """The words of ``text``, lower-cased."""
    if text.isascii():  # lower-casing ASCII moves no letter: one call instead of one a word
        return WORD.findall(text.lower())
    return [word.lower() for word in WORD.findall(text)]


def _flesch(words: list[str], sentences: int) -> float | None:
    if len(words) < MIN_WORDS:
        return None
    # map() rather than a generator: no Python frame per word (a reply has some 50).
    syllables = sum(map(_syllables, words))
    return 206.835 - 1.015 * len(words) / sentences - 84.6 * syllables / len(words)
