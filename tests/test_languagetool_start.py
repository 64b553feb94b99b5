"""A local LanguageTool that cannot start is skipped within seconds, with a clear notice.

Issue 15 item 9: with a broken install (here: a Java that dies at once, as with a corrupt jar),
language-tool-python tried each of 918 ports in turn and ``auto`` waited 255 s before skipping.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from helpers import installed_executable

BROKEN_JAVA = """#!/bin/sh
if [ "$1" = "-version" ]; then echo 'openjdk version "17.0.1" 2021-10-19' >&2; exit 0; fi
echo "Error: Invalid or corrupt jarfile" >&2
exit 1
"""


def test_a_broken_local_install_is_skipped_quickly(tmp_path: Path) -> None:
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    (bin_folder / "java").write_text(BROKEN_JAVA, encoding="utf-8")
    (bin_folder / "java").chmod(0o755)
    install = tmp_path / "ltp" / "LanguageTool-6.8"
    install.mkdir(parents=True)
    (install / "languagetool-server.jar").write_bytes(b"not a jar")
    (tmp_path / "draft.txt").write_text("We was told.\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "REPLYLINT_LANGUAGETOOL"}
    env.update(PATH=f"{bin_folder}{os.pathsep}{env['PATH']}", LTP_PATH=str(tmp_path / "ltp"))
    started = time.monotonic()
    done = subprocess.run(
        [installed_executable(), "check", "--no-cache", "draft.txt"],
        capture_output=True,
        text=True,
        timeout=90,
        cwd=tmp_path,
        env=env,
    )
    assert time.monotonic() - started < 60
    assert done.returncode == 0, done.stderr
    assert (
        "grammar: skipped — LanguageTool not available: cannot start a local LanguageTool: "
        "LanguageTool server exited early with code 1 (gave up after 3 attempts)"
    ) in done.stdout
