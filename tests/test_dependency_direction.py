"""Layers import downwards only (STYLE §3.2), and each room of the tree keeps to its concern.

cli → config → checks, never the other way; the readers and report formats never import the
command line, so an editor server, a Python API or an HTML report can use them without Typer.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
COMMAND_LINE = (
    "typer",
    "click",
    "replylint.cli.main",
    "replylint.cli.runner",
    "replylint.cli.catalogue",
)

# folder (relative to the repo root) → module prefixes nothing under it may import
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "checks": ("replylint.config", "replylint.cli", "typer", "rich"),
    "checks/reply": ("replylint.checks.builtin", "replylint.checks.languagetool"),
    "checks/languagetool": ("replylint.checks.builtin",),
    "config": ("replylint.cli", "typer", "rich"),
    "cli/inputs": (*COMMAND_LINE, "rich", "replylint.cli.formats"),
    "cli/formats": COMMAND_LINE,
}
# The framework modules at the root of checks/ know no built-in check: only the BUILTIN tuple
# in checks/__init__.py names them.
FRAMEWORK_ALLOWED_TO_NAME_BUILTINS = {"__init__.py"}


def imported_names(path: Path) -> Iterator[str]:
    """Every module a file imports, at any depth of its code (lazy imports included)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            yield module
            yield from (f"{module}.{alias.name}" for alias in node.names)


def _under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


@pytest.mark.parametrize("folder", sorted(FORBIDDEN))
def test_room_never_imports_what_it_must_not(folder: str) -> None:
    sources = sorted((ROOT / folder).rglob("*.py"))
    assert sources, f"{folder} holds no module: the rule would pass without checking anything"
    for path in sources:
        for name in imported_names(path):
            for prefix in FORBIDDEN[folder]:
                assert not _under(name, prefix), f"{path.relative_to(ROOT)} imports {name}"


def test_framework_modules_name_no_builtin_check() -> None:
    for path in sorted((ROOT / "checks").glob("*.py")):
        if path.name in FRAMEWORK_ALLOWED_TO_NAME_BUILTINS:
            continue
        for name in imported_names(path):
            assert not _under(name, "replylint.checks.builtin"), f"{path.name} imports {name}"


def test_only_the_text_format_imports_rich_among_formats() -> None:
    for path in sorted((ROOT / "cli" / "formats").rglob("*.py")):
        uses_rich = any(_under(name, "rich") for name in imported_names(path))
        assert not uses_rich or path.name == "text.py", f"{path.name} imports Rich"


def test_checks_print_nothing() -> None:
    for path in sorted((ROOT / "checks").rglob("*.py")):
        assert "print(" not in path.read_text(encoding="utf-8"), f"{path.name}: checks never print"


def test_the_rule_catches_a_forbidden_import(tmp_path: Path) -> None:
    """The walk sees lazy imports inside functions, where most of ours are."""
    module = tmp_path / "reader.py"
    module.write_text("def read():\n    from replylint.cli import main\n    return main\n")
    assert "replylint.cli.main" in set(imported_names(module))
