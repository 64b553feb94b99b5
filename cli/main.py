"""The `replylint` command: thin Typer wiring over the runner, formats and catalogue."""

import dataclasses
import errno
import io
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from replylint.checks import BUILTIN, PluginError, Registry, load_registry
from replylint.cli.formats.base import FORMAT_NAMES, make_formatter, tool_version
from replylint.cli.inputs.readers import READERS
from replylint.cli.report import ExitCode
from replylint.cli.runner import RunOptions, run_check
from replylint.config import ConfigError, ConfigResolver

if TYPE_CHECKING:
    from collections.abc import Callable

    from replylint.cli.files import AtomicFile

app = typer.Typer(
    name="replylint",
    help="Lint customer-service replies: what is wrong, where, why, and what to write instead.",
    pretty_exceptions_enable=False,  # main() reports unexpected errors in one line instead
    pretty_exceptions_show_locals=False,  # reply text must never leak into CI logs
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    add_completion=False,
    rich_markup_mode=None,
)


def _parse_macros_setting(value: Any) -> Any:
    """The ``macros:`` config key (validated by the macro-library code, loaded only for it)."""
    from replylint.cli.inputs.libraries import parse_macros_setting

    return parse_macros_setting(value)


def _registry() -> Registry:
    try:
        return load_registry(BUILTIN)
    except PluginError as error:
        _die(str(error))


def _check_environment() -> None:
    """REPLYLINT_LANGUAGETOOL is a setting like --languagetool: a bad value is a usage error."""
    from replylint.checks.languagetool.options import ENV_SERVER, server_problem

    value = os.environ.get(ENV_SERVER, "").strip()
    problem = server_problem(value) if value else None
    if problem is not None:
        _die(f"{ENV_SERVER}: {problem}")


def _flag_message(problem: str) -> str:
    """A command-line layer's problem in the words of its flag."""
    problem = problem.replace("command line: languagetool.server:", "--languagetool:")
    return problem.replace("command line: ", "option ")


def _die(*messages: str) -> NoReturn:
    """Each message as one line on stderr (every problem of a config at once), then exit 2."""
    from replylint.cli.formats.visible import visible  # file names and values in messages

    for message in messages:
        print(f"replylint: {visible(message)}", file=sys.stderr)
    raise typer.Exit(ExitCode.ERROR)


