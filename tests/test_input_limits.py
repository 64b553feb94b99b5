"""Issue 15 item 8: macro-library YAML has the alias limit config YAML has, and a config
cannot lift max-file-size past its ceiling."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from inputs_support import BAD, invoke, make_project

from replylint.config.schema import MAX_FILE_SIZE_CEILING

# 352 bytes that nested aliases make a billion strings (issue 15: 7.9 GB, MemoryError).
LAUGHS = "\n".join(
    [
        "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]",
        *(
            f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 10)}]"
            for n in range(8)
        ),
        "macros: [{title: x, body: *i}]",
        "",
    ]
)
MACROS = "macros:\n  records: '$.macros[*]'\n  text: body\n  title: title\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = make_project(tmp_path, monkeypatch)
    (root / ".replylint.yaml").write_text(MACROS, encoding="utf-8")
    (root / "good.txt").write_text(BAD, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("library", "problem"),
    [
        (LAUGHS, "aliases expand to over 100,000 values more than the file holds"),
        ("a: &a [x, *a]\nmacros: [{title: x, body: y}]\n", "an alias refers to a collection"),
        (
            "a: &a [" + ", ".join(["x"] * 20_000) + "]\nb: [*a, *a, *a, *a, *a, *a]\n"
            "macros: [{title: x, body: y}]\n",
            "aliases expand to over 100,000 values",
        ),
    ],
    ids=["billion-laughs", "self-reference", "wide-copies"],
)
def test_alias_bombs_in_a_macro_library_are_one_input_error(
    project: Path, library: str, problem: str
) -> None:
    (project / "macros.yaml").write_text(library, encoding="utf-8")
    result = invoke("check", "--select", "RL999", "-f", "json", "macros.yaml", "good.txt")
    assert result.exit_code == 2
    assert result.stderr.startswith("replylint: macros.yaml: invalid YAML at line ")
    assert problem in result.stderr and len(result.stderr.splitlines()) == 1
    files = [f["path"] for f in json.loads(result.stdout)["files"]]
    assert "good.txt" in files  # the other input is still linted


def test_a_library_with_ordinary_aliases_is_read(project: Path) -> None:
    (project / "macros.yaml").write_text(
        "sig: &sig 'Unfortunately we cannot.'\nmacros:\n  - {title: a, body: *sig}\n"
        "  - {title: b, body: *sig}\n",
        encoding="utf-8",
    )
    result = invoke("check", "--select", "RL999", "-f", "json", "macros.yaml")
    assert result.exit_code == 1, result.stderr
    assert json.loads(result.stdout)["summary"]["replies"] == 2


def test_max_file_size_has_a_ceiling(project: Path) -> None:
    (project / ".replylint.yaml").write_text(
        f"max-file-size: {MAX_FILE_SIZE_CEILING + 1}\n", encoding="utf-8"
    )
    result = invoke("check", "good.txt")
    assert result.exit_code == 2
    assert (
        f".replylint.yaml:1: max-file-size: at most {MAX_FILE_SIZE_CEILING:,} bytes"
        in result.stderr
    )
    (project / ".replylint.yaml").write_text(
        f"max-file-size: {MAX_FILE_SIZE_CEILING}\n", encoding="utf-8"
    )
    assert invoke("check", "--select", "RL999", "good.txt").exit_code == 1
