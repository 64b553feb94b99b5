"""The HTML report in a real browser: headless Chromium (Debian's ``chromium``) over the DevTools
protocol, spoken with the standard library through --remote-debugging-pipe (no Playwright).

A report of a library with injection attempts in its text, titles and file names: no script
from the text runs, no request leaves the page (a local server the injected URLs point at
counts the tries), the charts hold the JSON report's numbers, the page's own script sorts and
filters, a keyboard reaches the table, and at 200% zoom nothing scrolls sideways.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import http.server
import json
import os
import select
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from audit_support import chart_numbers, hostile_library
from typer.testing import CliRunner

from replylint.cli.main import app

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="needs headless Chromium at /usr/bin/chromium (apt-get install -y chromium; "
    ".ci/run installs it)",
)
FLAGS = (
    "--headless",
    "--no-sandbox",  # Chromium refuses to run as root with its sandbox
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-pipe",
)
TIMEOUT = 30.0


class DevTools:
    """A Chromium child speaking the DevTools protocol on fds 3 (in) and 4 (out): NUL-ended JSON."""

    def __init__(self, profile: Path) -> None:
        to_browser_read, self._to_browser = os.pipe()
        self._from_browser, from_browser_write = os.pipe()
        # Above 4, so that placing them at 3 and 4 overwrites and closes nothing of theirs.
        to_browser_read, from_browser_write = (
            _moved_up(to_browser_read),
            _moved_up(from_browser_write),
        )
        # A small Python puts the pipe ends at fds 3 and 4, where Chromium looks for them, and
        # becomes Chromium (sh cannot name fds above 9; preexec_fn is unsafe with threads).
        place = (
            "import os, sys; os.dup2(int(sys.argv[1]), 3); os.dup2(int(sys.argv[2]), 4); "
            "os.close(int(sys.argv[1])); os.close(int(sys.argv[2])); "
            "os.execv(sys.argv[3], sys.argv[3:])"
        )
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                place,
                str(to_browser_read),
                str(from_browser_write),
                str(CHROMIUM),
                *FLAGS,
                f"--user-data-dir={profile}",
            ],
            pass_fds=(to_browser_read, from_browser_write),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        self.session: str | None = None

    def send(self, method: str, params: dict[str, Any] | None = None, **extra: Any) -> Any:
        """Call a method (in the attached page's session) and return its result."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if self.session is not None and not extra.get("browser"):
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._receive()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]

    def wait_for(self, event: str) -> dict[str, Any]:
        """Read messages until ``event`` arrives (everything read is kept in ``events``)."""
        for seen in self.events:
            if seen.get("method") == event:
                return seen
        while True:
            message = self._receive()
            if message.get("method") == event:
                return message

    def _receive(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._from_browser], [], [], TIMEOUT)
            if not ready:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                raise EOFError("Chromium closed the pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        if "method" in message:
            self.events.append(message)
        return message

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page."""
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def open(self, url: str, width: int, height: int, scale: float = 1) -> None:
        """A new page of this size, attached, with network and dialogs watched, at ``url``."""
        target = self.send("Target.createTarget", {"url": "about:blank"}, browser=True)
        attached = self.send(
            "Target.attachToTarget", {"targetId": target["targetId"], "flatten": True}, browser=True
        )
        self.session = attached["sessionId"]
        for domain in ("Page", "Network", "Runtime"):
            self.send(f"{domain}.enable")
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": scale, "mobile": False},
        )
        self.send("Page.navigate", {"url": url})
        self.wait_for("Page.loadEventFired")

    def key(self, name: str, code: int) -> None:
        """Press and release a key (Tab 9, Enter 13)."""
        for kind in ("keyDown", "keyUp"):
            self.send(
                "Input.dispatchKeyEvent",
                {"type": kind, "key": name, "code": name, "windowsVirtualKeyCode": code},
            )

    def close(self) -> None:
        """End the browser (it is our child: ended by its own pid)."""
        with contextlib.suppress(OSError, EOFError, TimeoutError, RuntimeError):
            self.send("Browser.close", browser=True)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)


def _moved_up(fd: int) -> int:
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
    os.close(fd)
    return moved


class Counting(http.server.BaseHTTPRequestHandler):
    """Counts every request that reaches it: the injected URLs point here."""

    hits: list[str] = []  # noqa: RUF012 - shared by the server's handler instances

    def do_GET(self) -> None:
        Counting.hits.append(self.path)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def trap() -> Iterator[int]:
    """A local HTTP server counting requests; its port."""
    Counting.hits = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Counting)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[DevTools]:
    profile = tmp_path / "profile"
    profile.mkdir()
    devtools = DevTools(profile)
    yield devtools
    devtools.close()


PAGE_FACTS = """JSON.stringify({
  pwned: document.body.dataset.pwned || null,
  title: document.title,
  script: document.documentElement.dataset.script || null,
  scripts: document.scripts.length,
  images: document.images.length,
  frames: document.querySelectorAll('iframe, object, embed, link, img, base').length,
  bins: Array.from(document.querySelectorAll('[data-bin]'), e => +e.dataset.count),
  checks: Object.fromEntries(Array.from(document.querySelectorAll('#checks-chart [data-check]'),
    e => [e.dataset.check, +e.dataset.count])),
  categories: Object.fromEntries(Array.from(document.querySelectorAll('[data-category]'),
    e => [e.dataset.category, +e.dataset.count])),
  rows: document.querySelectorAll('#reply-table tbody tr').length,
  filters: !document.getElementById('filters').hidden,
  rects: document.querySelectorAll('svg rect').length
})"""


def test_the_report_in_chromium(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, browser: DevTools, trap: int
) -> None:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("REPLYLINT_LANGUAGETOOL", "off")
    hostile_library(tmp_path / "library", port=trap)
    runner = CliRunner()
    runner.invoke(app, ["check", "--format", "html", "-o", "report.html", "library"])
    document = json.loads(runner.invoke(app, ["check", "--format", "json", "library"]).stdout)
    expected = chart_numbers(document)
    url = (tmp_path / "report.html").as_uri()

    browser.open(url, 1280, 1000)
    facts = json.loads(browser.evaluate(PAGE_FACTS))
    assert facts["pwned"] is None and facts["title"].startswith("replylint report")
    assert facts["script"] == "ran"  # the page's own script did run (its CSP hash is right)
    assert facts["scripts"] == 1 and facts["images"] == 0 and facts["frames"] == 0
    assert not [e for e in browser.events if e["method"] == "Page.javascriptDialogOpening"]
    # Charts: the JSON report's numbers, one element per bin, check and category.
    assert facts["bins"] == expected["bins"]
    assert facts["checks"] == expected["checks"]
    assert {k: v for k, v in facts["categories"].items() if v} == expected["categories"]
    assert facts["rows"] == expected["replies"] and facts["filters"]
    # No request but the page itself; none reached the trap the injected URLs name.
    requests = [
        e["params"]["request"]["url"]
        for e in browser.events
        if e["method"] == "Network.requestWillBeSent"
    ]
    assert requests == [url]
    assert Counting.hits == []

    # The table filters and sorts with the page's script.
    with_errors = sum(
        any(f["severity"] == "error" for f in reply["findings"])
        for file in document["files"]
        for reply in file["replies"]
    )
    shown = browser.evaluate(
        "(() => { const s = document.getElementById('f-sev'); s.value = 'error';"
        " s.dispatchEvent(new Event('input'));"
        " return document.querySelectorAll('#reply-table tbody tr:not([hidden])').length })()"
    )
    assert shown == with_errors > 0
    scores = browser.evaluate(
        "(() => { const b = document.querySelectorAll('#reply-table th button')[3]; b.click();"
        " return Array.from(document.querySelectorAll('#reply-table tbody tr'),"
        " r => +r.cells[3].dataset.v) })()"
    )
    assert scores == sorted(scores) and len(scores) == expected["replies"]

    screenshot = base64.b64decode(browser.send("Page.captureScreenshot", {"format": "png"})["data"])
    (tmp_path / "report.png").write_bytes(screenshot)
    assert screenshot.startswith(b"\x89PNG") and len(screenshot) > 10_000


def test_keyboard_and_200_percent_zoom(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, browser: DevTools
) -> None:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("REPLYLINT_LANGUAGETOOL", "off")
    hostile_library(tmp_path / "library")
    CliRunner().invoke(app, ["check", "--format", "html", "-o", "report.html", "library"])
    # 200% zoom of a 1280-pixel window: a 640-pixel-wide layout drawn at twice the scale.
    browser.open((tmp_path / "report.html").as_uri(), 640, 900, scale=2)
    overflow = browser.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    columns = browser.evaluate(
        "getComputedStyle(document.querySelector('.reply')).gridTemplateColumns.split(' ').length"
    )
    assert columns == 1  # the advice moves under the text instead of squeezing it
    browser.key("Tab", 9)
    assert browser.evaluate("document.activeElement.className") == "skip"
    browser.key("Enter", 13)
    assert browser.evaluate("location.hash") == "#replies"
    focusable = browser.evaluate(
        "Array.from(document.querySelectorAll('#reply-table th button, #f-file, #f-sev'))"
        ".every(e => e.tabIndex >= 0)"
    )
    assert focusable
