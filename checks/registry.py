"""All checks of a run: the built-in tuple, then plugins of the ``replylint.checks`` group."""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from importlib import import_module
from typing import Any, Protocol

from replylint.checks import disk_cache
from replylint.checks.model import Category, Check, Option, Severity
from replylint.checks.packs.pack import LanguagePack, PackError
from replylint.checks.packs.registry import register

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
    """An entry point of our group, read from an installed distribution's metadata files."""

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
# v3: the cache names only where metadata is, never what to import (issue 15: editing the
# modules named in v2's entries made the next run import and run them).
PLUGINS_FILE = "plugins-v3.json"
KEPT_LAYOUTS = 8
METADATA_FOLDER = re.compile(r"[^/\\]+\.(?:dist|egg)-info")


def plugin_entry_points() -> list[PluginEntryPoint]:
    """The entry points of the ``replylint.checks`` group in the installed distributions.

    importlib.metadata reads every installed distribution, and importing it alone costs a run
    ~15 ms. Which distributions declare our group is remembered with the modification time
    of every folder on sys.path: installing, upgrading or removing a distribution adds or
    removes a folder in one of them, so a changed time means looking again. A few sys.path
    layouts are kept (``python -m`` puts the working folder first, the console script its own
    folder). The cache holds only *where* those distributions' metadata folders are (a
    sys.path entry and a ``*.dist-info`` name in it); what to import is read from their
    ``entry_points.txt`` every run, so a cache shared between CI jobs cannot name code to run.
    """
    stamp = json.dumps([[entry, _modified(entry)] for entry in sys.path])
    cache_file = disk_cache.cache_dir() / PLUGINS_FILE
    stored = disk_cache.read_json(cache_file)
    layouts: dict[str, Any] = stored if isinstance(stored, dict) else {}
    if stamp in layouts:
        remembered = _from_metadata(layouts[stamp])
        if remembered is not None:
            return remembered
    from importlib.metadata import entry_points

    found = list(entry_points(group=GROUP))
    places = [_metadata_place(point) for point in found]
    layouts.pop(stamp, None)  # re-inserted last: the oldest layouts go first
    if None not in places:  # a distribution not in a folder on sys.path: look every run
        layouts[stamp] = sorted({tuple(place) for place in places if place is not None})
    disk_cache.write_json(cache_file, dict(list(layouts.items())[-KEPT_LAYOUTS:]))
    return list(found)


def _metadata_place(point: Any) -> list[str] | None:
    """[sys.path entry, metadata folder name] of the distribution declaring ``point``."""
    folder = getattr(getattr(point, "dist", None), "_path", None)  # PathDistribution's
    if folder is None:
        return None
    entry = os.path.dirname(str(folder))
    for listed in sys.path:
        if os.path.abspath(listed or ".") == os.path.abspath(entry):
            return [listed, os.path.basename(str(folder))]
    return None


def _from_metadata(places: Any) -> list[PluginEntryPoint] | None:
    """The entry points declared by the metadata folders the cache names, read from those
    folders now; None when the cache names anything else (it is then looked up afresh)."""
    if not isinstance(places, list):
        return None
    points: list[PluginEntryPoint] = []
    for place in places:
        if not (
            isinstance(place, list)
            and len(place) == 2
            and place[0] in sys.path
            and isinstance(place[1], str)
            and METADATA_FOLDER.fullmatch(place[1])
            and place[1] not in (".", "..")
        ):
            return None
        folder = os.path.join(place[0] or ".", place[1])
        read = _declared(folder)
        if read is None:
            return None
        points.extend(read)
    return points


def _declared(folder: str) -> list[PluginEntryPoint] | None:
    """Our group's entry points in ``folder``/entry_points.txt (None: not readable)."""
    try:
        with open(os.path.join(folder, "entry_points.txt"), encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError):
        return None
    distribution = _name_and_version(folder)
    points: list[PluginEntryPoint] = []
    section = None
    for line in text.splitlines():  # the format importlib.metadata reads (INI-like)
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
        elif section == GROUP and "=" in line:
            name, value = (part.strip() for part in line.split("=", 1))
            points.append(RememberedEntryPoint(name, value, distribution))
    return points


def _name_and_version(folder: str) -> str | None:
    """ "name version" from the distribution's METADATA (or an egg's PKG-INFO) headers."""
    fields: dict[str, str] = {}
    for file in ("METADATA", "PKG-INFO"):
        try:
            with open(os.path.join(folder, file), encoding="utf-8") as handle:
                for line in handle:
                    if not line.strip():
                        break  # the headers end at the first blank line
                    key, _, value = line.partition(":")
                    fields.setdefault(key.strip().lower(), value.strip())
        except (OSError, UnicodeDecodeError):
            continue
        break
    if "name" not in fields or "version" not in fields:
        return None
    return f"{fields['name']} {fields['version']}"


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
            if isinstance(declared, LanguagePack):  # a language pack rides the same group
                _add_language(declared, origin)
                continue
            _add(validate_check(declared, origin), origin, checks, origins, names)
    return Registry(tuple(checks), origins)


def _add_language(pack: LanguagePack, origin: str) -> None:
    try:
        register(replace(pack, origin=origin))
    except PackError as error:
        raise PluginError(str(error)) from None


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
    if isinstance(loaded, Check | LanguagePack):
        return [loaded]
    if callable(loaded) and not isinstance(loaded, Iterable):
        try:
            loaded = loaded()
        except Exception as error:
            raise PluginError(f"{origin}: failed listing its checks: {error}") from None
    if isinstance(loaded, Check | LanguagePack):
        return [loaded]
    if isinstance(loaded, Iterable):
        return list(loaded)
    raise PluginError(
        f"{origin}: expected a Check, a LanguagePack or an iterable of them, got {loaded!r}"
    )
