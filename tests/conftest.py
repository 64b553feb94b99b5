"""Fixtures shared by the test modules.

Every test runs against a fake LanguageTool on 127.0.0.1 (REPLYLINT_LANGUAGETOOL) with a fresh
cache directory, so no test reaches a real server, a local LanguageTool or the user's cache.
Tests marked ``languagetool`` need the real thing and run only when asked: ``-m languagetool``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# Modules imported while the tests are collected (the Latvian pack stores its words' analyses
# and may build its dictionary's trie, 820 KB; lexicons store their parse) write the cache
# folder before any fixture runs: a folder of the session's own, never the user's. Set before
# the imports below, which may already read it.
_COLLECTION_CACHE = tempfile.mkdtemp(prefix="replylint-tests-cache-")
os.environ["REPLYLINT_CACHE_DIR"] = _COLLECTION_CACHE

import fake_languagetool  # noqa: E402
import pytest  # noqa: E402
from helpers import lint_text  # noqa: E402

from replylint.checks.languagetool import client as languagetool  # noqa: E402
from replylint.checks.languagetool.options import ENV_SERVER  # noqa: E402


@pytest.fixture
def lint() -> Any:
    """The ``lint_text`` helper as a fixture."""
    return lint_text


@pytest.fixture(scope="session")
def fake_server() -> Iterator[fake_languagetool.FakeLanguageTool]:
    """One fake LanguageTool for the session (always in 'ok' mode between tests)."""
    fake = fake_languagetool.FakeLanguageTool()
    server = fake_languagetool.start(fake)
    yield fake
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def _models(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder of unpacked models (py3langid's, 67 MB) for the session's cache folders."""
    return tmp_path_factory.mktemp("models")


@pytest.fixture(scope="session")
def _simplemma(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for the Latvian dictionary's trie (lv_store.py, 820 KB, ~0.4 s to build)."""
    return tmp_path_factory.mktemp("simplemma")


@pytest.fixture(autouse=True)
def _isolated_languagetool(
    fake_server: fake_languagetool.FakeLanguageTool,
    tmp_path: Path,
    monkeypatch: Any,
    _models: Path,
    _simplemma: Path,
) -> Iterator[None]:
    monkeypatch.setenv(ENV_SERVER, fake_server.url)
    # Each test's cache starts empty but for the models: a test's subprocess that meets a
    # Latvian reply must not unpack and write py3langid's model again (detector_model.py).
    # Beside tmp_path, not in it: tests list what a run left in their folder.
    cache = tmp_path.with_name(tmp_path.name + "-cache")
    cache.mkdir()
    (cache / "models").symlink_to(_models, target_is_directory=True)
    # Nor build the Latvian dictionary's trie again (checks/builtin/packs/lv_store.py).
    (cache / "simplemma").symlink_to(_simplemma, target_is_directory=True)
    monkeypatch.setenv("REPLYLINT_CACHE_DIR", str(cache))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "user-config"))  # no user config
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "no-languagetool-here"))
    monkeypatch.delenv("LTP_JAR_DIR_PATH", raising=False)
    fake_server.mode = "ok"
    fake_server.requests.clear()
    languagetool.reset()
    yield
    languagetool.reset()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip the opt-in ``languagetool`` tests unless the marker expression names them."""
    if "languagetool" in (config.getoption("markexpr", "") or ""):
        return
    skip = pytest.mark.skip(reason="needs a real LanguageTool; run with -m languagetool")
    for item in items:
        if item.get_closest_marker("languagetool") is not None:
            item.add_marker(skip)


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the collection's cache folder."""
    shutil.rmtree(_COLLECTION_CACHE, ignore_errors=True)