def _version(value: bool) -> None:
    if value:
        print(f"replylint {tool_version()}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """replylint: a linter for customer-service replies."""


# Options that `check` and `eval` share: declared once, so their names and help stay alike.
ConfigFile = Annotated[
    Path | None,
    typer.Option(metavar="FILE", help="Use this config file instead of looking for one."),
]
NoConfig = Annotated[
    bool,
    typer.Option("--no-config", help="Ignore config files; use the defaults and flags only."),
]


@app.command()
def check(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[PATHS]...",
            help="Files or folders to lint; '-' reads standard input. Default: the current folder.",
        ),
    ] = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format", "-f", metavar="FORMAT", help=f"Report format: {', '.join(FORMAT_NAMES)}."
        ),
    ] = "text",
    fail_on: Annotated[
        str | None,
        typer.Option(
            metavar="LEVEL",
            help="Fail on findings at or above: error, warning or info (default: warning).",
        ),
    ] = None,
    fail_under: Annotated[
        float | None,
        typer.Option(
            metavar="SCORE", help="Fail when the overall score is below this number (0-100)."
        ),
    ] = None,
    exit_zero: Annotated[
        bool,
        typer.Option(
            "--exit-zero",
            help="Exit 0 even when findings fail the run (input errors still exit 2).",
        ),
    ] = False,
    kind: Annotated[
        str | None, typer.Option(metavar="KIND", help="Reply kind: auto, email or chat.")
    ] = None,
    language: Annotated[
        str | None,
        typer.Option(
            metavar="LANG",
            help="Language of the replies: auto (detected per reply), or a pack: en, lv, kk, fy.",
        ),
    ] = None,
    pedantic: Annotated[
        bool,
        typer.Option(
            "--pedantic", help="Also show the opt-in hints of checks with a 'pedantic' option."
        ),
    ] = False,
    select: Annotated[
        list[str] | None,
        typer.Option(
            metavar="CHECK", help="Run only these checks (code, name or category); repeatable."
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(
            metavar="CHECK", help="Skip these checks (code, name or category); repeatable."
        ),
    ] = None,
    config: ConfigFile = None,
    no_config: NoConfig = False,
    input_format: Annotated[
        str | None,
        typer.Option(
            metavar="FORMAT",
            help="Read every input as this format instead of guessing from the extension.",
        ),
    ] = None,
    stdin_filename: Annotated[
        str | None,
        typer.Option(
            metavar="NAME",
            help="Name for standard input in reports; its extension picks the format.",
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Text format: findings and the summary line only.")
    ] = False,
    color: Annotated[
        bool | None,
        typer.Option("--color/--no-color", help="Force colour on or off (default: on a terminal)."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the report to this file (atomically); the terminal gets the summary line.",
        ),
    ] = None,
    baseline: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE", help="Report and fail only on findings not in this baseline file."
        ),
    ] = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=0,
            metavar="N",
            help="Worker processes: 0 (default) uses every CPU for runs of 100+ files, "
            "1 lints in this process. Output order never depends on it.",
        ),
    ] = 0,
    force_exclude: Annotated[
        bool,
        typer.Option(
            "--force-exclude",
            help="Treat named files like files found in a folder: skip git-ignored files, "
            "other extensions, and JSON/YAML/CSV files that hold no macros (for pre-commit).",
        ),
    ] = False,
    languagetool: Annotated[
        str | None,
        typer.Option(
            "--languagetool",
            metavar="SERVER",
            help="LanguageTool for the grammar checks: auto, off, local or http://host:port "
            "(default: config, then $REPLYLINT_LANGUAGETOOL, then auto).",
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Lint every file afresh: reuse neither stored results nor LanguageTool answers.",
        ),
    ] = False,
    fix: Annotated[
        bool,
        typer.Option(
            "--fix", help="Apply safe fixes to the files (atomically), then report what remains."
        ),
    ] = False,
    unsafe_fixes: Annotated[
        bool,
        typer.Option(
            "--unsafe-fixes",
            help="Also apply fixes that change wording a person should check (implies --fix).",
        ),
    ] = False,
    diff: Annotated[
        bool,
        typer.Option(
            "--diff", help="Print the fixes as a unified diff and write nothing (exit 1 if any)."
        ),
    ] = False,
    report_unused_suppressions: Annotated[
        bool,
        typer.Option(
            "--report-unused-suppressions",
            help="Also report replylint: directives that suppressed nothing (a warning each).",
        ),
    ] = False,
) -> None:
    """Lint replies and print a scored report."""
    registry = _registry()
    _check_environment()
    # Names are case-insensitive everywhere, like severities and kinds: "-f JSON" is "-f json".
    output_format = output_format.lower()
    input_format = input_format.lower() if input_format is not None else None
    if output_format not in FORMAT_NAMES:
        _die(f"unknown --format {output_format!r} (use {', '.join(FORMAT_NAMES)})")
    layer = _command_line_layer(fail_on, fail_under, kind, select, ignore)
    if language:
        layer["language"] = language
    if pedantic:
        layer["pedantic"] = True
    if languagetool is not None or no_cache:
        layer["languagetool"] = {
            **({"server": languagetool} if languagetool is not None else {}),
            **({"cache": False} if no_cache else {}),
        }
    resolver = _resolver(registry, input_format, config, no_config, layer)
    known = None
    if baseline is not None:
        try:
            from replylint.cli.baseline import Baseline, BaselineError

            known = Baseline.load(baseline)
        except BaselineError as error:
            _die(str(error))
    watched = _output_refused_early(output) if output is not None else None
    target = _report_file(output) if output is not None else None
    out = target.stream if target is not None else sys.stdout
    formatter = make_formatter(
        output_format,
        out,
        registry=registry,
        color=False if output is not None else color,
        quiet=quiet,
    )
    progress = _progress(quiet, report_to_stdout=output is None)
    options = RunOptions(
        paths=tuple(paths or ["."]),
        input_format=input_format,
        stdin_name=stdin_filename or "-",
        exit_zero=exit_zero,
        force_exclude=force_exclude,
        baseline=known,
        # Each worker would start its own local LanguageTool server: keep to one process.
        cache_results=not no_cache,
        jobs=1 if (languagetool or os.environ.get("REPLYLINT_LANGUAGETOOL")) == "local" else jobs,
        output=watched,
        report_unused_suppressions=report_unused_suppressions,
        progress=progress,
    )
    try:
        try:
            if fix or unsafe_fixes or diff:
                paths_left = _apply_fixes(resolver, options, unsafe_fixes, diff)
                options = dataclasses.replace(options, paths=paths_left)
            report, code = run_check(resolver, options, formatter)
        except OSError as error:  # inputs' errors are caught per file: this is the report's
            if target is None:
                raise  # standard output: main() reports a full disk or a closed pipe
            _die(f"{output}: cannot write the report: {error.strerror or error}")
        finally:
            if progress is not None:
                progress.stop()
        if target is None:
            raise typer.Exit(code)
        assert output is not None
        _refuse_output_in_use(output, report.output_read, resolver.files_read)
        try:
            target.commit()
        except OSError as error:
            _die(f"{output}: cannot write the report: {error.strerror or error}")
    finally:
        if target is not None:
            target.discard()
    from replylint.cli.formats.text import Lines, summary_segments
    from replylint.cli.formats.visible import visible

    summary = summary_segments(report, {"exit_code": code})
    Lines(sys.stdout, color).write(*summary, f" · report written to {visible(str(output))}")
    raise typer.Exit(code)


def _apply_fixes(
    resolver: ConfigResolver, options: RunOptions, unsafe: bool, diff_only: bool
) -> tuple[str, ...]:
    """Fix (or, with --diff, show the fixes of) every target; the paths left to report on.

    With --diff the run ends here: exit 1 when something would change. Standard input, once
    read, is written fixed to standard output and is not reported on.
    """
    from replylint.cli.fixing import FileFix, fix_targets, report_fixes, write_fix
    from replylint.cli.inputs.targets import InputError

    fixes = list(
        fix_targets(
            resolver,
            options.paths,
            unsafe=unsafe,
            input_override=options.input_format,
            stdin_name=options.stdin_name,
            force_exclude=options.force_exclude,
        )
    )
    failed = False
    for item in fixes:
        if not isinstance(item, FileFix):
            continue
        if diff_only:
            sys.stdout.write(item.diff())
        elif item.path is None:
            sys.stdout.buffer.write(item.encoded())
            sys.stdout.flush()
        elif item.changed and (problem := write_fix(item)) is not None:
            from replylint.cli.formats.visible import visible

            print(f"replylint: {visible(item.name)}: {problem}", file=sys.stderr)
            failed = True
    report_fixes(fixes, wrote=not diff_only)
    if diff_only:
        changed = any(isinstance(f, FileFix) and f.changed for f in fixes)
        failed = failed or any(isinstance(f, InputError) for f in fixes)
        raise typer.Exit(ExitCode.ERROR if failed else int(changed))
    left = tuple(p for p in options.paths if p != "-")
    if failed or not left:
        raise typer.Exit(ExitCode.ERROR if failed else ExitCode.OK)
    return left


def _report_file(output: Path) -> "AtomicFile":
    """The report's file, streamed into as the run goes and renamed into place at its end."""
    from replylint.cli.files import AtomicFile

    try:
        return AtomicFile(output)
    except OSError as error:
        _die(f"{output}: cannot write the report: {error.strerror or error}")


def _output_refused_early(
    output: Path, option: str = "--output"
) -> tuple[str, tuple[int, int]] | None:
    """Refuse a file to write that a link leads out of the working tree; else what to watch
    for among the inputs (the file's name and identity, when it exists)."""
    from replylint.cli.files import file_identity, link_out_of_tree, work_tree

    tree = work_tree(Path.cwd())
    leads_to = link_out_of_tree(output, tree)
    if leads_to is not None:
        _die(
            f"{output}: {option}: a symbolic link to {leads_to}, outside the working tree "
            f"{tree}; refusing to write through it"
        )
    identity = file_identity(output)
    return None if identity is None else (output.name, identity)


def _refuse_output_in_use(output: Path, was_input: bool, configs: list[Path]) -> None:
    """The report never replaces a file this run read: an input, or a config file in use."""
    from replylint.cli.files import file_identity

    identity = file_identity(output)
    if was_input:
        _die(f"{output}: --output names an input of this run; the report is not written")
    if identity is not None and any(file_identity(c) == identity for c in configs):
        _die(f"{output}: --output names a config file in use; the report is not written")


def _progress(quiet: bool, report_to_stdout: bool) -> Any:
    """A progress bar on stderr when someone watches a long run (see cli/progress.py)."""
    from replylint.cli.progress import Progress, wants_progress

    watched = wants_progress(
        quiet=quiet,
        stderr=sys.stderr,
        stdout=sys.stdout,
        report_to_stdout=report_to_stdout,
        environ=os.environ,
    )
    return Progress(sys.stderr) if watched else None


def _resolver(
    registry: Registry,
    input_format: str | None,
    config: Path | None,
    no_config: bool,
    layer: dict[str, Any],
) -> ConfigResolver:
    if input_format is not None and input_format not in READERS:
        _die(f"unknown --input-format {input_format!r} (use {', '.join(READERS)})")
    try:
        resolver = ConfigResolver(
            registry,
            explicit=config,
            isolated=no_config,
            command_line=layer,
            extensions={"macros": _parse_macros_setting},
        )
        if config is not None:
            resolver.for_path(None)  # a broken explicit config fails the run up front
    except ConfigError as error:
        _die(*(_flag_message(problem) for problem in error.problems))
    return resolver


def _command_line_layer(
    fail_on: str | None,
    fail_under: float | None,
    kind: str | None,
    select: list[str] | None,
    ignore: list[str] | None,
) -> dict[str, Any]:
    """Flags in the shape of a config file, so they are validated by the same code."""
    layer: dict[str, Any] = {}
    for key, value in (
        ("fail-on", fail_on),
        ("fail-under", fail_under),
        ("kind", kind),
        ("select", select),
        ("ignore", ignore),
    ):
        if value:
            layer[key] = value
    return layer


@app.command("eval", short_help="Measure the checks and the score against labelled replies.")
def eval_command(
    labels: Annotated[
        Path, typer.Argument(metavar="LABELS", help="Labelled replies, one JSON object a line.")
    ],
    texts: Annotated[
        Path | None,
        typer.Option(metavar="FILE", help="JSON Lines corpus to look reply texts up in by id."),
    ] = None,
    label_map: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            metavar="LABEL=CHECK[@KIND,...]",
            help="Measure CHECK with LABEL (on these kinds only); 'LABEL=' drops a label. "
            "Repeatable; laid over the built-in mapping.",
        ),
    ] = None,
    show: Annotated[
        int,
        typer.Option(min=0, metavar="N", help="List N false positives and N misses per check."),
    ] = 0,
    output_format: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help="Report format: text, json.")
    ] = "text",
    min_precision: Annotated[
        float | None,
        typer.Option(metavar="P", help="Exit 1 when a check's precision is below P (0-1)."),
    ] = None,
    min_recall: Annotated[
        float | None,
        typer.Option(metavar="R", help="Exit 1 when a check's recall is below R (0-1)."),
    ] = None,
    config: ConfigFile = None,
    no_config: NoConfig = False,
    languagetool: Annotated[
        str | None,
        typer.Option(metavar="SERVER", help="LanguageTool: auto, off, local or http://host:port."),
    ] = None,
) -> None:
    """Measure each check's precision and recall, and the score's agreement, on labelled replies."""
    import json

    from replylint.cli import evaluate

    output_format = output_format.lower()
    if output_format not in ("text", "json"):
        _die(f"unknown --format {output_format!r} (use text, json)")
    registry = _registry()
    _check_environment()
    layer: dict[str, Any] = (
        {} if languagetool is None else {"languagetool": {"server": languagetool}}
    )
    try:
        plan = _resolver(registry, None, config, no_config, layer).for_path(None).plan_for(None)
        mapping = evaluate.parse_mapping(label_map or [], registry)
        corpus = evaluate.load_texts(texts) if texts is not None else None
        replies = evaluate.load_labels(labels, corpus)
    except ConfigError as error:
        _die(*error.problems)
    except evaluate.EvalError as error:
        _die(str(error))
    results = evaluate.lint_labelled(replies, plan.checks)
    _refuse_unusable_server(plan.checks, results)
    measured = evaluate.evaluate(replies, results, mapping)
    if output_format == "json":
        print(json.dumps(evaluate.to_json(measured, show), indent=2, ensure_ascii=False))
    else:
        for line in evaluate.render_text(measured, show, _excerpt):
            print(line)
    failing = evaluate.below_floors(measured, min_precision, min_recall)
    for line in failing:
        print(f"replylint: below the floor: {line}", file=sys.stderr)
    raise typer.Exit(ExitCode.FINDINGS if failing else ExitCode.OK)


