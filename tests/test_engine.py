"""The engine: masking, n/a, failures, severities, ordering — with small synthetic checks."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from replylint.checks import (
    ActiveCheck,
    Category,
    Check,
    Hit,
    Kind,
    Reply,
    Severity,
    lint_reply,
)


def word_check(word: str, code: str = "XX101", **extra: object) -> Check:
    """A check that flags every occurrence of ``word`` in the raw (unmasked) text."""

    def run(reply: Reply, options: object) -> Iterator[Hit]:
        for match in re.finditer(re.escape(word), reply.text):
            yield Hit(match.start(), match.end(), f"found {word}", suggestion="other")

    return Check(
        code=code,
        name=f"find-{word.lower()}",
        category=Category.TONE,
        summary="s",
        rationale="r",
        guidance="g",
        run=run,
        **extra,
    )  # type: ignore[arg-type]


def run(text: str, *checks: Check, severity: Severity = Severity.WARNING):  # type: ignore[no-untyped-def]
    return lint_reply(Reply(text, "r.txt"), [ActiveCheck(c, severity, {}) for c in checks])


def test_hits_in_masked_regions_are_dropped() -> None:
    result = run("Visit https://x.io/oops or write oops@example.com. oops", word_check("oops"))
    assert [f.column for f in result.findings] == [52]


def test_a_check_may_read_the_masks_it_declares() -> None:
    check = word_check("Name", reads_masked=frozenset({"placeholder"}))
    assert len(run("Dear [Customer Name],\nthanks", check).findings) == 1
    assert run("Dear [Customer Name],\nthanks", word_check("Name")).findings == ()


def test_quoted_history_stays_hidden_even_for_checks_reading_masks() -> None:
    check = word_check("oops", reads_masked=frozenset({"quote"}))
    assert run("Fine.\n> oops\n", check).findings == ()


def test_findings_are_placed_and_sorted() -> None:
    result = run("b a\na b", word_check("b", "XX102"), word_check("a", "XX101"))
    assert [(f.line, f.column, f.code) for f in result.findings] == [
        (1, 1, "XX102"),
        (1, 3, "XX101"),
        (2, 1, "XX101"),
        (2, 3, "XX102"),
    ]
    first = result.findings[0]
    assert (first.end_line, first.end_column, first.text, first.suggestion) == (1, 2, "b", "other")
    assert result.contexts[2] == ("a b", 0)


def test_escalation_moves_severity_and_clamps() -> None:
    def run_escalating(reply: Reply, options: object) -> Iterator[Hit]:
        yield Hit(0, 2, "up", escalate=1)
        yield Hit(3, 5, "down", escalate=-1)

    check = Check(
        code="XX103",
        name="moves",
        category=Category.TONE,
        summary="s",
        rationale="r",
        guidance="g",
        run=run_escalating,
    )
    result = run("ab cd", check, severity=Severity.ERROR)
    assert [f.severity for f in result.findings] == [Severity.ERROR, Severity.WARNING]


def test_a_raising_check_is_a_failure_and_others_still_run() -> None:
    def broken(reply: Reply, options: object) -> Iterator[Hit]:
        raise RuntimeError("boom on the customer's text: secret")
        yield  # pragma: no cover

    check = Check(
        code="XX104",
        name="broken",
        category=Category.TONE,
        summary="s",
        rationale="r",
        guidance="g",
        run=broken,
    )
    result = run("oops", check, word_check("oops"))
    assert len(result.findings) == 1
    assert result.failures[0].code == "XX104"
    assert result.failures[0].message.startswith("RuntimeError")


def test_a_span_outside_the_text_is_a_failure() -> None:
    def outside(reply: Reply, options: object) -> Iterator[Hit]:
        yield Hit(0, 999, "too far")

    check = Check(
        code="XX105",
        name="outside",
        category=Category.TONE,
        summary="s",
        rationale="r",
        guidance="g",
        run=outside,
    )
    result = run("short", check)
    assert result.findings == () and "outside the text" in result.failures[0].message


@pytest.mark.parametrize(
    ("returned", "message"),
    [
        ((0, 3, "a tuple"), "returned a tuple, not a Hit"),
        (Hit("0", "3", "m"), "start and end are not integers"),  # type: ignore[arg-type]
        (Hit(0.5, 3.0, "m"), "start and end are not integers"),  # type: ignore[arg-type]
        (Hit(0, 3, 42), "message or suggestion is not text"),  # type: ignore[arg-type]
        (Hit(0, 3, "m", suggestion=["a"]), "message or suggestion is not text"),  # type: ignore[arg-type]
        (Hit(0, 3, "m", escalate="up"), "escalate is not an integer"),  # type: ignore[arg-type]
    ],
)
def test_a_plugins_malformed_hits_are_its_failure_once_and_its_good_hits_stay(
    returned: object, message: str
) -> None:
    def sloppy(reply: Reply, options: object) -> Iterator[object]:
        yield from [returned] * 50
        yield Hit(6, 11, "fine")

    check = Check(
        code="XX106",
        name="sloppy",
        category=Category.TONE,
        summary="s",
        rationale="r",
        guidance="g",
        run=sloppy,  # type: ignore[arg-type]
    )
    result = run("Hello world", check, word_check("Hello"))
    assert len(result.failures) == 1 and message in result.failures[0].message
    assert sorted((f.code, f.text) for f in result.findings) == [
        ("XX101", "Hello"),
        ("XX106", "world"),
    ]


def test_not_applicable_checks_are_recorded_and_not_scored() -> None:
    email_only = word_check("oops", kinds=frozenset({Kind.EMAIL}))
    result = run("oops", email_only)
    assert result.findings == ()
    assert result.not_applicable == {"find-oops": "not applicable to chat replies"}
    assert result.score.overall is None
    assert result.score.categories[Category.TONE] is None


def test_duplicate_hits_are_reported_once() -> None:
    def twice(reply: Reply, options: object) -> Iterator[Hit]:
        yield Hit(0, 4, "one")
        yield Hit(0, 4, "one again")

    check = Check(
        code="XX106",
        name="twice",
        category=Category.TONE,
        summary="s",
        rationale="r",
        guidance="g",
        run=twice,
    )
    assert len(run("oops", check).findings) == 1
