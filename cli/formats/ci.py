"""Report formats for CI systems: GitHub workflow commands, SARIF 2.1.0 and JUnit XML.

All three are built from ``Finding.to_dict()`` records, like the JSON format.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote

from replylint.checks import Registry, ReplyResult, Severity
from replylint.cli.baseline import finding_records
from replylint.cli.formats.base import summary_line, tool_version
from replylint.cli.formats.visible import visible, visible_line_start
from replylint.cli.inputs.targets import InputError
from replylint.cli.report import Report, reply_label

GITHUB_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}
SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
# XML 1.0 forbids most control characters, even escaped; reply text may hold them.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def notice_lines(report: Report) -> list[str]:
    """The run's notices as the text report prints them: reason (checks)."""
    return [f"{reason} ({', '.join(checks)})" for reason, checks in sorted(report.notices.items())]


# -- GitHub Actions -------------------------------------------------------------------------
def github_data(value: str) -> str:
    """Escape a workflow command's message: %, CR and LF as GitHub documents ("Workflow
    commands for GitHub Actions"), then every other control character shown (see visible)."""
    return visible(value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def github_property(value: str) -> str:
    """Escape a workflow command property value (also ':' and ',')."""
    return github_data(value).replace(":", "%3A").replace(",", "%2C")


def _command(level: str, message: str, **properties: Any) -> str:
    fields = ",".join(
        f"{key}={github_property(str(value))}" for key, value in properties.items() if value
    )
    return f"::{level} {fields}::{github_data(message)}"


class GithubFormat:
    """One workflow command per finding, so GitHub annotates the lines of a pull request."""

    def __init__(self, out: IO[str], **_: Any) -> None:
        self.out = out

    def reply(self, result: ReplyResult) -> None:
        named = result.title or result.reply_id or result.row is not None
        prefix = f"{reply_label(result)}: " if named else ""
        if result.not_linted is not None:  # shown on the file, never a silent pass
            message = f"{prefix}not linted: {result.not_linted}"
            self.out.write(
                _command("warning", message, file=result.path, title="replylint: not linted") + "\n"
            )
        for finding in result.findings:
            data = finding.to_dict()
            message = prefix + data["message"]
            if data["suggestion"]:
                message += f" → {data['suggestion']}"
            self.out.write(
                _command(
                    GITHUB_LEVELS[data["severity"]],
                    message,
                    file=data["path"],
                    line=data["line"],
                    col=data["column"],
                    endLine=data["end_line"],
                    endColumn=data["end_column"],
                    title=f"{data['code']} {data['name']}",
                )
                + "\n"
            )

    def input_error(self, error: InputError) -> None:
        self.out.write(
            _command("error", error.message, file=error.path, title="replylint input error") + "\n"
        )

    def finish(self, report: Report, settings: dict[str, Any]) -> None:
        for failure in report.failures:
            self.out.write(_command("error", failure, title="replylint check failure") + "\n")
        for line in report.service_error_lines():
            self.out.write(_command("error", line, title="replylint grammar") + "\n")
        for notice in notice_lines(report):  # plain log lines: a skipped check, a server used
            self.out.write(visible_line_start(notice) + "\n")
        self.out.write(summary_line(report, settings) + "\n")


# -- SARIF 2.1.0 ----------------------------------------------------------------------------
def artifact_uri(path: str) -> dict[str, str]:
    """A SARIF artifactLocation: relative to the working folder with '/' when inside it."""
    if path == "-":
        return {"uri": "stdin"}
    absolute = Path(path).resolve()
    try:
        relative = absolute.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return {"uri": absolute.as_uri()}
    # fsencode: a name that is not UTF-8 gets its own bytes percent-encoded, as as_uri() does.
    return {"uri": quote(os.fsencode(relative)), "uriBaseId": "%SRCROOT%"}


# Where the streamed results go in the log's layout (see SarifFormat._open).
_RESULTS_HOLE = "\x00results\x00"
_RESULT_INDENT = "\n" + " " * 8


class SarifFormat:
    """A SARIF 2.1.0 log: every check as a rule, findings as results, input errors as
    tool execution notifications (for GitHub code scanning and other SARIF viewers).

    Results are written as replies are linted, so a run over 200,000 files never holds them
    (issue 15 item 13); the invocation, known only at the end, follows them.
    """

    def __init__(self, out: IO[str], registry: Registry | None = None, **_: Any) -> None:
        self.out = out
        checks = sorted(registry or (), key=lambda c: c.code)
        self.rules = [self._rule(check) for check in checks]
        self.index = {check.code: number for number, check in enumerate(checks)}
        self.written = 0
        self.tail: str | None = None
        self.notifications: list[dict[str, Any]] = []

    def _open(self) -> None:
        """Write the log up to its first result; keep what follows the results for finish."""
        if self.tail is not None:
            return
        log = {
            "$schema": SARIF_SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "replylint",
                            "version": tool_version(),
                            "rules": self.rules,
                        }
                    },
                    "originalUriBaseIds": {
                        "%SRCROOT%": {"uri": Path.cwd().resolve().as_uri() + "/"}
                    },
                    "columnKind": "unicodeCodePoints",
                    "results": _RESULTS_HOLE,
                }
            ],
        }
        text = json.dumps(log, indent=2, ensure_ascii=False)
        head, self.tail = text.split(json.dumps(_RESULTS_HOLE), 1)
        self.out.write(head + "[")

    def _result(self, sarif: dict[str, Any]) -> None:
        self._open()
        self.out.write(("," if self.written else "") + _RESULT_INDENT)
        self.out.write(
            json.dumps(sarif, indent=2, ensure_ascii=False).replace("\n", _RESULT_INDENT)
        )
        self.written += 1

    @staticmethod
    def _rule(check: Any) -> dict[str, Any]:
        return {
            "id": check.code,
            "name": check.name,
            "shortDescription": {"text": check.summary},
            "fullDescription": {"text": check.rationale},
            "help": {"text": f"{check.summary}\n\n{check.rationale}\n\n{check.guidance}"},
            "defaultConfiguration": {
                "level": SARIF_LEVELS[str(check.severity)],
                "enabled": check.default_enabled,
            },
            "properties": {"category": str(check.category), "tags": [str(check.category)]},
        }

    def reply(self, result: ReplyResult) -> None:
        label = reply_label(result)
        if result.not_linted is not None:  # a warning notification on the file, not silence
            message = f"{label}: not linted: {result.not_linted}"
            where = {"physicalLocation": {"artifactLocation": artifact_uri(result.path)}}
            self.notifications.append(
                {"level": "warning", "message": {"text": visible(message)}, "locations": [where]}
            )
        fingerprints = finding_records(result, Path.cwd().resolve())
        for finding, record in zip(result.findings, fingerprints, strict=True):
            data = finding.to_dict()
            location: dict[str, Any] = {
                "physicalLocation": {
                    "artifactLocation": artifact_uri(data["path"]),
                    "region": {
                        "startLine": data["line"],
                        "startColumn": data["column"],
                        "endLine": data["end_line"],
                        "endColumn": data["end_column"],
                        "snippet": {"text": visible(data["text"])},
                    },
                }
            }
            if result.title or result.reply_id or result.row is not None:
                name = result.title or result.reply_id or f"row {result.row}"
                location["logicalLocations"] = [
                    {
                        "name": visible(name),
                        "fullyQualifiedName": visible(label),
                    }
                ]
            sarif: dict[str, Any] = {
                "ruleId": data["code"],
                "level": SARIF_LEVELS[data["severity"]],
                "message": {"text": visible(data["message"])},
                "locations": [location],
                "partialFingerprints": {"replylintFinding/v1": record["fingerprint"]},
                "properties": {"category": data["category"], "reply": visible(label)},
            }
            if data["code"] in self.index:
                sarif["ruleIndex"] = self.index[data["code"]]
            if data["suggestion"]:
                suggestion = visible(data["suggestion"])
                sarif["properties"]["suggestion"] = suggestion
                sarif["message"]["text"] += f" Suggestion: {suggestion}"
            self._result(sarif)

    def input_error(self, error: InputError) -> None:
        self.notifications.append(
            {
                "level": "error",
                "message": {"text": visible(error.message)},
                "locations": [{"physicalLocation": {"artifactLocation": artifact_uri(error.path)}}],
            }
        )

    def finish(self, report: Report, settings: dict[str, Any]) -> None:
        notifications = (
            self.notifications
            + [
                {"level": "error", "message": {"text": visible(failure)}}
                for failure in [*report.failures, *report.service_error_lines()]
            ]
            + [{"level": "note", "message": {"text": visible(n)}} for n in notice_lines(report)]
        )
        invocation: dict[str, Any] = {
            "executionSuccessful": not (report.errors or report.failures or report.service_errors),
            "exitCode": int(settings["exit_code"]),
        }
        if notifications:
            invocation["toolExecutionNotifications"] = notifications
        self._open()
        assert self.tail is not None
        invocations = json.dumps([invocation], indent=2, ensure_ascii=False)
        self.out.write(("\n      ]" if self.written else "]") + ',\n      "invocations": ')
        self.out.write(invocations.replace("\n", "\n      ") + self.tail + "\n")


