"""--output streams the report into a temporary file beside the target as the run goes and
renames it into place at the end (issue 15 item 13: 200,000 files with ``-o report.json``
peaked at 962 MB, the whole report held in memory until the end)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import replylint.cli.main as main
from replylint.cli.formats.base import FORMAT_NAMES

DRAFT = "Hi Anna,\n\nUnfortunately we can't refund digital orders.\n\nBest,\nSam\n"


@pytest.mark.parametrize("name", FORMAT_NAMES)
def test_the_report_is_on_disk_before_the_run_ends(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(200):
        (tmp_path / f"r{number:03}.txt").write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("REPLYLINT_LANGUAGETOOL", "off")
    seen: dict[str, Any] = {}
    real_run_check = main.run_check

    def observed(*args: Any, **kwargs: Any) -> Any:
        outcome = real_run_check(*args, **kwargs)
        # Nothing is finished yet: the target does not exist, the temporary file beside it
        # already holds what was written while the replies were linted.
        seen["target exists"] = (tmp_path / "out" / "report").exists()
        seen["beside"] = [(p.name, p.stat().st_size) for p in (tmp_path / "out").iterdir()]
        return outcome

    monkeypatch.setattr(main, "run_check", observed)
    result = CliRunner().invoke(
        main.app, ["check", "--no-cache", "-f", name, "-o", "out/report", "."]
    )
    assert result.exit_code == 1, result.output
    assert seen["target exists"] is False
    [(temporary, size)] = seen["beside"]
    assert temporary.startswith(".report.") and temporary.endswith(".tmp")
    if name != "junit":  # each reply is written as it is linted (JUnit: see the README)
        assert size > 200 * len("r000.txt")
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["report"]
    if name == "json":
        assert len(json.loads((tmp_path / "out" / "report").read_text())["files"]) == 200


def test_a_refused_report_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("REPLYLINT_LANGUAGETOOL", "off")
    result = CliRunner().invoke(main.app, ["check", "--no-cache", "-o", "draft.txt", "draft.txt"])
    assert result.exit_code == 2
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "cache") == ["draft.txt"]
    assert (tmp_path / "draft.txt").read_text(encoding="utf-8") == DRAFT
