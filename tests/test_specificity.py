"""Which sentences count as specific to the customer's case (canned-phrasing, empathy)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from replylint.checks import Reply
from replylint.checks.reply.segment import WORD
from replylint.checks.reply.specificity import GENERIC_CAPITALS, has_proper_noun, is_specific


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


def _proper_noun_by_every_word(text: str) -> bool:
    words = WORD.findall(text)[1:]
    return any(w[0].isupper() and w not in GENERIC_CAPITALS for w in words)


@settings(max_examples=400)
@given(st.text(alphabet=st.sampled_from(list("aZ9 '’_.-BbOoIé\n")), max_size=60))
def test_the_ascii_capital_scan_finds_what_the_word_scan_finds(text: str) -> None:
    assert has_proper_noun(text) == _proper_noun_by_every_word(text)
