"""One `replylint check` run: targets → configs → replies → engine → formatter and Report."""

from __future__ import annotations

import collections
import itertools
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeGuard

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
from replylint.config import Config, ConfigError, ConfigResolver, Plan
from replylint.config.globs import matches_any

if TYPE_CHECKING:
    from concurrent.futures import Future

    from replylint.cli.results_cache import ResultsCache


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
    cache_results: bool = True  # reuse results of files linted before (see results_cache)


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
    store = _results_cache(options)
    for item, outcomes, remember in _outcomes(targets, resolver, options, store):
        if remember is not None and store is not None:
            store.remember(*remember)
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
    if store is not None:
        store.close()
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
_WORK: tuple[ConfigResolver, RunOptions, ResultsCache | None] | None = None
AUTO_JOBS_FROM = 100  # files; below this, starting workers costs more than it saves
Outcome = ReplyResult | InputError
# What the main process should note in the results cache: (key, JSON) for new results,
# (key, None) for reused ones.
Remember = tuple[str, str | None] | None


def _results_cache(options: RunOptions) -> ResultsCache | None:
    if not options.cache_results or not any(p != "-" for p in options.paths):
        return None
    from replylint.cli.results_cache import ResultsCache  # sqlite3 and hashlib: only when used

    return ResultsCache()


def _outcomes(
    targets: Iterable[Target | InputError],
    resolver: ConfigResolver,
    options: RunOptions,
    store: ResultsCache | None,
) -> Iterator[tuple[Target | InputError, list[Outcome], Remember]]:
    """Each target with its results, in the order given, linted here or by worker processes."""
    global _WORK, _fingerprints
    _WORK = (resolver, options, store)
    _fingerprints = _Fingerprints()
    stream = iter(targets)
    jobs = options.jobs
    ahead: list[Target | InputError] = []
    if jobs == 0:  # as many workers as CPUs, once the run has enough files to pay for them
        files = 0
        while files < AUTO_JOBS_FROM and (item := next(stream, None)) is not None:
            ahead.append(item)
            files += _is_file(item)
        jobs = (os.cpu_count() or 1) if files >= AUTO_JOBS_FROM else 1
    items = itertools.chain(ahead, stream)
    if jobs <= 1 or not hasattr(os, "fork"):
        for item in items:
            yield (item, *_lint_item(item)) if isinstance(item, Target) else (item, [item], None)
        return
    yield from _in_workers(items, jobs)


def _is_file(item: Target | InputError) -> TypeGuard[Target]:
    """A file to read (not an input error, not standard input)."""
    return isinstance(item, Target) and item.path is not None


def _in_workers(
    items: Iterable[Target | InputError], jobs: int
) -> Iterator[tuple[Target | InputError, list[Outcome], Remember]]:
    """Files linted by ``jobs`` forked workers, a few chunks at a time, yielded in input order.

    Only WINDOW chunks are in flight: a run over 100,000 files holds neither every target nor
    results the report has not taken yet.
    """
    # Deferred: a run over a few files never starts workers, and these imports cost ~10 ms.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork")
    pending: collections.deque[tuple[list[Target | InputError], Future[Any]]]
    pending = collections.deque()
    with ProcessPoolExecutor(jobs, mp_context=context) as pool:
        chunk: list[Target | InputError] = []
        files: list[Target] = []  # the chunk's files, sent to a worker
        for item in items:
            chunk.append(item)
            if _is_file(item):
                files.append(item)
            if len(files) >= CHUNK:
                pending.append((chunk, pool.submit(_lint_chunk, files)))
                chunk, files = [], []
                while len(pending) > WINDOW * jobs:
                    yield from _merged(*pending.popleft())
        if chunk:
            pending.append((chunk, pool.submit(_lint_chunk, files)))
        while pending:
            yield from _merged(*pending.popleft())


CHUNK = 32  # files sent to a worker at once
WINDOW = 4  # chunks in flight per worker


def _lint_chunk(files: list[Target]) -> list[tuple[list[Outcome], Remember]]:
    return [_lint_item(target) for target in files]


