"""missing-next-step applicability and the tone checks' sensitivity messages."""

from __future__ import annotations

import itertools

import pytest
from helpers import lint_text
from hypothesis import given, settings
from hypothesis import strategies as st

from replylint.checks import Kind, Reply
from replylint.checks.builtin.next_step_phrases import PROMISE
from replylint.checks.builtin.next_step_without_time import _may_promise

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


PROMISE_PIECES = [
    "we", "We", "I", "our billing team", "someone from the support team", "you", "You",
    "will", "WILL", "'ll", "’ll", " shall", " are going to", "’re going to", " should",
    " get back to you", " look into it", " hear back from", " be contacted", " keep you posted",
    " ſhall", " wılL", " ", ".", "\n", "thanks", "all", "go",
]  # fmt: skip


PIECES = st.lists(st.sampled_from(PROMISE_PIECES), max_size=12).map("".join)


@settings(max_examples=500, deadline=None)
@given(PIECES)
def test_a_reply_without_promise_words_holds_no_promise(text: str) -> None:
    # next-step-without-time skips replies without one of PROMISE_NEEDS: never one with a match.
    reply = Reply(text)
    if PROMISE.search(reply.masked) is not None:
        assert _may_promise(reply), text


@pytest.mark.parametrize(
    "who", [" we", " I", " Our team", " someone from the billing team", " You"]
)
def test_every_spelling_of_a_promise_opens_the_gate(who: str) -> None:
    # Only words without a "will" of their own around it: the promise alone must open the gate.
    for will, follow_up in itertools.product(
        [" will", "'ll", "’LL", " shall", " are going to", "’m going to", " should", " SHALL"],
        [" get back to you", " LOOK INTO IT", " hear from", " be contacted", " keep you posted"],
    ):
        reply = Reply(f"Thanks all.{who}{will}{follow_up}.")
        if PROMISE.search(reply.masked) is not None:
            assert _may_promise(reply), reply.text


def test_promise_gate_on_the_examples() -> None:
    promising = "Thanks. Our team will look into it."
    assert _may_promise(Reply(promising))
    assert not _may_promise(Reply("Thanks, your refund is done."))
    assert lint_text(promising, only="RL402").findings
