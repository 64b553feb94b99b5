"""`check --fix / --unsafe-fixes / --diff`: real files, every exact format, encodings, masks."""

from __future__ import annotations

import codecs
import json
import os
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from replylint.checks import Category, Finding, Fix, Severity
from replylint.checks.fixes import apply_edits, chosen_fixes
from replylint.checks.lexicon import cased_like
from replylint.cli.main import app

DRAFT = (
    "Hi Anna,\n\nKindly send the form prior to Friday!! You can utilize the portal. "
    "Please do not hesitate to contact us.\n\nBest regards,\nTom\n"
)
SAFE_FIXED = (
    "Hi Anna,\n\nPlease send the form before Friday! You can use the portal. "
    "Please do not hesitate to contact us.\n\nBest regards,\nTom\n"
)
ALL_FIXED = SAFE_FIXED.replace("Please do not hesitate to contact us", "Please contact us")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder that is its own repository root, so no outside config applies."""
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(*args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args), input=stdin)


def test_fix_applies_safe_fixes_only_and_reports_what_remains(project: Path) -> None:
    (project / "draft.txt").write_text(DRAFT, encoding="utf-8")
    result = invoke("check", "--fix", "--format", "json", "draft.txt")
    assert (project / "draft.txt").read_text(encoding="utf-8") == SAFE_FIXED
    assert "fixed 4 findings in 1 file" in result.stderr
    report = json.loads(result.stdout)  # the report is of the fixed file: what remains
    (reply,) = report["files"][0]["replies"]
    assert [f["code"] for f in reply["findings"]] == ["RL702"]
    assert result.exit_code == 1  # the canned formula still fails the run


def test_unsafe_fixes_apply_the_stock_formula_rewrite_too(project: Path) -> None:
    (project / "draft.txt").write_text(DRAFT, encoding="utf-8")
    result = invoke("check", "--unsafe-fixes", "draft.txt")
    assert (project / "draft.txt").read_text(encoding="utf-8") == ALL_FIXED
    assert result.exit_code == 0, result.output


def test_report_counts_fixable_findings(project: Path) -> None:
    (project / "draft.txt").write_text(DRAFT, encoding="utf-8")
    result = invoke("check", "draft.txt")
    assert "4 fixable (1 more with --unsafe-fixes)" in result.stdout
    assert (project / "draft.txt").read_text(encoding="utf-8") == DRAFT


def test_diff_prints_a_unified_diff_and_writes_nothing(project: Path) -> None:
    (project / "draft.txt").write_text(DRAFT, encoding="utf-8")
    result = invoke("check", "--diff", "draft.txt")
    assert result.exit_code == 1
    assert result.stdout.startswith("--- a/draft.txt\n+++ b/draft.txt\n@@")
    assert "-Kindly send the form prior to Friday!!" in result.stdout
    assert "+Please send the form before Friday!" in result.stdout
    assert (project / "draft.txt").read_text(encoding="utf-8") == DRAFT
    (project / "draft.txt").write_text(SAFE_FIXED, encoding="utf-8")
    clean = invoke("check", "--diff", "draft.txt")
    assert (clean.exit_code, clean.stdout) == (0, "")


def test_second_fix_changes_nothing(project: Path) -> None:
    (project / "draft.txt").write_text(DRAFT, encoding="utf-8")
    invoke("check", "--fix", "draft.txt")
    once = (project / "draft.txt").read_bytes()
    result = invoke("check", "--fix", "draft.txt")
    assert (project / "draft.txt").read_bytes() == once
    assert "fixed 0 findings in 0 files" in result.stderr


FORMATS = {
    "reply.md": (
        "# Your order\n\nKindly use `kindly` and see https://x.example/kindly prior to Monday.\n",
        "# Your order\n\nPlease use `kindly` and see https://x.example/kindly before Monday.\n",
    ),
    "reply.html": (
        "<html><body><p>Kindly <b>note</b>: prior to Monday, utilize the app.</p></body></html>\n",
        "<html><body><p>Please <b>note</b>: before Monday, use the app.</p></body></html>\n",
    ),
    "macros.json": (
        '{"macros": [{"id": 1, "title": "Late", "actions": [{"field": "comment_value", '
        '"value": "Hi,\\n\\nKindly send it prior to Monday.\\n\\nThanks"}]}]}\n',
        '{"macros": [{"id": 1, "title": "Late", "actions": [{"field": "comment_value", '
        '"value": "Hi,\\n\\nPlease send it before Monday.\\n\\nThanks"}]}]}\n',
    ),
    "templates.yaml": (
        "templates:\n  - title: One\n    body: Kindly send it prior to Monday.\n"
        "  - title: Two\n    body: |\n      Hi,\n      Kindly utilize the app!!\n",
        "templates:\n  - title: One\n    body: Please send it before Monday.\n"
        "  - title: Two\n    body: |\n      Hi,\n      Please use the app!\n",
    ),
    "templates.csv": (
        'title,body\nA,"Kindly send it, prior to Monday."\nB,Please utilize it\n',
        'title,body\nA,"Please send it, before Monday."\nB,Please use it\n',
    ),
}
LIBRARY_CONFIG = """\
macros:
  - files: ["*.yaml"]
    records: "$.templates[*]"
    text: body
    title: title
  - files: ["*.csv"]
    records: "$[*]"
    text: body
