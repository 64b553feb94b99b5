"""Required literals of a regex: text that must occur wherever the regex matches.

Python's ``re`` tries every branch of an alternation at every position, so a lexicon of eighty
phrases costs eighty attempts per character. A branch can only match where its anchor occurs;
checking anchors first (a set lookup for whole words, a substring test otherwise) and scanning
with the alternation of the few branches left gives the same matches, much faster.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import chain
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as parser  # type: ignore[attr-defined]
from typing import Any

from replylint.checks import disk_cache
from replylint.checks.regex_cache import compile_regex

TOKEN = compile_regex(r"[^\W_]+")
# TOKEN for ASCII text, where [^\W_] is exactly [A-Za-z0-9]: no Unicode lookup per character.
ASCII_TOKEN = compile_regex(r"[A-Za-z0-9]+")
# Tokens whose offsets are looked for one by one; past that, all at once (see TokenStarts).
LAZY_TOKENS = 16
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
        # map() with the bound method: a generator costs a frame resume per option, and a
        # lexicon tests some 200 substrings a reply.
        return any(map(lowered.__contains__, self.options))

    @classmethod
    def at_start(cls, pattern: str) -> Anchor | None:
        """The words one of which begins every match of ``pattern`` (see ``start_of``; cached)."""
        return _analysed(pattern)[1]

    def word_starts(self, token_starts: Mapping[str, list[int]]) -> list[int]:
        """Offsets where a word is one of the options (begins with one, unless ``words``),
        ascending, given where each token of the lower-cased text starts (``token_starts_of``).

        The same offsets as a scan of the text for the options at word starts: a token is a
        maximal run of letters and digits and every option is one (ASCII), so an option stands
        at the start of a word exactly where a token equal to it (or beginning with it) does.
        Looking the tokens up replaces a regex scan of the whole text per anchor.
        """
        if self.words:
            found = [token_starts[option] for option in self.options if option in token_starts]
        else:
            prefixes = tuple(self.options)
            # Over the tokens, not items(): a TokenStarts finds offsets only for those asked.
            found = [token_starts[token] for token in token_starts if token.startswith(prefixes)]
        return sorted(chain.from_iterable(found))


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


# Parsing every lexicon pattern costs tens of milliseconds a run; what it gives (anchors and
# start words) is kept on disk, keyed by the pattern itself (so an edited lexicon just adds
# entries), and parsed once.
ANCHORS_FILE = "anchors-v3.json"  # v3: each pattern's start words too
_known: dict[str, tuple[tuple[Anchor, ...], Anchor | None]] | None = None
_unsaved = False


def cached_anchors(pattern: str) -> tuple[Anchor, ...]:
    """``anchors_of(pattern)``, read from the on-disk cache when it was computed before."""
    return _analysed(pattern)[0]


def _analysed(pattern: str) -> tuple[tuple[Anchor, ...], Anchor | None]:
    global _known, _unsaved
    if _known is None:
        _known = _load_known()
    if pattern not in _known:
        _known[pattern] = (anchors_of(pattern), start_of(pattern))
        _unsaved = True
    return _known[pattern]


def save_anchors() -> None:
    """Write newly computed anchors to the cache (atomically; a failure only costs speed)."""
    global _unsaved
    if _unsaved and _known is not None:
        stored = {
            p: [[_stored(a) for a in anchors], _stored(start) if start else None]
            # A copy (one C call, atomic under the GIL): another thread of the Python API may
            # add anchors meanwhile, and iterating the dict itself would then fail.
            for p, (anchors, start) in dict(_known).items()
        }
        disk_cache.write_json(disk_cache.cache_dir() / ANCHORS_FILE, stored)
        _unsaved = False


def _stored(anchor: Anchor) -> list[Any]:
    return [sorted(anchor.options), anchor.words]


def _load_known() -> dict[str, tuple[tuple[Anchor, ...], Anchor | None]]:
    data = disk_cache.read_json(disk_cache.cache_dir() / ANCHORS_FILE)
    known: dict[str, tuple[tuple[Anchor, ...], Anchor | None]] = {}
    if isinstance(data, dict):
        for pattern, value in data.items():
            try:
                anchors, start = value
                known[pattern] = (
                    tuple(Anchor(frozenset(map(str, o)), bool(w)) for o, w in anchors),
                    Anchor(frozenset(map(str, start[0])), bool(start[1])) if start else None,
                )
            except (TypeError, ValueError):
                continue  # a damaged entry is computed again
    return known


def token_starts_of(lowered: str) -> TokenStarts:
    """Each token (maximal run of letters and digits) of a lower-cased text, with the offsets
    where it begins."""
    return TokenStarts(lowered)


class TokenStarts(Mapping[str, list[int]]):
    """The tokens of a lower-cased text, each with the offsets where it begins (ascending).

    The tokens and their counts come from one C-level ``findall``; offsets are looked for only
    for the few tokens a check asks about. A loop over every match to note its offset was the
    reply model's largest cost (some 30 µs a reply); the checks ask for about six words.
    """

    __slots__ = ("_complete", "_counts", "_found", "_regex", "_text")

    def __init__(self, lowered: str) -> None:
        self._text = lowered
        self._regex = ASCII_TOKEN if lowered.isascii() else TOKEN
        self._counts: dict[str, int] = Counter(self._regex.findall(lowered))
        self._found: dict[str, list[int]] = {}
        self._complete = False

    def __getitem__(self, token: str) -> list[int]:
        found = self._found.get(token)
        if found is None:
            count = self._counts[token]  # KeyError for a token the text lacks, as a dict
            if len(self._found) < LAZY_TOKENS:
                found = self._found[token] = self._starts(token, count)
            else:
                found = self._all()[token]
        return found

    def _all(self) -> dict[str, list[int]]:
        """Every token's offsets in one pass: each lazy search starts at the text's beginning,
        so asking for the offsets of thousands of tokens (a hostile text of words that share a
        prefix) would be quadratic."""
        if not self._complete:
            starts: dict[str, list[int]] = {}
            for match in self._regex.finditer(self._text):
                starts.setdefault(match.group(), []).append(match.start())
            self._found, self._complete = starts, True
        return self._found

    def __contains__(self, token: object) -> bool:
        return token in self._counts

    def __iter__(self) -> Iterator[str]:
        return iter(self._counts)

    def __len__(self) -> int:
        return len(self._counts)

    def count(self, token: str) -> int:
        """How many times ``token`` occurs (0 when it does not)."""
        return self._counts.get(token, 0)

    def counts(self) -> Mapping[str, int]:
        """Every token with the number of times it occurs."""
        return self._counts

    def _starts(self, token: str, count: int) -> list[int]:
        # An occurrence is a token where no letter or digit stands on either side: [^\W_] is
        # exactly str.isalnum() (tests/test_anchors.py), ASCII or not.
        text, size = self._text, len(token)
        starts: list[int] = []
        at = text.find(token)
        while at >= 0 and len(starts) < count:
            end = at + size
            if (at == 0 or not text[at - 1].isalnum()) and not text[end : end + 1].isalnum():
                starts.append(at)
                at = text.find(token, end)
            else:
                at = text.find(token, at + 1)
        return starts


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


# -- start words -------------------------------------------------------------------------------
# A branch that starts with "\bwe " can only match where the word "we" stands; a scan that
# jumps from one such word to the next (found by a case-sensitive regex over the lower-cased
# text, which re runs with its fast first-character search) skips the hundreds of positions
# where a case-insensitive \b regex would otherwise be tried one by one.
MAX_START_WORDS = 64
# Zero-width items that, just before a word character, mean the character before is no word
# character: \b, ^ and \A.
LEFT_EDGES = (sre.AT_BOUNDARY, sre.AT_BEGINNING, sre.AT_BEGINNING_LINE, sre.AT_BEGINNING_STRING)


def start_of(pattern: str, flags: int = re.IGNORECASE) -> Anchor | None:
    """The words (lower-cased, ASCII) one of which begins every match, at the start of a word.

    ``words`` tells whether each is the whole word; otherwise they are the beginnings of words
    ("apologi" for ``apologi[sz]e``). None when a match may begin otherwise: inside a word, with
    a character class, or with anything but a plain letter or digit.
    """
    try:
        tree = parser.parse(pattern, flags)
    except re.error:
        return None
    spellings = _spellings(list(tree), "", False, False)
    if not spellings or not all(word.isascii() for word, _whole in spellings):
        return None
    return Anchor(frozenset(w for w, _ in spellings), all(whole for _, whole in spellings))


def _spellings(
    items: list[tuple[Any, Any]], prefix: str, left: bool, right: bool
) -> set[tuple[str, bool]] | None:
    """How a match of ``items`` spells its first word, ``prefix`` being spelled already.

    Each spelling comes with whether the word ends there. ``left``: the character before the
    match is no word character; ``right``: neither is the one after ``items``.
    """
    for index, (op, value) in enumerate(items):
        rest = items[index + 1 :]
        if not prefix:
            edge = _zero_width_edge(op, value)
            if edge is not None:
                left = left or edge
                continue
        if op is sre.LITERAL:
            char = chr(value).lower()
            if not char.isalnum():
                return {(prefix, True)} if prefix else None
            if not prefix and not left:
                return None  # the match may start inside a word
            prefix += char
            continue
        if op is sre.BRANCH:
            alternatives = [list(branch) for branch in value[1]]
        elif op is sre.SUBPATTERN:
            alternatives = [list(value[-1])]
        elif op in REPEATS and value[1] == 1:  # x? or (?:…)? : with it, or without it
            alternatives = [list(value[2])] + ([[]] if value[0] == 0 else [])
        else:  # a class, a repeat, an assertion: the literal spelling stops here
            return {(prefix, _right_edge(items, index, right))} if prefix else None
        found: set[tuple[str, bool]] = set()
        for alternative in alternatives:
            spelled = _spellings(alternative + rest, prefix, left, right)
            if spelled is None or len(found | spelled) > MAX_START_WORDS:
                return None
            found |= spelled
        return found
    return {(prefix, right)} if prefix else None


def _zero_width_edge(op: Any, value: Any) -> bool | None:
    """For a zero-width item, whether it means no word character precedes; None if it is not."""
    if op is sre.AT:
        return value in LEFT_EDGES
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        direction, inner = value
        inner = list(inner)
        if direction != -1:
            return False  # a look-ahead says nothing about the character before
        if op is sre.ASSERT:  # (?<=…\s): whatever it ends with stands just before
            return bool(inner) and _is_boundary(inner, len(inner) - 1, False, False)
        return _is_word_class(inner)  # (?<![\w.-]): no word character before
    if op is sre.SUBPATTERN:
        return _zero_width_sequence_edge(list(value[-1]))
    if op is sre.BRANCH:
        edges = [_zero_width_sequence_edge(list(branch)) for branch in value[1]]
        return None if None in edges else all(edges)
    return None


def _zero_width_sequence_edge(items: list[tuple[Any, Any]]) -> bool | None:
    edges = [_zero_width_edge(op, value) for op, value in items]
    return None if None in edges else any(edges)


def _right_edge(items: list[tuple[Any, Any]], index: int, right: bool) -> bool:
    """Whether the item at ``index`` can only follow the end of a word (a word edge)."""
    if _is_boundary(items, index, False, right):
        return True
    if index < len(items) and items[index][0] is sre.ASSERT_NOT and items[index][1][0] == 1:
        # (?![\w'-]|…): fails wherever a word character follows
        inner = list(items[index][1][1])
        branches = inner[0][1][1] if len(inner) == 1 and inner[0][0] is sre.BRANCH else [inner]
        return any(_is_word_class(list(branch)) for branch in branches)
    return False


def _is_word_class(items: list[tuple[Any, Any]]) -> bool:
    r"""Whether ``items`` is one character class that holds every word character (\w)."""
    if len(items) != 1 or items[0][0] is not sre.IN:
        return False
    members = items[0][1]
    return (sre.CATEGORY, sre.CATEGORY_WORD) in members and all(
        op is not sre.NEGATE for op, _ in members
    )
