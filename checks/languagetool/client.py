"""LanguageTool for the grammar checks: backend choice, one request per reply, cache, n/a reasons.

Backends (option ``server``; the environment variable REPLYLINT_LANGUAGETOOL, read only in
``_server``, replaces the default "auto"):

- ``http://host:port`` — a LanguageTool server the user runs (the CI setup). Nothing is ever
  sent to a host the user did not name; the public languagetool.org API only if its URL is given.
- ``local`` — a local server started by language-tool-python (Java >= 17; it may download
  LanguageTool on first use).
- ``auto`` — a local install that is already there (no download), else skip with a notice.
- ``off`` — never.

The three checks (spelling, grammar, style) share one request per reply: an in-process memo
plus the disk cache (see languagetool_cache), which is read before any backend is chosen, so a
warm run neither probes Java nor starts a server. When LanguageTool is unavailable, or fails during
the run, the checks are n/a with one clear reason — never a crash, never a silent pass — and a
server that failed once gets no more requests this run. Why n/a and not a CheckFailure: the
engine counts a failed check's category as measured (a 100 for correctness); n/a leaves it out.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from replylint.checks.languagetool import cache as disk
from replylint.checks.languagetool.options import (
    DEFAULT_DISABLED_RULES,
    OFF_REASON,
    OPTIONS,
    server_setting,
)
from replylint.checks.languagetool.server import (
    LanguageToolError,
    base_url,
    java_problem,
    local_install,
    post_check,
    start_local,
)
from replylint.checks.languagetool.text import LtMatch, annotate, parse_matches, to_matches
from replylint.checks.model import Options, Severity
from replylint.checks.packs.registry import pack_for
from replylint.checks.reply.parsed import Reply

NOTICE = "grammar: skipped — LanguageTool not available: {reason}; see README"
# A server the user named (local or a URL) that cannot be used: an error of the run, not a
# skip (the runner turns it into exit 2; see options.explicit_server).
UNUSABLE = "grammar: LanguageTool {server} cannot be used: {reason}; the grammar checks did not run"
MEMO_SIZE = 64

SPELLING_CATEGORIES = frozenset({"TYPOS"})
STYLE_CATEGORIES = frozenset(
    {
        "STYLE",
        "TYPOGRAPHY",
        "REDUNDANCY",
        "PLAIN_ENGLISH",
        "REPETITIONS_STYLE",
        "TEXT_ANALYSIS",
        "WIKIPEDIA",
        "GENDER_NEUTRALITY",
    }
)
DEFAULT_SEVERITY = {
    "TYPOS": Severity.WARNING,
    "GRAMMAR": Severity.WARNING,
    "STYLE": Severity.INFO,
    "TYPOGRAPHY": Severity.INFO,
    "REDUNDANCY": Severity.INFO,
}
__all__ = ["DEFAULT_DISABLED_RULES", "OPTIONS", "cache_dir", "clear_cache", "lookup"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """LanguageTool's matches for one reply, or the reason there are none to give."""

    matches: tuple[LtMatch, ...] = ()
    reason: str | None = None


_memo: OrderedDict[tuple[Any, ...], Outcome] = OrderedDict()
_backends: dict[str, tuple[str | None, str | None]] = {}  # server option -> (backend, why not)
_dead: dict[str, str] = {}  # backend -> the notice of its failure


def family(category: str) -> str:
    """Which check reports a LanguageTool category: spelling, grammar or style."""
    if category in SPELLING_CATEGORIES:
        return "spelling"
    return "style" if category in STYLE_CATEGORIES else "grammar"


def severity_of(category: str, options: Options) -> Severity:
    """The severity for a category: ``severity-map`` first, then the defaults, then the family."""
    overrides = {str(k).upper(): v for k, v in (options.get("severity-map") or {}).items()}
    if category in overrides:
        return Severity.parse(str(overrides[category]))
    default = Severity.INFO if family(category) == "style" else Severity.WARNING
    return DEFAULT_SEVERITY.get(category, default)


def cache_dir() -> Path:
    """Where replylint caches (REPLYLINT_CACHE_DIR, $XDG_CACHE_HOME/replylint, ~/.cache/…)."""
    return disk.cache_dir()


def clear_cache() -> int:
    """Delete the cached LanguageTool answers; returns the number of entries removed."""
    _memo.clear()
    return disk.clear()


