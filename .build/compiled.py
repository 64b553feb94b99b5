"""The optional compiled build: ``REPLYLINT_COMPILE=1 pip install .`` (or ``python -m build``).

Everything else about the package is in pyproject.toml; this file only adds mypyc's C
extensions for the hot modules of ``lint_reply`` (HOT below) when the variable is 1. Without it
(the default, CI's and the tests' build) there are no extensions and the wheel is the pure one.
Editable installs never compile (.build/replylint_build.py drops the variable, and the
``editable_wheel`` command is refused here too): a ``.so`` beside a ``.py`` shadows its edits.

The sources live in checks/, cli/ and config/, which pyproject.toml maps to the ``replylint``
namespace; mypyc names a module by its path, so it compiles a copy staged as
``build/mypyc/src/replylint/...``. Any failure (no mypy, mypyc refusing a module, no working C
compiler: try ``CC=/bin/false``) prints a warning and leaves the wheel pure, never a half-built
one: the ``.py`` files are always in the wheel, so the package works either way.
"""

from __future__ import annotations

import os
import shutil
import sys
import traceback
from pathlib import Path
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parents[1]  # .build/ lives in the root of the tree
STAGE = ROOT / "build" / "mypyc"
FOLDERS = ("checks", "cli", "config")

# The modules compiled, by path in the tree: the engine, the lexicons, the reply model and every
# built-in check lint_reply runs on an English reply (README, "Compiled build (optional)").
# Reply and its cached-property descriptor stay Python classes inside compiled parsed.py (see
# python_class there: Reply caches values in its __dict__, which a compiled class has not).
# Left pure: the LanguageTool and Hunspell checks and the language detector's model loader
# (they wait on a server, a C library or a file, not on Python), and all of cli/ and config/
# (one pass a run).
HOT = (
    "checks/engine.py",
    "checks/lexicon.py",
    "checks/anchors.py",
    "checks/model.py",
    "checks/score.py",
    "checks/prefilter.py",
    "checks/lazy_regex.py",
    "checks/reply/language.py",
    "checks/reply/masks.py",
    "checks/reply/parsed.py",
    "checks/reply/practice.py",
    "checks/reply/readability.py",
    "checks/reply/segment.py",
    "checks/reply/sensitivity.py",
    "checks/reply/specificity.py",
    "checks/builtin/alternatives.py",
    "checks/builtin/blame_customer.py",
    "checks/builtin/canned_phrasing.py",
    "checks/builtin/clause_model.py",
    "checks/builtin/empathy_without_action.py",
    "checks/builtin/excessive_politeness.py",
    "checks/builtin/long_sentence.py",
    "checks/builtin/missing_next_step.py",
    "checks/builtin/negative_wording.py",
    "checks/builtin/next_step_phrases.py",
    "checks/builtin/next_step_without_time.py",
    "checks/builtin/question_overload.py",
    "checks/builtin/refusal_grammar.py",
    "checks/builtin/refusal_without_alternative.py",
    "checks/builtin/slang.py",
    "checks/builtin/stiff_formal.py",
    "checks/builtin/template_slot.py",
)


def hot() -> list[str]:
    """HOT, or the paths in REPLYLINT_COMPILE_MODULES (space-separated: for measuring a set)."""
    return os.environ.get("REPLYLINT_COMPILE_MODULES", "").split() or list(HOT)


def warn(message: str) -> None:
    print(f"replylint: {message}; building the pure-Python wheel", file=sys.stderr)


def wanted() -> bool:
    """Compiling asked for, and this run builds (not metadata, an sdist or an editable wheel)."""
    building = {"bdist_wheel", "build", "build_ext", "install"} & set(sys.argv)
    return os.environ.get("REPLYLINT_COMPILE") == "1" and bool(building)


def mypyc_extensions() -> list[Any]:
    """mypyc's extensions for HOT, compiled from a staged copy; [] when anything fails."""
    try:
        from mypyc.build import mypycify
    except ImportError:
        warn("REPLYLINT_COMPILE=1 but mypy (mypyc) is not installed")
        return []
    shutil.rmtree(STAGE, ignore_errors=True)
    source = STAGE / "src"
    for folder in FOLDERS:
        shutil.copytree(
            ROOT / folder,
            source / "replylint" / folder,
            ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.pyd"),
        )
    here = os.getcwd()
    # mypy reads module names off the paths, from the current folder (--explicit-package-bases:
    # replylint is a namespace, with no __init__.py to walk up to).
    os.chdir(source)
    try:
        return mypycify(
            [
                "--explicit-package-bases",
                "--ignore-missing-imports",  # the build environment has no yaml, typer, re2…
                "--cache-dir",
                str(STAGE / "mypy-cache"),
                *(f"replylint/{path}" for path in hot()),
            ],
            target_dir=str(STAGE / "c"),
            group_name="replylint",
        )
    except (Exception, SystemExit):
        traceback.print_exc()
        warn("mypyc could not compile the hot modules")
        return []
    finally:
        os.chdir(here)


class optional_build_ext(build_ext):
    """All of mypyc's extensions or none: one that fails to build drops every one of them.

    (Extension.optional would drop only the one that failed, and a module's shim without the
    shared library it loads would fail at import.)
    """

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:
            for extension in self.extensions:
                built = Path(self.get_ext_fullpath(extension.name))
                built.unlink(missing_ok=True)
            self.extensions = self.distribution.ext_modules = []
            # …and a wheel with none is the default one: purelib, tagged py3-none-any, and its
            # metadata written again (top_level.txt named the extensions' shared library).
            self.distribution.have_run["egg_info"] = False
            wheel = self.distribution.get_command_obj("bdist_wheel", create=False)
            if wheel is not None:
                wheel.root_is_pure = True
            warn(f"the C extensions did not build ({type(error).__name__}: {error})")

    def get_outputs(self) -> list[str]:
        return super().get_outputs() if self.extensions else []


extensions = mypyc_extensions() if wanted() else []
setup(ext_modules=extensions, cmdclass={"build_ext": optional_build_ext} if extensions else {})
