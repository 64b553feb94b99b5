"""Issue 15 item 12: ``kill -9`` of replylint leaves no worker process running."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import installed_executable

DRAFT = "Hi Anna,\n\nUnfortunately we can't refund digital orders.\n\nBest,\nSam\n"


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return False
    return "\nState:\tZ" not in status  # a zombie has ended; only its parent has not reaped it


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_end_when_the_main_process_is_killed(tmp_path: Path) -> None:
    for number in range(600):
        (tmp_path / f"reply-{number:03}.txt").write_text(DRAFT, encoding="utf-8")
    env = {**os.environ, "REPLYLINT_LANGUAGETOOL": "off"}
    # Nobody reads the report: once the pipe is full the main process waits, workers idle.
    main = subprocess.Popen(
        [installed_executable(), "check", "--no-cache", "-j", "2", "."],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 30
        while len(workers) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
            workers = _children(main.pid)
        assert len(workers) >= 2, "the run started no workers"
        main.send_signal(signal.SIGKILL)
        main.wait(10)
        deadline = time.monotonic() + 10
        while any(map(_alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(map(_alive, workers)), "workers outlived their parent"
    finally:
        main.kill()
        assert main.stdout is not None
        main.stdout.close()
        for pid in filter(_alive, workers):  # a failed test leaves no process behind
            os.kill(pid, signal.SIGKILL)
