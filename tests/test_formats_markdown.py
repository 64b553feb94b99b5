"""The Markdown summary: its shape, numbers from the same run as JSON, escaping, its size."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from audit_support import chart_numbers, hostile_library
from typer.testing import CliRunner

from replylint.cli.formats.markdown import md
from replylint.cli.main import app


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("REPLYLINT_LANGUAGETOOL", "off")
    return hostile_library(tmp_path / "library")


def run(*args: str) -> str:
    return CliRunner().invoke(app, ["check", *args]).stdout


def test_the_summary_has_its_sections_in_order(library: Path) -> None:
    page = run("--format", "markdown", "library")
    headings = re.findall(r"^#{2,3} (.+)$", page, re.MULTILINE)
    assert headings == [
        "replylint",
        "Findings per category",
        "Lowest-scoring replies",
        "Findings per check",
        "Problems",  # LanguageTool is off: the notice
    ]
    assert re.search(r"^❌ \*\*failed\*\* · score \*\*\d+\.\d\*\* \(fail-on warning", page, re.M)
    assert "| Category | Findings |\n| --- | ---: |\n| positivity |" in page


def test_its_numbers_are_the_json_report_s(library: Path) -> None:
    page = run("--format", "markdown", "library")
    expected = chart_numbers(json.loads(run("--format", "json", "library")))
    categories = dict(re.findall(r"^\| (\w+) \| (\d+) \|$", page, re.MULTILINE))
    assert {k: int(v) for k, v in categories.items() if v != "0"} == expected["categories"]
    details = re.findall(r"<summary><b>(.+?)</b>: (\d+) findings?</summary>", page)
    assert {name: int(count) for name, count in details} == expected["checks"]
    assert page.count("<details>") == page.count("</details>") == len(expected["checks"])
    lowest = re.findall(r"^\| (\d+) \| .+ \| .+ \|$", page, re.MULTILINE)
    assert len(lowest) == 10 and lowest == sorted(lowest, key=int)


def test_text_from_replies_stays_literal_and_pings_no_one() -> None:
    assert md("<script>x</script>") == "&lt;script&gt;x&lt;/script&gt;"
    assert md("a | b *c* [l](http://x) `c`") == r"a \| b \*c\* \[l\](http://x) \`c\`"
    assert md("ask @octocat about #12") == "ask @\u200boctocat about #\u200b12"
    assert md("two\nlines\x1b[2J") == r"two lines\\x1b\[2J"  # a backslash shown, not a control
    assert md("x" * 50, limit=10) == "x" * 9 + "…"


def test_hostile_text_never_becomes_markup(library: Path) -> None:
    page = run("--format", "markdown", "library")
    for raw in ("<script", "<img", "<iframe", "<svg", "<style", "<link"):
        assert raw not in page
    assert "&lt;script&gt;" in page


def test_it_stays_small_for_the_job_summary(library: Path) -> None:
    for index in range(300):
        (library / "emails" / f"copy-{index}.txt").write_text(
            "Hi,\n\nUnfortunately we can't refund it. Please be advised.\n", encoding="utf-8"
        )
    page = run("--format", "markdown", "library")
    assert len(page.encode()) < 100_000  # GitHub's job summary takes up to 1 MiB
    assert "- … and " in page  # examples per check are capped


def test_baseline_counts_are_stated(library: Path) -> None:
    CliRunner().invoke(app, ["baseline", "write", "base.json", "library"])
    (library / "emails" / "new.txt").write_text("Hi,\n\nWe can't.\n", encoding="utf-8")
    page = run("--format", "markdown", "--baseline", "base.json", "library")
    summary = json.loads(run("--format", "json", "--baseline", "base.json", "library"))["summary"]
    known = summary["baseline"]["known"]
    assert f"Baseline: **{summary['findings']} new**, {known} known (not reported)" in page
