"""The progress bar: shown only where someone watches a long run, on stderr, never on stdout."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from replylint.checks import BUILTIN, load_registry
from replylint.cli.formats.base import make_formatter
from replylint.cli.progress import PROGRESS_FROM, Progress, wants_progress
from replylint.cli.runner import RunOptions, run_check
from replylint.config import ConfigResolver

FIXTURE_REPLIES = Path(__file__).parent / "fixtures" / "replies"


class Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(
    ("quiet", "stderr_tty", "stdout_tty", "report_to_stdout", "environ", "shown"),
    [
        (False, True, False, True, {}, True),  # report piped or redirected, watched on stderr
        (False, True, True, False, {}, True),  # --output: the terminal gets only the summary
        (False, True, True, True, {}, False),  # the report streams to the same terminal
        (False, False, False, True, {}, False),  # stderr is not a terminal (a log)
        (True, True, False, True, {}, False),  # --quiet
        (False, True, False, True, {"CI": "true"}, False),  # CI logs
        (False, True, False, True, {"TERM": "dumb"}, False),
    ],
)
def test_the_bar_is_shown_only_where_someone_watches(
    quiet: bool,
    stderr_tty: bool,
    stdout_tty: bool,
    report_to_stdout: bool,
    environ: dict[str, str],
    shown: bool,
) -> None:
    decided = wants_progress(
        quiet=quiet,
        stderr=Stream(stderr_tty),
        stdout=Stream(stdout_tty),
        report_to_stdout=report_to_stdout,
        environ=environ,
    )
    assert decided is shown


def run(progress: Progress | None, fmt: str = "json") -> str:
    out = io.StringIO()
    registry = load_registry(BUILTIN, plugins=[])
    resolver = ConfigResolver(
        registry, isolated=True, command_line={"languagetool": {"server": "off"}}
    )
    options = RunOptions(paths=(str(FIXTURE_REPLIES),), progress=progress, cache_results=False)
    run_check(resolver, options, make_formatter(fmt, out, registry=registry), errors=io.StringIO())
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_the_bar_goes_to_stderr_and_never_changes_stdout(fmt: str) -> None:
    from rich.console import Console

    stderr = Stream(True)
    console = Console(file=stderr, force_terminal=True, width=80)
    progress = Progress(stderr, threshold=3, console=console)
    assert run(progress, fmt) == run(None, fmt)
    files = len(list(FIXTURE_REPLIES.iterdir()))  # every file walked, read or passed over
    assert "linting" in stderr.getvalue() and f"{files}/{files}" in stderr.getvalue()
    assert progress.bar is None  # stopped by the run


def test_few_files_get_no_bar() -> None:
    stderr = Stream(True)
    progress = Progress(stderr)
    assert len(list(FIXTURE_REPLIES.glob("*.txt"))) < PROGRESS_FROM
    run(progress)
    assert stderr.getvalue() == "" and progress.bar is None
