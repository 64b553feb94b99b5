"""Which language a reply is in, for ``language: auto``.

English first and cheaply: reply/language.py's function-word test says "English" for nearly
every reply at the cost of one pass over its distinct words, and only the others go further.
A reply it takes for another language is then named by, in order: its own verdict when that is
a pack's language (Latvian, Kazakh and West Frisian have profiles there), else the pack whose
detection words and letters it holds most of (a plugin's pack is found this way), else the
language reply/language.py named, with no pack to read it.
"""

from __future__ import annotations

from collections.abc import Mapping

from replylint.checks.packs.pack import LanguagePack
from replylint.checks.packs.registry import all_packs
from replylint.checks.reply.language import not_english

MIN_EVIDENCE = 3  # detection words (letters count double) a pack needs to claim a reply


def identify(tokens: Mapping[str, list[int]], masked: str) -> tuple[LanguagePack | None, str]:
    """(the pack that reads the reply or None, the language's name) of a reply's words
    (lower-cased, with offsets) and its masked text."""
    named = not_english(tokens, masked)
    if named is None:
        english = all_packs()["en"]
        return english, english.name
    packs = [pack for pack in all_packs().values() if not pack.native]
    for pack in packs:
        if pack.name == named:
            return pack, pack.name
    lowered = masked.lower()
    best, evidence = None, 0
    for pack in packs:
        found = sum(len(tokens[word]) for word in pack.detection_words if word in tokens)
        found += 2 * sum(lowered.count(letter) for letter in pack.detection_letters)
        if found > evidence:
            best, evidence = pack, found
    unnamed = named == "not English" or named.startswith("a ")
    if best is not None and evidence >= MIN_EVIDENCE and unnamed:
        return best, best.name
    return None, named
