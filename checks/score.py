"""The reply score: a pure function of findings and reply facts, monotone in findings.

Per category c:  score_c = 100 * N / (N + W_c)
Overall:         score   = C * N / (N + W)      W = the sum of W_c over measured categories
with N = sqrt(max(words, 25) / 75), W_c the severity weights of the category's findings
(error 3, warning 1, info 0.25), and C = 100 - 10 * (1 - credit) the ceiling good practice
earns: credit (0 to 1, ``reply/practice.py``) is the mean of four facts of the reply: sentences
specific to the case (one half, two full), something to act on, a question about the case, and
enough words to be a complete reply (20).

Why each part (the README has the measurements):
- N grows with the square root of length: a warning costs less in a long e-mail than in a
  tweet, but not in proportion (one blaming sentence spoils a long e-mail too). Under 25 words
  every reply counts as 25.
- The overall score takes all findings at once instead of a mean of category scores, so six
  clean categories cannot dilute one error to a passing grade.
- The ceiling: a reply with no finding is not the same as a good reply. Without it most replies
  score exactly 100; with it, a clean reply that answers this case, gives the customer
  something to do and asks what it needs to know ranks above a clean form letter or a one-line
  fragment. It is worth at most 10 points, where one warning costs 50 in a 75-word reply:
  findings still decide.
Adding a finding raises W and so always lowers the score. A category with no applicable check
(next-step on a chat reply, grammar with LanguageTool off) is not measured: None, not 100.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from replylint.checks.model import Category, Finding, Severity
from replylint.checks.reply.practice import NO_PRACTICE, Practice

WEIGHTS: Mapping[Severity, float] = {
    Severity.ERROR: 3.0,
    Severity.WARNING: 1.0,
    Severity.INFO: 0.25,
}
WORDS_PER_UNIT = 75
MIN_WORDS = 25  # shorter replies are scored as if they had this many words
PRACTICE_POINTS = 10.0  # of the overall score's 100, what good practice earns
# Category in declaration order, as a tuple: iterating the Enum class builds its members
# afresh each time and cost more than the rest of scoring a reply.
CATEGORIES = tuple(Category)


@dataclass(frozen=True, slots=True)
class Score:
    """A reply's overall score and sub-scores (None where nothing was measured)."""

    overall: float | None
    categories: Mapping[Category, float | None]
    practice: Practice = NO_PRACTICE


def units(words: int) -> float:
    """N: the reply's length in units, sqrt(max(words, 25) / 75)."""
    return math.sqrt(max(words, MIN_WORDS) / WORDS_PER_UNIT)


def density(words: int, weight: float, ceiling: float = 100.0) -> float:
    """ceiling * N / (N + weight)."""
    n = units(words)
    return ceiling * (n / (n + weight))


def ceiling(practice: Practice) -> float:
    """The best overall score a reply with this practice can get."""
    return 100.0 - PRACTICE_POINTS * (1.0 - practice.credit())


def score_reply(
    words: int,
    findings: Iterable[Finding],
    measured: Iterable[Category],
    practice: Practice = NO_PRACTICE,
) -> Score:
    """Score one reply from its findings and practice; categories not in ``measured`` are None."""
    measured = set(measured)
    weights = dict.fromkeys(measured, 0.0)
    for finding in findings:
        if finding.category in weights:
            weights[finding.category] += WEIGHTS[finding.severity]
    categories = {c: (density(words, weights[c]) if c in measured else None) for c in CATEGORIES}
    overall = density(words, sum(weights.values()), ceiling(practice)) if measured else None
    return Score(overall=overall, categories=categories, practice=practice)


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
