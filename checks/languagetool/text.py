"""What LanguageTool is sent for a reply, and how its answer maps back onto the reply text.

Only agent-written text travels. Every masked region (quoted history, signature, URLs, e-mail
addresses, code, placeholders) goes out as LanguageTool ``markup`` made of blanks of the same
length, so the server never sees it, yet its offsets still count it and point straight into the
original text. Inline masks are read as a neutral name so the sentence around them stays whole;
block masks are read as a paragraph break.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from replylint.checks.reply.masks import merge
from replylint.checks.reply.parsed import Reply

BLOCK_KINDS = frozenset({"quote", "signature", "comment", "directive"})
# A capitalised, consonant-initial name: grammatical wherever a placeholder or URL stood
# ("a {{product}}" must not read as "a Alex" and trip the a/an rule).
INLINE_STAND_IN = "Sam"
BLOCK_STAND_IN = "\n\n"
LETTER = re.compile(r"[^\W\d_]")
MAX_REPLACEMENTS = 3


@dataclass(frozen=True, slots=True)
class LtMatch:
    """One LanguageTool match, in character offsets of the reply text."""

    start: int
    end: int
    message: str
    rule: str
    category: str
    replacements: tuple[str, ...]


def utf16_length(text: str) -> int:
    """Length of ``text`` in UTF-16 code units, the unit LanguageTool (Java) counts in."""
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def annotate(reply: Reply) -> list[dict[str, str]] | None:
    """LanguageTool's ``data`` annotation of the reply, or None when no agent text is left."""
    text = reply.text
    regions = merge(list(reply.masks.spans))
    annotation: list[dict[str, str]] = []
    position = 0
    for start, end, kind in regions:
        if start > position:
            annotation.append({"text": text[position:start]})
        region = text[start:end]
        block = kind in BLOCK_KINDS or "\n" in region or "\r" in region
        annotation.append(
            {
                "markup": " " * utf16_length(region),
                "interpretAs": BLOCK_STAND_IN if block else INLINE_STAND_IN,
            }
        )
        position = end
    if position < len(text):
        annotation.append({"text": text[position:]})
    # Trailing quoted history or signature holds no offsets we need: send none of it.
    while annotation and ("markup" in annotation[-1] or not annotation[-1]["text"].strip()):
        annotation.pop()
    if not any(LETTER.search(part.get("text", "")) for part in annotation):
        return None
    return annotation


def inline_masks(reply: Reply) -> list[tuple[int, int]]:
    """Masked regions that were read as a stand-in name rather than a paragraph break."""
    text = reply.text
    return [
        (start, end)
        for start, end, kind in merge(list(reply.masks.spans))
        if kind not in BLOCK_KINDS and "\n" not in text[start:end] and "\r" not in text[start:end]
    ]


def parse_matches(answer: Any) -> list[dict[str, Any]]:
    """The matches of a /v2/check answer, reduced to what we keep (ValueError if malformed)."""
    if not isinstance(answer, dict) or not isinstance(answer.get("matches"), list):
        raise ValueError("the answer has no 'matches' list")
    kept = []
    for match in answer["matches"]:
        try:
            rule = match["rule"]
            kept.append(
                {
                    "offset": int(match["offset"]),
                    "length": int(match["length"]),
                    "message": str(match.get("message") or rule.get("description") or ""),
                    "rule": str(rule["id"]),
                    "category": str(rule.get("category", {}).get("id") or "MISC").upper(),
                    "replacements": [
                        str(r["value"]) for r in match.get("replacements", [])[:MAX_REPLACEMENTS]
                    ],
                }
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            raise ValueError("a match lacks offset, length or rule id") from None
    return kept


def to_matches(text: str, raw: Sequence[dict[str, Any]]) -> list[LtMatch]:
    """Raw matches (UTF-16 offsets) as LtMatch values in character offsets of ``text``."""
    to_char = _utf16_to_char(text)
    matches = []
    for item in raw:
        start, end = item["offset"], item["offset"] + item["length"]
        if not 0 <= start < end <= len(to_char) - 1:
            continue
        matches.append(
            LtMatch(
                to_char[start],
                to_char[end],
                item["message"],
                item["rule"],
                item["category"],
                tuple(item["replacements"]),
            )
        )
    return matches


def _utf16_to_char(text: str) -> list[int]:
    """For each UTF-16 offset 0..len16, the character offset it falls in (identity if BMP)."""
    table: list[int] = []
    for index, char in enumerate(text):
        table.append(index)
        if ord(char) > 0xFFFF:
            # The low surrogate belongs to the same character; a span ending there ends after it.
            table.append(index + 1)
    table.append(len(text))
    return table
