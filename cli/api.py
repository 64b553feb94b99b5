"""The Python API: lint text held in memory, or a file, without the command line.

    from replylint.cli.api import lint_text, lint_file

    result = lint_text("Kindly send the form prior to Friday.", kind="email")
    for finding in result.findings:          # replylint.checks.Finding, as every format uses
        print(finding.line, finding.code, finding.message, finding.fix)
    result.score                              # 0-100, or None when nothing was measured
    result.fixed()                            # the text with the safe fixes applied

Nothing here imports Typer or Rich. Every function may be called from several threads at once:
config and plugins are loaded once under a lock, and each call lints its own parsed replies.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from replylint.checks import BUILTIN, Check, Finding, Registry, ReplyResult, load_registry
from replylint.checks.packs.registry import languages_of
from replylint.checks.score import combine
from replylint.cli.fixing import _Reading, fix_document
from replylint.cli.inputs.readers import READERS
from replylint.cli.inputs.targets import (
    InputError,
    InputProblem,
    Target,
    input_format,
    read_bytes,
)
from replylint.config import Config, ConfigError, ConfigResolver

__all__ = [
    "ConfigError",
    "InputError",
    "Linted",
    "check_records",
    "fix_text",
    "lint_file",
    "lint_text",
]

_LOCK = threading.RLock()
_REGISTRY: Registry | None = None
_RESOLVERS: dict[Any, ConfigResolver] = {}

# What ``config=`` accepts: None (defaults for text; for a file, the config file found from its
# folder, as the command line does), a path to a config file, or a mapping shaped like
# .replylint.yaml laid over the defaults (``{"checks": {"slang": False}}``).
ConfigArgument = str | Path | Mapping[str, Any] | None


@dataclass(frozen=True, slots=True)
class Linted:
    """The results of one text or file: a ReplyResult per reply (a macro library has many)."""

    name: str
    input_format: str
    replies: tuple[ReplyResult, ...]
    errors: tuple[InputError, ...] = ()
    text: str | None = field(default=None, repr=False)
    _reading: _Reading | None = field(default=None, repr=False, compare=False)
    _config: Config | None = field(default=None, repr=False, compare=False)

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Every finding of every reply, in reply order."""
        return tuple(f for reply in self.replies for f in reply.findings)

    @property
    def score(self) -> float | None:
        """The word-weighted score of the replies (as the report's overall score), or None."""
        return combine((r.words, r.score.overall) for r in self.replies)

    def fixable(self, unsafe: bool = False) -> tuple[Finding, ...]:
        """The findings with a fix that ``fixed()`` may apply (safe ones, or all)."""
        return tuple(f for f in self.findings if f.fix and (f.fix.safe or unsafe))

    def fixed(self, unsafe: bool = False) -> str:
        """The text with its fixes applied, exactly as ``replylint check --fix`` writes it."""
        if self.text is None or self._reading is None or self._config is None:
            raise ValueError(f"{self.name}: nothing to fix (the input could not be read)")
        if self._reading.fmt not in EXACT:
            raise ValueError(f"{self.name}: positions in {self._reading.fmt} are not exact")
        plan = self._config.plan_for(_config_path(self.name))
        return fix_document(self.text, self._reading, plan, unsafe)[0]


EXACT = frozenset({"text", "markdown", "html", "json", "yaml", "csv"})


def registry() -> Registry:
    """The built-in checks and installed plugins, loaded once (PluginError if one is broken)."""
    global _REGISTRY
    with _LOCK:
        if _REGISTRY is None:
            _REGISTRY = load_registry(BUILTIN)
        return _REGISTRY


def lint_text(
    text: str,
    *,
    kind: str | None = None,
    input_format: str = "text",
    config: ConfigArgument = None,
    name: str = "-",
    language: str | None = None,
) -> Linted:
    """Lint ``text`` as a file of ``input_format`` (text, markdown, html, email, json, yaml, csv).

    ``kind`` is "email" or "chat" (None: as config says, else guessed); ``language`` a pack's
    code or "auto" (None: as config says, else detected); ``name`` is the name in findings,
    and with a config mapping or file its globs are matched against it.
    """
    if input_format not in READERS:
        raise ValueError(f"unknown input format {input_format!r} (use {', '.join(READERS)})")
    resolved = _config_for(config, _config_path(name), kind, discover=False, language=language)
    return _lint(text.encode("utf-8", "surrogatepass"), name, input_format, resolved, None)


