"""Text from replies and file names made safe to print: no control sequence reaches a terminal.

Escape sequences (ESC, CSI, OSC), other C0/C1 controls, DEL and the Unicode BiDi controls
(U+202A-U+202E, U+2066-U+2069, U+200E/U+200F, U+061C) are shown as ``\\x1b`` / ``\\u202e``:
visible to the reader, inert for the terminal or the CI log reading them.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` on one line with every control character escaped (newlines and tabs too)."""
    return _UNSAFE.sub(_escaped, text)
