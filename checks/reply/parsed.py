"""The parsed reply every check reads: text, masks, paragraphs, sentences, parts and kind."""

from __future__ import annotations

import bisect
import enum
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Generic, Self, TypeVar, overload

from replylint.checks.anchors import TokenStarts, token_starts_of
from replylint.checks.model import Kind
from replylint.checks.regex_cache import compile_regex
from replylint.checks.reply.masks import Masks, find_masks, history_start
from replylint.checks.reply.segment import (
    count_words,
    count_words_from_runs,
    paragraph_spans,
    sentence_spans,
)
from replylint.checks.reply.sensitivity import is_sensitive

LINE_END = compile_regex(r"\r\n|\r|\n")

GREETING = compile_regex(
    r"(?:hi|hello|hey|hiya|howdy|dear|greetings|good\s+(?:morning|afternoon|evening|day))\b",
    re.IGNORECASE,
)
# A sign-off alone on its line ("Best regards," / "Thanks!" / "Cheers, Anna").
# Both alternatives share the trailing comma/name part ("Kind regards," used to miss it).
SIGN_OFF = compile_regex(
    r"[ \t]*(?:(?:(?:best|kind|warm|warmest|many|kindest)\s+)?(?:regards|wishes)"
    r"|best|cheers|thanks|thank\s+you|many\s+thanks|thanks\s+again|sincerely"
    r"|yours(?:\s+(?:truly|sincerely|faithfully))?|all\s+the\s+best|take\s+care|talk\s+soon"
    r"|with\s+thanks|respectfully|cordially)"
    # The name after a sign-off is capitalised even though the sign-off words are not
    # ("Thanks, Anna"); without (?-i:) "Thank you for your patience." read as a sign-off.
    r"(?:[ \t]*[,.!]?[ \t]*(?-i:[A-Z][\w.'-]*(?:[ \t]+[A-Z][\w.'-]*){0,2})?)?[ \t]*[,.!]?[ \t]*$",
    re.IGNORECASE,
)


# Capital letters beyond ASCII a name after a pack's sign-off may start with ("Ar cieņu, Ēriks").
_CAPITALS = "".join(chr(c) for c in range(0xC0, 0x530) if chr(c).isupper() and chr(c).isalpha())
_NAME = "[A-Z" + _CAPITALS + r"][\w.'-]*"


def sign_off_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """English's sign-offs plus a language pack's ("Ar cieņu", "Mei freonlike groetnis"), with
    the same name part after them."""
    words = _alternation(phrases)
    return compile_regex(
        r"[ \t]*(?:" + words + r")"
        r"(?:[ \t]*[,.!]?[ \t]*(?-i:"
        + _NAME
        + r"(?:[ \t]+"
        + _NAME
        + r"){0,2})?)?[ \t]*[,.!]?[ \t]*$"
        r"|" + SIGN_OFF.pattern,
        re.IGNORECASE,
    )


def _alternation(phrases: tuple[str, ...]) -> str:
    """Phrases as one regex alternation, longest first, any run of spaces between words."""
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in ordered)


def greeting_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """English's greetings plus a language pack's ("Labdien", "Сәлеметсіз бе")."""
    words = _alternation(phrases)
    return compile_regex(r"(?:" + words + r")(?!\w)|" + GREETING.pattern, re.IGNORECASE)


SIGNATURE_DELIMITER = compile_regex(r"^-- ?$", re.MULTILINE)
# Agents' initials at the end of a tweet ("… ^JA", "^Susan").
TWEET_INITIALS = compile_regex(r"(?:^|[ \t])\^[A-Za-z][\w.]{0,20}(?:\s+\d+/\d+)?\s*\Z")
# Characters Python's re matches to an ASCII letter case-insensitively though str.lower() gives
# something else: 'ı' and 'ſ' match "i" and "s", 'İ' lower-cases to two characters.
LOWER_EXCEPTIONS = ("ı", "ſ", "İ")
MAX_SIGNATURE_LINES = 6
MAX_SIGNATURE_LINE_WORDS = 8
CLOSING_SENTENCES = 3

T = TypeVar("T")
C = TypeVar("C", bound=type)


def python_class(cls: C) -> C:
    """Identity: under mypyc a class with a decorator it does not know stays a Python class, with
    the instance ``__dict__`` that lockless_cached_property stores values in."""
    return cls


