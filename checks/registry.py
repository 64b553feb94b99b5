"""All checks of a run: the built-in tuple, then plugins of the ``replylint.checks`` group."""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import import_module
from typing import Any, Protocol

from replylint.checks import disk_cache
from replylint.checks.model import Category, Check, Option, Severity

GROUP = "replylint.checks"
CODE = re.compile(r"[A-Z]{2,4}\d{3}")
NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
RESERVED_PREFIX = "RL"


class PluginError(Exception):
    """A plugin that cannot be loaded or declares an invalid or clashing check."""


class PluginEntryPoint(Protocol):
    """What the registry uses of an entry point (importlib.metadata's, or a remembered one)."""

    @property
    def name(self) -> str: ...

    def load(self) -> Any: ...


@dataclass(frozen=True, slots=True)
class RememberedEntryPoint:
    """An entry point of our group as found by an earlier run (see plugin_entry_points)."""

    name: str
    value: str  # "module:attribute", as in entry_points.txt
    distribution: str | None  # "name version"

    def load(self) -> Any:
        """Import the object, as importlib.metadata.EntryPoint.load would."""
        match = ENTRY_POINT_VALUE.fullmatch(self.value)
        if match is None:
            raise ValueError(f"malformed entry point {self.value!r}")
        loaded: Any = import_module(match["module"])
        for attribute in filter(None, (match["attr"] or "").split(".")):
            loaded = getattr(loaded, attribute)
        return loaded


ENTRY_POINT_VALUE = re.compile(r"(?P<module>[\w.]+)\s*(?::\s*(?P<attr>[\w.]+)\s*)?(?:\[.*\]\s*)?")
PLUGINS_FILE = "plugins-v2.json"
KEPT_LAYOUTS = 8


def plugin_entry_points() -> list[PluginEntryPoint]:
    """The entry points of the ``replylint.checks`` group in the installed distributions.

    importlib.metadata reads every installed distribution, and importing it alone costs a run
    ~15 ms. What it found is remembered with the modification time of every folder on
    sys.path: installing, upgrading or removing a distribution adds or removes a folder in
    one of them, so a changed time means looking again. A few sys.path layouts are kept
    (``python -m`` puts the working folder first, the console script its own folder).
    """
    stamp = json.dumps([[entry, _modified(entry)] for entry in sys.path])
    cache_file = disk_cache.cache_dir() / PLUGINS_FILE
    stored = disk_cache.read_json(cache_file)
    layouts: dict[str, Any] = stored if isinstance(stored, dict) else {}
    if stamp in layouts:
        try:
            return [RememberedEntryPoint(*point) for point in layouts[stamp]]
        except TypeError:
            pass  # a damaged entry: look again
    from importlib.metadata import entry_points

    found = list(entry_points(group=GROUP))
    layouts.pop(stamp, None)  # re-inserted last: the oldest layouts go first
    layouts[stamp] = [[p.name, p.value, _distribution(p)] for p in found]
    disk_cache.write_json(cache_file, dict(list(layouts.items())[-KEPT_LAYOUTS:]))
    return list(found)


def _modified(entry: str) -> int | None:
    try:
        return os.stat(entry or ".").st_mtime_ns
    except OSError:
        return None


def _distribution(point: Any) -> str | None:
    """ "name version" of the distribution declaring an entry point, remembered or not."""
    if isinstance(point, RememberedEntryPoint):
        return point.distribution
    dist = getattr(point, "dist", None)
    return f"{dist.name} {dist.version}" if dist is not None else None


