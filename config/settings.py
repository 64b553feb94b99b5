"""The frozen Config of a run and how it turns into the active checks of one file."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from replylint.checks import ActiveCheck, Check, Kind, Registry, Severity
from replylint.config.discover import ConfigFinder, user_config_file
from replylint.config.globs import matches_any
from replylint.config.load import (
    ConfigError,
    RawConfig,
    hidden_if_private,
    read_config_file,
    read_default,
)
from replylint.config.schema import Layer, Override, Validator, freeze, merge_check_settings
from replylint.config.servers import refuse_remote_servers, user_named_servers


@dataclass(frozen=True)
class Plan:
    """What to run on one file: the active checks and the kind of reply (None: guess)."""

    checks: tuple[ActiveCheck, ...]
    kind: Kind | None
    language: str = "auto"  # a pack's code, or "auto": detected per reply


@dataclass(frozen=True)
class Config:
    """Validated, merged settings: defaults < extends chain < config file < command line."""

    registry: Registry
    root: Path
    source: str | None
    fail_on: Severity
    fail_under: float | None
    kind: Kind | None
    exclude: tuple[str, ...]
    max_file_size: int
    select: tuple[str, ...]
    ignore: tuple[str, ...]
    checks: Mapping[str, Mapping[str, Any]]
    overrides: tuple[Override, ...]
    extra: Mapping[str, Any] = field(default_factory=dict)
    # The command line's per-check settings (--languagetool, --no-cache), applied after the
    # overrides too: a committed override must not turn --languagetool off back on.
    command_line_checks: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    # Opt-in hints of every check that declares a ``pedantic`` option (ruff's preview,
    # LanguageTool's picky rules): lower-precision findings stay off unless asked for.
    pedantic: bool = False
    language: str = "auto"
    _plans: dict[tuple[tuple[int, ...], frozenset[str]], Plan] = field(
        default_factory=dict, compare=False, repr=False
    )

    def relative(self, path: Path) -> str | None:
        """The path relative to the config's folder, '/'-separated (None when outside it)."""
        # abspath, not resolve(): no file-system calls per file, and globs see the path as given.
        relative = os.path.relpath(os.path.abspath(path), self.root)
        if relative == ".." or relative.startswith(("../", "..\\")):
            return None
        return relative if os.sep == "/" else Path(relative).as_posix()

    def is_excluded(self, path: Path) -> bool:
        """Whether the top-level ``exclude`` globs skip this file or folder."""
        if not self.exclude:
            return False
        relative = self.relative(path)
        return relative is not None and matches_any(relative, self.exclude)

    def plan_for(self, path: Path | None) -> Plan:
        """The checks and kind for a file; computed once per distinct set of matching globs."""
        relative = None
        if self._has_path_globs and path is not None:  # else the same plan for every file
            relative = self.relative(path)
        if relative is None:
            key: tuple[tuple[int, ...], frozenset[str]] = ((), frozenset())
        else:
            matched = tuple(
                index
                for index, override in enumerate(self.overrides)
                if matches_any(relative, override.files)
            )
            excluded = frozenset(
                code
                for code, settings in self.checks.items()
                if matches_any(relative, settings.get("exclude", ()))
            )
            key = (matched, excluded)
        if key not in self._plans:  # resolved once per distinct set of matching globs
            self._plans[key] = self._plan(*key)
        return self._plans[key]

    @cached_property
    def _has_path_globs(self) -> bool:
        return bool(self.overrides) or any(c.get("exclude") for c in self.checks.values())

    def _plan(self, matched: tuple[int, ...], excluded: frozenset[str]) -> Plan:
        overrides = [self.overrides[i] for i in matched]
        select = self.select
        ignore = list(self.ignore)
        kind = self.kind
        language = self.language
        for override in overrides:
            language = override.language or language
            select = override.select if override.select is not None else select
            ignore.extend(override.ignore)
            kind = override.kind or kind
        selected = {c.code for name in select for c in self.registry.select(name)}
        ignored = {c.code for name in ignore for c in self.registry.select(name)}
        active = []
        for check in self.registry:
            settings = merge_check_settings(
                self.checks.get(check.code, {}),
                *(o.checks.get(check.code, {}) for o in overrides),
                self.command_line_checks.get(check.code, {}),
            )
            if _is_enabled(check, settings, selected, ignored) and check.code not in excluded:
                active.append(
                    ActiveCheck(
                        check,
                        settings.get("severity", check.severity),
                        freeze(
                            {
                                **check.defaults(),
                                **self._pedantic_default(check),
                                **settings.get("options", {}),
                            }
                        ),
                    )
                )
        return Plan(tuple(active), kind, language)

    def _pedantic_default(self, check: Check) -> dict[str, Any]:
        return {"pedantic": True} if self.pedantic and "pedantic" in check.options else {}


