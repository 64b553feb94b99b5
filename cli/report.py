"""What a run found, kept small: counters and the few score rows a report shows, never every
reply's (a run over 100,000 macros holds the 10 lowest, not 100,000 rows)."""

from __future__ import annotations

import collections
import enum
from dataclasses import dataclass, field

from replylint.checks import ReplyResult, Severity
from replylint.cli.inputs.targets import InputError

ALL_ROWS_UP_TO = 25  # runs of up to this many replies show every reply's score
LOWEST_KEPT = 10  # beyond that, the lowest this many
WORST_MACROS_KEPT = 3  # per macro library


class ExitCode(enum.IntEnum):
    """The process exit status: never a count."""

    OK = 0
    FINDINGS = 1
    ERROR = 2


@dataclass(frozen=True, slots=True)
class ReplyScore:
    """One reply's line in the score table."""

    path: str
    label: str
    kind: str
    words: int
    score: float | None
    categories: dict[str, float | None]
    findings: int
    readability: float | None = None
    partly_measured: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass
class Report:
    """Accumulates results as replies are linted; formatters read it at the end."""

    replies: int = 0
    first_rows: list[ReplyScore] = field(default_factory=list)  # up to ALL_ROWS_UP_TO
    _lowest: list[ReplyScore] = field(default_factory=list)
    _by_library: dict[str, list[ReplyScore]] = field(default_factory=dict)
    _weight: float = 0.0  # sums of the word-weighted mean score (see score.combine)
    _weighted: float = 0.0
    errors: list[InputError] = field(default_factory=list)
    by_check: collections.Counter[str] = field(default_factory=collections.Counter)
    by_severity: collections.Counter[str] = field(default_factory=collections.Counter)
    failures: list[str] = field(default_factory=list)
    notices: dict[str, list[str]] = field(default_factory=dict)  # reason -> check names
    # A service the user named that cannot be used (an explicit LanguageTool): reason -> checks.
    service_errors: dict[str, list[str]] = field(default_factory=dict)
    files: set[str] = field(default_factory=set)
    failing_replies: int = 0
    suppressed: int = 0
    not_linted: int = 0  # replies no check ran on (no pack reads their language)
    baseline_known: int | None = None  # None: no --baseline given
    baseline_fixed: int = 0
    fixable: int = 0  # findings with a safe fix (--fix applies them)
    unsafe_fixable: int = 0  # findings whose fix only --unsafe-fixes applies
    output_read: bool = False  # the --output file was one of the inputs (it is not written)

    def add(self, result: ReplyResult, fail_on: Severity) -> None:
        """Record one reply's result; ``fail_on`` is the threshold of that file's config."""
        self.files.add(result.path)
        row = ReplyScore(
            path=result.path,
            label=reply_label(result),
            kind=str(result.kind),
            words=result.words,
            score=result.score.overall,
            categories={str(c): s for c, s in result.score.categories.items()},
            findings=len(result.findings),
            readability=result.readability,
            partly_measured=dict(result.partly_measured),
        )
        self.replies += 1
        self.not_linted += result.not_linted is not None
        if len(self.first_rows) < ALL_ROWS_UP_TO:
            self.first_rows.append(row)
        if row.score is not None:
            weight = max(row.words, 1)
            self._weight += weight
            self._weighted += weight * row.score
            _keep_lowest(self._lowest, row, LOWEST_KEPT)
            if row.label != row.path:  # a reply of a macro library
                _keep_lowest(self._by_library.setdefault(row.path, []), row, WORST_MACROS_KEPT)
        for finding in result.findings:
            self.by_check[f"{finding.code} {finding.name}"] += 1
            self.by_severity[str(finding.severity)] += 1
            if finding.fix is not None:
                if finding.fix.safe:
                    self.fixable += 1
                else:
                    self.unsafe_fixable += 1
        if any(f.severity >= fail_on for f in result.findings):
            self.failing_replies += 1
        self.failures.extend(
            f"{reply_label(result)}: check {f.code} {f.name} failed: "
            f"{f.message} (internal error, please report)"
            for f in result.failures
        )
        self.suppressed += result.suppressed

    def notice(self, check: str, reason: str) -> None:
        """Remember a skipped check's reason, to print once per run for all checks it hit."""
        checks = self.notices.setdefault(reason, [])
        if check not in checks:
            checks.append(check)

    def service_error(self, check: str, reason: str) -> bool:
        """Remember that ``check`` could not use the service it was pointed at; True when the
        reason is new (to print once)."""
        new = reason not in self.service_errors
        checks = self.service_errors.setdefault(reason, [])
        if check not in checks:
            checks.append(check)
        return new

    def service_error_lines(self) -> list[str]:
        """Each unusable service as one line: reason (checks)."""
        return [f"{reason} ({', '.join(c)})" for reason, c in sorted(self.service_errors.items())]

    @property
    def findings(self) -> int:
        """How many findings in all."""
        return sum(self.by_severity.values())

    @property
    def overall(self) -> float | None:
        """The word-weighted score of every scored reply (as score.combine computes it)."""
        return self._weighted / self._weight if self._weight else None

    def table_rows(self) -> list[ReplyScore]:
        """Every reply's row in a small run, else the lowest LOWEST_KEPT."""
        return self.first_rows if self.replies <= ALL_ROWS_UP_TO else self.lowest(LOWEST_KEPT)

    def lowest(self, count: int) -> list[ReplyScore]:
        """The lowest-scoring replies, worst first (``count`` up to LOWEST_KEPT)."""
        assert count <= LOWEST_KEPT
        return sorted(self._lowest, key=_rank)[:count]

    def worst_per_library(self, count: int) -> dict[str, list[ReplyScore]]:
        """For each file holding several replies (a macro library), its lowest scores."""
        assert count <= WORST_MACROS_KEPT
        return {
            path: sorted(rows, key=_rank)[:count] for path, rows in sorted(self._by_library.items())
        }

    def exit_code(self, fail_under: float | None, exit_zero: bool) -> ExitCode:
        """2 on an input error, broken check or unusable named service; else 1 on failing
        findings or a low score."""
        if self.errors or self.failures or self.service_errors:
            return ExitCode.ERROR
        overall = self.overall
        low = fail_under is not None and overall is not None and overall < fail_under
        if (self.failing_replies or low) and not exit_zero:
            return ExitCode.FINDINGS
        return ExitCode.OK


def reply_label(result: ReplyResult) -> str:
    """``path`` for a one-reply file, ``path › title (id)`` for a reply in a library, and
    ``path:row N`` for a CSV row with neither."""
    if result.title is None and result.reply_id is None:
        return result.path if result.row is None else f"{result.path}:row {result.row}"
    name = result.title or result.reply_id or ""
    suffix = f" ({result.reply_id})" if result.title and result.reply_id else ""
    return f"{result.path} › {name}{suffix}"


def language_label(result: ReplyResult) -> str:
    """ "Latvian · " for a reply a language pack read; "" for English (the common case)."""
    if result.language in (None, "en"):
        return ""
    from replylint.checks.packs.registry import pack_for

    pack = pack_for(result.language)
    return f"{pack.name if pack is not None else result.language} · "


def _rank(row: ReplyScore) -> tuple[float, str]:
    return (row.score if row.score is not None else 0.0, row.label)


def _keep_lowest(rows: list[ReplyScore], row: ReplyScore, count: int) -> None:
    """Add ``row``, trimming ``rows`` now and then to the ``count`` lowest (sort is stable, so
    the rows kept are those a full sort of every row would put first)."""
    rows.append(row)
    if len(rows) >= 4 * count:
        rows[:] = sorted(rows, key=_rank)[:count]
