"""Library documents: JSON, YAML and CSV parsed into data, plus where each string value sits.

Each parser returns the data and a ``ValueLocator``: given a value's location (its path of keys
and indexes) and the value, a function from offsets in that value to line and column in the
file. JSON is exact (string literals are scanned in document order, escapes decoded one by
one); YAML uses the node's marks (exact for one-line and ``|`` block values, the first content
line for folded ones); CSV uses the row's line.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from typing import Any

import yaml

from replylint.cli.inputs.jsonpath import Location
from replylint.cli.inputs.markup import Locator, line_locator
from replylint.cli.inputs.targets import InputProblem
from replylint.config.load import MAX_EXPANDED_VALUES, yaml_problem

ValueLocator = Callable[[Location, str], Locator]
JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)


class _Pairs(list[tuple[str, Any]]):
    """An object's members in file order (duplicate keys kept, so string literals line up)."""


# Deeper than any macro export; the parsers recurse per level, so far deeper input would end
# in Python's recursion limit instead of this one-line error.
MAX_DEPTH = 100


def parse_json(text: str) -> tuple[Any, ValueLocator]:
    """JSON data and a locator for its string values (exact line and column)."""
    try:
        raw = json.loads(text, object_pairs_hook=_Pairs)
    except json.JSONDecodeError as error:
        raise InputProblem(f"invalid JSON at line {error.lineno}: {error.msg}") from None
    except RecursionError:
        raise InputProblem(f"JSON nests deeper than {MAX_DEPTH} levels") from None
    literals = iter(m.start() for m in JSON_STRING.finditer(text))
    positions: dict[Location, int] = {}

    def rebuild(value: Any, location: Location) -> Any:
        if len(location) > MAX_DEPTH:
            raise InputProblem(f"JSON nests deeper than {MAX_DEPTH} levels")
        if isinstance(value, _Pairs):
            result = {}
            for key, item in value:
                next(literals, None)  # the key's literal
                result[key] = rebuild(item, (*location, key))
            return result
        if isinstance(value, list):
            return [rebuild(item, (*location, index)) for index, item in enumerate(value)]
        if isinstance(value, str):
            positions[location] = next(literals, -1)
        return value

    data = rebuild(raw, ())
    locate_file = line_locator(text)

    def locate(location: Location, value: str) -> Locator:
        start = positions.get(location, -1)
        if start < 0:
            return line_locator(value)
        origins = _json_literal_origins(text, start)
        return lambda offset: locate_file(origins[min(offset, len(origins) - 1)])

    return data, locate


def _json_literal_origins(text: str, start: int) -> list[int]:
    """For each decoded character of the literal at ``start``, its offset in ``text``."""
    origins: list[int] = []
    position = start + 1
    while position < len(text) and text[position] != '"':
        origins.append(position)
        if text[position] != "\\":
            position += 1
        elif text[position + 1] == "u":
            high = int(text[position + 2 : position + 6], 16)
            pair = 0xD800 <= high < 0xDC00 and text.startswith("\\u", position + 6)
            position += 12 if pair else 6
        else:
            position += 2
    origins.append(position)  # the closing quote: where a span ending the value ends
    return origins


def parse_yaml(text: str) -> tuple[Any, ValueLocator]:
    """YAML data (safe loader) and a locator for string values by their node's position."""
    try:
        loader = yaml.SafeLoader(text)  # its reader refuses control characters right here
        try:
            node = loader.get_single_node()
            if node is not None:
                _refuse_alias_bombs(node)
            positions: dict[Location, yaml.ScalarNode] = {}
            data = _yaml_value(node, (), positions, loader, {}) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        line, problem = yaml_problem(error, text)
        raise InputProblem(f"invalid YAML{f' at line {line}' if line else ''}: {problem}") from None
    except RecursionError:  # PyYAML's parser recurses once per level of "[[[…" or "- - - …"
        raise InputProblem(f"YAML nests deeper than {MAX_DEPTH} levels") from None
    lines = text.splitlines()

    def locate(location: Location, value: str) -> Locator:
        scalar = positions.get(location)
        if scalar is None:
            return line_locator(value)
        line, column = scalar.start_mark.line, scalar.start_mark.column
        if scalar.style in ("|", ">"):
            content = next((n for n in range(line + 1, len(lines)) if lines[n].strip()), line + 1)
            indent = (
                len(lines[content]) - len(lines[content].lstrip(" ")) if content < len(lines) else 0
            )
            if scalar.style == "|":
                return line_locator(value, line + 2, indent + 1, indent)
            return lambda offset: (content + 1, indent + 1)
        if scalar.end_mark.line == line:
            return line_locator(value, line + 1, column + 1 + (1 if scalar.style else 0))
        return lambda offset: (line + 1, column + 1)

    return data, locate


