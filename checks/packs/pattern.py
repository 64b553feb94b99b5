"""Token patterns of a language pack: what a rule matches, over words and their lemmas.

A pattern is a line of space-separated token tests, matched against the words of one sentence:

- ``word``: a word whose lemma (the pack's analyser) or lower-cased form is ``word``;
- ``stem*``: a word whose lemma or lower-cased form starts with ``stem``;
- ``=word``: a word written so (lower-cased), whatever its lemma ("=došu", not "dodiet");
- ``!test``: a negated word that passes ``test`` ("!varēt" is "nevaram", "nevar", "nevarēsim");
- ``+test``: a word that passes ``test`` and is not negated ("+varēt" is "varam", not "nevaram");
- ``a|b|c``: any of the tests;
- ``?test``: an optional word;
- ``..``: up to three words of anything in between.

The words of a rule come in order; a match never spans sentences. Matching is linear in the
words of a sentence: each test looks at one word, ``..`` at most three, and a rule is tried only
at words its first test can accept (an index on the first word's literals).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from replylint.checks.regex_cache import compile_regex

GAP = ".."
WORD_TEST, PREFIX, EXACT = "word", "prefix", "exact"
PREFIX_KEY = 2  # prefixes are indexed by their first letters: a word is tried against few
CANDIDATE_MEMO = 4096  # spellings whose candidate patterns a set keeps
MAX_GAP = 3
MAX_TESTS = 12  # a rule longer than this is a typo in the pack, not a phrase
WORD = compile_regex(r"\w+(?:['’]\w+)*")


class PatternError(ValueError):
    """A pattern that cannot be compiled (the message says which part)."""


@dataclass(frozen=True, slots=True)
class Word:
    """One word of a sentence as a pack sees it."""

    start: int
    end: int
    lower: str
    lemma: str
    negated: bool


@dataclass(frozen=True, slots=True)
class Test:
    """One token test: alternatives of (literal, how: WORD, PREFIX or EXACT), the negation it
    requires (None: either), whether it is optional."""

    choices: tuple[tuple[str, str], ...]
    negated: bool | None
    optional: bool

    def accepts(self, word: Word) -> bool:
        if self.negated is not None and word.negated is not self.negated:
            return False
        for literal, how in self.choices:
            if how == PREFIX:
                if word.lemma.startswith(literal) or word.lower.startswith(literal):
                    return True
            elif how == EXACT:
                if word.lower == literal:
                    return True
            elif word.lemma == literal or word.lower == literal:
                return True
        return False


Step = Test | None  # None: a gap of up to MAX_GAP words


@dataclass(frozen=True, slots=True)
class Pattern:
    """A compiled pattern: its steps and the source it came from."""

    source: str
    steps: tuple[Step, ...]

    def first_literals(self) -> tuple[tuple[str, str], ...] | None:
        """The literals a first word must carry (None: any word can start a match)."""
        first = self.steps[0]
        return None if first is None or first.optional else first.choices

    def match_at(self, words: Sequence[Word], index: int) -> int | None:
        """Index one past the last word of a match starting at ``index``, or None."""
        return _match(self.steps, 0, words, index)


def compile_pattern(source: str, normalise: Callable[[str], str] = str.lower) -> Pattern:
    """Compile one pattern line; ``normalise`` turns a literal into the pack's lemma form."""
    parts = source.split()
    if not parts:
        raise PatternError("empty pattern")
    if len(parts) > MAX_TESTS:
        raise PatternError(f"more than {MAX_TESTS} words")
    if parts[0] == GAP or parts[-1] == GAP:
        raise PatternError("'..' must stand between two words")
    steps: list[Step] = []
    for part in parts:
        if part == GAP:
            if steps and steps[-1] is None:
                raise PatternError("two '..' in a row")
            steps.append(None)
            continue
        optional = part.startswith("?")
        part = part[optional:]
        negated = {"!": True, "+": False}.get(part[:1])
        part = part[negated is not None :]
        choices = []
        for choice in part.split("|"):
            how = PREFIX if choice.endswith("*") else EXACT if choice.startswith("=") else WORD_TEST
            literal = choice.strip("*=") if how != WORD_TEST else choice
            if not literal or WORD.fullmatch(literal) is None:
                raise PatternError(f"{choice!r} is not a word (letters, digits, apostrophes)")
            choices.append((normalise(literal) if how == WORD_TEST else literal.lower(), how))
        steps.append(Test(tuple(choices), negated, optional))
    if all(step is None or step.optional for step in steps):
        raise PatternError("every word is optional")
    return Pattern(source, tuple(steps))


