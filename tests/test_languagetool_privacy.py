"""Issue 15 item 2: a config in the linted files cannot send replies off the machine.

A second fake LanguageTool listens on this machine's own non-loopback address, standing in
for another host (nothing leaves the machine); the session's fake on 127.0.0.1 is the
loopback server a committed config may name.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import fake_languagetool
import pytest
from typer.testing import CliRunner

from replylint.checks.languagetool.options import is_loopback_url
from replylint.cli.main import app

GRAMMAR_ONLY = ("--select", "spelling", "--select", "grammar", "--select", "style")
TYPO = "Hi Anna,\n\nYou will recieve the parts on Monday, order 4417.\n\nBest,\nSam\n"


def _own_address() -> str:
    """This machine's address on its default route (a UDP connect sends nothing)."""
    for target in ("10.255.255.255", "198.51.100.1", "192.0.2.1"):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            try:
                probe.connect((target, 9))
            except OSError:
                continue
            address = str(probe.getsockname()[0])
        if not address.startswith("127.") and address != "0.0.0.0":
            return address
    pytest.skip("no network interface besides loopback")


@pytest.fixture
def remote() -> Iterator[fake_languagetool.FakeLanguageTool]:
    fake = fake_languagetool.FakeLanguageTool()
    server = fake_languagetool.start(fake, host=_own_address())
    yield fake
    server.shutdown()
    server.server_close()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "draft.txt").write_text(TYPO, encoding="utf-8")
    monkeypatch.chdir(root)
    monkeypatch.delenv("REPLYLINT_LANGUAGETOOL")
    return root


def _check(*args: str) -> tuple[int, dict, str]:  # type: ignore[type-arg]
    result = CliRunner().invoke(app, ["check", "draft.txt", *GRAMMAR_ONLY, "-f", "json", *args])
    return result.exit_code, json.loads(result.stdout), result.stderr


def _notices(document: dict) -> list[str]:  # type: ignore[type-arg]
    return [notice["reason"] for notice in document["summary"]["notices"]]


COMMITTED = {
    "languagetool-section": "languagetool:\n  server: {url}\n",
    "per-check-option": "checks:\n  grammar:\n    server: {url}\n",
    "override": (
        "overrides:\n  - files: ['*.txt']\n    checks:\n      spelling: {{server: '{url}'}}\n"
    ),
}


@pytest.mark.parametrize("config", COMMITTED.values(), ids=list(COMMITTED))
def test_a_committed_config_cannot_name_a_server_on_another_machine(
    project: Path, remote: fake_languagetool.FakeLanguageTool, config: str
) -> None:
    (project / ".replylint.yaml").write_text(config.format(url=remote.url), encoding="utf-8")
    code, _, stderr = _check()
    assert code == 2
    assert "is not on this machine" in stderr and ".replylint.yaml:" in stderr
    assert remote.requests == []  # not one byte of the reply went there


@pytest.mark.parametrize("how", ["environment", "command-line", "user-config"])
def test_the_user_opts_in_outside_the_tree_and_the_report_names_the_server(
    project: Path,
    remote: fake_languagetool.FakeLanguageTool,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    how: str,
) -> None:
    (project / ".replylint.yaml").write_text(f"languagetool:\n  server: {remote.url}\n")
    args: tuple[str, ...] = ()
    if how == "environment":
        monkeypatch.setenv("REPLYLINT_LANGUAGETOOL", remote.url + "/")
    elif how == "command-line":
        args = ("--languagetool", remote.url)
    else:
        user = tmp_path / "user-config" / "replylint"
        user.mkdir(parents=True)
        (user / "config.yaml").write_text(f"languagetool:\n  server: {remote.url}\n")
    code, document, stderr = _check(*args)
    assert (code, stderr) == (1, "")
    assert len(remote.checks()) == 1
    assert _notices(document) == [
        f"grammar: reply text is sent to the LanguageTool server {remote.url}"
    ]


def test_a_loopback_server_in_a_committed_config_is_used_and_named(
    project: Path, fake_server: fake_languagetool.FakeLanguageTool
) -> None:
    (project / ".replylint.yaml").write_text(f"languagetool:\n  server: {fake_server.url}\n")
    code, document, _ = _check()
    assert code == 1 and len(fake_server.checks()) == 1
    assert _notices(document) == [
        f"grammar: reply text is sent to the LanguageTool server {fake_server.url}"
    ]
    result = CliRunner().invoke(app, ["check", "draft.txt", *GRAMMAR_ONLY])
    assert f"grammar: reply text is sent to the LanguageTool server {fake_server.url}" in (
        result.stdout
    )


def test_no_notice_when_nothing_is_sent(project: Path) -> None:
    _, document, _ = _check("--languagetool", "off")
    assert not any("sent" in reason for reason in _notices(document))


@pytest.mark.parametrize(
    ("url", "loopback"),
    [
        ("http://127.0.0.1:8010", True),
        ("http://127.8.9.10:8010/v2/", True),
        ("HTTP://LOCALHOST:8010", True),
        ("http://[::1]:8010", True),
        ("http://[::ffff:127.0.0.1]:8010", True),
        ("http://127.0.0.1@evil.example:8010", False),
        ("http://evil.example:8010#@127.0.0.1", False),
        ("http://localhost.evil.example", False),
        ("http://127.0.0.1.nip.io", False),
        ("http://10.0.0.5:8010", False),
        ("https://api.languagetool.org", False),
        ("ftp://127.0.0.1", False),
    ],
)
def test_is_loopback_url(url: str, loopback: bool) -> None:
    assert is_loopback_url(url) is loopback


@pytest.mark.parametrize("fmt", ["github", "sarif"])
def test_ci_formats_name_the_server_too(
    project: Path, fake_server: fake_languagetool.FakeLanguageTool, fmt: str
) -> None:
    result = CliRunner().invoke(
        app, ["check", "draft.txt", *GRAMMAR_ONLY, "-f", fmt, "--languagetool", fake_server.url]
    )
    notice = f"grammar: reply text is sent to the LanguageTool server {fake_server.url}"
    if fmt == "github":
        assert f"{notice} (spelling, grammar, style)" in result.stdout.splitlines()
    else:
        notes = json.loads(result.stdout)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        assert {
            "level": "note",
            "message": {"text": f"{notice} (spelling, grammar, style)"},
        } in notes


def test_languagetool_off_on_the_command_line_beats_a_committed_override(
    project: Path, fake_server: fake_languagetool.FakeLanguageTool
) -> None:
    (project / ".replylint.yaml").write_text(
        "overrides:\n  - files: ['*.txt']\n    checks:\n"
        f"      grammar: {{server: '{fake_server.url}'}}\n"
    )
    code, document, _ = _check("--languagetool", "off")
    assert fake_server.requests == []
    assert not any("sent" in reason for reason in _notices(document))
    assert code == 0
