"""Phrase lexicons: YAML data compiled once into a single alternation per check.

A lexicon file (``checks/lexicons/<name>.yaml``) holds ``allow`` (phrases that contain a
trigger but must never be flagged: "no problem") and ``entries``, each with ``phrases`` (plain
text) or ``patterns`` (regular expressions), a ``message``, a ``suggestion``, ``why``, optional
``unless`` (a regex; a sentence matching it is left alone), ``where: first-sentence``, ``tags``,
optional ``fix`` (what ``--fix`` writes instead, see FixRule) and realistic ``fail`` / ``pass``
example replies that the test-suite runs.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Literal

from replylint.checks import disk_cache, prefilter
from replylint.checks.anchors import Anchor, cached_anchors, save_anchors
from replylint.checks.lazy_regex import lazy_compile
from replylint.checks.model import Fix, Hit, Option
from replylint.checks.regex_cache import compile_regex
from replylint.checks.reply.parsed import Reply, Sentence

ENTRY_KEYS = frozenset(
    {
        "id",
        "phrases",
        "patterns",
        "message",
        "suggestion",
        "why",
        "unless",
        "where",
        "tags",
        "case-sensitive",
        "fix",
        "fail",
        "pass",
    }
)
LEXICON_FOLDER = Path(__file__).parent / "builtin" / "lexicons"
APOSTROPHE = compile_regex("['’]")
WHERE = frozenset({"anywhere", "first-sentence"})
FIX_KEYS = frozenset({"text", "sub", "match", "after", "before", "safe"})
# Replies a lexicon serves before it builds its RE2 prefilter (some 3 ms a lexicon to compile,
# about 10 µs a reply saved): a pre-commit hook on one file never pays for it.
PREFILTER_AFTER = 16


class LexiconError(ValueError):
    """A lexicon (built-in, or added through config) that cannot be compiled."""


@dataclass(frozen=True, slots=True)
class FixRule:
    """One way to rewrite an entry's match; an entry's first rule that applies wins.

    In YAML, ``fix: before`` is one safe rule; a list of mappings gives several: ``text`` (the
    replacement, its first letter cased like the match) or ``sub`` (``[regex, replacement]``
    applied to the matched words), ``match`` (only for these matched words, lower case),
    ``after`` (only when this regex matches right after the match), ``before`` (only when
    this regex matches the text before it, up to the match: add ``$``), ``safe`` (default true).
    """

    text: str | None = None
    sub: tuple[str, str] | None = None
    match: str | None = None
    after: str | None = None
    before: str | None = None
    safe: bool = True


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon entry: what to look for, what to say, what to suggest."""

    id: str
    patterns: tuple[str, ...]
    message: str
    suggestion: str | None = None
    why: str | None = None
    unless: re.Pattern[str] | None = None
    where: str = "anywhere"
    tags: frozenset[str] = frozenset()
    case_sensitive: bool = False
    fail: tuple[str, ...] = ()
    passes: tuple[str, ...] = ()
    fixes: tuple[FixRule, ...] = ()


@dataclass(frozen=True, slots=True)
class Match:
    """An entry found in a reply, with the sentence it stands in."""

    entry: Entry
    start: int
    end: int
    sentence: Sentence | None


@dataclass(frozen=True, slots=True)
class Branch:
    """One alternative of a lexicon's regex: its named group, source and anchor."""

    group: str
    entry: Entry
    source: str  # "(?P<group>pattern)", its part of the alternation
    plain: str  # the pattern alone, without the group
    bounded: bool  # starts at a word boundary (lets the alternation lead with one \b)
    anchor: Anchor | None  # the most selective literal it needs (indexes the branch)
    others: tuple[Anchor, ...] = ()  # every other literal it needs
    start: Anchor | None = None  # the words one of which begins every match (see anchors.py)
    # The anchors still to test once the branch is a candidate (all but the one it is indexed
    # by), cheapest first: a token lookup rules most branches out before any substring search.
    tests: tuple[Anchor, ...] = ()


