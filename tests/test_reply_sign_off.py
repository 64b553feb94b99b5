"""Sign-off detection in the reply model (checks/reply.py SIGN_OFF)."""

from __future__ import annotations

import pytest

from replylint.checks import Kind, Reply


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