def _is_enabled(
    check: Check, settings: Mapping[str, Any], selected: set[str], ignored: set[str]
) -> bool:
    if check.code in ignored:
        return False
    if selected:
        return check.code in selected and settings.get("enabled", True)
    return bool(settings.get("enabled", check.default_enabled))


def build_config(
    registry: Registry,
    layers: Sequence[Layer],
    root: Path,
    source: str | None,
    command_line: Layer | None = None,
) -> Config:
    """Merge validated layers, later ones winning, and the command line over them all."""
    layers = [*layers, command_line] if command_line is not None else list(layers)
    settings: dict[str, Any] = {}
    checks: dict[str, dict[str, Any]] = {}
    overrides: list[Override] = []
    extra: dict[str, Any] = {}
    for layer in layers:
        settings.update(layer.settings)
        extra.update(layer.extra)
        for code, check_settings in layer.checks.items():
            checks[code] = merge_check_settings(checks.get(code, {}), check_settings)
        overrides.extend(layer.overrides)
    return Config(
        registry=registry,
        root=Path(os.path.abspath(root)),
        source=source,
        fail_on=settings.get("fail-on", Severity.WARNING),
        fail_under=settings.get("fail-under"),
        kind=settings.get("kind"),
        exclude=tuple(settings.get("exclude", ())),
        max_file_size=settings.get("max-file-size", 5_000_000),
        select=tuple(settings.get("select", ())),
        ignore=tuple(settings.get("ignore", ())),
        checks=checks,
        overrides=tuple(overrides),
        extra=extra,
        pedantic=settings.get("pedantic", False),
        language=settings.get("language", "auto"),
        command_line_checks=command_line.checks if command_line is not None else {},
    )


RECENT_PATHS = 4096  # files whose config is remembered; more than a run has in flight


class ConfigResolver:
    """Finds, loads and caches the Config for each input file (closest config file wins)."""

    def __init__(
        self,
        registry: Registry,
        *,
        explicit: Path | None = None,
        isolated: bool = False,
        command_line: Mapping[str, Any] | None = None,
        extensions: Mapping[str, Callable[[Any], Any]] | None = None,
    ) -> None:
        self.registry = registry
        self.validator = Validator(registry, extensions or {})
        self.explicit = explicit
        self.isolated = isolated
        self.command_line = self.validator.layer(
            RawConfig(dict(command_line or {}), "command line")
        )
        self.default = self.validator.layer(read_default())
        # The user's own config, laid under the project's (and trusted to name a server).
        user_file = None if isolated else user_config_file()
        user_raws = read_config_file(user_file) if user_file is not None else []
        self.user = [self.validator.layer(raw) for raw in user_raws]
        self.servers_allowed = user_named_servers(command_line, user_raws, registry)
        self._by_file: dict[Path | None, Config] = {}
        # A file's config is asked for by each step of its run (read, lint, report): one
        # search for it, not four (each costs a stat and a walk of the finder's memo).
        self._by_path: dict[Path | None, Config] = {}
        self._finder = ConfigFinder()
        self.files_read: list[Path] = []  # every config file loaded, extends included

    def for_path(self, path: Path | None) -> Config:
        """The Config for an input path (None: standard input, resolved from the cwd)."""
        known = self._by_path.get(path)
        if known is not None:
            return known
        config = self._search(path)
        if len(self._by_path) >= RECENT_PATHS:  # bounded: a run over 100,000 files
            self._by_path.clear()
        self._by_path[path] = config
        return config

    def _search(self, path: Path | None) -> Config:
        if self.explicit is not None:
            config_file: Path | None = self.explicit
        elif self.isolated:
            config_file = None
        else:
            try:
                folder = Path.cwd() if path is None else (path if path.is_dir() else path.parent)
                config_file = self._finder.find(folder)
            except OSError as error:
                # An unreadable folder, a path over PATH_MAX: that path's error, not the run's.
                reason = error.strerror or type(error).__name__
                raise ConfigError(f"cannot look for a config file: {reason}") from None
        if config_file not in self._by_file:
            self._by_file[config_file] = self._load(config_file)
        return self._by_file[config_file]

    def fallback(self) -> Config:
        """The config for standard input, or the defaults when that one is broken."""
        try:
            return self.for_path(None)
        except ConfigError:
            return self._load(None)

    def _load(self, config_file: Path | None) -> Config:
        layers = [self.default, *self.user]
        if config_file is not None:
            self.files_read.append(config_file)
            for raw in read_config_file(config_file):
                if raw.path is not None and raw.path != config_file:
                    self.files_read.append(raw.path)
                with hidden_if_private(raw):
                    layers.append(self.validator.layer(raw))
                    refuse_remote_servers(raw, self.registry, self.servers_allowed)
        root = config_file.parent if config_file is not None else Path.cwd()
        source = str(config_file) if config_file is not None else None
        return build_config(self.registry, layers, root, source, self.command_line)
