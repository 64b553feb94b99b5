"""Macro libraries: JSON, YAML and CSV files holding many replies, each linted on its own.

Built in: the Zendesk macros export (``macros[].actions[]`` whose ``field`` is
``comment_value`` or ``comment_value_html``; also ``{"macro": {...}}`` and a bare list of
macros). Any other layout is described by the ``macros:`` config key::

    macros:
      records: "$.templates[*]"   # JSONPath subset, see cli/inputs/jsonpath.py
      text: body                  # field of a record holding the reply
      id: id                      # optional
      title: title                # optional
      markup: auto                # auto | text | html | markdown
      files: ["macros/**/*.yaml"] # optional: the files this applies to (and walks include)

Each reply is placed at its own line in the file (see cli/inputs/documents.py).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from replylint.checks import Reply
from replylint.cli.inputs.documents import ValueLocator, parse_csv, parse_json, parse_yaml
from replylint.cli.inputs.jsonpath import JsonPath, Location, parse_path
from replylint.cli.inputs.markdown import markdown_masks
from replylint.cli.inputs.markup import Locator, NotHtml, html_reply
from replylint.cli.inputs.targets import InputError, InputProblem, NotALibrary, Source

SPEC_KEYS = ("records", "text", "id", "title", "markup", "files")
MARKUPS = ("auto", "text", "html", "markdown")
LOOKS_LIKE_HTML = re.compile(r"<(?:p|br|div|span|a|b|strong|em|i|ul|ol|li|table|h[1-6])\b[^<>]*>")
CSV_TEXT_COLUMNS = ("text", "body", "content", "message", "reply", "comment_value")
CSV_ID_COLUMNS = ("id",)
CSV_TITLE_COLUMNS = ("title", "name", "subject")
ZENDESK_FIELDS = ("comment_value", "comment_value_html")


@dataclass(frozen=True, slots=True)
class MacroSpec:
    """Where the replies are in a library file: records, their text, id and title fields."""

    records: JsonPath
    text: JsonPath
    id: JsonPath | None = None
    title: JsonPath | None = None
    markup: str = "auto"
    files: tuple[str, ...] = ()


def parse_macros_setting(value: Any) -> tuple[MacroSpec, ...]:
    """Validate the ``macros:`` config key (one mapping or a list); ValueError with a reason."""
    items = value if isinstance(value, list) else [value]
    specs = []
    for number, item in enumerate(items):
        where = f"[{number}] " if isinstance(value, list) else ""
        if not isinstance(item, dict):
            raise ValueError(f"{where}expected a mapping with records and text")
        unknown = [k for k in item if k not in SPEC_KEYS]
        if unknown:
            raise ValueError(f"{where}unknown key {unknown[0]!r} (use {', '.join(SPEC_KEYS)})")
        for required in ("records", "text"):
            if required not in item:
                raise ValueError(f"{where}missing {required!r}")
        markup = item.get("markup", "auto")
        if markup not in MARKUPS:
            raise ValueError(f"{where}markup: expected one of {', '.join(MARKUPS)}")
        files = item.get("files", [])
        files = [files] if isinstance(files, str) else files
        if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
            raise ValueError(f"{where}files: expected a list of globs")
        try:
            specs.append(
                MacroSpec(
                    records=parse_path(item["records"]),
                    text=_field(item["text"]),
                    id=_field(item["id"]) if item.get("id") is not None else None,
                    title=_field(item["title"]) if item.get("title") is not None else None,
                    markup=markup,
                    files=tuple(files),
                )
            )
        except ValueError as error:
            raise ValueError(f"{where}{error}") from None
    return tuple(specs)


def _field(value: Any) -> JsonPath:
    path = parse_path(str(value) if isinstance(value, int | str) else value, relative=True)
    if not path.is_single:
        raise ValueError(f"{value!r}: a field path selects one value (no [*])")
    return path


# -- records -> replies --------------------------------------------------------------------
def _zendesk_macros(data: Any) -> list[tuple[Location, Any]] | None:
    if isinstance(data, dict) and isinstance(data.get("macros"), list):
        return [(("macros", i), m) for i, m in enumerate(data["macros"])]
    if isinstance(data, dict) and isinstance(data.get("macro"), dict):
        return [(("macro",), data["macro"])]
    if (
        isinstance(data, list)
        and data
        and all(isinstance(m, dict) and isinstance(m.get("actions"), list) for m in data)
    ):
        return [((index,), macro) for index, macro in enumerate(data)]
    return None


def _label(title: Any, identifier: Any, number: int) -> str:
    if title is not None:
        return f"macro {str(title)!r}" + (f" ({identifier})" if identifier is not None else "")
    return f"macro {identifier}" if identifier is not None else f"record {number + 1}"


def _zendesk_replies(
    macros: list[tuple[Location, Any]], source: Source, locate: ValueLocator
) -> Iterator[Reply | InputError]:
    for number, (location, macro) in enumerate(macros):
        if not isinstance(macro, dict):
            yield InputError(source.name, f"record {number + 1}: a macro must be an object")
            continue
        title, identifier = macro.get("title"), macro.get("id")
        label = _label(title, identifier, number)
        actions = macro.get("actions")
        actions = actions if isinstance(actions, list) else []
        comments = [
            (i, a)
            for i, a in enumerate(actions)
            if isinstance(a, dict) and a.get("field") in ZENDESK_FIELDS
        ]
        if not comments:
            continue  # a macro that only sets fields (status, tags) writes no reply
        # Plain and HTML versions of one comment are the same reply: lint the plain one.
        index, action = min(comments, key=lambda c: ZENDESK_FIELDS.index(c[1]["field"]))
        value_location: Location = (*location, "actions", index, "value")
        value = action.get("value")
        if isinstance(value, list) and len(value) == 2 and isinstance(value[1], str):
            value, value_location = value[1], (*value_location, 1)  # [channel, text]
        if not isinstance(value, str) or not value.strip():
            yield InputError(source.name, f"{label}: {action['field']} has no reply text")
            continue
        markup = "html" if action["field"] == "comment_value_html" else "text"
        yield _reply(value, markup, source, locate(value_location, value), identifier, title)


def _spec_replies(
    spec: MacroSpec, data: Any, source: Source, locate: ValueLocator, first_row: int | None = None
) -> Iterator[Reply | InputError]:
    """The records' replies; ``first_row``: the number of the first record (a CSV row counts
    the header as row 1), which names a record that has neither id nor title."""
    records = list(spec.records.select(data))
    if not records:
        raise NotALibrary(f"no records at {spec.records.text} (from the macros: setting)")
    for number, (location, record) in enumerate(records):
        identifier = _scalar(spec.id, record, location)
        title = _scalar(spec.title, record, location)
        label = _label(title, identifier, number)
        found = spec.text.first(record, location)
        if found is None or not isinstance(found[1], str):
            problem = "is not text" if found is not None else "is missing"
            yield InputError(source.name, f"{label}: text field {spec.text.text!r} {problem}")
            continue
        text_location, text = found
        if not text.strip():
            yield InputError(source.name, f"{label}: text field {spec.text.text!r} is empty")
            continue
        row = None
        if first_row is not None and identifier is None and title is None:
            row = first_row + number
        reply = _reply(text, spec.markup, source, locate(text_location, text), identifier, title)
        if isinstance(reply, Reply):
            reply.row = row
        yield reply


def _scalar(path: JsonPath | None, record: Any, location: Location) -> str | None:
    found = path.first(record, location) if path is not None else None
    if found is None or found[1] is None or isinstance(found[1], dict | list):
        return None
    return str(found[1])


def _reply(
    text: str,
    markup: str,
    source: Source,
    locate: Locator,
    identifier: Any,
    title: Any,
) -> Reply | InputError:
    reply_id = None if identifier is None else str(identifier)
    name = None if title is None else str(title)
    if markup == "html" or (markup == "auto" and LOOKS_LIKE_HTML.search(text)):
        try:
            return html_reply(text, source.name, locate, reply_id=reply_id, title=name)
        except NotHtml:
            pass  # an HTML field holding plain text (no tags) is linted as text
        except InputProblem as error:
            return InputError(source.name, f"{_label(title, identifier, 0)}: {error}")
    masks = markdown_masks(text) if markup == "markdown" else None
    return Reply(
        text, source.name, reply_id=reply_id, title=name, extra_masks=masks, locator=locate
    )


def _library_replies(
    source: Source,
    parse: Callable[[str], tuple[Any, ValueLocator]],
    default: MacroSpec | None,
    spec: MacroSpec | None,
    first_row: int | None = None,
) -> Iterator[Reply | InputError]:
    try:
        data, locate = parse(source.text)
    except InputProblem as error:
        if not source.claimed:
            raise NotALibrary(str(error)) from None
        raise
    if spec is None:
        macros = _zendesk_macros(data)
        if macros is not None:
            yield from _zendesk_replies(macros, source, locate)
            return
        spec = default
    if spec is None:
        raise NotALibrary(
            "not a macro library: no Zendesk macros here, and no macros: setting in the config "
            "says where the replies are"
        )
    yield from _spec_replies(spec, data, source, locate, first_row)


def read_json(source: Source) -> Iterator[Reply | InputError]:
    """A JSON macro library: a Zendesk export, or records named by the macros: setting."""
    yield from _library_replies(
        source, parse_json, None, source.settings.get("macros"), first_row=1
    )


def read_yaml(source: Source) -> Iterator[Reply | InputError]:
    """A YAML template library: records named by the macros: setting (or Zendesk-shaped)."""
    yield from _library_replies(
        source, parse_yaml, None, source.settings.get("macros"), first_row=1
    )


def read_csv(source: Source) -> Iterator[Reply | InputError]:
    """A CSV library: one reply per row (text column from macros:, else text/body/...)."""
    default = None
    try:
        header = next(csv.reader(io.StringIO(source.text, newline="")), [])
    except csv.Error:
        header = []
    columns = {h.strip().lower(): h.strip() for h in header}
    text_column = next((columns[c] for c in CSV_TEXT_COLUMNS if c in columns), None)
    if text_column is not None:
        id_column = next((columns[c] for c in CSV_ID_COLUMNS if c in columns), None)
        title_column = next((columns[c] for c in CSV_TITLE_COLUMNS if c in columns), None)
        default = MacroSpec(
            records=parse_path("$[*]"),
            text=parse_path(f"$['{text_column}']"),
            id=parse_path(f"$['{id_column}']") if id_column else None,
            title=parse_path(f"$['{title_column}']") if title_column else None,
        )
    # A CSV found in a folder walk is a library only when the config claims it (macros.files);
    # a macros: setting without files describes JSON/YAML records, not CSV rows.
    spec = source.settings.get("macros") if source.settings.get("macros_by_files") else None
    # Rows are numbered as a spreadsheet shows them: the header is row 1.
    yield from _library_replies(
        source, parse_csv, default if source.claimed else None, spec, first_row=2
    )


def spec_for(
    specs: tuple[MacroSpec, ...], matches: Callable[[tuple[str, ...]], bool]
) -> tuple[MacroSpec | None, bool]:
    """The spec that applies to a file and whether the file is claimed by its ``files`` globs."""
    for spec in specs:
        if spec.files and matches(spec.files):
            return spec, True
    for spec in specs:
        if not spec.files:
            return spec, False
    return None, False


def settings_for(
    extra: Mapping[str, Any], matches: Callable[[tuple[str, ...]], bool]
) -> tuple[dict[str, Any], bool]:
    """Reader settings for a file from the config's extra keys, and whether it is claimed."""
    spec, claimed = spec_for(tuple(extra.get("macros", ())), matches)
    return {"macros": spec, "macros_by_files": claimed}, claimed
