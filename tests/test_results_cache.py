"""The results cache: a file linted before is not linted again, unless anything deciding its
results changed; reused results are reported exactly as fresh ones."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import fake_languagetool
import pytest
from helpers import lint_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import replylint.cli.runner as runner
from replylint.checks import BUILTIN, load_registry
from replylint.checks.disk_cache import cache_dir
from replylint.cli import results_cache
from replylint.cli.main import app

FIXTURES = Path(__file__).parent / "fixtures" / "replies"
CONFIG = """macros:
  records: "$.macros[*]"
  text: text
  title: title
  files: ["macros/*.yaml"]
"""
LIBRARY = """macros:
  - title: Refund refused
    text: Unfortunately we can't refund you.
  - title: Broken
    text: 42
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Realistic replies, a macro library with one bad macro, an empty file; grammar off."""
    monkeypatch.setenv("REPLYLINT_LANGUAGETOOL", "off")
    folder = tmp_path / "replies"
    shutil.copytree(FIXTURES, folder, ignore=shutil.ignore_patterns("*.yaml"))
    (folder / ".replylint.yaml").write_text(CONFIG)
    (folder / "macros").mkdir()
    (folder / "macros" / "support.yaml").write_text(LIBRARY)
    (folder / "empty.txt").write_text("")
    monkeypatch.chdir(folder)
    return folder


def check(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["check", ".", "-f", "json", *args])
    return result.exit_code, result.stdout


def stored_files() -> int:
    path = cache_dir() / results_cache.FILE_NAME
    if not path.exists():
        return 0
    with sqlite3.connect(path) as connection:
        return int(connection.execute("SELECT count(*) FROM results").fetchone()[0])


def no_linting(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("a file was linted again")

    monkeypatch.setattr(runner, "lint_reply", refuse)


def test_a_second_run_reuses_every_result_and_reports_the_same(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = check()
    assert cold[0] == 2  # the empty file and the bad macro are input errors
    files = len(list(project.rglob("*.txt"))) + 1
    assert stored_files() == files
    with monkeypatch.context() as patch:
        no_linting(patch)
        assert check() == cold
        assert check("--jobs", "2") == cold
    assert check("--no-cache") == cold
    assert json.loads(cold[1])["summary"]["findings"] > 10


def test_anything_deciding_results_makes_a_file_linted_again(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check()
    with monkeypatch.context() as patch:
        no_linting(patch)
        for args in (
            ("--select", "negative-wording"),  # other checks
            ("--kind", "chat"),
            ("--report-unused-suppressions",),  # more findings
            ("--fail-on", "error"),  # no effect on results: reused
        ):
            if args[0] != "--fail-on":
                with pytest.raises(AssertionError, match="linted again"):
                    CliRunner().invoke(app, ["check", ".", *args], catch_exceptions=False)
            else:
                assert check(*args)[0] == 2
    (project / ".replylint.yaml").write_text(CONFIG + "checks:\n  slang:\n    severity: error\n")
    severity_changed = check()
    findings = json.loads(severity_changed[1])["files"]
    assert any(
        f["severity"] == "error" and f["name"] == "slang"
        for record in findings
        for reply in record.get("replies", [])
        for f in reply["findings"]
    )
    reply = project / "refund-refused.txt"
    reply.write_text(reply.read_text() + "\nWe can't do anything else.\n")
    with monkeypatch.context() as patch:
        no_linting(patch)
        with pytest.raises(AssertionError, match="linted again"):
            CliRunner().invoke(app, ["check", str(reply)], catch_exceptions=False)


def test_results_that_depend_on_a_service_or_a_crash_are_not_stored(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    fake_server: fake_languagetool.FakeLanguageTool,
) -> None:
    check("--languagetool", fake_server.url)
    assert stored_files() == 0

    def crash(reply: object, options: object) -> list[object]:
        raise RuntimeError("boom")

    broken = [c if c.name != "slang" else _replace_run(c, crash) for c in BUILTIN]
    monkeypatch.setattr("replylint.cli.main._registry", lambda: load_registry(broken, []))
    assert check()[0] == 2
    # Only the empty file is stored: its outcome (an input error) involves no check.
    with sqlite3.connect(cache_dir() / results_cache.FILE_NAME) as connection:
        values = [row[0] for row in connection.execute("SELECT value FROM results")]
    assert [[type(o).__name__ for o in results_cache.load(v)] for v in values] == [["InputError"]]


def _replace_run(check: object, run: object) -> object:
    from dataclasses import replace

    return replace(check, run=run)  # type: ignore[type-var]


def test_a_damaged_store_is_replaced_and_costs_only_speed(project: Path) -> None:
    expected = check("--no-cache")
    store = cache_dir() / results_cache.FILE_NAME
    store.parent.mkdir(parents=True, exist_ok=True)
    store.write_bytes(b"this is not a database" * 100)
    assert check() == expected
    assert stored_files() > 0
    with sqlite3.connect(store) as connection:  # a damaged entry is linted again
        connection.execute("UPDATE results SET value = '[{\"kind\": 1}]'")
    assert check() == expected


def test_no_cache_stores_nothing_and_cache_clear_empties_the_store(project: Path) -> None:
    check("--no-cache")
    assert not (cache_dir() / results_cache.FILE_NAME).exists()
    check()
    held = stored_files()
    assert held > 0
    cleared = CliRunner().invoke(app, ["cache", "clear"])
    assert f"stored results of {held} files" in cleared.stdout
    assert stored_files() == 0


def test_the_code_fingerprint_follows_every_source_and_lexicon_file(tmp_path: Path) -> None:
    registry = load_registry(BUILTIN, [])
    package = tmp_path / "replylint"
    for folder in results_cache.PACKAGE_FOLDERS:
        (package / folder).mkdir(parents=True)
    (package / "checks" / "builtin" / "lexicons").mkdir(parents=True)
    lexicon = package / "checks" / "builtin" / "lexicons" / "slang.yaml"
    lexicon.write_text("entries: []\n")
    module = package / "checks" / "reply" / "segment.py"
    module.parent.mkdir()
    module.write_text("# a module of a sub-package\n")
    first = results_cache.code_fingerprint(registry, package)
    assert results_cache.code_fingerprint(registry, package) == first
    lexicon.write_text("entries: [] # edited\n")
    edited_lexicon = results_cache.code_fingerprint(registry, package)
    assert edited_lexicon != first
    module.write_text("# a module of a sub-package, edited\n")
    assert results_cache.code_fingerprint(registry, package) != edited_lexicon


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(min_size=1, max_size=400))
def test_stored_results_read_back_equal(text: str) -> None:
    linted = lint_text(text + "\nUnfortunately we can't refund gonna [Name]. Sorry!!")
    assert results_cache.load(results_cache.dump([linted]) or "") == [linted]


def test_a_warm_run_starts_no_workers(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cold = check()

    def refuse(jobs: int) -> None:
        raise AssertionError("workers started")

    monkeypatch.setattr(runner, "_pool", refuse)
    monkeypatch.setattr(runner, "AUTO_JOBS_FROM", 1)  # any file to lint would start them
    assert check() == cold
    assert check("--jobs", "2") == cold


def test_reused_entries_are_marked_used_at_most_once_a_day(project: Path) -> None:
    check()
    store = cache_dir() / results_cache.FILE_NAME

    def times() -> set[int]:
        with sqlite3.connect(store) as connection:
            return {row[0] for row in connection.execute("SELECT used FROM results")}

    now = max(times())
    for age, refreshed in ((60, False), (results_cache.TOUCH_AFTER + 60, True)):
        with sqlite3.connect(store) as connection:
            connection.execute("UPDATE results SET used = ?", (now - age,))
        check()
        assert (min(times()) >= now) is refreshed, age


def test_entries_unused_for_30_days_are_dropped_once_a_day(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    check()
    store = cache_dir() / results_cache.FILE_NAME
    held = stored_files()
    with sqlite3.connect(store) as connection:
        connection.execute("INSERT INTO results VALUES ('old', '[]', 0)")
    check()
    assert stored_files() == held + 1  # today's clean-up ran already
    today = results_cache.time.time()
    monkeypatch.setattr(results_cache.time, "time", lambda: today + results_cache.DAY)
    check()
    assert stored_files() == held
