"""Parallel work never changes results: --jobs 1 vs N, and two runs sharing one cache."""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import fake_languagetool
import pytest
from helpers import installed_executable
from typer.testing import CliRunner

import replylint.cli.runner as runner
from replylint.cli.main import app

REPLIES = [
    "Hi Anna,\n\nUnfortunately we can't refund digital orders.\n\nBest,\nSam\n",
    "hey!! gonna check ur order rn lol",
    "Thanks! Your parcel ships today and you will recieve it on Monday.",
    "Dear [Customer Name],\n\nPlease be advised that your ticket {{ticket.id}} is closed.\n",
    "Sorry!! We apologise for any inconvenience. Sorry again.\r\nWe can't help with that.",
    "Emoji 😀😀😀😀 and RTL \u202eמילים\u202c and e\u0301 and a long line " + "word " * 60,
]


@pytest.fixture
def library(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    for number in range(120):  # over the 100 files from which --jobs 0 starts workers
        folder = tmp_path / f"team{number % 3}"
        folder.mkdir(exist_ok=True)
        text = REPLIES[number % len(REPLIES)] + f"\nReference {number}.\n"
        (folder / f"reply{number:03d}.txt").write_text(text, encoding="utf-8")
    return tmp_path


def run(folder: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [installed_executable(), "check", ".", "-f", "json", *args],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )


def test_jobs_do_not_change_the_output(library: Path) -> None:
    outputs = []
    for jobs in ("1", "2", "0"):
        done = run(library, "--jobs", jobs, "--languagetool", "off", "--no-cache")
        stdout, stderr = done.communicate(timeout=120)
        assert done.returncode == 1, stderr
        outputs.append(stdout)
    assert outputs[0] == outputs[1] == outputs[2]
    assert json.loads(outputs[0])["summary"]["replies"] == 120


def test_two_runs_sharing_a_cache_never_corrupt_it(
    library: Path,
    tmp_path_factory: pytest.TempPathFactory,
    fake_server: fake_languagetool.FakeLanguageTool,
) -> None:
    cache = tmp_path_factory.mktemp("shared-cache")
    env = {"REPLYLINT_CACHE_DIR": str(cache), "REPLYLINT_LANGUAGETOOL": fake_server.url}
    first, second = run(library, "--jobs", "2", env=env), run(library, "--jobs", "2", env=env)
    outputs = [process.communicate(timeout=120)[0] for process in (first, second)]
    entries = list((cache / "languagetool").glob("*/*.json"))
    assert entries and not list(cache.rglob(".tmp-*"))
    for entry in entries:
        assert isinstance(json.loads(entry.read_text(encoding="utf-8")), list)
    asked = len(fake_server.checks())
    again = run(library, env=env).communicate(timeout=120)[0]
    assert len(fake_server.checks()) == asked  # a third run finds everything in the cache
    assert outputs[0] == outputs[1] == again
    spelled = json.loads(again)["summary"]["by_check"]
    assert spelled.get("RL801 spelling") == 20  # "recieve" in 20 of the 120 replies


def test_runs_sharing_the_results_store_agree_with_a_fresh_run(
    library: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    cache = tmp_path_factory.mktemp("shared-results")
    env = {"REPLYLINT_CACHE_DIR": str(cache), "REPLYLINT_LANGUAGETOOL": "off"}
    fresh = run(library, "--no-cache", env=env).communicate(timeout=120)[0]
    runs = [run(library, "--jobs", jobs, env=env) for jobs in ("2", "1", "2")]
    outputs = [process.communicate(timeout=120)[0] for process in runs]
    assert (cache / "results-v1.sqlite3").exists()
    warm = run(library, "--jobs", "2", env=env).communicate(timeout=120)[0]
    assert outputs == [fresh] * 3 and warm == fresh
    assert json.loads(fresh)["summary"]["replies"] == 120


def in_library(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(library)
    monkeypatch.setenv("REPLYLINT_LANGUAGETOOL", "off")


def here(*args: str) -> tuple[int, str]:
    """A run in this process (forked workers inherit any monkeypatching): exit code, JSON."""
    result = CliRunner().invoke(app, ["check", ".", "-f", "json", *args])
    return result.exit_code, result.stdout


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="workers start only with 2+ CPUs")
def test_files_left_to_lint_go_to_workers_once_there_are_enough(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    in_library(library, monkeypatch)

    def check(*args: str) -> str:
        code, output = here(*args)
        assert code == 1, output
        return output

    check()  # every file stored
    for path in sorted(library.rglob("*.txt"))[40:]:  # walk order: the first 40 stay stored
        path.write_text(path.read_text(encoding="utf-8") + "Thanks!\n", encoding="utf-8")
    expected = check("--no-cache", "--jobs", "1")
    started: list[int] = []
    real_pool = runner._pool

    def pool(jobs: int) -> object:
        started.append(jobs)
        return real_pool(jobs)

    monkeypatch.setattr(runner, "_pool", pool)
    monkeypatch.setattr(runner, "READ_AHEAD", 20)  # sees only stored files: no workers yet
    monkeypatch.setattr(runner, "AUTO_JOBS_FROM", 10)
    assert check() == expected
    # After 10 files linted here, the rest went to workers: one a CPU but this process's own.
    assert started == [(os.cpu_count() or 1) - 1]
    assert check("--jobs", "2") == expected  # all stored now: no workers
    assert started == [(os.cpu_count() or 1) - 1]


def test_big_files_go_to_workers_in_small_chunks_with_the_same_results(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    in_library(library, monkeypatch)
    expected = here("--jobs", "1", "--no-cache")
    monkeypatch.setattr(runner, "BYTES_HELD", 1)  # every file is "big": one file a chunk
    assert here("--jobs", "2", "--no-cache") == expected
    assert here("--no-cache") == expected


def test_a_check_crashing_in_a_worker_is_reported_as_in_one_process(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    from replylint.checks import BUILTIN, load_registry

    def crash(reply: object, options: object) -> list[object]:
        raise RuntimeError("boom")

    broken = [c if c.name != "slang" else replace(c, run=crash) for c in BUILTIN]
    monkeypatch.setattr("replylint.cli.main._registry", lambda: load_registry(broken, []))
    in_library(library, monkeypatch)
    alone = here("--jobs", "1", "--no-cache")
    assert alone[0] == 2 and '"check_failures": [{"code": "RL' in alone[1]
    assert here("--jobs", "2", "--no-cache") == alone
    assert here("--jobs", "2") == alone  # results with a crash are never stored, nor reused
    assert here("--jobs", "2") == alone


def test_standard_input_among_files_is_linted_in_its_place_whatever_the_jobs(
    library: Path,
) -> None:
    outputs = []
    for jobs in ("1", "2"):
        done = subprocess.run(
            [installed_executable(), "check", "team0", "-", "team1", "-f", "json", "-j", jobs],
            cwd=library,
            input="Unfortunately we can't refund you, gonna check.\n",
            capture_output=True,
            text=True,
            env={**os.environ, "REPLYLINT_LANGUAGETOOL": "off"},
            timeout=120,
        )
        assert done.returncode == 1, done.stderr
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    paths = [record["path"] for record in json.loads(outputs[0])["files"]]
    assert paths.index("-") == 40  # after team0's 40 files, before team1's


_PARENT = os.getpid()
_LINTED_HERE: list[int] = []
_REAL_LINT_CHUNK = runner._lint_chunk


def _slow_in_workers(work: list[object]) -> object:
    """runner._lint_chunk, noted when it runs in this process, slow in a worker (module-level:
    what a worker is sent must pickle by name)."""
    if os.getpid() == _PARENT:
        _LINTED_HERE.append(len(work))
    else:
        time.sleep(0.3)  # a worker slower than this process: its queue backs up
    return _REAL_LINT_CHUNK(work)  # type: ignore[arg-type]


def test_this_process_takes_back_chunks_a_slow_worker_has_not_started(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    in_library(library, monkeypatch)
    expected = here("--jobs", "1", "--no-cache")
    _LINTED_HERE.clear()
    monkeypatch.setattr(runner, "_lint_chunk", _slow_in_workers)
    monkeypatch.setattr(runner, "_cpus", lambda: 2)  # one worker beside this process
    monkeypatch.setattr(runner, "AUTO_JOBS_FROM", 10)
    monkeypatch.setattr(runner, "CHUNK", 5)
    assert here("--no-cache") == expected
    # The warm-up chunk before the fork, then chunks taken back from the worker's queue.
    assert len(_LINTED_HERE) >= 3
    assert sum(_LINTED_HERE) < 110  # and the worker linted some
