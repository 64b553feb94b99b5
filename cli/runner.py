"""One `replylint check` run: targets → configs → replies → engine → formatter and Report."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from replylint.checks import Reply, ReplyResult, lint_reply
from replylint.cli.formats import Formatter
from replylint.cli.inputs import (
    LIBRARY_FORMATS,
    InputError,
    InputProblem,
    NotALibrary,
    Source,
    Target,
    collect_targets,
    input_format,
    read_bytes,
)
from replylint.cli.readers import READERS
from replylint.cli.report import ExitCode, Report
from replylint.config import Config, ConfigError, ConfigResolver
from replylint.config.globs import matches_any


@dataclass(frozen=True)
class RunOptions:
    """What the command line asked for, beyond the config layer it builds."""

    paths: tuple[str, ...]
    input_format: str | None = None
    stdin_name: str = "-"
    exit_zero: bool = False
    force_exclude: bool = False
    baseline: Any = None  # a replylint.cli.baseline.Baseline (imported only when used)
    jobs: int = 0  # worker processes; 0 = as many as CPUs for large runs, 1 = none


def run_check(
    resolver: ConfigResolver,
    options: RunOptions,
    formatter: Formatter,
    errors: IO[str] | None = None,
) -> tuple[Report, ExitCode]:
    """Lint every target, feeding the formatter as results come; return the Report and exit code."""
    report = Report()
    last_config: Config | None = None

    def fail(error: InputError) -> None:
        report.errors.append(error)
        formatter.input_error(error)
        print(f"replylint: {error}", file=errors or sys.stderr)

    def excluded(path: Path) -> bool:
        try:
            return resolver.for_path(path).is_excluded(path)
        except ConfigError:
            return False  # the config error is reported when the file itself is read

    targets = collect_targets(options.paths, options.stdin_name, excluded, options.force_exclude)
    for item, outcomes in _outcomes(targets, resolver, options):
        config = None
        if isinstance(item, Target):
            try:
                config = resolver.for_path(item.config_path)
            except ConfigError:
                config = None  # the worker reported it as this target's input error
        if config is not None:
            last_config = config
        for outcome in outcomes:
            if isinstance(outcome, InputError):
                fail(outcome)
                continue
            if options.baseline is not None:
                outcome, known = options.baseline.filter(outcome)
                report.baseline_known = (report.baseline_known or 0) + known
            assert config is not None  # results only come from a target whose config loaded
            _record(outcome, config, report, formatter)
    if options.baseline is not None:
        report.baseline_known = report.baseline_known or 0
        report.baseline_fixed = options.baseline.fixed()
    base = last_config or resolver.fallback()
    settings = {"fail_on": base.fail_on, "fail_under": base.fail_under}
    code = report.exit_code(base.fail_under, options.exit_zero)
    formatter.finish(report, {**settings, "exit_code": code})
    return report, code


# What the linting of one target needs, set before the worker processes fork (so nothing is
# pickled) and used the same way when linting in this process.
_WORK: tuple[ConfigResolver, RunOptions] | None = None
AUTO_JOBS_FROM = 100  # files; below this, starting workers costs more than it saves


def _outcomes(
    targets: Iterable[Target | InputError], resolver: ConfigResolver, options: RunOptions
) -> Iterator[tuple[Target | InputError, list[ReplyResult | InputError]]]:
    """Each target with its results, in the order given, linted here or by worker processes."""
    global _WORK
    _WORK = (resolver, options)
    if options.jobs == 1 or not hasattr(os, "fork"):
        items: Iterable[Target | InputError] = targets  # streamed: nothing is held
        files: list[Target] = []
    else:
        items = list(targets)
        files = [i for i in items if isinstance(i, Target) and i.path is not None]
    jobs = options.jobs or ((os.cpu_count() or 1) if len(files) >= AUTO_JOBS_FROM else 1)
    if jobs <= 1 or len(files) < 2:
        for item in items:
            yield item, (_lint_item(item) if isinstance(item, Target) else [item])
        return
    # Deferred: a run over a few files never starts workers, and these imports cost ~10 ms.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork")
    chunk = max(1, min(64, len(files) // (jobs * 8)))
    with ProcessPoolExecutor(jobs, mp_context=context) as pool:
        # map() returns results in the order of its input, whatever finishes first.
        done = pool.map(_lint_item, files, chunksize=chunk)
        for item in items:
            if not isinstance(item, Target):
                yield item, [item]
            elif item.path is None:  # standard input is read here, never in a worker
                yield item, _lint_item(item)
            else:
                yield item, next(done)


def _lint_item(target: Target) -> list[ReplyResult | InputError]:
    """Everything one target gives: its replies' results and its input errors."""
    assert _WORK is not None
    resolver, options = _WORK
    try:
        config = resolver.for_path(target.config_path)
    except ConfigError as error:
        return [InputError(target.name, f"config error: {error}")]
    return list(_lint_target(target, config, options))


def _record(result: ReplyResult, config: Config, report: Report, formatter: Formatter) -> None:
    known = len(report.failures)
    report.add(result, config.fail_on)
    for line in report.failures[known:]:  # a crashed check is an error of the run: one line each
        print(f"replylint: {line}", file=sys.stderr)
    for check in config.registry:
        reason = result.not_applicable.get(check.name)
        if reason is not None and check.announce_skip:
            report.notice(check.name, reason)
    formatter.reply(result)


def _lint_target(
    target: Target, config: Config, options: RunOptions
) -> Iterator[ReplyResult | InputError]:
    plan = config.plan_for(target.config_path)
    fmt = input_format(target.path or Path(target.name), options.input_format)
    settings, claimed = _library_settings(config, target)
    claimed = claimed or not target.walked
    try:
        data = read_bytes(target, config.max_file_size)
        source = Source(data, target.name, config.max_file_size, settings, claimed)
        replies: Iterable[Reply | InputError] = list(READERS[fmt](source))
    except InputProblem as error:
        # A JSON/YAML/CSV file found in a walk that config does not name and that holds no
        # macros (package.json, CI configs, data) is none of our business, even if broken.
        if claimed or not (isinstance(error, NotALibrary) or fmt in LIBRARY_FORMATS):
            yield InputError(target.name, str(error))
        return
    except Exception as error:  # a reader bug must not stop the other inputs (nor leak text)
        yield InputError(
            target.name, f"cannot read as {fmt}: internal error ({type(error).__name__})"
        )
        return
    for reply in replies:
        if isinstance(reply, InputError):
            yield reply
            continue
        reply.set_kind(plan.kind)
        yield lint_reply(reply, plan.checks)


def _library_settings(config: Config, target: Target) -> tuple[dict[str, Any], bool]:
    """The macro-library settings that apply to a file (none without a ``macros:`` key)."""
    if not config.extra.get("macros"):
        return {"macros": None, "macros_by_files": False}, False
    from replylint.cli.libraries import settings_for

    return settings_for(config.extra, lambda globs: _matches(config, target, globs))


def _matches(config: Config, target: Target, globs: tuple[str, ...]) -> bool:
    path = target.config_path
    relative = config.relative(path) if path is not None else None
    return relative is not None and matches_any(relative, globs)
