"""A progress bar on standard error for long runs (issue 18).

Only where someone watches it: standard error is a terminal, the report does not stream to that
terminal meanwhile (its lines would tear the bar: it goes to a file, a pipe or ``--output``),
not under ``--quiet``, not in CI (``CI`` set, as GitHub Actions, GitLab and most others do), and
only for more than PROGRESS_FROM files. It never writes to standard output, and Rich is imported
only when a bar is shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import IO, Any

PROGRESS_FROM = 300  # files; fewer are done before a bar would help


def wants_progress(
    *,
    quiet: bool,
    stderr: IO[str],
    stdout: IO[str],
    report_to_stdout: bool,
    environ: Mapping[str, str],
) -> bool:
    """Whether a run may show a bar (the file count decides later, in Progress.start)."""
    if quiet or environ.get("CI") or environ.get("TERM") == "dumb":
        return False
    if not _isatty(stderr):
        return False
    return not (report_to_stdout and _isatty(stdout))


def _isatty(stream: IO[str]) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


class Progress:
    """Counts the run's files first (the bar needs a total), then advances once a file."""

    def __init__(self, stream: IO[str], threshold: int = PROGRESS_FROM, console: Any = None):
        self.stream = stream
        self.threshold = threshold
        self.console = console
        self.bar: Any = None
        self.task: Any = None

    def start(self, targets: Iterable[Any]) -> list[Any]:
        """The targets, listed; a bar starts when there are more than ``threshold``."""
        listed = list(targets)
        if len(listed) <= self.threshold:
            return listed
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
        from rich.progress import Progress as Bar

        console = self.console or Console(file=self.stream, stderr=True)
        self.bar = Bar(
            TextColumn("linting"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("files"),
            TimeRemainingColumn(),
            console=console,
            transient=True,  # gone when the run ends: the summary line is what stays
            redirect_stdout=False,  # standard output is the report's alone
            redirect_stderr=True,  # input-error lines print above the bar
        )
        self.task = self.bar.add_task("lint", total=len(listed))
        self.bar.start()
        return listed

    def advance(self) -> None:
        """One more file done."""
        if self.bar is not None:
            self.bar.advance(self.task)

    def stop(self) -> None:
        """Remove the bar."""
        if self.bar is not None:
            self.bar.stop()
            self.bar = None
