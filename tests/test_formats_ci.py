"""CI formats: GitHub workflow commands, SARIF 2.1.0 (against the schema), JUnit XML, --output."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from inputs_support import BAD, GOOD, invoke, make_project

from replylint.cli.formats.ci import github_data, github_property

SCHEMA = Path(__file__).parent / "fixtures" / "sarif-schema-2.1.0.json"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = make_project(tmp_path, monkeypatch)
    (root / "bad.txt").write_text(BAD, encoding="utf-8")
    (root / "good.txt").write_text(GOOD, encoding="utf-8")
    (root / "sub dir").mkdir()
    (root / "sub dir" / "100%, sure: yes.txt").write_text(BAD, encoding="utf-8")
    (root / "macros.json").write_text(
        json.dumps(
            {
                "macros": [
                    {
                        "id": 5,
                        "title": "Refund, no",
                        "actions": [{"field": "comment_value", "value": "Unfortunately no."}],
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    (root / "broken.eml").write_text("Subject: x\nContent-Type: image/png\n\nxx", "utf-8")
    return root


ARGS = ("bad.txt", "good.txt", "sub dir", "macros.json", "broken.eml", "--select", "RL999")


@pytest.mark.parametrize(
    ("value", "data", "prop"),
    [
        ("50% off", "50%25 off", "50%25 off"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("x: y, z", "x: y, z", "x%3A y%2C z"),
    ],
)
def test_github_escaping(value: str, data: str, prop: str) -> None:
    assert github_data(value) == data
    assert github_property(value) == prop


def test_github_format(project: Path) -> None:
    result = invoke("check", *ARGS, "--format", "github")
    assert result.exit_code == 2
    lines = result.stdout.splitlines()
    assert (
        "::warning file=bad.txt,line=3,col=1,endLine=3,endColumn=14,"
        "title=RL999 test-words::'Unfortunately' is a test word" in lines[0]
    )
    assert any(
        line.startswith("::warning file=sub dir/100%25%2C sure%3A yes.txt,line=3,")
        for line in lines
    )
    assert any("::macros.json › Refund, no (5): 'Unfortunately'" in line for line in lines)
    assert any(
        line.startswith("::error file=broken.eml,title=replylint input error::") for line in lines
    )
    assert lines[-1].endswith("error") and "5 findings" in lines[-1]


def sarif_log(*args: str) -> dict:  # type: ignore[type-arg]
    result = invoke("check", *args, "--format", "sarif")
    log = json.loads(result.stdout)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    return log


def test_sarif_validates_against_the_schema_and_carries_everything(project: Path) -> None:
    log = sarif_log(*ARGS)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {"RL999"} <= {r["id"] for r in rules}
    rule = next(r for r in rules if r["id"] == "RL999")
    assert rule["name"] == "test-words" and rule["fullDescription"]["text"]
    assert rule["defaultConfiguration"]["level"] == "warning"
    results = run["results"]
    first = results[0]
    assert rules[first["ruleIndex"]]["id"] == first["ruleId"] == "RL999"
    assert first["level"] == "warning"
    region = first["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (3, 1, 14)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris == {"bad.txt", "sub%20dir/100%25%2C%20sure%3A%20yes.txt", "macros.json"}
    assert first["properties"]["suggestion"]
    assert len({r["partialFingerprints"]["replylintFinding/v1"] for r in results}) == len(results)
    macro = next(r for r in results if "logicalLocations" in r["locations"][0])
    assert macro["locations"][0]["logicalLocations"][0]["name"] == "Refund, no"
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notification = invocation["toolExecutionNotifications"][0]
    assert notification["level"] == "error"
    assert "no text/plain or text/html part" in notification["message"]["text"]


def test_sarif_clean_run(project: Path) -> None:
    log = sarif_log("good.txt")
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is True


def test_junit_is_valid_xml_with_a_case_per_reply(project: Path) -> None:
    result = invoke("check", *ARGS, "--format", "junit")
    root = ET.fromstring(result.stdout)
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("5", "3", "1")
    cases = {(c.get("classname"), c.get("name")): c for c in root.iter("testcase")}
    assert cases[("bad.txt", "bad.txt")].find("failure") is not None
    assert cases[("good.txt", "good.txt")].find("failure") is None
    assert cases[("macros.json", "macros.json › Refund, no (5)")].find("failure") is not None
    error = cases[("broken.eml", "broken.eml")].find("error")
    assert error is not None and "no text/plain" in error.get("message", "")
    failure = cases[("bad.txt", "bad.txt")].find("failure")
    assert failure is not None and "3:1 RL999 test-words warning" in (failure.text or "")


def test_junit_strips_characters_xml_cannot_hold(project: Path) -> None:
    (project / "ctrl.txt").write_text("Unfortunately \x0b no.", encoding="utf-8")
    result = invoke("check", "ctrl.txt", "--select", "RL999", "--format", "junit")
    ET.fromstring(result.stdout)


@pytest.mark.parametrize("output_format", ["text", "json", "github", "sarif", "junit"])
def test_output_file_gets_the_report_and_the_terminal_the_summary(
    project: Path, output_format: str
) -> None:
    target = project / "reports" / f"out.{output_format}"
    result = invoke("check", *ARGS, "-f", output_format, "--output", str(target), "--no-color")
    assert result.exit_code == 2
    assert result.stdout.count("\n") == 1
    assert "4 replies" in result.stdout and f"report written to {target}" in result.stdout
    content = target.read_text(encoding="utf-8")
    assert content
    if output_format == "json":
        assert json.loads(content)["summary"]["replies"] == 4
    assert not list(target.parent.glob(".*.tmp"))


def test_unwritable_output_is_one_line(project: Path) -> None:
    (project / "taken").mkdir()
    result = invoke("check", "good.txt", "--output", "taken")
    assert result.exit_code == 2
    assert result.stderr.startswith("replylint: taken: cannot write the report")


def test_junit_spools_replies_to_disk_instead_of_holding_them(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import io
    import xml.etree.ElementTree as ET

    from replylint.checks import BUILTIN, ActiveCheck, Reply, Severity, lint_reply
    from replylint.cli.formats.ci import JunitFormat
    from replylint.cli.report import Report

    monkeypatch.setattr(JunitFormat, "SPOOL_MEMORY", 4096)
    out = io.StringIO()
    junit = JunitFormat(out)
    active = [ActiveCheck(c, c.severity, c.defaults()) for c in BUILTIN if not c.asks_service]
    for number in range(60):
        text = f"Unfortunately we can't refund order {number}. Kindly wait!!"
        junit.reply(lint_reply(Reply(text, f"r{number}.txt"), active))
    assert junit.spool._rolled  # past 4 KB the records are on disk, not in memory
    report = Report()
    junit.finish(report, {"fail_on": Severity.WARNING})
    root = ET.fromstring(out.getvalue().split("\n", 1)[1])
    assert root.get("tests") == "60" and root.get("failures") == "60"
    assert [s.get("name") for s in root][:2] == ["r0.txt", "r1.txt"]
