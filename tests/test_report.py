"""The Report keeps a few rows, not one per reply: what it shows must equal a full sort."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from replylint.checks import Kind, ReplyResult, Severity
from replylint.checks.score import Score, combine
from replylint.cli.report import ALL_ROWS_UP_TO, LOWEST_KEPT, Report, reply_label

REPLY = st.tuples(
    st.sampled_from(["a.txt", "b.yaml", "c.json"]),
    st.sampled_from([None, "Refund", "Delay"]),
    st.integers(0, 400),
    st.one_of(st.none(), st.floats(0, 100).map(lambda x: round(x, 1))),
)


def result(path: str, title: str | None, words: int, score: float | None) -> ReplyResult:
    return ReplyResult(
        path=path,
        reply_id=None,
        kind=Kind.CHAT,
        words=words,
        findings=(),
        not_applicable={},
        failures=(),
        score=Score(score, {}),
        title=title,
    )


@given(st.lists(REPLY, max_size=120))
def test_kept_rows_are_those_of_a_full_sort(
    replies: list[tuple[str, str | None, int, float | None]],
) -> None:
    report = Report()
    results = [result(*reply) for reply in replies]
    for item in results:
        report.add(item, fail_on=Severity.WARNING)
    scored = [r for r in results if r.score.overall is not None]
    ranked = sorted(scored, key=lambda r: (r.score.overall, reply_label(r)))
    assert [row.label for row in report.lowest(LOWEST_KEPT)] == [
        reply_label(r) for r in ranked[:LOWEST_KEPT]
    ]
    expected_overall = combine((r.words, r.score.overall) for r in results)
    assert report.overall == expected_overall or (
        report.overall is not None
        and expected_overall is not None
        and abs(report.overall - expected_overall) < 1e-9
    )
    libraries: dict[str, list[str]] = {}
    for r in ranked:
        if reply_label(r) != r.path:
            libraries.setdefault(r.path, []).append(reply_label(r))
    worst = report.worst_per_library(3)
    assert {path: [row.label for row in rows] for path, rows in worst.items()} == {
        path: labels[:3] for path, labels in sorted(libraries.items())
    }
    assert report.replies == len(results)
    rows = report.table_rows()
    if len(results) <= ALL_ROWS_UP_TO:
        assert [row.label for row in rows] == [reply_label(r) for r in results]
    else:
        assert len(rows) == min(LOWEST_KEPT, len(scored))
