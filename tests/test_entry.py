"""The console script's fast path for `check` (cli/entry.py) behaves as the Typer app does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from replylint.cli import entry
from replylint.cli.main import app

KINDS = {"str": "text", "int range": "int", "float": "float", "path": "path"}


def test_the_option_table_is_checks_declaration() -> None:
    command = typer.main.get_command(app).commands["check"]  # type: ignore[attr-defined]
    declared = {}
    for param in command.params:
        if param.param_type_name == "argument":
            assert param.name == "paths" and param.nargs == -1
            continue
        if param.is_flag:
            for spelling in param.opts:
                declared[spelling] = (param.name, "flag")
            for spelling in param.secondary_opts:
                declared[spelling] = (param.name, "no-flag")
            continue
        kind = "list" if param.multiple else KINDS[param.type.name]
        if kind == "int":  # entry.py takes digits only: what a range from 0 up accepts
            assert (param.type.min, param.type.max, param.type.min_open) == (0, None, False)
        if kind == "path":  # entry.py leaves unreadable files to Typer, which refuses them
            assert not param.type.exists and param.type.readable
        for spelling in param.opts:
            declared[spelling] = (param.name, kind)
    declared.pop("--help", None)
    declared.pop("-h", None)
    assert declared == entry.OPTIONS


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], {}),
        (["a.txt", "-", "b"], {"paths": ["a.txt", "-", "b"]}),
        (["-f", "json", "--fail-under=90.5"], {"output_format": "json", "fail_under": 90.5}),
        (["--select", "a", "x", "--select=b"], {"select": ["a", "b"], "paths": ["x"]}),
        (["--no-color", "-j", "0", "--", "-q"], {"color": False, "jobs": 0, "paths": ["-q"]}),
        (["--config", "c.yaml", "-q"], {"config": Path("c.yaml"), "quiet": True}),
    ],
)
def test_plain_arguments_are_parsed(args: list[str], expected: dict[str, object]) -> None:
    assert entry.parse(args) == expected


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["-h"],
        ["--bogus"],
        ["--format"],  # no value
        ["--format", "-q"],  # a value Typer might read as an option
        ["-fjson"],
        ["-qf", "json"],
        ["--quiet=yes"],
        ["-q", "-q"],
        ["--color", "--no-color"],
        ["--format", "json", "-f", "text"],
        ["--jobs", "-1"],
        ["--jobs", "+1"],
        ["--fail-under", "1e3"],
        ["--fail-under", "nan"],
        ["--config", ""],
    ],
)
def test_anything_else_is_left_to_typer(args: list[str]) -> None:
    assert entry.parse(args) is None


TYPER_PATH = "import sys; from replylint.cli.main import main; sys.argv[0] = 'replylint'; main()"
FAST_PATH = "import sys; from replylint.cli.entry import main; sys.argv[0] = 'replylint'; main()"
NO_TYPER = (
    "import atexit, sys; atexit.register(lambda: print('typer' in sys.modules, file=sys.stderr));"
    + FAST_PATH
)


def run(tmp_path: Path, code: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "REPLYLINT_LANGUAGETOOL": "off", "REPLYLINT_CACHE_DIR": str(tmp_path)}
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        input="We can't do that.\n",
        timeout=120,
    )


@pytest.mark.parametrize(
    "args",
    [
        ["check", "reply.txt"],
        ["check", "--format", "json", "reply.txt", "missing.txt"],
        ["check", "-f", "bogus", "reply.txt"],
        ["check", "--kind", "weird", "reply.txt"],
        ["check", "--config", "absent.yaml", "reply.txt"],
        ["check", "--exit-zero", "-q", "--select", "negative-wording", "reply.txt"],
        ["check", "--fail-under", "99", "--no-cache", "reply.txt"],
        ["check", "--stdin-filename", "x.md", "-"],
        ["check", "--diff", "reply.txt"],
        ["check", "--help"],  # through Typer either way
    ],
)
def test_same_output_and_exit_code_as_the_typer_app(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "reply.txt").write_text("Unfortunately we cannot refund you.\n")
    fast, typed = run(tmp_path, FAST_PATH, *args), run(tmp_path, TYPER_PATH, *args)
    assert (fast.returncode, fast.stdout, fast.stderr) == (
        typed.returncode,
        typed.stdout,
        typed.stderr,
    )


def test_a_plain_check_never_imports_typer(tmp_path: Path) -> None:
    (tmp_path / "reply.txt").write_text("Unfortunately we cannot refund you.\n")
    done = run(tmp_path, NO_TYPER, "check", "--format", "json", "reply.txt")
    assert done.returncode == 1 and done.stderr.strip().endswith("False"), done.stderr
    helped = run(tmp_path, NO_TYPER, "check", "--help")
    assert helped.returncode == 0 and helped.stderr.strip().endswith("True"), helped.stderr
