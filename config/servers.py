"""Where a config may send reply text: a LanguageTool server on another machine only when
the user named it outside the linted files (issue 15).

A ``.replylint.yaml`` committed in a pull request is the pull request author's, not the
user's: its ``languagetool: {server: http://…}`` would otherwise post every reply (names,
order numbers, card digits) to that host on a plain ``replylint check``. Such a config may
name a loopback server; any other must also be named by the user: ``--languagetool``,
$REPLYLINT_LANGUAGETOOL, or the user-level config.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from typing import Any

from replylint.checks import Registry
from replylint.checks.languagetool.options import ENV_SERVER, OPTIONS, sends_off_machine
from replylint.config.load import ConfigError, RawConfig

Setting = tuple[tuple[str, ...], Any]  # key path, value


def server_settings(raw: RawConfig, registry: Registry) -> Iterator[Setting]:
    """Every LanguageTool ``server`` a config sets: its ``languagetool:`` section, and the
    options of the LanguageTool checks under ``checks:`` and each override's ``checks:``."""
    data = raw.data
    shared = data.get("languagetool")
    if isinstance(shared, Mapping) and "server" in shared:
        yield ("languagetool", "server"), shared["server"]
    yield from _in_checks(data.get("checks"), ("checks",), registry)
    overrides = data.get("overrides")
    for index, override in enumerate(overrides if isinstance(overrides, list) else []):
        if isinstance(override, Mapping):
            path = ("overrides", str(index), "checks")
            yield from _in_checks(override.get("checks"), path, registry)


def _in_checks(checks: Any, path: tuple[str, ...], registry: Registry) -> Iterator[Setting]:
    if not isinstance(checks, Mapping):
        return
    for name, settings in checks.items():
        check = registry.find(str(name))
        uses_languagetool = check is not None and check.options is OPTIONS
        if uses_languagetool and isinstance(settings, Mapping) and "server" in settings:
            yield (*path, str(name), "server"), settings["server"]


def normalised(server: str) -> str:
    """A server URL as compared with another: no blanks, no trailing slash, lower-case host."""
    from urllib.parse import urlsplit

    url = server.strip().rstrip("/")
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    return parts._replace(scheme=parts.scheme.lower(), netloc=parts.netloc.lower()).geturl()


def user_named_servers(
    command_line: Any, user_layers: list[RawConfig], registry: Registry
) -> set[str]:
    """The servers the user named outside the linted files (normalised)."""
    named: list[Any] = [os.environ.get(ENV_SERVER, "")]
    shared = command_line.get("languagetool") if isinstance(command_line, Mapping) else None
    if isinstance(shared, Mapping):
        named.append(shared.get("server"))
    for raw in user_layers:
        named.extend(value for _, value in server_settings(raw, registry))
    return {normalised(value) for value in named if isinstance(value, str) and value.strip()}


def refuse_remote_servers(raw: RawConfig, registry: Registry, allowed: set[str]) -> None:
    """Raise ConfigError for a server on another machine that the user did not name."""
    for path, value in server_settings(raw, registry):
        if isinstance(value, str) and sends_off_machine(value) and normalised(value) not in allowed:
            raise ConfigError(
                f"{raw.where(path)}: {'.'.join(path)}: {value.strip()!r} is not on this "
                "machine, and a config in the linted files may name only a loopback "
                "LanguageTool server (replies would be sent there); to use it, name it "
                f"yourself: --languagetool, ${ENV_SERVER} or the user config"
            )
