"""The text report, for people: findings in their line with a caret and a suggestion, scores.

Its own module because Rich, which lays it out, is the heaviest import of a run; machine
formats never load it.
"""

from __future__ import annotations

from typing import IO, Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from replylint.checks import Category, ReplyResult, Severity
from replylint.cli.formats import summary_line
from replylint.cli.inputs import InputError
from replylint.cli.report import WORST_MACROS_KEPT, Report, reply_label

SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
CATEGORY_HEADERS = {
    Category.POSITIVITY: "Pos",
    Category.TONE: "Tone",
    Category.POLITENESS: "Pol",
    Category.CLARITY: "Clar",
    Category.RESPECT: "Resp",
    Category.EMPATHY: "Emp",
    Category.CORRECTNESS: "Corr",
}


class TextFormat:
    """Findings grouped per reply with the offending words shown in their line, then scores."""

    def __init__(self, out: IO[str], color: bool | None = None, quiet: bool = False) -> None:
        self.console = Console(
            file=out, highlight=False, soft_wrap=True, force_terminal=color, no_color=color is False
        )
        self.quiet = quiet

    def reply(self, result: ReplyResult) -> None:
        if not result.findings and not result.failures:
            return
        score = "n/a" if result.score.overall is None else f"{result.score.overall:.0f}"
        self.console.print(
            Text.assemble(
                (reply_label(result), "bold underline"),
                f"  {result.kind} · {result.words} words · score {score}"
                + (
                    ""
                    if result.readability is None
                    else f" · reading ease {result.readability:.0f}"
                ),
            )
        )
        for finding, (line, column) in zip(result.findings, result.contexts, strict=True):
            self._finding(finding, line, column)
        for failure in result.failures:
            self.console.print(
                f"  [bold red]check {failure.code} {escape(failure.name)} "
                f"failed:[/] {escape(failure.message)}"
            )
        self.console.print()

    def _finding(self, finding: Any, line: str, column: int) -> None:
        style = SEVERITY_STYLE[finding.severity]
        position = f"{finding.line}:{finding.column}"
        self.console.print(
            Text.assemble(
                f"  {position:<8}",
                (f"{finding.code} {finding.name}", "bold"),
                "  ",
                (str(finding.severity), style),
                "  ",
                finding.message,
            )
        )
        width = max(min(len(finding.text), len(line) - column), 1)
        excerpt = Text("           │ ", style="dim")
        excerpt.append(line[:column])
        excerpt.append(line[column : column + width], style=f"{style} underline")
        excerpt.append(line[column + width :])
        self.console.print(excerpt)
        if not self.console.is_terminal or self.console.no_color:
            self.console.print("           │ " + " " * column + "^" * width, style="dim")
        if finding.suggestion:
            self.console.print(Text.assemble("           → ", (finding.suggestion, "green")))

    def input_error(self, error: InputError) -> None:
        pass  # errors go to stderr, one line each, as they happen (see runner)

    def finish(self, report: Report, settings: dict[str, Any]) -> None:
        if not self.quiet and report.replies:
            self._score_table(report)
            self._worst_macros(report)
            self._check_counts(report)
        for reason, checks in sorted(report.notices.items()):
            self.console.print(f"[yellow]{escape(reason)} ({escape(', '.join(checks))})[/]")
        self.console.print(summary_line(report, settings))

    def _score_table(self, report: Report) -> None:
        rows = report.table_rows()
        title = "Scores" if rows is report.first_rows else f"Lowest {len(rows)} scores"
        table = Table(title=title, title_justify="left", show_edge=False, pad_edge=False)
        table.add_column("Reply", overflow="fold", ratio=1)
        table.add_column("Kind")
        table.add_column("Words", justify="right")
        table.add_column("Score", justify="right")
        for header in CATEGORY_HEADERS.values():
            table.add_column(header, justify="right")
        table.add_column("Ease", justify="right")  # Flesch reading ease: 60-70 is plain English
        for row in rows:
            table.add_row(
                row.label,
                row.kind,
                str(row.words),
                _number(row.score),
                *(_number(row.categories.get(c.value)) for c in CATEGORY_HEADERS),
                _number(row.readability),
            )
        self.console.print(table)

    def _worst_macros(self, report: Report) -> None:
        """Per library file, its lowest-scoring macros (the table may show other files')."""
        for path, worst in report.worst_per_library(WORST_MACROS_KEPT).items():
            names = ", ".join(
                f"{row.label.split(' › ', 1)[1]} {_number(row.score)}" for row in worst
            )
            self.console.print(f"Worst macros in {escape(path)}: {escape(names)}")

    def _check_counts(self, report: Report) -> None:
        if not report.by_check:
            return
        counts = ", ".join(f"{name} {count}" for name, count in report.by_check.most_common())
        self.console.print(f"Findings per check: {escape(counts)}")


def _number(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0f}"
