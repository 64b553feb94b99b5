"""West Frisian: a shipped lemma list and suffix rules (to be grown by the pack's author)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from replylint.checks.packs.pack import load_pack


@lru_cache(maxsize=65536)
def analyse(word: str) -> tuple[str, bool]:
    """(lemma, negated) of a lower-cased Frisian word."""
    return word, False


PACK = load_pack(Path(__file__).with_name("fy.yaml"), analyse)