def _refuse_unusable_server(checks: Any, results: Any) -> None:
    """A named LanguageTool that could not be used leaves the grammar checks unmeasured: the
    figures would be wrong, so eval stops as check does (issue 15 item 14)."""
    from replylint.cli.runner import named_server

    named = {active.check.name for active in checks if named_server(active)}
    for result in results:
        for name in result.unmeasured:
            if name in named:
                _die(result.not_applicable[name])


def _excerpt(text: str, limit: int = 160) -> str:
    from replylint.cli.formats.visible import visible

    shown = visible(" ".join(text.split()))
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


@app.command("checks", short_help="List every check: code, name, category and severity.")
def list_checks(
    output_format: Annotated[
        str, typer.Option("--format", "-f", metavar="FORMAT", help="Listing format: text, json.")
    ] = "text",
) -> None:
    """List every check: code, name, category, default severity, fixes and what it flags."""
    if output_format not in ("text", "json"):
        _die(f"unknown --format {output_format!r} (use text, json)")
    if output_format == "json":
        import json

        from replylint.cli.api import check_records

        print(json.dumps(check_records(_registry()), indent=2, ensure_ascii=False, default=str))
        return
    from replylint.cli import catalogue

    catalogue.print_checks(_registry())


@app.command(short_help="Run the Language Server (LSP) over stdio, for editors.")
def lsp() -> None:
    """Run replylint as a Language Server over standard input and output (for editors)."""
    _registry()  # a broken plugin is one line and exit 2 before the editor connects
    try:
        from replylint.cli.lsp import serve
    except ImportError as error:  # pygls or lsprotocol missing from this install
        _die(f"the language server needs pygls and lsprotocol: {error}")
    serve()