class _Prefilter:
    """A lexicon's RE2 prefilter (prefilter.py), built once it has served PREFILTER_AFTER
    replies; False where RE2 is missing."""

    __slots__ = ("branches", "served")

    def __init__(self) -> None:
        self.served = 0
        self.branches: prefilter.BranchSet | Literal[False] | None = None


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The entries of one lexicon, indexed by anchor; each branch compiled on first need."""

    name: str
    entries: tuple[Entry, ...]
    allow: tuple[str, ...]
    branches: tuple[Branch, ...] = ()
    word_index: Mapping[str, tuple[int, ...]] = field(default_factory=dict)  # token -> branches
    indexed_words: frozenset[str] = frozenset()  # the keys of word_index, as a set
    other_branches: tuple[int, ...] = ()  # branches with a substring anchor or none
    _compiled: dict[int, re.Pattern[str]] = field(default_factory=dict, compare=False)
    _allow: list[re.Pattern[str]] = field(default_factory=list, compare=False)
    _prefilter: _Prefilter = field(default_factory=lambda: _Prefilter(), compare=False)

    def full_regex(self) -> re.Pattern[str] | None:
        """The whole alternation in one regex: what a scan must be equivalent to (tests)."""
        if not self.branches:
            return None
        bounded = all(branch.bounded for branch in self.branches)
        return _alternation([branch.source for branch in self.branches], bounded)

    def find(self, reply: Reply) -> Iterator[Match]:
        """Every entry occurrence in the reply's masked text that no exception covers."""
        text = reply.masked
        allowed: list[tuple[int, int]] | None = None
        # One search of an entry's `unless` per sentence, not per match: a sentence repeating
        # a phrase thousands of times was searched whole for each (quadratic; issue 15 item 6).
        unless_in: dict[tuple[int, int], bool] = {}
        for branch, start, end in self.scan(reply):
            if allowed is None:  # the allow-list is only read when something matched
                allowed = (
                    [m.span() for m in self._allow_regex().finditer(text)] if (self.allow) else []
                )
            if any(s < end and start < e for s, e in allowed):
                continue
            entry = branch.entry
            sentence = reply.sentence_at(start)
            if entry.unless is not None and sentence:
                key = (id(entry.unless), sentence.index)
                if key not in unless_in:
                    unless_in[key] = entry.unless.search(sentence.text) is not None
                if unless_in[key]:
                    continue
            if entry.where == "first-sentence" and not _is_first_content(reply, sentence):
                continue
            yield Match(entry, start, end, sentence)

    def scan(self, reply: Reply) -> Iterator[tuple[Branch, int, int]]:
        """Matches of the lexicon's alternation, left to right, as one regex scan gives them.

        Python's ``re`` would try every branch at every character. Instead, only branches whose
        anchor the reply holds are used (a token lookup); their own regexes give the possible
        starts, and at each start the first branch in alternation order that matches wins.
        """
        chosen = sorted(self._candidates(reply))
        if not chosen:
            return
        text = reply.masked
        compiled = [(number, self._branch(number)) for number in chosen]
        starts = sorted(
            {start for number, regex in compiled for start in self._starts(number, regex, reply)}
        )
        position = 0
        for start in starts:
            if start < position:
                continue
            for number, regex in compiled:
                match = regex.match(text, start)
                if match is not None:
                    yield self.branches[number], start, match.end()
                    position = max(match.end(), start + 1)
                    break

    def _starts(self, number: int, regex: re.Pattern[str], reply: Reply) -> list[int]:
        """Where ``regex.finditer(reply.masked)`` finds the branch's matches.

        A branch that begins with known words is tried only where one of them starts a word,
        not at every character (about 10 µs a branch and reply).
        """
        start = self.branches[number].start
        if start is None or not reply.lowered_is_exact:
            return [m.start() for m in regex.finditer(reply.masked)]
        if not start.present(reply.lowered, reply.tokens):
            return []
        return _finditer_starts(regex, reply.masked, start.word_starts(reply.token_starts))

    def _candidates(self, reply: Reply) -> Collection[int]:
        """Branches that may match: those the RE2 prefilter finds, or (without it) those whose
        anchors the reply holds. Any superset of the branches that match gives the same scan."""
        state = self._prefilter
        if state.branches is None and state.served < PREFILTER_AFTER:
            state.served += 1
        elif reply.lowered_is_exact:  # else re's case folding differs from str.lower()
            if state.branches is None:
                state.branches = prefilter.branch_set([branch.plain for branch in self.branches])
            if state.branches is not False:
                return state.branches.matching(prefilter.prepared(reply.lowered))
        return self._anchored_candidates(reply)

    def _anchored_candidates(self, reply: Reply) -> set[int]:
        """Branches whose anchors the reply holds: indexed by token, else tested one by one."""
        chosen: set[int] = set(self.other_branches)
        index = self.word_index
        for token in reply.tokens & self.indexed_words:  # set & set: the smaller one is walked
            chosen.update(index[token])
        lowered, tokens = reply.lowered, reply.tokens
        branches = self.branches
        held: set[int] = set()
        # A branch needs all of its literals, not only the one it is indexed by. (Plain loops:
        # all() over a generator costs more than the token lookups it would run.)
        for number in chosen:
            for anchor in branches[number].tests:
                if not anchor.present(lowered, tokens):
                    break
            else:
                held.add(number)
        return held

    def _branch(self, number: int) -> re.Pattern[str]:
        compiled = self._compiled.get(number)
        if compiled is None:
            compiled = compile_regex(self.branches[number].plain, re.IGNORECASE)
            self._compiled[number] = compiled
        return compiled

    def _allow_regex(self) -> re.Pattern[str]:
        if not self._allow:
            self._allow.append(_alternation([phrase_pattern(p) for p in self.allow], True))
        return self._allow[0]


