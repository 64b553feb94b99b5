"""Which language a reply is in, for ``language: auto``.

English first and cheaply: reply/language.py's function-word test says "English" for nearly
every reply at the cost of one pass over its distinct words, and loads no pack and no model.
Only the replies it lets through are named by py3langid (reply/language.py ``identified``);
the pack of that language reads the reply (a plugin's pack too, by its code). When the
detector is not installed, or names no language a pack reads, the pack whose detection words
and letters the reply holds most of may still claim a reply nothing else could name.
"""

from __future__ import annotations

from collections.abc import Mapping

from replylint.checks.packs.pack import LanguagePack
from replylint.checks.packs.registry import ENGLISH, all_packs, pack_for
from replylint.checks.reply.language import detect

MIN_EVIDENCE = 3  # detection words (letters count double) a pack needs to claim a reply


def identify(tokens: Mapping[str, list[int]], masked: str) -> tuple[LanguagePack | None, str]:
    """(the pack that reads the reply or None, the language's name) of a reply's words
    (lower-cased, with offsets) and its masked text."""
    found = detect(tokens, masked)
    if found is None:  # English: no pack to load
        return ENGLISH, ENGLISH.name
    code, named = found
    if code is not None:
        pack = pack_for(code)
        if pack is not None:
            return pack, pack.name
    if named != "not English" and not named.startswith("a "):
        return None, named
    lowered = masked.lower()
    best, evidence = None, 0
    for pack in all_packs().values():
        if pack.native:
            continue
        found_words = sum(len(tokens[word]) for word in pack.detection_words if word in tokens)
        found_words += 2 * sum(lowered.count(letter) for letter in pack.detection_letters)
        if found_words > evidence:
            best, evidence = pack, found_words
    if best is not None and evidence >= MIN_EVIDENCE:
        return best, best.name
    return None, named
