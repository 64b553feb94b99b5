"""``--format concise``: one ``path:line:col: CODE [severity] message`` line per finding.

The shape every editor's problem matcher and ``grep`` read (ruff's and flake8's default).
"""

from __future__ import annotations

from typing import IO, Any

from replylint.checks import ReplyResult
from replylint.cli.formats.base import summary_line
from replylint.cli.inputs.targets import InputError
from replylint.cli.report import Report, reply_label


class ConciseFormat:
    """A finding a line; input errors as ``path: input error: …``; the summary line last."""

    def __init__(self, out: IO[str], **_: Any) -> None:
        self.out = out

    def reply(self, result: ReplyResult) -> None:
        """One line per finding (a macro's label leads its message)."""
        prefix = f"{reply_label(result)}: " if result.title or result.reply_id else ""
        for f in result.findings:
            self.out.write(
                f"{f.path}:{f.line}:{f.column}: {f.code} [{f.severity}] {prefix}{f.message}\n"
            )

    def input_error(self, error: InputError) -> None:
        """The file and what is wrong with it."""
        self.out.write(f"{error.path}: input error: {error.message}\n")

    def finish(self, report: Report, settings: dict[str, Any]) -> None:
        """Crashed checks, then the one-line summary."""
        for failure in report.failures:
            self.out.write(f"{failure}\n")
        self.out.write(summary_line(report, settings) + "\n")
