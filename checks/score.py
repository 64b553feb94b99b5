"""The reply score: a pure, monotone function of findings and reply length.

Per category c:  score_c = 100 * N / (N + W_c)   with N = max(words, 75) / 75
Overall:         score   = 100 * N / (N + W)     with W = the sum of W_c over measured categories
W_c adds each finding's severity weight (error 3, warning 1, info 0.25).

This is the density formula of Acrolinx and Writer (N = words / 75) with two changes, both
argued in the README: N has a floor of one unit, so a one-line chat reply with one warning
scores 50 rather than near 0; and the overall score uses all findings at once instead of a
mean of category scores, so six clean categories cannot dilute one error to a passing grade.
Adding a finding raises W and so never raises a score. A category with no applicable check
(next-step on a chat reply, grammar with LanguageTool off) is not measured: None, not 100.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from replylint.checks.model import Category, Finding, Severity

WEIGHTS: Mapping[Severity, float] = {
    Severity.ERROR: 3.0,
    Severity.WARNING: 1.0,
    Severity.INFO: 0.25,
}
WORDS_PER_UNIT = 75
# Category in declaration order, as a tuple: iterating the Enum class builds its members
# afresh each time and cost more than the rest of scoring a reply.
CATEGORIES = tuple(Category)


@dataclass(frozen=True, slots=True)
class Score:
    """A reply's overall score and sub-scores (None where nothing was measured)."""

    overall: float | None
    categories: Mapping[Category, float | None]


def density(words: int, weight: float) -> float:
    """100 * N / (N + weight) with N = max(words, 75) / 75."""
    units = max(words, WORDS_PER_UNIT) / WORDS_PER_UNIT
    return 100.0 * (units / (units + weight))


def score_reply(words: int, findings: Iterable[Finding], measured: Iterable[Category]) -> Score:
    """Score one reply from its findings; categories not in ``measured`` are None."""
    measured = set(measured)
    weights = dict.fromkeys(measured, 0.0)
    for finding in findings:
        if finding.category in weights:
            weights[finding.category] += WEIGHTS[finding.severity]
    categories = {c: (density(words, weights[c]) if c in measured else None) for c in CATEGORIES}
    overall = density(words, sum(weights.values())) if measured else None
    return Score(overall=overall, categories=categories)


def combine(scores: Iterable[tuple[int, float | None]]) -> float | None:
    """Word-weighted mean of reply scores (None scores are left out)."""
    total = weighted = 0.0
    for words, score in scores:
        if score is None:
            continue
        weight = max(words, 1)
        total += weight
        weighted += weight * score
    return weighted / total if total else None
