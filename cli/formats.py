"""Report formats. Each receives replies as they are linted and the Report at the end.

Machine formats are built only from ``Finding.to_dict()``; the text format is for people.
"""

from __future__ import annotations

import json
from importlib.metadata import PackageNotFoundError, version
from typing import IO, Any, Protocol

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from replylint.checks import Category, ReplyResult, Severity
from replylint.cli.inputs import InputError
from replylint.cli.report import Report, reply_label

SCHEMA_VERSION = 1
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
TABLE_ALL_UP_TO = 25
LOWEST_SHOWN = 10
WORST_MACROS_SHOWN = 3


def tool_version() -> str:
    """The installed replylint version."""
    try:
        return version("replylint")
    except PackageNotFoundError:  # pragma: no cover - running from an uninstalled tree
        return "0+unknown"


class Formatter(Protocol):
    """What the runner calls while it lints."""

    def reply(self, result: ReplyResult) -> None: ...
    def input_error(self, error: InputError) -> None: ...
    def finish(self, report: Report, settings: dict[str, Any]) -> None: ...


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
        if not self.quiet and report.scores:
            self._score_table(report)
            self._worst_macros(report)
            self._check_counts(report)
        for reason, checks in sorted(report.notices.items()):
            self.console.print(f"[yellow]{escape(reason)} ({escape(', '.join(checks))})[/]")
        self.console.print(summary_line(report, settings))

    def _score_table(self, report: Report) -> None:
        rows = (
            report.scores if len(report.scores) <= TABLE_ALL_UP_TO else report.lowest(LOWEST_SHOWN)
        )
        title = "Scores" if rows is report.scores else f"Lowest {len(rows)} scores"
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
        for path, worst in report.worst_per_library(WORST_MACROS_SHOWN).items():
            names = ", ".join(
                f"{row.label.split(' › ', 1)[1]} {_number(row.score)}" for row in worst
            )
            self.console.print(f"Worst macros in {escape(path)}: {escape(names)}")

    def _check_counts(self, report: Report) -> None:
        if not report.by_check:
            return
        counts = ", ".join(f"{name} {count}" for name, count in report.by_check.most_common())
        self.console.print(f"Findings per check: {escape(counts)}")


def _count(number: int, singular: str, plural: str | None = None) -> str:
    return f"{number} {singular if number == 1 else plural or singular + 's'}"


def _number(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0f}"


def summary_line(report: Report, settings: dict[str, Any]) -> str:
    """The one-line summary: counts, the overall score and the verdict."""
    severities = ", ".join(
        _count(report.by_severity[s], s)
        for s in ("error", "warning", "info")
        if report.by_severity[s]
    )
    parts = [
        _count(len(report.files), "file"),
        _count(len(report.scores), "reply", "replies"),
        _count(report.findings, "finding") + (f" ({severities})" if severities else ""),
    ]
    overall = report.overall
    parts.append(f"score {overall:.1f}" if overall is not None else "score n/a")
    if report.errors:
        parts.append(_count(len(report.errors), "input error"))
    if report.suppressed:
        parts.append(f"{report.suppressed} suppressed")
    if report.baseline_known is not None:
        parts.append(
            f"baseline: {report.baseline_known} known skipped, {report.baseline_fixed} fixed"
        )
    code = settings["exit_code"]
    verdict = {0: "[green]passed[/]", 1: "[red]failed[/]", 2: "[red]error[/]"}[int(code)]
    return " · ".join(parts) + f" · {verdict}"


