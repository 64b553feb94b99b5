"""template-slot: unfilled or broken placeholders left in a reply or macro (GUIDANCE §7)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from replylint.checks.model import Category, Check, Example, Hit, Option, Options, Severity
from replylint.checks.reply.masks import blank_out, merge
from replylint.checks.reply.parsed import Reply

# Slots an agent fills by hand; a helpdesk never fills them: [Customer Name], <insert date>.
# Mail clients and HTML-to-text conversion leave "[Image]" or "[EXTERNAL]" tags: not slots.
CONVERSION_TAGS = (
    r"(?!(?i:image|photo|picture|logo|icon|attachment|external|spam|suspicious|caution"
    r"|edit|edited|update|updated|solved|resolved|closed)\])"
)
BRACKET_SLOT = re.compile(
    r"\[" + CONVERSION_TAGS + r"(?:(?i:insert|enter|add|your)\b[^\[\]\n]{0,60}"
    r"|[A-Z][\w.'-]*(?:[ _][A-Z][\w.'-]*){0,5}|[A-Z][A-Z0-9_]+)\](?![(:\[])"
    r"|<(?i:insert|enter|add|your)\b[^<>\n]{0,60}>|<<[\w .\-]+>>"
)
# Draft markers. "TBD" after a status verb ("the date is still TBD") is news, not a gap.
# "XXXX-XXXX-XXXX-4242" is a redacted card number, not a slot.
MARKER = re.compile(
    r"(?<![\dX][-/ ])\bX{3,}\b(?![-/ ]?[X\d])|\bTODO\b|\bFIXME\b"
    r"|(?<!\bis )(?<!\bstill )(?<!\bremains )(?<!\bare )\bTBD\b"
)
MARKER_HINTS = ("XXX", "TODO", "FIXME", "TBD")
BRACES = re.compile(r"\{\{\{?|\}\}\}?|\{%|%\}")
OPEN_WORD = re.compile(r"(?:\{\{\{?|\{%)(?:[ \t]*[\w.\-]+)?\}?")
CLOSE_WORD = re.compile(r"\{?[\w.\-]*[ \t]*$")
VARIABLE = re.compile(r"^[\s\-~]*([^|}%]*?)[\s\-~]*(?:\|.*)?$", re.DOTALL)
LOOK_BACK = 80  # characters searched for the variable name before stray closing braces
FILL = "Replace it with the real value before sending"


def run(reply: Reply, options: Options) -> Iterator[Hit]:
    """Bracket slots, draft markers, broken braces and (optionally) unknown variables."""
    view = _view(reply)
    # Each scan needs a character most replies lack; skipping them keeps this check cheap.
    if options["bracket-slots"] and ("[" in view or "<" in view):
        for match in BRACKET_SLOT.finditer(view):
            yield Hit(*match.span(), f"Unfilled slot '{match.group()}'", FILL)
    if any(marker in view for marker in MARKER_HINTS):
        for match in MARKER.finditer(view):
            yield Hit(*match.span(), f"Draft marker '{match.group()}' left in the reply", FILL)
    if "{" in view or "}" in view:
        yield from _braces(view, [str(v) for v in options["known-variables"]])


def _view(reply: Reply) -> str:
    """The text with code, URLs and quotes blank but placeholders visible (to this check only)."""
    spans = reply.masks.spans
    hidden = [s for s in spans if s[2] not in CHECK.reads_masked]
    if not hidden:
        return reply.text
    view = blank_out(reply.text, hidden)
    # A placeholder may overlap a URL ("https://{{ host }}/"); keep its braces whole here,
    # the engine still hides hits that touch the URL.
    shown = merge([s for s in spans if s[2] == "placeholder"])
    pieces: list[str] = []
    position = 0
    for start, end, _kind in shown:
        pieces += [view[position:start], reply.text[start:end]]
        position = end
    pieces.append(view[position:])
    return "".join(pieces)


def _braces(view: str, known: list[str]) -> Iterator[Hit]:
    opened: re.Match[str] | None = None
    for token in BRACES.finditer(view):
        if opened is not None and "\n" in view[opened.end() : token.start()]:
            yield _unclosed(view, opened)
            opened = None
        if token.group().startswith("{"):
            if opened is not None:
                yield _unclosed(view, opened)
            opened = token
            continue
        if opened is None or (opened.group() == "{%") != (token.group() == "%}"):
            if opened is not None:
                yield _unclosed(view, opened)
            start = CLOSE_WORD.search(view, max(token.start() - LOOK_BACK, 0), token.start())
            begin = start.start() if start else token.start()
            yield Hit(begin, token.end(), "Closing braces without an opening pair", FILL)
            opened = None
            continue
        yield from _well_formed(view, opened.start(), token.end(), known)
        opened = None
    if opened is not None:
        yield _unclosed(view, opened)


def _unclosed(view: str, opened: re.Match[str]) -> Hit:
    span = OPEN_WORD.match(view, opened.start())
    end = span.end() if span else opened.end()
    close = "%}" if opened.group() == "{%" else "}}"
    return Hit(opened.start(), end, f"Placeholder opened but never closed with '{close}'", FILL)


def _well_formed(view: str, start: int, end: int, known: list[str]) -> Iterator[Hit]:
    inner = view[start:end].strip("{}%")
    name = VARIABLE.match(inner)
    variable = name.group(1).strip() if name else inner.strip()
    if not variable:
        yield Hit(start, end, "Empty placeholder", "Put the variable name inside, or remove it")
    elif known and view[start + 1] == "{" and variable not in known:
        close = difflib.get_close_matches(variable, known, n=1, cutoff=0.6)
        hint = f"Did you mean {{{{{close[0]}}}}}?" if close else "Use one of known-variables"
        yield Hit(start, end, f"'{variable}' is not one of the team's helpdesk variables", hint)


CHECK = Check(
    code="RL901",
    name="template-slot",
    category=Category.CORRECTNESS,
    summary="Unfilled slots ([Customer Name], <insert …>, XXX, TODO) and broken placeholders.",
    rationale=(
        "A reply that reaches the customer with '[Customer Name]' or '{{name' in it tells them "
        "they got a form letter nobody read (GUIDANCE §7: treat customers as people, not "
        "numbers) and hides the fact they were waiting for."
    ),
    guidance="GUIDANCE §7 Empathy, choice, thanks, a human voice",
    run=run,
    severity=Severity.ERROR,
    options={
        "bracket-slots": Option(
            bool,
            True,
            "flag [Customer Name] / <insert …> slots; set false for a macro library that "
            "uses them on purpose for agents to fill",
        ),
        "known-variables": Option(
            list,
            [],
            "the helpdesk's {{ … }} variables (e.g. ticket.requester.first_name); when set, "
            "any other {{ … }} variable is flagged",
        ),
    },
    examples=(
        Example("Hi [Customer Name], your refund was issued today.", fails=True),
        Example("Hi {{ticket.requester.first_name}, your refund was issued today.", fails=True),
        Example("Hi {{ticket.requester.first_name}}, your refund was issued today.", fails=False),
    ),
    reads_masked=frozenset({"placeholder", "signature"}),
)
