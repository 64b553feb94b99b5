"""Baselines: fingerprints survive line moves; only new findings fail; fixed ones are counted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from inputs_support import BAD, invoke, make_project


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = make_project(tmp_path, monkeypatch)
    (root / "replies").mkdir()
    (root / "replies" / "a.txt").write_text(BAD, encoding="utf-8")
    (root / "replies" / "b.txt").write_text(
        "Unfortunately the first.\n\nUnfortunately the second.\n", encoding="utf-8"
    )
    return root


def write_baseline(*paths: str) -> dict:  # type: ignore[type-arg]
    result = invoke("baseline", "write", "baseline.json", *paths, "--select", "RL999")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("wrote baseline.json: 4 findings in 2 files")
    return json.loads(Path("baseline.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def check(*args: str) -> tuple[dict, int]:  # type: ignore[type-arg]
    result = invoke(
        "check", "replies", "--baseline", "baseline.json", "--select", "RL999", "-f", "json", *args
    )
    return json.loads(result.stdout), result.exit_code


def test_baseline_file_is_stable_and_has_no_line_numbers(project: Path) -> None:
    first = write_baseline("replies")
    text = Path("baseline.json").read_text(encoding="utf-8")
    second = write_baseline("replies")
    assert first == second and Path("baseline.json").read_text(encoding="utf-8") == text
    records = first["findings"]
    assert [(r["path"], r["code"], r["text"], r["occurrence"]) for r in records] == [
        ("replies/a.txt", "RL999", "can't", 0),
        ("replies/a.txt", "RL999", "unfortunately", 0),
        ("replies/b.txt", "RL999", "unfortunately", 0),
        ("replies/b.txt", "RL999", "unfortunately", 1),
    ]
    assert "line" not in text


def test_known_findings_pass_even_after_lines_move(project: Path) -> None:
    write_baseline("replies")
    (project / "replies" / "a.txt").write_text("\n\n\n" + BAD, encoding="utf-8")
    document, code = check()
    assert code == 0
    assert document["summary"]["findings"] == 0
    assert document["summary"]["baseline"] == {"known": 4, "fixed": 0}
    result = invoke("check", "replies", "--baseline", "baseline.json", "--select", "RL999")
    assert "baseline: 4 known skipped, 0 fixed" in result.stdout


def test_new_findings_fail_and_fixed_ones_are_counted(project: Path) -> None:
    write_baseline("replies")
    (project / "replies" / "b.txt").write_text(
        "Unfortunately the first.\n\nWe can't, and unfortunately neither.\n"
        "Unfortunately a third.\n",
        encoding="utf-8",
    )
    (project / "replies" / "a.txt").write_text("All sorted, it ships today.\n", encoding="utf-8")
    document, code = check()
    assert code == 1
    new = [f["text"] for file in document["files"] for r in file["replies"] for f in r["findings"]]
    assert new == ["can't", "Unfortunately"]  # the third 'unfortunately' and the new "can't"
    assert document["summary"]["baseline"] == {"known": 2, "fixed": 2}


def test_files_not_linted_are_not_counted_as_fixed(project: Path) -> None:
    write_baseline("replies")
    result = invoke(
        "check", "replies/a.txt", "--baseline", "baseline.json", "--select", "RL999", "-f", "json"
    )
    assert json.loads(result.stdout)["summary"]["baseline"] == {"known": 2, "fixed": 0}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "baseline file not found"),
        ("{nope", "cannot read baseline"),
        ('{"version": 99, "findings": []}', "not a replylint baseline"),
        ("[1, 2]", "not a replylint baseline"),
        ("1.5", "not a replylint baseline"),
        ('{"version": 1, "findings": [{"fingerprint": "ab", "path": ["x"]}]}', "not a replylint"),
        ("[" * 100_000 + "]" * 100_000, "cannot read baseline: nested too deeply"),
    ],
)
def test_bad_baseline_is_one_line_exit_2(project: Path, content: str | None, message: str) -> None:
    if content is not None:
        Path("baseline.json").write_text(content, encoding="utf-8")
    result = invoke("check", "replies", "--baseline", "baseline.json")
    assert result.exit_code == 2
    assert result.stderr.startswith("replylint: baseline.json: ") and message in result.stderr


@pytest.mark.parametrize(
    "paths",
    [("replies", "repleis"), ("replies/a.txt", "replies/b.txt", "replies/binary.txt")],
    ids=["mistyped-path", "unreadable-file"],
)
def test_a_run_with_input_errors_never_writes_the_baseline(
    project: Path, paths: tuple[str, ...]
) -> None:
    before = write_baseline("replies")
    if "replies/binary.txt" in paths:
        (project / "replies" / "binary.txt").write_bytes(b"\0\0")
    (project / "replies" / "a.txt").write_text("Sadly the third.\n", encoding="utf-8")
    result = invoke("baseline", "write", "baseline.json", *paths, "--select", "RL999")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == (
        "replylint: baseline.json: baseline not written: the run had 1 input error"
    )
    assert json.loads(Path("baseline.json").read_text(encoding="utf-8")) == before