class JsonFormat:
    """One JSON document (schema in the README): files with replies or an error each.

    File records are written as they complete, one per line, so a run over a library of
    100,000 macros never holds its report in memory (and the C encoder does the work).
    """

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.current: dict[str, Any] | None = None
        self.written = 0

    def _file(self, path: str) -> dict[str, Any]:
        # A file's replies and errors arrive together, in the order inputs are read.
        if self.current is None or self.current["path"] != path:
            self._flush()
            self.current = {"path": path, "status": "ok", "replies": []}
        return self.current

    def _flush(self) -> None:
        if self.current is None:
            return
        self._header()
        self.out.write(",\n" if self.written else "\n")
        self.out.write("    " + json.dumps(self.current, ensure_ascii=False))
        self.written += 1
        self.current = None

    def _header(self) -> None:
        if self.written == 0:
            tool = json.dumps({"name": "replylint", "version": tool_version()})
            self.out.write(
                f'{{\n  "schema_version": {SCHEMA_VERSION},\n  "tool": {tool},\n  "files": ['
            )

    def reply(self, result: ReplyResult) -> None:
        self._file(result.path)["replies"].append(reply_record(result))

    def input_error(self, error: InputError) -> None:
        record = self._file(error.path)
        record["status"] = "error"
        record.setdefault("errors", []).append(error.message)

    def finish(self, report: Report, settings: dict[str, Any]) -> None:
        self._flush()
        self._header()
        summary = json.dumps(summary_record(report, settings), indent=2, ensure_ascii=False)
        self.out.write(("\n  ]" if self.written else "]") + ',\n  "summary": ')
        self.out.write(summary.replace("\n", "\n  ") + "\n}\n")


def reply_record(result: ReplyResult) -> dict[str, Any]:
    """The JSON record of one reply."""
    return {
        "id": result.reply_id,
        "title": result.title,
        "kind": str(result.kind),
        "words": result.words,
        "score": _rounded(result.score.overall),
        "readability": _rounded(result.readability),
        "categories": {str(c): _rounded(s) for c, s in result.score.categories.items()},
        "not_applicable": dict(result.not_applicable),
        "suppressed": result.suppressed,
        "findings": [f.to_dict() for f in result.findings],
        "check_failures": [
            {"code": f.code, "name": f.name, "message": f.message} for f in result.failures
        ],
    }


def summary_record(report: Report, settings: dict[str, Any]) -> dict[str, Any]:
    """The JSON summary of a run."""
    return {
        "files": len(report.files),
        "replies": len(report.scores),
        "findings": report.findings,
        "by_severity": {s: report.by_severity[s] for s in ("error", "warning", "info")},
        "by_check": dict(report.by_check.most_common()),
        "score": _rounded(report.overall),
        "lowest": [{"reply": s.label, "score": _rounded(s.score)} for s in report.lowest(10)],
        "worst_macros": {
            path: [{"reply": s.label, "score": _rounded(s.score)} for s in worst]
            for path, worst in report.worst_per_library(WORST_MACROS_SHOWN).items()
        },
        "input_errors": [{"path": e.path, "message": e.message} for e in report.errors],
        "check_failures": list(report.failures),
        "notices": [
            {"reason": reason, "checks": checks}
            for reason, checks in sorted(report.notices.items())
        ],
        "suppressed": report.suppressed,
        "baseline": None
        if report.baseline_known is None
        else {"known": report.baseline_known, "fixed": report.baseline_fixed},
        "fail_on": str(settings["fail_on"]),
        "fail_under": settings["fail_under"],
        "exit_code": int(settings["exit_code"]),
    }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


FORMATS = {"text": TextFormat, "json": JsonFormat}
# Every --format name; the CI formats live in ci_formats, imported only when one is asked for.
FORMAT_NAMES = ("text", "json", "github", "sarif", "junit")


def make_formatter(
    name: str, out: IO[str], registry: Any = None, color: bool | None = None, quiet: bool = False
) -> Formatter:
    """The formatter for ``--format name`` writing to ``out``."""
    if name == "text":
        return TextFormat(out, color=color, quiet=quiet)
    if name == "json":
        return JsonFormat(out)
    from replylint.cli.ci_formats import FORMATS as ALL_FORMATS

    return ALL_FORMATS[name](out, registry=registry)  # type: ignore[no-any-return]