@app.command(short_help="Explain a check: why, the guidance it enforces, examples.")
def explain(
    check_name: Annotated[str, typer.Argument(metavar="CHECK", help="A check's code or name.")],
) -> None:
    """Explain a check: why it matters, the guidance it enforces, examples and options."""
    from replylint.checks.engine import SUPPRESSION_COMMENT

    registry = _registry()
    found = registry.find(check_name)
    if found is None and check_name.strip().lower() in ("rl000", SUPPRESSION_COMMENT.name):
        found = SUPPRESSION_COMMENT  # the engine's own finding on directives: not a check to run
    if found is None:
        _die(f"no check named {check_name!r}; run 'replylint checks' for the list")
    from replylint.cli import catalogue

    catalogue.print_explanation(found)


@app.command()
def init(
    path: Annotated[
        Path, typer.Argument(metavar="[PATH]", help="Where to write the starter config.")
    ] = Path(".replylint.yaml"),
    force: Annotated[bool, typer.Option(help="Overwrite an existing file.")] = False,
) -> None:
    """Write a commented starter .replylint.yaml."""
    if path.exists() and not force:
        _die(f"{path}: already exists (use --force to overwrite)")
    _output_refused_early(path, "init")
    from replylint.cli import catalogue
    from replylint.cli.files import write_atomically

    try:
        write_atomically(path, catalogue.starter_config(_registry()))
    except OSError as error:
        _die(f"{path}: cannot write: {error.strerror or error}")
    print(f"wrote {path}")


