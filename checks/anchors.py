"""Required literals of a regex: text that must occur wherever the regex matches.

Python's ``re`` tries every branch of an alternation at every position, so a lexicon of eighty
phrases costs eighty attempts per character. A branch can only match where its anchor occurs;
checking anchors first (a set lookup for whole words, a substring test otherwise) and scanning
with the alternation of the few branches left gives the same matches, much faster.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as parser  # type: ignore[attr-defined]
from typing import Any

from replylint.checks import disk_cache

TOKEN = re.compile(r"[^\W_]+")
REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
# Words in nearly every reply make poor anchors: a branch anchored on one runs on every reply.
COMMON_WORDS = frozenset(
    "a an and are be can do for have i in is it ll me my of on our so that the this to us we "
    "will with you your".split()
)


@dataclass(frozen=True, slots=True)
class Anchor:
    """One of ``options`` occurs (lower-cased) in any text the regex matches.

    ``words`` is true when every option is a whole token (bounded by non-word characters in the
    regex), so a lookup in the set of the text's tokens replaces a substring search.
    """

    options: frozenset[str]
    words: bool

    def present(self, lowered: str, tokens: frozenset[str]) -> bool:
        """Whether the text (lower-cased, and its set of tokens) can hold a match."""
        if self.words:
            return not tokens.isdisjoint(self.options)
        return any(option in lowered for option in self.options)


def anchor_of(pattern: str, flags: int = re.IGNORECASE) -> Anchor | None:
    """The most selective anchor of ``pattern``, or None when it has no required literal."""
    anchors = anchors_of(pattern, flags)
    return anchors[0] if anchors else None


def anchors_of(pattern: str, flags: int = re.IGNORECASE) -> tuple[Anchor, ...]:
    """Every anchor ``pattern`` requires (all must be present), most selective first."""
    try:
        tree = parser.parse(pattern, flags)
    except re.error:
        return ()
    usable = [a for a in _sequence(list(tree), False, False) if _usable(a)]
    return tuple(sorted(set(usable), key=_selectivity, reverse=True))


# Parsing every lexicon pattern costs tens of milliseconds a run; the anchors are kept on disk
# (keyed by the pattern itself, so an edited lexicon just adds entries) and parsed once.
ANCHORS_FILE = "anchors-v2.json"
_known: dict[str, tuple[Anchor, ...]] | None = None
_unsaved = False


def cached_anchors(pattern: str) -> tuple[Anchor, ...]:
    """``anchors_of(pattern)``, read from the on-disk cache when it was computed before."""
    global _known, _unsaved
    if _known is None:
        _known = _load_known()
    if pattern not in _known:
        _known[pattern] = anchors_of(pattern)
        _unsaved = True
    return _known[pattern]


def save_anchors() -> None:
    """Write newly computed anchors to the cache (atomically; a failure only costs speed)."""
    global _unsaved
    if _unsaved and _known is not None:
        stored = {
            p: [[sorted(a.options), a.words] for a in anchors] for p, anchors in _known.items()
        }
        disk_cache.write_json(disk_cache.cache_dir() / ANCHORS_FILE, stored)
        _unsaved = False


def _load_known() -> dict[str, tuple[Anchor, ...]]:
    data = disk_cache.read_json(disk_cache.cache_dir() / ANCHORS_FILE)
    known: dict[str, tuple[Anchor, ...]] = {}
    if isinstance(data, dict):
        for pattern, value in data.items():
            try:
                known[pattern] = tuple(Anchor(frozenset(map(str, o)), bool(w)) for o, w in value)
            except (TypeError, ValueError):
                continue  # a damaged entry is computed again
    return known


def tokens_of(lowered: str) -> frozenset[str]:
    """The tokens (maximal runs of letters and digits) of a lower-cased text."""
    return frozenset(TOKEN.findall(lowered))


def _sequence(items: list[tuple[Any, Any]], left: bool, right: bool) -> list[Anchor]:
    """Anchors required by a sequence: each literal run, each required sub-part.

    ``left`` and ``right`` tell whether what stands just outside the sequence is a word edge.
    """
    found: list[Anchor] = []
    run: list[str] = []
    run_start = 0
    for index, (op, value) in enumerate(items):
        if op is sre.LITERAL:
            if not run:
                run_start = index
            run.append(chr(value))
            continue
        if run:
            found.append(_literal_anchor(run, items, run_start, index, left, right))
            run = []
        edges = (
            _is_boundary(items, index - 1, left, right),
            _is_boundary(items, index + 1, left, right),
        )
        found.extend(_required_part(op, value, *edges))
    if run:
        found.append(_literal_anchor(run, items, run_start, len(items), left, right))
    return found


def _required_part(op: Any, value: Any, left: bool, right: bool) -> list[Anchor]:
    if op is sre.SUBPATTERN:
        return _sequence(list(value[-1]), left, right)
    if op in REPEATS and value[0] >= 1:
        # Repeated, the part may stand next to itself: its edges are no longer known.
        return _sequence(list(value[2]), left and value[1] == 1, right and value[1] == 1)
    if op is sre.BRANCH:
        branches = [_best(_sequence(list(branch), left, right)) for branch in value[1]]
        if branches and all(branches):
            options = frozenset().union(*(b.options for b in branches if b))
            return [Anchor(options, all(b.words for b in branches if b))]
    return []


def _literal_anchor(
    run: list[str], items: list[tuple[Any, Any]], start: int, end: int, left: bool, right: bool
) -> Anchor:
    text = "".join(run).lower()
    whole = (
        TOKEN.fullmatch(text) is not None
        and _is_boundary(items, start - 1, left, right)
        and _is_boundary(items, end, left, right)
    )
    return Anchor(frozenset({text}), whole)


def _is_boundary(items: list[tuple[Any, Any]], index: int, left: bool, right: bool) -> bool:
    """Whether the item at ``index`` can only stand where a word ends (never a letter)."""
    if index < 0:
        return left
    if index >= len(items):
        return right
    op, value = items[index]
    if op is sre.AT:
        return value in (
            sre.AT_BOUNDARY,
            sre.AT_BEGINNING,
            sre.AT_END,
            sre.AT_BEGINNING_STRING,
            sre.AT_END_STRING,
        )
    if op is sre.LITERAL:
        return not chr(value).isalnum()
    if op is sre.IN:
        return all(_non_word_member(member) for member in value)
    if op in REPEATS and value[0] >= 1:
        inner = list(value[2])
        return len(inner) == 1 and _is_boundary(inner, 0, False, False)
    return False


def _non_word_member(member: tuple[Any, Any]) -> bool:
    op, value = member
    if op is sre.LITERAL:
        return not chr(value).isalnum()
    if op is sre.CATEGORY:
        return value in (sre.CATEGORY_SPACE, sre.CATEGORY_NOT_WORD)
    return False


def _usable(anchor: Anchor) -> bool:
    return all(len(o) >= 2 or not o.isalnum() for o in anchor.options)


def _best(anchors: list[Anchor]) -> Anchor | None:
    """The anchor least likely to occur: long options, not everyday words; whole words a bit."""
    usable = [a for a in anchors if _usable(a)]
    if not usable:
        return None
    return max(usable, key=_selectivity)


def _selectivity(anchor: Anchor) -> tuple[int, int]:
    shortest = min(len(option) for option in anchor.options)
    common = any(option in COMMON_WORDS for option in anchor.options)
    return (shortest + anchor.words - (100 if common else 0), -len(anchor.options))
