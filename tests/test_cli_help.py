"""Help text: readable in an 80-column terminal, with named placeholders and no cut summaries."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from replylint.cli.main import app

COMMANDS = [
    [],
    ["check"],
    ["checks"],
    ["explain"],
    ["init"],
    ["baseline"],
    ["baseline", "write"],
    ["cache"],
    ["cache", "clear"],
    ["cache", "dir"],
]


def help_of(command: list[str]) -> str:
    result = CliRunner().invoke(app, [*command, "-h"], terminal_width=80)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "replylint")
def test_help_fits_80_columns_and_names_every_value(command: list[str]) -> None:
    text = help_of(command)
    assert text.startswith(f"Usage: replylint {' '.join(command)}".rstrip())
    assert max(map(len, text.splitlines())) <= 80
    # A value is named for what it is (FILE, CHECK, N), not for its Python type.
    assert not re.search(r"<(?:str|path|int|float)", text), text
    # Summaries in a command list are whole sentences, not cut off with "...".
    listed = text.split("Commands:\n", 1)[1] if "Commands:\n" in text else ""
    assert not [line for line in listed.splitlines() if line.endswith("...")], text


def test_check_help_gives_every_option_a_readable_description_column() -> None:
    text = help_of(["check"])
    options = text.split("Options:\n", 1)[1]
    descriptions = [
        line[24:] for line in options.splitlines() if line.startswith("  -") and len(line) > 24
    ]
    assert len(descriptions) >= 20  # one per option: none left without its description
    assert "-j, --jobs N" in options
    assert "--exit-zero " in options and "--no-exit-zero" not in options
