"""Every example of the README that can be run is run (issue 15 item 20): configs load, error
examples print what the README shows, the JSON example has the report's shape, the sample
report is the real one, and the suppression examples are valid directives."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from replylint.cli.main import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = [
    (m.group(1), m.group(2), README[: m.start()])
    for m in re.finditer(r"^```(\w*)\n(.*?)^```$", README, re.MULTILINE | re.DOTALL)
]


def block_after(heading_text: str, language: str, nth: int = 0) -> str:
    """The ``nth`` code block in ``language`` after the first line holding ``heading_text``."""
    start = README.index(heading_text)
    found = [body for lang, body, before in BLOCKS if lang == language and len(before) > start]
    return found[nth]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "draft.txt").write_text("Hi Anna,\n\nIt ships Monday.\n\nBest,\nSam\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("REPLYLINT_LANGUAGETOOL", "off")
    return tmp_path


def check(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["check", *args])


def test_the_configuration_example_loads(project: Path) -> None:
    config = block_after("## Configuration", "yaml")
    (project.parent / "shared").mkdir(exist_ok=True)
    (project.parent / "shared" / "replylint.yaml").write_text("kind: auto\n")
    (project / ".replylint.yaml").write_text(config, encoding="utf-8")
    (project / ".git").rmdir()  # extends ../shared: the boundary is above this folder
    (project.parent / ".git").mkdir(exist_ok=True)
    result = check("draft.txt")
    assert result.exit_code in (0, 1), result.stderr


def test_the_validation_example_prints_what_the_readme_shows(project: Path) -> None:
    config = block_after("Validation is strict", "yaml")
    (project / ".replylint.yaml").write_text(config, encoding="utf-8")
    shown = block_after("Validation is strict", "").splitlines()
    result = check("--config", ".replylint.yaml", "draft.txt")
    assert result.exit_code == 2 and result.stderr.splitlines() == shown


def test_a_plain_add_string_is_a_phrase_not_a_regex(project: Path) -> None:
    (project / ".replylint.yaml").write_text(
        "checks:\n  negative-wording:\n    add: ['(\\w+\\s?)+$']\n", encoding="utf-8"
    )
    assert check("draft.txt").exit_code == 0


@pytest.mark.parametrize("heading", ["## Grammar and spelling", "#### Macro libraries"])
def test_settings_examples_load(project: Path, heading: str) -> None:
    (project / ".replylint.yaml").write_text(block_after(heading, "yaml"), encoding="utf-8")
    result = check("draft.txt", "--languagetool", "off")  # valid, without a server to ask
    assert result.exit_code in (0, 1) and "config error" not in result.stderr, result.stderr


def test_the_json_example_has_the_shape_of_the_report(project: Path) -> None:
    example = json.loads(block_after("## JSON output", "json"))
    (project / "broken.txt").write_bytes(b"\x00")
    real = json.loads(check("draft.txt", "broken.txt", "-f", "json").stdout)
    assert set(example) == set(real)
    # The README introduces these two keys in its "Report formats" section.
    assert set(example["summary"]) <= set(real["summary"])
    assert set(real["summary"]) - set(example["summary"]) <= {"worst_macros", "baseline"}
    ok = next(f for f in real["files"] if f["status"] == "ok")
    example_reply = example["files"][0]["replies"][0]
    assert set(example_reply) == set(ok["replies"][0])
    for key in ("notices", "input_errors", "service_errors", "lowest"):
        assert isinstance(example["summary"][key], list), key
    assert set(example_reply["findings"][0]) == {
        *json.loads(
            check(str(ROOT / "tests/fixtures/samples/draft-reply.txt"), "-f", "json").stdout
        )["files"][0]["replies"][0]["findings"][0]
    }


def test_the_sample_report_is_the_real_one(project: Path) -> None:
    shown = block_after("The report for the sample draft", "").splitlines()
    real = check(str(ROOT / "tests/fixtures/samples/draft-reply.txt")).stdout.splitlines()
    head = shown[: shown.index("  …")]
    assert [line.replace(str(ROOT) + "/", "") for line in real[: len(head)]] == head


def test_the_suppression_examples_are_valid_directives(project: Path) -> None:
    directives = block_after("### Suppressing a finding", "")
    (project / "r.txt").write_text(directives + "Your parcel ships Monday.\n", encoding="utf-8")
    document = json.loads(check("r.txt", "-f", "json").stdout)
    codes = [f["code"] for f in document["files"][0]["replies"][0]["findings"]]
    assert "RL000" not in codes
