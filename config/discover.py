"""Which configuration file applies to a path: the closest one walking up, no cascade."""

from __future__ import annotations

import os
import re
from pathlib import Path

CONFIG_NAMES = (".replylint.yaml", ".replylint.yml")
# A [tool.replylint] (or [tool.replylint.x]) table header, or a tool.replylint dotted key.
OUR_TABLE = re.compile(
    r"""^[ \t]*(?:\[[ \t]*tool[ \t]*\.[ \t]*["']?replylint["']?[ \t]*[\].]"""
    r"""|tool[ \t]*\.[ \t]*["']?replylint["']?[ \t]*[.=])""",
    re.MULTILINE,
)


def find_config_file(folder: Path) -> Path | None:
    """The nearest .replylint.yaml or pyproject.toml with [tool.replylint], from ``folder`` up.

    The walk stops at the repository root (a folder holding .git) or the home folder, so a
    stray config above a project never applies to it. OSError when a folder cannot be read.
    """
    return ConfigFinder().find(folder)


class ConfigFinder:
    """find_config_file for many folders of one tree: each folder is looked in once.

    A walk asks for every folder it enters; looking from each one up to the root again made a
    900-deep tree take 41 s (issue 15 item 10). Answers and resolved paths are remembered, so
    a folder costs its own few probes and its parent's answer.
    """

    def __init__(self) -> None:
        self._found: dict[Path, Path | None] = {}
        self._real: dict[Path, Path] = {}
        self._home = Path.home().resolve()

    def find(self, folder: Path) -> Path | None:
        """The config file that applies to ``folder`` (OSError when one cannot be read)."""
        candidate = self._resolved(folder)
        chain: list[Path] = []
        found: Path | None = None
        while True:
            if candidate in self._found:
                found = self._found[candidate]
                break
            chain.append(candidate)
            found, last = self._look_in(candidate)
            if found is not None or last or candidate.parent == candidate:
                break
            candidate = candidate.parent
        for seen in chain:
            self._found[seen] = found
        return found

    def _look_in(self, candidate: Path) -> tuple[Path | None, bool]:
        """The config file in this folder, and whether discovery stops here."""
        for name in CONFIG_NAMES:
            if (candidate / name).is_file():
                return candidate / name, True
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _has_replylint_table(pyproject):
            return pyproject, True
        return None, (candidate / ".git").exists() or candidate == self._home

    def _resolved(self, folder: Path) -> Path:
        # resolve() reads every component of the path: for a folder whose parent is known,
        # one lstat of its own says whether its real path is the parent's plus its name.
        if folder in self._real:
            return self._real[folder]
        parent = folder.parent
        if parent in self._real and folder.name not in ("", "..") and not folder.is_symlink():
            real = self._real[parent] / folder.name
        else:
            real = folder.resolve()
        self._real[folder] = real
        return real


def _has_replylint_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    if "replylint" not in text:  # every spelling of the table names it; skip parsing the rest
        return False
    import tomllib  # deferred: most pyproject.toml files are not ours

    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError):
        # A broken pyproject.toml that is not ours is not our error to report; one with our
        # table is (issue 15 item 19): read_config_file then says where it does not parse.
        return OUR_TABLE.search(text) is not None
    return isinstance(data.get("tool"), dict) and "replylint" in data["tool"]


def user_config_file() -> Path | None:
    """The user-level config, when there is one: $XDG_CONFIG_HOME/replylint/config.yaml,
    else ~/.config/replylint/config.yaml. It is the user's own, outside any linted tree."""
    xdg = os.environ.get("XDG_CONFIG_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".config"
    path = base / "replylint" / "config.yaml"
    return path if path.is_file() else None