def lint_file(
    path: str | Path,
    *,
    kind: str | None = None,
    input_format: str | None = None,
    config: ConfigArgument = None,
    language: str | None = None,
) -> Linted:
    """Lint one file as ``replylint check`` does (its format from the extension by default).

    With ``config=None`` the config file is found from the file's folder upward, like the
    command line; an unreadable file gives a Linted with its InputError and no replies.
    """
    path = Path(path)
    fmt = input_format or _format_of(path)
    resolved = _config_for(config, path, kind, discover=True, language=language)
    try:
        data = read_bytes(Target(path, str(path)), resolved.max_file_size)
    except InputProblem as error:
        return Linted(str(path), fmt, (), (InputError(str(path), str(error)),))
    return _lint(data, str(path), fmt, resolved, path)


def fix_text(
    text: str,
    *,
    unsafe: bool = False,
    kind: str | None = None,
    input_format: str = "text",
    config: ConfigArgument = None,
) -> str:
    """``text`` with its safe fixes (and unsafe ones with ``unsafe``) applied."""
    return lint_text(text, kind=kind, input_format=input_format, config=config).fixed(unsafe)


def check_records(checks: Iterable[Check] | None = None) -> list[dict[str, Any]]:
    """Every check as a plain record (``replylint checks --format json`` prints these)."""
    return [
        {
            "code": check.code,
            "name": check.name,
            "category": str(check.category),
            "severity": str(check.severity),
            "enabled": check.default_enabled,
            "kinds": sorted(str(k) for k in check.kinds),
            "languages": languages_of(check),
            "fixes": [kind for kind in ("safe", "unsafe") if kind in check.fixes],
            "summary": check.summary,
            "rationale": check.rationale,
            "guidance": check.guidance,
            "aliases": list(check.aliases),
            "options": {
                key: {"type": option.type_name(), "default": option.default, "help": option.help}
                for key, option in check.options.items()
            },
        }
        for check in (checks if checks is not None else registry())
    ]


def forget_configs() -> None:
    """Read config files afresh on the next call (the editor server calls it when one is saved)."""
    with _LOCK:
        _RESOLVERS.clear()


def _lint(data: bytes, name: str, fmt: str, config: Config, path: Path | None) -> Linted:
    from replylint.cli.runner import _library_settings, _lint_data

    target = Target(path, name)
    settings, _claimed = _library_settings(config, target)
    plan = config.plan_for(target.config_path)
    # Named by the caller, like a file named on the command line: read whatever it holds.
    outcomes = _lint_data(data, target, fmt, settings, True, plan, config.max_file_size)
    replies = tuple(o for o in outcomes if isinstance(o, ReplyResult))
    errors = tuple(o for o in outcomes if isinstance(o, InputError))
    if errors and not replies:
        return Linted(name, fmt, replies, errors)
    from replylint.cli.inputs.targets import decode

    text = decode(data, config.max_file_size)
    reading = _Reading(name, config.max_file_size, settings, True, fmt)
    return Linted(name, fmt, replies, errors, text, reading, config)


def _config_for(
    config: ConfigArgument,
    path: Path | None,
    kind: str | None,
    discover: bool,
    language: str | None = None,
) -> Config:
    """The Config for one call; resolvers (and the files they read) are kept per argument."""
    layer: dict[str, Any] = {}
    if isinstance(config, Mapping):
        layer.update(config)
    if kind is not None:
        layer["kind"] = kind
    if language is not None:
        layer["language"] = language
    explicit = Path(config) if isinstance(config, str | Path) else None
    key = (explicit, discover and not isinstance(config, Mapping), _frozen(layer))
    with _LOCK:
        resolver = _RESOLVERS.get(key)
        if resolver is None:
            resolver = ConfigResolver(
                registry(),
                explicit=explicit,
                isolated=not key[1],
                command_line=layer,
                extensions={"macros": _parse_macros_setting},
            )
            _RESOLVERS[key] = resolver
        return resolver.for_path(path)


def _parse_macros_setting(value: Any) -> Any:
    from replylint.cli.inputs.libraries import parse_macros_setting

    return parse_macros_setting(value)


def _frozen(value: Any) -> Any:
    if isinstance(value, Mapping):
        return tuple(sorted((str(k), _frozen(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return tuple(_frozen(v) for v in value)
    return value


def _config_path(name: str) -> Path | None:
    return None if name == "-" else Path(name)


def _format_of(path: Path) -> str:
    return input_format(path, None)
