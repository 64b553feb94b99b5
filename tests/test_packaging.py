"""The built wheel holds one top-level name, replylint, with its data files."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("checks", "cli", "config")
NOT_SOURCE = (".git", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".venv")


@pytest.mark.slow
def test_wheel_has_only_the_replylint_namespace(tmp_path: Path) -> None:
    pytest.importorskip("build")
    # Built from a copy: setuptools reuses an in-tree build/ folder, whose leftovers would hide
    # a package missing from the list.
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*NOT_SOURCE))
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0 and "No module named" in done.stderr:
        pytest.skip(f"build backend missing here: {done.stderr.splitlines()[-1]}")
    assert done.returncode == 0, done.stderr[-2000:]
    (wheel,) = tmp_path.glob("replylint-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    top = {name.split("/")[0] for name in names}
    assert top == {"replylint", f"{wheel.name.split('-')[0]}-{wheel.name.split('-')[1]}.dist-info"}
    # A sub-package missing from [tool.setuptools] packages, or a data file from package-data,
    # is silently absent from the wheel yet importable in an editable install: compare the tree.
    missing = sorted(set(tree_files()) - names)
    assert not missing, f"in the tree but not in the wheel: {missing}"
    assert "replylint/checks/builtin/lexicons/negative-wording.yaml" in names
    assert not any(name.startswith("replylint/__init__") for name in names)


def tree_files() -> list[str]:
    """Every .py, .yaml and py.typed of the three folders, as its path inside the wheel."""
    found = []
    for folder in FOLDERS:
        for path in (ROOT / folder).rglob("*"):
            wanted = path.suffix in (".py", ".yaml") or path.name == "py.typed"
            if wanted and "__pycache__" not in path.parts:
                found.append(f"replylint/{path.relative_to(ROOT).as_posix()}")
    return found


def test_the_tree_has_every_sub_package_listed_in_pyproject() -> None:
    """Without a wheel build: each folder with an __init__.py is a listed package."""
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    on_disk = {
        "replylint." + ".".join(init.parent.relative_to(ROOT).parts)
        for folder in FOLDERS
        for init in (ROOT / folder).rglob("__init__.py")
    }
    assert on_disk == listed
