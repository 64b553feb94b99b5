"""Which sentences count as sensitive (apology, refusal, complaint): checks/reply/sensitivity.py."""

from __future__ import annotations

import pytest

from replylint.checks.reply.sensitivity import is_sensitive


@pytest.mark.parametrize(
    "sentence",
    [
        "My bad, I sent the invoice to your old address.",
        "Our bad, the parcel went to the wrong depot.",
        "We don't offer refunds on opened software.",
        "I do not accept returns after 30 days.",
        "The bank refused the payment.",
        "I'm so sorry about the broken screen.",
    ],
)
def test_sensitive(sentence: str) -> None:
    assert is_sensitive(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Your order ships today and arrives on Friday.",
        "We offer free returns for 30 days.",
        "Thanks for your kind words about our team!",
    ],
)
def test_not_sensitive(sentence: str) -> None:
    assert not is_sensitive(sentence)
