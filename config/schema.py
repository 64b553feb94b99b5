"""Strict validation of config layers and their merge into one frozen Config."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, NoReturn

from replylint.checks import Check, Kind, Option, Registry, Severity
from replylint.checks.lexicon import LexiconError, compile_lexicon, entry_type_problem
from replylint.checks.packs.registry import codes as pack_codes
from replylint.config.load import ConfigError, RawConfig

ON_OFF = {
    "on": True,
    "enable": True,
    "enabled": True,
    "off": False,
    "disable": False,
    "disabled": False,
}
CHECK_KEYS = ("enabled", "severity", "exclude")
# The checks that share one LanguageTool request; `languagetool:` sets their options at once.
LANGUAGETOOL_CHECKS = ("spelling", "grammar", "style")
OVERRIDE_KEYS = ("files", "kind", "language", "select", "ignore", "checks")
# The most a config may set max-file-size to (4x the default): each input is read whole, and
# a macro library is parsed whole, so this bounds what one file of a pull request can cost.
MAX_FILE_SIZE_CEILING = 20_000_000


@dataclass(frozen=True, slots=True)
class Layer:
    """One validated config source: top-level settings and per-check settings by code."""

    settings: Mapping[str, Any]
    checks: Mapping[str, Mapping[str, Any]]
    overrides: tuple[Override, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict)  # keys owned by input formats


@dataclass(frozen=True, slots=True)
class Override:
    """Settings for the files matching ``files`` (globs relative to the config's folder)."""

    files: tuple[str, ...]
    kind: Kind | None
    select: tuple[str, ...] | None
    ignore: tuple[str, ...]
    checks: Mapping[str, Mapping[str, Any]]
    language: str | None = None  # a pack's code, "auto", or None (not set here)


class _Invalid(Exception):
    """One problem found (recorded already); validation goes on with the next key."""


class Validator:
    """Validates raw config data against the registry's checks, naming file, line and key.

    Every problem of a config is reported at once, in line order (issue 15 item 19: six typos
    took six runs): ``_fail`` records the problem and abandons only the value at hand.
    """

    def __init__(self, registry: Registry, extensions: Mapping[str, Callable[[Any], Any]]):
        self.registry = registry
        self._problems: list[tuple[int, int, str]] = []  # (line, order found, message)
        # Top-level keys owned by other parts (input formats): name -> parser raising ValueError.
        self.extensions = extensions
        self.top_level: dict[str, Callable[[RawConfig, tuple[str, ...], Any], Any]] = {
            "extends": lambda raw, key, value: value,
            "fail-on": self._severity,
            "fail-under": self._score,
            "kind": self._kind,
            "language": self._language,
            "exclude": self._strings,
            "max-file-size": self._file_size,
            "pedantic": self._bool,
            "select": self._selectors,
            "ignore": self._selectors,
            "checks": lambda raw, key, value: value,  # validated in layer()
            "overrides": lambda raw, key, value: value,  # validated in layer()
            "languagetool": lambda raw, key, value: value,  # validated in layer()
        }

    def layer(self, raw: RawConfig) -> Layer:
        """Validate one config source into a Layer (ConfigError with every problem found)."""
        self._problems = []
        settings: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        known = [*self.top_level, *self.extensions]
        for key, value in raw.data.items():
            path = (str(key),)
            try:
                if key in self.top_level:
                    settings[key] = self.top_level[key](raw, path, value)
                elif key in self.extensions:
                    extra[key] = self._extension(raw, path, value)
                else:
                    self._fail(raw, path, f"unknown key{_did_you_mean(str(key), known)}")
            except _Invalid:
                pass
        checks = self._guarded({}, self._shared_options, raw, "languagetool", LANGUAGETOOL_CHECKS)
        own = self._guarded({}, self._checks, raw, ("checks",), raw.data.get("checks") or {})
        for code, check_settings in own.items():
            checks[code] = merge_check_settings(checks.get(code, {}), check_settings)
        overrides = self._guarded(
            (), self._overrides, raw, ("overrides",), raw.data.get("overrides") or []
        )
        if self._problems:
            # languagetool: is validated once per check it sets: say each problem once.
            problems = list(dict.fromkeys(message for _l, _o, message in sorted(self._problems)))
            self._problems = []
            raise ConfigError("\n".join(problems), problems)
        for key in ("checks", "overrides", "languagetool"):
            settings.pop(key, None)
        return Layer(settings, checks, overrides, extra)

    def _guarded(self, default: Any, validate: Callable[..., Any], *args: Any) -> Any:
        """``validate(*args)``, or ``default`` when it found a problem (recorded already)."""
        try:
            return validate(*args)
        except _Invalid:
            return default

    # -- per-check settings --------------------------------------------------------------
    def _shared_options(self, raw: RawConfig, key: str, names: tuple[str, ...]) -> dict[str, Any]:
        """A top-level section whose options apply to several checks (``languagetool:``)."""
        value = raw.data.get(key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self._fail(raw, (key,), "expected a mapping of options")
        for option in value:
            if option in CHECK_KEYS:
                self._fail(raw, (key, option), f"set {option} per check under checks:")
        result: dict[str, Any] = {}
        for name in names:
            check = self.registry.find(name)
            if check is not None:
                settings = self._check_settings(raw, (key,), check, value)
                result[check.code] = {"options": settings.get("options", {})}
        return result

    def _checks(self, raw: RawConfig, path: tuple[str, ...], value: Any) -> dict[str, Any]:
        if not isinstance(value, dict):
            self._fail(raw, path, "expected a mapping of check names to settings")
        result: dict[str, dict[str, Any]] = {}
        for name, settings in value.items():
            check = self.registry.find(str(name))
            if check is None:
                hint = _did_you_mean(str(name), self.registry.identifiers())
                self._guarded(None, self._fail, raw, (*path, str(name)), f"unknown check{hint}")
                continue
            checked = self._guarded(
                None, self._check_settings, raw, (*path, str(name)), check, settings
            )
            if checked is not None:
                result[check.code] = checked
        return result

    def _check_settings(
        self, raw: RawConfig, path: tuple[str, ...], check: Check, value: Any
    ) -> dict[str, Any]:
        if isinstance(value, bool):
            return {"enabled": value}
        if isinstance(value, str) and value.lower() in ON_OFF:
            return {"enabled": ON_OFF[value.lower()]}
        if not isinstance(value, dict):
            hint = _did_you_mean(value.lower(), ON_OFF) if isinstance(value, str) else ""
            self._fail(raw, path, f"expected true/false or a mapping of settings{hint}")
        result: dict[str, Any] = {}
        options: dict[str, Any] = {}
        for key, item in value.items():
            try:
                self._check_setting(raw, (*path, str(key)), check, key, item, result, options)
            except _Invalid:
                continue
        if "add" in options or "allow" in options:
            self._guarded(None, self._lexicon_additions, raw, path, options)
        if options:
            result["options"] = options
        return result

    def _check_setting(
        self,
        raw: RawConfig,
        key_path: tuple[str, ...],
        check: Check,
        key: Any,
        item: Any,
        result: dict[str, Any],
        options: dict[str, Any],
    ) -> None:
        """Validate one key of a check's settings into ``result`` or ``options``."""
        if key == "enabled":
            result["enabled"] = self._bool(raw, key_path, item)
        elif key == "severity":
            result["severity"] = self._severity(raw, key_path, item)
        elif key == "exclude":
            result["exclude"] = self._strings(raw, key_path, item)
        elif key in check.options:
            options[key] = self._option(raw, key_path, check.options[key], item)
        else:
            known = [*CHECK_KEYS, *check.options]
            self._fail(
                raw, key_path, f"unknown option of {check.name}{_did_you_mean(str(key), known)}"
            )

    def _option(self, raw: RawConfig, path: tuple[str, ...], option: Option, value: Any) -> Any:
        types = option.type if isinstance(option.type, tuple) else (option.type,)
        if float in types and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        wrong_bool = isinstance(value, bool) and bool not in types
        if wrong_bool or not isinstance(value, types):
            self._fail(raw, path, f"expected {option.type_name()}, got {_type_of(value)}")
        if option.choices and value not in option.choices:
            allowed = ", ".join(map(str, option.choices))
            hint = _did_you_mean(value, map(str, option.choices)) if isinstance(value, str) else ""
            self._fail(raw, path, f"expected one of {allowed}, got {value!r}{hint}")
        if option.minimum is not None and isinstance(value, int | float) and value < option.minimum:
            self._fail(raw, path, f"must be at least {option.minimum}, got {value!r}")
        problem = option.validate(value) if option.validate is not None else None
        if problem is not None:
            self._fail(raw, path, problem)
        return value

    def _lexicon_additions(
        self, raw: RawConfig, path: tuple[str, ...], options: Mapping[str, Any]
    ) -> None:
        for index, phrase in enumerate(options.get("allow", [])):
            if not isinstance(phrase, str):  # the check splits each phrase into words
                self._fail(
                    raw, (*path, "allow", str(index)), f"expected a phrase, got {_type_of(phrase)}"
                )
        for index, entry in enumerate(options.get("add", [])):
            if not isinstance(entry, str | dict):
                self._fail(raw, (*path, "add", str(index)), "expected a phrase or a mapping")
            if isinstance(entry, dict):
                problem = entry_type_problem(entry)
                if problem is not None:
                    self._fail(raw, (*path, "add", str(index)), problem)
                unless = [entry["unless"]] if entry.get("unless") else []
                for pattern in [*(entry.get("patterns", []) or []), *unless]:
                    problem = risky_pattern(str(pattern))
                    if problem:
                        self._fail(raw, (*path, "add", str(index)), problem)
        try:
            compile_lexicon(
                "config",
                {},
                list(options.get("add", [])),
                [str(p) for p in options.get("allow", [])],
            )
        except LexiconError as error:
            self._fail(raw, (*path, "add"), str(error).replace("config (config add): ", ""))

    # -- overrides -----------------------------------------------------------------------
    def _overrides(self, raw: RawConfig, path: tuple[str, ...], value: Any) -> tuple[Override, ...]:
        if not isinstance(value, list):
            self._fail(
                raw, path, "expected a list of {files, kind, language, select, ignore, checks}"
            )
        result = []
        for index, item in enumerate(value):
            override = self._guarded(None, self._override, raw, (*path, str(index)), item)
            if override is not None:
                result.append(override)
        return tuple(result)

    def _override(self, raw: RawConfig, item_path: tuple[str, ...], item: Any) -> Override:
        if not isinstance(item, dict):
            self._fail(raw, item_path, "expected a mapping")
        for key in item:
            if key not in OVERRIDE_KEYS:
                hint = _did_you_mean(str(key), OVERRIDE_KEYS)
                self._guarded(None, self._fail, raw, (*item_path, str(key)), f"unknown key{hint}")
        if "files" not in item:
            self._guarded(
                None, self._fail, raw, item_path, "an override needs 'files' (a list of globs)"
            )
        known = len(self._problems)
        files = self._guarded([], self._strings, raw, (*item_path, "files"), item.get("files", []))
        kind = self._guarded(None, self._kind, raw, (*item_path, "kind"), item.get("kind", "auto"))
        language = self._guarded(
            None, self._language, raw, (*item_path, "language"), item.get("language", "auto")
        )
        select = self._guarded(
            [], self._selectors, raw, (*item_path, "select"), item.get("select", [])
        )
        ignore = self._guarded(
            [], self._selectors, raw, (*item_path, "ignore"), item.get("ignore", [])
        )
        checks = self._checks(raw, (*item_path, "checks"), item.get("checks") or {})
        if len(self._problems) > known or "files" not in item:
            raise _Invalid
        return Override(
            files=tuple(files),
            kind=kind,
            language=language if "language" in item else None,
            select=tuple(select) if "select" in item else None,
            ignore=tuple(ignore),
            checks=checks,
        )

    # -- value validators ----------------------------------------------------------------
    def _fail(self, raw: RawConfig, path: tuple[str, ...], message: str) -> NoReturn:
        """Record a problem (``file:line: key.path: message``) and abandon this value."""
        where = raw.where(path)
        line = where.rsplit(":", 1)[-1] if where != raw.source else ""
        order = len(self._problems)
        self._problems.append(
            (int(line) if line.isdigit() else 0, order, f"{where}: {'.'.join(path)}: {message}")
        )
        raise _Invalid

    def _extension(self, raw: RawConfig, path: tuple[str, ...], value: Any) -> Any:
        try:
            return self.extensions[path[0]](value)
        except ValueError as error:
            return self._fail(raw, path, str(error))

    def _severity(self, raw: RawConfig, path: tuple[str, ...], value: Any) -> Severity:
        if not isinstance(value, str):
            self._fail(raw, path, f"expected info, warning or error, got {_type_of(value)}")
        try:
            return Severity.parse(value)
        except ValueError as error:
            hint = _did_you_mean(value.strip().lower(), ("info", "warning", "error"))
            return self._fail(raw, path, f"{error}{hint}")

    def _score(self, raw: RawConfig, path: tuple[str, ...], value: Any) -> float | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 100:
            self._fail(raw, path, f"expected a number from 0 to 100, got {value!r}")
        return float(value)

    def _kind(self, raw: RawConfig, path: tuple[str, ...], value: Any) -> Kind | None:
        # Case-insensitive, like severities: "--kind Email" is "--kind email".
        kinds = ("auto", *(k.value for k in Kind))
        if isinstance(value, str) and value.strip().lower() == "auto":
            return None
        if not isinstance(value, str) or value.strip().lower() not in kinds:
            shown = repr(value) if isinstance(value, str) else _type_of(value)
            hint = _did_you_mean(value.strip().lower(), kinds) if isinstance(value, str) else ""
            self._fail(raw, path, f"expected auto, email or chat, got {shown}{hint}")
        return Kind(value.strip().lower())

    def _language(self, raw: RawConfig, path: tuple[str, ...], value: Any) -> str:
        # "auto" detects each reply's language; a pack's code reads every reply in it.
        codes = ("auto", *pack_codes())
        if not isinstance(value, str) or value.strip().lower() not in codes:
            shown = repr(value) if isinstance(value, str) else _type_of(value)
            hint = _did_you_mean(value.strip().lower(), codes) if isinstance(value, str) else ""
            packs = ", ".join(codes[1:])
            self._fail(raw, path, f"expected auto or a language pack ({packs}), got {shown}{hint}")
        return value.strip().lower()

    def _strings(self, raw: RawConfig, path: tuple[str, ...], value: Any) -> list[str]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self._fail(raw, path, f"expected a list of strings, got {_type_of(value)}")
        return list(value)

    def _selectors(self, raw: RawConfig, path: tuple[str, ...], value: Any) -> list[str]:
        names = self._strings(raw, path, value)
        unknown = [name for name in names if not self.registry.select(name)]
        for name in unknown:
            hint = _did_you_mean(name, self.registry.identifiers())
            message = f"{name!r} is not a check, code or category{hint}"
            self._guarded(None, self._fail, raw, path, message)
        if unknown:
            raise _Invalid
        return names

    def _positive_int(self, raw: RawConfig, path: tuple[str, ...], value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            self._fail(raw, path, f"expected a positive integer, got {value!r}")
        return value

    def _file_size(self, raw: RawConfig, path: tuple[str, ...], value: Any) -> int:
        size = self._positive_int(raw, path, value)
        if size > MAX_FILE_SIZE_CEILING:  # a committed config must not lift the limit at will
            self._fail(raw, path, f"at most {MAX_FILE_SIZE_CEILING:,} bytes, got {size:,}")
        return size

    def _bool(self, raw: RawConfig, path: tuple[str, ...], value: Any) -> bool:
        if not isinstance(value, bool):
            self._fail(raw, path, f"expected true or false, got {_type_of(value)}")
        return value


def risky_pattern(pattern: str) -> str | None:
    """Why a user-supplied regex is refused (invalid, or catastrophic backtracking), or None.

    Python's ``re`` backtracks, and has no time limit: a repeated group that holds another
    quantifier (``(a+)+``, ``(\\w+\\s?)+``) or an alternation (``(?:a|a)+``, ``(?:ab|a)*``)
    can try exponentially many ways to split a near-miss (issue 15: 60 s on 34 characters).
    Both are refused, read from the parsed pattern rather than its text, so groups, escapes
    and lookarounds cannot hide them. Alternatives of one character each are a character
    class to ``re`` (``(?:a|b)+`` is ``[ab]+``) and pass. Atomic groups and possessive
    repeats are judged like the others (their content backtracks until it first matches).
    """
    from re import _parser  # type: ignore[attr-defined]  # re.compile's own (private; 3.11+)

    try:
        re.compile(pattern)
        parsed = _parser.parse(pattern)
    except (re.error, RecursionError, OverflowError) as error:
        return f"invalid regex {pattern!r}: {error}"
    problem = _backtracking(list(parsed), repeated=False)
    if problem == "quantifier":
        return (
            f"regex {pattern!r} nests quantifiers (like (a+)+), which can hang on "
            "some texts; rewrite it without the outer repetition"
        )
    if problem == "alternation":
        return (
            f"regex {pattern!r} repeats an alternation (like (?:ab|a)+), which can hang on "
            "some texts; repeat a character class instead, or list the phrases"
        )
    return None


def _backtracking(items: list[Any], repeated: bool) -> str | None:
    """ "quantifier" or "alternation" when one sits inside a repeated group, else None."""
    from re import _constants as sre  # type: ignore[attr-defined]

    for op, value in items:
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            if repeated:
                return "quantifier"
            _, most, body = value
            found = _backtracking(list(body), repeated=most > 1)
        elif op is sre.BRANCH:
            if repeated:
                return "alternation"
            found = next((f for f in (_backtracking(list(b), False) for b in value[1]) if f), None)
        elif op is sre.SUBPATTERN:
            found = _backtracking(list(value[-1]), repeated)
        elif op is sre.ATOMIC_GROUP:  # its content still backtracks until it first matches
            found = _backtracking(list(value), repeated)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            found = _backtracking(list(value[1]), repeated)
        elif op is sre.GROUPREF_EXISTS:
            found = next(
                (f for f in (_backtracking(list(b), repeated) for b in value[1:] if b) if f), None
            )
        else:  # literals, character classes, anchors, back-references
            found = None
        if found:
            return found
    return None


def _did_you_mean(word: str, candidates: Any) -> str:
    import difflib  # deferred: only a misspelt key needs it

    close = difflib.get_close_matches(word, [str(c) for c in candidates], n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _type_of(value: Any) -> str:
    names = {
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "a mapping",
        type(None): "nothing",
    }
    return names.get(type(value), type(value).__name__)


def merge_check_settings(*sources: Mapping[str, Any]) -> dict[str, Any]:
    """Later per-check settings override earlier ones; options merge key by key."""
    merged: dict[str, Any] = {}
    for source in sources:
        for key, value in source.items():
            if key == "options":
                merged["options"] = {**merged.get("options", {}), **value}
            else:
                merged[key] = value
    return merged


def freeze(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    """A read-only view, so no check can change the options another reply will see."""
    return MappingProxyType(dict(mapping))
