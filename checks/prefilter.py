"""Which branches of a lexicon can match a reply, found by one RE2 ``Set`` search.

Python's ``re`` scans the text once per branch; RE2 runs every branch of a lexicon in one pass
(a DFA over all of them) and says which matched somewhere. Only those branches are then
matched by ``re``, exactly as before, so the prefilter may report too many branches but must
never miss one (tests/test_prefilter.py). RE2 searches the lower-cased text with every
non-ASCII character as "?", and each branch is translated to match there *at least* where the
Python one matches the text: look-arounds are dropped (RE2 has none), ``\\b`` is kept only
where RE2's ASCII-only one cannot differ, classes also take "?", literals are lower case.
A construct we cannot translate makes the branch a candidate in every reply.

Without the ``google-re2`` wheel (a platform it does not ship for) ``available()`` is false and
lexicons test their anchors in Python instead (lexicon.py): the same results, more slowly.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as parser  # type: ignore[attr-defined]
from typing import Any, Literal

from replylint.checks import disk_cache

# The RE2 module, imported when the first set is built (a one-file run never builds one):
# None until then, False where it is not installed.
re2: Any = None

REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
RE2_MAX_REPEAT = 1000  # RE2 refuses larger counted repeats
# The text RE2 searches is the lower-cased text with every non-ASCII character as "?": a byte a
# character, so the DFA has no multi-byte sequences to follow (some eight times fewer states to
# build than over UTF-8). A "?" of the text thus stands for any character that is not ASCII too.
ANY_CHAR = r"[\x00-\x7f]"
MAYBE = "?"
# What Python's classes match (str patterns: Unicode), or more: their ASCII members, and "?".
WIDE = {
    sre.CATEGORY_SPACE: r"\t-\r\x1c-\x20?",
    sre.CATEGORY_WORD: r"0-9_a-z?",
    sre.CATEGORY_DIGIT: r"0-9?",
    # RE2's own negations exclude ASCII members only, never "?": all of Python's and more.
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_NOT_WORD: r"\W",
    sre.CATEGORY_NOT_DIGIT: r"\D",
}
# Inside a negated class what is excluded must be no more than Python excludes, and never "?":
# RE2's ASCII classes; a negated category there has no such form.
NARROW = {sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_DIGIT: r"\d"}


class _Untranslatable(Exception):
    pass


def available() -> bool:
    """Whether RE2 is installed (the prefilter is used only then)."""
    global re2
    if re2 is None:
        try:
            import re2 as module  # type: ignore[import-untyped]
        except ImportError:  # the wheel is missing on this platform
            module = False
        re2 = module
    return re2 is not False


def search_text(lowered: str) -> bytes:
    """What the sets search for a reply: its lower-cased text, each non-ASCII character "?"."""
    return lowered.encode("ascii", "replace")


def branch_set(patterns: Sequence[str]) -> BranchSet | Literal[False]:
    """The prefilter of these branches, or False without RE2 (or if RE2 refuses the set)."""
    if not available():
        return False
    try:
        return BranchSet(patterns)
    except re2.error:
        return False


# The last text prepared, with its bytes: each lexicon of a reply asks for the same one. One
# tuple, replaced whole, so that two threads never pair a text with another's bytes.
_last: tuple[str, bytes] = ("", b"")


def prepared(lowered: str) -> bytes:
    """``search_text(lowered)``, made once for all the lexicons of a reply."""
    global _last
    text, data = _last
    if text is not lowered:
        data = search_text(lowered)
        _last = (lowered, data)
    return data


# Parsing a lexicon's patterns to translate them costs tens of milliseconds: the translations
# are kept on disk, keyed by the pattern, like the anchors (anchors.py).
TRANSLATIONS_FILE = "prefilter-v1.json"
_translations: dict[str, str] | None = None


def translated(patterns: Sequence[str]) -> list[str]:
    """``superset_pattern`` of each pattern, read from the on-disk cache where it was before."""
    global _translations
    if _translations is None:
        stored = disk_cache.read_json(disk_cache.cache_dir() / TRANSLATIONS_FILE)
        _translations = (
            {k: v for k, v in stored.items() if isinstance(v, str)}
            if isinstance(stored, dict)
            else {}
        )
    known = _translations
    missing = [p for p in patterns if p not in known]
    if missing:
        known.update((p, superset_pattern(p)) for p in missing)
        disk_cache.write_json(disk_cache.cache_dir() / TRANSLATIONS_FILE, dict(known))
    return [known[p] for p in patterns]


def superset_pattern(pattern: str) -> str:
    """An RE2 pattern that finds ``search_text(text.lower())`` wherever ``pattern`` (Python,
    case-insensitive) finds the text, for a text with ``lowered_is_exact``; "" if unknown."""
    try:
        return _sequence(list(parser.parse(pattern, re.IGNORECASE)))
    except (_Untranslatable, re.error, RecursionError):
        return ""


def _sequence(items: list[tuple[Any, Any]]) -> str:
    parts = []
    for index, (op, value) in enumerate(items):
        if op is sre.AT and value is sre.AT_BOUNDARY and _boundary_kept(items, index):
            parts.append(r"\b")
        else:
            parts.append(_item(op, value))
    return "".join(parts)


def _boundary_kept(items: list[tuple[Any, Any]], index: int) -> bool:
    """Whether a \\b may stay: RE2's (ASCII) \\b is true wherever Python's is when the
    pattern's side of it is an ASCII letter or digit (and the other side then decides: a
    character Python calls no word character is none for RE2 either, nor is "?"). It cuts the
    DFA's states: a branch is no longer started inside words."""
    after = items[index + 1 : index + 2]
    before = items[index - 1 : index] if index else []
    return bool(after and _edge_alnum(after[0], 0)) or bool(before and _edge_alnum(before[0], -1))


