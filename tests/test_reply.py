"""The reply model: masks, sentences, parts, kind, sensitivity and positions."""

from __future__ import annotations

import pytest

from replylint.checks import Kind, Part, Reply


def sentences(text: str) -> list[str]:
    reply = Reply(text)
    return [text[s.start : s.end] for s in reply.sentences]


def masked_words(text: str) -> str:
    return " ".join(Reply(text).masked.split())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Thanks for writing. Your refund is on its way! Anything else?",
            ["Thanks for writing.", "Your refund is on its way!", "Anything else?"],
        ),
        (
            "Dr. Ozola signed it, e.g. on the form. It arrived at 9 a.m. on Monday.",
            ["Dr. Ozola signed it, e.g. on the form.", "It arrived at 9 a.m. on Monday."],
        ),
        ("Hmm... let me check that. Done!", ["Hmm... let me check that.", "Done!"]),
        ("Version 2.5 fixed it. Try it now.", ["Version 2.5 fixed it.", "Try it now."]),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_hard_wrapped_lines_join_into_one_sentence() -> None:
    text = (
        "We have checked your order and the parcel left our warehouse on\n"
        "Monday, so it should reach you by Thursday at the latest.\n"
    )
    assert len(sentences(text)) == 1


def test_short_lines_and_list_items_are_separate_sentences() -> None:
    text = "Open the app\nTap Settings\n\n- Reset the router\n- Sign in again?\n"
    reply = Reply(text)
    assert [text[s.start : s.end] for s in reply.sentences] == [
        "Open the app",
        "Tap Settings",
        "Reset the router",
        "Sign in again?",
    ]
    assert [s.is_list_item for s in reply.sentences] == [False, False, True, True]


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("See https://example.com/help?a=1. Thanks", "https://example.com/help?a=1"),
        ("Write to help@example.com today", "help@example.com"),
        ("Run `reset --hard` now", "reset --hard"),
        ("Hi {{ ticket.requester.first_name }},", "ticket.requester.first_name"),
        ("Hi {% if name %}there{% endif %}", "if name"),
        ("Hi %{ticket.name.first}!", "ticket.name.first"),
        ("Your password is {$NewPassword}", "NewPassword"),
        ("Dear %%NAME%%,", "NAME"),
        ("Dear [Customer Name],", "Customer Name"),
        ("Hello <insert first name>,", "insert first name"),
        ("Ok <!-- replylint: disable=slang --> fine", "disable"),
    ],
)
def test_masked_regions_are_blanked(text: str, hidden: str) -> None:
    reply = Reply(text)
    assert len(reply.masked) == len(text)
    assert hidden not in reply.masked


def test_markdown_link_text_is_not_a_placeholder() -> None:
    assert "Reset Password" in Reply("Click [Reset Password](https://x.io/r) now.").masked


def test_quoted_history_is_masked_to_the_end() -> None:
    text = (
        "Your refund is on its way.\n\nOn Mon, 3 Jun 2024, Ann <ann@example.com> wrote:\n"
        "> You can't be serious!\n> Refund me.\n"
    )
    reply = Reply(text)
    assert "serious" not in reply.masked
    assert "wrote" not in reply.masked
    assert sentences(text) == ["Your refund is on its way."]


@pytest.mark.parametrize(
    "history",
    [
        "-----Original Message-----\nFrom: Ann\nSent: Monday\n\nWhy can't you help?",
        "From: Ann <ann@example.com>\nSent: Monday, 3 June 2024\nSubject: refund\n\nNo!",
        "> Why can't you help?",
    ],
)
def test_outlook_and_quote_markers_start_history(history: str) -> None:
    reply = Reply("We have refunded you today.\n\n" + history)
    assert reply.masked.split() == "We have refunded you today.".split()


def test_parts_greeting_closing_and_signature() -> None:
    text = (
        "Hi Anna,\n\nThanks for the photos. The lens is scratched.\n"
        "A new one ships today. Reply with your address. I'll confirm by Friday.\n\n"
        "Best regards,\nSam Ozols\nSupport team\n"
    )
    reply = Reply(text)
    assert (
        reply.greeting is not None and text[reply.greeting.start : reply.greeting.end] == "Hi Anna,"
    )
    assert [text[s.start : s.end] for s in reply.closing] == [
        "A new one ships today.",
        "Reply with your address.",
        "I'll confirm by Friday.",
    ]
    assert reply.sentences[1].part is Part.BODY
    assert reply.signature_start == text.index("Best regards")
    assert "Ozols" not in reply.masked
    assert reply.kind is Kind.EMAIL


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Hi there! Your order ships today. ^JA", Kind.CHAT),
        ("Sure, it ships today.", Kind.CHAT),
        ("Hello Ben,\n\nIt ships today.\n\nThanks,\nMia", Kind.EMAIL),
        ("Dear Ms Ozola,\n\nIt ships today.\n\n-- \nMia, Acme support", Kind.EMAIL),
    ],
)
def test_kind_heuristic(text: str, kind: Kind) -> None:
    assert Reply(text).kind is kind


def test_explicit_kind_wins_and_set_kind_does_not_override_it() -> None:
    reply = Reply("Sure, it ships today.", kind=Kind.EMAIL)
    reply.set_kind(Kind.CHAT)
    assert reply.kind is Kind.EMAIL


def test_signature_is_not_guessed_from_a_content_line() -> None:
    text = "Thanks for waiting.\nYour refund was issued today and reaches your bank in 3 days."
    assert Reply(text).signature_start is None


@pytest.mark.parametrize(
    ("sentence", "sensitive"),
    [
        ("I'm sorry the parcel arrived damaged.", True),
        ("Unfortunately we can't ship to PO boxes.", True),
        ("I understand how frustrating this must be.", True),
        ("Your parcel ships today.", False),
    ],
)
def test_sensitive_sentences(sentence: str, sensitive: bool) -> None:
    assert Reply(sentence).sentences[0].sensitive is sensitive


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_and_column_with_any_line_ending(newline: str) -> None:
    text = newline.join(["Hi Anna,", "", "We can’t do that 👍 today."])
    reply = Reply(text)
    assert reply.locate(text.index("today")) == (3, text.split(newline)[2].index("today") + 1)
    assert reply.locate(0) == (1, 1)


def test_word_count_ignores_masked_text() -> None:
    assert Reply("See https://example.com/a/b/c for steps.").word_count == 3


def test_sentence_at() -> None:
    text = "First one. Second one."
    reply = Reply(text)
    found = reply.sentence_at(text.index("Second"))
    assert found is not None and found.index == 1
    assert reply.sentence_at(len(text) + 5) is None
