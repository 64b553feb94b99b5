"""Markdown and HTML inputs: markup is never linted, positions point into the original file."""

from __future__ import annotations

from pathlib import Path

import pytest
from inputs_support import errors, findings, lint_json, make_project

from replylint.checks import Reply
from replylint.cli.inputs.markdown import markdown_masks
from replylint.cli.inputs.markup import extract_html
from replylint.cli.inputs.targets import InputProblem


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_project(tmp_path, monkeypatch)


def masked(text: str) -> str:
    return Reply(text, extra_masks=markdown_masks(text)).masked


@pytest.mark.parametrize(
    ("markdown", "hidden", "kept"),
    [
        ("See [the guide](https://x.test/unfortunately) now.", "unfortunately", "the guide"),
        ('Read [it](<a b> "Unfortunately") today.', "Unfortunately", "it"),
        ("Use [the form][cannot] please.", "cannot", "the form"),
        ("Text.\n\n[cannot]: https://x.test/no  'Unfortunately'\n", "Unfortunately", "Text."),
        ("![Unfortunately broken](img.png) Fine.", "Unfortunately", "Fine."),
        ("Intro.\n\n    Unfortunately code\n\nAfter.", "Unfortunately", "After."),
        ("---\ntitle: Unfortunately\n---\nHello there.", "Unfortunately", "Hello there."),
        ("## Refunds ##\nBody.", "##", "Refunds"),
        ("Hi<br>there <b>friend</b>.", "<b>", "friend"),
        ("Text `cannot` here.", "cannot", "Text"),
    ],
)
def test_markdown_syntax_is_masked_and_prose_is_kept(markdown: str, hidden: str, kept: str) -> None:
    assert hidden not in masked(markdown)
    assert kept in masked(markdown)


def test_indented_list_continuation_is_not_code() -> None:
    text = "Steps:\n\n- Open the app\n\n    Unfortunately this continues the item.\n"
    assert "Unfortunately" in masked(text)


def test_markdown_findings_point_into_the_file_and_list_items_are_sentences(
    project: Path,
) -> None:
    (project / "draft.md").write_text(
        "# Refund policy\n\nHi Anna,\n\n- Unfortunately we can't refund it\n"
        "- See [why we can't](https://x.test/cannot)\n",
        encoding="utf-8",
    )
    document, result = lint_json("draft.md")
    assert result.exit_code == 1
    assert [(f[2], f[3], f[4]) for f in findings(document)] == [
        (5, 3, "Unfortunately"),
        (5, 20, "can't"),
        (6, 15, "can't"),
    ]


# -- HTML -----------------------------------------------------------------------------------
PAGE = """<!DOCTYPE html>
<html><head><title>Unfortunately</title><style>p { color: red }</style>
<script>var unfortunately = "can't";</script></head>
<body><p>Hi Anna,</p><p>Unfortunately we <b>can't</b> refund&nbsp;it &amp; more.</p>
<ul><li>Open the app</li><li>Tap refund</li></ul>
<pre><code>cannot = 1</code></pre>
<blockquote>Unfortunately quoted text</blockquote>
<!-- unfortunately hidden -->
</body></html>
"""


def test_html_visible_text_with_block_breaks_and_list_items() -> None:
    extracted = extract_html(PAGE)
    assert "var" not in extracted.text and "color" not in extracted.text
    assert extracted.text.startswith("Hi Anna,\n\nUnfortunately we can't refund\xa0it & more.")
    assert "\n\n- Open the app\n- Tap refund\n\n" in extracted.text
    reply = Reply(extracted.text, extra_masks=extracted.masks)
    items = [s for s in reply.sentences if s.is_list_item]
    assert [s.text.strip() for s in items] == ["Open the app", "Tap refund"]
    assert "cannot" not in reply.masked and "quoted" not in reply.masked


def test_html_findings_are_placed_in_the_original_file(project: Path) -> None:
    (project / "reply.html").write_text(PAGE, encoding="utf-8")
    document, result = lint_json("reply.html")
    assert result.exit_code == 1
    assert [(f[2], f[3], f[4]) for f in findings(document)] == [
        (4, 25, "Unfortunately"),
        (4, 45, "can't"),
    ]
    line = PAGE.splitlines()[3]
    assert line[24:37] == "Unfortunately" and line[44:49] == "can't"


def test_entities_and_multiline_text_map_back(project: Path) -> None:
    html = "<div>\n  Caf&eacute; &amp; tea:\n  unfortunately\n  we can&#39;t.</div>"
    (project / "x.htm").write_text(html, encoding="utf-8")
    document, _ = lint_json("x.htm")
    assert [(f[2], f[3], f[4]) for f in findings(document)] == [
        (3, 3, "unfortunately"),
        (4, 6, "can't"),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("Hi Anna, no tags at all here.", "no HTML tags found"),
        ("<html><body><script>x()</script></body></html>", "no visible text"),
    ],
)
def test_html_that_is_not_html_is_an_input_error(project: Path, content: str, message: str) -> None:
    (project / "page.html").write_text(content, encoding="utf-8")
    document, result = lint_json("page.html")
    assert result.exit_code == 2
    assert message in errors(document)["page.html"][0]
    with pytest.raises(InputProblem):
        extract_html(content)


def test_html_with_no_tags_can_be_read_as_text(project: Path) -> None:
    (project / "page.html").write_text("Unfortunately not markup.", encoding="utf-8")
    document, _ = lint_json("page.html", "--input-format", "text")
    assert findings(document) == [("page.html", None, 1, 1, "Unfortunately")]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("draft.md", "# Title\n\nUnfortunately not.\n"),
        ("draft.html", "<p>Unfortunately not.</p>"),
        ("draft.eml", "Subject: x\n\nUnfortunately not.\n"),
        ("draft.txt", "Unfortunately not.\n"),
    ],
)
def test_stdin_filename_picks_every_format(project: Path, name: str, content: str) -> None:
    document, _ = lint_json("-", "--stdin-filename", name, stdin=content)
    assert [(f[0], f[4]) for f in findings(document)] == [(name, "Unfortunately")]


def test_br_br_is_a_paragraph_break_and_lines_do_not_start_with_spaces() -> None:
    extracted = extract_html("Hi Anna,<br><br>\n  Unfortunately not.<br>\n  Thanks<p> Sam </p>")
    assert extracted.text == "Hi Anna,\n\nUnfortunately not.\nThanks\n\nSam"


def test_markdown_list_items_are_list_item_sentences() -> None:
    text = "Here is what to do:\n\n1. Open [Settings](https://x.test)\n2. Tap **Refund**\n"
    reply = Reply(text, extra_masks=markdown_masks(text))
    assert [s.text.strip() for s in reply.sentences if s.is_list_item] == [
        "Open  Settings",  # the link's brackets and target are masked to spaces
        "Tap **Refund**",
    ]
