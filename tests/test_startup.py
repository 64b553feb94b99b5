"""Start-up cost: what a run imports and parses, and the caches that spare it.

pre-commit starts replylint once per commit, so a one-file run is mostly start-up. These tests
pin what must not be loaded on the common path (grammar off, caches warm), and that the parse
caches never serve stale data.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from replylint.checks import disk_cache
from replylint.checks.lexicon import LEXICON_FOLDER, read_lexicon_data
from replylint.config.load import ConfigError, read_config_file, read_default

MODULES_OF_A_RUN = """
import sys
from replylint.cli.entry import main  # the console script: check runs without Typer
sys.argv = ["replylint", "check", "--no-config", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print("\\n".join(sorted(sys.modules)), file=sys.stderr)
"""
NEVER_LOADED_WARM = (
    "yaml",  # lexicons and the default config come from the parse cache
    "importlib.metadata",  # plugins from the remembered entry points
    "tomllib",
    "multiprocessing",  # one file: no workers
    "concurrent.futures",
    "replylint.checks.languagetool.client",  # grammar off
    "email.message",
    "subprocess",  # files named one by one: git is not asked which are ignored
    "shutil",
    "difflib",  # only a misspelt directive or variable needs suggestions
)


def modules_loaded(tmp_path: Path, *args: str) -> set[str]:
    env = {**os.environ, "REPLYLINT_LANGUAGETOOL": "off"}
    done = subprocess.run(
        [sys.executable, "-c", MODULES_OF_A_RUN, *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
    )
    assert done.returncode in (0, 1), done.stderr
    return set(done.stderr.split())


def test_a_warm_run_imports_neither_parsers_nor_plugin_machinery(tmp_path: Path) -> None:
    work = tmp_path / "work"  # python -c puts the working folder on sys.path: keep it still
    work.mkdir()
    reply = work / "reply.txt"
    reply.write_text("Unfortunately we cannot refund you.\n")
    cold = modules_loaded(work, "--format", "json", str(reply))
    assert "yaml" in cold  # the first run parses and fills the caches
    warm = modules_loaded(work, "--format", "json", str(reply))
    assert not warm & set(NEVER_LOADED_WARM), sorted(warm & set(NEVER_LOADED_WARM))
    assert not any(name.startswith("rich") for name in warm)  # JSON needs no Rich
    piped = modules_loaded(work, str(reply))
    assert not any(name.startswith("rich") for name in piped)  # plain text: no styling to do
    coloured = modules_loaded(work, "--color", str(reply))
    assert "rich.console" in coloured  # Rich styles the text report when colour is on


def test_a_parsed_config_is_reused_until_the_file_changes(tmp_path: Path) -> None:
    config = tmp_path / ".replylint.yaml"
    config.write_text("select:\n  - negative-wording\n")
    first = read_config_file(config)[0]
    stored = json.loads(disk_cache.parsed_file(f"config:{config}").read_text())
    assert stored["data"]["data"] == {"select": ["negative-wording"]}  # and the lines of keys
    again = read_config_file(config)[0]
    assert again.data == first.data and again.lines == first.lines == {
        ("select",): 1,
        ("select", "0"): 2,
    }

    config.write_text("# now two lines down\n\nselect:\n  - slang\n")
    stamp = config.stat().st_mtime_ns + 1_000_000_000  # apart from the first write's clock tick
    os.utime(config, ns=(stamp, stamp))
    edited = read_config_file(config)[0]
    assert edited.data == {"select": ["slang"]}
    assert edited.where(("select",)) == f"{config}:3"


def test_yaml_that_json_cannot_hold_is_parsed_every_time(tmp_path: Path) -> None:
    config = tmp_path / ".replylint.yaml"
    config.write_text("overrides:\n  1: x\nsince: 2026-11-23\n")  # an integer key, a date
    raw = read_config_file(config)[0]
    assert 1 in raw.data["overrides"]
    assert str(raw.data["since"]) == "2026-11-23"
    assert not disk_cache.parsed_file(f"config:{config}").exists()
    assert read_config_file(config)[0].data == raw.data


def test_broken_yaml_is_reported_on_every_run(tmp_path: Path) -> None:
    config = tmp_path / ".replylint.yaml"
    config.write_text("select: [negative-wording\n")
    for _ in range(2):
        with pytest.raises(ConfigError, match=r"\.replylint\.yaml:\d+: invalid YAML"):
            read_config_file(config)


def test_a_damaged_parse_cache_costs_only_a_parse(tmp_path: Path) -> None:
    read_lexicon_data.cache_clear()
    expected = read_lexicon_data("slang")
    stored = disk_cache.parsed_file(f"lexicon:{LEXICON_FOLDER / 'slang.yaml'}")
    entry = json.loads(stored.read_text())
    for damaged in (json.dumps({**entry, "data": None} | {"stamp": [0]}), "[1, 2", ""):
        stored.write_text(damaged)
        read_lexicon_data.cache_clear()
        assert read_lexicon_data("slang") == expected
    stored.write_text(json.dumps({**entry, "key": "lexicon:/elsewhere/slang.yaml"}))  # a clash
    read_lexicon_data.cache_clear()
    assert read_lexicon_data("slang") == expected
    assert read_default().data  # the default config loads through the same cache
