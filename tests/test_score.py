"""Scoring: density per category, length, the good-practice ceiling, monotone, n/a left out."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from replylint.checks import Category, Finding, Severity
from replylint.checks.reply.practice import Practice
from replylint.checks.score import ceiling, combine, density, score_reply


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
    # 300 words → N = sqrt(4) = 2; one warning in tone (1), one error in positivity (3);
    # one specific sentence, nothing to act on, no question, complete: credit
    # (0.5 + 0 + 0 + 1) / 4 = 0.375, ceiling 93.75.
    findings = [
        finding(Category.TONE, Severity.WARNING),
        finding(Category.POSITIVITY, Severity.ERROR),
    ]
    measured = [Category.TONE, Category.POSITIVITY, Category.CLARITY]
    practice = Practice(specific=1, actionable=False, asks=False, complete=True)
    score = score_reply(300, findings, measured, practice)
    assert score.categories[Category.TONE] == pytest.approx(100 * 2 / 3)
    assert score.categories[Category.POSITIVITY] == pytest.approx(40.0)
    assert score.categories[Category.CLARITY] == 100.0
    assert score.categories[Category.EMPATHY] is None
    assert score.overall == pytest.approx(93.75 * 2 / 6)


def test_short_replies_count_as_25_words() -> None:
    assert density(10, 1.0) == density(25, 1.0) == pytest.approx(100 / (1 + 3**0.5))
    assert density(75, 1.0) == 50.0


def test_a_finding_costs_less_in_a_long_reply_but_not_in_proportion() -> None:
    cost = {words: 100 - density(words, 1.0) for words in (25, 75, 300)}
    assert cost[25] > cost[75] > cost[300]
    assert cost[300] > cost[75] / 4  # four times the words, not a quarter of the cost


def test_good_practice_raises_the_ceiling_of_a_clean_reply() -> None:
    measured = list(Category)
    form_letter = score_reply(60, [], measured, Practice())
    answered = score_reply(60, [], measured, Practice(2, actionable=True, asks=True, complete=True))
    halfway = score_reply(60, [], measured, Practice(1, actionable=True, complete=True))
    assert (form_letter.overall, halfway.overall, answered.overall) == (90.0, 96.25, 100.0)
    assert ceiling(Practice(9, True, True, True)) == 100.0  # credit stops at two


@pytest.mark.parametrize(
    "practice",
    [
        Practice(specific=2),
        Practice(actionable=True),
        Practice(asks=True),
        Practice(complete=True),
    ],
)
def test_each_practice_fact_raises_the_ceiling(practice: Practice) -> None:
    assert ceiling(practice) > ceiling(Practice()) == 90.0


def test_a_warning_costs_more_than_all_the_credit_in_an_ordinary_reply() -> None:
    measured = list(Category)
    clean_form_letter = score_reply(120, [], measured, Practice())
    warned_but_specific = score_reply(
        120, [finding(Category.TONE, Severity.WARNING)], measured, Practice(2, True, True, True)
    )
    assert warned_but_specific.overall < clean_form_letter.overall  # type: ignore[operator]


def test_nothing_measured_is_none_not_100() -> None:
    assert score_reply(100, [], []).overall is None


def test_combine_is_word_weighted_and_skips_none() -> None:
    assert combine([(100, 50.0), (300, 100.0), (50, None)]) == pytest.approx(87.5)
    assert combine([]) is None


severities = st.sampled_from(list(Severity))
categories = st.sampled_from(list(Category))


practices = st.builds(Practice, st.integers(0, 5), st.booleans(), st.booleans(), st.booleans())


@given(
    st.integers(0, 5000),
    st.lists(st.tuples(categories, severities), max_size=30),
    categories,
    severities,
    practices,
)
def test_adding_a_finding_never_raises_a_score(
    words: int, existing: list, category: Category, severity: Severity, practice: Practice
) -> None:
    measured = list(Category)
    before = score_reply(words, [finding(c, s) for c, s in existing], measured, practice)
    after = score_reply(
        words, [finding(c, s) for c, s in [*existing, (category, severity)]], measured, practice
    )
    assert after.overall is not None and before.overall is not None
    assert after.overall < before.overall
    for c in Category:
        assert after.categories[c] <= before.categories[c]  # type: ignore[operator]


@given(st.integers(0, 5000), st.lists(st.tuples(categories, severities), max_size=30), practices)
def test_scores_stay_within_0_and_100(words: int, items: list, practice: Practice) -> None:
    score = score_reply(words, [finding(c, s) for c, s in items], list(Category), practice)
    assert score.overall is not None and 0 < score.overall <= 100


@given(
    st.integers(0, 5000),
    st.lists(st.tuples(categories, severities), max_size=10),
    practices,
    practices,
)
def test_more_practice_never_lowers_a_score(
    words: int, items: list, first: Practice, second: Practice
) -> None:
    more = Practice(
        max(first.specific, second.specific),
        first.actionable or second.actionable,
        first.asks or second.asks,
        first.complete or second.complete,
    )
    findings = [finding(c, s) for c, s in items]
    less = score_reply(words, findings, list(Category), first).overall
    assert less is not None
    assert score_reply(words, findings, list(Category), more).overall >= less  # type: ignore[operator]
