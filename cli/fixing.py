"""`replylint check --fix / --unsafe-fixes / --diff`: rewrite files with their findings' fixes.

A finding's position is mapped back into the file by its line and column, and a fix is only
used where the file holds exactly the flagged text there (an HTML entity, a JSON escape or a
folded YAML value in the span leaves that fix out). After applying, the file is read again
with its reader and must give exactly the fixed replies, else it is not written. Files keep
their encoding, byte-order mark and line ends, and are replaced atomically.
"""

from __future__ import annotations

import codecs
import difflib
import html
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from replylint.checks import Finding, Reply, lint_reply
from replylint.checks.fixes import apply_edits, chosen_fixes
from replylint.cli.inputs.readers import READERS
from replylint.cli.inputs.targets import (
    InputError,
    InputProblem,
    Source,
    Target,
    collect_targets,
    decode,
    input_format,
    read_bytes,
)
from replylint.config import ConfigError, ConfigResolver, Plan

# Formats whose line and column are exact in the file (README, Input formats). E-mail bodies
# may be quoted-printable or base64, where a position counts in the decoded body.
EXACT_FORMATS = frozenset({"text", "markdown", "html", "json", "yaml", "csv"})
# Byte-order marks and the codec that writes the text after one (without a second mark).
ENCODINGS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
LINE_END = re.compile(r"\r\n|\r|\n")
MAX_PASSES = 4  # a fix can reveal another ("kindly kindly"); stop well before any loop


@dataclass(frozen=True, slots=True)
class FileFix:
    """What fixing one file did: its text before and after, fixes applied and left out."""

    name: str
    path: Path | None
    before: str
    after: str
    applied: int
    left: int  # fixes whose span is not exactly in the file, or that did not read back
    bom: bytes
    encoding: str
    note: str | None = None

    @property
    def changed(self) -> bool:
        """Whether the file's text changes."""
        return self.before != self.after

    def encoded(self) -> bytes:
        """The fixed text in the file's own encoding, with its byte-order mark."""
        return self.bom + self.after.encode(self.encoding, errors="surrogateescape")

    def diff(self) -> str:
        """A unified diff of the change (empty when nothing changes)."""
        lines = difflib.unified_diff(
            self.before.splitlines(keepends=True),
            self.after.splitlines(keepends=True),
            fromfile=f"a/{self.name}",
            tofile=f"b/{self.name}",
        )
        return "".join(line if line.endswith(("\n", "\r")) else line + "\n" for line in lines)


@dataclass(frozen=True, slots=True)
class Unfixable:
    """A file with fixes that are not applied because its format's positions are not exact."""

    name: str
    message: str

    def __str__(self) -> str:
        return f"{self.name}: {self.message}"


def fix_targets(
    resolver: ConfigResolver,
    paths: tuple[str, ...],
    *,
    unsafe: bool,
    input_override: str | None = None,
    stdin_name: str = "-",
    force_exclude: bool = False,
) -> Iterator[FileFix | Unfixable | InputError]:
    """Every target's fix (computed, not written), why it is not fixed, or its input error."""

    def excluded(path: Path) -> bool:
        try:
            return resolver.for_path(path).is_excluded(path)
        except ConfigError:
            return False

    for item in collect_targets(paths, stdin_name, excluded, force_exclude):
        outcome: FileFix | Unfixable | InputError | None
        if isinstance(item, Target):
            outcome = _fix_target(resolver, item, unsafe, input_override)
        else:
            outcome = item
        if outcome is not None:
            yield outcome


def _fix_target(
    resolver: ConfigResolver, target: Target, unsafe: bool, override: str | None
) -> FileFix | Unfixable | InputError | None:
    try:
        config = resolver.for_path(target.config_path)
    except ConfigError as error:
        return InputError(target.name, f"config error: {error}")
    fmt = input_format(target.path or Path(target.name), override)
    from replylint.cli.runner import _library_settings  # one definition of a file's settings

    settings, claimed = _library_settings(config, target)
    claimed = claimed or not target.walked
    try:
        data = read_bytes(target, config.max_file_size)
        text = decode(data, config.max_file_size)
    except InputProblem as error:
        return _problem(error, target, fmt, claimed)
    source = _Reading(target.name, config.max_file_size, settings, claimed, fmt)
    bom, encoding = _encoding_of(data)
    plan = config.plan_for(target.config_path)
    if fmt not in EXACT_FORMATS:
        try:
            fixable = _fixable(source.replies(text), plan, unsafe)
        except InputProblem as error:
            return _problem(error, target, fmt, claimed)
        if not fixable:
            return None
        return Unfixable(
            target.name,
            f"{_fixes(fixable)} not applied: positions in {fmt} files are not exact",
        )
    try:
        after, applied, left = fix_document(text, source, plan, unsafe)
    except InputProblem as error:
        return _problem(error, target, fmt, claimed)
    return FileFix(target.name, target.path, text, after, applied, left, bom, encoding)


def _problem(error: InputProblem, target: Target, fmt: str, claimed: bool) -> InputError | None:
    """The input error, unless check passes the file over (a walked JSON that holds no macros)."""
    from replylint.cli.runner import _problem as problem_of

    found = problem_of(error, target, fmt, claimed)
    return found[0] if found and isinstance(found[0], InputError) else None


