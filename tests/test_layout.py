"""The installed layout: one ``replylint`` namespace, nothing named cli/checks/config on top."""

from __future__ import annotations

import importlib.util

import pytest


@pytest.mark.parametrize("name", ["cli", "checks", "config"])
def test_folder_names_are_not_top_level_packages(name: str) -> None:
    assert importlib.util.find_spec(name) is None


@pytest.mark.parametrize("name", ["replylint.cli", "replylint.checks", "replylint.config"])
def test_subpackages_import_under_the_namespace(name: str) -> None:
    assert importlib.util.find_spec(name) is not None
