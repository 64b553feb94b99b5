"""The HTML report: escaping of hostile text, charts that agree with the JSON report, marked
spans, the table of every reply, baselines, the bounds, and where reply text comes from."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from audit_support import Elements, chart_numbers, hostile_library
from typer.testing import CliRunner

from replylint.checks import Reply
from replylint.cli.formats import html as html_format
from replylint.cli.formats.html import marked_text
from replylint.cli.formats.page import CSP, SCRIPT, STYLE, esc_text
from replylint.cli.main import app

FIXTURE_REPLIES = Path(__file__).parent / "fixtures" / "replies"


def invoke(*args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args), input=stdin)


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()  # its own repository root: no outside config applies
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("REPLYLINT_LANGUAGETOOL", "off")
    return hostile_library(tmp_path / "library")


def report(*args: str) -> tuple[str, int]:
    result = invoke("check", "--format", "html", "-o", "report.html", *args)
    return Path("report.html").read_text(encoding="utf-8"), result.exit_code


def json_report(*args: str) -> dict:  # type: ignore[type-arg]
    return json.loads(invoke("check", "--format", "json", *args).stdout)


def test_hostile_text_in_replies_titles_and_names_renders_as_text(library: Path) -> None:
    page, code = report("library")
    assert code == 1
    elements = Elements(page)
    tags = [tag for tag, _ in elements.tags]
    assert not set(tags) & {"img", "iframe", "link", "object", "embed", "base"}
    assert tags.count("script") == 1 and elements.scripts == [SCRIPT]
    assert tags.count("style") == 1
    assert tags.count("svg") == 3  # the charts only: scores, checks, categories
    handlers = [(tag, name) for tag, attrs in elements.tags for name in attrs if name[:2] == "on"]
    assert handlers == []
    # Shown, escaped, where they were written.
    assert "&lt;script&gt;document.title=&#x27;pwned&#x27;" in page
    assert (
        "&lt;img src=x onerror=&quot;document.body.dataset.pwned=&#x27;img&#x27;&quot;&gt;" in page
    )
    assert "&lt;script&gt;document.body.dataset.pwned=&#x27;title&#x27;&lt;/script&gt;" in page
    assert "&quot;&gt;&lt;img src=x onerror=" in page  # the file name
    # No address outside the page: every link is a fragment of it.
    assert {a["href"][0] for a in elements.with_attribute("href")} == {"#"}
    assert not elements.with_attribute("src")


def test_the_page_allows_only_its_own_style_and_script() -> None:
    assert "default-src 'none'" in CSP
    assert "connect-src" not in CSP  # default-src 'none' covers fetches
    assert STYLE not in SCRIPT and "unsafe-inline" not in CSP


def test_charts_show_the_numbers_of_the_json_report(library: Path) -> None:
    page, _ = report("library")
    expected = chart_numbers(json_report("library"))
    elements = Elements(page)
    bins = [int(a["data-count"]) for a in elements.with_attribute("data-bin")]
    assert bins == expected["bins"]
    assert sum(bins) > 10
    checks = {a["data-check"]: int(a["data-count"]) for a in elements.with_attribute("data-check")}
    assert checks == expected["checks"]
    categories = {
        a["data-category"]: int(a["data-count"]) for a in elements.with_attribute("data-category")
    }
    assert {k: v for k, v in categories.items() if v} == expected["categories"]
    assert len(categories) == 7  # every category, with or without findings
    rows = elements.with_attribute("data-sev")
    assert len(rows) == expected["replies"]


def test_score_verdict_thresholds_and_lowest_match_the_json_summary(library: Path) -> None:
    page, code = report("library", "--fail-under", "80")
    summary = json_report("library", "--fail-under", "80")["summary"]
    elements = Elements(page)
    (score,) = [
        a["data-score"] for a in elements.with_attribute("id") if a["id"] == "overall-score"
    ]
    assert float(score) == summary["score"]
    assert 'data-verdict="failed"' in page and code == summary["exit_code"] == 1
    assert "fail-on warning, fail-under 80" in page
    lowest = [a for a in elements.with_attribute("data-reply") if "data-score" in a]
    assert len(lowest) == 20
    top = [(html.unescape(a["data-reply"]), float(a["data-score"])) for a in lowest[:10]]
    assert top == [(row["reply"], row["score"]) for row in summary["lowest"]]


def test_findings_are_marked_at_their_spans_and_masks_dimmed() -> None:
    from helpers import lint_text

    text = "Hi Ana,\n\nUnfortunately we can't refund <b>it</b>.\n\nBest regards,\nSam\n"
    result = lint_text(text)
    reply = Reply(text, "reply.txt")
    page = marked_text(text, result.findings, reply.masks.spans, "r0")
    marks = re.findall(r'<mark class="(\w+)">(.*?)</mark>', page)
    assert ("warning", "Unfortunately") in marks
    # RL101 and RL102 both flag "we can't": one mark, the higher severity, two numbers after it.
    assert re.search(r'<mark class="error">we can&#x27;t</mark><a class="ref" id="r0-m\d"', page)
    numbers = re.findall(r'aria-label="finding (\d+)"', page)
    assert sorted(map(int, numbers)) == list(range(1, len(result.findings) + 1))
    assert '<span class="masked" title="signature: not linted">Best regards,\nSam\n</span>' in page
    assert "&lt;b&gt;it&lt;/b&gt;" in page
    # Taking the markup away gives the text back.
    plain = re.sub(r'<a class="ref"[^>]*>\d+</a>|<[^>]+>', "", page)
    assert html.unescape(plain) == text


def test_controls_and_bidi_overrides_in_text_are_shown_escaped() -> None:
    assert esc_text("a\u202eb\x1b[31mc\nd\te") == "a\\u202eb\\x1b[31mc\nd\te"
    # A reply line that a CI log would run as a command starts no line of the page.
    assert esc_text("Hi\n::error::x\n  ##[group]y") == "Hi\n&#58;:error::x\n  &#35;#[group]y"
    assert html.unescape(esc_text("::warning::")) == "::warning::"


def test_each_reply_of_a_macro_library_and_standard_input_gets_its_own_text(
    library: Path,
) -> None:
    page, _ = report("library/macros.json")
    assert page.count('<article id="r') == 12
    assert "The red dress in size 12 is out of stock." in page
    result = invoke(
        "check", "--format", "html", "--stdin-filename", "draft.txt", "-", stdin="Sorry!! Sorry!!"
    )
    assert result.stdout.count('<article id="r') == 1
    assert 'Sorry<mark class="error">!!</mark>' in result.stdout


def test_text_comes_the_same_from_workers_and_the_results_cache(library: Path) -> None:
    first, _ = report("library", "--jobs", "2")
    assert first.count('<article id="r') == 21
    cached, _ = report("library", "--jobs", "1")  # every file from the results cache now
    assert cached == first


def test_baseline_shows_new_against_known_findings(library: Path) -> None:
    assert invoke("baseline", "write", "base.json", "library").exit_code == 0
    extra = library / "emails" / "new.txt"
    extra.write_text("Hi,\n\nUnfortunately we can't.\n\nBest,\nSam\n", encoding="utf-8")
    page, _ = report("library", "--baseline", "base.json")
    summary = json_report("library", "--baseline", "base.json")["summary"]
    elements = Elements(page)
    assert 'data-chart="baseline"' in page
    parts = [a for a in elements.with_attribute("data-part") if a["data-part"] in ("new", "known")]
    new = sum(int(a["data-count"]) for a in parts if a["data-part"] == "new")
    known = sum(int(a["data-count"]) for a in parts if a["data-part"] == "known")
    assert new == summary["findings"] > 0
    assert known == summary["baseline"]["known"] > 0
    assert f"{summary['findings']} new · {summary['baseline']['known']} known" in page
    # A known finding is named under its reply, not marked as new.
    assert "more known to the baseline" in page


def test_texts_stop_at_their_budget_and_the_page_says_so(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(html_format, "TEXTS_BUDGET", 1)
    page, _ = report("library")
    assert page.count('<article id="r') == 1
    assert "The texts of 20 more replies are left out" in page
    assert len(Elements(page).with_attribute("data-sev")) == 21  # the table still has all


def test_config_and_version_are_in_the_page(library: Path) -> None:
    (library / ".replylint.yaml").write_text(
        "fail-on: error\nchecks:\n  long-sentence:\n    max-words: 20\n", encoding="utf-8"
    )
    page, _ = report("library")
    assert "library/.replylint.yaml" in page
    assert "fail-on error" in page
    assert "max-words: 20" in page
    assert 'content="replylint"' in page and "replylint 0.1.0" in page


def test_an_empty_run_still_writes_a_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    page, code = report("empty")
    # Linting nothing is not a pass (issue 15 item 15), but the page is still written, and says so.
    assert code == 2 and page.endswith("</html>\n")
    assert "No findings." in page and "nothing to lint: no file found" in page


def test_the_fixture_replies_render(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPLYLINT_LANGUAGETOOL", "off")
    result = invoke("check", "--format", "html", str(FIXTURE_REPLIES))
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert result.stdout.count("<article") == len(list(FIXTURE_REPLIES.glob("*.txt")))
