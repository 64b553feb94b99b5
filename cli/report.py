"""What a run found, kept small: per-reply scores and counters, not the replies' text."""

from __future__ import annotations

import collections
import enum
from dataclasses import dataclass, field

from replylint.checks import ReplyResult, Severity
from replylint.checks.score import combine
from replylint.cli.inputs import InputError


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


@dataclass
class Report:
    """Accumulates results as replies are linted; formatters read it at the end."""

    scores: list[ReplyScore] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    by_check: collections.Counter[str] = field(default_factory=collections.Counter)
    by_severity: collections.Counter[str] = field(default_factory=collections.Counter)
    failures: list[str] = field(default_factory=list)
    notices: dict[str, list[str]] = field(default_factory=dict)  # reason -> check names
    files: set[str] = field(default_factory=set)
    failing_replies: int = 0
    suppressed: int = 0
    baseline_known: int | None = None  # None: no --baseline given
    baseline_fixed: int = 0

    def add(self, result: ReplyResult, fail_on: Severity) -> None:
        """Record one reply's result; ``fail_on`` is the threshold of that file's config."""
        self.files.add(result.path)
        self.scores.append(
            ReplyScore(
                path=result.path,
                label=reply_label(result),
                kind=str(result.kind),
                words=result.words,
                score=result.score.overall,
                categories={str(c): s for c, s in result.score.categories.items()},
                findings=len(result.findings),
                readability=result.readability,
            )
        )
        for finding in result.findings:
            self.by_check[f"{finding.code} {finding.name}"] += 1
            self.by_severity[str(finding.severity)] += 1
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

    @property
    def findings(self) -> int:
        """How many findings in all."""
        return sum(self.by_severity.values())

    @property
    def overall(self) -> float | None:
        """The word-weighted score of every scored reply."""
        return combine((s.words, s.score) for s in self.scores)

    def lowest(self, count: int) -> list[ReplyScore]:
        """The lowest-scoring replies, worst first."""
        scored = [s for s in self.scores if s.score is not None]
        return sorted(scored, key=lambda s: (s.score, s.label))[:count]

    def worst_per_library(self, count: int) -> dict[str, list[ReplyScore]]:
        """For each file holding several replies (a macro library), its lowest scores."""
        by_file: dict[str, list[ReplyScore]] = {}
        for score in self.scores:
            if score.label != score.path and score.score is not None:
                by_file.setdefault(score.path, []).append(score)
        return {
            path: sorted(scores, key=lambda s: (s.score, s.label))[:count]
            for path, scores in sorted(by_file.items())
        }

    def exit_code(self, fail_under: float | None, exit_zero: bool) -> ExitCode:
        """2 on any input error or broken check; else 1 on failing findings or a low score."""
        if self.errors or self.failures:
            return ExitCode.ERROR
        overall = self.overall
        low = fail_under is not None and overall is not None and overall < fail_under
        if (self.failing_replies or low) and not exit_zero:
            return ExitCode.FINDINGS
        return ExitCode.OK


def reply_label(result: ReplyResult) -> str:
    """``path`` for a one-reply file, ``path › title (id)`` for a reply in a library."""
    if result.title is None and result.reply_id is None:
        return result.path
    name = result.title or result.reply_id or ""
    suffix = f" ({result.reply_id})" if result.title and result.reply_id else ""
    return f"{result.path} › {name}{suffix}"
