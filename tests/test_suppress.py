"""Inline suppression directives, applied by the engine to every check alike."""

from __future__ import annotations

import json

import pytest

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


# -- issue 15 item 17: a directive that cannot do what it says is a finding -------------------
def directive_findings(result) -> list[tuple[int, int, str]]:  # type: ignore[no-untyped-def]
    return [(f.line, f.column, f.message) for f in result.findings if f.code == "RL000"]


def test_a_misspelt_check_name_is_a_warning_at_the_directive(lint) -> None:  # type: ignore[no-untyped-def]
    text = "Unfortunately no. <!-- replylint: disable-line=negtive-wording -->\n"
    result = lint(text)
    ((line, column, message),) = directive_findings(result)
    assert (line, column) == (1, 24)
    assert "'negtive-wording'" in message and "(did you mean 'negative-wording'?)" in message
    (finding,) = [f for f in result.findings if f.code == "RL000"]
    assert finding.severity.name == "WARNING" and finding.name == "suppression-comment"
    assert finding.text == "replylint: disable-line=negtive-wording"
    assert any(f.code == "RL101" for f in result.findings)  # nothing was suppressed


@pytest.mark.parametrize(
    ("directive", "said"),
    [
        ("replylint: disabel-line=RL101", "unknown directive 'disabel-line' (did you mean "),
        ("replylint: disable-lien=RL101", "unknown directive 'disable-lien'"),
        ("replylint: Disable-next-line=RL101", "unknown directive 'Disable-next-line'"),
        ("replylint: enable=negativ-wording", "'negativ-wording' in a enable directive"),
    ],
)
def test_a_misspelt_directive_is_reported_and_suppresses_nothing(
    lint, directive: str, said: str
) -> None:  # type: ignore[no-untyped-def]
    """'disable-lien' once read as a bare 'disable': every check silenced by a typo."""
    result = lint(directive + "\n" + REPLY_WITH_TWO_REFUSALS)
    ((line, column, message),) = directive_findings(result)
    assert (line, column) == (1, 1) and said in message and result.suppressed == 0
    assert [f.text for f in result.findings if f.code == "RL101"] == ["Unfortunately", "We can't"]


def test_known_names_of_checks_not_running_are_not_typos(lint) -> None:  # type: ignore[no-untyped-def]
    text = "replylint: disable-next-line=slang, RL101, tone\n" + REPLY_WITH_TWO_REFUSALS
    assert directive_findings(lint(text, only="negative-wording")) == []


def test_unused_suppressions_are_reported_only_when_asked() -> None:
    from replylint.checks import BUILTIN, ActiveCheck, Reply, lint_reply

    active = [ActiveCheck(c, c.severity, c.defaults()) for c in BUILTIN]
    text = (
        "<!-- replylint: disable-line=slang -->\n"
        "replylint: disable-next-line=negative-wording\nUnfortunately it is late.\n"
    )
    assert directive_findings(lint_reply(Reply(text, "r.txt"), active)) == []
    reported = directive_findings(lint_reply(Reply(text, "r.txt"), active, report_unused=True))
    assert reported == [
        (1, 6, "unused suppression: 'replylint: disable-line=slang' suppressed nothing")
    ]


def test_report_unused_suppressions_flag(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from replylint.cli.main import app

    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.txt").write_text(
        "Your parcel arrives Monday. <!-- replylint: disable-line=slang -->\n", encoding="utf-8"
    )
    args = ["check", "r.txt", "-f", "json", "--languagetool", "off"]
    quiet = CliRunner().invoke(app, args)
    assert quiet.exit_code == 0, quiet.output
    loud = CliRunner().invoke(app, [*args, "--report-unused-suppressions"])
    assert loud.exit_code == 1
    (finding,) = json.loads(loud.stdout)["files"][0]["replies"][0]["findings"]
    assert finding["code"] == "RL000" and finding["message"].startswith("unused suppression")
