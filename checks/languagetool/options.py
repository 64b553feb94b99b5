"""The options of the three LanguageTool checks, apart from the client so that declaring the
checks imports nothing of it (a run with grammar off never loads HTTP or cache code)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from replylint.checks.model import Option

# Rules that fire on the shape of support mail rather than on mistakes: double spaces left by
# pasted text, smileys read as unpaired brackets ":)", greeting and list lines without a full stop.
DEFAULT_DISABLED_RULES = ("EN_UNPAIRED_BRACKETS", "PUNCTUATION_PARAGRAPH_END", "WHITESPACE_RULE")

SERVER_KEYWORDS = ("auto", "off", "local")


def server_problem(value: object) -> str | None:
    """Why ``value`` is not a server setting (auto, off, local or an http(s):// URL), or None."""
    if not isinstance(value, str):
        return None  # the option's type check says so
    server = value.strip()
    if server.lower() in SERVER_KEYWORDS:
        return None
    from urllib.parse import urlsplit  # deferred: only a URL gets here

    try:
        parts = urlsplit(server)
        valid = parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
        _ = parts.port  # a port that is not a number raises ValueError
    except ValueError:
        valid = False
    if valid:
        return None
    return f"expected auto, off, local or an http(s)://host:port URL, got {value!r}"


OPTIONS: dict[str, Option] = {
    "server": Option(
        str,
        "auto",
        "LanguageTool to use: auto, off, local, or http://host:port",
        validate=server_problem,
    ),
    "language": Option(str, "en-US", "language code sent to LanguageTool (en-US, en-GB, auto)"),
    "mother-tongue": Option(str, "", "writer's first language, enables false-friend rules"),
    "disabled-rules": Option(list, list(DEFAULT_DISABLED_RULES), "LanguageTool rule ids to skip"),
    "disabled-categories": Option(list, [], "LanguageTool category ids to skip"),
    "vocabulary": Option(list, [], "team words never flagged as misspellings (brand names)"),
    "timeout": Option(
        (int, float), 15.0, "seconds to wait for one LanguageTool answer", minimum=0.1
    ),
    "cache": Option(bool, True, "reuse LanguageTool answers cached on disk"),
    "severity-map": Option(dict, {}, "LanguageTool category id -> info, warning or error"),
}


ENV_SERVER = "REPLYLINT_LANGUAGETOOL"
OFF_REASON = "grammar: off (LanguageTool server: off)"


def explicit_server(options: Mapping[str, Any]) -> bool:
    """Whether the user named a server (local or a URL) that must work: not auto, not off."""
    return server_setting(options) not in ("auto", "off")


def server_setting(options: Mapping[str, Any]) -> str:
    """The server to ask: a URL, "local", "auto" or "off" (the option, else the environment)."""
    server = str(options.get("server") or "auto").strip()
    if server.lower() == "auto":
        server = os.environ.get(ENV_SERVER, "").strip() or "auto"
    return server if "://" in server else server.lower()


def is_loopback_url(server: str) -> bool:
    """Whether an http(s) URL names this machine: 127.0.0.0/8, ::1 or ``localhost``.

    Conservative on purpose: user info (``http://127.0.0.1@host/``), backslashes or a host
    name other than ``localhost`` count as another machine.
    """
    import ipaddress  # deferred: asked only when a config names a server
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(server.strip())
        host = parts.hostname
    except ValueError:
        return False
    if parts.scheme.lower() not in ("http", "https") or "@" in parts.netloc or "\\" in server:
        return False
    if host is None:
        return False
    if host.lower() == "localhost":
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    mapped = getattr(address, "ipv4_mapped", None)
    return bool(address.is_loopback or (mapped is not None and mapped.is_loopback))


def sends_off_machine(server: str) -> bool:
    """Whether ``server`` (an option value) names an http(s) server on another machine."""
    return server.strip().lower().startswith(("http://", "https://")) and not is_loopback_url(
        server
    )
