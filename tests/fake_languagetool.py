"""A small, deterministic stand-in for a LanguageTool server (``/v2/check``, ``/v2/languages``).

It speaks the real API's shape (form fields text or data, language, motherTongue, disabledRules,
disabledCategories; answers with software / language / matches, each match with message,
shortMessage, offset, length, replacements, context, sentence and rule.category) and finds real
things with a tiny rule set, scanning only what it was sent. Like LanguageTool, it reads a ``data``
annotation as text plus ``interpretAs``, and counts offsets in UTF-16 code units of the original
document, markup included. Every request is recorded so tests can count them and see what left.
"""

from __future__ import annotations

import json
import re
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

LANGUAGES = [
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "German (Germany)", "code": "de", "longCode": "de-DE"},
]
SPELLING = {
    "recieve": ["receive"],
    "adress": ["address", "dress", "adders", "a dress"],
    "thnaks": ["thanks"],
    "definately": ["definitely"],
    "acmecloud": ["Acme cloud"],
    "saoirse": ["Sabres"],
    "noemie": ["Noemi"],
}
# (rule id, description, category id, category name, issue type, pattern, message, replacements)
RULES: list[tuple[str, str, str, str, str, re.Pattern[str], str, Any]] = [
    (
        "MORFOLOGIK_RULE_EN_US",
        "Possible spelling mistake",
        "TYPOS",
        "Possible Typo",
        "misspelling",
        re.compile(r"\b(?:" + "|".join(SPELLING) + r")\b", re.IGNORECASE),
        "Possible spelling mistake found.",
        lambda m: SPELLING[m.group(0).lower()],
    ),
    (
        "ENGLISH_WORD_REPEAT_RULE",
        "Word repetition (e.g. 'will will')",
        "MISC",
        "Miscellaneous",
        "duplication",
        re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE),
        "Possible typo: you repeated a word.",
        lambda m: [m.group(1)],
    ),
    (
        "EN_A_VS_AN",
        "Use of 'a' vs. 'an'",
        "MISC",
        "Miscellaneous",
        "misspelling",
        re.compile(r"\ba(?=\s+(?:apple|order|invoice|account|update)\b)", re.IGNORECASE),
        "Use “an” instead of ‘a’ if the following word starts with a vowel sound.",
        lambda m: ["an"],
    ),
    (
        "PRP_WAS_WERE",
        "Agreement of 'you/we/they' with 'was'",
        "GRAMMAR",
        "Grammar",
        "grammar",
        re.compile(r"(?:(?<=\byou )|(?<=\bwe )|(?<=\bthey ))was\b", re.IGNORECASE),
        "The verb ‘was’ does not agree with the subject. Did you mean “were”?",
        lambda m: ["were"],
    ),
    (
        "PAST_HISTORY",
        "past history (history)",
        "REDUNDANCY",
        "Redundant Phrases",
        "style",
        re.compile(r"\bpast history\b", re.IGNORECASE),
        "This phrase might be redundant. Consider using “history”.",
        lambda m: ["history"],
    ),
    (
        "VERY_UNIQUE",
        "very unique (unique)",
        "STYLE",
        "Style",
        "style",
        re.compile(r"\bvery unique\b", re.IGNORECASE),
        "‘Unique’ cannot be graded. Consider using “unique”.",
        lambda m: ["unique"],
    ),
    (
        "WHITESPACE_RULE",
        "Whitespace repetition (bad formatting)",
        "TYPOGRAPHY",
        "Typography",
        "whitespace",
        re.compile(r"(?<=\S) {2,}(?=\S)"),
        "Possible typo: you repeated a whitespace",
        lambda m: [" "],
    ),
]


def u16(text: str) -> int:
    """UTF-16 length, as Java counts."""
    return len(text.encode("utf-16-le")) // 2