"""


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_exact_format_is_fixed_and_idempotent(project: Path, name: str) -> None:
    (project / ".replylint.yaml").write_text(LIBRARY_CONFIG, encoding="utf-8")
    before, after = FORMATS[name]
    (project / name).write_text(before, encoding="utf-8", newline="")
    invoke("check", "--fix", name)
    assert (project / name).read_text(encoding="utf-8") == after
    invoke("check", "--fix", name)
    assert (project / name).read_text(encoding="utf-8") == after


def test_inexact_positions_are_left_and_said(project: Path) -> None:
    (project / ".replylint.yaml").write_text(LIBRARY_CONFIG, encoding="utf-8")
    folded = "templates:\n  - title: Folded\n    body: >\n      Kindly fold\n      prior to it.\n"
    (project / "folded.yaml").write_text(folded, encoding="utf-8")
    entity = "<p>Please send it prior&nbsp;to Monday.</p>\n"
    (project / "entity.html").write_text(entity, encoding="utf-8")
    mail = "From: a@example.com\nSubject: x\nContent-Type: text/plain\n\nKindly reply.\n"
    (project / "reply.eml").write_text(mail, encoding="utf-8")
    result = invoke("check", "--fix", ".")
    assert (project / "folded.yaml").read_text(encoding="utf-8") == folded
    assert (project / "entity.html").read_text(encoding="utf-8") == entity
    assert (project / "reply.eml").read_text(encoding="utf-8") == mail
    assert "folded.yaml: 2 fixes not applied" in result.stderr
    assert "entity.html: 1 fix not applied" in result.stderr
    assert "reply.eml: 1 fix not applied: positions in email files are not exact" in (result.stderr)


@pytest.mark.parametrize(
    ("bom", "codec", "newline"),
    [
        (codecs.BOM_UTF8, "utf-8", "\r\n"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "\r\n"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "\n"),
        (b"", "utf-8", "\r\n"),
    ],
)
def test_encoding_bom_and_line_ends_are_kept(
    project: Path, bom: bytes, codec: str, newline: str
) -> None:
    path = project / "draft.txt"
    path.write_bytes(bom + DRAFT.replace("\n", newline).encode(codec))
    invoke("check", "--fix", "draft.txt")
    assert path.read_bytes() == bom + SAFE_FIXED.replace("\n", newline).encode(codec)


MASKED = """\
Hi Anna,

Thanks for the photos. Our form is at https://example.com/kindly-prior-to and the field is
`prior to` in the app. Your code is {{kindly}}.

Best regards,
Tom
--\x20
Tom Kindly | Kindly Ltd | prior to joining us, utilize the FAQ

