"""The text report, for people: findings in their line with a caret and a suggestion, scores.

The layout is ours and the same everywhere; Rich only styles it, on a terminal (or with
--color). Piped output (pre-commit, CI logs, files) never imports Rich, which would be a
fifth of a one-file run, and a fixed-width Rich table folded file names into 5-letter shreds.
"""

from __future__ import annotations

import os
from typing import IO, Any

from replylint.checks import Category, ReplyResult, Severity
from replylint.cli.formats.base import summary_parts
from replylint.cli.formats.visible import visible, visible_line_start
from replylint.cli.inputs.targets import InputError
from replylint.cli.report import (
    WORST_MACROS_KEPT,
    ReplyScore,
    Report,
    language_label,
    reply_label,
)

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
# The score table: numbers first, right-aligned; the reply's label last, so a long path never
# squeezes the numbers and the table needs no terminal width.
NUMBER_HEADERS = ("Score", *CATEGORY_HEADERS.values(), "Ease", "Words")
Segment = str | tuple[str, str]  # text, or text and a Rich style


def wants_color(out: IO[str], color: bool | None) -> bool:
    """--color/--no-color, else the NO_COLOR and FORCE_COLOR conventions, else a terminal."""
    if color is not None:
        return color
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(out, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"


class Lines:
    """Writes lines of segments: plain text, or styled by Rich when colour is on."""

    def __init__(self, out: IO[str], color: bool | None = None) -> None:
        self.out = out
        self.styled = wants_color(out, color)
        if self.styled:
            from rich.console import Console  # only here: the import costs ~30 ms
            from rich.text import Text

            self.console = Console(file=out, highlight=False, soft_wrap=True, force_terminal=True)
            self.assemble = Text.assemble

    def write(self, *segments: Segment) -> None:
        if not self.styled:
            self.out.write("".join(s if isinstance(s, str) else s[0] for s in segments) + "\n")
            return
        self.console.print(self.assemble(*segments))


class TextFormat:
    """Findings grouped per reply with the offending words shown in their line, then scores."""

    def __init__(self, out: IO[str], color: bool | None = None, quiet: bool = False) -> None:
        self.lines = Lines(out, color)
        self.quiet = quiet

    def reply(self, result: ReplyResult) -> None:
        if result.not_linted is not None:
            self.lines.write(
                (visible_line_start(reply_label(result)), "bold underline"),
                (f"  not linted: {result.not_linted}", "yellow"),
            )
            return
        if not result.findings and not result.failures:
            return
        score = "n/a" if result.score.overall is None else f"{result.score.overall:.0f}"
        ease = "" if result.readability is None else f" · reading ease {result.readability:.0f}"
        self.lines.write(
            (visible_line_start(reply_label(result)), "bold underline"),
            f"  {result.kind} · {language_label(result)}{result.words} words · score {score}{ease}",
        )
        for finding, (line, column) in zip(result.findings, result.contexts, strict=True):
            self._finding(finding, line, column)
        for failure in result.failures:
            self.lines.write(
                (f"  check {failure.code} {failure.name} failed:", "bold red"),
                f" {visible(failure.message)}",
            )
        self.lines.write()

    def _finding(self, finding: Any, line: str, column: int) -> None:
        style = SEVERITY_STYLE[finding.severity]
        position = f"{finding.line}:{finding.column}"
        self.lines.write(
            f"  {position:<8}",
            (f"{finding.code} {finding.name}", "bold"),
            "  ",
            (str(finding.severity), style),
            "  ",
            visible(finding.message),
        )
        width = max(min(len(finding.text), len(line) - column), 1)
        # Each part escaped on its own, so the caret line stays under the escaped words.
        before, flagged = visible(line[:column]), visible(line[column : column + width])
        self.lines.write(
            (GUTTER, "dim"),
            before,
            (flagged, f"{style} underline"),
            visible(line[column + width :]),
        )
        if not self.lines.styled:  # without colour, a caret line shows what the underline would
            self.lines.write((GUTTER + " " * len(before) + "^" * max(len(flagged), 1), "dim"))
        if finding.suggestion:
            self.lines.write("           → ", (visible(finding.suggestion), "green"))

    def input_error(self, error: InputError) -> None:
        pass  # errors go to stderr, one line each, as they happen (see runner)

    def finish(self, report: Report, settings: dict[str, Any]) -> None:
        if not self.quiet and report.replies:
            self._score_table(report)
            self._worst_macros(report)
            self._check_counts(report)
        for reason, checks in sorted(report.notices.items()):
            # -q: findings and the summary only; where reply text was sent is always said.
            if self.quiet and not reason.startswith(SENT_NOTICE):
                continue
            self.lines.write((visible_line_start(f"{reason} ({', '.join(checks)})"), "yellow"))
        self.lines.write(*summary_segments(report, settings))

    def _score_table(self, report: Report) -> None:
        rows = report.table_rows()
        title = "Scores" if rows is report.first_rows else f"Lowest {len(rows)} scores"
        self.lines.write((title, "italic"))
        for cells, style in score_table(rows):
            self.lines.write((cells, style) if style else cells)
        for category, checks in _partly_measured(rows).items():
            self.lines.write(
                (f"* {category}: partly measured, without {', '.join(checks)}", "yellow")
            )

    def _worst_macros(self, report: Report) -> None:
        """Per library file, its lowest-scoring macros (the table may show other files')."""
        for path, worst in report.worst_per_library(WORST_MACROS_KEPT).items():
            names = ", ".join(
                f"{_name_in_library(row.label, path)} {_number(row.score)}" for row in worst
            )
            self.lines.write(visible(f"Worst macros in {path}: {names}"))

    def _check_counts(self, report: Report) -> None:
        if not report.by_check:
            return
        counts = ", ".join(f"{name} {count}" for name, count in report.by_check.most_common())
        self.lines.write(f"Findings per check: {counts}")


GUTTER = "           │ "
SENT_NOTICE = "grammar: reply text is sent to"  # runner._servers


def summary_segments(report: Report, settings: dict[str, Any]) -> tuple[Segment, ...]:
    """The summary line with its verdict coloured."""
    counts, verdict = summary_parts(report, settings)
    return f"{counts} · ", (verdict, "green" if verdict == "passed" else "red")


def score_table(rows: list[ReplyScore]) -> list[tuple[str, str]]:
    """The header and one line per row, columns aligned; each with its style."""
    cells = [
        [
            _number(row.score),
            *(
                _number(row.categories.get(c.value)) + ("*" * (c.value in row.partly_measured))
                for c in CATEGORY_HEADERS
            ),
            _number(row.readability),  # Flesch reading ease: 60-70 is plain English
            str(row.words),
            row.kind,
            visible(row.label),
        ]
        for row in rows
    ]
    headers = [*NUMBER_HEADERS, "Kind", "Reply"]
    widths = [max(len(row[i]) for row in [headers, *cells]) for i in range(len(headers))]
    numbers = len(NUMBER_HEADERS)

    def line(values: list[str]) -> str:
        padded = [
            value.rjust(width) if i < numbers else value.ljust(width)
            for i, (value, width) in enumerate(zip(values[:-1], widths, strict=False))
        ]
        return "  ".join([*padded, values[-1]])

    return [(line(headers), "bold"), *((line(row), "") for row in cells)]


def _partly_measured(rows: list[ReplyScore]) -> dict[str, list[str]]:
    """Per category marked with * in the table, the checks that did not measure it."""
    found: dict[str, list[str]] = {}
    for row in rows:
        for category, checks in row.partly_measured.items():
            names = found.setdefault(category, [])
            names.extend(c for c in checks if c not in names)
    return found


def _number(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0f}"


def _name_in_library(label: str, path: str) -> str:
    """``title (id)`` of ``path › title (id)``, ``row N`` of ``path:row N``."""
    if label.startswith(f"{path} › "):
        return label[len(path) + 3 :]
    return label.removeprefix(f"{path}:")