# -- JUnit XML ------------------------------------------------------------------------------
def _xml(value: Any) -> str:
    # visible: what XML allows (ESC aside) still misleads a reader, BiDi overrides above all.
    return NOT_XML.sub("\ufffd", visible(str(value)))


class JunitFormat:
    """JUnit XML: a test suite per file, a test case per reply (GitLab, Jenkins, Azure).

    The totals are attributes of the opening ``<testsuites>`` tag and ``--fail-on`` decides
    failures, both known only at the end: so each reply and input error goes to a spool file as
    one JSON line (memory up to 8 MB, then disk), and the document is written from it at the
    end, in two passes. A run over 200,000 files never holds them all in memory. Suites come in
    input order, one per file.
    """

    SPOOL_MEMORY = 8 * 1024 * 1024

    def __init__(self, out: IO[str], **_: Any) -> None:
        self.out = out
        self.spool = tempfile.SpooledTemporaryFile(  # noqa: SIM115 - closed in finish()
            max_size=self.SPOOL_MEMORY, mode="w+", encoding="utf-8", errors="surrogatepass"
        )

    def reply(self, result: ReplyResult) -> None:
        findings = [[int(f.severity), self._line(f)] for f in result.findings]
        record = [result.path, reply_label(result), result.not_linted, findings]
        self.spool.write(json.dumps(record) + "\n")

    def input_error(self, error: InputError) -> None:
        self.spool.write(json.dumps([error.path, None, None, error.message]) + "\n")

    def finish(self, report: Report, settings: dict[str, Any]) -> None:
        fail_on = settings["fail_on"]
        for line in report.service_error_lines():  # a named LanguageTool that cannot be used
            self.spool.write(json.dumps(["replylint", "LanguageTool", "service", line]) + "\n")
        totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        for suite in self._suites(fail_on):
            for key in totals:
                totals[key] += int(suite.get(key, "0"))
        attributes = " ".join(f'{key}="{value}"' for key, value in totals.items())
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        if not totals["tests"]:
            self.out.write(f'<testsuites name="replylint" {attributes} />\n')
        else:
            self.out.write(f'<testsuites name="replylint" {attributes}>\n')
            for suite in self._suites(fail_on):
                ET.indent(suite, level=1)
                self.out.write("  " + ET.tostring(suite, encoding="unicode") + "\n")
            self.out.write("</testsuites>\n")
        self.spool.close()

    def _suites(self, fail_on: Severity) -> Iterator[ET.Element]:
        """The suites, one per run of records of the same file, each with its counts."""
        self.spool.seek(0)
        suite: ET.Element | None = None
        for line in self.spool:
            path, label, state, detail = json.loads(line)
            if suite is None or suite.get("name") != _xml(path):
                if suite is not None:
                    yield _counted(suite)
                suite = ET.Element("testsuite", name=_xml(path))
            _add_case(suite, fail_on, path, label, state, detail)
        if suite is not None:
            yield _counted(suite)

    @staticmethod
    def _line(finding: Any) -> str:
        line = (
            f"{finding.line}:{finding.column} {finding.code} {finding.name} "
            f"{finding.severity}: {finding.message}"
        )
        return line + (f" → {finding.suggestion}" if finding.suggestion else "")


