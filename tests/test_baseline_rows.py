"""Rows with neither id nor title keep their own identity in baselines (issue 15 item 18).

A CSV library read with only ``text:`` configured gave every row the same empty name, so a new
row holding a known bad phrase counted as known. Such a row is known by a hash of its text
(and, for rows with the same text, which one it is), and reports name it ``file:row N``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from inputs_support import invoke, make_project

CONFIG = 'macros:\n  records: "$[*]"\n  text: body\n  files: ["*.csv"]\n'
ROWS = [
    "body,notes",
    '"Unfortunately we cannot refund it.",a',
    '"Thanks, the refund is on its way.",b',
]


def _write(rows: list[str]) -> None:
    Path("library.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def _check() -> tuple[dict, int]:  # type: ignore[type-arg]
    result = invoke(
        "check", "library.csv", "--baseline", "base.json", "--select", "RL999", "-f", "json"
    )
    return json.loads(result.stdout), result.exit_code


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = make_project(tmp_path, monkeypatch)
    (root / ".replylint.yaml").write_text(CONFIG, encoding="utf-8")
    _write(ROWS)
    result = invoke("baseline", "write", "base.json", "library.csv", "--select", "RL999")
    assert result.exit_code == 0, result.output
    return root


@pytest.mark.parametrize(
    "new_row",
    ['"Unfortunately we cannot ship it.",c', '"Unfortunately we cannot refund it.",c'],
    ids=["another text", "the same text again"],
)
def test_a_new_row_with_a_known_phrase_is_new(library: Path, new_row: str) -> None:
    _write([*ROWS, new_row])
    document, code = _check()
    assert code == 1
    found = [
        (reply.get("row"), f["text"])
        for file in document["files"]
        for reply in file["replies"]
        for f in reply["findings"]
    ]
    assert found == [(4, "Unfortunately"), (4, "cannot")]
    assert document["summary"]["baseline"] == {"known": 2, "fixed": 0}
    labels = [row["reply"] for row in document["summary"]["lowest"]]
    assert labels == ["library.csv:row 2", "library.csv:row 4", "library.csv:row 3"]


def test_rows_moved_or_added_above_stay_known(library: Path) -> None:
    _write([ROWS[0], '"A new row with nothing to flag.",z', ROWS[2], ROWS[1]])
    document, code = _check()
    assert code == 0
    assert document["summary"]["baseline"] == {"known": 2, "fixed": 0}


def test_reports_name_the_row(library: Path) -> None:
    result = invoke("check", "library.csv", "--select", "RL999", "--no-cache")
    assert "library.csv:row 2" in result.stdout
    result = invoke("check", "library.csv", "--select", "RL999", "-f", "github")
    assert "library.csv:row 2: " in result.stdout


def test_yaml_records_with_only_a_text_are_told_apart_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_project(tmp_path, monkeypatch)
    config = 'macros:\n  records: "$.templates[*]"\n  text: body\n  files: ["*.yaml"]\n'
    Path(".replylint.yaml").write_text(config, encoding="utf-8")
    known = "templates:\n  - body: Unfortunately we cannot refund it.\n"
    Path("t.yaml").write_text(known, encoding="utf-8")
    result = invoke("baseline", "write", "base.json", "t.yaml", "--select", "RL999")
    assert result.exit_code == 0, result.output
    Path("t.yaml").write_text(known + "  - body: Unfortunately we cannot ship it.\n", "utf-8")
    result = invoke("check", "t.yaml", "--baseline", "base.json", "--select", "RL999")
    assert result.exit_code == 1
    assert "t.yaml:row 2" in result.stdout
