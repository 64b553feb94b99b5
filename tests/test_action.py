"""The composite GitHub Action (action.yml): its inputs, that no input is pasted into a script,
and its check script run for real: annotations, the Markdown summary, the HTML report."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
STEPS = ACTION["runs"]["steps"]


def test_it_is_a_composite_action_with_the_inputs_the_readme_documents() -> None:
    assert ACTION["runs"]["using"] == "composite"
    inputs = ACTION["inputs"]
    for name in ("paths", "config", "fail-on", "fail-under", "baseline"):
        assert name in inputs and inputs[name]["description"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in inputs:
        assert f"| `{name}` |" in readme, f"README's input table lacks {name}"
    uses = [step["uses"].split("@")[0] for step in STEPS if "uses" in step]
    assert uses == ["actions/setup-python", "actions/upload-artifact"]


def test_no_input_is_pasted_into_a_shell_script() -> None:
    for step in STEPS:
        if "run" in step:
            assert "${{" not in step["run"], f"{step.get('name')}: expressions belong in env"


def check_step() -> dict[str, Any]:
    (step,) = [s for s in STEPS if s.get("id") == "check"]
    return step  # type: ignore[no-any-return]


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "macros").mkdir()
    (tmp_path / "macros" / "refund.txt").write_text(
        "Hi Anna,\n\nUnfortunately we can't refund digital orders.\n\nBest,\nSam\n",
        encoding="utf-8",
    )
    (tmp_path / "macros" / "fine.txt").write_text(
        "Hi Anna,\n\nYour replacement ships today; reply with your address by Friday.\n\n"
        "Best,\nSam\n",
        encoding="utf-8",
    )
    return tmp_path


def run_check_step(workspace: Path, **inputs: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    step = check_step()
    env = {**os.environ, "REPLYLINT_LANGUAGETOOL": "off"}
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env["PATH"]
    for key, value in step["env"].items():
        name = re.fullmatch(r"\$\{\{ inputs\.([\w-]+) \}\}", value).group(1)  # type: ignore[union-attr]
        env[key] = inputs.get(name.replace("-", "_"), ACTION["inputs"][name]["default"])
    env["GITHUB_STEP_SUMMARY"] = str(workspace / "summary.md")
    env["GITHUB_OUTPUT"] = str(workspace / "output.txt")
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
        cwd=workspace,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return done, workspace


def test_the_check_step_annotates_summarises_and_writes_the_report(workspace: Path) -> None:
    done, root = run_check_step(workspace, paths="macros")
    assert done.returncode == 0, done.stderr  # the step itself; the verdict comes after
    assert re.search(r"^::error file=macros/refund\.txt,line=3,", done.stdout, re.MULTILINE)
    summary = (root / "summary.md").read_text(encoding="utf-8")
    assert summary.startswith("## replylint\n") and "<details>" in summary
    assert (
        (root / "replylint-report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    )
    assert (root / "output.txt").read_text(encoding="utf-8") == "exit-code=1\n"


def test_inputs_become_options_and_stay_data(workspace: Path) -> None:
    (workspace / "cfg.yaml").write_text("fail-on: error\n", encoding="utf-8")
    hostile = 'macros"; touch pwned; echo "'
    _, root = run_check_step(
        workspace, paths=f"macros {hostile}", config="cfg.yaml", fail_under="10"
    )
    assert not (root / "pwned").exists()
    summary = (root / "summary.md").read_text(encoding="utf-8")
    assert "fail-on error, fail-under 10" in summary
    assert (root / "output.txt").read_text(encoding="utf-8") == "exit-code=2\n"  # a missing path
