"""The text report: one layout whether piped or on a terminal; Rich only adds the colours."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from replylint.cli.formats.text import wants_color
from replylint.cli.main import app

ESCAPE = "\x1b["
REFUSAL = "Hi Dana,\nUnfortunately we cannot refund this order.\nBest, Sam\n"
THANKS = "Hi Lee,\nThanks for the photos. I have sent a new pair today; it arrives on Friday.\n"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()  # its own repository root: no outside config applies
    deep = tmp_path / "macros" / "billing" / "refunds" / "2026" / "november"
    deep.mkdir(parents=True)
    (deep / "a-rather-long-name-for-a-refund-reply-template.txt").write_text(REFUSAL)
    (tmp_path / "thanks.txt").write_text(THANKS)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return tmp_path


def run(*args: str) -> str:
    result = CliRunner().invoke(app, ["check", "--no-cache", *args])
    assert result.exit_code in (0, 1), result.output
    return result.output


def test_the_score_table_keeps_long_paths_whole_and_numbers_aligned(project: Path) -> None:
    output = run(".")
    lines = output.splitlines()
    header = lines.index("Scores") + 1
    assert lines[header].split() == (
        "Score Pos Tone Pol Clar Resp Emp Corr Ease Words Kind Reply".split()
    )
    rows = lines[header + 1 : header + 3]
    long_name = "macros/billing/refunds/2026/november/a-rather-long-name-for-a-refund-reply"
    assert any(row.endswith(long_name + "-template.txt") for row in rows), rows
    assert any(row.endswith("thanks.txt") for row in rows), rows
    # Right-aligned numbers: every score ends in the column where the header's "Score" ends.
    assert all(row[: len("Score")].strip().isdigit() for row in rows), rows
    kind = lines[header].index("Kind")
    assert all(row[kind:].split()[0] in ("chat", "email") for row in rows), rows


def test_piped_output_has_carets_and_no_escape_codes(project: Path) -> None:
    output = run(".")
    assert ESCAPE not in output
    assert "^^^^^^^^^^^^^" in output  # under "Unfortunately"
    assert output.rstrip().endswith("· failed")  # the verdict, without colour markup
    assert "[red]" not in output and "[/]" not in output


def test_color_styles_the_same_lines_and_drops_the_caret_line(project: Path) -> None:
    plain = run(".")
    coloured = run(".", "--color")
    assert ESCAPE in coloured
    assert "^^^^" not in coloured  # the underline shows the span instead
    assert f"{ESCAPE}4;33mUnfortunately" in coloured  # a warning: yellow, underlined
    caret_lines = [
        line for line in plain.splitlines() if line.strip().startswith("│ ") and "^" in line
    ]
    without_escapes = _strip_escapes(coloured).splitlines()
    assert len(without_escapes) == len(plain.splitlines()) - len(caret_lines)


def test_output_file_summary_is_plain_when_piped(project: Path) -> None:
    result = CliRunner().invoke(app, ["check", ".", "--no-cache", "-o", "report.txt"])
    assert result.exit_code == 1
    assert result.output.strip().endswith("· failed · report written to report.txt")
    assert ESCAPE not in (project / "report.txt").read_text()


@pytest.mark.parametrize(
    ("stream", "flag", "env", "expected"),
    [
        (io.StringIO(), None, {}, False),  # a pipe or file
        (Terminal(), None, {}, True),
        (Terminal(), None, {"NO_COLOR": "1"}, False),
        (Terminal(), None, {"TERM": "dumb"}, False),
        (io.StringIO(), None, {"FORCE_COLOR": "1"}, True),
        (Terminal(), False, {"FORCE_COLOR": "1"}, False),  # the flag wins
        (io.StringIO(), True, {"NO_COLOR": "1"}, True),
    ],
)
def test_when_colour_is_on(
    stream: io.StringIO,
    flag: bool | None,
    env: dict[str, str],
    expected: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert wants_color(stream, flag) is expected


def _strip_escapes(text: str) -> str:
    import re

    return re.sub(r"\x1b\[[0-9;]*m", "", text)
