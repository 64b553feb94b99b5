"""Results of files linted before, reused while nothing that decides them has changed.

CI jobs and pre-commit lint mostly the same files run after run. A file's results are stored
under a key made of everything that decides them: the file's bytes and name, how it is read
(input format, macro settings, size limit, whether it was named or found), the active checks
with their severities and options, the kind, replylint's own code (its version plus the size
and time of every source and lexicon file, so a development install never reuses results of
older code) and the plugins' versions. Results are not stored when a check that asks a service
(LanguageTool) is active, nor when a check crashed.

One SQLite file in the cache folder: safe for concurrent runs, written by the main process in
batches, entries unused for 30 days dropped. Values are JSON, never pickle: a cache folder
shared between CI jobs must not become a way to run code. A cache that cannot be opened or
written only costs speed, never a result.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from replylint.checks import Category, Finding, Fix, Kind, Registry, ReplyResult, Severity
from replylint.checks.disk_cache import cache_dir
from replylint.checks.engine import ActiveCheck
from replylint.checks.languagetool.options import server_setting
from replylint.checks.reply.practice import Practice
from replylint.checks.score import Score
from replylint.cli import __version__
from replylint.cli.inputs.targets import InputError

FILE_NAME = "results-v1.sqlite3"
DAY = 24 * 3600
KEEP_SECONDS = 30 * DAY  # entries unused this long are dropped
TOUCH_AFTER = DAY  # a reused entry's time of use is refreshed at most this often
WRITE_BATCH = 1000  # entries held before a write, so a 100,000-file run never holds them all
PACKAGE_FOLDERS = ("checks", "config", "cli")

Outcome = ReplyResult | InputError


def code_fingerprint(registry: Registry, package: Path | None = None) -> str:
    """replylint's version and files, and the plugins' origins (name and version)."""
    digest = hashlib.sha256(f"{__version__}\0".encode())
    # site-packages/replylint; the three folders are one namespace, perhaps in three places
    # (an editable install), so each folder is found from its own package.
    folders = _package_folders() if package is None else {f: package / f for f in PACKAGE_FOLDERS}
    for folder, where in folders.items():
        for root, subfolders, names in os.walk(where):
            subfolders[:] = sorted(s for s in subfolders if s != "__pycache__")
            relative = os.path.relpath(root, where).replace(os.sep, "/")
            for name in sorted(names):
                if name.endswith((".py", ".yaml")):
                    info = os.stat(os.path.join(root, name))
                    line = f"{folder}/{relative}/{name}:{info.st_size}:{info.st_mtime_ns}\0"
                    digest.update(line.encode())
    digest.update(json.dumps(sorted(registry.origins.items())).encode())
    return digest.hexdigest()


def _package_folders() -> dict[str, Path]:
    import replylint.checks
    import replylint.cli
    import replylint.config

    modules = {"checks": replylint.checks, "config": replylint.config, "cli": replylint.cli}
    return {name: Path(module.__file__ or ".").resolve().parent for name, module in modules.items()}


def plan_fingerprint(
    code: str, checks: Sequence[ActiveCheck], kind: Kind | None, language: str = "auto"
) -> str | None:
    """What the active checks decide, or None when results must not be stored."""
    for active in checks:
        if active.check.asks_service and server_setting(active.options) != "off":
            return None
    described = [
        (
            a.check.code,
            str(a.severity),
            sorted((k, repr(v)) for k, v in a.options.items()),
            a.check.environment() if a.check.environment is not None else "",
        )
        for a in checks
    ]
    return hashlib.sha256(repr((code, described, str(kind), language)).encode()).hexdigest()


def file_key(plan: str, reading: Any, name: str, data: bytes) -> str:
    """The key of one file's results: the plan, how it is read, its name and bytes."""
    digest = hashlib.sha256(plan.encode())
    digest.update(json.dumps([reading, name], sort_keys=True, default=repr).encode())
    digest.update(b"\0")
    digest.update(data)
    return digest.hexdigest()


