"""One `replylint check` run: targets → configs → replies → engine → formatter and Report."""

from __future__ import annotations

import collections
import itertools
import os
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from replylint.checks import ActiveCheck, Reply, ReplyResult, lint_reply, regex_cache
from replylint.cli.formats.base import Formatter
from replylint.cli.formats.visible import visible
from replylint.cli.inputs.readers import READERS
from replylint.cli.inputs.targets import (
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
from replylint.cli.report import ExitCode, Report
from replylint.config import Config, ConfigError, ConfigResolver, Plan
from replylint.config.globs import matches_any

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

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
    # The --output file, when it exists: (its name, (device, inode)); see _is_output.
    output: tuple[str, tuple[int, int]] | None = None
    report_unused_suppressions: bool = False  # flag directives that suppressed nothing
    progress: Any = None  # a replylint.cli.progress.Progress: a bar on stderr for long runs


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
        # Escaped: a file name holding a newline and "::error ...::" would otherwise be a
        # GitHub workflow command of its own (Actions reads them from stderr too).
        print(f"replylint: {visible(str(error))}", file=errors or sys.stderr)

    def excluded(path: Path) -> bool:
        try:
            return resolver.for_path(path).is_excluded(path)
        except ConfigError:
            return False  # the config error is reported when the file itself is read

    skipped: collections.Counter[str] = collections.Counter()
    targets = collect_targets(
        options.paths, options.stdin_name, excluded, options.force_exclude, skipped
    )
    if options.progress is not None:
        targets = options.progress.start(targets)
    store = _results_cache(options)
    # Each plan met so far, with its checks that use a server the user named (asked about
    # every reply: LanguageTool off leaves three checks unmeasured in each).
    servers: dict[int, tuple[Plan, frozenset[str]]] = {}
    # A format that shows reply text (html) gets each Reply, read again from the bytes this
    # process read already; other formats pay nothing for it.
    kept: dict[int, _ToLint] | None = {} if getattr(formatter, "wants_replies", False) else None
    configs: dict[str | None, Config] = {}
    for item, outcomes, remember in _outcomes(targets, resolver, options, store, kept):
        if remember is not None and store is not None:
            store.remember(*remember)
        config = plan = None
        named: frozenset[str] = frozenset()
        if isinstance(item, Target) and not outcomes:
            # Read, and no reply in it: a JSON/YAML/CSV file that is not a macro library.
            fmt = input_format(item.path or Path(item.name), options.input_format)
            skipped["not a library" if fmt in LIBRARY_FORMATS else "no reply"] += 1
        if isinstance(item, Target):
            report.output_read = report.output_read or _is_output(item, options)
            try:
                config = resolver.for_path(item.config_path)
            except ConfigError:
                config = None  # the worker reported it as this target's input error
        if config is not None:
            last_config = config
            configs.setdefault(config.source, config)
            assert isinstance(item, Target)
            plan = config.plan_for(item.config_path)
            named = _servers(plan, report, servers)
        replies = _read_again(kept.pop(id(item), None), outcomes) if kept is not None else None
        for index, outcome in enumerate(outcomes):
            if isinstance(outcome, InputError):
                fail(outcome)
                continue
            if replies is not None and replies[index] is not None:
                formatter.source(replies[index], outcome)  # type: ignore[attr-defined]
            if options.baseline is not None:
                outcome, known = options.baseline.filter(outcome)
                report.baseline_known = (report.baseline_known or 0) + known
            # Results only come from a target whose config loaded.
            assert config is not None and plan is not None
            _record(outcome, config, plan, report, formatter, named)
        if options.progress is not None:
            options.progress.advance()
    if options.progress is not None:
        options.progress.stop()
    if store is not None:
        store.close()
    if options.baseline is not None:
        report.baseline_known = report.baseline_known or 0
        report.baseline_fixed = options.baseline.fixed()
    if report.replies == report.not_linted and not report.errors and not options.force_exclude:
        # ESLint's "no files matching": a gate that linted nothing has not passed.
        skipped["no language pack"] = report.not_linted
        fail(InputError(", ".join(options.paths), nothing_linted(skipped)))
    base = last_config or resolver.fallback()
    settings = {"fail_on": base.fail_on, "fail_under": base.fail_under}
    code = report.exit_code(base.fail_under, options.exit_zero)
    configs.setdefault(base.source, base)
    formatter.finish(report, {**settings, "exit_code": code, "configs": list(configs.values())})
    regex_cache.save()  # after the report: what this run compiled, for the next one
    return report, code


# What the linting of one target needs, set before the worker processes fork (so nothing is
# pickled) and used the same way when linting in this process.
_WORK: tuple[ConfigResolver, RunOptions, ResultsCache | None] | None = None
AUTO_JOBS_FROM = 100  # files to lint; below this, starting workers costs more than it saves
READ_AHEAD = 1000  # targets looked at, at most, to decide whether workers pay
BYTES_HELD = 8 << 20  # file bytes read ahead, or sent in one chunk, at most (big HTML exports)
Outcome = ReplyResult | InputError
# New results for the main process to store: (key, JSON).
Remember = tuple[str, str] | None
Done = tuple[list[Outcome], Remember]


class _ToLint:
    """A file read, and not in the results cache: all a worker needs to lint it."""

    __slots__ = ("claimed", "data", "fmt", "key", "settings", "target")

    def __init__(
        self,
        target: Target,
        data: bytes,
        fmt: str,
        settings: dict[str, Any],
        claimed: bool,
        key: str | None,
    ) -> None:
        self.target = target
        self.data = data
        self.fmt = fmt
        self.settings = settings
        self.claimed = claimed
        self.key = key


Step = tuple[Target | InputError, Done | _ToLint]
SENT: Done = ([], None)  # in a chunk, in place of a file sent to a worker
Chunk = list[tuple[Target | InputError, Done]]


# Why files produced no reply: (one, several). The counts come from collect_targets and the
# main loop below.
SKIP_REASONS = {
    "not a library": (
        "1 JSON/YAML/CSV file is not a macro library",
        "{} JSON/YAML/CSV files are not macro libraries",
    ),
    "no reply": ("1 file holds no reply", "{} files hold no reply"),
    "excluded": ("1 path is matched by exclude:", "{} paths are matched by exclude:"),
    "ignored": ("1 file is ignored by git", "{} files are ignored by git"),
    "other extension": ("1 file is of another type", "{} files are of other types"),
    "no language pack": (
        "1 reply is in a language no pack reads",
        "{} replies are in a language no pack reads",
    ),
}
SKIP_HINTS = {
    "not a library": "name a library's files in a macros: setting (see README, Macro libraries)",
    "other extension": "replylint reads .txt, .md, .html, .eml, .json, .yaml and .csv",
}


def nothing_linted(skipped: collections.Counter[str]) -> str:
    """Why a run produced no reply, from what collect_targets and the readers passed over."""
    why, hints = [], []
    for reason, (one, several) in SKIP_REASONS.items():
        if count := skipped[reason]:
            why.append(one if count == 1 else several.format(count))
            hints.extend([SKIP_HINTS[reason]] if reason in SKIP_HINTS else [])
    if not why:
        return "nothing to lint: no file found"
    return f"nothing to lint: {'; '.join(why)}" + (f" ({'; '.join(hints)})" if hints else "")


def _servers(
    plan: Plan, report: Report, seen: dict[int, tuple[Plan, frozenset[str]]]
) -> frozenset[str]:
    """The checks of ``plan`` that use a LanguageTool server the user named. The first time
    a run meets the plan, every server it sends reply text to is named in the report."""
    known = seen.get(id(plan))
    if known is not None and known[0] is plan:
        return known[1]
    from replylint.checks.languagetool.options import OPTIONS, server_setting

    for active in plan.checks:
        if active.check.options is OPTIONS:
            server = server_setting(active.options)
            if server.lower().startswith(("http://", "https://")):
                reason = f"grammar: reply text is sent to the LanguageTool server {server}"
                report.notice(active.check.name, visible(reason))
    named = frozenset(a.check.name for a in plan.checks if named_server(a))
    seen[id(plan)] = (plan, named)
    return named


def _is_output(target: Target, options: RunOptions) -> bool:
    """Whether the target is the --output file (compared by name first: no stat per file)."""
    if options.output is None or target.path is None or target.path.name != options.output[0]:
        return False
    from replylint.cli.files import file_identity

    return file_identity(target.path) == options.output[1]


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
    kept: dict[int, _ToLint] | None = None,
) -> Iterator[tuple[Target | InputError, list[Outcome], Remember]]:
    """Each target with its results, in the order given.

    This process reads every file and answers from the results cache; only the files left to
    lint go to worker processes, and only when there are enough of them to pay for the workers.
    With ``kept``, each file read is kept there (by the target's id) until its results come.
    """
    global _WORK, _fingerprints
    _WORK = (resolver, options, store)
    _fingerprints = _Fingerprints()
    steps: Iterator[Step] = map(_first_step, targets)
    if kept is not None:
        steps = _keeping(steps, kept)
    steps = _looked_up(steps)
    if options.jobs == 1 or not hasattr(os, "fork"):
        yield from _here(steps)
    elif options.jobs > 1:
        yield from _in_workers(steps, options.jobs)
    else:  # as many workers as CPUs, once enough files need linting
        ahead: list[Step] = []
        to_lint = held = 0
        while to_lint < AUTO_JOBS_FROM and len(ahead) < READ_AHEAD and held < BYTES_HELD:
            if (step := next(steps, None)) is None:
                break
            ahead.append(step)
            if isinstance(step[1], _ToLint):
                to_lint += 1
                held += len(step[1].data)
        steps = itertools.chain(ahead, steps)
        if to_lint >= AUTO_JOBS_FROM and _cpus() > 1:
            yield from _in_workers(steps, _cpus() - 1, helping=True)
        else:
            yield from _here(steps, workers_after=AUTO_JOBS_FROM)


