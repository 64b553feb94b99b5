"""Scoring: density per category, floor for short replies, monotone, n/a left out."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from replylint.checks import Category, Finding, Severity
from replylint.checks.score import combine, density, score_reply


def finding(category: Category, severity: Severity) -> Finding:
    return Finding(
        path="p",
        line=1,
        column=1,
        code="RL101",
        end_line=1,
        end_column=2,
        start=0,
        end=1,
        name="n",
        severity=severity,
        category=category,
        message="m",
        text="t",
    )


def test_worked_example_from_the_readme() -> None:
    # 150 words → N = 2; one warning in tone (1) and one error in positivity (3).
    findings = [
        finding(Category.TONE, Severity.WARNING),
        finding(Category.POSITIVITY, Severity.ERROR),
    ]
    score = score_reply(150, findings, [Category.TONE, Category.POSITIVITY, Category.CLARITY])
    assert score.categories[Category.TONE] == pytest.approx(100 * 2 / 3)
    assert score.categories[Category.POSITIVITY] == pytest.approx(40.0)
    assert score.categories[Category.CLARITY] == 100.0
    assert score.categories[Category.EMPATHY] is None
    assert score.overall == pytest.approx(100 * 2 / 6)


def test_short_replies_get_the_floor_of_one_unit() -> None:
    assert density(10, 1.0) == density(75, 1.0) == 50.0


def test_nothing_measured_is_none_not_100() -> None:
    assert score_reply(100, [], []).overall is None


def test_combine_is_word_weighted_and_skips_none() -> None:
    assert combine([(100, 50.0), (300, 100.0), (50, None)]) == pytest.approx(87.5)
    assert combine([]) is None


severities = st.sampled_from(list(Severity))
categories = st.sampled_from(list(Category))


@given(
    st.integers(0, 5000),
    st.lists(st.tuples(categories, severities), max_size=30),
    categories,
    severities,
)
def test_adding_a_finding_never_raises_a_score(
    words: int, existing: list, category: Category, severity: Severity
) -> None:
    measured = list(Category)
    before = score_reply(words, [finding(c, s) for c, s in existing], measured)
    after = score_reply(
        words, [finding(c, s) for c, s in [*existing, (category, severity)]], measured
    )
    assert after.overall is not None and before.overall is not None
    assert after.overall < before.overall
    for c in Category:
        assert after.categories[c] <= before.categories[c]  # type: ignore[operator]


@given(st.integers(0, 5000), st.lists(st.tuples(categories, severities), max_size=30))
def test_scores_stay_within_0_and_100(words: int, items: list) -> None:
    score = score_reply(words, [finding(c, s) for c, s in items], list(Category))
    assert score.overall is not None and 0 < score.overall <= 100
