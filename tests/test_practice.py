"""Good practice the score credits: sentences specific to the case, something to act on."""

from __future__ import annotations

import pytest

from replylint.checks import Reply
from replylint.checks.reply.practice import Practice, good_practice

ACTIONABLE = [
    "Could you send me the order number from your receipt?",
    "Please restart the app and sign in again.",
    "You can change the delivery address under Settings.",
    "To reset it, open the app and tap Forgot password.",
    "Here is the guide: https://help.example.com/returns",
    "Simply reply to this e-mail with a photo of the label.",
]
NOT_ACTIONABLE = [
    "Thank you for your patience while we looked into this.",
    "Is there anything else I can help you with today?",
    "We appreciate you being a loyal customer.",
    "Have any other questions? We're always here.",
    "The parcel was delivered this morning.",
]


@pytest.mark.parametrize("sentence", ACTIONABLE)
def test_something_to_act_on(sentence: str) -> None:
    assert good_practice(Reply(f"Hi Sam,\n\n{sentence}\n\nBest,\nAlex\n")).actionable


@pytest.mark.parametrize("sentence", NOT_ACTIONABLE)
def test_nothing_to_act_on(sentence: str) -> None:
    assert not good_practice(Reply(f"Hi Sam,\n\n{sentence}\n\nBest,\nAlex\n")).actionable


def test_a_link_in_the_signature_is_not_something_to_act_on() -> None:
    reply = Reply("Hi Sam,\n\nThanks for writing in.\n\nBest,\nAlex\nhttps://example.com\n")
    assert not good_practice(reply).actionable


def test_specific_sentences_are_counted_up_to_two() -> None:
    reply = Reply(
        "Hi Sam,\n\nYour order #4411 left our warehouse on Monday. It should reach Leeds by "
        "the 12th. The courier is DPD. We are glad to help.\n\nBest,\nAlex\n"
    )
    assert good_practice(reply).specific == 2  # the count stops where the credit does


def test_a_form_letter_shows_no_practice() -> None:
    reply = Reply("Thank you for contacting us. We value your feedback and appreciate it.")
    assert good_practice(reply) == Practice(0, False)
    assert Practice(0, False).credit() == 0.0 and Practice(2, True).credit() == 1.0


def test_the_greeting_is_not_content() -> None:
    assert good_practice(Reply("Hi Anna,\n\nThanks a lot.\n")).specific == 0