def _here(
    steps: Iterator[Step], workers_after: int | None = None
) -> Iterator[tuple[Target | InputError, list[Outcome], Remember]]:
    """Lint in this process; after ``workers_after`` files, hand the rest to workers."""
    linted = 0
    for item, step in steps:
        if isinstance(step, _ToLint):
            if workers_after is not None and linted >= workers_after and _cpus() > 1:
                rest = itertools.chain([(item, step)], steps)
                yield from _in_workers(rest, _cpus() - 1, helping=True)
                return
            linted += 1
            step = _lint(step)
        yield (item, *step)


def _in_workers(
    steps: Iterable[Step], jobs: int, helping: bool = False
) -> Iterator[tuple[Target | InputError, list[Outcome], Remember]]:
    """Files linted by ``jobs`` forked workers, a few chunks at a time, yielded in input order.

    Only WINDOW chunks are in flight: a run over 100,000 files holds neither every target nor
    results the report has not taken yet. The workers start with the first chunk to lint.
    ``helping``: where this process would wait for the oldest chunk, it takes back the newest
    chunk no worker has started and lints it itself. Reading files and writing the report left
    it idle most of a run (on two CPUs it waited two thirds of the time), so one worker fewer
    than CPUs does the same work: one warm-up and some 35 MiB less.
    """
    pending: collections.deque[_InFlight] = collections.deque()
    pool: ProcessPoolExecutor | None = None

    def send(chunk: Chunk, work: list[_ToLint]) -> None:
        nonlocal pool
        if work and pool is None:
            # The first chunk is linted here, before the fork: the regexes it compiles and the
            # caches it fills are inherited by every worker, instead of each worker warming up
            # on its own (about 125 ms of CPU a worker).
            pending.append(_InFlight(chunk, _done(_lint_chunk(work))))
            pool = _pool(jobs)
            return
        future = pool.submit(_lint_chunk_in_worker, work) if pool and work else None
        # Kept while in flight only if this process may take the chunk back (bounded: WINDOW
        # chunks a worker, each under BYTES_HELD / WINDOW bytes).
        pending.append(_InFlight(chunk, future, work if helping and future else None))

    def oldest() -> Iterator[tuple[Target | InputError, list[Outcome], Remember]]:
        if helping:
            _help(pending)
        first = pending.popleft()
        yield from _merged(first.chunk, first.future)

    chunk: Chunk = []
    work: list[_ToLint] = []  # the chunk's files to lint, sent to a worker
    held = 0
    try:
        for item, step in steps:
            if isinstance(step, _ToLint):
                work.append(step)
                held += len(step.data)
                # The bytes live on only until a worker has them (helping: or has started them).
                chunk.append((item, SENT))
            else:
                chunk.append((item, step))
            if len(work) >= CHUNK or len(chunk) >= CHUNK_STEPS or held >= BYTES_HELD // WINDOW:
                send(chunk, work)
                chunk, work, held = [], [], 0
                while len(pending) > WINDOW * jobs or (pending and pending[0].future is None):
                    yield from oldest()
        if chunk:
            send(chunk, work)
        while pending:
            yield from oldest()
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


