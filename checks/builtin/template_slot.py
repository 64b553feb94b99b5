"""template-slot: unfilled or broken placeholders left in a reply or macro (GUIDANCE §7)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from replylint.checks.model import Category, Check, Example, Hit, Option, Options, Severity
from replylint.checks.regex_cache import compile_regex
from replylint.checks.reply.masks import blank_out, merge
from replylint.checks.reply.parsed import Reply

# Slots an agent fills by hand; a helpdesk never fills them: [Customer Name], <insert date>.
# Mail clients and HTML-to-text conversion leave "[Image]" or "[EXTERNAL]" tags: not slots.
CONVERSION_TAGS = (
    r"(?!(?i:image|photo|picture|logo|icon|attachment|external|spam|suspicious|caution"
    r"|edit|edited|update|updated|solved|resolved|closed)\])"
)
# Keys and buttons in instructions ("press <Enter>", "click [Save]") are not slots either.
KEYS = (
    r"(?!(?i:enter|return|esc|escape|tab|shift|ctrl|control|alt|cmd|command|option|delete|del"
    r"|backspace|space|home|end|ok|cancel|submit|save|apply|next|back|continue|yes|no|send"
    r"|close|done|login|log\s+in|sign\s+in|sign\s+up)[\]>])"
)
BRACKET_SLOT = compile_regex(
    r"\[" + CONVERSION_TAGS + KEYS + r"(?:(?i:insert|enter|add|your)\b[^\[\]\n]{0,60}"
    r"|[A-Z][\w.'-]*(?:[ _][A-Z][\w.'-]*){0,5}|[A-Z][A-Z0-9_]+)\](?![(:\[])"
    r"|<" + KEYS + r"(?i:insert|enter|add|your)\b[^<>\n]{0,60}>|<<[\w .\-]+>>"
)
# Draft markers. "TBD" after a status verb ("the date is still TBD") is news, not a gap.
# "XXXX-XXXX-XXXX-4242" is a redacted card number, not a slot.
MARKER = compile_regex(
    r"(?<![\dX][-/ ])\bX{3,}\b(?![-/ ]?[X\d])|\bTODO\b|\bFIXME\b"
    r"|(?<!\bis )(?<!\bstill )(?<!\bremains )(?<!\bare )\bTBD\b"
)
MARKER_HINTS = ("XXX", "TODO", "FIXME", "TBD")
# A slot name written in capitals, outside any delimiters: "#NUMBER", ".../REPONAME/issues",
# "ORDER_ID". Either a "#" reference to a slot word ("#NUMBER", "#ISSUE"), or a compound of a
# slot noun (NAME, NUMBER, ID, URL …) after a word that says whose ("REPO", "USER", "ORDER" …),
# so that acronyms, hashtags and shouting ("COVID", "#BLM", "PLEASE DO NOT") are not slots.
# Inside a well-formed placeholder ("{USERNAME}", "%%SITE_NAME%%", "{{ AUTHOR_NAME }}") it is
# the variable name, not a slot.
SLOT_OWNER = (
    r"(?:REPO|REPOSITORY|USER|ORG|ORGANI[SZ]ATION|PROJECT|PRODUCT|COMPANY|CUSTOMER|CLIENT|AGENT"
    r"|TICKET|ISSUE|ORDER|PR|SITE|TEAM|FIRST|LAST|FULL|ACCOUNT|BRANCH|PACKAGE|APP|SERVICE"
    r"|TRACKING|CASE|INVOICE|AUTHOR|CONTACT|STORE|SHOP|BRAND|PLAN|EVENT|BOOKING|PHONE|EMAIL"
    r"|YOUR|THEIR|HIS|HER|MY)"
)
SLOT_NOUN = r"(?:NAME|NUMBER|NUM|NO|ID|URL|LINK|DATE|EMAIL|ADDRESS|PHONE|TITLE|HANDLE|CODE)"
SLOT_WORD = compile_regex(
    r"#(?:" + SLOT_OWNER + r"_?)?" + SLOT_NOUN + r"|#(?:ISSUE|PR|TICKET|ORDER|CASE)"
    r"|" + SLOT_OWNER + r"_?" + SLOT_NOUN + r"S?"
)
# Runs of capitals are found first (one cheap scan), and only they are tested as slot words.
CAPITALS = compile_regex(r"[#A-Z][A-Z_]{3,}")
BEFORE_SLOT = frozenset("%{$<")  # a delimiter before it: part of a placeholder
AFTER_SLOT = frozenset("%}>")
# An @-mention left to fill: "(@maintainer)", "@username", and an "@" alone on its line. Real
# handles are names; these are the role a template asks the agent to replace.
AT_SLOT = compile_regex(
    r"(?<![\w.@])@(?:maintainers?|username|user-?name|user|handle|author|reviewers?|mention"
    r"|at-mention|someone|owner|assignee|contributor|person|name|team-?member|your-?handle)\b"
    r"|^[ \t]*@[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
# "[[at-mention]]", "[[minimized|deleted]]": a double-bracket slot (wiki syntax, which a reply
# never uses), and a lower-case bracketed noun phrase naming what goes there ("[product support
# URL, if easily found]", "[processing time]"). An aside in brackets ("[as agreed on the
# phone]") starts with a preposition or a verb and is not a slot.
DOUBLE_BRACKET = compile_regex(r"\[\[[^\[\]\n]{1,80}\]\]")
LOWER_SLOT = compile_regex(
    r"\[(?!(?i:as|on|in|at|by|to|for|from|with|of|via|per|see|is|was|were|are|and|or|if|when)\b)"
    r"(?:[a-z][\w'’-]*[ \t]+){0,4}"
    r"(?:URL|link|name|number|date|time|e-?mail(?:[ \t]+address)?|address|phone(?:[ \t]+number)?"
    r"|amount|price|ID|handle)"
    r"(?:[ \t]*(?:,|\bif\b|\bor\b|\be\.g\.)[^\[\]\n]{0,60})?\](?![(:\[])"
)
# "<Customer Name>", "<Date>": a slot in angle brackets (an HTML tag has no space and is lower
# case); "INSERT LINK HERE", "lorem ipsum"; and a greeting whose name slot came out empty
# ("Hello ,", "Dear ,").
ANGLE_SLOT = compile_regex(
    r"<[A-Z][a-z]+(?:[ _][A-Z][a-z]+){1,4}>"
    r"|<(?:Name|Date|Email|E-mail|Number|Link|URL|Address|Phone|Amount|Time)>"
)
# Each with the token or literal it needs, so that most replies skip the scan.
FILLERS = (
    (compile_regex(r"\b(?:INSERT|ENTER|ADD|PUT)\b[A-Z0-9 _'-]{2,40}\bHERE\b"), "HERE", ()),
    (compile_regex(r"\blorem\s+ipsum\b", re.IGNORECASE), None, ("lorem",)),
    (
        compile_regex(
            r"^[ \t]*(?:(?:hi|hello|hey)[ \t]+,|dear[ \t]*,)", re.MULTILINE | re.IGNORECASE
        ),
        None,
        ("hi", "hello", "hey", "dear"),
    ),
)
# "{{113542617735902}}": a template filled with the value but its braces left; a variable
# name never is a number ("{{ order_number }}" and "{{Order Number}}" are well-formed).
BRACED_VALUE = compile_regex(r"\{\{\{?[ \t]*\d[\d \t.,/-]*\}\}\}?")
BRACES = compile_regex(r"\{\{\{?|\}\}\}?|\{%|%\}")
OPEN_WORD = compile_regex(r"(?:\{\{\{?|\{%)(?:[ \t]*[\w.\-]+)?\}?")
CLOSE_WORD = compile_regex(r"\{?[\w.\-]*[ \t]*$")
VARIABLE = compile_regex(r"^[\s\-~]*([^|}%]*?)[\s\-~]*(?:\|.*)?$", re.DOTALL)
LOOK_BACK = 80  # characters searched for the variable name before stray closing braces
FILL = "Replace it with the real value before sending"


def run(reply: Reply, options: Options) -> Iterator[Hit]:
    """Bracket slots, draft markers, broken braces and (optionally) unknown variables.

    Cost: about 20-27 µs a reply (bench --stages), at the 25 µs mark: it reads the raw text
    (placeholders are masked for every other check), so it scans it once for each family of
    slot, each scan skipped when the text lacks the character that family needs.
    """
    view = _view(reply)
    urls = _Spans(reply.masks.of_kind("url"))
    # This check reads URLs, but only for capital slot names ("…/REPONAME/issues"): every other
    # rule keeps away from links, as the engine does for the other checks.
    hits = _hits(reply, view, options)
    if urls:
        hits = (h for h in hits if not urls.touch(h.start, max(h.end, h.start + 1)))
    yield from hits
    text = reply.text
    for start, end in urls.given:
        # A Markdown link's target is not read ("[open an issue](…)"); a bare URL is read
        # like the text around it.
        if text[max(start - 2, 0) : start] == "](":
            continue
        for begin, stop in _caps_slots(text, start, end):
            yield Hit(begin, stop, f"Unfilled slot '{text[begin:stop]}' in a link", FILL)


def _hits(reply: Reply, view: str, options: Options) -> Iterator[Hit]:
    # Each scan needs a character most replies lack; skipping them keeps this check cheap.
    if options["bracket-slots"] and ("[" in view or "<" in view):
        for match in BRACKET_SLOT.finditer(view):
            yield Hit(*match.span(), f"Unfilled slot '{match.group()}'", FILL)
        if "[" in view:
            doubles = _Spans([m.span() for m in DOUBLE_BRACKET.finditer(view)])
            for start, end in doubles.given:
                yield Hit(start, end, f"Unfilled slot '{view[start:end]}'", FILL)
            for match in LOWER_SLOT.finditer(view):
                if not doubles.hold(match.start()):
                    yield Hit(*match.span(), f"Unfilled slot '{match.group()}'", FILL)
        if "<" in view:
            for match in ANGLE_SLOT.finditer(view):
                yield Hit(*match.span(), f"Unfilled slot '{match.group()}'", FILL)
    for regex, literal, tokens in FILLERS:
        if literal is not None and literal not in view:
            continue
        if tokens and reply.tokens.isdisjoint(tokens):
            continue
        for match in regex.finditer(view):
            yield Hit(*match.span(), f"Unfilled slot '{match.group().strip()}'", FILL)
    if any(marker in view for marker in MARKER_HINTS):
        for match in MARKER.finditer(view):
            yield Hit(*match.span(), f"Draft marker '{match.group()}' left in the reply", FILL)
    placeholders = _Spans(reply.masks.of_kind("placeholder"))
    for start, end in _caps_slots(view, 0, len(view)):
        if not placeholders.hold(start):
            yield Hit(start, end, f"Unfilled slot '{view[start:end]}'", FILL)
    if "@" in view:
        for match in AT_SLOT.finditer(view):
            if not placeholders.hold(match.start()):
                text = match.group().strip()
                yield Hit(*match.span(), f"Unfilled mention '{text}'", "Put the person's handle")
    if "{" in view or "}" in view:
        for match in BRACED_VALUE.finditer(view):
            yield Hit(
                *match.span(),
                f"Braces left around a filled-in value '{match.group()}'",
                "Remove the template braces around the value",
            )
        yield from _braces(view, [str(v) for v in options["known-variables"]])


def _caps_slots(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Spans of capital slot words (SLOT_WORD) in text[start:end], outside any delimiters."""
    for run in CAPITALS.finditer(text, start, end):
        begin, stop = run.span()
        if begin and (text[begin - 1].isalnum() or text[begin - 1] in BEFORE_SLOT):
            continue
        if stop < len(text) and (text[stop].isalnum() or text[stop] in AFTER_SLOT):
            continue
        if text[stop : stop + 2][:1] == "-" and text[stop + 1 : stop + 2].isdigit():
            continue  # "ORDER_NO-4471": a reference, filled
        if SLOT_WORD.fullmatch(text, begin, stop):
            yield begin, stop


