"""What the library-audit formats (html, markdown) collect from a run, within fixed bounds.

The Report keeps counters and a few rows; an audit also wants the score histogram, findings per
category, the 20 lowest replies with their findings, new against known findings (--baseline),
a row per reply for the table and examples per check. Each is counted here as replies arrive;
what grows with the run (rows, examples) stops at a cap and the page says how much it left out.
"""

from __future__ import annotations

import collections
from dataclasses import dataclass, field
from typing import Any

from replylint.checks import Category, Finding, ReplyResult
from replylint.cli.formats.base import VERDICTS, verdict
from replylint.cli.report import Report, reply_label

LOWEST_SHOWN = 20
HISTOGRAM_BINS = 10  # 0-10, 10-20, ..., 90-100 (100 falls in the last)
ROWS_KEPT = 20_000  # replies in the table of every reply
EXAMPLES_PER_CHECK = 10  # findings listed under each check (markdown)
SEVERITIES = ("error", "warning", "info")


def shown_score(score: float | None) -> float | None:
    """A score as every report shows it (the JSON report's one decimal), so charts agree."""
    return None if score is None else round(score, 1)


def histogram_bin(score: float) -> int:
    """The histogram bin of a shown score: 10 points wide, 100 in the top bin."""
    return min(int(score // (100 / HISTOGRAM_BINS)), HISTOGRAM_BINS - 1)


@dataclass(frozen=True, slots=True)
class Row:
    """One reply in the table of every reply."""

    number: int  # order of arrival, from 0: the reply's anchor in the page
    label: str
    path: str
    kind: str
    words: int
    score: float | None
    by_severity: tuple[int, int, int]  # errors, warnings, infos
    checks: tuple[str, ...]  # codes, sorted
    known: int  # findings the baseline knows (not reported)


@dataclass(frozen=True, slots=True)
class Lowest:
    """One of the lowest-scoring replies, with its findings."""

    number: int
    label: str
    score: float  # unrounded, to rank as the JSON summary does; shown_score() to show it
    findings: tuple[Finding, ...]


@dataclass
class Audit:
    """Counts and bounded lists for one run; ``add`` each reply, then read."""

    replies: int = 0
    scored: int = 0
    histogram: list[int] = field(default_factory=lambda: [0] * HISTOGRAM_BINS)
    by_category: collections.Counter[str] = field(default_factory=collections.Counter)
    # "RL101 negative-wording" -> severity -> count (reported findings)
    by_check: dict[str, collections.Counter[str]] = field(default_factory=dict)
    known_by_check: collections.Counter[str] = field(default_factory=collections.Counter)
    rows: list[Row] = field(default_factory=list)
    examples: dict[str, list[tuple[str, Finding]]] = field(default_factory=dict)
    _lowest: list[Lowest] = field(default_factory=list)

    def add(self, result: ReplyResult, known: tuple[Finding, ...] = ()) -> int:
        """Count one reply (``known``: its findings the baseline filtered out); its number."""
        number = self.replies
        self.replies += 1
        label = reply_label(result)
        exact = result.score.overall
        score = shown_score(exact)
        severities = collections.Counter(str(f.severity) for f in result.findings)
        for finding in result.findings:
            check = f"{finding.code} {finding.name}"
            self.by_check.setdefault(check, collections.Counter())[str(finding.severity)] += 1
            self.by_category[str(finding.category)] += 1
            examples = self.examples.setdefault(check, [])
            if len(examples) < EXAMPLES_PER_CHECK:
                examples.append((label, finding))
        for finding in known:
            self.known_by_check[f"{finding.code} {finding.name}"] += 1
        if exact is not None and score is not None:
            self.scored += 1
            self.histogram[histogram_bin(score)] += 1
            self._keep_lowest(Lowest(number, label, exact, result.findings))
        if len(self.rows) < ROWS_KEPT:
            self.rows.append(
                Row(
                    number=number,
                    label=label,
                    path=result.path,
                    kind=str(result.kind),
                    words=result.words,
                    score=score,
                    by_severity=(severities["error"], severities["warning"], severities["info"]),
                    checks=tuple(sorted({f.code for f in result.findings})),
                    known=len(known),
                )
            )
        return number

    def _keep_lowest(self, entry: Lowest) -> None:
        # As Report keeps its lowest: append, and now and then trim to the lowest (stable sort).
        self._lowest.append(entry)
        if len(self._lowest) >= 4 * LOWEST_SHOWN:
            self._lowest[:] = self.lowest()

    def lowest(self) -> list[Lowest]:
        """The lowest-scoring replies, worst first (ties by label, as the JSON summary)."""
        return sorted(self._lowest, key=lambda e: (e.score, e.label))[:LOWEST_SHOWN]

    @property
    def rows_left_out(self) -> int:
        """Replies beyond the table's cap."""
        return self.replies - len(self.rows)

    def checks_by_count(self) -> list[tuple[str, int]]:
        """Each check with its reported findings, most first (as the JSON summary's by_check)."""
        totals = collections.Counter({c: sum(s.values()) for c, s in self.by_check.items()})
        return totals.most_common()

    def categories(self) -> list[tuple[str, int]]:
        """Every category, with its findings, in the order of the checks' families."""
        return [(str(c), self.by_category[str(c)]) for c in Category]


def verdict_text(report: Report, settings: dict[str, Any]) -> tuple[str, str]:
    """The verdict word and the thresholds it was judged by."""
    said = verdict(report, settings)  # "failed; exit forced to 0 (--exit-zero)" is a failure
    word = "failed" if said.startswith("failed") else VERDICTS[int(settings["exit_code"])]
    fail_under = settings.get("fail_under")
    rules = f"fail-on {settings['fail_on']}"
    rules += f", fail-under {fail_under:g}" if fail_under is not None else ", no fail-under"
    if said != word:
        rules += f"; {said}"
    return word, rules


def known_findings(full: ReplyResult | None, reported: ReplyResult) -> tuple[Finding, ...]:
    """The findings of ``full`` (before the baseline filter) that ``reported`` no longer has."""
    if full is None or len(full.findings) == len(reported.findings):
        return ()
    kept = collections.Counter(reported.findings)
    known = []
    for finding in full.findings:
        if kept[finding]:
            kept[finding] -= 1
        else:
            known.append(finding)
    return tuple(known)
