"""Opt-in: the grammar checks against a real LanguageTool (``pytest -m languagetool``).

Uses the server in REPLYLINT_TEST_LANGUAGETOOL (e.g. ``http://127.0.0.1:8010`` from the Docker
image) or else a local install found the way ``server: auto`` finds one; skipped when neither
is there. Everything else in the suite runs against the fake server.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from helpers import lint_text

from replylint.checks.languagetool.options import ENV_SERVER
from replylint.checks.languagetool.server import java_problem, local_install

pytestmark = pytest.mark.languagetool


@pytest.fixture
def real_server(monkeypatch: Any) -> str:
    """The server option for the real LanguageTool, or skip."""
    url = os.environ.get("REPLYLINT_TEST_LANGUAGETOOL", "")
    monkeypatch.delenv(ENV_SERVER)
    monkeypatch.delenv("LTP_PATH")  # the autouse fixture hid the real install
    if url:
        return url
    version, why_not = local_install()
    problem = why_not or java_problem()
    if version is None or problem:
        pytest.skip(f"no real LanguageTool: {problem}")
    return "local"


def test_real_languagetool_finds_and_places(real_server: str) -> None:
    text = (
        "Hi {{first_name}},\n\n"
        "Thanks for waiting 🙏 You will recieve the the refund on https://example.com/x.\n\n"
        "Kind regards,\nAnna\n"
    )
    options = {"server": real_server, "timeout": 60.0}
    spelling = lint_text(text, only="spelling", options=options)
    assert not spelling.not_applicable, spelling.not_applicable
    assert [(f.text, f.line) for f in spelling.findings] == [("recieve", 3)]
    assert "receive" in (spelling.findings[0].suggestion or "")
    grammar = lint_text(text, only="grammar", options=options)
    assert [f.text for f in grammar.findings] == ["the the"]


def test_real_languagetool_is_quiet_on_a_clean_reply(real_server: str) -> None:
    text = "Hi Dana,\n\nYour refund was issued today and arrives within three working days.\n"
    result = lint_text(text, options={"server": real_server, "timeout": 60.0})
    assert [f for f in result.findings if f.code.startswith("RL8")] == []