FORMATS: dict[str, Any] = {
    "github": GithubFormat,
    "sarif": SarifFormat,
    "junit": JunitFormat,
}


__all__ = ["FORMATS"]


def _add_case(
    suite: ET.Element, fail_on: Severity, path: str, label: str | None, state: Any, detail: Any
) -> None:
    """One spooled record as a test case: a reply, an input error or a service error."""
    if label is None or state == "service":
        kind = "input-error" if label is None else "service-error"
        name = _xml(path) if label is None else label
        case = ET.SubElement(suite, "testcase", classname=_xml(path), name=name)
        ET.SubElement(case, "error", message=_xml(detail), type=kind)
        return
    case = ET.SubElement(suite, "testcase", classname=_xml(path), name=_xml(label))
    failing = [Severity(s) for s, _ in detail if Severity(s) >= fail_on]
    lines = [text for _, text in detail]
    if state is not None:
        message = f"not linted: {state}"
        ET.SubElement(case, "skipped", message=_xml(message))
    elif failing:
        failure = ET.SubElement(
            case,
            "failure",
            message=_xml(f"{len(failing)} finding(s) at or above {fail_on}"),
            type=str(max(failing)),
        )
        failure.text = "\n".join(map(_xml, lines))
    elif lines:
        ET.SubElement(case, "system-out").text = "\n".join(map(_xml, lines))


def _counted(suite: ET.Element) -> ET.Element:
    cases = suite.findall("testcase")
    suite.set("tests", str(len(cases)))
    for key, child in (("failures", "failure"), ("errors", "error"), ("skipped", "skipped")):
        suite.set(key, str(sum(1 for c in cases if c.find(child) is not None)))
    return suite