class _Spans:
    """Spans asked about once per hit: a bisect each, not a pass over every span (a reply of
    thousands of placeholders and slots was quadratic; issue 15 item 6)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.given = spans
        joined = merge([(s, e, "") for s, e in spans])
        self.starts = [s for s, _, _ in joined]
        self.ends = [e for _, e, _ in joined]

    def __bool__(self) -> bool:
        return bool(self.given)

    def hold(self, offset: int) -> bool:
        """Whether a span holds ``offset``."""
        index = bisect.bisect_right(self.starts, offset) - 1
        return index >= 0 and offset < self.ends[index]

    def touch(self, start: int, end: int) -> bool:
        """Whether a span meets [start, end)."""
        index = bisect.bisect_left(self.starts, end) - 1
        return index >= 0 and self.ends[index] > start


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
        import difflib  # deferred: only an unknown variable needs it

        close = difflib.get_close_matches(variable, known, n=1, cutoff=0.6)
        hint = f"Did you mean {{{{{close[0]}}}}}?" if close else "Use one of known-variables"
        yield Hit(start, end, f"'{variable}' is not one of the team's helpdesk variables", hint)


CHECK = Check(
    any_language=True,  # counts words, question marks and placeholders, not meanings
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
    reads_masked=frozenset({"placeholder", "signature", "url"}),
)
