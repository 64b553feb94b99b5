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
    stray config above a project never applies to it.
    """
    folder = folder.resolve()
    home = Path.home().resolve()
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            if (candidate / name).is_file():
                return candidate / name
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _has_replylint_table(pyproject):
            return pyproject
        if (candidate / ".git").exists() or candidate == home:
            return None
    return None


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
