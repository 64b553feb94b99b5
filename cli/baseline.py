"""Baselines: accept today's findings, fail only on new ones.

A finding's fingerprint leaves line numbers out, so it survives edits above it: the check code,
the flagged text (lower case, white space collapsed), the file (relative to the baseline
file's folder, '/'-separated), the reply (id, else title, else a hash of its text: a CSV row
with neither) and an occurrence index that tells apart the same words flagged twice in one
reply.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from replylint.checks import ReplyResult
from replylint.cli.files import write_atomically

BASELINE_VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read; str() is the one-line message."""


def _normalised(text: str) -> str:
    return " ".join(text.lower().split())


def _file_key(path: str, root: Path) -> str:
    if path == "-" or not path:
        return path
    absolute = Path(path).resolve()
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        return Path(os.path.relpath(absolute, root)).as_posix()


def finding_records(
    result: ReplyResult, root: Path, twins: Counter[tuple[str, str]] | None = None
) -> list[dict[str, Any]]:
    """One record per finding of a reply (same order), with its fingerprint.

    ``twins`` counts, per file, the replies known by their text so far: a second row with the
    same text is ``text:<hash>#1``.
    """
    file_key = _file_key(result.path, root)
    reply_key = result.reply_id or result.title or _text_key(result, file_key, twins)
    seen: Counter[tuple[str, str]] = Counter()
    records = []
    for finding in result.findings:
        text = _normalised(finding.text)
        occurrence = seen[(finding.code, text)]
        seen[(finding.code, text)] += 1
        identity = "\0".join((finding.code, text, file_key, reply_key, str(occurrence)))
        records.append(
            {
                "fingerprint": hashlib.sha256(
                    identity.encode("utf-8", "surrogatepass")
                ).hexdigest()[:32],
                "code": finding.code,
                "path": file_key,
                "reply": reply_key or None,
                "text": text,
                "occurrence": occurrence,
            }
        )
    return records


def _text_key(result: ReplyResult, file_key: str, twins: Counter[tuple[str, str]] | None) -> str:
    # Rows of a library read with only a text field all had the same empty name, so a new
    # row with a known phrase passed as known (issue 15 item 18). A hash of the text, not the
    # row number: rows added above must not make every known finding new.
    if result.fingerprint is None:
        return ""
    ordinal = 0
    if twins is not None:
        ordinal = twins[(file_key, result.fingerprint)]
        twins[(file_key, result.fingerprint)] += 1
    return f"text:{result.fingerprint}" + (f"#{ordinal}" if ordinal else "")


def _is_record(record: Any) -> bool:
    """A finding as ``finding_records`` writes it, as far as reading the baseline relies on."""
    return (
        isinstance(record, dict)
        and isinstance(record.get("fingerprint"), str)
        and isinstance(record.get("path", ""), str)
    )


class Baseline:
    """Known findings by fingerprint; filters results and counts what was fixed."""

    def __init__(self, root: Path, records: Iterable[dict[str, Any]] = ()) -> None:
        self.root = root.resolve()
        self.known = {r["fingerprint"]: r for r in records}
        self.seen: set[str] = set()
        self.paths: set[str] = set()
        self.twins: Counter[tuple[str, str]] = Counter()

    @classmethod
    def load(cls, path: Path) -> Baseline:
        """Read a baseline file (BaselineError with a one-line reason if it is unusable)."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise BaselineError(f"{path}: baseline file not found") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
            reason = "nested too deeply" if isinstance(error, RecursionError) else error
            raise BaselineError(f"{path}: cannot read baseline: {reason}") from None
        findings = data.get("findings") if isinstance(data, dict) else None
        if (
            not isinstance(data, dict)
            or data.get("version") != BASELINE_VERSION
            or not isinstance(findings, list)
            or not all(_is_record(r) for r in findings)
        ):
            raise BaselineError(f"{path}: not a replylint baseline (version {BASELINE_VERSION})")
        return cls(path.parent, findings)

    def filter(self, result: ReplyResult) -> tuple[ReplyResult, int]:
        """The result without its known findings, and how many were known."""
        records = finding_records(result, self.root, self.twins)
        self.paths.update(r["path"] for r in records)
        self.paths.add(_file_key(result.path, self.root))
        keep = [r["fingerprint"] not in self.known for r in records]
        self.seen.update(r["fingerprint"] for r in records if r["fingerprint"] in self.known)
        if all(keep):
            return result, 0
        pairs = [
            pair
            for pair, kept in zip(
                zip(result.findings, result.contexts, strict=True), keep, strict=True
            )
            if kept
        ]
        return (
            replace(
                result,
                findings=tuple(f for f, _ in pairs),
                contexts=tuple(c for _, c in pairs),
            ),
            keep.count(False),
        )

    def fixed(self) -> int:
        """Known findings of the files linted in this run that no longer occur."""
        return sum(
            1
            for fingerprint, record in self.known.items()
            if fingerprint not in self.seen and record.get("path") in self.paths
        )


class BaselineWriter:
    """A formatter that collects every finding's record, then writes the baseline file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.root = path.parent.resolve() if path.parent != Path("") else Path.cwd()
        self.records: list[dict[str, Any]] = []
        self.twins: Counter[tuple[str, str]] = Counter()
        self.written = False

    def reply(self, result: ReplyResult) -> None:
        self.records.extend(finding_records(result, self.root, self.twins))

    def input_error(self, error: Any) -> None:
        pass  # reported on stderr by the runner

    def finish(self, report: Any, settings: dict[str, Any]) -> None:
        if report.errors or report.failures or report.service_errors:
            # Findings of what could not be read (a mistyped path, a broken file) are missing:
            # writing would drop their known findings and pass them later as new.
            return
        records = sorted(
            self.records,
            key=lambda r: (r["path"], r["reply"] or "", r["code"], r["text"], r["occurrence"]),
        )
        document = {"version": BASELINE_VERSION, "tool": "replylint", "findings": records}
        try:
            write_atomically(self.path, json.dumps(document, indent=2, ensure_ascii=False) + "\n")
        except OSError as error:
            raise BaselineError(f"{self.path}: cannot write: {error.strerror or error}") from None
        self.written = True
