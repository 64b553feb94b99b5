"""Text from replies and file names made safe to print: no control sequence reaches a terminal.

Escape sequences (ESC, CSI, OSC), other C0/C1 controls, DEL, the Unicode line and paragraph
separators and the BiDi controls (U+202A-U+202E, U+2066-U+2069, U+200E/U+200F, U+061C) are
shown as ``\\x1b`` / ``\\u202e``: visible to the reader, inert for the terminal or the CI log
reading them. Every name, title, message and excerpt a report prints goes through here (the
JSON report escapes them itself and is left as it is).
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# What CI logs read as commands at the start of a line, after leading blanks: GitHub Actions
# workflow commands ("::error ...::") and its older "##[error]" form, Azure's "##vso[".
_LOG_COMMAND = re.compile(r"\s*(?:::|##)")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` on one line with every control character escaped (newlines and tabs too)."""
    return _UNSAFE.sub(_escaped, text)


def visible_line_start(text: str) -> str:
    """``visible(text)`` for the start of an output line: a name never reads as a CI command.

    A file named ``::error::x.txt`` would otherwise begin a line of the text report that
    GitHub Actions runs as a workflow command; it is shown as ``./::error::x.txt``, still the
    same file.
    """
    shown = visible(text)
    return f"./{shown}" if _LOG_COMMAND.match(shown) else shown
