"""Sign-off detection in the reply model (checks/reply/parsed.py SIGN_OFF)."""

from __future__ import annotations

import pytest

from replylint.checks import Kind, Reply


@pytest.mark.parametrize(
    "closing",
    ["Kind regards,\nAnna Kowalska", "Best regards,\nSam", "Warm wishes, Anna", "Regards,\nLee"],
)
def test_sign_off_with_comma_starts_the_signature(closing: str) -> None:
    reply = Reply(f"Your account is unlocked again.\n\n{closing}\n")
    assert reply.signature_start == len("Your account is unlocked again.\n\n")


def test_regards_inside_a_sentence_is_not_a_sign_off() -> None:
    assert Reply("Please pass my regards to the team. We fixed it.\n").signature_start is None


@pytest.mark.parametrize("sign_off", ["Kind regards,", "Warm regards,", "Best regards,", "Regards"])
def test_sign_off_with_adjective_starts_the_signature(sign_off: str) -> None:
    text = f"Hi Jo,\n\nYour order shipped today.\n\n{sign_off}\nAnna"
    reply = Reply(text)
    assert reply.signature_start == text.index(sign_off)
    assert reply.kind is Kind.EMAIL


@pytest.mark.parametrize("line", ["Thank you for your patience.", "Thanks for waiting!"])
def test_thank_you_sentence_is_content_not_sign_off(line: str) -> None:
    text = f"Hi Jo,\n\nYour order shipped today.\n\n{line}\n\nYours sincerely,\nAnna"
    reply = Reply(text)
    assert reply.signature_start == text.index("Yours sincerely")
    assert reply.closing[-1].text == line


def test_thanks_with_name_is_a_sign_off() -> None:
    text = "Hi Jo,\n\nYour order shipped today.\n\nThanks, Anna Berg"
    assert Reply(text).signature_start == text.index("Thanks")