@python_class
class lockless_cached_property(Generic[T]):
    """``functools.cached_property`` without its lock: computed on first read, then stored.

    Python 3.11's version takes a lock on every first read (3.12 dropped it); a Reply has a dozen
    cached values and the lock cost about 4 µs a reply. Two threads reading one Reply at once
    would at worst both compute the same value.
    """

    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute = compute
        # (getattr: a method mypyc compiled has neither; __set_name__ names it anyway)
        self.name = getattr(compute, "__name__", "")
        self.__doc__ = getattr(compute, "__doc__", None)

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> Self: ...

    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...

    def __get__(self, instance: object | None, owner: type | None = None) -> T | Self:
        if instance is None:
            return self
        # Stored under the same name: the instance's value now hides this (non-data) descriptor.
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


class Part(enum.StrEnum):
    """Where in the reply a sentence stands."""

    GREETING = "greeting"
    BODY = "body"
    CLOSING = "closing"


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its span, its paragraph, its part and whether it is sensitive."""

    start: int
    end: int
    index: int
    paragraph: int
    part: Part
    is_list_item: bool
    text: str  # the masked text of the sentence: placeholders and URLs are blanks

    @property
    def sensitive(self) -> bool:
        """Whether the sentence apologises, refuses or answers a complaint (sensitivity.py)."""
        # Worked out on first need, not for every sentence: only the few sentences that hold a
        # tone finding are ever asked (about a third of the reply model's cost otherwise).
        return _is_sensitive(self.text)


# A sentence asked twice (two slang words in it) is tested once.
_is_sensitive = lru_cache(maxsize=1024)(is_sensitive)


@python_class
class Reply:
    """A reply ready for checking. Everything beyond the text is computed once, on demand."""

    def __init__(
        self,
        text: str,
        path: str = "-",
        *,
        kind: Kind | None = None,
        reply_id: str | None = None,
        title: str | None = None,
        extra_masks: list[tuple[int, int, str]] | None = None,
        locator: Callable[[int], tuple[int, int]] | None = None,
        row: int | None = None,
    ) -> None:
        self.text = text
        # A library record with neither id nor title (a CSV row): its row number, for reports.
        self.row = row
        self.path = path
        self.reply_id = reply_id
        self.title = title
        self._kind = kind
        self._extra_masks = extra_masks
        # Inputs whose text was extracted (HTML, macro exports) map offsets back themselves.
        self._locator = locator
        # The language pack that reads the reply ("en", "lv"); None until the engine decides
        # (config, or detection). Set before checks run; see set_language.
        self.language: str | None = None
        self._greeting: re.Pattern[str] = GREETING
        self._sign_off: re.Pattern[str] = SIGN_OFF
        # Per-reply data other modules derive once (language packs' analysed words).
        self.memo: dict[str, Any] = {}

    # -- masks ---------------------------------------------------------------------------
    @lockless_cached_property
    def masks(self) -> Masks:
        """Masked spans and the masked copy of the text (signature included).

        Cost, with the signature and history it needs: about 40 µs a reply (bench --stages),
        over the 25 µs mark because every check reads the masked copy: a URL, e-mail, code,
        placeholder and history scan each (skipped when the text lacks their literal) and one
        copy of the text with the spans blanked.
        """
        extra = list(self._extra_masks or ())
        if self.signature_start is not None:
            extra.append((self.signature_start, len(self.text), "signature"))
        return find_masks(self.text, extra, self.history_start)

    @property
    def masked(self) -> str:
        """The text with masked regions blanked out; offsets equal the original's."""
        return self.masks.masked

    @lockless_cached_property
    def lowered(self) -> str:
        """The masked text in lower case, for cheap tests of which phrases can occur."""
        return self.masked.lower()

    @lockless_cached_property
    def lowered_is_exact(self) -> bool:
        """Whether ``lowered`` keeps the masked text's offsets and holds an ASCII letter wherever
        a case-insensitive regex matches that letter (so a search of it finds the same places)."""
        masked = self.masked
        return len(self.lowered) == len(masked) and not any(c in masked for c in LOWER_EXCEPTIONS)

    @lockless_cached_property
    def tokens(self) -> frozenset[str]:
        """The set of words (letters and digits) of the masked text, lower-cased."""
        return frozenset(self.token_starts)

    @lockless_cached_property
    def token_starts(self) -> TokenStarts:
        """Each of ``tokens`` with the offsets in ``lowered`` where it begins (for anchors.py).

        Cost, with ``lowered`` and ``tokens``: about 27 µs a reply (bench --stages), at the
        25 µs mark: one regex scan of the whole text, the runs counted in C; every lexicon and
        anchored pattern reads it instead of scanning the text again.
        """
        return token_starts_of(self.lowered)

    @lockless_cached_property
    def signature_start(self) -> int | None:
        """Offset where the signature (sign-off line, '-- ' block, tweet initials) begins."""
        cut = self.history_start
        return find_signature(self.text if cut is None else self.text[:cut], self._sign_off)

    @lockless_cached_property
    def history_start(self) -> int | None:
        """Offset where quoted history ("On … wrote:", "From: … Sent:") begins, if any."""
        return history_start(self.text)

    # -- structure -----------------------------------------------------------------------
    @lockless_cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        """Spans of paragraphs of the masked text."""
        return paragraph_spans(self.masked)

    @lockless_cached_property
    def sentences(self) -> list[Sentence]:
        """Sentences of the agent-written, unmasked text, in order, with their part.

        Cost, paragraphs included: about 50 µs a reply (bench --stages), over the 25 µs mark:
        lines are grouped (hard wraps, list items) and every end mark is weighed against the
        token before it (abbreviations, ordinals, ellipses), in Python, because no regex split
        tells "Dr. Smith" from "done. Smith" or a wrapped line from a list.
        """
        masked = self.masked
        spans = [
            (start, end, number, is_item)
            for number, (p_start, p_end) in enumerate(self.paragraphs)
            for start, end, is_item in sentence_spans(masked, p_start, p_end)
        ]
        first = masked[spans[0][0] : spans[0][1]] if spans else ""
        greeting = 1 if spans and _is_greeting(first, self._greeting) else 0
        content = len(spans) - greeting
        closing_from = greeting + max(content - CLOSING_SENTENCES, 0)
        sentences = []
        for index, (start, end, number, is_item) in enumerate(spans):
            part = (
                Part.GREETING
                if index < greeting
                else (Part.CLOSING if index >= closing_from else Part.BODY)
            )
            sentences.append(Sentence(start, end, index, number, part, is_item, masked[start:end]))
        return sentences

    @property
    def greeting(self) -> Sentence | None:
        """The greeting sentence ("Hi Anna,"), if the reply opens with one."""
        first = self.sentences[:1]
        return first[0] if first and first[0].part is Part.GREETING else None

    # Cached: checks ask for these once per match, and a fresh list each time made a reply
    # of many short sentences quadratic (issue 15 item 6). Read them, never change them.
    @lockless_cached_property
    def content(self) -> list[Sentence]:
        """Sentences after the greeting (body and closing)."""
        return [s for s in self.sentences if s.part is not Part.GREETING]

    @lockless_cached_property
    def closing(self) -> list[Sentence]:
        """The last content sentences before the sign-off (up to three)."""
        return [s for s in self.sentences if s.part is Part.CLOSING]

    @lockless_cached_property
    def word_count(self) -> int:
        """Words of agent-written text (masked regions do not count)."""
        masked, lowered = self.masked, self.lowered
        if len(lowered) != len(masked):  # lower-casing split a character: count the masked text
            return count_words(masked)
        # Lower-casing one character into one keeps letters, digits and apostrophes where they
        # are (tests/test_word_count.py), so the token map already holds the runs of letters
        # and digits a word count needs: no second scan of the text.
        runs = sum(self.token_starts.counts().values())
        return count_words_from_runs(lowered, runs)

    @property
    def kind(self) -> Kind:
        """email or chat: as given, else an email when it has both a greeting and a sign-off."""
        return self._kind if self._kind is not None else self._detected_kind

    @lockless_cached_property
    def _detected_kind(self) -> Kind:
        # Every check's applicability test asks for the kind: worked out once per reply.
        start = self.signature_start
        # Tweet initials ("^JA") sign a chat message, not an e-mail.
        has_sign_off = start is not None and not self.text[start:].lstrip().startswith("^")
        return Kind.EMAIL if has_sign_off and self.greeting is not None else Kind.CHAT

    @lockless_cached_property
    def sensitive(self) -> bool:
        """Whether any sentence apologises, refuses or answers a complaint (GUIDANCE §2)."""
        return any(s.sensitive for s in self.sentences)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing ``offset``, if any."""
        starts = self._sentence_starts
        index = bisect.bisect_right(starts, offset) - 1
        if index >= 0 and offset < self.sentences[index].end:
            return self.sentences[index]
        return None

    @lockless_cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    # -- positions -----------------------------------------------------------------------
    @lockless_cached_property
    def _line_starts(self) -> list[int]:
        return [0, *(m.end() for m in LINE_END.finditer(self.text))]

    def set_language(
        self,
        code: str,
        greetings: tuple[str, ...] = (),
        sign_offs: tuple[str, ...] = (),
    ) -> None:
        """Say which language pack reads the reply. A pack's greetings and sign-offs change
        where the signature and the greeting are, so what was worked out from them (masks,
        sentences, kind, ...) is worked out again on next read (English replies: nothing)."""
        self.language = code
        if not greetings and not sign_offs:
            return
        self._greeting = _greeting_pattern(greetings)
        self._sign_off = _sign_off_pattern(sign_offs)
        for name, value in type(self).__dict__.items():
            if isinstance(value, lockless_cached_property) and name not in KEPT_ON_RESHAPE:
                self.__dict__.pop(name, None)
        self.memo.clear()

    def set_kind(self, kind: Kind | None) -> None:
        """Fix the kind (from --kind or config) unless the input format already did."""
        if self._kind is None:
            self._kind = kind

    def locate(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset, in characters."""
        if self._locator is not None:
            return self._locator(offset)
        starts = self._line_starts
        line = bisect.bisect_right(starts, offset) - 1
        column = offset - starts[line]
        # The "\n" of a "\r\n" ends the same line as its "\r": same column, not one past it.
        if column and self.text[offset - 1 : offset + 1] == "\r\n":
            column -= 1
        return line + 1, column + 1

    def line_of(self, offset: int) -> tuple[int, int]:
        """Start and end offsets of the text line holding ``offset`` (without its break)."""
        starts = self._line_starts
        line = bisect.bisect_right(starts, offset) - 1
        start = starts[line]
        end = starts[line + 1] if line + 1 < len(starts) else len(self.text)
        # Step back over the line break alone: slicing the line to strip it cost the whole
        # line's length for each finding on it (issue 15 item 6).
        while end > start and self.text[end - 1] in "\r\n":
            end -= 1
        return start, end


