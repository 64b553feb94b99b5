"""Macro libraries: Zendesk exports, JSONPath-configured JSON/YAML, CSV; one reply per macro."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from inputs_support import errors, findings, invoke, lint_json, make_project

from replylint.cli.inputs.jsonpath import parse_path
from replylint.cli.inputs.libraries import parse_macros_setting


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_project(tmp_path, monkeypatch)


def zendesk(*macros: dict[str, object]) -> dict[str, object]:
    return {"macros": list(macros), "count": len(macros)}


def comment(text: object, field: str = "comment_value") -> dict[str, object]:
    return {"field": field, "value": text}


REFUND = {
    "id": 101,
    "title": "Refund refused",
    "actions": [{"field": "status", "value": "solved"}, comment("Hi,\n\nUnfortunately no.")],
}
HTML = {
    "id": 102,
    "title": "Late parcel",
    "actions": [comment(["channel:all", "<p>Hi,</p><p>Sadly we can't.</p>"], "comment_value_html")],
}
TAGS_ONLY = {"id": 103, "title": "Tag spam", "actions": [{"field": "set_tags", "value": "spam"}]}


def test_zendesk_export_each_macro_is_a_reply_with_its_line(project: Path) -> None:
    text = json.dumps(zendesk(REFUND, HTML, TAGS_ONLY), indent=2)
    (project / "macros.json").write_text(text, encoding="utf-8")
    document, result = lint_json("macros.json")
    assert result.exit_code == 1
    replies = document["files"][0]["replies"]
    assert [(r["title"], r["id"]) for r in replies] == [
        ("Refund refused", "101"),
        ("Late parcel", "102"),
    ]
    lines = text.splitlines()
    for _path, _title, line, column, flagged in findings(document):
        raw = lines[line - 1]
        assert raw[column - 1 : column - 1 + len(flagged)] == flagged


def test_json_positions_are_exact_through_escapes(project: Path) -> None:
    value = 'Caf\u00e9 \\"x\\" \\ud83d\\ude00 Unfortunately\\nwe can\\u2019t.'
    raw = '{"macro": {"id": 7, "title": "T", "actions": [{"field": "comment_value", "value": "'
    (project / "one.json").write_text(raw + value + '"}]}}\n', encoding="utf-8")
    document, _ = lint_json("one.json")
    line = (raw + value).splitlines()[0]
    located = [(f[2], f[3], f[4]) for f in findings(document)]
    assert located[0] == (1, line.index("Unfortunately") + 1, "Unfortunately")
    assert located[1] == (1, line.index("can\\u2019t") + 1, "can’t")


@pytest.mark.parametrize(
    "shape",
    [
        lambda m: {"macro": m},
        lambda m: [m],
        lambda m: {"macros": [m]},
    ],
    ids=["single", "bare-list", "export"],
)
def test_zendesk_shapes(project: Path, shape) -> None:  # type: ignore[no-untyped-def]
    (project / "m.json").write_text(json.dumps(shape(REFUND)), encoding="utf-8")
    document, _ = lint_json("m.json")
    assert findings(document)[0][1] == "Refund refused"


def test_report_labels_and_worst_macros(project: Path) -> None:
    (project / "macros.json").write_text(json.dumps(zendesk(REFUND, HTML)), encoding="utf-8")
    result = invoke("check", "macros.json", "--select", "RL999", "--no-color")
    assert "macros.json › Refund refused (101)" in result.stdout
    assert "Worst macros in macros.json:" in result.stdout
    document, _ = lint_json("macros.json")
    worst = document["summary"]["worst_macros"]["macros.json"]
    assert {w["reply"] for w in worst} == {
        "macros.json › Refund refused (101)",
        "macros.json › Late parcel (102)",
    }


TEMPLATES = """\
templates:
  - title: Late parcel
    id: late-1
    body: |
      Hi there,

      Unfortunately your parcel is late.
  - title: Short
    body: "Sorry, we can't do that."
  - title: Folded
    body: >
      Unfortunately this
      is folded.
  - title: No text
"""
CONFIG = """\
macros:
  records: "$.templates[*]"
  text: body
  id: id
  title: title
  files: ["templates/*.yaml"]