def dump(outcomes: Iterable[Outcome]) -> str | None:
    """The outcomes as JSON, or None when they must not be stored (a check crashed)."""
    records: list[Any] = []
    for outcome in outcomes:
        if isinstance(outcome, InputError):
            records.append({"error": [outcome.path, outcome.message]})
            continue
        if outcome.failures:
            return None
        records.append(
            {
                "path": outcome.path,
                "reply": outcome.reply_id,
                "kind": str(outcome.kind),
                "words": outcome.words,
                "findings": [_finding_record(f) for f in outcome.findings],
                "not_applicable": dict(outcome.not_applicable),
                "score": [
                    outcome.score.overall,
                    {str(c): v for c, v in outcome.score.categories.items()},
                    _practice_record(outcome.score.practice),
                ],
                "suppressed": outcome.suppressed,
                "title": outcome.title,
                "contexts": [list(c) for c in outcome.contexts],
                "readability": outcome.readability,
                "partly_measured": {c: list(n) for c, n in outcome.partly_measured.items()},
                "unmeasured": list(outcome.unmeasured),
                "not_linted": outcome.not_linted,
                "language": outcome.language,
                "row": outcome.row,
                "fingerprint": outcome.fingerprint,
            }
        )
    # ASCII: SQLite stores UTF-8 only, and a lone surrogate (a JSON escape in a macro, a file
    # name that is not UTF-8) would make the store refuse the row.
    return json.dumps(records)


def _practice_record(practice: Practice) -> list[int | bool]:
    return [practice.specific, practice.actionable, practice.asks, practice.complete]


def load(value: str) -> list[Outcome]:
    """The outcomes stored by ``dump``."""
    outcomes: list[Outcome] = []
    for record in json.loads(value):
        if "error" in record:
            outcomes.append(InputError(*record["error"]))
            continue
        overall, categories, practice = record["score"]
        outcomes.append(
            ReplyResult(
                path=record["path"],
                reply_id=record["reply"],
                kind=KINDS[record["kind"]],
                words=record["words"],
                findings=tuple(_finding(f) for f in record["findings"]),
                not_applicable=record["not_applicable"],
                failures=(),
                score=Score(
                    overall,
                    {CATEGORIES[c]: v for c, v in categories.items()},
                    Practice(*practice),
                ),
                suppressed=record["suppressed"],
                title=record["title"],
                contexts=tuple((line, column) for line, column in record["contexts"]),
                readability=record["readability"],
                partly_measured={c: tuple(n) for c, n in record["partly_measured"].items()},
                unmeasured=tuple(record.get("unmeasured", ())),
                not_linted=record["not_linted"],
                language=record.get("language", "en"),
                row=record.get("row"),
                fingerprint=record.get("fingerprint"),
            )
        )
    return outcomes


def _finding_record(finding: Finding) -> list[Any]:
    return [
        finding.path,
        finding.line,
        finding.column,
        finding.code,
        finding.end_line,
        finding.end_column,
        finding.start,
        finding.end,
        finding.name,
        str(finding.severity),
        str(finding.category),
        finding.message,
        finding.text,
        finding.suggestion,
        finding.guidance,
        finding.reply_id,
        None if finding.fix is None else [finding.fix.replacement, finding.fix.safe],
    ]


# Plain dicts: enum lookups by value cost ~1 µs each, and a warm run makes ~10 per file.
SEVERITIES = {str(s): s for s in Severity}
CATEGORIES = {str(c): c for c in Category}
KINDS = {str(k): k for k in Kind}


def _finding(record: list[Any]) -> Finding:
    values = list(record)
    values[9] = SEVERITIES[values[9]]
    values[10] = CATEGORIES[values[10]]
    if len(values) > 16 and values[16] is not None:
        values[16] = Fix(*values[16])
    return Finding(*values)


