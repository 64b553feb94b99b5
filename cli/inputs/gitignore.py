"""Which walked files git ignores: git itself when it can answer, else the .gitignore files.

Git is asked first, in one ``git check-ignore --stdin`` call per folder walk, because only git
knows every rule that applies (nested .gitignore files, .git/info/exclude, the user's global
excludes, and that a tracked file is never ignored). Without git, or outside a work tree, the
.gitignore files from the walked folder up to the repository root are read with the same glob
rules as ``exclude`` (``*``, ``**``, ``!`` negation, trailing ``/`` for folders) — close to git,
without adding a dependency (the pathspec library would be closer still; not worth a new
runtime dependency for the no-git fallback).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from replylint.config.globs import glob_regex

GIT_TIMEOUT = 30


def ignored_files(paths: Iterable[Path], within: Path | None = None) -> set[Path]:
    """The subset of ``paths`` that git (or, without git, the .gitignore files) ignores.

    ``within``: a folder holding every path (a walked folder), saving the search for one.
    """
    paths = list(paths)
    if not paths:
        return set()
    answer = _ask_git(paths, within or _common_folder(paths))
    return answer if answer is not None else _read_gitignores(paths)


def _ask_git(paths: list[Path], folder: Path) -> set[Path] | None:
    # Deferred: a run on files named one by one (a pre-commit hook) never asks git, and
    # importing both costs it some 7 ms.
    import shutil
    import subprocess

    git = shutil.which("git")
    if git is None:
        return None
    try:
        inside = subprocess.run(
            [git, "rev-parse", "--is-inside-work-tree"],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=GIT_TIMEOUT,
            check=False,
        )
        if inside.returncode != 0 or inside.stdout.strip() != "true":
            return None
        absolute = [os.path.realpath(p) for p in paths]
        done = subprocess.run(
            [git, "check-ignore", "--stdin", "-z"],
            cwd=folder,
            input="\0".join(absolute) + "\0",
            capture_output=True,
            text=True,
            timeout=GIT_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode not in (0, 1):  # 1: nothing ignored; anything else: git could not say
        return None
    ignored = set(filter(None, done.stdout.split("\0")))
    return {p for p, a in zip(paths, absolute, strict=True) if a in ignored}


def _common_folder(paths: list[Path]) -> Path:
    # Only where git is asked from: absolute paths will do (resolving every path costs ~10 µs
    # each, and is done below only once git says this is a work tree).
    common = Path(os.path.commonpath([os.path.abspath(p) for p in paths]))
    return common if common.is_dir() else common.parent


def _read_gitignores(paths: list[Path]) -> set[Path]:
    cache: dict[Path, list[tuple[str, bool, bool]]] = {}
    chains: dict[Path, list[Path]] = {}
    by_folder: dict[Path, list[Path]] = {}
    for path in paths:
        by_folder.setdefault(path.parent, []).append(path)
    ignored: set[Path] = set()
    for folder, members in by_folder.items():
        folders = _folders_from_root(Path(os.path.abspath(folder)), chains)
        if not any(_rules(f, cache) for f in folders):
            continue  # no .gitignore above these files: none of them is ignored
        ignored.update(
            p for p in members if _ignored_by_files(Path(os.path.abspath(p)), cache, chains)
        )
    return ignored


def _folders_from_root(folder: Path, chains: dict[Path, list[Path]]) -> list[Path]:
    """The folders from the repository root (a folder with .git) down to ``folder``."""
    if folder not in chains:
        folders = [*reversed(folder.parents), folder]
        root = max((i for i, f in enumerate(folders) if (f / ".git").exists()), default=None)
        chains[folder] = [folder] if root is None else folders[root:]
    return chains[folder]


def _ignored_by_files(
    path: Path,
    cache: dict[Path, list[tuple[str, bool, bool]]],
    chains: dict[Path, list[Path]],
) -> bool:
    """Apply .gitignore files from the repository root down; the last matching rule wins."""
    folders = _folders_from_root(path.parent, chains)
    ignored = False
    for folder in folders:
        relative_parts = path.relative_to(folder).parts
        for pattern, negated, folder_only in _rules(folder, cache):
            for depth in range(1, len(relative_parts) + 1):
                candidate = "/".join(relative_parts[:depth])
                is_folder = depth < len(relative_parts)
                if (is_folder or not folder_only) and _matches(pattern, candidate):
                    ignored = not negated
                    break
    return ignored


def _matches(pattern: str, relative: str) -> bool:
    # glob_regex also matches everything below a matching folder, like git.
    return glob_regex(pattern).fullmatch(relative) is not None


def _rules(
    folder: Path, cache: dict[Path, list[tuple[str, bool, bool]]]
) -> list[tuple[str, bool, bool]]:
    if folder not in cache:
        rules: list[tuple[str, bool, bool]] = []
        try:
            lines = (folder / ".gitignore").read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            lines = []
        for line in lines:
            line = line.rstrip()
            if not line or line.startswith("#"):
                continue
            negated = line.startswith("!")
            pattern = line[1:] if negated else line
            rules.append((pattern.rstrip("/"), negated, pattern.endswith("/")))
        cache[folder] = rules
    return cache[folder]