def _refuse_alias_bombs(root: yaml.Node) -> None:
    """Refuse aliases that multiply the document (the limit config YAML has, see config.load).

    Values are built once per node, but everything reading them (record paths such as
    ``$..body``, every reply made of them) sees each alias as a full copy: a 352-byte file of
    nested aliases reached 7.9 GB (issue 15). Aliases may add at most MAX_EXPANDED_VALUES
    values to those the file itself holds, and may not refer to a collection they are in.
    """
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()

    def size(node: yaml.Node) -> int:
        if id(node) in open_nodes:
            raise InputProblem(
                f"invalid YAML at line {node.start_mark.line + 1}: an alias refers to a "
                "collection it is in"
            )
        if id(node) in sizes:
            return sizes[id(node)]
        open_nodes.add(id(node))
        total = 1
        if isinstance(node, yaml.MappingNode):
            total += sum(size(key) + size(value) for key, value in node.value)
        elif isinstance(node, yaml.SequenceNode):
            total += sum(size(item) for item in node.value)
        open_nodes.discard(id(node))
        if total > len(sizes) + 1 + MAX_EXPANDED_VALUES:  # far more than the file holds
            raise InputProblem(
                f"invalid YAML at line {node.start_mark.line + 1}: aliases expand to over "
                f"{MAX_EXPANDED_VALUES:,} values more than the file holds"
            )
        sizes[id(node)] = total
        return total

    size(root)


def _yaml_value(
    node: yaml.Node,
    location: Location,
    positions: dict[Location, yaml.ScalarNode],
    loader: yaml.SafeLoader,
    built: dict[int, Any],
) -> Any:
    # An alias reuses the value built for its anchor: no re-expansion, so "billion laughs"
    # documents stay linear (their aliased copies are located at the anchor, if at all).
    if id(node) in built:
        return built[id(node)]
    if len(location) > MAX_DEPTH:
        raise InputProblem(f"YAML nests deeper than {MAX_DEPTH} levels")
    result: Any
    if isinstance(node, yaml.MappingNode):
        result = built[id(node)] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            key = key if isinstance(key, str | int) else str(key)
            result[key] = _yaml_value(value_node, (*location, key), positions, loader, built)
        return result
    if isinstance(node, yaml.SequenceNode):
        result = built[id(node)] = []
        for index, item in enumerate(node.value):
            result.append(_yaml_value(item, (*location, index), positions, loader, built))
        return result
    result = built[id(node)] = loader.construct_object(node, deep=True)
    if isinstance(result, str) and isinstance(node, yaml.ScalarNode):
        positions[location] = node
    return result


def parse_csv(text: str) -> tuple[Any, ValueLocator]:
    """CSV rows as mappings by header, each value placed at its row's line."""
    rows: list[dict[str, str]] = []
    row_lines: list[int] = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if not header or not any(h.strip() for h in header):
            raise InputProblem("CSV has no header row")
        names = [h.strip() for h in header]
        line = reader.line_num + 1
        for row in reader:
            if any(cell.strip() for cell in row):
                if len(row) > len(names):
                    raise InputProblem(f"CSV row at line {line} has more cells than the header")
                rows.append(dict(zip(names, row, strict=False)))
                row_lines.append(line)
            line = reader.line_num + 1
    except csv.Error as error:
        raise InputProblem(f"invalid CSV at line {reader.line_num}: {error}") from None
    lines = text.splitlines()

    def locate(location: Location, value: str) -> Locator:
        row_line = row_lines[int(location[0])] if location and isinstance(location[0], int) else 1
        first = value.split("\n", 1)[0]
        found = lines[row_line - 1].find(first) if first and row_line <= len(lines) else -1
        return line_locator(value, row_line, found + 1 if found >= 0 else 1)

    return rows, locate
