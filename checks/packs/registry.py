"""The language packs of a run: English (the checks' own code), the built-in packs, plugins'.

Built-in packs are imported on first need: an English reply never loads one. A plugin declares a
pack in the ``replylint.checks`` entry-point group like a check (checks/registry.py hands any
``LanguagePack`` it loads to ``register``).
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import import_module
from types import MappingProxyType

from replylint.checks.model import Check
from replylint.checks.packs.pack import LanguagePack, PackError

ENGLISH = LanguagePack(code="en", name="English", native=True, languagetool="en-US")
# code -> module whose PACK is the pack; imported lazily (a pack compiles its patterns on load).
BUILTIN_PACK_MODULES: Mapping[str, str] = {
    "lv": "replylint.checks.builtin.packs.lv",
    "kk": "replylint.checks.builtin.packs.kk",
    "fy": "replylint.checks.builtin.packs.fy",
}
_loaded: dict[str, LanguagePack] = {"en": ENGLISH}
_plugins: dict[str, LanguagePack] = {}


def register(pack: LanguagePack) -> None:
    """Add a plugin's pack; a code already taken (built-in or another plugin's) is an error."""
    if pack.code in BUILTIN_PACK_MODULES or pack.code == "en":
        raise PackError(f"{pack.origin}: language {pack.code!r} is a built-in pack")
    holder = _plugins.get(pack.code)
    if holder is not None and holder is not pack:
        raise PackError(f"{pack.origin}: language {pack.code!r} clashes with {holder.origin}")
    _plugins[pack.code] = pack


def unregister(code: str) -> None:
    """Forget a plugin's pack (tests load and drop plugins)."""
    _plugins.pop(code, None)


def plugin_packs() -> list[LanguagePack]:
    """The packs plugins registered (none loaded from disk by asking)."""
    return list(_plugins.values())


def codes() -> list[str]:
    """Every language with a pack: English first, then built-in, then plugins'."""
    return ["en", *BUILTIN_PACK_MODULES, *sorted(_plugins)]


def pack_for(code: str) -> LanguagePack | None:
    """The pack of a language code, or None when no pack reads it."""
    code = code.lower()
    if code in _loaded:
        return _loaded[code]
    if code in BUILTIN_PACK_MODULES:
        pack = import_module(BUILTIN_PACK_MODULES[code]).PACK
        if not isinstance(pack, LanguagePack) or pack.code != code:
            raise PackError(f"built-in pack {code!r} is broken")
        _loaded[code] = pack
        return pack
    return _plugins.get(code)


def reads(check: Check, pack: LanguagePack) -> bool:
    """Whether ``check`` reads replies in ``pack``'s language: by the pack's rules for it, or
    by its own code (English; and any language for a check declared ``any_language``)."""
    if check.name in pack.checks:
        return True
    if check.reads_language is not None:
        return bool(check.reads_language(pack))
    return pack.native or check.any_language


def languages_of(check: Check) -> list[str]:
    """The codes of the languages a check reads (loads the built-in packs)."""
    return [code for code, pack in all_packs().items() if reads(check, pack)]


def all_packs() -> Mapping[str, LanguagePack]:
    """Every pack by code (loads the built-in ones)."""
    found = {code: pack_for(code) for code in codes()}
    return MappingProxyType({code: pack for code, pack in found.items() if pack is not None})