@dataclass
class FakeLanguageTool:
    """The server's state: mode (ok / slow / error / garbage / shape), delay, recorded requests."""

    mode: str = "ok"
    delay: float = 3.0
    requests: list[dict[str, str]] = field(default_factory=list)
    url: str = ""

    def checks(self) -> list[dict[str, str]]:
        """The recorded /v2/check requests."""
        return [r for r in self.requests if r["path"].endswith("/check")]

    def sent_text(self) -> str:
        """Everything the client sent for checking, all requests joined."""
        parts = []
        for request in self.checks():
            parts.append(request.get("text", ""))
            parts.append(request.get("data", ""))
        return "\n".join(parts)

    def answer(self, form: dict[str, str]) -> tuple[int, dict[str, Any] | str]:
        """The HTTP status and body LanguageTool would give for this /v2/check form."""
        language = form.get("language", "")
        known = {lang["longCode"] for lang in LANGUAGES} | {lang["code"] for lang in LANGUAGES}
        if language != "auto" and language not in known:
            return 400, f"Error: '{language}' is not a language code known to LanguageTool."
        if "data" in form:
            try:
                segments = json.loads(form["data"])["annotation"]
            except (ValueError, KeyError, TypeError):
                return 400, "Error: could not parse the 'data' parameter"
        elif "text" in form:
            segments = [{"text": form["text"]}]
        else:
            return 400, "Error: Missing 'text' or 'data' parameter"
        plain, positions = _plain_text(segments)
        disabled_rules = set(filter(None, form.get("disabledRules", "").split(",")))
        disabled_categories = set(filter(None, form.get("disabledCategories", "").split(",")))
        matches = []
        for rule_id, description, cat_id, cat_name, issue, pattern, message, fix in RULES:
            if rule_id in disabled_rules or cat_id in disabled_categories:
                continue
            for found in pattern.finditer(plain):
                start, end = positions[found.start()], positions[found.end()]
                context_start = max(found.start() - 40, 0)
                matches.append(
                    {
                        "message": message,
                        "shortMessage": description.split(" (")[0],
                        "replacements": [{"value": value} for value in fix(found)],
                        "offset": start,
                        "length": end - start,
                        "context": {
                            "text": plain[context_start : found.end() + 40],
                            "offset": u16(plain[context_start : found.start()]),
                            "length": u16(found.group(0)),
                        },
                        "sentence": plain.strip(),
                        "type": {"typeName": "Other"},
                        "rule": {
                            "id": rule_id,
                            "description": description,
                            "issueType": issue,
                            "category": {"id": cat_id, "name": cat_name},
                        },
                        "ignoreForIncompleteSentence": False,
                        "contextForSureMatch": 0,
                    }
                )
        matches.sort(key=lambda m: m["offset"])
        code = "en-US" if language == "auto" else language
        return 200, {
            "software": {
                "name": "LanguageTool",
                "version": "6.5",
                "buildDate": "2024-09-27 11:33:00 +0000",
                "apiVersion": 1,
                "premium": False,
                "status": "",
            },
            "warnings": {"incompleteResults": False},
            "language": {
                "name": "English (US)",
                "code": code,
                "detectedLanguage": {"name": "English (US)", "code": "en-US", "confidence": 0.9},
            },
            "matches": matches,
        }


def _plain_text(segments: list[dict[str, str]]) -> tuple[str, list[int]]:
    """The text LanguageTool checks, and for each of its characters the UTF-16 offset of the
    original document (markup included) it stands for; interpretAs maps to its markup's start."""
    plain: list[str] = []
    positions: list[int] = []
    original = 0
    for segment in segments:
        if "text" in segment:
            for char in segment["text"]:
                plain.append(char)
                positions.append(original)
                original += u16(char)
        else:
            for char in segment.get("interpretAs", ""):
                plain.append(char)
                positions.append(original)
            original += u16(segment.get("markup", ""))
    positions.append(original)
    return "".join(plain), positions


def start(fake: FakeLanguageTool, host: str = "127.0.0.1") -> ThreadingHTTPServer:
    """Serve ``fake`` on ``host`` (a free port) in a daemon thread; sets ``fake.url``."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # quiet test output
            pass

        def _send(self, status: int, body: Any) -> None:
            if isinstance(body, str):
                data, kind = body.encode("utf-8"), "text/plain; charset=utf-8"
            else:
                data, kind = json.dumps(body).encode("utf-8"), "application/json"
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            fake.requests.append({"path": self.path})
            if self.path.rstrip("/").endswith("/v2/languages"):
                self._send(200, LANGUAGES)
            else:
                self._send(404, "Not found")

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length).decode("utf-8")
            form = {k: v[0] for k, v in urllib.parse.parse_qs(raw, keep_blank_values=True).items()}
            fake.requests.append({"path": self.path, **form})
            if not self.path.rstrip("/").endswith("/v2/check"):
                self._send(404, "Not found")
            elif fake.mode == "slow":
                time.sleep(fake.delay)
                self._send(*fake.answer(form))
            elif fake.mode == "error":
                self._send(500, "Error: Internal Error: java.lang.OutOfMemoryError")
            elif fake.mode == "garbage":
                self._send(200, "<html><body>Bad gateway</body></html>")
            elif fake.mode == "shape":
                self._send(200, {"matches": [{"offset": 3}]})
            else:
                self._send(*fake.answer(form))

    server = ThreadingHTTPServer((host, 0), Handler)
    server.daemon_threads = True
    server.handle_error = lambda request, address: None  # type: ignore[method-assign]
    fake.url = f"http://{host}:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