@dataclass(frozen=True, slots=True)
class _Reading:
    """How a file is read: enough to read a fixed version of it the same way."""

    name: str
    max_size: int
    settings: Any
    claimed: bool
    fmt: str

    def replies(self, text: str) -> list[Reply]:
        data = text.encode("utf-8", "surrogateescape")
        source = Source(data, self.name, self.max_size, self.settings, self.claimed)
        return [r for r in READERS[self.fmt](source) if isinstance(r, Reply)]


def fix_document(text: str, reading: _Reading, plan: Plan, unsafe: bool) -> tuple[str, int, int]:
    """The file's text with fixes applied pass by pass; how many applied, how many left out."""
    applied = left = 0
    for _ in range(MAX_PASSES):
        replies = reading.replies(text)
        edits, expected, skipped = _plan_edits(text, replies, plan, unsafe, reading.fmt)
        left = skipped
        if not edits:
            break
        fixed = apply_edits(text, edits)
        if [r.text for r in reading.replies(fixed)] != expected:
            left += len(edits)  # it would not read back as the fixed replies: leave it
            break
        text, applied = fixed, applied + len(edits)
    return text, applied, left


def _fixable(replies: list[Reply], plan: Plan, unsafe: bool) -> int:
    """How many fixes the replies' findings would apply (in one pass)."""
    count = 0
    for reply in replies:
        reply.set_kind(plan.kind)
        count += len(chosen_fixes(lint_reply(reply, plan.checks).findings, unsafe))
    return count


def _plan_edits(
    text: str, replies: list[Reply], plan: Plan, unsafe: bool, fmt: str
) -> tuple[list[tuple[int, int, str]], list[str], int]:
    """File edits for the chosen fixes, each reply's text once fixed, and fixes left out."""
    starts = [0, *(m.end() for m in LINE_END.finditer(text))]
    edits: list[tuple[int, int, str]] = []
    expected: list[str] = []
    skipped = 0
    for reply in replies:
        reply.set_kind(plan.kind)
        findings = lint_reply(reply, plan.checks).findings
        reply_edits = []
        for finding in chosen_fixes(findings, unsafe):
            span = _file_span(text, starts, finding)
            if span is None:
                skipped += 1
                continue
            assert finding.fix is not None
            edits.append((*span, _encoded(finding.fix.replacement, fmt)))
            reply_edits.append((finding.start, finding.end, finding.fix.replacement))
        expected.append(apply_edits(reply.text, reply_edits))
    return edits, expected, skipped


def _file_span(text: str, starts: list[int], finding: Finding) -> tuple[int, int] | None:
    """Where the finding's text stands in the file, if exactly there."""
    if not (0 < finding.line <= len(starts) and 0 < finding.end_line <= len(starts)):
        return None
    start = starts[finding.line - 1] + finding.column - 1
    end = starts[finding.end_line - 1] + finding.end_column - 1
    return (start, end) if text[start:end] == finding.text else None


def _encoded(replacement: str, fmt: str) -> str:
    """The replacement as the file's format writes it (escaped in JSON strings and HTML)."""
    if fmt == "json":
        return json.dumps(replacement, ensure_ascii=False)[1:-1]
    if fmt == "html":
        return html.escape(replacement, quote=False)
    return replacement


def _encoding_of(data: bytes) -> tuple[bytes, str]:
    for bom, encoding in ENCODINGS:
        if data.startswith(bom):
            return bom, encoding
    return b"", "utf-8"


def write_fix(fixed: FileFix) -> str | None:
    """Replace the file with its fixed text, atomically; why it was not written, or None.

    Like --output, never through a symbolic link that leads out of the working tree (a link
    committed in the linted repository must not get a file elsewhere rewritten).
    """
    from replylint.cli.files import link_out_of_tree, work_tree, write_bytes_atomically

    assert fixed.path is not None
    tree = work_tree(Path.cwd())
    leads_to = link_out_of_tree(fixed.path, tree)
    if leads_to is not None:
        return f"a symbolic link to {leads_to}, outside the working tree {tree}; not fixed"
    try:
        write_bytes_atomically(fixed.path, fixed.encoded())
    except OSError as error:
        return f"cannot write: {error.strerror or error}"
    return None


def _fixes(count: int) -> str:
    return f"{count} fix{'es' * (count != 1)}"


def report_fixes(
    fixes: list[FileFix | Unfixable | InputError], wrote: bool, errors: IO[str] | None = None
) -> None:
    """One line per file fixes left out, then how many fixes went into how many files.

    Input errors are printed only with --diff: otherwise the report after fixing names them.
    """
    stream = errors or sys.stderr
    for item in fixes:
        if isinstance(item, Unfixable) or (isinstance(item, InputError) and not wrote):
            print(f"replylint: {item}", file=stream)
        elif isinstance(item, FileFix) and item.left:
            print(
                f"replylint: {item.name}: {_fixes(item.left)} not applied: "
                "the flagged text is not exactly at its position in the file (an entity, escape "
                "or folded value)",
                file=stream,
            )
    done = [f for f in fixes if isinstance(f, FileFix) and f.changed]
    count = sum(f.applied for f in done)
    verb = "fixed" if wrote else "would fix"
    print(
        f"replylint: {verb} {count} finding{'s' * (count != 1)} in "
        f"{len(done)} file{'s' * (len(done) != 1)}",
        file=stream,
    )
