"""Issue 15 item 3: ``extends`` stays in the repository (or an allowed folder), and a file
that is not named like a replylint config never has its values echoed in an error."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from inputs_support import BAD, invoke

SECRET = "ghp_0123456789abcdefSECRET"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "work" / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "sub").mkdir()
    (root / "sub" / "draft.txt").write_text(BAD, encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "creds.yaml").write_text(f"fail-on: {SECRET}\n", encoding="utf-8")
    (outside / "replylint.yaml").write_text("fail-on: error\n", encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def _lint(root: Path, extends: str) -> tuple[int, str]:
    (root / "sub" / ".replylint.yaml").write_text(f"extends: {extends}\n", encoding="utf-8")
    result = invoke("check", "--select", "RL101", "-f", "json", "sub")
    return result.exit_code, result.stderr


@pytest.mark.parametrize(
    "extends",
    [
        "../../../outside/creds.yaml",
        "{tmp}/outside/creds.yaml",
        "link.yaml",
        "../../../outside/gone.yaml",
    ],
    ids=["relative", "absolute", "link-out", "missing-outside"],
)
def test_extends_outside_the_repository_is_refused(repo: Path, extends: str) -> None:
    (repo / "sub" / "link.yaml").symlink_to(repo.parent.parent / "outside" / "creds.yaml")
    extends = extends.format(tmp=repo.parent.parent)
    code, stderr = _lint(repo, extends)
    assert code == 2
    assert f"sub/.replylint.yaml:1: extends: {extends}: outside {repo}" in stderr
    assert SECRET not in stderr and "not found" not in stderr  # nothing learnt of outside


def test_a_folder_listed_in_the_environment_may_be_extended(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outside = repo.parent.parent / "outside"
    monkeypatch.setenv("REPLYLINT_EXTENDS_ALLOW", os.pathsep.join(["", str(outside)]))
    code, stderr = _lint(repo, "../../../outside/replylint.yaml")
    assert (code, stderr) == (0, "")  # fail-on: error, and RL101 is a warning


def test_extends_inside_the_repository_still_works(repo: Path) -> None:
    (repo / "shared").mkdir()
    (repo / "shared" / "base.yaml").write_text("fail-on: error\n", encoding="utf-8")
    assert _lint(repo, "../shared/base.yaml") == (0, "")


def test_a_file_not_named_like_a_config_never_has_its_values_shown(repo: Path) -> None:
    (repo / "secrets.yaml").write_text(f"kind: chat\nfail-on: {SECRET}\n", encoding="utf-8")
    code, stderr = _lint(repo, "../secrets.yaml")
    assert code == 2
    assert SECRET not in stderr
    assert "secrets.yaml:2: not a valid replylint config (its content is not shown" in stderr


def test_a_file_named_like_a_config_keeps_its_specific_errors(repo: Path) -> None:
    (repo / "team-replylint.yaml").write_text("fail-on: loud\n", encoding="utf-8")
    code, stderr = _lint(repo, "../team-replylint.yaml")
    assert code == 2
    assert "team-replylint.yaml:1: fail-on: unknown severity 'loud'" in stderr


def test_a_remote_server_in_a_private_extended_file_is_refused_without_its_value(
    repo: Path,
) -> None:
    (repo / "secrets.yaml").write_text(
        f"languagetool:\n  server: https://{SECRET}@lt.example/\n", encoding="utf-8"
    )
    code, stderr = _lint(repo, "../secrets.yaml")
    assert code == 2
    assert SECRET not in stderr and "secrets.yaml:2: not a valid replylint config" in stderr
