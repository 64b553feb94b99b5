"""slang: txt-speak, profanity, shouting, repeated punctuation and emoji overload (GUIDANCE §2)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from replylint.checks.lexicon import lexicon_hits, lexicon_options
from replylint.checks.model import Category, Check, Example, Fix, Hit, Option, Options, Severity
from replylint.checks.packs.run import PEDANTIC_OPTION
from replylint.checks.regex_cache import compile_regex
from replylint.checks.reply.parsed import Reply

LEXICON = "slang"
SENSITIVE_NOTE = (
    " (reported one level higher: this sentence apologises, refuses or answers a complaint, "
    "where a careful tone matters most)"
)
REPEATED_PUNCTUATION = compile_regex(r"[!?]{2,}")
# The pairs one of which every REPEATED_PUNCTUATION match holds: four substring tests are
# far cheaper than a regex scan of the reply, and most replies hold none.
PUNCTUATION_PAIRS = ("!!", "!?", "?!", "??")
# A run of upper-case words (two letters or more each). Not shouting: words glued to digits or
# to template and path characters ("SKU123", "#NUMBER", "$HOME"), file names ("README.md").
# The look-behind stands after the first capital, one character further back, so that the
# regex opens with [A-Z] and re skips straight to the capitals (not a try at every character).
CAPS_RUN = compile_regex(
    r"[A-Z](?<![\w#$%{/.@&-].)[A-Z'’]*[A-Z](?:[ \t]+[A-Z][A-Z'’]*[A-Z])*(?![\w}%]|\.[a-z])"
)
# A caps run next to a number is an address or a code ("340 S LEMON AVE #3717", "ROOM 12").
NUMBER_BEFORE = compile_regex(r"#?\w*\d\w*,?[ \t]+\Z")
NUMBER_AFTER = compile_regex(r",?[ \t]+#?\w*\d")
# A line with no lower case and decoration ("---- CUT HERE ----", "**TOPIC SPLIT**") is a banner.
# (Tested as "no lower case" and "a run of decoration" apart: one regex backtracks on long lines.)
LOWER = compile_regex(r"[a-z]")
DASHES = compile_regex(r"-{2,}|={2,}|\*{2,}|#{2,}|_{2,}|~{2,}")
NEWLINE = compile_regex(r"\n")
VOWEL = compile_regex(r"[AEIOUY]")
# A long run of decoration on a line of its own: the edge of a cut-out form.
DECORATION = compile_regex(r"-{4,}|={4,}|_{4,}|~{4,}|\*{4,}|#{4,}")
# A label in a menu path or named by the control it is on ("… > Help > I STILL NEED HELP",
# "tap SEND NOW"): the screen's words, not the writer's voice.
UI_LABEL_BEFORE = compile_regex(
    r"(?:\b(?:click|clicking|tap|tapping|press|pressing|select|selecting|choose"
    r"|hit|open|under|labell?ed|called|named|button|tab|menu|option|link)[ \t]+"
    r"(?:on[ \t]+|the[ \t]+)?)\Z",
    re.IGNORECASE,
)
OPEN_QUOTES = {'"': '"', "'": "'", "“": "”", "‘": "’", "«": "»"}
# Words that make a line of capitals an order or a warning, not a section name.
URGENT = frozenset({"please", "do", "not", "don't", "don’t", "never", "stop", "must"})
EMOJI = compile_regex(
    "[\U0001f1e6-\U0001f1ff]{2}"
    "|[\U0001f300-\U0001faff\u2600-\u26ff\u2705\u2728\u274c\u2764\u2b50]"
    "(?:\ufe0f|[\U0001f3fb-\U0001f3ff]|\u200d[\U0001f300-\U0001faff\u2600-\u26ff\u2764])*"
)
# Caps words that are acronyms, codes or names, not shouting. Extend with the `acronyms` option.
ACRONYMS = frozenset(
    """ADSL AI AM AMEX AMOLED APAC API APIS APK AR ASAP ASOS AU AWS BACS BIOS CA CEO CEST CFO
    CHANGELOG CONTRIBUTING COPPA COO COVID CPU CTO CVE CVV DE DDOS DIY DOB DOI EDT EMEA EOD EOL ETA
    EU EULA EURO EUR FAQ FAQS FEDEX FIXME GDPR GMBH GPU HIPAA HOA HR HTTPS IBAN ID IDE IDS IKEA IMAP
    IMEI IO IOS IOU IP IRA ISA ISBN ISO IT JPEG JSON LED LGTM LICENSE MAC MOBI NASA NATO NOTICE
    NVIDIA OAUTH OEM OLED OS OTA OUI PAYE PIN PINS PO POA POP QA QOS RAID RAM README RFID ROI ROM
    RSA RSVP SAAS SAML SEO SIM SKU SKUS SSID SSO SUV SWIFT TODO TOTP UA UEFI UI UK URI URL URLS US
    USA USB UTC UUID UX VAT VIA VIP VOIP WIFI WLAN XBOX YAML""".split()
)
SHOUT_MIN_LETTERS = 4
EMPHASIS = frozenset(
    "important importantly never not must always only now urgent urgently immediately "
    "cannot can't won't don't do every all warning stop before really sure".split()
)


def run(reply: Reply, options: Options) -> Iterator[Hit]:
    """Slang words, '!!'/'?!', shouted words and too many emoji, escalated where sensitive."""
    text = reply.masked
    hits = [
        *lexicon_hits(LEXICON, reply, options),
        *_first_per_sentence(
            reply, _shouting(text, ACRONYMS | {a.upper() for a in options["acronyms"]})
        ),
        *_marks(text, options),
    ]
    yield from _escalated(reply, hits)


def marks_in_any_language(reply: Reply, options: Options) -> Iterator[Hit]:
    """'!!'/'?!' and too many emoji: what slang reads in a reply of any language, beside a
    language pack's slang words (capitals are left out: which words are acronyms, and which
    are emphasis, is English's)."""
    yield from _escalated(reply, list(_marks(reply.masked, options)))