@dataclass(frozen=True, slots=True)
class Registry:
    """Checks by code, with lookup by code, name, alias or category."""

    checks: tuple[Check, ...]
    origins: Mapping[str, str]  # code -> "built-in" or "dist-name version"

    def __iter__(self) -> Iterator[Check]:
        return iter(self.checks)

    def find(self, identifier: str) -> Check | None:
        """The check with this code, name or alias (case-insensitive), or None."""
        wanted = identifier.strip().lower()
        for check in self.checks:
            if wanted in (check.code.lower(), check.name, *check.aliases):
                return check
        return None

    def select(self, identifier: str) -> list[Check]:
        """Checks named by a code, name, alias or category name ([] when none)."""
        check = self.find(identifier)
        if check is not None:
            return [check]
        wanted = identifier.strip().lower()
        return [c for c in self.checks if str(c.category) == wanted]

    def identifiers(self) -> list[str]:
        """Every code, name, alias and category, for "did you mean" hints."""
        names = {str(c) for c in Category}
        for check in self.checks:
            names.update((check.code, check.name, *check.aliases))
        return sorted(names)


def validate_check(check: object, origin: str) -> Check:
    """Return ``check`` if its metadata is well-formed, else raise PluginError naming ``origin``."""
    if not isinstance(check, Check):
        raise PluginError(f"{origin}: {check!r} is not a replylint Check")
    problems = []
    if not CODE.fullmatch(check.code):
        problems.append(f"code {check.code!r} is not 2-4 capitals and 3 digits")
    if origin != "built-in" and check.code.startswith(RESERVED_PREFIX):
        problems.append(f"code {check.code!r} uses the reserved prefix {RESERVED_PREFIX}")
    if not NAME.fullmatch(check.name):
        problems.append(f"name {check.name!r} is not kebab-case")
    for attribute in ("summary", "rationale", "guidance"):
        if not getattr(check, attribute).strip():
            problems.append(f"{attribute} is empty")
    if not isinstance(check.category, Category) or not isinstance(check.severity, Severity):
        problems.append("category or severity is not a replylint enum value")
    if not all(isinstance(o, Option) for o in check.options.values()):
        problems.append("options must be replylint Option values")
    if problems:
        raise PluginError(f"{origin}: check {check.code or check.name!r}: {'; '.join(problems)}")
    return check


def load_registry(
    builtin: Iterable[Check], plugins: Iterable[PluginEntryPoint] | None = None
) -> Registry:
    """Built-in checks plus every entry point's checks; clashes and broken plugins raise."""
    checks: list[Check] = []
    origins: dict[str, str] = {}
    names: dict[str, str] = {}
    for check in builtin:
        _add(validate_check(check, "built-in"), "built-in", checks, origins, names)
    points = plugin_entry_points() if plugins is None else plugins
    for point in points:
        origin = _origin(point)
        for declared in _load_pack(point, origin):
            _add(validate_check(declared, origin), origin, checks, origins, names)
    return Registry(tuple(checks), origins)


def _add(
    check: Check, origin: str, checks: list[Check], origins: dict[str, str], names: dict[str, str]
) -> None:
    for key in (check.code, check.name, *check.aliases):
        holder = names.get(key.lower())
        if holder is not None:
            raise PluginError(f"{origin}: check {key!r} clashes with one from {holder}")
        names[key.lower()] = origin
    checks.append(check)
    origins[check.code] = origin


def _origin(point: PluginEntryPoint) -> str:
    distribution = _distribution(point)
    if distribution is not None:
        return f"plugin {point.name!r} ({distribution})"
    return f"plugin {point.name!r}"


def _load_pack(point: PluginEntryPoint, origin: str) -> list[object]:
    try:
        loaded = point.load()
    except Exception as error:  # any import failure of third-party code is that plugin's error
        raise PluginError(f"{origin}: cannot be loaded: {type(error).__name__}: {error}") from None
    if isinstance(loaded, Check):
        return [loaded]
    if callable(loaded) and not isinstance(loaded, Iterable):
        try:
            loaded = loaded()
        except Exception as error:
            raise PluginError(f"{origin}: failed listing its checks: {error}") from None
    if isinstance(loaded, Check):
        return [loaded]
    if isinstance(loaded, Iterable):
        return list(loaded)
    raise PluginError(f"{origin}: expected a Check or an iterable of Checks, got {loaded!r}")
