"""The build backend: setuptools', with the optional compiled build (.build/compiled.py).

``REPLYLINT_COMPILE=1 pip install .`` (or ``python -m build``) compiles the hot modules that
.build/compiled.py lists with mypyc; without the variable the wheel is the pure-Python one and
mypy is not installed into the build environment. An editable install never compiles: a C
extension beside the sources would shadow every edit made after it.

Why a backend of our own: the tree's top level holds only pyproject.toml, the README and the
three package folders, so the setup script lives here and setuptools is told where (it looks
for ./setup.py otherwise), and the sdist carries this folder (setuptools adds only what a
MANIFEST.in names, which would be one more file at the top).
"""

from __future__ import annotations

import os
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from setuptools import build_meta as _setuptools

HERE = Path(__file__).resolve().parent
SETUP_SCRIPT = HERE / "compiled.py"
MYPYC = "mypy>=1.10"  # mypyc ships with mypy; the test extra's lower bound


class _Backend(_setuptools._BuildMetaBackend):  # type: ignore[misc,name-defined]
    def run_setup(self, setup_script: str = "setup.py") -> None:
        super().run_setup(str(SETUP_SCRIPT))


_BACKEND = _Backend()
build_wheel = _BACKEND.build_wheel
get_requires_for_build_sdist = _BACKEND.get_requires_for_build_sdist
get_requires_for_build_editable = _BACKEND.get_requires_for_build_editable
prepare_metadata_for_build_wheel = _BACKEND.prepare_metadata_for_build_wheel
prepare_metadata_for_build_editable = _BACKEND.prepare_metadata_for_build_editable


def get_requires_for_build_wheel(config_settings: dict[str, Any] | None = None) -> list[str]:
    wanted: list[str] = _BACKEND.get_requires_for_build_wheel(config_settings)
    return [*wanted, MYPYC] if os.environ.get("REPLYLINT_COMPILE") == "1" else wanted


def build_editable(
    wheel_directory: str,
    config_settings: dict[str, Any] | None = None,
    metadata_directory: str | None = None,
) -> str:
    os.environ.pop("REPLYLINT_COMPILE", None)  # the setup script runs in this process
    built: str = _BACKEND.build_editable(wheel_directory, config_settings, metadata_directory)
    return built


def build_sdist(sdist_directory: str, config_settings: dict[str, Any] | None = None) -> str:
    """setuptools' sdist, with this folder added (a wheel built from the sdist needs it)."""
    name: str = _BACKEND.build_sdist(sdist_directory, config_settings)
    path = Path(sdist_directory) / name
    top = name.removesuffix(".tar.gz")
    descriptor, temporary = tempfile.mkstemp(dir=sdist_directory, suffix=".tar.gz")
    os.close(descriptor)
    try:
        with tarfile.open(path) as old, tarfile.open(temporary, "w:gz", format=old.format) as new:
            for member in old.getmembers():
                new.addfile(member, old.extractfile(member) if member.isfile() else None)
            for file in sorted(HERE.glob("*.py")):
                new.add(file, arcname=f"{top}/.build/{file.name}")
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)
    return name
