"""Built-in and plugin checks: discovery through entry points, validation, clashes."""

from __future__ import annotations

import json
import os
import sys
import textwrap
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path

import pytest
from helpers import install_distribution

from replylint.checks import BUILTIN, PluginError, load_registry
from replylint.checks.disk_cache import cache_dir
from replylint.checks.registry import PLUGINS_FILE


def test_builtin_codes_and_names_are_unique_and_well_formed() -> None:
    registry = load_registry(BUILTIN, plugins=[])
    assert len({c.code for c in registry}) == len(BUILTIN)
    assert all(c.code.startswith("RL") for c in registry)


def test_find_and_select() -> None:
    registry = load_registry(BUILTIN, plugins=[])
    assert registry.find("rl101") is registry.find("negative-wording") is not None
    assert registry.select("positivity")
    assert registry.select("no-such-thing") == []


PLUGIN = """
from replylint.checks import Category, Check, Hit

def _run(reply, options):
    index = reply.masked.find("synergy")
    if index >= 0:
        yield Hit(index, index + 7, "jargon")

JARGON = Check(code="{code}", name="{name}", category=Category.TONE, summary="Jargon.",
               rationale="Customers don't speak it.", guidance="House style", run=_run)
CHECKS = [JARGON]
"""


def install_fake_plugin(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    code: str = "ACME101",
    name: str = "jargon",
    value: str = "acme_checks:CHECKS",
) -> None:
    """A real installed distribution (dist-info on sys.path), found by importlib.metadata."""
    source = PLUGIN.format(code=code, name=name)
    install_distribution(
        tmp_path, monkeypatch, "acme_checks", source, "acme-replylint", f"acme = {value}"
    )


def test_a_real_plugin_distribution_is_discovered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_fake_plugin(tmp_path, monkeypatch)
    registry = load_registry(BUILTIN)
    plugin = registry.find("ACME101")
    assert plugin is not None and plugin.name == "jargon"
    assert registry.origins["ACME101"] == "plugin 'acme' (acme-replylint 0.1)"


def test_a_plugin_that_fails_to_import_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_fake_plugin(tmp_path, monkeypatch, value="acme_missing:CHECKS")
    with pytest.raises(
        PluginError,
        match=r"plugin 'acme' \(acme-replylint 0.1\): cannot be "
        r"loaded: ModuleNotFoundError",
    ):
        load_registry(BUILTIN)


def test_a_plugin_may_not_use_the_reserved_prefix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_fake_plugin(tmp_path, monkeypatch, code="RL999")
    with pytest.raises(PluginError, match="reserved prefix"):
        load_registry(BUILTIN)


def test_a_plugin_may_not_shadow_a_builtin_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_fake_plugin(tmp_path, monkeypatch, name="negative-wording")
    with pytest.raises(PluginError, match="clashes with one from built-in"):
        load_registry(BUILTIN)


def test_synthetic_entry_points_and_bad_metadata() -> None:
    point = EntryPoint(name="odd", value="builtins:len", group="replylint.checks")
    with pytest.raises(PluginError, match="plugin 'odd'"):
        load_registry(BUILTIN, plugins=[point])


def test_no_plugins_installed_in_this_environment() -> None:
    assert not list(entry_points(group="replylint.checks")), textwrap.dedent(
        "a stray replylint plugin is installed; tests assume a clean environment"
    )


def test_discovery_is_remembered_until_a_folder_on_sys_path_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    assert load_registry(BUILTIN).find("ACME101") is None  # looked up, and remembered

    def no_lookup(**_: object) -> list[EntryPoint]:
        raise AssertionError("importlib.metadata was asked again")

    with monkeypatch.context() as patch:  # (undo() would also drop conftest's cache folder)
        patch.setattr("importlib.metadata.entry_points", no_lookup)
        assert load_registry(BUILTIN).find("ACME101") is None  # answered from the cache

    install_fake_plugin(site, monkeypatch)
    # The install touched the folder; pin its time apart from the first look, whose stamp may
    # share the file system's clock tick.
    stamp = site.stat().st_mtime_ns + 1_000_000_000
    os.utime(site, ns=(stamp, stamp))
    registry = load_registry(BUILTIN)
    assert registry.origins["ACME101"] == "plugin 'acme' (acme-replylint 0.1)"
    monkeypatch.setattr("importlib.metadata.entry_points", no_lookup)
    monkeypatch.delitem(sys.modules, "acme_checks", raising=False)
    remembered = load_registry(BUILTIN)  # the remembered entry point loads the same way
    assert remembered.origins["ACME101"] == "plugin 'acme' (acme-replylint 0.1)"
    assert remembered.find("jargon") is not None


def test_a_damaged_plugin_cache_is_looked_up_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_fake_plugin(tmp_path, monkeypatch)
    load_registry(BUILTIN)
    cache = cache_dir() / PLUGINS_FILE
    stored = json.loads(cache.read_text())
    cache.write_text(json.dumps({key: [["acme"]] for key in stored}))  # too few fields
    assert load_registry(BUILTIN).find("ACME101") is not None
    cache.write_text("{not json")
    assert load_registry(BUILTIN).find("ACME101") is not None
