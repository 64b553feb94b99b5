"""missing-next-step applicability and the tone checks' sensitivity messages."""

from __future__ import annotations

from helpers import lint_text

from replylint.checks import Kind

LONG_EMAIL = (
    "Hi Maria,\n\nThanks for getting in touch about your order. I've checked with the warehouse "
    "and the parcel was handed to the courier yesterday afternoon. The delay was caused by the "
    "bank holiday.\n\nLet me know if you have any other questions!\n\nBest regards,\nSam"
)


def test_short_email_is_not_applicable_not_a_pass() -> None:
    result = lint_text("Hi Sam,\n\nDone, the address is updated.\n\nBest,\nLea", only="RL401")
    assert "missing-next-step" in result.not_applicable
    assert "words" in result.not_applicable["missing-next-step"]


def test_chat_is_not_applicable() -> None:
    result = lint_text(LONG_EMAIL, only="RL401", kind=Kind.CHAT)
    assert result.not_applicable["missing-next-step"] == "not applicable to chat replies"


def test_long_email_is_measured() -> None:
    result = lint_text(LONG_EMAIL, only="RL401")
    assert not result.not_applicable
    assert [f.code for f in result.findings] == ["RL401"]


def test_slang_message_says_why_it_is_escalated() -> None:
    result = lint_text("Sorry, my bad, the invoice went to your old address.", only="slang")
    (finding,) = result.findings
    assert "apologises" in finding.message


def test_stiff_formal_message_says_why_it_is_softened() -> None:
    result = lint_text("We apologise; as per our records the refund was late.", only="RL201")
    (finding,) = result.findings
    assert str(finding.severity) == "info"
    assert "formal tone is right" in finding.message
