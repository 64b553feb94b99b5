"""A language pack: the data (and the one function) the checks need to read another language.

A pack is a YAML file of rules per check plus an analyser, a function from a lower-cased word
to its lemma and whether it is negated (Latvian "nevaram" -> ("varēt", True)). The YAML format
is documented in the README ("Language packs"); ``load_pack`` validates it and names the key
of any problem, so a plugin's pack fails loudly at start-up, never halfway through a run.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from replylint.checks import disk_cache
from replylint.checks.packs.pattern import Pattern, PatternError, PatternSet, compile_pattern
from replylint.checks.regex_cache import compile_regex

Analyser = Callable[[str], tuple[str, bool]]
SCOPES = ("sentence", "reply")
RULE_KEYS = {"pattern", "patterns", "message", "suggestion", "tags", "min-count"}
MAX_COUNT = 20
PARSED_KIND = "pack"  # disk_cache.remembered_parse: what this loader (_words_loader) makes
CHECK_KEYS = {
    "rules", "from", "unless", "allow", "require", "scope", "message", "suggestion", "greeting",
}  # fmt: skip
PACK_KEYS = {
    "language", "name", "greetings", "sign-offs", "detection", "hunspell", "hunspell-words",
    "languagetool", "checks",
}  # fmt: skip


class PackError(ValueError):
    """A pack file that does not follow the format (the message names the key)."""


def plain(word: str) -> tuple[str, bool]:
    """The analyser of a pack that needs none: every word is its own lemma, never negated."""
    return word, False


@dataclass(frozen=True, slots=True)
class Rule:
    """Patterns that share one message and suggestion ("{match}" quotes the reply's words)."""

    patterns: tuple[Pattern, ...]
    message: str
    suggestion: str | None
    tags: frozenset[str]
    # Matches a reply needs before the rule fires, on the match that reaches it ("a second
    # apology"); 1: every match.
    min_count: int = 1


@dataclass(frozen=True)
class CheckRules:
    """What one check reads in a language.

    ``rules`` fire where they match, unless an ``allow`` pattern covers the match or an
    ``unless`` pattern occurs in the same ``scope``. With ``require``, the check instead fires
    once (``message``) when no ``require`` pattern occurs in the closing sentences and no
    ``unless`` pattern anywhere: a reply that must end with something (a closing question to
    the customer counts as a next step in every language).
    """

    rules: tuple[Rule, ...] = ()
    unless: PatternSet = field(default_factory=lambda: PatternSet(()))
    allow: PatternSet = field(default_factory=lambda: PatternSet(()))
    require: PatternSet = field(default_factory=lambda: PatternSet(()))
    scope: str = "reply"
    message: str | None = None
    suggestion: str | None = None
    # Whether the rules read the greeting too ("Dear valued customer," is a canned opener).
    greeting: bool = False

    def rule_patterns(self) -> tuple[PatternSet, tuple[Rule, ...]]:
        """Every rule's patterns as one set, and for each of them its rule."""
        owners = tuple(rule for rule in self.rules for _pattern in rule.patterns)
        return PatternSet([p for rule in self.rules for p in rule.patterns]), owners


@dataclass(frozen=True)
class LanguagePack:
    """One language: its code (ISO 639-1), name, analyser and per-check rules."""

    code: str
    name: str
    analyse: Analyser = plain
    checks: Mapping[str, CheckRules] = field(default_factory=dict)
    greetings: tuple[str, ...] = ()
    sign_offs: tuple[str, ...] = ()
    # Function words and letters that name the language in a short text (detect.py).
    detection_words: frozenset[str] = frozenset()
    detection_letters: str = ""
    hunspell: str | None = None  # dictionary name, e.g. "lv_LV" (spelling where LT has none)
    # Words the dictionary lacks, each inflected like a model word it has ("pakomāts": "automāts").
    hunspell_words: Mapping[str, str] = field(default_factory=dict)
    languagetool: str | None = None  # LanguageTool's code when it has a module, e.g. "de-DE"
    # The built-in checks' own code reads this language (English): no rules needed.
    native: bool = False
    origin: str = "built-in"
    _compiled: dict[str, tuple[PatternSet, tuple[Rule, ...]]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def compiled(self, check_name: str) -> tuple[PatternSet, tuple[Rule, ...]]:
        """The rule patterns of a check as one indexed set (built once)."""
        if check_name not in self._compiled:
            self._compiled[check_name] = self.checks[check_name].rule_patterns()
        return self._compiled[check_name]


def load_pack(
    source: Path | str, analyse: Analyser = plain, origin: str = "built-in"
) -> LanguagePack:
    """A pack from its YAML file (a path, or the YAML text itself) and its analyser."""
    if isinstance(source, Path):
        where = source.name
        # Remembered in the cache folder while the file is unchanged: PyYAML's import and the
        # parse of lv.yaml cost a Latvian run ~40 ms of CPU, the stored JSON ~0.3 ms. What is
        # read back is validated by _pack like a fresh parse.
        data = disk_cache.remembered_parse(source, PARSED_KIND, lambda: _parse_file(source))
    else:
        where, data = "pack", _parse(source, "pack")
    try:
        return _pack(data, analyse, origin)
    except PackError as error:
        raise PackError(f"{where}: {error}") from None


def _parse_file(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise PackError(f"{path.name}: cannot read: {error}") from None
    return _parse(text, path.name)


def _parse(text: str, where: str) -> Any:
    import yaml  # deferred: a run of English replies never reads a pack (start-up time)

    try:
        return yaml.load(text, Loader=_words_loader(yaml))  # a SafeLoader: no tags run code
    except yaml.YAMLError as error:
        raise PackError(f"{where}: not valid YAML: {error}") from None


def _words_loader(yaml: Any) -> Any:
    """PyYAML's SafeLoader reading YAML 1.1's yes/no/on/off as the words they are: packs list
    words ("on", "no", "ja" …), and "on" must not arrive as True."""

    class WordsLoader(yaml.SafeLoader):  # type: ignore[misc]
        pass

    WordsLoader.yaml_implicit_resolvers = {
        first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:bool"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    WordsLoader.add_implicit_resolver(
        "tag:yaml.org,2002:bool",
        compile_regex(r"^(?:true|True|TRUE|false|False|FALSE)$"),
        list("tTfF"),
    )
    return WordsLoader


def _pack(data: Any, analyse: Analyser, origin: str) -> LanguagePack:
    _mapping(data, "the pack", PACK_KEYS)
    code = data.get("language")
    if not isinstance(code, str) or not code.isalpha() or not 2 <= len(code) <= 3:
        raise PackError("language: expected an ISO 639 code such as 'lv'")
    name = _string(data.get("name"), "name")
    lemma = _lemma_of(analyse)
    raw_checks = data.get("checks") or {}
    _mapping(raw_checks, "checks", None)
    checks = {
        str(check): _check_rules(raw, f"checks.{check}", lemma) for check, raw in raw_checks.items()
    }
    for check, raw in raw_checks.items():  # "from:" borrows another check's tagged rules
        borrowed = raw.get("from") if isinstance(raw, dict) else None
        if borrowed is not None:
            checks[str(check)] = _borrow(checks, str(check), borrowed)
    detection = data.get("detection") or {}
    _mapping(detection, "detection", {"words", "letters"})
    return LanguagePack(
        code=code.lower(),
        name=name,
        analyse=analyse,
        checks=checks,
        greetings=_strings(data.get("greetings"), "greetings"),
        sign_offs=_strings(data.get("sign-offs"), "sign-offs"),
        detection_words=frozenset(
            w.lower() for w in _strings(detection.get("words"), "detection.words")
        ),
        detection_letters=_string(detection.get("letters", ""), "detection.letters", empty=True),
        hunspell=_optional_string(data.get("hunspell"), "hunspell"),
        hunspell_words=_word_models(data.get("hunspell-words"), "hunspell-words"),
        languagetool=_optional_string(data.get("languagetool"), "languagetool"),
        origin=origin,
    )


def _lemma_of(analyse: Analyser) -> Callable[[str], str]:
    """Literals of patterns go through the analyser too: a rule may name any inflected form."""

    def lemma(word: str) -> str:
        return analyse(word.lower())[0]

    return lemma


def _check_rules(raw: Any, where: str, lemma: Callable[[str], str]) -> CheckRules:
    _mapping(raw, where, CHECK_KEYS)
    scope = raw.get("scope", "reply")
    if scope not in SCOPES:
        raise PackError(f"{where}.scope: expected one of {', '.join(SCOPES)}")
    rules = tuple(
        _rule(item, f"{where}.rules[{number}]", lemma)
        for number, item in enumerate(_list(raw.get("rules"), f"{where}.rules"))
    )
    require = _patterns(raw.get("require"), f"{where}.require", lemma)
    message = _optional_string(raw.get("message"), f"{where}.message")
    if require and message is None:
        raise PackError(f"{where}: a check with require: needs a message:")
    if message is not None and not require and raw.get("from") is None:
        raise PackError(f"{where}.message: only for require: or from: (rules carry their own)")
    if not rules and not require and raw.get("from") is None:
        raise PackError(f"{where}: expected rules:, require: or from:")
    return CheckRules(
        rules=rules,
        unless=PatternSet(_patterns(raw.get("unless"), f"{where}.unless", lemma)),
        allow=PatternSet(_patterns(raw.get("allow"), f"{where}.allow", lemma)),
        require=PatternSet(require),
        scope=scope,
        message=message,
        suggestion=_optional_string(raw.get("suggestion"), f"{where}.suggestion"),
        greeting=_flag(raw.get("greeting", False), f"{where}.greeting"),
    )


def _borrow(checks: dict[str, CheckRules], name: str, borrowed: Any) -> CheckRules:
    where = f"checks.{name}.from"
    _mapping(borrowed, where, {"check", "tag"})
    source = borrowed.get("check")
    if source not in checks or source == name:
        raise PackError(f"{where}.check: expected another check of this pack")
    tag = _string(borrowed.get("tag"), f"{where}.tag")
    own = checks[name]
    taken = tuple(rule for rule in checks[source].rules if tag in rule.tags)
    if not taken:
        raise PackError(f"{where}: no rule of {source} is tagged {tag!r}")
    if own.message is not None:  # the borrowing check says in its own words what is wrong
        taken = tuple(
            replace(rule, message=own.message, suggestion=own.suggestion or rule.suggestion)
            for rule in taken
        )
    # The source's allow: patterns come along: what is no refusal there is none here either.
    allow = PatternSet((*own.allow.patterns, *checks[source].allow.patterns))
    return replace(own, rules=(*own.rules, *taken), allow=allow)


def _rule(raw: Any, where: str, lemma: Callable[[str], str]) -> Rule:
    _mapping(raw, where, RULE_KEYS)
    if ("pattern" in raw) == ("patterns" in raw):
        raise PackError(f"{where}: expected pattern: or patterns: (one of them)")
    sources = [raw["pattern"]] if "pattern" in raw else _list(raw["patterns"], f"{where}.patterns")
    return Rule(
        patterns=_patterns(sources, where, lemma),
        message=_string(raw.get("message"), f"{where}.message"),
        suggestion=_optional_string(raw.get("suggestion"), f"{where}.suggestion"),
        tags=frozenset(_strings(raw.get("tags"), f"{where}.tags")),
        min_count=_count(raw.get("min-count", 1), f"{where}.min-count"),
    )


def _patterns(raw: Any, where: str, lemma: Callable[[str], str]) -> tuple[Pattern, ...]:
    compiled = []
    for number, source in enumerate(_list(raw, where)):
        if not isinstance(source, str):
            raise PackError(f"{where}[{number}]: expected a pattern string")
        try:
            compiled.append(compile_pattern(source, lemma))
        except PatternError as error:
            raise PackError(f"{where}[{number}]: {source!r}: {error}") from None
    return tuple(compiled)


def _count(raw: Any, where: str) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int) or not 1 <= raw <= MAX_COUNT:
        raise PackError(f"{where}: expected a whole number from 1 to {MAX_COUNT}")
    return raw


def _flag(raw: Any, where: str) -> bool:
    if not isinstance(raw, bool):
        raise PackError(f"{where}: expected true or false")
    return raw


def _word_models(raw: Any, where: str) -> dict[str, str]:
    if raw is None:
        return {}
    _mapping(raw, where, None)
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in raw.items()):
        raise PackError(f"{where}: expected word: model-word pairs")
    return dict(raw)


def _mapping(raw: Any, where: str, keys: set[str] | None) -> None:
    if not isinstance(raw, dict):
        raise PackError(f"{where}: expected a mapping")
    if keys is not None:
        unknown = sorted(str(key) for key in raw if key not in keys)
        if unknown:
            raise PackError(f"{where}: unknown key {unknown[0]!r}")


def _list(raw: Any, where: str) -> list[Any]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise PackError(f"{where}: expected a list")
    return raw


def _strings(raw: Any, where: str) -> tuple[str, ...]:
    items = _list(raw, where)
    if not all(isinstance(item, str) and item.strip() for item in items):
        raise PackError(f"{where}: expected a list of strings")
    return tuple(items)


def _string(raw: Any, where: str, empty: bool = False) -> str:
    if not isinstance(raw, str) or (not empty and not raw.strip()):
        raise PackError(f"{where}: expected a string")
    return raw


def _optional_string(raw: Any, where: str) -> str | None:
    return None if raw is None else _string(raw, where)
