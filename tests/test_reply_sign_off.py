"""Sign-off detection: "Kind regards," with its comma starts the signature like "Best regards,"."""

from __future__ import annotations

import pytest

from replylint.checks import Reply


@pytest.mark.parametrize(
    "closing",
    ["Kind regards,\nAnna Kowalska", "Best regards,\nSam", "Warm wishes, Anna", "Regards,\nLee"],
)
def test_sign_off_with_comma_starts_the_signature(closing: str) -> None:
    reply = Reply(f"Your account is unlocked again.\n\n{closing}\n")
    assert reply.signature_start == len("Your account is unlocked again.\n\n")


def test_regards_inside_a_sentence_is_not_a_sign_off() -> None:
    assert Reply("Please pass my regards to the team. We fixed it.\n").signature_start is None