def _merged(
    chunk: list[Target | InputError], future: Future[Any]
) -> Iterator[tuple[Target | InputError, list[Outcome], Remember]]:
    done = iter(future.result())
    for item in chunk:
        if not isinstance(item, Target):
            yield item, [item], None
        elif item.path is None:  # standard input is read here, never in a worker
            yield (item, *_lint_item(item))
        else:
            yield (item, *next(done))


def _lint_item(target: Target) -> tuple[list[Outcome], Remember]:
    """Everything one target gives: its replies' results and its input errors."""
    assert _WORK is not None
    resolver, options, store = _WORK
    try:
        config = resolver.for_path(target.config_path)
    except ConfigError as error:
        return [InputError(target.name, f"config error: {error}")], None
    return _lint_target(target, config, options, store)


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
    target: Target, config: Config, options: RunOptions, store: ResultsCache | None
) -> tuple[list[Outcome], Remember]:
    plan = config.plan_for(target.config_path)
    fmt = input_format(target.path or Path(target.name), options.input_format)
    settings, claimed = _library_settings(config, target)
    claimed = claimed or not target.walked
    try:
        data = read_bytes(target, config.max_file_size)
    except InputProblem as error:
        return _problem(error, target, fmt, claimed), None
    key = None
    if store is not None and target.path is not None:
        key = _results_key(plan, [fmt, settings, claimed, config.max_file_size], target, data)
        stored = store.get(key) if key is not None else None
        if key is not None and stored is not None:
            return stored, (key, None)
    outcomes = _lint_data(data, target, fmt, settings, claimed, plan, config.max_file_size)
    if key is None:
        return outcomes, None
    from replylint.cli.results_cache import dump

    value = dump(outcomes)
    return outcomes, ((key, value) if value is not None else None)


def _lint_data(
    data: bytes,
    target: Target,
    fmt: str,
    settings: dict[str, Any],
    claimed: bool,
    plan: Plan,
    max_size: int,
) -> list[Outcome]:
    try:
        source = Source(data, target.name, max_size, settings, claimed)
        replies: Iterable[Reply | InputError] = list(READERS[fmt](source))
    except InputProblem as error:
        return _problem(error, target, fmt, claimed)
    except Exception as error:  # a reader bug must not stop the other inputs (nor leak text)
        message = f"cannot read as {fmt}: internal error ({type(error).__name__})"
        return [InputError(target.name, message)]
    outcomes: list[Outcome] = []
    for reply in replies:
        if isinstance(reply, InputError):
            outcomes.append(reply)
            continue
        reply.set_kind(plan.kind)
        outcomes.append(lint_reply(reply, plan.checks))
    return outcomes


def _problem(error: InputProblem, target: Target, fmt: str, claimed: bool) -> list[Outcome]:
    # A JSON/YAML/CSV file found in a walk that config does not name and that holds no
    # macros (package.json, CI configs, data) is none of our business, even if broken.
    if claimed or not (isinstance(error, NotALibrary) or fmt in LIBRARY_FORMATS):
        return [InputError(target.name, str(error))]
    return []


@dataclass
class _Fingerprints:
    """What results keys are made of, worked out once a run (a run's plans live as long as it)."""

    code: str | None = None
    plans: dict[int, str | None] = field(default_factory=dict)  # id(plan) -> fingerprint


_fingerprints = _Fingerprints()


def _results_key(plan: Plan, reading: list[Any], target: Target, data: bytes) -> str | None:
    from replylint.cli.results_cache import code_fingerprint, file_key, plan_fingerprint

    if id(plan) not in _fingerprints.plans:
        assert _WORK is not None
        if _fingerprints.code is None:
            _fingerprints.code = code_fingerprint(_WORK[0].registry)
        _fingerprints.plans[id(plan)] = plan_fingerprint(_fingerprints.code, plan.checks, plan.kind)
    fingerprint = _fingerprints.plans[id(plan)]
    return None if fingerprint is None else file_key(fingerprint, reading, target.name, data)


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
