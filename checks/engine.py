"""Runs the enabled checks over one reply and turns their hits into placed findings.

Checks never place, filter or grade their own hits; everything they have in common happens
here once: masking, suppression, severity, line/column, ordering and the score.
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from replylint.checks.model import (
    Category,
    Check,
    Finding,
    Fix,
    Hit,
    Kind,
    Severity,
)
from replylint.checks.packs.detect import identify
from replylint.checks.packs.pack import LanguagePack
from replylint.checks.packs.registry import pack_for, reads
from replylint.checks.packs.run import pack_hits
from replylint.checks.reply.masks import merge
from replylint.checks.reply.parsed import Reply
from replylint.checks.reply.practice import NO_PRACTICE, good_practice
from replylint.checks.reply.readability import reply_reading_ease
from replylint.checks.score import CATEGORIES, Score, score_reply
from replylint.checks.suppress import Suppression, directive_problems, find_suppressions

# Mask kinds no check may flag, whatever it declares: quoted history is never the agent's
# reply. Every other kind (placeholder, url, signature, ...) is hidden unless the check lists
# it in reads_masked: template-slot reads placeholders and the signature, where an unfilled
# "[Your Name]" is most often left.
ALWAYS_MASKED = frozenset({"quote", "comment", "directive"})


@dataclass(frozen=True, slots=True)
class ActiveCheck:
    """A check as configured for a run: its severity and fully defaulted options."""

    check: Check
    severity: Severity
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CheckFailure:
    """A check that raised or returned a bad span: reported, the other checks still run."""

    code: str
    name: str
    message: str


@dataclass(frozen=True, slots=True)
class ReplyResult:
    """Everything the report needs about one reply, without keeping its text."""

    path: str
    reply_id: str | None
    kind: Kind
    words: int
    findings: tuple[Finding, ...]
    not_applicable: Mapping[str, str]
    failures: tuple[CheckFailure, ...]
    score: Score
    suppressed: int = 0
    title: str | None = None
    # The reply line around each finding (same order), so reports can show it without the text.
    contexts: tuple[tuple[str, int], ...] = ()
    # Flesch reading ease of the agent's sentences (GUIDANCE §6; None under ten words).
    readability: float | None = None
    # Measured categories some of whose checks could not measure this reply (a service
    # unavailable, not a kind they do not apply to): category -> those checks. Their
    # sub-score counts only the checks that ran, and reports mark it as partial.
    partly_measured: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Every check that could not measure this reply (a service or dictionary missing), in run
    # order: what the run announces, or fails on for a named server. Not the checks that are
    # n/a by kind or language.
    unmeasured: tuple[str, ...] = ()
    # Why the reply was not linted ("no language pack for German"): no check ran, no score.
    not_linted: str | None = None
    # The language pack that read it ("en", "lv"); None when no pack reads its language.
    language: str | None = "en"
    # A record with neither id nor title: its row (reports say "file:row N") and a hash of its
    # text, what baselines know it by (issue 15 item 18).
    row: int | None = None
    fingerprint: str | None = None


def lint_reply(
    reply: Reply,
    active: Sequence[ActiveCheck],
    title: str | None = None,
    known: Collection[str] | None = None,
    report_unused: bool = False,
) -> ReplyResult:
    """Run every active check on ``reply`` and collect placed, filtered, sorted findings.

    ``known``: every check identity of the registry, lower-cased (default: the built-in and
    active checks), to tell a misspelt name in a suppression directive; ``report_unused``:
    also flag directives that suppressed nothing (``--report-unused-suppressions``).
    """
    pack, language = _language_of(reply)
    if pack is None:  # no pack reads its language: a clean pass would be a lie
        if language == "not English":
            return _not_linted(reply, "not English, and no language pack recognises it")
        return _not_linted(reply, f"no language pack for {language}")
    findings: list[Finding] = []
    failures: list[CheckFailure] = []
    not_applicable: dict[str, str] = {}
    unmeasured: dict[str, list[str]] = {}
    measured: set[Category] = set()
    hidden_by_reads: dict[frozenset[str], tuple[list[tuple[int, int]], list[int]]] = {}
    suppressions = find_suppressions(reply.text)
    used: set[int] = set()  # indexes of the suppressions that silenced a finding
    suppressed = 0
    for item in active:
        check = item.check
        # Before its own applicability test: a check that cannot read the language is n/a,
        # not "unmeasured" (LanguageTool off says nothing about a Latvian reply).
        if not reads(check, pack):
            not_applicable[check.name] = f"not available for {pack.name} replies"
            continue
        try:
            reason = check.skip_reason(reply, item.options)
        except Exception as error:  # a broken applicability test is that check's failure
            failures.append(CheckFailure(check.code, check.name, _describe(error)))
            continue
        if reason is not None:
            not_applicable[check.name] = reason
            if check.announces(reason):  # not measured, rather than not applicable
                unmeasured.setdefault(str(check.category), []).append(check.name)
            continue
        measured.add(check.category)
        try:
            if pack.native or check.name not in pack.checks:
                hits = list(check.run(reply, item.options))
            else:
                hits = pack_hits(pack, check.name, reply, item.options)
                if check.any_language_part is not None:
                    hits.extend(check.any_language_part(reply, item.options))
        except Exception as error:  # a broken check must not hide the others' findings
            failures.append(CheckFailure(check.code, check.name, _describe(error)))
            continue
        if not hits:  # most checks find nothing in most replies: nothing to place or filter
            continue
        identities = _identities(check)
        seen: set[tuple[int, int]] = set()
        for hit in _visible(hits, reply, check, failures, hidden_by_reads):
            if (hit.start, hit.end) in seen:
                continue
            seen.add((hit.start, hit.end))
            covering = [i for i, s in enumerate(suppressions) if s.covers(hit.start, identities)]
            if covering:
                used.update(covering)
                suppressed += 1
                continue
            findings.append(_place(hit, reply, item))
    practice = good_practice(reply) if pack.native else NO_PRACTICE
    score = score_reply(reply.word_count, findings, measured, practice)
    if "replylint:" in reply.text:  # directive findings are about the template, not scored
        findings.extend(
            _directive_findings(reply, active, suppressions, used, known, report_unused)
        )
    findings.sort()
    return ReplyResult(
        path=reply.path,
        reply_id=reply.reply_id,
        kind=reply.kind,
        words=reply.word_count,
        findings=tuple(findings),
        not_applicable=not_applicable,
        failures=tuple(failures),
        score=score,
        suppressed=suppressed,
        title=reply.title,
        contexts=tuple(_context(reply, f.start) for f in findings),
        # Flesch's formula counts English syllables: meaningless in another language.
        readability=reply_reading_ease(reply) if pack.native else None,
        partly_measured={
            category: tuple(names)
            for category, names in unmeasured.items()
            if Category(category) in measured
        },
        unmeasured=tuple(name for names in unmeasured.values() for name in names),
        row=reply.row,
        fingerprint=_text_hash(reply.text) if reply.row is not None else None,
        language=pack.code,
    )


def _language_of(reply: Reply) -> tuple[LanguagePack | None, str]:
    """The pack that reads the reply (None: none does) and the language's name. A language set
    by config is taken as given; ``auto`` (or none set) is detected (packs/detect.py)."""
    if reply.language not in (None, "auto"):
        pack = pack_for(reply.language)
        name = pack.name if pack is not None else reply.language
    else:
        pack, name = identify(reply.token_starts, reply.masked)
    if pack is not None:
        reply.set_language(pack.code, pack.greetings, pack.sign_offs)
    return pack, name


# Findings about suppression directives themselves (issue 15 item 17: a typo must not silently
# suppress nothing): an engine feature, like the directives, so not a registered check.
SUPPRESSION_COMMENT = Check(
    code="RL000",
    name="suppression-comment",
    category=Category.CORRECTNESS,
    summary="A replylint: directive that suppresses nothing (misspelt, or unused).",
    rationale=(
        "A misspelt directive silences nothing while its author believes it does; with "
        "--report-unused-suppressions, one that suppressed nothing is reported too, so "
        "stale directives do not pile up in a template."
    ),
    guidance="README: Suppressing a finding",
    run=lambda reply, options: (),
)
_DIRECTIVE_ITEM = ActiveCheck(SUPPRESSION_COMMENT, Severity.WARNING)


def _directive_findings(
    reply: Reply,
    active: Sequence[ActiveCheck],
    suppressions: list[Suppression],
    used: set[int],
    known: Collection[str] | None,
    report_unused: bool,
) -> list[Finding]:
    if known is None:
        from replylint.checks import BUILTIN  # deferred: the package imports this module

        known = {i for c in (*BUILTIN, *(a.check for a in active)) for i in _identities(c)}
    problems = directive_problems(reply.text, known)
    if report_unused:
        running = {i for a in active for i in _identities(a.check)}
        for index, suppression in enumerate(suppressions):
            names = suppression.names
            if index in used or (names is not None and not names & running):
                continue  # a directive for checks not run this time may be needed by others
            start, end = suppression.at
            problems.append(
                (start, end, f"unused suppression: {reply.text[start:end]!r} suppressed nothing")
            )
    return [
        _place(Hit(start, end, message), reply, _DIRECTIVE_ITEM) for start, end, message in problems
    ]


def _identities(check: Check) -> tuple[str, ...]:
    return (check.name, check.code.lower(), str(check.category), *check.aliases)


def _not_linted(reply: Reply, reason: str) -> ReplyResult:
    return ReplyResult(
        path=reply.path,
        reply_id=reply.reply_id,
        kind=reply.kind,
        words=reply.word_count,
        findings=(),
        not_applicable={},
        failures=(),
        score=Score(None, dict.fromkeys(CATEGORIES)),
        title=reply.title,
        not_linted=reason,
        language=None,
        row=reply.row,
        fingerprint=_text_hash(reply.text) if reply.row is not None else None,
    )


def _text_hash(text: str) -> str:
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _context(reply: Reply, offset: int) -> tuple[str, int]:
    """The text line holding ``offset`` (cut to 240 characters around it) and its column."""
    start, end = reply.line_of(offset)
    column = offset - start
    if end - start <= 240:
        return reply.text[start:end], column
    # Only the window is copied: slicing the whole line for each finding made one long line
    # full of findings quadratic (issue 15 item 6).
    cut = max(column - 80, 0)
    return reply.text[start + cut : min(start + cut + 240, end)], column - cut


def _visible(
    hits: Iterable[Hit],
    reply: Reply,
    check: Check,
    failures: list[CheckFailure],
    hidden_by_reads: dict[frozenset[str], tuple[list[tuple[int, int]], list[int]]],
) -> Iterable[Hit]:
    """Hits with a valid span that do not touch a region this check may not flag."""
    length = len(reply.text)
    # The hidden regions depend only on what the check may read: one merge per reply serves
    # every check that reads no mask (all but template-slot).
    if check.reads_masked not in hidden_by_reads:
        merged = merge(
            [
                span
                for span in reply.masks.spans
                if span[2] in ALWAYS_MASKED or span[2] not in check.reads_masked
            ]
        )
        hidden_by_reads[check.reads_masked] = (
            [(s, e) for s, e, _ in merged],
            [s for s, _, _ in merged],
        )
    hidden, starts = hidden_by_reads[check.reads_masked]
    reported = False  # one failure per check and reply, however many bad hits it returned
    for hit in hits:
        problem = _malformed(hit, length)
        if problem is not None:
            if not reported:
                failures.append(CheckFailure(check.code, check.name, problem))
                reported = True
            continue
        if not _overlaps(hidden, starts, hit.start, max(hit.end, hit.start + 1)):
            yield hit


def _malformed(hit: object, length: int) -> str | None:
    """Why a check's output cannot be placed (a plugin's mistake), or None when it can."""
    if not isinstance(hit, Hit):
        return f"returned a {type(hit).__name__}, not a Hit"
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in (hit.start, hit.end)):
        return "returned a Hit whose start and end are not integers"
    if not 0 <= hit.start <= hit.end <= length:
        return f"returned a span {hit.start}-{hit.end} outside the text"
    if not isinstance(hit.message, str) or not isinstance(hit.suggestion, str | None):
        return "returned a Hit whose message or suggestion is not text"
    if not isinstance(hit.escalate, int):
        return "returned a Hit whose escalate is not an integer"
    fix = hit.fix
    if fix is not None and not (isinstance(fix, Fix) and isinstance(fix.replacement, str)):
        return "returned a Hit whose fix is not a Fix with a replacement text"
    return None


def _overlaps(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether [start, end) meets any of the sorted, disjoint ``spans``."""
    index = max(bisect.bisect_right(starts, start) - 1, 0)
    return any(s < end and start < e for s, e in spans[index : index + 2])


def _place(hit: Hit, reply: Reply, item: ActiveCheck) -> Finding:
    check = item.check
    line, column = reply.locate(hit.start)
    end_line, end_column = reply.locate(hit.end)
    text = reply.text[hit.start : hit.end]
    return Finding(
        path=reply.path,
        line=line,
        column=column,
        code=check.code,
        end_line=end_line,
        end_column=end_column,
        start=hit.start,
        end=hit.end,
        name=check.name,
        severity=item.severity.shifted(hit.escalate),
        category=check.category,
        message=hit.message,
        text=text,
        suggestion=hit.suggestion,
        guidance=check.guidance,
        reply_id=reply.reply_id,
        # A fix that would leave the text as it is is no fix (nothing for --fix to count).
        fix=hit.fix if hit.fix is None or hit.fix.replacement != text else None,
    )


def _describe(error: BaseException) -> str:
    # The exception type and its first line only: reply text must not leak into CI logs
    # through a long repr.
    first_line = str(error).splitlines()[0][:200] if str(error) else ""
    return f"{type(error).__name__}: {first_line}" if first_line else type(error).__name__
