"""The clause model and the refusal frames shared by RL101 and RL102."""

from __future__ import annotations

import time

import pytest
from helpers import lint_text

from replylint.checks import Kind, Reply
from replylint.checks.builtin import clause_model
from replylint.checks.builtin import refusal_grammar as grammar
from replylint.checks.builtin.refusal_without_alternative import has_alternative, refusals


def test_tokenizer_splits_contractions_over_the_same_span() -> None:
    words, starts, ends = clause_model.tokenize("we can't, i'm sure it's fine; they won’t")
    assert words == [
        "we", "can", "not", ",", "i", "am", "sure", "it", "is", "fine", ";", "they", "will", "not",
    ]  # fmt: skip
    assert starts[1] == starts[2] == 3 and ends[1] == ends[2] == 8


def test_tokenizer_reads_contractions_typed_without_apostrophe() -> None:
    words, _, _ = clause_model.tokenize("we cant and dont and cannot")
    assert words == ["we", "can", "not", "and", "do", "not", "and", "can", "not"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Your request to open a second store was not approved.", "passive-refusal"),
        ("Your listing was disapproved by a moderator.", "disapproved"),
        ("Your claim has been rejected.", "declined"),
        ("Merging accounts isn't something the system allows.", "unavailable"),
        ("We're not able to at this time.", None),  # the lexicon's entry speaks first
        ("We could not deliver the alert.", "inability"),
        ("There are no workarounds yet.", "no-way"),
        ("We have no plans to support it.", "no-way"),
        ("I don't think we can move it.", "inability"),
        ("Please do not reply to this email.", "prohibition"),
    ],
)
def test_frames_read_what_the_sentence_does(text: str, kind: str | None) -> None:
    frames = grammar.sentence_frames(Reply(text, kind=Kind.CHAT))
    if kind is None:
        return
    assert [f.kind for f in frames] == [kind], frames


@pytest.mark.parametrize(
    "text",
    [
        "If we can't reach you, the courier leaves it at the pickup point.",
        "Sorry to hear you can't log in.",
        "The item is not damaged.",
        "You don't need to do anything.",
        "Don't hesitate to ask, and don't forget to save.",
        "Can't you see the button?",
        "We had no easy way to do this until the new release.",
        "Your password is stored securely and cannot be retrieved.",
        "We won't charge you for it.",
        "Your refund hasn't been approved yet.",
    ],
)
def test_no_frame_in_conditions_customer_problems_or_information(text: str) -> None:
    assert grammar.sentence_frames(Reply(text, kind=Kind.CHAT)) == []


def test_one_definition_of_a_refusal_for_both_checks() -> None:
    """Every refusal RL102 reads is a negative-wording finding, or a fact negative-wording
    leaves to RL102 ('out of stock', 'your claim was rejected')."""
    text = (
        "Hi Ana,\n\nThe red dress is out of stock. Your claim was rejected, we can't refund "
        "the order, and that isn't something the system allows.\n\nBest,\nSam"
    )
    reply = Reply(text)
    flagged = {(f.start, f.end) for f in lint_text(text, only="negative-wording").findings}
    found = refusals(reply)
    assert len(found) == 4
    for item in found:
        assert (item.start, item.end) in flagged or "fact" in item.tags


def test_words_of_a_refusal_never_count_as_its_alternative() -> None:
    reply = Reply("There are no other options or workarounds for this.", kind=Kind.CHAT)
    assert not has_alternative(reply, refusals(reply))


@pytest.mark.parametrize(
    "text",
    [
        "we can't " * 12000,
        "please " * 20000 + "do not reply",
        "we " + "just " * 20000 + "can't",
        "this is not something " * 8000,
        "you can " * 15000,
        "'" * 50000 + "n't" * 10000,
        "İı ſ we can’t ship 🚫 " * 3000,
        "we can\x00't\x01 refund \x1b[31m it \u200b is not available" * 2000,
    ],
)
def test_hostile_input_is_linear_and_never_crashes(text: str) -> None:
    for check in ("negative-wording", "refusal-without-alternative"):
        start = time.process_time()
        result = lint_text(
            text, only=check, options={"pedantic": True} if check[0] == "n" else None
        )
        assert not result.failures
        assert time.process_time() - start < 10
