"""slang's CAPS_RUN opens with the capital (re skips to capitals); it matches as the plain form."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from replylint.checks.builtin.slang import CAPS_RUN

# The look-behind where it reads naturally: before the first capital.
PLAIN = re.compile(
    r"(?<![\w#$%{/.@&-])[A-Z][A-Z'’]*[A-Z](?:[ \t]+[A-Z][A-Z'’]*[A-Z])*(?![\w}%]|\.[a-z])"
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ABIOab9 \t\n.#_-'’%}/@&", max_size=40))
def test_caps_run_matches_like_the_plain_form(text: str) -> None:
    assert [m.span() for m in CAPS_RUN.finditer(text)] == [m.span() for m in PLAIN.finditer(text)]