> Kindly help me prior to Friday!!
"""


def test_masked_text_is_never_touched(project: Path) -> None:
    (project / "masked.txt").write_text(MASKED, encoding="utf-8")
    result = invoke("check", "--unsafe-fixes", "masked.txt")
    assert (project / "masked.txt").read_text(encoding="utf-8") == MASKED
    assert "fixed 0 findings" in result.stderr


def test_suppressed_findings_are_not_fixed(project: Path) -> None:
    text = (
        "Hi Anna,\n\n<!-- replylint: disable-next-line=stiff-formal -->\n"
        "Kindly note the form is due prior to Friday.\nYou can utilize the portal.\n\nBest,\nTom\n"
    )
    (project / "draft.txt").write_text(text, encoding="utf-8")
    invoke("check", "--fix", "draft.txt")
    assert (project / "draft.txt").read_text(encoding="utf-8") == text.replace("utilize", "use")


def test_doubled_word_is_a_safe_fix_from_languagetool(project: Path) -> None:
    (project / "draft.txt").write_text("Your order left the the warehouse today.\n", "utf-8")
    invoke("check", "--fix", "draft.txt")
    assert (project / "draft.txt").read_text("utf-8") == "Your order left the warehouse today.\n"


def test_bad_input_is_one_line_and_the_others_are_still_fixed(project: Path) -> None:
    (project / "draft.txt").write_text(DRAFT, encoding="utf-8")
    (project / "broken.txt").write_bytes(b"\x00\x01binary")
    result = invoke("check", "--fix", ".")
    assert (project / "draft.txt").read_text(encoding="utf-8") == SAFE_FIXED
    assert result.exit_code == 2
    assert "replylint: broken.txt: binary file" in result.stderr


def test_diff_names_unreadable_files_and_exits_2(project: Path) -> None:
    (project / "draft.txt").write_text(DRAFT, encoding="utf-8")
    (project / "broken.txt").write_bytes(b"\x00\x01binary")
    result = invoke("check", "--diff", ".")
    assert result.exit_code == 2
    assert "replylint: broken.txt: binary file" in result.stderr
    assert "+Please send the form before Friday!" in result.stdout
    assert (project / "draft.txt").read_text(encoding="utf-8") == DRAFT


def test_files_a_walk_passes_over_are_not_errors_of_diff(project: Path) -> None:
    (project / "draft.txt").write_text(DRAFT, encoding="utf-8")
    (project / "package.json").write_text('{"name": "templates"}\n', encoding="utf-8")
    (project / "ci.yaml").write_text("on: [push\n", encoding="utf-8")  # broken, not ours
    result = invoke("check", "--diff", ".")
    assert (result.exit_code, result.stderr.count("replylint:")) == (1, 1), result.stderr


def test_standard_input_is_written_fixed_to_standard_output(project: Path) -> None:
    result = invoke("check", "--fix", "-", stdin=DRAFT)
    assert result.stdout == SAFE_FIXED
    assert result.exit_code == 0


def test_fix_keeps_mode_and_symbolic_link(project: Path) -> None:
    real = project / "real.txt"
    real.write_text(DRAFT, encoding="utf-8")
    os.chmod(real, 0o640)
    (project / "link.txt").symlink_to(real)
    invoke("check", "--fix", "link.txt")
    assert (project / "link.txt").is_symlink()
    assert real.read_text(encoding="utf-8") == SAFE_FIXED
    assert stat.S_IMODE(real.stat().st_mode) == 0o640


def test_a_link_out_of_the_working_tree_is_not_fixed(tmp_path: Path, project: Path) -> None:
    outside = tmp_path.parent / f"{tmp_path.name}-outside.txt"
    outside.write_text(DRAFT, encoding="utf-8")
    try:
        (project / "link.txt").symlink_to(outside)
        result = invoke("check", "--fix", "link.txt")
        assert outside.read_text(encoding="utf-8") == DRAFT
        assert "outside the working tree" in result.stderr and result.exit_code == 2
    finally:
        outside.unlink()


def test_a_failed_write_leaves_the_file_whole(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "draft.txt").write_text(DRAFT, encoding="utf-8")

    def full_disk(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    result = invoke("check", "--fix", "draft.txt")
    assert result.exit_code == 2
    assert "replylint: draft.txt: cannot write: No space left on device" in result.stderr
    assert (project / "draft.txt").read_text(encoding="utf-8") == DRAFT
    assert [p.name for p in project.iterdir() if p.name.endswith(".tmp")] == []


def _finding(start: int, end: int, code: str, replacement: str, safe: bool = True) -> Finding:
    return Finding(
        "-", 1, start + 1, code, 1, end + 1, start, end, "x", Severity.WARNING,
        Category.TONE, "m", "t", fix=Fix(replacement, safe),
    )  # fmt: skip


def test_overlapping_fixes_are_chosen_deterministically() -> None:
    wide = _finding(0, 10, "RL702", "A", safe=False)
    inner = _finding(3, 6, "RL202", "B")
    later = _finding(8, 12, "RL201", "C")
    same_start = _finding(0, 4, "RL201", "D")
    for order in ([wide, inner, later, same_start], [same_start, later, inner, wide]):
        assert chosen_fixes(order, unsafe=True) == [wide]
        assert chosen_fixes(order) == [same_start, later]
    assert apply_edits("0123456789AB", [(8, 12, "C"), (0, 4, "D")]) == "D4567C"


@pytest.mark.parametrize(
    ("original", "replacement", "expected"),
    [
        ("Kindly", "please", "Please"),
        ("KINDLY", "please", "PLEASE"),
        ("BTW", "by the way", "By the way"),
        ("kindly", "please", "please"),
    ],
)
def test_replacements_take_the_case_of_the_flagged_words(
    original: str, replacement: str, expected: str
) -> None:
    assert cased_like(original, replacement) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("As per our policy, refunds take 5 days.", "Under our policy, refunds take 5 days."),
        ("As per my last email, it ships Monday.", "As in my last email, it ships Monday."),
        ("As per your request, I cancelled it.", None),  # no single right reading
        ("I kindly request your order number.", None),  # "I please request" is wrong
        ("Could you kindly send the receipt?", "Could you please send the receipt?"),
        ("Thank you kindly for the photos.", None),
        ("We are in receipt of your claim.", "We have received your claim."),
        ("The engineer commenced work today.", "The engineer started work today."),
    ],
)
def test_lexicon_fix_rules(text: str, expected: str | None) -> None:
    from replylint.cli.api import lint_text

    result = lint_text(text, config={"languagetool": {"server": "off"}})
    stiff = [f for f in result.findings if f.code == "RL201"]
    assert stiff, "the phrase is flagged either way"
    if expected is None:
        assert all(f.fix is None for f in stiff)
    else:
        assert result.fixed() == expected


def test_checks_and_explain_show_fixability() -> None:
    records = json.loads(invoke("checks", "--format", "json").stdout)
    fixes = {r["name"]: r["fixes"] for r in records}
    assert fixes["stiff-formal"] == ["safe", "unsafe"]
    assert fixes["canned-phrasing"] == ["unsafe"]
    assert fixes["negative-wording"] == []
    assert "Fix" in invoke("checks").stdout
    explained = invoke("explain", "stiff-formal").stdout
    assert "Fixes" in explained and "--fix applies it" in explained
    assert invoke("checks", "--format", "xml").exit_code == 2


def test_concise_format_is_one_line_per_finding(project: Path) -> None:
    (project / "draft.txt").write_text(DRAFT, encoding="utf-8")
    lines = invoke("check", "--format", "concise", "draft.txt").stdout.splitlines()
    assert lines[0] == (
        "draft.txt:3:1: RL201 [warning] 'Kindly' sounds stiff (and, to many readers, bossy)"
    )
    assert len(lines) == 6  # five findings and the summary line
    assert lines[-1].startswith("1 file · 1 reply · 5 findings")