baseline_app = typer.Typer(
    help="Record today's findings so that checks fail only on new ones.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)
app.add_typer(baseline_app, name="baseline")


@baseline_app.command("write", short_help="Record every current finding in FILE.")
def baseline_write(
    file: Annotated[
        Path, typer.Argument(metavar="FILE", help="The baseline file to write (JSON).")
    ],
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[PATHS]...", help="Files or folders to lint. Default: the current folder."
        ),
    ] = None,
    select: Annotated[
        list[str] | None, typer.Option(metavar="CHECK", help="Run only these checks; repeatable.")
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option(metavar="CHECK", help="Skip these checks; repeatable.")
    ] = None,
    config: Annotated[
        Path | None, typer.Option(metavar="FILE", help="Use this config file.")
    ] = None,
    no_config: Annotated[bool, typer.Option("--no-config", help="Ignore config files.")] = False,
    input_format: Annotated[
        str | None, typer.Option(metavar="FORMAT", help="Read every input as this format.")
    ] = None,
) -> None:
    """Record every current finding in FILE; 'check --baseline FILE' fails only on new ones."""
    layer = _command_line_layer(None, None, None, select, ignore)
    _check_environment()
    input_format = input_format.lower() if input_format is not None else None
    resolver = _resolver(_registry(), input_format, config, no_config, layer)
    from replylint.cli.baseline import BaselineError, BaselineWriter

    _output_refused_early(file, "baseline write")
    writer = BaselineWriter(file)
    options = RunOptions(paths=tuple(paths or ["."]), input_format=input_format, exit_zero=True)
    try:
        report, _ = run_check(resolver, options, writer)
    except BaselineError as error:
        _die(str(error))
    if not writer.written:
        # Errors and failures were printed above; a baseline of an incomplete run would drop
        # the known findings of what was not read.
        what = f"{len(report.errors)} input error{'s' * (len(report.errors) != 1)}"
        if report.service_errors:
            what += ", a LanguageTool server that cannot be used"
        if report.failures:
            what += f", {len(report.failures)} crashed check{'s' * (len(report.failures) != 1)}"
        _die(f"{file}: baseline not written: the run had {what}")
    print(f"wrote {file}: {len(writer.records)} findings in {len(report.files)} files")
    raise typer.Exit(ExitCode.OK)