def _is_greeting(sentence: str, greeting: re.Pattern[str] = GREETING) -> bool:
    stripped = sentence.strip()
    return greeting.match(stripped) is not None and count_words(stripped) <= 6


# A pack's patterns are compiled once per pack, not per reply.
_sign_off_pattern = lru_cache(maxsize=64)(sign_off_pattern)
_greeting_pattern = lru_cache(maxsize=64)(greeting_pattern)
# What set_language keeps: neither depends on greetings or sign-offs.
KEPT_ON_RESHAPE = frozenset({"history_start", "_line_starts"})


def find_signature(text: str, sign_off: re.Pattern[str] = SIGN_OFF) -> int | None:
    """Where the signature starts: a '-- ' line, a sign-off line near the end, tweet initials."""
    if "--" in text:
        delimiters = [m.start() for m in SIGNATURE_DELIMITER.finditer(text)]
        if delimiters:
            return delimiters[-1]
    found = None
    for start, end in _lines_upwards(text, MAX_SIGNATURE_LINES + 1):
        if start > 0 and sign_off.fullmatch(text, start, end):
            found = start
        # Counted from the bottom: a sign-off needs only short lines (name, title) below it,
        # so no line above a long one is read.
        if count_words(text, start, end) > MAX_SIGNATURE_LINE_WORDS:
            break
    if found is not None:
        return found
    if "^" not in text:
        return None
    initials = TWEET_INITIALS.search(text)
    return initials.start() if initials and initials.start() > 0 else None


def _lines_upwards(text: str, count: int) -> Iterator[tuple[int, int]]:
    """The last ``count`` non-blank lines as (start, end) spans, last to first (read lazily)."""
    end = len(text)
    while end > 0 and count > 0:
        start = max(text.rfind("\n", 0, end), text.rfind("\r", 0, end)) + 1
        if text[start:end].strip():
            yield start, end
            count -= 1
        end = start - 1
        if end > 0 and text[end - 1] == "\r" and text[end] == "\n":
            end -= 1
