"""Read a configuration file into a raw mapping plus the line of every key, following extends."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from replylint.checks import disk_cache


class ConfigError(Exception):
    """A configuration that cannot be used; str() is the message for the user.

    ``problems``: each problem as its own one-line message, in line order (a config's
    problems are reported all at once); a single problem when not given.
    """

    def __init__(self, message: str, problems: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.problems: tuple[str, ...] = tuple(problems) or (message,)


@dataclass(frozen=True, slots=True)
class RawConfig:
    """A parsed config file: the data, where it came from, and the line of each key path."""

    data: Mapping[str, Any]
    source: str
    lines: Mapping[tuple[str, ...], int] = field(default_factory=dict)
    path: Path | None = None  # the file read (None: defaults, command line)
    private: bool = False  # extended, and not named like a config: its values are never shown

    def where(self, path: tuple[str, ...]) -> str:
        """``file:line`` of a key path (the nearest known ancestor's line), for messages."""
        for depth in range(len(path), 0, -1):
            line = self.lines.get(path[:depth])
            if line is not None:
                return f"{self.source}:{line}"
        return self.source


DEFAULT_FILE = Path(__file__).parent / "default.yaml"


def read_default() -> RawConfig:
    """The packaged default settings (config/default.yaml)."""
    return _read_yaml(DEFAULT_FILE, "replylint defaults", "utf-8")


ENV_EXTENDS_ALLOW = "REPLYLINT_EXTENDS_ALLOW"


def read_config_file(
    path: Path, seen: tuple[Path, ...] = (), boundary: Path | None = None
) -> list[RawConfig]:
    """The file and the files it extends, most general first (so later ones override).

    ``extends`` stays inside ``boundary``: the repository (or discovery boundary) holding the
    first file, or a folder listed in $REPLYLINT_EXTENDS_ALLOW. A config committed in a pull
    request could otherwise read any file on the machine and echo it in its errors.
    """
    resolved = path.resolve()
    if resolved in seen:
        raise ConfigError(f"{path}: extends loops back to itself")
    private = bool(seen) and not named_like_a_config(path)
    with _content_hidden(str(path), private):
        raw = (
            parse_toml(_read_text(path, "utf-8-sig"), str(path))
            if path.name == "pyproject.toml"
            else _read_yaml(path, str(path), "utf-8-sig")
        )
    raw = RawConfig(raw.data, raw.source, raw.lines, path, private)
    parent = raw.data.get("extends")
    if parent is None or parent == "default":
        return [raw]
    with _content_hidden(raw.source, private):
        if not isinstance(parent, str) or "\0" in parent:  # a NUL cannot be in any path
            raise ConfigError(f"{raw.where(('extends',))}: extends: expected a path or 'default'")
    target = path.parent / parent
    boundary = boundary or extends_boundary(path)
    shown = "the named file" if private else parent
    problem = _outside(target, boundary) or _not_a_file(target)
    if problem:  # named at the extends line: the file that says it is the clue
        raise ConfigError(f"{raw.where(('extends',))}: extends: {shown}: {problem}")
    return [*read_config_file(target, (*seen, resolved), boundary), raw]


def named_like_a_config(path: Path) -> bool:
    """.replylint.yaml, pyproject.toml, or a YAML file with "replylint" in its name."""
    name = path.name.lower()
    return name in (".replylint.yaml", ".replylint.yml", "pyproject.toml") or (
        "replylint" in name and name.endswith((".yaml", ".yml"))
    )


def extends_boundary(config: Path) -> Path:
    """The folder ``extends`` may not leave: the repository root (a folder with ``.git``)
    or the home folder above the config, as discovery stops there; else its own folder."""
    folder = config.resolve().parent
    home = Path.home().resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists() or candidate == home:
            return candidate
    return folder


def _outside(target: Path, boundary: Path) -> str | None:
    real = target.resolve()
    allowed = [boundary] + [
        Path(folder).expanduser().resolve()
        for folder in os.environ.get(ENV_EXTENDS_ALLOW, "").split(os.pathsep)
        if folder.strip()
    ]
    if any(real.is_relative_to(folder) for folder in allowed):
        return None
    return (
        f"outside {boundary}, the repository of this config (list its folder in "
        f"${ENV_EXTENDS_ALLOW} to allow it)"
    )


@contextmanager
def _content_hidden(source: str, private: bool) -> Iterator[None]:
    """Re-raise a ConfigError of a private file as its file and line only."""
    try:
        yield
    except ConfigError as error:
        if not private:
            raise
        where = re.match(re.escape(source) + r"(?::\d+)?", str(error))
        raise ConfigError(
            f"{where.group() if where else source}: not a valid replylint config (its "
            "content is not shown: the file is not named like one, e.g. replylint.yaml)"
        ) from None


def hidden_if_private(raw: RawConfig) -> Any:
    """A context in which a ConfigError about ``raw`` names only its file and line."""
    return _content_hidden(raw.source, raw.private)


def _not_a_file(path: Path) -> str | None:
    """Why ``path`` cannot be read as a config file, or None when it is a file."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "config file not found"
    except OSError as error:  # a name too long, a loop of links, no permission
        return f"cannot read: {error.strerror or error}"
    if stat.S_ISDIR(mode):
        return "a folder, not a config file"
    return None if stat.S_ISREG(mode) else "not a regular file"


def _read_text(path: Path, encoding: str) -> str:
    try:
        return path.read_text(encoding=encoding)
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read config: {error}") from None


def _read_yaml(path: Path, source: str, encoding: str) -> RawConfig:
    """A YAML config file, parsed again only when it changed (see disk_cache)."""

    def load() -> dict[str, Any]:
        raw = parse_yaml(_read_text(path, encoding), source)
        return {"data": raw.data, "lines": [[list(k), line] for k, line in raw.lines.items()]}

    stored = disk_cache.remembered_parse(path, "config", load)
    lines = {tuple(key): line for key, line in stored["lines"]}
    return RawConfig(stored["data"], source, lines)


def parse_yaml(text: str, source: str) -> RawConfig:
    """Parse YAML safely (yaml.SafeLoader only) and record the line of every mapping key."""
    import yaml  # deferred: parsed configs are usually read from the cache

    try:
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
            lines: dict[tuple[str, ...], int] = {}
            if node is not None:
                _record_lines(node, (), lines, source, {}, set())
            data = loader.construct_document(node) if node is not None else {}
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        line, problem = yaml_problem(error, text)
        where = f"{source}:{line}" if line else source
        raise ConfigError(f"{where}: invalid YAML: {problem}") from None
    except RecursionError:  # PyYAML's parser recurses once per level of nesting
        raise ConfigError(f"{source}: invalid YAML: nested too deeply") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: expected a mapping of settings at the top level")
    return RawConfig(data, source, lines)


def yaml_problem(error: Exception, text: str) -> tuple[int | None, str]:
    """The line (1-based, if known) and the one-line problem of a PyYAML error: a parser
    error carries a mark, a reader error (a control character) only an offset into ``text``."""
    mark = getattr(error, "problem_mark", None)
    position = getattr(error, "position", None)
    if mark is not None:
        line: int | None = mark.line + 1
    elif isinstance(position, int):
        line = text.count("\n", 0, position) + 1
    else:
        line = None
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    context = getattr(error, "context", None)
    if context and problem.startswith("but "):  # "but found another document" needs its first half
        problem = f"{context}, {problem}"
    return line, problem


# Settings that aliases expand to, at most: a config is small, and nested aliases ("billion
# laughs") would otherwise expand to billions of values when the settings are checked or cached.
MAX_EXPANDED_VALUES = 100_000


def _record_lines(
    node: Any,
    path: tuple[str, ...],
    lines: dict[tuple[str, ...], int],
    source: str,
    sizes: dict[int, int],
    open_nodes: set[int],
) -> int:
    """Record the line of every key and item; return how many values the node expands to.

    Each node is walked once (an alias keeps its anchor's lines). An alias inside the very
    collection it names, or aliases expanding past MAX_EXPANDED_VALUES, are refused.
    """
    import yaml

    line = node.start_mark.line + 1
    if id(node) in open_nodes:
        raise ConfigError(
            f"{source}:{line}: invalid YAML: an alias refers to a collection it is in"
        )
    if id(node) in sizes:
        return sizes[id(node)]
    open_nodes.add(id(node))
    size = 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = (*path, str(key_node.value))
            lines[key] = key_node.start_mark.line + 1
            size += _record_lines(value_node, key, lines, source, sizes, open_nodes)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            key = (*path, str(index))
            lines[key] = item.start_mark.line + 1
            size += _record_lines(item, key, lines, source, sizes, open_nodes)
    open_nodes.discard(id(node))
    if size > MAX_EXPANDED_VALUES:
        raise ConfigError(
            f"{source}:{line}: invalid YAML: aliases expand to over {MAX_EXPANDED_VALUES:,} values"
        )
    sizes[id(node)] = size
    return size


def parse_toml(text: str, source: str) -> RawConfig:
    """The [tool.replylint] table of a pyproject.toml (no line numbers: tomllib keeps none)."""
    import tomllib  # deferred: few runs read a pyproject.toml

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{source}: invalid TOML: {error}") from None
    except RecursionError:  # tomllib recurses once per level of nested arrays and tables
        raise ConfigError(f"{source}: invalid TOML: nested too deeply") from None
    table = data.get("tool", {}).get("replylint")
    if not isinstance(table, dict):
        raise ConfigError(f"{source}: no [tool.replylint] table")
    return RawConfig(table, f"{source} [tool.replylint]", {})