cache_app = typer.Typer(
    help="The on-disk cache: LanguageTool answers and results of files linted before.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)
app.add_typer(cache_app, name="cache", short_help="The on-disk cache: where it lives, clearing it.")


@cache_app.command("clear", short_help="Delete every cached answer and stored result.")
def cache_clear() -> None:
    """Delete every cached LanguageTool answer, every stored file result, the unpacked
    language-detection model, the stored compiled regexes and the Latvian pack's stored
    analyses and dictionary."""
    from replylint.checks import regex_cache
    from replylint.checks.builtin.packs import lv_store
    from replylint.checks.languagetool import client as languagetool
    from replylint.checks.reply import detector_model
    from replylint.cli import results_cache

    answers = languagetool.clear_cache()
    results = results_cache.clear()
    models = detector_model.clear()
    regexes = regex_cache.clear()
    latvian = lv_store.clear()
    print(
        f"removed {answers} cached answer{'s' * (answers != 1)}, stored results of "
        f"{results} file{'s' * (results != 1)}, {models} unpacked "
        f"model{'s' * (models != 1)}, {regexes} store{'s' * (regexes != 1)} of compiled "
        f"regexes and {latvian} Latvian store{'s' * (latvian != 1)} from "
        f"{languagetool.cache_dir()}"
    )


@cache_app.command("dir")
def cache_dir() -> None:
    """Print where the cache lives."""
    from replylint.checks.languagetool import client as languagetool

    print(languagetool.cache_dir())


def main() -> None:
    """Console-script entry point: an unexpected error is one line and exit 2, no traceback."""
    main_around(app)


def main_around(run: "Callable[[], object]") -> None:
    """``run()`` (the Typer app, or cli/entry.py's direct call of ``check``) with the console
    script's guard: streams that escape what they cannot encode, an unexpected error one line."""
    for stream in (sys.stdout, sys.stderr):
        # A file name that is not UTF-8, or a lone surrogate from a JSON escape, is written as
        # a backslash escape ('\udcff', valid in JSON too) instead of ending the report.
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        run()
    except OSError as error:
        if error.errno not in WRITE_FAILURES:
            _internal_error(error)
        # Standard output (or the terminal) is full or gone: not a bug to report.
        print(f"replylint: cannot write the report: {error.strerror}", file=sys.stderr)
        sys.exit(ExitCode.ERROR)
    except Exception as error:  # the last line of defence; no reply text may reach CI logs
        _internal_error(error)


# Errors that only writing raises: a full disk or quota, a file too big, a broken device.
WRITE_FAILURES = frozenset(
    getattr(errno, name) for name in ("ENOSPC", "EDQUOT", "EFBIG", "EIO") if hasattr(errno, name)
)


def _internal_error(error: Exception) -> NoReturn:
    where = _innermost_frame(error)
    print(
        f"replylint: internal error ({type(error).__name__} in {where}); please report "
        "it with the command you ran",
        file=sys.stderr,
    )
    sys.exit(ExitCode.ERROR)


def _innermost_frame(error: BaseException) -> str:
    """``module:line`` of the innermost frame: enough to report, without locals or text."""
    trace = error.__traceback__
    while trace is not None and trace.tb_next is not None:
        trace = trace.tb_next
    if trace is None:
        return "unknown"
    return f"{Path(trace.tb_frame.f_code.co_filename).name}:{trace.tb_lineno}"


__all__ = ["app", "main"]
