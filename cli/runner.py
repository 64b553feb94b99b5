"""One `replylint check` run: targets → configs → replies → engine → formatter and Report."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from replylint.checks import Reply, ReplyResult, lint_reply
from replylint.cli.formats import Formatter
from replylint.cli.inputs import (
    READERS,
    InputError,
    InputProblem,
    Target,
    collect_targets,
    decode,
    input_format,
    read_bytes,
)
from replylint.cli.report import ExitCode, Report
from replylint.config import Config, ConfigError, ConfigResolver


@dataclass(frozen=True)
class RunOptions:
    """What the command line asked for, beyond the config layer it builds."""

    paths: tuple[str, ...]
    input_format: str | None = None
    stdin_name: str = "-"
    exit_zero: bool = False
    settings: Mapping[str, Any] = field(default_factory=dict)


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

    for item in collect_targets(options.paths, options.stdin_name, excluded):
        if isinstance(item, InputError):
            fail(item)
            continue
        try:
            config = resolver.for_path(item.config_path)
        except ConfigError as error:
            fail(InputError(item.name, f"config error: {error}"))
            continue
        last_config = config
        for outcome in _lint_target(item, config, options):
            if isinstance(outcome, InputError):
                fail(outcome)
            else:
                _record(outcome, config, report, formatter)
    base = last_config or resolver.fallback()
    settings = {"fail_on": base.fail_on, "fail_under": base.fail_under}
    code = report.exit_code(base.fail_under, options.exit_zero)
    formatter.finish(report, {**settings, "exit_code": code})
    return report, code


def _record(result: ReplyResult, config: Config, report: Report, formatter: Formatter) -> None:
    report.add(result, config.fail_on)
    for check in config.registry:
        reason = result.not_applicable.get(check.name)
        if reason is not None and check.announce_skip:
            report.notice(check.name, reason)
    formatter.reply(result)


def _lint_target(
    target: Target, config: Config, options: RunOptions
) -> Iterator[ReplyResult | InputError]:
    plan = config.plan_for(target.config_path)
    try:
        text = decode(read_bytes(target, config.max_file_size), config.max_file_size)
        fmt = input_format(target.path or Path(target.name), options.input_format)
        replies: Iterable[Reply | InputError] = list(READERS[fmt](text, target.name))
    except InputProblem as error:
        yield InputError(target.name, str(error))
        return
    for reply in replies:
        if isinstance(reply, InputError):
            yield reply
            continue
        reply.set_kind(plan.kind)
        yield lint_reply(reply, plan.checks)
