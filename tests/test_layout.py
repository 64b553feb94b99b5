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


PUBLIC = ("Category", "Check", "Example", "Finding", "Hit", "Kind", "Option", "Reply", "Severity")


@pytest.mark.parametrize("name", PUBLIC)
def test_plugin_names_import_from_the_checks_package(name: str) -> None:
    import replylint.checks

    assert getattr(replylint.checks, name).__name__ == name


def test_the_reply_package_still_offers_the_reply_types() -> None:
    from replylint.checks import Part, Reply, Sentence, reply

    assert (reply.Reply, reply.Part, reply.Sentence) == (Reply, Part, Sentence)


@pytest.mark.parametrize("folder", ["checks", "cli", "config"])
def test_every_sub_package_says_what_lives_there(folder: str) -> None:
    from pathlib import Path

    for init in (Path(__file__).resolve().parents[1] / folder).rglob("__init__.py"):
        first = init.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith('"""replylint.') and ":" in first, init
