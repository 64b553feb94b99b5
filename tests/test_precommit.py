"""The pre-commit hook for real: pre-commit clones this repository at HEAD and installs it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from inputs_support import BAD, GOOD

ROOT = Path(__file__).resolve().parent.parent


def git(*args: str, cwd: Path) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    return done.stdout.strip()


@pytest.mark.slow
def test_hook_fails_on_a_bad_reply_and_passes_on_a_good_one(tmp_path: Path) -> None:
    pre_commit = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or (
        shutil.which("pre-commit")
    )
    if pre_commit is None:
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout of replylint")
    head = git("rev-parse", "HEAD", cwd=ROOT)
    if not git("ls-files", ".pre-commit-hooks.yaml", cwd=ROOT):
        pytest.skip(".pre-commit-hooks.yaml is not committed at HEAD")
    repo = tmp_path / "templates"
    repo.mkdir()
    git("init", "-q", cwd=repo)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {head}\n    hooks:\n"
        "      - id: replylint\n        args: [--select, RL101]\n",
        encoding="utf-8",
    )
    (repo / "refund.md").write_text(BAD, encoding="utf-8")
    (repo / "package.json").write_text('{"name": "templates"}\n', encoding="utf-8")
    git("add", ".", cwd=repo)
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "REPLYLINT_LANGUAGETOOL": "off",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
    }

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [pre_commit, "run", "--all-files", "--color", "never"],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )

    failed = run()
    if failed.returncode == 3 and "pip" in failed.stdout + failed.stderr:
        # pre-commit's own error (exit 3) while pip-installing the hook: no package index.
        pytest.skip("pre-commit could not pip-install the hook (is PyPI reachable?)")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "refund.md" in failed.stdout and "RL101" in failed.stdout
    assert "package.json" not in failed.stdout
    (repo / "refund.md").write_text(GOOD, encoding="utf-8")
    git("add", ".", cwd=repo)
    passed = run()
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout


@pytest.mark.slow
def test_fix_hook_fixes_and_fails_when_it_changed_files(tmp_path: Path) -> None:
    pre_commit = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or (
        shutil.which("pre-commit")
    )
    if pre_commit is None:
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout of replylint")
    head = git("rev-parse", "HEAD", cwd=ROOT)
    hooks = git("show", f"{head}:.pre-commit-hooks.yaml", cwd=ROOT)
    if "id: replylint-fix" not in hooks:
        pytest.skip("the replylint-fix hook is not committed at HEAD")
    repo = tmp_path / "templates"
    repo.mkdir()
    git("init", "-q", cwd=repo)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {head}\n    hooks:\n"
        "      - id: replylint-fix\n        args: [--select, RL201]\n",
        encoding="utf-8",
    )
    (repo / "late.txt").write_text("Kindly reply prior to Monday.\n", encoding="utf-8")
    git("add", ".", cwd=repo)
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "REPLYLINT_LANGUAGETOOL": "off",
    }

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [pre_commit, "run", "--all-files", "--color", "never"],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )

    changed = run()
    if changed.returncode == 3 and "pip" in changed.stdout + changed.stderr:
        pytest.skip("pre-commit could not pip-install the hook (is PyPI reachable?)")
    assert changed.returncode == 1, changed.stdout + changed.stderr
    assert "files were modified by this hook" in changed.stdout
    assert (repo / "late.txt").read_text(encoding="utf-8") == "Please reply before Monday.\n"
    git("add", ".", cwd=repo)
    again = run()
    assert again.returncode == 0, again.stdout + again.stderr