"""


def test_yaml_library_from_config_with_node_lines(project: Path) -> None:
    (project / ".replylint.yaml").write_text(CONFIG, encoding="utf-8")
    (project / "templates").mkdir()
    (project / "templates" / "support.yaml").write_text(TEMPLATES, encoding="utf-8")
    document, result = lint_json(".")
    assert result.exit_code == 2  # the record without text
    assert findings(document) == [
        ("templates/support.yaml", "Late parcel", 7, 7, "Unfortunately"),
        ("templates/support.yaml", "Short", 9, 22, "can't"),
        ("templates/support.yaml", "Folded", 12, 7, "Unfortunately"),
    ]
    assert errors(document) == {
        "templates/support.yaml": ["macro 'No text': text field 'body' is missing"]
    }
    assert "replylint: templates/support.yaml: macro 'No text'" in result.stderr


def test_generic_json_with_nested_fields_and_html_bodies(project: Path) -> None:
    (project / ".replylint.yaml").write_text(
        'macros:\n  records: "$.data.items[*]"\n  text: content.body\n  title: name\n',
        encoding="utf-8",
    )
    data = {
        "data": {
            "items": [
                {"name": "A", "content": {"body": "<p>Unfortunately, no.</p>"}},
                {"name": "B", "content": {"body": "All good, it ships today."}},
            ]
        }
    }
    (project / "export.json").write_text(json.dumps(data, indent=1), encoding="utf-8")
    document, _ = lint_json("export.json")
    assert [(f[1], f[4]) for f in findings(document)] == [("A", "Unfortunately")]


def test_csv_rows_with_default_columns_and_row_lines(project: Path) -> None:
    (project / "macros.csv").write_text(
        'id,title,body\n7,Short,"Unfortunately, no."\n8,Multi,"Hi,\n\nWe cannot do it."\n',
        encoding="utf-8",
    )
    document, _ = lint_json("macros.csv")
    assert findings(document) == [
        ("macros.csv", "Short", 2, 10, "Unfortunately"),
        ("macros.csv", "Multi", 5, 4, "cannot"),
    ]


def test_stdin_filename_picks_the_library_format(project: Path) -> None:
    document, _ = lint_json("-", "--stdin-filename", "m.json", stdin=json.dumps(zendesk(REFUND)))
    assert findings(document)[0][:2] == ("m.json", "Refund refused")
    document, _ = lint_json("-", "--stdin-filename", "x.csv", stdin="text\nUnfortunately.\n")
    assert findings(document)[0][0] == "x.csv"


def test_folder_walk_reads_only_libraries(project: Path) -> None:
    (project / "package.json").write_text('{"name": "site", "version": "1.0.0"}', "utf-8")
    (project / "broken.json").write_text("{not json", "utf-8")
    (project / "data.csv").write_text("message\nUnfortunately not a macro.\n", "utf-8")
    (project / "ci.yml").write_text("jobs: {test: {runs-on: ubuntu}}\n", "utf-8")
    (project / "macros.json").write_text(json.dumps(zendesk(REFUND)), "utf-8")
    document, result = lint_json(".")
    assert result.exit_code == 1
    assert [f["path"] for f in document["files"]] == ["macros.json"]
    # Named on the command line, the same files are read, and say why they are not libraries.
    document, result = lint_json("package.json", "broken.json", "data.csv")
    assert result.exit_code == 2
    assert "not a macro library" in errors(document)["package.json"][0]
    assert "invalid JSON at line 1" in errors(document)["broken.json"][0]
    assert "data.csv" not in errors(document)  # explicit CSV: the message column is the text


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ({"records": "templates[*]", "text": "body"}, "starts with '$'"),
        ({"records": "$.a[?(@.x)]", "text": "body"}, "cannot read"),
        ({"records": "$.a[*]"}, "missing 'text'"),
        ({"records": "$.a[*]", "text": "x[*]"}, "selects one value"),
        ({"records": "$.a[*]", "text": "b", "colour": 1}, "unknown key 'colour'"),
        ({"records": "$.a[*]", "text": "b", "markup": "rtf"}, "markup: expected one of"),
        ("records", "expected a mapping"),
    ],
)
def test_macros_setting_is_validated_at_config_load(
    project: Path, setting: object, message: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_macros_setting(setting)
    import yaml

    (project / ".replylint.yaml").write_text(yaml.safe_dump({"macros": setting}), "utf-8")
    (project / "a.txt").write_text("Fine.", "utf-8")
    result = invoke("check", "a.txt")
    assert result.exit_code == 2
    assert ".replylint.yaml:1: macros" in result.stderr and message in result.stderr


def test_jsonpath_subset() -> None:
    data = {"a": [{"b": 1}, {"b": 2}, {"c": 3}], "d e": {"x": "y"}}
    assert [v for _, v in parse_path("$.a[*].b").select(data)] == [1, 2]
    assert [loc for loc, _ in parse_path("$.a[-1].c").select(data)] == [("a", 2, "c")]
    assert [v for _, v in parse_path("$['d e'].*").select(data)] == ["y"]
    assert [v for _, v in parse_path("$").select(data)] == [data]
    assert parse_path("b", relative=True).first({"b": 5}) == (("b",), 5)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.json", '{"macros": [', "invalid JSON at line 1"),
        ("deep.json", '{"macros": ' + "[" * 5000 + "]" * 5000 + "}", "JSON nests deeper than 100"),
        ("flow.yaml", "templates: " + "[" * 5000 + "]" * 5000 + "\n", "YAML nests deeper than 100"),
        ("bad.yaml", "templates:\n  - body: [unclosed\n", "invalid YAML at line"),
        (
            "bell.yaml",
            "templates:\n  - body: fine\n  - body: ring \x07 ring\n",
            "invalid YAML at line 3: unacceptable character #x0007",
        ),
        (
            "two.yaml",
            "templates:\n  - body: one\n---\ntemplates: []\n",
            "invalid YAML at line 3: expected a single document in the stream, but found another",
        ),
        ("bad.csv", 'id,body\n1,"ok",extra,more\n', "more cells than the header"),
        ("empty-header.csv", "\n\n1,2\n", "CSV has no header row"),
        (
            "notext.json",
            json.dumps({"macro": {"title": "T", "actions": [comment(None)]}}),
            "macro 'T': comment_value has no reply text",
        ),
    ],
)
def test_broken_libraries_are_one_line_errors(
    project: Path, name: str, content: str, message: str
) -> None:
    (project / ".replylint.yaml").write_text(
        'macros:\n  records: "$.templates[*]"\n  text: body\n  files: ["*.yaml"]\n', "utf-8"
    )
    (project / name).write_text(content, encoding="utf-8")
    (project / "ok.txt").write_text("Unfortunately.", encoding="utf-8")
    document, result = lint_json(name, "ok.txt")
    assert result.exit_code == 2
    assert message in errors(document)[name][0]
    assert findings(document) == [("ok.txt", None, 1, 1, "Unfortunately")]
    assert len([line for line in result.stderr.splitlines() if line]) == 1


def test_yaml_alias_bomb_is_refused_when_parsed(project: Path) -> None:
    lines = ['a0: &a0 ["Unfortunately no."]']
    lines += [f"a{i}: &a{i} [{', '.join(['*a' + str(i - 1)] * 9)}]" for i in range(1, 12)]
    lines += ["templates:", "  - body: *a0", "    title: T"]
    (project / ".replylint.yaml").write_text(
        'macros:\n  records: "$.templates[*]"\n  text: body[0]\n  title: title\n', "utf-8"
    )
    (project / "bomb.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # Refused when parsed (issue 15), even though these records never read the bomb: a
    # records path such as $..body would see every copy.
    document, result = lint_json("bomb.yaml")
    assert result.exit_code == 2 and "aliases expand to over 100,000 values" in result.stderr
    assert findings(document) == []


def test_walked_oversized_json_is_passed_over(project: Path) -> None:
    (project / ".replylint.yaml").write_text("max-file-size: 100\n", "utf-8")
    (project / "package-lock.json").write_text('{"x": "' + "y" * 200 + '"}', "utf-8")
    (project / "a.txt").write_text("Unfortunately.", "utf-8")
    document, result = lint_json(".")
    assert result.exit_code == 1
    assert [f["path"] for f in document["files"]] == ["a.txt"]


def test_html_field_holding_plain_text_is_linted_as_text(project: Path) -> None:
    macro = {"id": 9, "title": "P", "actions": [comment("Unfortunately no.", "comment_value_html")]}
    (project / "m.json").write_text(json.dumps({"macro": macro}), encoding="utf-8")
    document, result = lint_json("m.json")
    assert result.exit_code == 1
    assert [(f[1], f[4]) for f in findings(document)] == [("P", "Unfortunately")]
