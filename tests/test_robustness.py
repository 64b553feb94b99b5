"""Never crash: arbitrary text through the reply model and every built-in check.

Every finding's span lies inside the text and maps to a valid line and column; linting the same
text twice gives the same findings.
"""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from replylint.checks import BUILTIN, ActiveCheck, Kind, Reply, lint_reply

ACTIVE = [ActiveCheck(c, c.severity, c.defaults()) for c in BUILTIN]

# Pieces real replies are made of, so random text also exercises structure (quotes, lists,
# placeholders, sign-offs) and not only noise.
FRAGMENTS = st.sampled_from(
    [
        "Hi Anna,",
        "\n",
        "\r\n",
        "\r",
        "\n\n",
        "> ",
        ">> > ",
        "On Mon, Ann wrote:",
        "-- \n",
        "Best regards,\nSam",
        "{{ ticket.id }}",
        "{{",
        "}}",
        "{%",
        "%}",
        "[Customer Name]",
        "<insert date>",
        "%NAME%",
        "https://example.com/a?b=c.",
        "help@example.com",
        "`code`",
        "```\nfenced\n",
        "<!-- replylint: disable=slang -->",
        "replylint: disable-next-line",
        "- item",
        "1. step",
        "Unfortunately we can't.",
        "Sorry!! ",
        "THANK YOU",
        "lol",
        "?",
        "!!!",
        "...",
        "e.g.",
        "😀",
        "👍🏽",
        "é",
        "e\u0301",
        "\u202eRTL\u202c",
        "שלום",
        "\x00",
        "\ud800",
        "\ufeff",
        "\t",
        "    ",
        "I'll get back to you.",
        "Please reply by Friday.",
    ]
)
TEXTS = st.lists(st.one_of(FRAGMENTS, st.text(max_size=20)), max_size=40).map("".join)


def assert_sane(text: str, kind: Kind | None = None) -> None:
    reply = Reply(text, "r.txt", kind=kind)
    assert len(reply.masked) == len(text)
    for sentence in reply.sentences:
        assert 0 <= sentence.start < sentence.end <= len(text)
    result = lint_reply(reply, ACTIVE)
    assert result.failures == (), result.failures
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for finding in result.findings:
        assert 0 <= finding.start <= finding.end <= len(text)
        assert finding.text == text[finding.start : finding.end]
        assert 1 <= finding.line <= len(lines)
        assert 1 <= finding.column <= len(lines[finding.line - 1]) + 1
        assert (finding.end_line, finding.end_column) >= (finding.line, finding.column)
    again = lint_reply(Reply(text, "r.txt", kind=kind), ACTIVE)
    assert again.findings == result.findings


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.sampled_from([None, Kind.EMAIL, Kind.CHAT]))
def test_any_text_is_linted_without_crashing(text: str, kind: Kind | None) -> None:
    assert_sane(text, kind)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_any_unicode_is_linted_without_crashing(text: str) -> None:
    assert_sane(text)


def test_edge_sizes_and_shapes() -> None:
    for text in [
        "",
        " ",
        "\n" * 50,
        ">" * 5000,
        "> " * 300 + "x",
        "{{" * 2000,
        "a" * 200_000,
        ("Sorry we can't. " * 40 + "\n") * 100,
    ]:
        assert_sane(text)


def test_a_one_megabyte_reply_is_linted_in_reasonable_time() -> None:
    paragraph = (
        "Hi Anna, unfortunately we can't refund it, sorry!! Please reply by Friday "
        "with your order number so I can check {{ ticket.id }} at https://x.io.\n\n"
    )
    text = paragraph * (1_000_000 // len(paragraph))
    assert_sane(text)


def test_runs_that_no_match_can_end_stay_linear() -> None:
    # Each of these once made a regex start again at every character of the run and scan to
    # its end: 40,000 characters took 3-5 s, and 60,000 would take 12-28 s. Linear, each
    # takes well under a second.
    for piece in ["{{", "{%", "%{", "!", "?", "...", "!?"]:
        text = piece * (60_000 // len(piece))
        start = time.process_time()
        assert_sane(text)
        assert time.process_time() - start < 5, piece
