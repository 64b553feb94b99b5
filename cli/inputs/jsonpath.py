"""The small JSONPath subset that names records and fields in macro libraries.

Supported: ``$`` (the document), ``.key`` or ``['key']``, ``[*]`` / ``.*`` (every item or
value) and ``[N]`` (one item, negative from the end). Field paths relative to a record may omit
the ``$.`` (``body``, ``content.text``). Nothing else: filters and recursive descent make paths
hard to read in a config file and are not needed for any export we know.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

STEP = re.compile(
    r"\.(?P<key>[A-Za-z_][\w\-]*)"
    r"|\.(?P<star>\*)"
    r"|\[(?P<all>\*)\]"
    r"|\[(?P<index>-?\d+)\]"
    r"|\[(?P<quote>['\"])(?P<quoted>.*?)(?P=quote)\]"
)
Location = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class JsonPath:
    """A parsed path: its steps (('key', name), ('index', n) or ('all', None)) and its text."""

    text: str
    steps: tuple[tuple[str, Any], ...]

    @property
    def is_single(self) -> bool:
        """Whether the path selects at most one value (no wildcard)."""
        return all(kind != "all" for kind, _ in self.steps)

    def select(self, data: Any, base: Location = ()) -> Iterator[tuple[Location, Any]]:
        """Every (location, value) the path selects in ``data``, in document order."""
        current: list[tuple[Location, Any]] = [(base, data)]
        for kind, argument in self.steps:
            current = [found for item in current for found in _step(kind, argument, *item)]
        yield from current

    def first(self, data: Any, base: Location = ()) -> tuple[Location, Any] | None:
        """The first value selected, or None."""
        return next(self.select(data, base), None)


def _step(kind: str, argument: Any, location: Location, value: Any) -> list[tuple[Location, Any]]:
    if kind == "key":
        if isinstance(value, dict) and argument in value:
            return [((*location, argument), value[argument])]
        return []
    if kind == "index":
        if isinstance(value, list) and -len(value) <= argument < len(value):
            index = argument % len(value)
            return [((*location, index), value[index])]
        return []
    if isinstance(value, dict):
        return [((*location, k), v) for k, v in value.items()]
    if isinstance(value, list):
        return [((*location, i), v) for i, v in enumerate(value)]
    return []


def parse_path(text: str, relative: bool = False) -> JsonPath:
    """Parse a path; ``relative`` allows a bare field name or dotted path. ValueError if bad."""
    if not isinstance(text, str) or not text.strip():
        raise ValueError("expected a path such as $.macros[*] or a field name")
    source = text.strip()
    if source.startswith("$"):
        rest = source[1:]
    elif relative:
        rest = "." + source
    else:
        raise ValueError(f"{text!r}: a records path starts with '$' (e.g. $.templates[*])")
    steps: list[tuple[str, Any]] = []
    position = 0
    while position < len(rest):
        match = STEP.match(rest, position)
        if match is None:
            raise ValueError(
                f"{text!r}: cannot read {rest[position:]!r} "
                "(supported: $, .key, ['key'], [*], .*, [N])"
            )
        if match["key"] is not None:
            steps.append(("key", match["key"]))
        elif match["quoted"] is not None:
            steps.append(("key", match["quoted"]))
        elif match["index"] is not None:
            steps.append(("index", int(match["index"])))
        else:
            steps.append(("all", None))
        position = match.end()
    return JsonPath(source, tuple(steps))