@dataclass(slots=True)
class _InFlight:
    """A chunk on its way: its steps, its worker's future (None: nothing to lint), and the
    files sent, while this process may still take them back."""

    chunk: Chunk
    future: Future[Any] | None
    work: list[_ToLint] | None = None


def _help(pending: collections.deque[_InFlight]) -> None:
    """Until the oldest chunk is linted: take back the newest chunk no worker has started
    (a future not yet running can be cancelled) and lint it here."""
    head = pending[0].future
    for flight in reversed(pending):
        if head is None or head.done():
            return
        if flight.work is not None and flight.future is not None and flight.future.cancel():
            flight.future = _done(_lint_chunk(flight.work))
        flight.work = None


def _cpus() -> int:
    return os.cpu_count() or 1


def _done(wired: list[Wire]) -> Future[Any]:
    """A chunk linted in this process, as the future a worker's chunk would be."""
    from concurrent.futures import Future

    future: Future[Any] = Future()
    future.set_result(wired)
    return future


CHUNK = 32  # files sent to a worker at once
CHUNK_STEPS = 256  # targets held at most while waiting for a chunk's files to lint
WINDOW = 4  # chunks in flight per worker


def _pool(jobs: int) -> ProcessPoolExecutor:
    # Deferred: a run that lints a few files never starts workers, and these imports cost ~10 ms.
    import gc
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # What this process built so far (modules, compiled regexes, lexicons) is never freed:
    # frozen, the collector in each worker leaves it alone instead of touching (and so
    # copying) every page it lives on.
    gc.freeze()
    return ProcessPoolExecutor(
        jobs,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_die_with_parent,
        initargs=(os.getpid(),),
    )