def anchored_finditer(
    regex: re.Pattern[str], reply: Reply, pos: int = 0
) -> Iterator[re.Match[str]]:
    """``regex.finditer(reply.masked, pos)`` for a big regex of a check, with the lexicons'
    shortcuts.

    A reply that lacks one of the regex's anchors (literals every match holds) has no match,
    and a regex that begins with known words is only tried where one of them starts a word.
    """
    text = reply.masked
    anchors, start = _anchors_and_start(regex.pattern)
    if not reply.lowered_is_exact:  # 'ı', 'ſ', 'İ': the plain scan
        yield from regex.finditer(text, pos)
        return
    if not all(anchor.present(reply.lowered, reply.tokens) for anchor in anchors):
        return
    if start is None:
        yield from regex.finditer(text, pos)
        return
    resume = pos
    for position in start.word_starts(reply.token_starts):
        if position >= resume and (match := regex.match(text, position)) is not None:
            yield match
            resume = max(match.end(), position + 1)


@cache
def _anchors_and_start(pattern: str) -> tuple[tuple[Anchor, ...], Anchor | None]:
    # Only ASCII anchors: that is where lower() and re's case folding are known to agree.
    anchors = tuple(a for a in cached_anchors(pattern) if all(o.isascii() for o in a.options))
    start = Anchor.at_start(pattern)
    save_anchors()  # parsed once, then read from the anchors cache
    return anchors, start


def _finditer_starts(regex: re.Pattern[str], text: str, candidates: list[int]) -> list[int]:
    """The starts of ``regex.finditer(text)``, when every match begins at one of ``candidates``
    (ascending): each is tried as finditer would, skipping those inside the previous match."""
    starts = []
    resume = 0
    for position in candidates:
        if position < resume:
            continue
        match = regex.match(text, position)
        if match is not None:
            starts.append(position)
            resume = max(match.end(), position + 1)
    return starts


def _is_first_content(reply: Reply, sentence: Sentence | None) -> bool:
    content = reply.content
    return sentence is not None and bool(content) and sentence.index == content[0].index


def phrase_pattern(phrase: str) -> str:
    """A plain phrase as a regex: word boundaries, flexible spaces, either apostrophe."""
    words = [APOSTROPHE.sub("['’]", re.escape(word)) for word in phrase.split()]
    body = r"\s+".join(words)
    head = r"\b" if phrase[:1].isalnum() else ""
    tail = r"\b" if phrase[-1:].isalnum() else ""
    return head + body + tail


