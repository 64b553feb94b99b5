"""The console script: ``replylint check`` without importing Typer, when that is safe.

A pre-commit hook runs replylint on one file, and importing Typer (and the standard modules it
pulls in) was about half of such a run. ``check`` with options this module fully understands
calls ``main.check`` directly, with what Typer would have passed, and exits as Typer's
standalone mode would. Anything else (another command, help, a misspelt option, a value Typer
would convert or refuse) goes to the Typer app, which answers exactly as before: this parser
never reports an error itself. tests/test_entry.py keeps the table below equal to ``check``'s
declaration.
"""

from __future__ import annotations

import errno
import os
import re
import sys
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

# check's options: how they are spelt -> (parameter, kind). Kinds: "flag" (True when given),
# "no-flag" (False when given), "text", "list" (repeatable), "path", "int" (>= 0), "float".
OPTIONS = {
    "--format": ("output_format", "text"),
    "-f": ("output_format", "text"),
    "--fail-on": ("fail_on", "text"),
    "--fail-under": ("fail_under", "float"),
    "--exit-zero": ("exit_zero", "flag"),
    "--kind": ("kind", "text"),
    "--language": ("language", "text"),
    "--pedantic": ("pedantic", "flag"),
    "--select": ("select", "list"),
    "--ignore": ("ignore", "list"),
    "--config": ("config", "path"),
    "--no-config": ("no_config", "flag"),
    "--input-format": ("input_format", "text"),
    "--stdin-filename": ("stdin_filename", "text"),
    "--quiet": ("quiet", "flag"),
    "-q": ("quiet", "flag"),
    "--color": ("color", "flag"),
    "--no-color": ("color", "no-flag"),
    "--output": ("output", "path"),
    "-o": ("output", "path"),
    "--baseline": ("baseline", "path"),
    "--jobs": ("jobs", "int"),
    "-j": ("jobs", "int"),
    "--force-exclude": ("force_exclude", "flag"),
    "--languagetool": ("languagetool", "text"),
    "--no-cache": ("no_cache", "flag"),
    "--fix": ("fix", "flag"),
    "--unsafe-fixes": ("unsafe_fixes", "flag"),
    "--diff": ("diff", "flag"),
    "--report-unused-suppressions": ("report_unused_suppressions", "flag"),
}
# What Typer's int and float types accept and convert without a doubt; other spellings ("+1",
# "1e3", "nan") are left to Typer.
PLAIN = {"int": re.compile(r"[0-9]+"), "float": re.compile(r"[0-9]+(?:\.[0-9]+)?")}
CONVERT: dict[str, Callable[[str], Any]] = {"text": str, "path": Path, "int": int, "float": float}


def parse(args: list[str]) -> dict[str, Any] | None:
    """``check``'s arguments (after "check") as keyword arguments, or None to leave to Typer."""
    given: dict[str, Any] = {}
    paths: list[str] = []
    rest = iter(args)
    for arg in rest:
        if arg == "--":
            paths.extend(rest)
            break
        if not arg.startswith("-") or arg == "-":
            paths.append(arg)
            continue
        spelt, has_value, value = arg.partition("=")
        if spelt not in OPTIONS or (has_value and not spelt.startswith("--")):
            return None  # help, a typo, "-fjson", "-qf": Typer's to parse or refuse
        name, kind = OPTIONS[spelt]
        if kind in ("flag", "no-flag"):
            if has_value or name in given:
                return None
            given[name] = kind == "flag"
            continue
        if not has_value:
            value = next(rest, "")
        if not value or value.startswith("-") or (name in given and kind != "list"):
            return None  # no value, one Typer might take as an option, or given twice
        if kind in PLAIN and not PLAIN[kind].fullmatch(value):
            return None
        if kind == "path" and os.path.exists(value) and not os.access(value, os.R_OK):
            return None  # Typer's path type refuses an unreadable file
        if kind == "list":
            given.setdefault(name, []).append(value)
        else:
            given[name] = CONVERT[kind](value)
    if paths:
        given["paths"] = paths
    return given


def main() -> None:
    """The ``replylint`` command."""
    args = sys.argv[1:]
    given = parse(args[1:]) if args[:1] == ["check"] and _plain_environment() else None
    if given is None:
        from replylint.cli.main import main as typer_main

        typer_main()
        return
    _check(given)


def _plain_environment() -> bool:
    """No shell-completion request (Typer answers those from the environment)."""
    return not any(name.startswith("_REPLYLINT") for name in os.environ)


class _Exit(Exception):
    """What ``typer.Exit`` is while main.py runs without Typer."""

    def __init__(self, code: int = 0) -> None:
        super().__init__(code)
        self.exit_code = code


def _check(given: dict[str, Any]) -> None:
    module = _without_typer()
    # main.py's own guard (streams set up, an unexpected error one line) around Typer's
    # standalone mode around the command, as a run through the app has them.
    module.main_around(lambda: _standalone(module.check, given))


class _Abort(Exception):
    pass


def _standalone(check: Callable[..., None], given: dict[str, Any]) -> NoReturn:
    """Typer's standalone mode (typer/core.py ``_main``) for a command: every way out is an
    exit, with the code Typer would give."""
    try:
        try:
            check(**given)
            raise _Exit(0)  # Typer's ctx.exit() after a command that returns
        except EOFError:
            print(file=sys.stderr)
            raise _Abort from None
        except KeyboardInterrupt:
            raise _Exit(130) from None
        except OSError as error:
            if error.errno != errno.EPIPE:
                raise
            sys.stdout = _Pacified(sys.stdout)
            sys.stderr = _Pacified(sys.stderr)
            sys.exit(1)
    except _Exit as done:
        sys.exit(done.exit_code)
    except _Abort:
        print("Aborted!", file=sys.stderr)
        sys.exit(1)


class _Pacified:
    """Click's PacifyFlushWrapper: a flush into a closed pipe at shutdown raises nothing."""

    def __init__(self, wrapped: Any) -> None:
        self.wrapped = wrapped

    def flush(self) -> None:
        try:
            self.wrapped.flush()
        except OSError as error:
            if error.errno != errno.EPIPE:
                raise

    def __getattr__(self, name: str) -> Any:
        return getattr(self.wrapped, name)


def _without_typer() -> Any:
    """replylint.cli.main, imported with a stand-in for Typer: its decorators and parameter
    declarations do nothing, and ``typer.Exit`` is _Exit. Nothing else imports Typer, and the
    stand-in is gone from sys.modules once main.py is imported."""
    stand_in = types.ModuleType("typer")
    stand_in.Exit = _Exit  # type: ignore[attr-defined]
    stand_in.Option = stand_in.Argument = _declared  # type: ignore[attr-defined]
    stand_in.Typer = _App  # type: ignore[attr-defined]
    real = sys.modules.get("typer")
    sys.modules["typer"] = stand_in
    try:
        from replylint.cli import main as module
    finally:
        if real is None:
            del sys.modules["typer"]
        else:
            sys.modules["typer"] = real
    return module


def _declared(*args: Any, **kwargs: Any) -> None:
    return None


class _App:
    """typer.Typer that registers nothing."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        pass

    def command(self, *args: Any, **kwargs: Any) -> Callable[[Any], Any]:
        return lambda function: function

    callback = command

    def add_typer(self, *args: Any, **kwargs: Any) -> None:
        pass
