"""Inline suppression directives, applied by the engine to every check alike."""

from __future__ import annotations

from replylint.checks.suppress import find_suppressions

REPLY_WITH_TWO_REFUSALS = "Unfortunately it is late.\nWe can't change it.\n"


def findings(lint, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.text for f in lint(text, only="negative-wording").findings]


def test_without_directives_both_refusals_are_found(lint) -> None:  # type: ignore[no-untyped-def]
    assert findings(lint, REPLY_WITH_TWO_REFUSALS) == ["Unfortunately", "We can't"]


def test_disable_in_html_comment_covers_the_rest(lint) -> None:  # type: ignore[no-untyped-def]
    text = '<!-- replylint: disable=negative-wording reason="legal wording" -->\n'
    result = lint(text + REPLY_WITH_TWO_REFUSALS, only="negative-wording")
    assert result.findings == () and result.suppressed == 2


def test_disable_next_line_covers_only_that_line(lint) -> None:  # type: ignore[no-untyped-def]
    text = "replylint: disable-next-line=RL101\n" + REPLY_WITH_TWO_REFUSALS
    assert findings(lint, text) == ["We can't"]


def test_enable_ends_a_disabled_range(lint) -> None:  # type: ignore[no-untyped-def]
    text = (
        "<!-- replylint: disable=positivity -->\nUnfortunately it is late.\n"
        "<!-- replylint: enable -->\nWe can't change it.\n"
    )
    assert findings(lint, text) == ["We can't"]


def test_other_checks_are_not_silenced(lint) -> None:  # type: ignore[no-untyped-def]
    text = "<!-- replylint: disable=slang -->\n" + REPLY_WITH_TWO_REFUSALS
    assert findings(lint, text) == ["Unfortunately", "We can't"]


def test_disable_without_names_covers_every_check() -> None:
    (suppression,) = find_suppressions("a\n# replylint: disable\nb\n")
    assert suppression.names is None
    assert suppression.covers(5, ("anything",))


def test_reason_is_kept() -> None:
    (suppression,) = find_suppressions('<!-- replylint: disable-line=slang reason="quote" -->')
    assert suppression.reason == "quote"
    assert suppression.names == frozenset({"slang"})


def test_directive_text_itself_is_never_linted(lint) -> None:  # type: ignore[no-untyped-def]
    text = '<!-- replylint: disable=slang reason="we can\'t" -->\nAll good here.\n'
    assert findings(lint, text) == []