def _edge_alnum(item: tuple[Any, Any], edge: int) -> bool:
    """Whether every match of ``item`` begins (edge 0) or ends (-1) with an ASCII alnum."""
    op, value = item
    if op is sre.LITERAL:
        char = chr(value)
        return char.isascii() and char.isalnum()
    if op is sre.SUBPATTERN:
        inner = list(value[-1])
        return bool(inner) and _edge_alnum(inner[edge], edge)
    if op is sre.BRANCH:
        return all(bool(b) and _edge_alnum(list(b)[edge], edge) for b in value[1])
    return False


def _item(op: Any, value: Any) -> str:
    if op is sre.LITERAL:
        return _folded(value)
    if op is sre.NOT_LITERAL:
        return f"[^{_ascii(value)}]" if _excludable(value) else ANY_CHAR
    if op is sre.ANY:
        return ANY_CHAR
    if op is sre.IN:
        return _class(value)
    if op in REPEATS:
        low, high, inner = value
        body = f"(?:{_sequence(list(inner))})"
        if high is sre.MAXREPEAT or high > RE2_MAX_REPEAT:
            return body + ("*" if low > RE2_MAX_REPEAT else f"{{{low},}}")
        return body + f"{{{low},{high}}}"
    if op is sre.SUBPATTERN:
        return f"(?:{_sequence(list(value[-1]))})"
    if op is sre.ATOMIC_GROUP:
        return f"(?:{_sequence(list(value))})"
    if op is sre.BRANCH:
        return "(?:" + "|".join(_sequence(list(branch)) for branch in value[1]) + ")"
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return ""  # zero-width: without it the pattern matches in more places, never fewer
    if op is sre.CATEGORY and value in WIDE:
        return f"[{WIDE[value]}]"
    raise _Untranslatable  # a back-reference, a conditional


