"""Make the README's screenshots of the HTML report of tests/fixtures/library (our own text).

    python tests/tools/report_screenshot.py    # needs /usr/bin/chromium; writes .github/*.png

Headless Chromium over the DevTools pipe, as tests/test_browser.py drives it.
"""

from __future__ import annotations

import base64
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from test_browser import DevTools  # noqa: E402 - tests/ is not a package

SHOTS = {
    # name: (the first and the last element shot)
    "report-summary.png": ("header", ".charts"),
    "report-reply.png": ("#r3", "#r3"),
}


def main() -> None:
    """Write the report of the fixture library, open it, and shoot two parts of it."""
    with tempfile.TemporaryDirectory() as scratch:
        page = Path(scratch) / "report.html"
        env = {**os.environ, "REPLYLINT_LANGUAGETOOL": "off"}
        command = ["replylint", "check", "--no-config", "--no-cache", "--format", "html"]
        subprocess.run(
            [*command, "-o", str(page), "library"], cwd=ROOT / "tests" / "fixtures", env=env
        )
        profile = Path(scratch) / "profile"
        profile.mkdir()
        browser = DevTools(profile)
        try:
            browser.open(page.as_uri(), 1200, 900)
            for name, (first, last) in SHOTS.items():
                box = browser.evaluate(
                    f"(() => {{ const a = document.querySelector('{first}')"
                    ".getBoundingClientRect();"
                    f" const b = document.querySelector('{last}').getBoundingClientRect();"
                    " return [a.top + scrollY, b.bottom + scrollY]; })()"
                )
                clip = {"x": 0, "y": box[0] - 8, "width": 1200, "height": box[1] - box[0] + 16}
                shot = browser.send(
                    "Page.captureScreenshot",
                    {"format": "png", "clip": {**clip, "scale": 1}, "captureBeyondViewport": True},
                )
                (ROOT / ".github" / name).write_bytes(base64.b64decode(shot["data"]))
                print(f"wrote .github/{name}")
        finally:
            browser.close()


if __name__ == "__main__":
    main()
