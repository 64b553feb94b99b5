"""Issue 15 item 5: --output never writes through a link out of the working tree, nor over
an input or a config file in use. Real files, real links, the installed executable."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from helpers import installed_executable

DRAFT = "Hi Anna,\n\nUnfortunately we can't refund digital orders.\n\nBest,\nSam\n"
CONFIG = "fail-on: error\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / ".replylint.yaml").write_text(CONFIG, encoding="utf-8")
    (root / "replies").mkdir()
    (root / "replies" / "draft.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "victim").mkdir()
    (tmp_path / "victim" / "bashrc").write_text("export PATH=/usr/bin\n", encoding="utf-8")
    return root


def _check(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "REPLYLINT_LANGUAGETOOL": "off"}
    return subprocess.run(
        [installed_executable(), "check", "--no-cache", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("link", ["replylint.sarif", "reports/replylint.sarif"])
def test_a_committed_link_out_of_the_tree_is_refused(repo: Path, link: str) -> None:
    if link.startswith("reports/"):  # a linked folder leads out just the same
        (repo / "reports").symlink_to(repo.parent / "victim")
        link = "reports/bashrc"
    else:
        (repo / link).symlink_to(repo.parent / "victim" / "bashrc")
    done = _check(repo, "--format", "sarif", "--output", link, ".")
    assert done.returncode == 2
    assert done.stderr.startswith(f"replylint: {link}: --output: a symbolic link to ")
    assert "outside the working tree" in done.stderr and done.stdout == ""
    victim = repo.parent / "victim" / "bashrc"
    assert victim.read_text(encoding="utf-8") == "export PATH=/usr/bin\n"


def test_a_link_inside_the_tree_and_a_path_outside_it_are_still_written(repo: Path) -> None:
    (repo / "reports").mkdir()
    (repo / "latest.json").symlink_to("reports/report.json")
    done = _check(repo, "-f", "json", "--output", "latest.json", "replies")
    assert done.returncode == 1, done.stderr
    assert (repo / "latest.json").is_symlink() and (repo / "reports" / "report.json").is_file()
    outside = repo.parent / "elsewhere.json"
    assert _check(repo, "-f", "json", "-o", str(outside), "replies").returncode == 1
    assert outside.is_file()


@pytest.mark.parametrize(
    ("output", "inputs", "message"),
    [
        ("replies/draft.txt", ["replies/draft.txt"], "--output names an input of this run"),
        ("replies/draft.txt", ["replies"], "--output names an input of this run"),
        (".replylint.yaml", ["replies"], "--output names a config file in use"),
    ],
    ids=["named-input", "walked-input", "config-in-use"],
)
def test_an_input_or_config_in_use_is_never_overwritten(
    repo: Path, output: str, inputs: list[str], message: str
) -> None:
    before = (repo / output).read_bytes()
    done = _check(repo, "-o", output, *inputs)
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == (
        f"replylint: {output}: {message}; the report is not written"
    )
    assert (repo / output).read_bytes() == before


@pytest.mark.parametrize(
    "command", [["baseline", "write", "base.json", "replies"], ["init", "--force", "base.json"]]
)
def test_baseline_and_init_refuse_a_link_out_of_the_tree(repo: Path, command: list[str]) -> None:
    (repo / "base.json").symlink_to(repo.parent / "victim" / "bashrc")
    env = {**os.environ, "REPLYLINT_LANGUAGETOOL": "off"}
    done = subprocess.run(
        [installed_executable(), *command], cwd=repo, env=env, capture_output=True, text=True
    )
    assert done.returncode == 2
    assert "a symbolic link to " in done.stderr and "outside the working tree" in done.stderr
    victim = repo.parent / "victim" / "bashrc"
    assert victim.read_text(encoding="utf-8") == "export PATH=/usr/bin\n"
