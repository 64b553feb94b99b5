"""The build backend: setuptools', plus mypy (for mypyc) as a build requirement when compiling.

``REPLYLINT_COMPILE=1 pip install .`` (or ``python -m build``) compiles the hot modules that
setup.py lists with mypyc; without the variable the wheel is the pure-Python one and mypy is not
installed into the build environment. An editable install never compiles: a C extension beside
the sources would shadow every edit made after it.
"""

from __future__ import annotations

import os
from typing import Any

from setuptools import build_meta as _setuptools
from setuptools.build_meta import (
    build_sdist,
    build_wheel,
    get_requires_for_build_editable,
    get_requires_for_build_sdist,
    prepare_metadata_for_build_editable,
    prepare_metadata_for_build_wheel,
)

__all__ = [
    "build_editable",
    "build_sdist",
    "build_wheel",
    "get_requires_for_build_editable",
    "get_requires_for_build_sdist",
    "get_requires_for_build_wheel",
    "prepare_metadata_for_build_editable",
    "prepare_metadata_for_build_wheel",
]

# mypyc ships with mypy; the test extra's lower bound.
MYPYC = "mypy>=1.10"


def get_requires_for_build_wheel(config_settings: dict[str, Any] | None = None) -> list[str]:
    wanted = _setuptools.get_requires_for_build_wheel(config_settings)
    return [*wanted, MYPYC] if os.environ.get("REPLYLINT_COMPILE") == "1" else wanted


def build_editable(
    wheel_directory: str,
    config_settings: dict[str, Any] | None = None,
    metadata_directory: str | None = None,
) -> str:
    os.environ.pop("REPLYLINT_COMPILE", None)  # setup.py runs in this process
    return _setuptools.build_editable(wheel_directory, config_settings, metadata_directory)
