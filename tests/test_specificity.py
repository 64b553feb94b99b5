"""Which sentences count as specific to the customer's case (canned-phrasing, empathy)."""

from __future__ import annotations

import pytest

from replylint.checks import Reply
from replylint.checks.reply.specificity import is_specific


@pytest.mark.parametrize(
    ("text", "specific"),
    [
        ("Thank you for contacting us.", False),
        ("We will get back to you as soon as possible.", False),
        ("I understand your frustration.", False),
        ("Your order 4471 ships today.", True),
        ("Your ticket #AB-12 is solved.", True),
        ('The "Sync now" button is back.', True),
        ("Thanks for writing to Acme about the kettle.", True),
        ("Hi {{ticket.requester.first_name}} here is the update.", True),
        ("The guide is at https://help.example.com/reset today.", True),
        ("Thank you, Customer Service Team.", False),
    ],
)
def test_is_specific(text: str, specific: bool) -> None:
    reply = Reply(text)
    assert is_specific(reply, reply.sentences[-1]) is specific