def _marks(text: str, options: Options) -> Iterator[Hit]:
    for m in _repeated_punctuation(text):
        message = f"'{m.group()}' sounds excited or cross"
        yield Hit(m.start(), m.end(), message, m.group()[0], fix=_punctuation_fix(m.group()))
    yield from _emoji_overload(text, options["max-emoji"])


def _escalated(reply: Reply, hits: list[Hit]) -> Iterator[Hit]:
    for hit in hits:
        sentence = reply.sentence_at(hit.start)
        # GUIDANCE §2: in an apology or refusal switch to a careful tone; slang there is worse.
        if sentence is not None and sentence.sensitive:
            message = hit.message + SENSITIVE_NOTE
            yield Hit(hit.start, hit.end, message, hit.suggestion, 1, hit.fix)
        else:
            yield hit


def _punctuation_fix(marks: str) -> Fix:
    # "!!!" -> "!" keeps the meaning; "?!" -> "?" drops the surprise, a person should look.
    return Fix(marks[0], safe=len(set(marks)) == 1)


def _repeated_punctuation(text: str) -> Iterator[re.Match[str]]:
    if any(map(text.__contains__, PUNCTUATION_PAIRS)):
        yield from REPEATED_PUNCTUATION.finditer(text)


def _first_per_sentence(reply: Reply, hits: Iterator[Hit]) -> Iterator[Hit]:
    # A sentence in capitals is one fault, not one finding per run of capitals.
    seen: set[int | None] = set()
    for hit in hits:
        sentence = reply.sentence_at(hit.start)
        key = sentence.index if sentence else None
        if key is None or key not in seen:
            seen.add(key)
            yield hit


def _shouting(text: str, acronyms: frozenset[str]) -> Iterator[Hit]:
    # Two or more capitalised words in a row that are not known acronyms ("DO NOT DO THIS"), or
    # one emphasis word ("it is IMPORTANT", "you NEVER"). Any other lone capitalised word marks
    # a term ("REQUIRED items"), a product name ("SUMO") or a status ("DELETED"), which in the
    # review corpus were not shouting at the customer.
    lines: _Lines | None = None
    for match in CAPS_RUN.finditer(text):
        words = [w for w in match.group().split() if w not in acronyms and VOWEL.search(w)]
        several = len(words) >= 2 and any(len(w) >= SHOUT_MIN_LETTERS for w in words)
        if several or (len(words) == 1 and words[0].lower().strip(".,!?") in EMPHASIS):
            # The context (line, banners) is read only for a run that would be reported.
            lines = lines or _Lines(text)
            urgent = any(w.lower() in URGENT for w in words)
            if _is_code_or_banner(text, match.start(), match.end(), urgent, lines):
                continue
            shouted = match.group()
            yield Hit(
                match.start(),
                match.end(),
                f"'{shouted}' in capitals reads as shouting",
                shouted.capitalize() if len(words) == 1 else shouted.lower(),
            )


