"""The Markdown summary: for a pull-request comment or GitHub's job summary ($GITHUB_STEP_SUMMARY).

The same audit as the HTML report, in GitHub-flavoured Markdown: the score and verdict with
its thresholds, a table per category, the lowest replies, and findings grouped by check in
collapsed ``<details>``. GitHub renders HTML inside Markdown, so text from replies is escaped
for both; the page stays well under the job summary's 1 MiB.
"""

from __future__ import annotations

import html
import re
from typing import IO, Any

from replylint.checks import Finding, ReplyResult
from replylint.cli.formats.audit import SEVERITIES, Audit, shown_score, verdict_text
from replylint.cli.formats.base import tool_version
from replylint.cli.formats.visible import visible
from replylint.cli.inputs.targets import InputError
from replylint.cli.report import Report

LOWEST_LISTED = 10
EXCERPT = 120  # characters of a message or suggestion
# Markdown's inline syntax, escaped with a backslash so text from replies stays literal
# (| would also end a table cell; < > & are HTML-escaped). A zero-width space after @ and #
# keeps GitHub from turning "@name" into a mention that notifies someone, or "#123" into a link.
_MARKDOWN = re.compile(r"([\\`*_\[\]|~])")
_LINKED = re.compile(r"([@#])")


def md(value: object, limit: int | None = None) -> str:
    """Untrusted text as literal Markdown on one line (HTML escaped too: GitHub renders it)."""
    text = visible(" ".join(str(value).split()))
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    escaped = _MARKDOWN.sub(r"\\\1", html.escape(text, quote=False))
    return _LINKED.sub("\\1\u200b", escaped)


class MarkdownFormat:
    """Counts as replies arrive; writes the page at the end."""

    def __init__(self, out: IO[str], **_: Any) -> None:
        self.out = out
        self.audit = Audit()

    def reply(self, result: ReplyResult) -> None:
        self.audit.add(result)

    def input_error(self, error: InputError) -> None:
        pass  # listed from the Report at the end

    def finish(self, report: Report, settings: dict[str, Any]) -> None:
        self.out.write("\n".join(markdown_lines(self.audit, report, settings)) + "\n")


def markdown_lines(audit: Audit, report: Report, settings: dict[str, Any]) -> list[str]:
    """The whole page, line by line."""
    verdict, rules = verdict_text(report, settings)
    overall = shown_score(report.overall)
    score = "n/a" if overall is None else f"{overall:.1f}"
    mark = {"passed": "✅", "failed": "❌", "error": "⚠️"}[verdict]
    counts = ", ".join(f"{report.by_severity[s]} {s}" for s in SEVERITIES)
    lines = [
        "## replylint",
        "",
        f"{mark} **{verdict}** · score **{score}** ({md(rules)})",
        "",
        f"{len(report.files)} files · {report.replies} replies · {report.findings} findings "
        f"({counts}) · {len(report.errors)} input errors · {report.suppressed} suppressed",
    ]
    if report.baseline_known is not None:
        lines += [
            "",
            f"Baseline: **{report.findings} new**, {report.baseline_known} known (not "
            f"reported), {report.baseline_fixed} fixed.",
        ]
    lines += ["", "### Findings per category", "", "| Category | Findings |", "| --- | ---: |"]
    lines += [f"| {name} | {count} |" for name, count in audit.categories()]
    lowest = audit.lowest()[:LOWEST_LISTED]
    if lowest:
        lines += ["", "### Lowest-scoring replies", "", "| Score | Reply | Findings |"]
        lines.append("| ---: | --- | --- |")
        for entry in lowest:
            codes = ", ".join(sorted({f.code for f in entry.findings})) or "none"
            lines.append(f"| {entry.score:.0f} | {md(entry.label, 200)} | {codes} |")
    checks = audit.checks_by_count()
    if checks:
        lines += ["", "### Findings per check", ""]
        for check, count in checks:
            lines += _check_details(check, count, audit.examples.get(check, []))
    problems = [f"{e.path}: {e.message}" for e in report.errors[:20]]
    problems += report.failures[:20]
    problems += report.service_error_lines()
    problems += [f"{r} ({', '.join(c)})" for r, c in sorted(report.notices.items())]
    if problems:
        lines += ["", "### Problems", ""] + [f"- {md(p, 300)}" for p in problems]
        if len(report.errors) > 20:
            lines.append(f"- … and {len(report.errors) - 20} more input errors")
    lines += ["", f"<sub>replylint {md(tool_version())}</sub>"]
    return lines


def _check_details(check: str, count: int, examples: list[tuple[str, Finding]]) -> list[str]:
    lines = [
        "<details>",
        f"<summary><b>{html.escape(check)}</b>: {count} finding{'s' * (count != 1)}</summary>",
        "",
    ]
    for label, finding in examples:
        advice = f" → {md(finding.suggestion, EXCERPT)}" if finding.suggestion else ""
        lines.append(
            f"- {md(label, 200)}:{finding.line}:{finding.column} {finding.severity}: "
            f"“{md(finding.text, 80)}” {md(finding.message, EXCERPT)}{advice}"
        )
    if count > len(examples):
        lines.append(f"- … and {count - len(examples)} more")
    return [*lines, "", "</details>", ""]