PARENT_POLL = 0.5  # seconds between a worker's looks at whether its parent is still there


def _die_with_parent(parent: int) -> None:
    """Make this worker end when the process that started it does (``kill -9`` included).

    A killed parent closes nothing its forked workers wait on (they hold the queue's pipes
    themselves), so they would wait forever. On Linux the kernel sends SIGKILL at the
    parent's death (prctl PR_SET_PDEATHSIG); everywhere a daemon thread also looks every
    PARENT_POLL seconds whether the worker was handed to another parent.
    """
    import signal
    import threading

    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass  # no usable libc: the thread below still watches
    if os.getppid() != parent:  # the parent died before the watch began
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL)
        os._exit(1)  # no clean-up: nothing a worker holds outlives it usefully

    threading.Thread(target=watch, name="replylint-parent-watch", daemon=True).start()


# A worker's results as they travel back: the results cache's JSON (and the key to store it
# under), which is cheaper to send and read back than pickled objects (they are frozen
# dataclasses, restored field by field); the objects themselves only when they cannot be stored.
Wire = tuple[str | list[Outcome], str | None]


def _lint_chunk(work: list[_ToLint]) -> list[Wire]:
    from replylint.cli.results_cache import dump

    wired: list[Wire] = []
    for item in work:
        outcomes, remember = _lint(item)
        if remember is not None:  # the JSON is made already, to be stored
            wired.append((remember[1], remember[0]))
        else:
            value = dump(outcomes) if item.key is None else None  # None: a check crashed
            wired.append((value if value is not None else outcomes, None))
    return wired