def _class(members: Sequence[tuple[Any, Any]]) -> str:
    if members and members[0][0] is sre.NEGATE:
        return _negated_class(members[1:])
    parts = []
    for op, value in members:
        if op is sre.LITERAL:
            parts.append(_folded(value, in_class=True))
        elif op is sre.RANGE:
            low, high = value
            if low <= 0x7F:
                parts.append(f"{_ascii(low)}-{_ascii(min(high, 0x7F))}")
            upper = range(max(low, ord("A")), min(high, ord("Z")) + 1)
            if upper:  # the text is lower-cased
                parts.append(f"{chr(upper[0]).lower()}-{chr(upper[-1]).lower()}")
            if high > 0x7F:
                parts.append(MAYBE_IN_CLASS)
        elif op is sre.CATEGORY and value in WIDE:
            parts.append(WIDE[value])
        else:
            raise _Untranslatable
    return "[" + "".join(parts) + "]"


def _negated_class(members: Sequence[tuple[Any, Any]]) -> str:
    """Excluding fewer characters than Python does is safe; excluding "?" never is."""
    parts = []
    for op, value in members:
        if op is sre.LITERAL:
            if _excludable(value):
                parts.append(_ascii(value))
        elif op is sre.RANGE:
            low, high = value[0], min(value[1], 0x7F)
            for start, end in ((low, min(high, ord(MAYBE) - 1)), (max(low, ord(MAYBE) + 1), high)):
                if start <= end:
                    parts.append(f"{_ascii(start)}-{_ascii(end)}")
        elif op is sre.CATEGORY and value in NARROW:
            parts.append(NARROW[value])
        else:
            raise _Untranslatable
    return "[^" + "".join(parts) + "]" if parts else ANY_CHAR


def _excludable(code: int) -> bool:
    return code <= 0x7F and chr(code) != MAYBE


MAYBE_IN_CLASS = r"\?"


def _folded(code: int, in_class: bool = False) -> str:
    """A literal of the (case-insensitive) pattern, as the searched text holds it.

    An ASCII letter is its lower case (lowered_is_exact rules out 'ı', 'ſ' and 'İ', which re
    also matches to "i" and "s"). A character beyond ASCII is "?", and a cased one also every
    ASCII letter re folds it to (the Kelvin sign matches "k").
    """
    char = chr(code)
    if char.isascii():
        return _ascii(ord(char.lower()))
    folds = "".join(
        letter
        for letter in "abcdefghijklmnopqrstuvwxyz"
        if re.fullmatch(re.escape(char), letter, re.IGNORECASE)
    )
    if not folds:
        return MAYBE_IN_CLASS
    return MAYBE_IN_CLASS + folds if in_class else f"[{MAYBE_IN_CLASS}{folds}]"


def _ascii(code: int) -> str:
    char = chr(code)
    return char if char.isalnum() else f"\\x{code:02x}"


class BranchSet:
    """The branches of one lexicon as one RE2 set: ``matching(text)`` gives their numbers."""

    __slots__ = ("_set",)

    def __init__(self, patterns: Sequence[str]) -> None:
        assert available()
        # Case-sensitive, over the lower-cased text: RE2 compiled a case-insensitive set four
        # times slower. Latin-1: a byte a character (the text and patterns are ASCII).
        options = re2.Options()
        options.encoding = re2.Options.Encoding.LATIN1
        # RE2's default budget: the DFA states of the whole corpus take far less.
        options.max_mem = 8 << 20
        self._set = re2.Set.SearchSet(options)
        for pattern in translated(patterns):
            # The empty pattern (what an untranslatable branch becomes) matches every text.
            self._set.Add(pattern or "(?:)")
        self._set.Compile()

    def matching(self, text: bytes) -> list[int]:
        """The numbers of the branches that may match a reply whose ``search_text`` is
        ``text``."""
        # An empty answer is "no branch", never a failure: RE2 disables the DFA's bail-out for
        # sets (it flushes its state cache and goes on), and a budget too small for the DFA
        # fails Compile(), where branch_set falls back to the anchors.
        found: list[int] | None = self._set.Match(text)
        return found or []