def compile_lexicon(
    name: str, raw: Mapping[str, Any], extra: Sequence[Any] = (), extra_allow: Sequence[str] = ()
) -> Lexicon:
    """Build a Lexicon from parsed YAML plus entries and allowed phrases added by config."""
    # Packaged entries are checked by the test-suite; compiling them here would only slow
    # every start-up. Entries from a config are checked as they load.
    entries = [_entry(name, item, checked=False) for item in raw.get("entries", [])]
    entries += [_entry(f"{name} (config add)", _user_entry(item)) for item in extra]
    allow = tuple(str(p) for p in raw.get("allow", [])) + tuple(extra_allow)
    alternatives: list[tuple[int, str, Entry]] = []
    for entry in entries:
        for pattern in entry.patterns:
            alternatives.append((len(pattern), pattern, entry))
    # Longest first, so that "not able to" wins over "not able" at the same position.
    alternatives.sort(key=lambda item: -item[0])
    branches = []
    for number, (_size, pattern, entry) in enumerate(alternatives):
        group = f"e{number}"
        scoped = pattern if not entry.case_sensitive else f"(?-i:{pattern})"
        anchor, others = _split(cached_anchors(pattern))
        branches.append(
            Branch(
                group,
                entry,
                f"(?P<{group}>{scoped})",
                scoped,
                pattern.startswith(r"\b"),
                anchor,
                others,
                Anchor.at_start(pattern),
                _tests(anchor, others),
            )
        )
    save_anchors()
    word_index: dict[str, list[int]] = {}
    for number, branch in enumerate(branches):
        if branch.anchor is not None and branch.anchor.words:
            for option in branch.anchor.options:
                word_index.setdefault(option, []).append(number)
    other = tuple(n for n, b in enumerate(branches) if b.anchor is None or not b.anchor.words)
    return Lexicon(
        name,
        tuple(entries),
        allow,
        tuple(branches),
        {word: tuple(numbers) for word, numbers in word_index.items()},
        frozenset(word_index),
        other,
    )


def _alternation(parts: list[str], bounded: bool) -> re.Pattern[str]:
    """One case-insensitive regex trying ``parts`` in order."""
    body = "|".join(parts)
    # re tries every alternative at every position; when all of them start at a word boundary,
    # one leading \b skips the positions inside words first (about three times faster).
    if bounded:
        body = rf"\b(?:{body})"
    return compile_regex(body, re.IGNORECASE)


def _split(anchors: tuple[Anchor, ...]) -> tuple[Anchor | None, tuple[Anchor, ...]]:
    return (anchors[0], anchors[1:]) if anchors else (None, ())


def _tests(anchor: Anchor | None, others: tuple[Anchor, ...]) -> tuple[Anchor, ...]:
    """What a candidate branch must still hold, cheapest test first.

    A branch indexed by a word needs only its other anchors; one with a substring anchor needs
    that one too. Token lookups go first, then substring tests with the fewest options.
    """
    indexed = anchor is not None and anchor.words
    required = others if indexed or anchor is None else (anchor, *others)
    return tuple(sorted(required, key=_test_cost))


def _test_cost(anchor: Anchor) -> tuple[bool, int]:
    return (not anchor.words, 0 if anchor.words else len(anchor.options))


def _check_pattern(label: str, pattern: str) -> None:
    try:
        compiled = compile_regex(pattern, re.IGNORECASE)
    except re.error as error:
        raise LexiconError(f"{label}: invalid regex {pattern!r}: {error}") from None
    if compiled.groups:
        raise LexiconError(f"{label}: use (?:…) instead of capturing groups in {pattern!r}")


# The type each key of an entry takes ("texts": a list of strings); ``fix`` checks its own.
ENTRY_TYPES = {  # "id" is any scalar: it is only shown, as text
    "phrases": "texts",
    "patterns": "texts",
    "message": "text",
    "suggestion": "text",
    "why": "text",
    "unless": "text",
    "where": "text",
    "tags": "texts",
    "case-sensitive": "bool",
    "fail": "texts",
    "pass": "texts",
}


def entry_type_problem(item: Mapping[str, Any]) -> str | None:
    """What is of the wrong type in an entry mapping ("patterns: expected a list of texts"),
    or None; unknown keys are another message's business."""
    for key, kind in ENTRY_TYPES.items():
        if key not in item or (item[key] is None and key in ("suggestion", "why", "unless")):
            continue
        value = item[key]
        if kind == "text" and not isinstance(value, str):
            return f"{key}: expected a text, got {type(value).__name__}"
        if kind == "bool" and not isinstance(value, bool):
            return f"{key}: expected true or false, got {type(value).__name__}"
        if kind == "texts" and not (
            isinstance(value, list | tuple) and all(isinstance(v, str) for v in value)
        ):
            return f"{key}: expected a list of texts"
    return None