def _lint_chunk_in_worker(work: list[_ToLint]) -> list[Wire]:
    """``_lint_chunk`` in a worker, which then stores the regexes it compiled (a no-op when
    it compiled nothing new): a worker never reaches the end of the run, where this process
    stores its own, and what only workers met was compiled every run."""
    wired = _lint_chunk(work)
    regex_cache.save()
    return wired


def _unwired(wire: Wire) -> Done:
    payload, key = wire
    if not isinstance(payload, str):
        return payload, None
    from replylint.cli.results_cache import load

    return load(payload), (key, payload) if key is not None else None


def _merged(
    chunk: Chunk, future: Future[Any] | None
) -> Iterator[tuple[Target | InputError, list[Outcome], Remember]]:
    linted = iter(future.result() if future is not None else ())
    for item, step in chunk:
        yield (item, *(_unwired(next(linted)) if step is SENT else step))


def _first_step(item: Target | InputError) -> Step:
    """What this process can tell of a target: an error, or a file read, to lint."""
    if not isinstance(item, Target):
        return item, ([item], None)
    assert _WORK is not None
    resolver, options, store = _WORK
    try:
        config = resolver.for_path(item.config_path)
    except ConfigError as error:
        return item, (_config_errors(item, error), None)
    plan = config.plan_for(item.config_path)
    fmt = input_format(item.path or Path(item.name), options.input_format)
    settings, claimed = _library_settings(config, item)
    claimed = claimed or not item.walked
    try:
        data = read_bytes(item, config.max_file_size)
    except InputProblem as error:
        return item, (_problem(error, item, fmt, claimed), None)
    key = None
    if store is not None and item.path is not None:
        reading = [fmt, settings, claimed, config.max_file_size]
        if options.report_unused_suppressions:  # other findings: another key
            reading.append("unused-suppressions")
        key = _results_key(plan, reading, item, data)
    return item, _ToLint(item, data, fmt, settings, claimed, key)


def _config_errors(target: Target, error: ConfigError) -> list[Outcome]:
    """One input error per problem of the file's config, in the config's line order."""
    return [InputError(target.name, f"config error: {problem}") for problem in error.problems]


def _looked_up(steps: Iterator[Step]) -> Iterator[Step]:
    """The steps, with files whose results are stored answered from the results cache."""
    assert _WORK is not None
    store = _WORK[2]
    if store is None:
        yield from steps
        return
    while batch := list(itertools.islice(steps, LOOKUP_BATCH)):
        keys = [s.key for _, s in batch if isinstance(s, _ToLint) and s.key is not None]
        stored = store.get_many(keys)  # the store notes the reuse itself
        for item, step in batch:
            if isinstance(step, _ToLint) and step.key in stored:
                yield item, (stored[step.key], None)
            else:
                yield item, step


LOOKUP_BATCH = 64  # files looked up in the results cache with one query


def _keeping(steps: Iterator[Step], kept: dict[int, _ToLint]) -> Iterator[Step]:
    """The steps unchanged, each file read also put in ``kept`` (until run_check takes it)."""
    for item, step in steps:
        if isinstance(step, _ToLint):
            kept[id(item)] = step
        yield item, step


def _read_again(work: _ToLint | None, outcomes: list[Outcome]) -> list[Reply | None] | None:
    """The Reply behind each outcome of a file, read again from its bytes (None: no text).

    Readers are deterministic, so the n-th reply read is the n-th result; a file whose replies
    do not line up (it changed meanwhile, or a reader failed) gets no text rather than wrong text.
    """
    if work is None:
        return None
    assert _WORK is not None
    try:
        config = _WORK[0].for_path(work.target.config_path)
        source = Source(
            work.data, work.target.name, config.max_file_size, work.settings, work.claimed
        )
        replies = list(READERS[work.fmt](source))
    except Exception:  # the text is an extra: the results stand without it
        return None
    if len(replies) != len(outcomes):
        return None
    return [
        reply if isinstance(reply, Reply) and isinstance(outcome, ReplyResult) else None
        for reply, outcome in zip(replies, outcomes, strict=True)
    ]


