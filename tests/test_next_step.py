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


def test_short_email_is_measured() -> None:
    # Short notices are what people flag most: no word minimum by default.
    result = lint_text("Hi Sam,\n\nDone, the address is updated.\n\nBest,\nLea", only="RL401")
    assert not result.not_applicable
    assert [f.code for f in result.findings] == ["RL401"]


def test_min_words_option_still_makes_short_replies_na() -> None:
    text = "Hi Sam,\n\nDone, the address is updated.\n\nBest,\nLea"
    result = lint_text(text, only="RL401", options={"min-words": 30})
    assert "words" in result.not_applicable["missing-next-step"]


def test_confirmation_of_the_customers_own_action_is_not_applicable() -> None:
    result = lint_text(
        "You have declined the invitation to the team.", only="RL401", kind=Kind.EMAIL
    )
    assert "nothing is left to do" in result.not_applicable["missing-next-step"]
    assert not result.findings


def test_a_notice_done_to_the_customer_is_measured() -> None:
    result = lint_text("You have been removed from the team.", only="RL401", kind=Kind.EMAIL)
    assert not result.not_applicable
    assert [f.code for f in result.findings] == ["RL401"]


def test_next_step_without_time_is_not_applicable_to_chat() -> None:
    result = lint_text("We'll get back to you.", only="RL402", kind=Kind.CHAT)
    assert result.not_applicable["next-step-without-time"] == "not applicable to chat replies"


def test_the_two_checks_never_flag_one_reply_together() -> None:
    # A vague promise is a step for missing-next-step, so the labels exclude each other.
    for text in (
        "Thanks for the report. We will look into it.",
        "Thanks for the report. The fix shipped in version 2.",
        "Thanks for the report. Please update to version 2.",
    ):
        result = lint_text(text, kind=Kind.EMAIL)
        codes = {f.code for f in result.findings}
        assert not {"RL401", "RL402"} <= codes, text


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
    assert lint_text(promising, only="RL402", kind=Kind.EMAIL).findings


HOSTILE = [
    "x" * 100_000,
    "will " * 20_000,
    ("please click here and we will get back to you if you have any questions " * 1500),
    "If you " + "have any " * 5000 + "questions, contact us.",
    "\x00\x01\x02 we'll\x0b look\x0c into it \u202e" * 2000,
    "A" * 5000 + "?" * 5000,
    "ı will get back to you İ ſoon." * 100,
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_neither_hangs_nor_crashes(text: str) -> None:
    import time

    started = time.process_time()
    for code in ("RL401", "RL402"):
        result = lint_text(text, only=code, kind=Kind.EMAIL)
        assert not result.failures
    assert time.process_time() - started < 5


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*PROMISE_PIECES, "?", ",", "please", " if you"]), max_size=40))
def test_random_replies_never_crash(pieces: list[str]) -> None:
    text = "".join(pieces)
    for code in ("RL401", "RL402"):
        assert not lint_text(text, only=code, kind=Kind.EMAIL).failures