def _check_types(label: str, item: Mapping[str, Any]) -> None:
    problem = entry_type_problem(item)
    if problem is not None:
        raise LexiconError(f"{label}: {problem}")


def _user_entry(item: Any) -> Mapping[str, Any]:
    if isinstance(item, str):
        return {"id": item, "phrases": [item], "message": f"'{item}' is on the team's list"}
    mapping: Mapping[str, Any] = item
    return mapping


def _entry(source: str, item: Mapping[str, Any], checked: bool = True) -> Entry:
    unknown = set(item) - ENTRY_KEYS
    label = f"{source}: entry {item.get('id', '?')!r}"
    if unknown:
        raise LexiconError(f"{label}: unknown key(s) {', '.join(sorted(unknown))}")
    if "message" not in item:
        raise LexiconError(f"{label}: 'message' is required")
    if checked:  # a team's config: any YAML value may stand where a text or a list belongs
        _check_types(label, item)
    patterns = [phrase_pattern(str(p)) for p in item.get("phrases", [])]
    for pattern in item.get("patterns", []):
        if checked:
            _check_pattern(label, pattern)
        patterns.append(pattern)
    if not patterns:
        raise LexiconError(f"{label}: needs 'phrases' or 'patterns'")
    where = item.get("where", "anywhere")
    if where not in WHERE:
        raise LexiconError(f"{label}: where must be one of {', '.join(sorted(WHERE))}")
    unless = None
    if item.get("unless"):
        # Packaged exceptions are compiled when first needed (the tests compile them all).
        compile_unless = re.compile if checked else lazy_compile
        try:
            unless = compile_unless(item["unless"], re.IGNORECASE)
        except re.error as error:
            raise LexiconError(f"{label}: invalid 'unless' regex: {error}") from None
    return Entry(
        id=str(item.get("id") or item.get("phrases", ["?"])[0]),
        patterns=tuple(patterns),
        message=str(item["message"]),
        suggestion=item.get("suggestion"),
        why=item.get("why"),
        unless=unless,
        where=where,
        tags=frozenset(item.get("tags", ())),
        case_sensitive=bool(item.get("case-sensitive", False)),
        fail=tuple(item.get("fail", ())),
        passes=tuple(item.get("pass", ())),
        fixes=_fix_rules(label, item.get("fix")),
    )


def _fix_rules(label: str, raw: Any) -> tuple[FixRule, ...]:
    """The ``fix`` key of an entry: a replacement text, or a list of rule mappings."""
    if raw is None:
        return ()
    items = [{"text": raw}] if isinstance(raw, str) else raw
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise LexiconError(f"{label}: fix must be a text or a list of mappings")
    rules = []
    for item in items:
        unknown = set(item) - FIX_KEYS
        if unknown:
            raise LexiconError(f"{label}: unknown fix key(s) {', '.join(sorted(unknown))}")
        sub = item.get("sub")
        if ("text" in item) == (sub is not None):
            raise LexiconError(f"{label}: a fix needs exactly one of 'text' and 'sub'")
        if sub is not None and not (
            isinstance(sub, list) and len(sub) == 2 and all(isinstance(p, str) for p in sub)
        ):
            raise LexiconError(f"{label}: fix 'sub' must be [regex, replacement]")
        for pattern in [*(sub[:1] if sub else []), item.get("after"), item.get("before")]:
            if pattern is not None:
                _check_pattern(label, pattern)
        rules.append(
            FixRule(
                text=str(item["text"]) if "text" in item else None,
                sub=(sub[0], sub[1]) if sub else None,
                match=str(item["match"]).lower() if "match" in item else None,
                after=item.get("after"),
                before=item.get("before"),
                safe=bool(item.get("safe", True)),
            )
        )
    return tuple(rules)


