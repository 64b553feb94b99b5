"""The optional mypyc build (.build/compiled.py): REPLYLINT_COMPILE=1 compiles the hot modules,
or falls back.

Both tests build a wheel from a copy of the tree, as tests/test_packaging.py does. The compiled
one runs mypyc over every module in .build/compiled.py's HOT and a C compiler over the result
(about four minutes of CPU on one core), so it runs only when asked:
``REPLYLINT_TEST_COMPILED=1``. The fallback one compiles a single small module with a compiler
that always fails (``CC=/bin/false``) and expects the pure wheel, file for file; it is cheaper
(about 30 s) but opt-in too.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOT_SOURCE = (".git", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".venv")
REPLIES = ROOT / "tests" / "fixtures" / "replies"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("REPLYLINT_TEST_COMPILED") != "1",
        reason="builds with mypyc and a C compiler: opt-in, REPLYLINT_TEST_COMPILED=1",
    ),
]


def build_wheel(tmp_path: Path, name: str, **env: str) -> Path:
    pytest.importorskip("build")
    pytest.importorskip("mypyc")
    source = tmp_path / f"{name}-source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*NOT_SOURCE))
    out = tmp_path / name
    done = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), source],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "REPLYLINT_COMPILE": "1", **env},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    (wheel,) = out.glob("replylint-*.whl")
    return wheel


def hot_modules() -> list[str]:
    """.build/compiled.py's HOT, as dotted names."""
    namespace: dict[str, object] = {}
    text = (ROOT / ".build" / "compiled.py").read_text(encoding="utf-8")
    exec(text[text.index("HOT = (") : text.index(")", text.index("HOT = (")) + 1], namespace)
    paths = namespace["HOT"]
    assert isinstance(paths, tuple) and paths
    return ["replylint." + path.removesuffix(".py").replace("/", ".") for path in paths]


def lint(pythonpath: Path | None) -> str:
    """JSON findings of the fixture replies, from the installed package or the one given."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    files = sorted(str(p) for p in REPLIES.glob("*.txt"))
    options = ["--no-cache", "--languagetool", "off", "--format", "json"]
    done = subprocess.run(
        [sys.executable, "-m", "replylint.cli", "check", *options, *files],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        cwd=REPLIES,
    )
    assert done.returncode in (0, 1), done.stderr[-2000:]
    assert done.stdout.strip(), done.stderr[-2000:]
    return done.stdout


def test_the_compiled_wheel_loads_its_extensions_and_lints_alike(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path, "compiled")
    assert "-cp3" in wheel.name and "-none-any" not in wheel.name
    names = set(zipfile.ZipFile(wheel).namelist())
    for module in hot_modules():
        stem = module.replace(".", "/")
        assert any(n.startswith(stem + ".cpython-") and n.endswith(".so") for n in names), module
        assert stem + ".py" in names  # the source stays, for tracebacks and the results cache
    # mypyc's shared library: the one name beside replylint on top
    top = {n.split("/")[0] for n in names if not n.startswith("replylint-")}
    assert {t.split(".")[0] for t in top} == {"replylint", "replylint__mypyc"}

    unpacked = tmp_path / "unpacked"
    zipfile.ZipFile(wheel).extractall(unpacked)
    probe = "import replylint.checks.engine as e, replylint.checks.lexicon as x; print(e.__file__)"
    done = subprocess.run(
        [sys.executable, "-c", probe + "; print(x.LEXICON_FOLDER.is_dir())"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(unpacked)},
        cwd=tmp_path,
    )
    where, lexicons = done.stdout.split()
    assert where.startswith(str(unpacked)) and where.endswith(".so"), where
    assert lexicons == "True"  # a compiled module's __file__ points at its own folder
    assert lint(unpacked) == lint(None)


def test_a_build_without_a_working_compiler_is_the_pure_wheel(tmp_path: Path) -> None:
    fallback = build_wheel(
        tmp_path, "fallback", CC="/bin/false", REPLYLINT_COMPILE_MODULES="checks/lazy_regex.py"
    )
    pure = build_wheel(tmp_path, "pure", REPLYLINT_COMPILE="0")
    assert fallback.name == pure.name and fallback.name.endswith("-py3-none-any.whl")
    with zipfile.ZipFile(fallback) as a, zipfile.ZipFile(pure) as b:
        assert sorted(a.namelist()) == sorted(b.namelist())
        for name in a.namelist():
            assert a.read(name) == b.read(name), name
