"""Every malformed input is one line naming the file (and macro), exit 2, others still linted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from helpers import installed_executable
from inputs_support import BAD, errors, findings, lint_json, make_project

from replylint.cli.inputs.targets import InputProblem, Target, read_bytes

BROKEN = {
    "broken.json": '{"macros": [{"title": "A",',
    "broken.yaml": "templates:\n  - body: 'unclosed\n",
    "broken.csv": 'text\n"Unfortunately never closed\n',
    "no-text.eml": "Subject: hi\nContent-Type: application/pdf\n\n%PDF",
    "not-html.html": "plain words, no markup\n",
    "no-field.json": json.dumps({"templates": [{"title": "Welcome", "text": "Hello!"}]}),
    "binary.md": "\x00\x01 binary",
    "empty.txt": "  \n",
}
EXPECTED = {
    "broken.json": "invalid JSON at line 1",
    "broken.yaml": "invalid YAML at line",
    "broken.csv": "invalid CSV",
    "no-text.eml": "e-mail has no text/plain or text/html part",
    "not-html.html": "no HTML tags found",
    "no-field.json": "macro 'Welcome': text field 'body' is missing",
    "binary.md": "binary file",
    "empty.txt": "file is empty",
    "tree/inner/loop": "symbolic link loop",
}
CONFIG = 'macros:\n  records: "$.templates[*]"\n  text: body\n  title: title\n'


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = make_project(tmp_path, monkeypatch)
    (root / ".replylint.yaml").write_text(CONFIG, encoding="utf-8")
    for name, content in BROKEN.items():
        (root / name).write_text(content, encoding="utf-8")
    (root / "good.txt").write_text(BAD, encoding="utf-8")
    (root / "tree" / "inner").mkdir(parents=True)
    os.symlink(root / "tree", root / "tree" / "inner" / "loop")
    return root


def test_each_bad_input_is_one_line_and_the_good_one_is_linted(project: Path) -> None:
    document, result = lint_json(*BROKEN, "good.txt", "tree")
    assert result.exit_code == 2
    found = errors(document)
    assert sorted(found) == sorted(EXPECTED)
    for name, message in EXPECTED.items():
        assert len(found[name]) == 1 and message in found[name][0], (name, found[name])
    stderr = [line for line in result.stderr.splitlines() if line]
    assert len(stderr) == len(EXPECTED)
    assert all(line.startswith("replylint: ") for line in stderr)
    assert "Traceback" not in result.output
    assert [f[0] for f in findings(document)] == ["good.txt", "good.txt"]


def test_exit_zero_never_hides_input_errors(project: Path) -> None:
    _document, result = lint_json("broken.json", "good.txt", "--exit-zero")
    assert result.exit_code == 2


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0,
    reason="root reads files whatever their mode; see test_a_folder_read_as_a_file",
)
def test_unreadable_file(project: Path) -> None:
    (project / "locked.txt").write_text(BAD, encoding="utf-8")
    (project / "locked.txt").chmod(0)
    document, result = lint_json("locked.txt", "good.txt")
    assert result.exit_code == 2
    assert errors(document) == {"locked.txt": ["permission denied"]}


def test_a_folder_read_as_a_file(project: Path) -> None:
    with pytest.raises(InputProblem, match="is a folder, not a file"):
        read_bytes(Target(project / "tree", "tree"), 1000)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_without_a_writer_is_an_error_not_a_hang(project: Path) -> None:
    os.mkfifo(project / "pipe.txt")
    done = subprocess.run(
        [installed_executable(), "check", "pipe.txt", "good.txt", "--select", "RL101"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=project,
    )
    assert done.returncode == 2
    assert done.stderr.splitlines() == ["replylint: pipe.txt: file is empty"]
    assert "good.txt" in done.stdout


@pytest.mark.skipif(not Path("/dev/fd").is_dir(), reason="needs /dev/fd")
def test_a_pipe_with_a_writer_is_read_whole() -> None:
    """What bash's <(command) passes: /dev/fd/N, a pipe whose writer is already there."""
    text = b"Unfortunately we can't refund digital orders. " * 2000  # over a pipe's 64 KiB
    read_end, write_end = os.pipe()

    def write() -> None:
        with open(write_end, "wb") as pipe:
            pipe.write(text)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        data = read_bytes(Target(Path(f"/dev/fd/{read_end}"), "<(command)"), 1_000_000)
    finally:
        writer.join(timeout=60)
        os.close(read_end)
    assert data == text


def test_the_installed_executable_reports_bad_inputs(project: Path) -> None:
    done = subprocess.run(
        [
            installed_executable(),
            "check",
            "broken.json",
            "no-text.eml",
            "good.txt",
            "--select",
            "RL101",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "replylint: broken.json: invalid JSON at line 1: Expecting property name enclosed in "
        "double quotes",
        "replylint: no-text.eml: e-mail has no text/plain or text/html part to lint",
    ]
    assert "good.txt" in done.stdout and "2 input errors" in done.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_whose_writer_never_writes_is_an_error_not_a_hang(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 15 item 9: a writer that holds the pipe open and writes nothing blocked for ever."""
    import replylint.cli.inputs.targets as targets

    monkeypatch.setattr(targets, "PIPE_IDLE_SECONDS", 0.3)
    pipe = project / "pipe.txt"
    os.mkfifo(pipe)
    writer = subprocess.Popen(["sh", "-c", 'exec 3>"$1"; sleep 30', "sh", str(pipe)])
    try:
        started = time.monotonic()
        with pytest.raises(InputProblem, match=r"nothing was written to this pipe for 0\.3 s"):
            # Until the writer has opened its end, the pipe reads as empty: ask again.
            while read_bytes(Target(pipe, "pipe.txt"), 1000) == b"":
                assert time.monotonic() - started < 20, "the writer never opened the pipe"
                time.sleep(0.05)
        assert time.monotonic() - started < 20
    finally:
        writer.kill()
        writer.wait()
