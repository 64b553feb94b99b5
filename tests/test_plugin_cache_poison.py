"""Issue 15 item 4: nothing read from the cache folder names what to import.

The installed executable runs with a real cache folder; its plugin cache is then rewritten
as an attacker sharing the CI cache would, to name ``os:abort`` (or a module of the linted
tree) as a plugin. The next run must lint as before, not abort.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from helpers import installed_executable

from replylint.checks.registry import PLUGINS_FILE

DRAFT = "Hi Anna,\n\nUnfortunately we can't refund digital orders.\n\nBest,\nSam\n"


def _run(root: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "REPLYLINT_LANGUAGETOOL": "off", "REPLYLINT_CACHE_DIR": str(cache)}
    return subprocess.run(
        [installed_executable(), "check", "--no-cache", "-f", "json", "draft.txt"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


POISONS = {
    "v2-entry-naming-a-function": ("plugins-v2.json", lambda root: [["pwn", "os:abort", None]]),
    "v3-entry-naming-a-function": (PLUGINS_FILE, lambda root: [["pwn", "os:abort", None]]),
    "v3-metadata-in-the-linted-tree": (
        PLUGINS_FILE,
        lambda root: [[str(root), "evil-1.dist-info"]],
    ),
    "v3-metadata-path-escaping": (
        PLUGINS_FILE,
        lambda root: [[os.path.dirname(os.__file__), f"../../../..{root}/evil-1.dist-info"]],
    ),
}


@pytest.mark.parametrize("poison", POISONS, ids=list(POISONS))
def test_a_poisoned_plugin_cache_runs_no_code(tmp_path: Path, poison: str) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    (root / "draft.txt").write_text(DRAFT, encoding="utf-8")
    evil = root / "evil-1.dist-info"
    evil.mkdir()
    (evil / "METADATA").write_text("Metadata-Version: 2.1\nName: evil\nVersion: 1\n")
    (evil / "entry_points.txt").write_text("[replylint.checks]\npwn = os:abort\n")
    cache = tmp_path / "cache"
    clean = _run(root, cache)
    assert clean.returncode == 1, clean.stderr
    stamps = json.loads((cache / PLUGINS_FILE).read_text(encoding="utf-8"))
    assert stamps, "the first run remembered its sys.path layout"
    name, entries = POISONS[poison]
    (cache / name).write_text(json.dumps({stamp: entries(root) for stamp in stamps}))
    poisoned = _run(root, cache)
    assert poisoned.returncode == 1, poisoned.stderr  # os.abort would be -6
    assert poisoned.stdout == clean.stdout


def test_python_m_never_loads_plugins_from_the_linted_folder(tmp_path: Path) -> None:
    import sys

    root = tmp_path / "repo"
    root.mkdir()
    (root / "draft.txt").write_text(DRAFT, encoding="utf-8")
    marker = tmp_path / "imported"
    (root / "evil_plugin.py").write_text(
        f"open({str(marker)!r}, 'w').close()\nCHECKS = []\n", encoding="utf-8"
    )
    evil = root / "evil-1.dist-info"
    evil.mkdir()
    (evil / "METADATA").write_text("Metadata-Version: 2.1\nName: evil\nVersion: 1\n")
    (evil / "entry_points.txt").write_text("[replylint.checks]\npwn = evil_plugin:CHECKS\n")
    env = {**os.environ, "REPLYLINT_LANGUAGETOOL": "off", "REPLYLINT_CACHE_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "replylint.cli", "check", "--no-cache", "draft.txt"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert not marker.exists()
