"""Kazakh: stems by suffix rules (to be grown by the pack's author)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from replylint.checks.packs.pack import load_pack


@lru_cache(maxsize=65536)
def analyse(word: str) -> tuple[str, bool]:
    """(stem, negated) of a lower-cased Kazakh word."""
    return word, False


PACK = load_pack(Path(__file__).with_name("kk.yaml"), analyse)