class ResultsCache:
    """The SQLite store; each process opens its own connection (never one across a fork)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or cache_dir() / FILE_NAME
        self._connection: sqlite3.Connection | None = None
        self._pid = 0
        self._broken = False
        self._new: dict[str, str] = {}
        self._used: set[str] = set()  # reused entries last used over TOUCH_AFTER ago
        self._now = int(time.time())

    def get_many(self, keys: Sequence[str]) -> dict[str, list[Outcome]]:
        """The stored outcomes of those ``keys`` that are stored (one query); notes the reuse
        (see flush)."""
        connection = self._connect()
        if connection is None or not keys:
            return {}
        marks = ",".join("?" * len(keys))
        try:
            rows = connection.execute(
                f"SELECT key, value, used FROM results WHERE key IN ({marks})", keys
            ).fetchall()
        except sqlite3.Error:
            return {}
        found = {}
        for key, value, used in rows:
            try:
                found[key] = load(value)
            except (ValueError, KeyError, TypeError, IndexError):
                continue  # an unreadable entry is linted again (and replaced)
            if used < self._now - TOUCH_AFTER:  # a warm run rewrites no page of fresh entries
                self._used.add(key)
        self._flush_if_full()
        return found

    def remember(self, key: str, value: str) -> None:
        """Note a new result to store."""
        self._new[key] = value
        self._flush_if_full()

    def _flush_if_full(self) -> None:
        if len(self._new) + len(self._used) >= WRITE_BATCH:
            self.flush()

    def flush(self, evict: bool = False) -> None:
        """Write what was noted in one transaction; ``evict``: drop entries unused too long."""
        if not self._new and not self._used and not evict:
            return
        connection = self._connect()
        now = self._now
        statements: list[tuple[str, list[tuple[Any, ...]] | None]] = [
            (
                "INSERT OR REPLACE INTO results (key, value, used) VALUES (?, ?, ?)",
                [(k, v, now) for k, v in self._new.items()],
            ),
            ("UPDATE results SET used = ? WHERE key = ?", [(now, k) for k in self._used]),
        ]
        if evict:  # the day is kept in the file's header so that this runs once a day
            statements.append(("DELETE FROM results WHERE used < ?", [(now - KEEP_SECONDS,)]))
            statements.append((f"PRAGMA user_version = {now // DAY}", None))
        try:
            if connection is not None:
                _in_transaction(connection, *statements)
        except sqlite3.Error:
            self._broken = True
        self._new.clear()
        self._used.clear()

    def close(self) -> None:
        """Flush, drop entries unused for KEEP_SECONDS (once a day), and close."""
        connection = self._connection
        if connection is None or self._pid != os.getpid():
            self.flush()
            return
        try:
            evicted_on = connection.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.Error:
            evicted_on = None
        self.flush(evict=evicted_on is not None and evicted_on != self._now // DAY)
        with contextlib.suppress(sqlite3.Error):
            connection.close()
        self._connection = None

    def _connect(self) -> sqlite3.Connection | None:
        if self._broken:
            return None
        if self._connection is not None and self._pid == os.getpid():
            return self._connection
        try:
            self._connection = _open(self.path)
        except sqlite3.DatabaseError:
            try:  # not a database (damaged, or something else): start a new one
                self.path.unlink(missing_ok=True)
                self._connection = _open(self.path)
            except (OSError, sqlite3.Error):
                self._broken = True
                return None
        except (OSError, sqlite3.Error):
            self._broken = True
            return None
        self._pid = os.getpid()
        return self._connection


def _in_transaction(
    connection: sqlite3.Connection, *statements: tuple[str, list[tuple[Any, ...]] | None]
) -> None:
    """Run the statements (once each, or once per row) in one transaction.

    The connection is in autocommit mode.
    """
    connection.execute("BEGIN IMMEDIATE")
    try:
        for sql, rows in statements:
            if rows is None:
                connection.execute(sql)
            else:
                connection.executemany(sql, rows)
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _open(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, timeout=10, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.execute(
            "CREATE TABLE IF NOT EXISTS results "
            "(key TEXT PRIMARY KEY, value TEXT NOT NULL, used INTEGER NOT NULL) WITHOUT ROWID"
        )
    except sqlite3.Error:
        connection.close()
        raise
    return connection


def clear(path: Path | None = None) -> int:
    """Delete the store; returns how many files' results it held (0 if it was unreadable)."""
    path = path or cache_dir() / FILE_NAME
    count = 0
    if path.exists():
        try:
            connection = sqlite3.connect(path, timeout=10)
            try:
                count = int(connection.execute("SELECT count(*) FROM results").fetchone()[0])
            finally:
                connection.close()
        except sqlite3.Error:
            count = 0
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return count
