"""Helpers for the HTML and Markdown report tests: a hostile library and an HTML element walk."""

from __future__ import annotations

import html.parser
import json
import shutil
from pathlib import Path

LIBRARY = Path(__file__).parent / "fixtures" / "library"

# Reply text that would run script, load a resource or break out of an attribute if the
# report did not escape it. The URLs point at PORT, which the browser test listens on.
HOSTILE_REPLIES = {
    "script.txt": "Hi Ana,\n\n<script>document.title='pwned';fetch('http://127.0.0.1:PORT/s')"
    "</script> Unfortunately we can't refund it.\n\nBest,\nSam\n",
    "onerror.txt": "Hi Ana,\n\n<img src=x onerror=\"document.body.dataset.pwned='img'\"> "
    "Unfortunately your order was not approved.\n\nBest,\nSam\n",
    "attribute.txt": 'Hello,\n\n"><svg onload="document.body.dataset.pwned=\'svg\'"></svg>'
    '<iframe src="http://127.0.0.1:PORT/frame"></iframe> You should have read the manual.\n',
    "style.txt": "Hi,\n\n<style>body{background:url(http://127.0.0.1:PORT/css)}</style>"
    "<link rel=stylesheet href=http://127.0.0.1:PORT/link> Please be advised we can't help.\n",
}
HOSTILE_NAME = '"><img src=x onerror="document.body.dataset.pwned=\'name\'">.txt'
HOSTILE_MACROS = {
    "macros": [
        {
            "id": 1,
            "title": "<script>document.body.dataset.pwned='title'</script>",
            "actions": [
                {
                    "field": "comment_value",
                    "value": "Hi {{ticket.requester.first_name}},\n\n<img src=http://127.0.0.1:"
                    "PORT/macro onerror=alert(1)> Unfortunately this is against our policy."
                    "\n\nRegards,\nSupport",
                }
            ],
        }
    ]
}


def hostile_library(folder: Path, port: int = 9) -> Path:
    """The realistic fixture library plus replies and a macro holding injection attempts."""
    shutil.copytree(LIBRARY, folder)
    for name, text in HOSTILE_REPLIES.items():
        (folder / "emails" / name).write_text(text.replace("PORT", str(port)), encoding="utf-8")
    # A file name is reply-controlled text too (a macro export names its own files).
    (folder / "emails" / HOSTILE_NAME).write_text("Hi,\n\nWe can't.\n", encoding="utf-8")
    macros = json.dumps(HOSTILE_MACROS).replace("PORT", str(port))
    (folder / "hostile-macros.json").write_text(macros, encoding="utf-8")
    return folder


class Elements(html.parser.HTMLParser):
    """Every start tag of a page: (tag, attributes), and the text inside <script> elements."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data

    def with_attribute(self, name: str) -> list[dict[str, str]]:
        """The attributes of every element that has ``name``."""
        return [attrs for _, attrs in self.tags if name in attrs]


def chart_numbers(document: dict) -> dict:  # type: ignore[type-arg]
    """What the charts must show, worked out from a JSON report of the same run."""
    scores = [
        reply["score"]
        for file in document["files"]
        for reply in file["replies"]
        if reply["score"] is not None
    ]
    bins = [0] * 10
    for score in scores:
        bins[min(int(score // 10), 9)] += 1
    categories: dict[str, int] = {}
    for file in document["files"]:
        for reply in file["replies"]:
            for finding in reply["findings"]:
                categories[finding["category"]] = categories.get(finding["category"], 0) + 1
    return {
        "bins": bins,
        "checks": document["summary"]["by_check"],
        "categories": categories,
        "replies": sum(len(file["replies"]) for file in document["files"]),
    }
