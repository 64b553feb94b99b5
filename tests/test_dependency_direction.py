"""Layers import downwards only: cli → config → checks (STYLE §3.2), never the other way."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = {"checks": ("replylint.config", "replylint.cli"), "config": ("replylint.cli",)}


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_never_imports_a_layer_above_it(layer: str) -> None:
    for path in sorted((ROOT / layer).glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            for name in names:
                assert not name.startswith(FORBIDDEN[layer]), f"{path.name} imports {name}"


def test_checks_print_nothing_and_know_no_cli_libraries() -> None:
    for path in sorted((ROOT / "checks").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        assert "import typer" not in source and "from rich" not in source, path.name
        assert "print(" not in source, f"{path.name}: checks never print"
