"""Names and text that UTF-8 cannot encode reach every report format without ending the run.

A file name that is not UTF-8 reaches Python as lone surrogates ('\\udcff'), and so does a
JSON escape such as "\\ud800" in a macro. On a UTF-8 locale (stdout strict), in the results
cache (SQLite), in baseline fingerprints and in SARIF URIs each of these once raised
UnicodeEncodeError ('internal error').
"""

from __future__ import annotations

import json
import os
import subprocess
import xml.dom.minidom
from pathlib import Path

import pytest
from helpers import installed_executable

FORMATS = ["text", "json", "sarif", "github", "junit"]
MACRO = (
    '{"macros": [{"title": "T\\ud800itle", "actions": '
    '[{"field": "comment_value", "value": "Unfortunately \\udc80 no. lol"}]}]}'
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    replies = tmp_path / "replies"
    replies.mkdir()
    try:
        (replies / os.fsdecode(b"bad\xffname.txt")).write_text("Unfortunately no.\n", "utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    (replies / "macros.json").write_text(MACRO, encoding="utf-8")
    return replies


def run(folder: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONIOENCODING": "utf-8",  # strict, as on a desktop's UTF-8 locale
        "REPLYLINT_LANGUAGETOOL": "off",
        "REPLYLINT_CACHE_DIR": str(folder.parent / "cache"),
    }
    return subprocess.run(
        [installed_executable(), *arguments],
        cwd=folder.parent,
        capture_output=True,
        text=True,
        errors="surrogateescape",
        env=env,
    )


def test_every_format_reports_them_cold_and_from_the_results_cache(folder: Path) -> None:
    outputs = {}
    for attempt in ("cold", "warm"):
        for name in FORMATS:
            done = run(folder, "check", "replies", "-f", name)
            assert (done.returncode, done.stderr) == (1, ""), (attempt, name, done.stderr)
            outputs[attempt, name] = done.stdout
    for name in FORMATS:
        assert outputs["cold", name] == outputs["warm", name], name
    document = json.loads(outputs["cold", "json"])
    assert "replies/bad\udcffname.txt" in {f["path"] for f in document["files"]}
    (macro,) = [f for f in document["files"] if f["path"].endswith("macros.json")]
    assert macro["replies"][0]["title"] == "T\ud800itle"
    sarif = json.loads(outputs["cold", "sarif"])
    uris = {
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for result in sarif["runs"][0]["results"]
    }
    assert "replies/bad%FFname.txt" in uris  # the name's own byte, percent-encoded
    xml.dom.minidom.parseString(outputs["cold", "junit"])


def test_baselines_and_report_files_take_them(folder: Path) -> None:
    written = run(folder, "baseline", "write", "baseline.json", "replies")
    assert written.returncode == 0, written.stderr
    again = run(folder, "check", "replies", "--baseline", "baseline.json")
    assert again.returncode == 0 and "0 findings" in again.stdout, again.stdout
    report = run(folder, "check", "replies", "-f", "json", "--output", "report.json")
    assert report.returncode == 1, report.stderr
    files = json.loads((folder.parent / "report.json").read_text(encoding="utf-8"))["files"]
    assert "replies/bad\udcffname.txt" in {f["path"] for f in files}