def reset() -> None:
    """Forget this run's answers, backend choices and failed servers (tests, long runs)."""
    _memo.clear()
    _backends.clear()
    _dead.clear()


def lookup(reply: Reply, options: Options) -> Outcome:
    """LanguageTool's matches for the reply, asked at most once per text and settings."""
    try:
        return _lookup(reply, options)
    except Exception as error:  # not_applicable runs outside the engine's guard: never raise
        return Outcome(reason=NOTICE.format(reason=f"unexpected {type(error).__name__}"))


def _language(reply: Reply, options: Options) -> str:
    """The ``language`` option for English replies; for a pack's language, the pack's code."""
    pack = pack_for(reply.language) if reply.language not in (None, "en") else None
    if pack is not None and pack.languagetool is not None:
        return pack.languagetool
    return str(options.get("language") or "en-US")


def _lookup(reply: Reply, options: Options) -> Outcome:
    server = server_setting(options)
    if server == "off":
        return Outcome(reason=OFF_REASON)
    use_cache = bool(options.get("cache", True))
    form = {
        "language": _language(reply, options),
        "motherTongue": str(options.get("mother-tongue") or ""),
        "disabledRules": ",".join(sorted(map(str, options.get("disabled-rules") or ()))),
        "disabledCategories": ",".join(
            sorted(str(c).upper() for c in options.get("disabled-categories") or ())
        ),
    }
    memo_key = (reply.text, reply.masks.spans, server, use_cache, *form.values())
    if memo_key in _memo:
        _memo.move_to_end(memo_key)
        return _memo[memo_key]
    outcome = _ask(reply, server, {k: v for k, v in form.items() if v}, use_cache, options)
    _memo[memo_key] = outcome
    if len(_memo) > MEMO_SIZE:
        _memo.popitem(last=False)
    return outcome


def _ask(
    reply: Reply, server: str, form: dict[str, str], use_cache: bool, options: Options
) -> Outcome:
    annotation = annotate(reply)
    if annotation is None:  # nothing the agent wrote is left once masks are out
        return Outcome()
    form["data"] = json.dumps({"annotation": annotation}, ensure_ascii=False)
    key = disk.entry_key(form)
    # The cache comes first: a warm run neither probes Java nor starts a server.
    raw = disk.load(key) if use_cache else None
    if raw is None:
        backend, why_not = _backend(server)
        if backend is None:
            return Outcome(reason=_unavailable(server, str(why_not)))
        if backend in _dead:
            return Outcome(reason=_dead[backend])
        try:
            base = start_local(backend[6:]) if backend.startswith("local:") else backend
            answer = post_check(base, form, float(options.get("timeout") or 15.0))
            raw = parse_matches(answer)
        except (LanguageToolError, ValueError) as error:
            where = "local LanguageTool" if backend.startswith("local:") else backend[:-4]
            message = str(error) if isinstance(error, LanguageToolError) else f"{where}: {error}"
            _dead[backend] = _unavailable(server, f"{message} (no more requests this run)")
            return Outcome(reason=_dead[backend])
        if use_cache:
            disk.store(key, raw)
    return Outcome(matches=tuple(to_matches(reply.text, raw)))


def _unavailable(server: str, reason: str) -> str:
    """The reason the grammar checks did not run: a skip under auto, else an error."""
    if server == "auto":
        return NOTICE.format(reason=reason)
    return UNUSABLE.format(
        server="server " + server if "://" in server else "(local)", reason=reason
    )


def _backend(server: str) -> tuple[str | None, str | None]:
    """(backend, None) — a ``…/v2/`` URL or ``local:<version>`` — or (None, why not)."""
    if server not in _backends:
        _backends[server] = _resolve(server)
    return _backends[server]


def _resolve(server: str) -> tuple[str | None, str | None]:
    if server.startswith(("http://", "https://")):
        return base_url(server), None
    if server not in ("auto", "local"):
        return None, f"server must be auto, off, local or an http(s):// URL, not {server!r}"
    version, why_not = local_install()
    if version is None and server == "auto":
        return None, why_not
    problem = java_problem()
    if problem is not None:
        return None, problem
    # An explicit "local" without an install lets language-tool-python download its default.
    return f"local:{version or ''}", None