def _match(steps: Sequence[Step], step: int, words: Sequence[Word], index: int) -> int | None:
    # Depth is bounded by MAX_TESTS and each gap tries at most MAX_GAP + 1 widths: a rule
    # costs a constant number of word tests per starting word.
    if step == len(steps):
        return index
    test = steps[step]
    if test is None:
        for width in range(MAX_GAP + 1):
            if index + width > len(words):
                break
            end = _match(steps, step + 1, words, index + width)
            if end is not None:
                return end
        return None
    if index < len(words) and test.accepts(words[index]):
        end = _match(steps, step + 1, words, index + 1)
        if end is not None:
            return end
    if test.optional:
        return _match(steps, step + 1, words, index)
    return None


def words_of(
    text: str, start: int, end: int, analyse: Callable[[str], tuple[str, bool]]
) -> list[Word]:
    """The words of ``text[start:end]`` with their lemma and negation (``analyse`` of the
    lower-cased word)."""
    found = []
    for match in WORD.finditer(text, start, end):
        lower = match.group().lower().replace("’", "'")
        lemma, negated = analyse(lower)
        found.append(Word(match.start(), match.end(), lower, lemma, negated))
    return found


class PatternSet:
    """Patterns indexed by the literals of their first word: a word is tried only against the
    patterns it can start (most words start none)."""

    def __init__(self, patterns: Sequence[Pattern]) -> None:
        self.patterns = tuple(patterns)
        self._exact: dict[str, list[int]] = {}
        # Prefixes by their first PREFIX_KEY letters; shorter ones are tried on every word.
        self._prefixes: dict[str, list[tuple[str, int]]] = {}
        self._short: list[tuple[str, int]] = []
        self._anywhere: list[int] = []
        self._memo: dict[tuple[str, str], tuple[int, ...]] = {}
        for number, pattern in enumerate(self.patterns):
            literals = pattern.first_literals()
            if literals is None:
                self._anywhere.append(number)
                continue
            for literal, how in literals:
                if how != PREFIX:
                    self._exact.setdefault(literal, []).append(number)
                elif len(literal) < PREFIX_KEY:
                    self._short.append((literal, number))
                else:
                    self._prefixes.setdefault(literal[:PREFIX_KEY], []).append((literal, number))

    def __bool__(self) -> bool:
        return bool(self.patterns)

    def _candidates(self, word: Word) -> tuple[int, ...]:
        # Words repeat (across sentences, replies and the checks that share a set): the answer
        # for a spelling is kept, up to CANDIDATE_MEMO of them.
        key = (word.lower, word.lemma)
        found = self._memo.get(key)
        if found is None:
            if len(self._memo) >= CANDIDATE_MEMO:
                self._memo.clear()
            found = self._memo[key] = self._look_up(word)
        return found

    def _look_up(self, word: Word) -> tuple[int, ...]:
        numbers = [*self._exact.get(word.lemma, ()), *self._anywhere]
        keys = {word.lemma[:PREFIX_KEY], word.lower[:PREFIX_KEY]}
        if word.lower != word.lemma:
            numbers.extend(self._exact.get(word.lower, ()))
        for key in keys:
            for literal, number in self._prefixes.get(key, ()):
                if word.lemma.startswith(literal) or word.lower.startswith(literal):
                    numbers.append(number)
        for literal, number in self._short:
            if word.lemma.startswith(literal) or word.lower.startswith(literal):
                numbers.append(number)
        return tuple(sorted(set(numbers)) if len(numbers) > 1 else numbers)

    def find(self, words: Sequence[Word]) -> Iterator[tuple[int, int, int]]:
        """(pattern index, first word, one past last word) of every match, leftmost first."""
        for index, word in enumerate(words):
            for number in self._candidates(word):
                end = self.patterns[number].match_at(words, index)
                if end is not None and end > index:
                    yield number, index, end

    def occurs(self, words: Sequence[Word]) -> bool:
        """Whether any pattern matches anywhere in ``words``."""
        return next(self.find(words), None) is not None
