"""Sign-off detection ("Kind regards,") and which checks may read the signature."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from replylint.checks import ActiveCheck, Category, Check, Hit, Reply, Severity, lint_reply
from replylint.checks.reply.parsed import SIGN_OFF

TEXT = "Hi Anna,\n\nYour replacement ships today.\n\nKind regards,\n[Your Name]\n"


@pytest.mark.parametrize(
    "line", ["Kind regards,", "Best regards, Anna", "Regards", "Warm wishes!", "Cheers, Anna"]
)
def test_sign_off_lines(line: str) -> None:
    assert SIGN_OFF.fullmatch(line)


def test_regards_with_comma_starts_the_signature() -> None:
    reply = Reply(TEXT)
    assert reply.signature_start == TEXT.index("Kind regards,")
    assert "Kind regards" not in " ".join(s.text for s in reply.sentences)


def _every_word(reply: Reply, options: object) -> Iterator[Hit]:
    for match in re.finditer(r"\S+", reply.text):
        yield Hit(match.start(), match.end(), "word")


def _lint(reads: frozenset[str]) -> list[str]:
    check = Check(
        code="RL999",
        name="every-word",
        category=Category.CORRECTNESS,
        summary="s",
        rationale="r",
        guidance="g",
        run=_every_word,
        severity=Severity.INFO,
        reads_masked=reads,
    )
    result = lint_reply(Reply(TEXT), [ActiveCheck(check, check.severity)])
    return [f.text for f in result.findings]


def test_signature_hidden_unless_the_check_reads_it() -> None:
    assert "regards," not in _lint(frozenset())
    assert "regards," in _lint(frozenset({"signature"}))
    # A placeholder in the signature needs both kinds (template-slot declares both).
    assert "[Your" not in _lint(frozenset({"signature"}))
    assert "[Your" in _lint(frozenset({"signature", "placeholder"}))


def test_quoted_history_hidden_even_when_declared() -> None:
    check = Check(
        code="RL998",
        name="every-word-2",
        category=Category.CORRECTNESS,
        summary="s",
        rationale="r",
        guidance="g",
        run=_every_word,
        reads_masked=frozenset({"quote"}),
    )
    result = lint_reply(Reply("Done.\n\n> old text"), [ActiveCheck(check, check.severity)])
    assert [f.text for f in result.findings] == ["Done."]
