"""Report formats. Each receives replies as they are linted and the Report at the end.

Machine formats are built only from ``Finding.to_dict()``; the text format is for people.
"""

from __future__ import annotations

import json
from typing import IO, Any, Protocol

from replylint.checks import ReplyResult
from replylint.cli import __version__
from replylint.cli.inputs.targets import InputError
from replylint.cli.report import LOWEST_KEPT, WORST_MACROS_KEPT, Report

SCHEMA_VERSION = 1


def tool_version() -> str:
    """The replylint version (pyproject.toml takes it from the same attribute)."""
    return __version__


class Formatter(Protocol):
    """What the runner calls while it lints."""

    def reply(self, result: ReplyResult) -> None: ...
    def input_error(self, error: InputError) -> None: ...
    def finish(self, report: Report, settings: dict[str, Any]) -> None: ...


def _count(number: int, singular: str, plural: str | None = None) -> str:
    return f"{number} {singular if number == 1 else plural or singular + 's'}"


def summary_line(report: Report, settings: dict[str, Any]) -> str:
    """The one-line summary: counts, the overall score and the verdict."""
    counts, verdict = summary_parts(report, settings)
    return f"{counts} · {verdict}"


VERDICTS = ("passed", "failed", "error")  # by exit code


def summary_parts(report: Report, settings: dict[str, Any]) -> tuple[str, str]:
    """The summary's counts and score, and its verdict (the text report colours it)."""
    severities = ", ".join(
        _count(report.by_severity[s], s)
        for s in ("error", "warning", "info")
        if report.by_severity[s]
    )
    parts = [
        _count(len(report.files), "file"),
        _count(report.replies, "reply", "replies"),
        _count(report.findings, "finding") + (f" ({severities})" if severities else ""),
    ]
    overall = report.overall
    parts.append(f"score {overall:.1f}" if overall is not None else "score n/a")
    if report.not_linted:
        parts.append(f"{report.not_linted} not linted (no language pack)")
    if report.errors:
        parts.append(_count(len(report.errors), "input error"))
    if report.suppressed:
        parts.append(f"{report.suppressed} suppressed")
    if report.fixable or report.unsafe_fixable:
        more = (
            f" ({report.unsafe_fixable} more with --unsafe-fixes)" if report.unsafe_fixable else ""
        )
        parts.append(f"{report.fixable} fixable{more}")
    if report.baseline_known is not None:
        parts.append(
            f"baseline: {report.baseline_known} known skipped, {report.baseline_fixed} fixed"
        )
    return " · ".join(parts), verdict(report, settings)


def verdict(report: Report, settings: dict[str, Any]) -> str:
    """passed / failed / error, saying why a run failed on its score and when --exit-zero
    forced a failed run's exit code to 0 (it never says "passed" over failures)."""
    code = int(settings["exit_code"])
    if code == 2:
        return VERDICTS[2]
    fail_under, overall = settings.get("fail_under"), report.overall
    low = fail_under is not None and overall is not None and overall < fail_under
    failed = bool(report.failing_replies) or low
    if not failed:
        return VERDICTS[code]
    text = "failed"
    if low:
        text += f" (score {overall:.1f} is under --fail-under {fail_under:g})"
    return text + ("; exit forced to 0 (--exit-zero)" if code == 0 else "")


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
    row = {} if result.row is None else {"row": result.row}
    return {
        "id": result.reply_id,
        "title": result.title,
        **row,
        "kind": str(result.kind),
        "language": result.language,
        "words": result.words,
        "score": _rounded(result.score.overall),
        "readability": _rounded(result.readability),
        "categories": {str(c): _rounded(s) for c, s in result.score.categories.items()},
        "partly_measured": {c: list(names) for c, names in result.partly_measured.items()},
        "not_linted": result.not_linted,
        "good_practice": {
            "specific_sentences": result.score.practice.specific,
            "actionable": result.score.practice.actionable,
            "asks": result.score.practice.asks,
            "complete": result.score.practice.complete,
        },
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
        "replies": report.replies,
        "findings": report.findings,
        "by_severity": {s: report.by_severity[s] for s in ("error", "warning", "info")},
        "by_check": dict(report.by_check.most_common()),
        "score": _rounded(report.overall),
        "lowest": [
            {"reply": s.label, "score": _rounded(s.score)} for s in report.lowest(LOWEST_KEPT)
        ],
        "worst_macros": {
            path: [{"reply": s.label, "score": _rounded(s.score)} for s in worst]
            for path, worst in report.worst_per_library(WORST_MACROS_KEPT).items()
        },
        "input_errors": [{"path": e.path, "message": e.message} for e in report.errors],
        "check_failures": list(report.failures),
        "service_errors": [
            {"reason": reason, "checks": checks}
            for reason, checks in sorted(report.service_errors.items())
        ],
        "notices": [
            {"reason": reason, "checks": checks}
            for reason, checks in sorted(report.notices.items())
        ],
        "suppressed": report.suppressed,
        "not_linted": report.not_linted,
        "baseline": None
        if report.baseline_known is None
        else {"known": report.baseline_known, "fixed": report.baseline_fixed},
        "fail_on": str(settings["fail_on"]),
        "fail_under": settings["fail_under"],
        "exit_code": int(settings["exit_code"]),
    }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


# Every --format name. Each lives in the module that needs it: Rich is imported only for
# text, the CI formats only when one is asked for.
FORMAT_NAMES = ("text", "json", "concise", "github", "sarif", "junit", "html", "markdown")


def make_formatter(
    name: str, out: IO[str], registry: Any = None, color: bool | None = None, quiet: bool = False
) -> Formatter:
    """The formatter for ``--format name`` writing to ``out``."""
    if name == "text":
        from replylint.cli.formats.text import TextFormat

        return TextFormat(out, color=color, quiet=quiet)
    if name == "json":
        return JsonFormat(out)
    if name == "concise":
        from replylint.cli.formats.concise import ConciseFormat

        return ConciseFormat(out)
    if name == "html":
        from replylint.cli.formats.html import HtmlFormat

        return HtmlFormat(out, registry=registry)
    if name == "markdown":
        from replylint.cli.formats.markdown import MarkdownFormat

        return MarkdownFormat(out)
    from replylint.cli.formats.ci import FORMATS

    return FORMATS[name](out, registry=registry)  # type: ignore[no-any-return]