def entry_fix(reply: Reply, match: Match) -> Fix | None:
    """The rewrite of a match by its entry's first fix rule that applies, if any."""
    if not match.entry.fixes:
        return None
    matched = reply.text[match.start : match.end]
    words = " ".join(APOSTROPHE.sub("'", matched).lower().split())
    for rule in match.entry.fixes:
        if rule.match is not None and rule.match != words:
            continue
        if rule.after is not None and not _regex(rule.after).match(reply.masked, match.end):
            continue
        if rule.before is not None and not _regex(rule.before).search(
            reply.masked, max(match.start - 80, 0), match.start
        ):
            continue
        if rule.sub is not None:
            replacement = _regex(rule.sub[0]).sub(rule.sub[1], matched, count=1)
        else:
            replacement = rule.text or ""
        return Fix(cased_like(matched, replacement), rule.safe)
    return None


@lru_cache(maxsize=256)
def _regex(pattern: str) -> re.Pattern[str]:
    return compile_regex(pattern, re.IGNORECASE)


def cased_like(original: str, replacement: str) -> str:
    """``replacement`` in the case of ``original``: "Kindly" → "Please", "KINDLY" → "PLEASE".

    Capitals shorter than four letters are an abbreviation, not shouting: "BTW" → "By the way".
    """
    if not original or not replacement:
        return replacement
    if len(original) >= 4 and original.isupper():
        return replacement.upper()
    if original[0].isupper() and replacement[0].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement


@cache
def read_lexicon_data(name: str) -> Mapping[str, Any]:
    """The parsed YAML of a packaged lexicon (once a run; parsed again only when it changes)."""
    path = LEXICON_FOLDER / f"{name}.yaml"
    data = disk_cache.remembered_parse(path, "lexicon", lambda: _parse_yaml(path))
    if not isinstance(data, dict):
        raise LexiconError(f"lexicon {name}: expected a mapping at the top")
    return data


@lru_cache(maxsize=64)
def load_lexicon(
    name: str, extra: tuple[Any, ...] = (), extra_allow: tuple[str, ...] = ()
) -> Lexicon:
    """A packaged lexicon compiled with config additions; cached so each run compiles it once."""
    return compile_lexicon(name, read_lexicon_data(name), [_thaw(e) for e in extra], extra_allow)


def _parse_yaml(path: Path) -> Any:
    import yaml  # deferred: most runs read the lexicons from the parse cache

    # The C loader is several times faster; fall back where libyaml is missing.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


def lexicon_for(name: str, options: Mapping[str, Any]) -> Lexicon:
    """The lexicon ``name`` with the ``add`` and ``allow`` options of a check applied."""
    add, allow = options.get("add"), options.get("allow")
    if not add and not allow:  # the common case, asked about six times a reply: no freezing
        return load_lexicon(name, (), ())
    return load_lexicon(name, tuple(_freeze(e) for e in add or ()), tuple(allow or ()))


def _freeze(value: Any) -> Any:
    if isinstance(value, Mapping):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return tuple(_freeze(v) for v in value)
    return value


def _thaw(value: Any) -> Any:
    if (
        isinstance(value, tuple)
        and value
        and all(isinstance(p, tuple) and len(p) == 2 and isinstance(p[0], str) for p in value)
    ):
        return {k: _thaw(v) for k, v in value}
    return value


def lexicon_options() -> dict[str, Option]:
    """The options every lexicon check has: phrases to add, phrases never to flag."""
    return {
        "add": Option(
            list, [], "extra entries: a phrase, or {phrases|patterns, message, suggestion}"
        ),
        "allow": Option(list, [], "phrases never flagged by this check (exceptions)"),
    }


def lexicon_hits(name: str, reply: Reply, options: Mapping[str, Any]) -> Iterator[Hit]:
    """Plain hits for every match of lexicon ``name``: its message and suggestion."""
    for match in lexicon_for(name, options).find(reply):
        yield Hit(
            match.start,
            match.end,
            render(match.entry.message, reply, match),
            match.entry.suggestion,
            fix=entry_fix(reply, match),
        )


def render(message: str, reply: Reply, match: Match) -> str:
    """The entry's message with ``{text}`` replaced by the matched words."""
    return (
        message.replace("{text}", reply.text[match.start : match.end])
        if "{" in message
        else message
    )
