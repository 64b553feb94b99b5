"""Issue 15 item 1: names, titles and reply text never reach a terminal or CI log raw.

Real files with hostile names and text, linted by the installed executable (real stdout and
stderr); every line of every format is checked for raw control characters, BiDi controls and
lines a CI log would read as a command.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
from helpers import installed_executable

from replylint.cli.formats.visible import visible, visible_line_start

# A newline, then a workflow command: the name GitHub Actions would have run (issue 15).
INJECTING_NAME = "x\n::error file=README.md,line=1::PWNED\n.txt"
OSC_LINK = "\x1b]8;;https://evil.example/\x07click here\x1b]8;;\x07"
CLEAR_SCREEN = "\x1b[2J\x1b[H"
BIDI = "\u202egnirts desrever\u202c \u2066isolate\u2069"
HOSTILE_REPLY = (
    f"Hi Anna,\n\nUnfortunately {CLEAR_SCREEN}we can't refund {OSC_LINK} orders {BIDI}.\n\n"
    "Best,\nSam\n"
)
# Raw in output: C0 controls other than the line break, DEL, C1, BiDi and line separators.
RAW_CONTROL = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    (root / ".git").mkdir()
    (root / INJECTING_NAME).write_bytes(b"binary\0file")
    (root / "::warning::named like a command.txt").write_text(HOSTILE_REPLY, encoding="utf-8")
    (root / f"esc{CLEAR_SCREEN}name\u202e.txt").write_text(HOSTILE_REPLY, encoding="utf-8")
    macros = {
        "macros": [
            {
                "id": f"id{OSC_LINK}",
                "title": f"Refund\n::error::title{BIDI}",
                "actions": [{"field": "comment_value", "value": HOSTILE_REPLY}],
            }
        ]
    }
    (root / "macros.json").write_text(json.dumps(macros), encoding="utf-8")
    return root


def _run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "REPLYLINT_LANGUAGETOOL": "off", "NO_COLOR": "1"}
    return subprocess.run(
        [installed_executable(), "check", "--no-cache", *args, "."],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="surrogateescape",
        check=False,
    )


def test_a_file_name_cannot_issue_workflow_commands_through_stderr(hostile: Path) -> None:
    done = _run(hostile, "-f", "github")
    assert done.returncode == 2
    assert "binary file" in done.stderr
    for line in done.stderr.splitlines():
        assert not line.lstrip().startswith(("::", "##")), line
        assert line.startswith("replylint: ")
    # On stdout, the only commands are replylint's own: none names README.md.
    assert not re.search(r"^\s*::error file=README\.md", done.stdout, re.MULTILINE)


@pytest.mark.parametrize("fmt", ["text", "github", "sarif", "junit"])
def test_no_format_prints_control_sequences_or_bidi_controls(hostile: Path, fmt: str) -> None:
    done = _run(hostile, "-f", fmt)
    assert done.returncode == 2
    for channel in (done.stdout, done.stderr):
        assert not RAW_CONTROL.search(channel), RAW_CONTROL.search(channel)
    assert "x1b]8;;https://evil.example/" in done.stdout  # shown, not run
    for line in done.stdout.splitlines():
        if fmt != "github":  # the github format's own commands are its lines
            assert not line.lstrip().startswith(("::", "##")), line


def test_text_report_shows_escapes_with_the_caret_under_the_flagged_words(hostile: Path) -> None:
    done = _run(hostile, "-f", "text", "--select", "RL101")
    lines = done.stdout.splitlines()
    assert "./::warning::named like a command.txt  email" in done.stdout
    context = next(line for line in lines if "can't refund" in line)
    carets = lines[lines.index(context) + 1]
    start = context.index("Unfortunately")
    assert carets.index("^") == start and carets.count("^") == len("Unfortunately")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a\u2028b\u2029c", "a\\u2028b\\u2029c"),
        ("\x1b[2J", "\\x1b[2J"),
        ("\u202eabc", "\\u202eabc"),
        ("plain text, 100% – ok", "plain text, 100% – ok"),
    ],
)
def test_visible(text: str, shown: str) -> None:
    assert visible(text) == shown


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("::error::x.txt", "./::error::x.txt"),
        ("  ::x", "./  ::x"),
        ("##[error]x", "./##[error]x"),
        ("##vso[task.setvariable]x", "./##vso[task.setvariable]x"),
        ("a::b.txt", "a::b.txt"),
    ],
)
def test_visible_line_start(name: str, shown: str) -> None:
    assert visible_line_start(name) == shown


def test_a_plugin_s_words_reach_the_terminal_escaped(capsys: pytest.CaptureFixture[str]) -> None:
    """A plugin's summary, rationale, examples and option help are a stranger's text: the
    catalogue shows control characters escaped and Rich markup as written."""
    from replylint.checks import BUILTIN, Category, Check, Example, Option, Registry
    from replylint.cli.catalogue import print_checks, print_explanation

    hostile = "\x1b]0;pwned\x07 [red]x[/red] \x1b[2J"
    check = Check(
        code="ACME101",
        name="jargon",
        category=Category.TONE,
        summary=hostile,
        rationale=hostile,
        guidance=hostile,
        run=lambda reply, options: (),
        examples=(Example(hostile, fails=True),),
        options={"level": Option(str, hostile, hostile)},
    )
    print_checks(Registry((*BUILTIN, check), {}))
    print_explanation(check)
    shown = capsys.readouterr().out
    assert "\x1b" not in shown and "\x07" not in shown
    assert "\\x1b]0;pwned\\x07 [red]x[/red]" in shown