def _lint(work: _ToLint) -> Done:
    """Lint a file read by _first_step (here or in a worker)."""
    assert _WORK is not None
    target = work.target
    try:
        config = _WORK[0].for_path(target.config_path)  # loaded already: see _first_step
    except ConfigError as error:  # the config file changed in between
        return _config_errors(target, error), None
    plan = config.plan_for(target.config_path)
    outcomes = _lint_data(
        work.data, target, work.fmt, work.settings, work.claimed, plan, config.max_file_size
    )
    if work.key is None:
        return outcomes, None
    from replylint.cli.results_cache import dump

    value = dump(outcomes)
    return outcomes, ((work.key, value) if value is not None else None)


def _record(
    result: ReplyResult,
    config: Config,
    plan: Plan,
    report: Report,
    formatter: Formatter,
    named: frozenset[str],
) -> None:
    """Add a reply's result to the report and the output. ``named``: the checks of ``plan``
    that use a server the user named (``_servers``)."""
    known = len(report.failures)
    report.add(result, config.fail_on)
    for line in report.failures[known:]:  # a crashed check is an error of the run: one line each
        print(f"replylint: {visible(line)}", file=sys.stderr)
    if result.unmeasured:
        for active in plan.checks:
            check = active.check
            if check.name not in result.unmeasured:
                continue
            reason = result.not_applicable[check.name]
            if check.name in named:
                # A server the user named that cannot be used fails the run: a grammar gate
                # that is silently skipped is a pass nobody asked for (issue 15 item 14).
                if report.service_error(check.name, reason):
                    print(f"replylint: {visible(reason)}", file=sys.stderr)
            else:
                report.notice(check.name, reason)
    formatter.reply(result)


def named_server(active: ActiveCheck) -> bool:
    """Whether a LanguageTool check runs against a server the user named (local or a URL)."""
    from replylint.checks.languagetool.options import OPTIONS, explicit_server

    return active.check.options is OPTIONS and explicit_server(active.options)


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
        if plan.language != "auto":
            reply.language = plan.language
        outcomes.append(
            lint_reply(
                reply,
                plan.checks,
                known=_known_identities(),
                report_unused=_WORK is not None and _WORK[1].report_unused_suppressions,
            )
        )
    return outcomes


_KNOWN: dict[int, frozenset[str]] = {}  # id(registry) -> its identities, lower-cased


def _known_identities() -> frozenset[str] | None:
    """Every check identity of the run's registry, to tell a misspelt name in a directive."""
    if _WORK is None:
        return None
    registry = _WORK[0].registry
    if id(registry) not in _KNOWN:
        _KNOWN[id(registry)] = frozenset(i.lower() for i in registry.identifiers())
    return _KNOWN[id(registry)]


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
        _fingerprints.plans[id(plan)] = plan_fingerprint(
            _fingerprints.code, plan.checks, plan.kind, plan.language
        )
    fingerprint = _fingerprints.plans[id(plan)]
    return None if fingerprint is None else file_key(fingerprint, reading, target.name, data)


def _library_settings(config: Config, target: Target) -> tuple[dict[str, Any], bool]:
    """The macro-library settings that apply to a file (none without a ``macros:`` key)."""
    if not config.extra.get("macros"):
        return {"macros": None, "macros_by_files": False}, False
    from replylint.cli.inputs.libraries import settings_for

    return settings_for(config.extra, lambda globs: _matches(config, target, globs))


def _matches(config: Config, target: Target, globs: tuple[str, ...]) -> bool:
    path = target.config_path
    relative = config.relative(path) if path is not None else None
    return relative is not None and matches_any(relative, globs)
