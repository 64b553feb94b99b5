"""Good practice the score credits: sentences specific to the case, something to act on, a
question about the case, and a reply long enough to be complete."""

from __future__ import annotations

import pytest

from replylint.checks import Reply
from replylint.checks.reply.practice import COMPLETE_WORDS, Practice, good_practice

ACTIONABLE = [
    "Could you send me the order number from your receipt?",
    "Please restart the app and sign in again.",
    "You can change the delivery address under Settings.",
    "You could also pick it up from the depot instead.",
    "To reset it, open the app and tap Forgot password.",
    "Here is the guide: https://help.example.com/returns",
    "Simply reply to this e-mail with a photo of the label.",
    "Alternatively, send us the receipt and we will refund it.",
]
NOT_ACTIONABLE = [
    "Thank you for your patience while we looked into this.",
    "Is there anything else I can help you with today?",
    "We appreciate you being a loyal customer.",
    "Have any other questions? We're always here.",
    "The parcel was delivered this morning.",
]
ASKS = [
    "Could you send me the order number from your receipt?",
    "Which browser are you using when the error appears?",
    "Did the refund reach your card yet?",
    "Mind sharing the exact wording of the error?",
    "When did it last work for you?",
]
NOT_ASKS = [
    "Is there anything else I can help you with today?",
    "Have any other questions? We're always here.",
    "Any further questions?",
    "Is there anything else I can do for you?",
    "Please send me the order number from your receipt.",
    'You asked "can I return it?" and yes, you can.',
    "???",
]


def _reply(sentence: str) -> Reply:
    return Reply(f"Hi Sam,\n\n{sentence}\n\nBest,\nAlex\n")


@pytest.mark.parametrize("sentence", ACTIONABLE)
def test_something_to_act_on(sentence: str) -> None:
    assert good_practice(_reply(sentence)).actionable


@pytest.mark.parametrize("sentence", NOT_ACTIONABLE)
def test_nothing_to_act_on(sentence: str) -> None:
    assert not good_practice(_reply(sentence)).actionable


@pytest.mark.parametrize("sentence", ASKS)
def test_a_question_about_the_case(sentence: str) -> None:
    assert good_practice(_reply(sentence)).asks


@pytest.mark.parametrize("sentence", NOT_ASKS)
def test_no_question_about_the_case(sentence: str) -> None:
    assert not good_practice(_reply(sentence)).asks


def test_a_question_quoted_from_the_customer_is_not_asked() -> None:
    reply = Reply(
        "Hi Sam,\n\nThanks for writing in.\n\nOn Monday, Sam wrote:\n> Can I return it?\n"
    )
    assert not good_practice(reply).asks


def test_a_link_in_the_signature_is_not_something_to_act_on() -> None:
    reply = Reply("Hi Sam,\n\nThanks for writing in.\n\nBest,\nAlex\nhttps://example.com\n")
    assert not good_practice(reply).actionable


def test_specific_sentences_are_counted_up_to_two() -> None:
    reply = Reply(
        "Hi Sam,\n\nYour order #4411 left our warehouse on Monday. It should reach Leeds by "
        "the 12th. The courier is DPD. We are glad to help.\n\nBest,\nAlex\n"
    )
    assert good_practice(reply).specific == 2  # the count stops where the credit does


def test_a_reply_is_complete_from_twenty_words_of_its_own() -> None:
    assert COMPLETE_WORDS == 20
    short = "Booking confirmed for Friday at 3 pm."
    assert not good_practice(Reply(short)).complete
    enough = (
        "Your booking is confirmed for Friday at 3 pm with Dr Hale. If the time stops suiting "
        "you, reply to this message and we will move it."
    )
    assert good_practice(Reply(enough)).complete
    # Masked text is not the agent's words: a long link does not make a one-liner complete.
    linked = "See https://help.example.com/" + "a/" * 40 + " for the steps."
    assert not good_practice(Reply(linked)).complete


def test_a_form_letter_shows_no_practice() -> None:
    reply = Reply("Thank you for contacting us. We value your feedback and appreciate it.")
    assert good_practice(reply) == Practice(0, False)


def test_each_of_the_four_facts_is_a_quarter_of_the_credit() -> None:
    assert Practice().credit() == 0.0
    assert Practice(2, True, True, True).credit() == 1.0
    assert Practice(9, True, True, True).credit() == 1.0  # specific stops at two
    assert Practice(specific=1).credit() == 0.125
    assert Practice(actionable=True).credit() == 0.25
    assert Practice(asks=True).credit() == 0.25
    # A question about the case is also something to act on: it earns both quarters.
    assert good_practice(_reply("Which size would you like instead?")) == Practice(
        0, actionable=True, asks=True
    )
    assert Practice(complete=True).credit() == 0.25


def test_the_greeting_is_not_content() -> None:
    assert good_practice(Reply("Hi Anna,\n\nThanks a lot.\n")).specific == 0
    assert not good_practice(Reply("Hi Anna, how are you?\n\nThanks a lot.\n")).asks


@pytest.mark.parametrize(
    "text",
    ["a" * 100_000, "?" * 5_000, "\x00\x01?\n" * 2_000, "Why? " * 20_000, "x " * 50_000 + "?"],
)
def test_odd_text_neither_hangs_nor_crashes(text: str) -> None:
    practice = good_practice(Reply(text))
    assert 0.0 <= practice.credit() <= 1.0
