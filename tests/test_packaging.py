"""The built wheel holds one top-level name, replylint, with its data files."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_has_only_the_replylint_namespace(tmp_path: Path) -> None:
    pytest.importorskip("build")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0 and "No module named" in done.stderr:
        pytest.skip(f"build backend missing here: {done.stderr.splitlines()[-1]}")
    assert done.returncode == 0, done.stderr[-2000:]
    (wheel,) = tmp_path.glob("replylint-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    top = {name.split("/")[0] for name in names}
    assert top == {"replylint", f"{wheel.name.split('-')[0]}-{wheel.name.split('-')[1]}.dist-info"}
    for required in (
        "replylint/cli/main.py",
        "replylint/checks/engine.py",
        "replylint/config/default.yaml",
        "replylint/checks/py.typed",
        "replylint/checks/lexicons/negative-wording.yaml",
    ):
        assert required in names
    assert not any(name.startswith("replylint/__init__") for name in names)
