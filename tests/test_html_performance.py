"""The HTML report of our review corpus (1,697 replies, one file each): under 2 s of CPU beyond
the lint itself, and under 10 MB (issue 18). Runs only where the corpus is (it is not part of
the repository: its licences forbid committing it); the files are written to a temporary folder.
"""

from __future__ import annotations

import io
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from replylint.checks import BUILTIN, load_registry
from replylint.cli import runner
from replylint.cli.formats.base import make_formatter
from replylint.cli.formats.html import HtmlFormat
from replylint.cli.runner import RunOptions, run_check
from replylint.config import ConfigResolver

CORPUS = next(
    (
        parent / "shared" / "corpus" / "replies.jsonl"
        for parent in Path(__file__).resolve().parents
        if (parent / "shared" / "corpus" / "replies.jsonl").is_file()
    ),
    None,
)


@pytest.fixture(scope="module")
def corpus_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if CORPUS is None:
        pytest.skip("no review corpus (shared/corpus/replies.jsonl) above the repository")
    folder = tmp_path_factory.mktemp("corpus")
    with CORPUS.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            text = json.loads(line)["text"]
            (folder / f"reply-{number:04d}.txt").write_text(text, encoding="utf-8")
    return folder


def cpu_seconds(folder: Path, fmt: str) -> tuple[float, str]:
    """CPU time of one run in this process (no workers, no results cache), and its output."""
    registry = load_registry(BUILTIN, plugins=[])
    resolver = ConfigResolver(
        registry, isolated=True, command_line={"languagetool": {"server": "off"}}
    )
    options = RunOptions(paths=(str(folder),), jobs=1, cache_results=False)
    out = io.StringIO()
    start = time.process_time()
    run_check(resolver, options, make_formatter(fmt, out, registry=registry), io.StringIO())
    return time.process_time() - start, out.getvalue()


def test_the_corpus_report_is_fast_and_small(
    corpus_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What the HTML report adds to the lint: reading each file's replies again (runner) and
    # everything the format does. Timed where it happens, as a difference of two whole runs
    # drowns in this machine's drift.
    spent = [0.0]

    def timed(function: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[0] += time.process_time() - start

        return run

    monkeypatch.setattr(runner, "_read_again", timed(runner._read_again))
    for method in ("source", "reply", "input_error", "finish"):
        monkeypatch.setattr(HtmlFormat, method, timed(getattr(HtmlFormat, method)))
    total, page = cpu_seconds(corpus_folder, "html")
    assert page.count("<article ") == 1697
    assert 0 < spent[0] < 2.0, (spent[0], total)
    assert len(page.encode("utf-8")) < 10_000_000