class _Lines:
    """Line bounds and banner lines of a text, worked out once (a caps run asks for its line)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0, *(m.end() for m in NEWLINE.finditer(text))]
        self._banner: dict[int, bool] = {}
        self._banners: list[int] | None = None

    def bounds(self, offset: int) -> tuple[int, int]:
        at = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[at]
        end = self.starts[at + 1] - 1 if at + 1 < len(self.starts) else len(self.text)
        return start, end

    def is_banner(self, start: int, end: int) -> bool:
        # BANNER without the regex: "no lower case, and a run of decoration" (linear, cached).
        known = self._banner.get(start)
        if known is None:
            line = self.text[start:end]
            known = self._banner[start] = not LOWER.search(line) and bool(DASHES.search(line))
        return known

    def banners(self) -> list[int]:
        """Starts of the lines that are long decoration banners (the edges of a cut-out form)."""
        if self._banners is None:
            self._banners = []
            for match in DECORATION.finditer(self.text):
                start, end = self.bounds(match.start())
                if (not self._banners or self._banners[-1] != start) and self.is_banner(start, end):
                    self._banners.append(start)
        return self._banners


def _is_code_or_banner(text: str, start: int, end: int, urgent: bool, lines: _Lines) -> bool:
    line_start, line_end = lines.bounds(start)
    # Windows of 40 characters: a number or a label stands next to the run, and a scan of the
    # whole line for every run would be quadratic on one long line.
    near_start, near_end = max(line_start, start - 40), min(line_end, end + 40)
    return (
        NUMBER_BEFORE.search(text, near_start, start) is not None
        or NUMBER_AFTER.match(text, end, near_end) is not None
        # A banner names a section ("---- CUT HERE ----", "**TOPIC SPLIT**"); one that orders
        # the reader about ("**PLEASE DO NOT CROSS-POST**") is shouting in bold.
        or (not urgent and lines.is_banner(line_start, line_end))
        or UI_LABEL_BEFORE.search(text, max(line_start, start - 24), start) is not None
        or _in_menu_path(text[near_start:start])
        or _quoted(text, start, end)
        or _inside_form(lines.banners(), line_start, line_end)
    )


def _inside_form(banners: list[int], line_start: int, line_end: int) -> bool:
    # Lines between two banners ("---- CUT HERE ----") are a form the customer prints and
    # signs, written in the signer's voice; capitals there are the form's, not shouting.
    at = bisect.bisect_left(banners, line_start)
    return at > 0 and at < len(banners) and banners[at] > line_end


def _in_menu_path(before: str) -> bool:
    # "Settings > Help > I STILL NEED HELP": the last step of a menu path is the screen's label.
    step = max(before.rfind(">"), before.rfind("»"), before.rfind("→"))
    return step >= 0 and not any(c.islower() for c in before[step + 1 :])


def _quoted(text: str, start: int, end: int) -> bool:
    # A button or menu label quoted as it appears on screen ("press 'SEND NOW'").
    before = text[start - 1 : start]
    after = text[end : end + 1]
    return bool(before) and before in OPEN_QUOTES and after == OPEN_QUOTES[before]


def _emoji_overload(text: str, limit: int) -> Iterator[Hit]:
    if text.isascii():  # no emoji (most replies): no need to scan
        return
    emoji = list(EMOJI.finditer(text))
    if len(emoji) > limit:
        first = emoji[limit]
        yield Hit(
            first.start(),
            first.end(),
            f"{len(emoji)} emoji in one reply (more than {limit}) read as unserious",
            f"keep at most {limit} emoji, or none in a complaint",
        )


CHECK = Check(
    any_language_part=marks_in_any_language,
    code="RL202",
    name="slang",
    category=Category.TONE,
    summary="Slang, txt-speak, profanity, shouting, '!!' and emoji overload.",
    rationale=(
        "A friendly tone is good, slang is not: it reads as careless, and inside an apology or "
        "a refusal it tells an upset customer their problem is not taken seriously. Txt-speak "
        "includes contractions without their apostrophe ('dont', 'cant', 'im') and a lower-case "
        "'asap'. Capitals that are a screen's label (a menu path, a quoted or tapped button), a "
        "section banner or a printed form are not shouting; a banner that orders the reader "
        "about ('**PLEASE DO NOT…**') is."
    ),
    guidance="GUIDANCE §2 Tone",
    run=run,
    fixes=frozenset({"safe", "unsafe"}),
    severity=Severity.WARNING,
    options={
        "pedantic": PEDANTIC_OPTION,
        **lexicon_options(),
        "acronyms": Option(list, [], "extra upper-case words that are names, not shouting"),
        "max-emoji": Option(int, 3, "most emoji allowed in one reply", minimum=0),
    },
    examples=(
        Example("Thx for waiting!! Ur refund is gonna take a few days.", fails=True),
        Example("Sorry, that's my bad, PLEASE DO NOT reorder.", fails=True),
        Example("Thanks for waiting! Your refund arrives by Friday.", fails=False),
    ),
)
