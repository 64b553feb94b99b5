"""spelling, grammar, style: LanguageTool's findings, one check per category family.

RL801 spelling (TYPOS), RL802 grammar (GRAMMAR and every category not named elsewhere), RL803
style (STYLE, TYPOGRAPHY, REDUNDANCY and the other style categories). The LanguageTool rule id is
in each message; the three share one LanguageTool request per reply (see languagetool/client.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from replylint.checks.languagetool.options import OFF_REASON, OPTIONS, server_setting
from replylint.checks.model import Category, Check, Example, Fix, Hit, Options, Severity
from replylint.checks.regex_cache import compile_regex
from replylint.checks.reply.parsed import Reply

if TYPE_CHECKING:
    from replylint.checks.languagetool.text import LtMatch

GUIDANCE = "LanguageTool rules (GUIDANCE has no correctness section yet)"
RATIONALE = (
    "A reply with typos and broken grammar reads as careless: the customer trusts the answer, "
    "and the company behind it, less."
)
# A grammar verdict next to a placeholder or URL is about the stand-in LanguageTool was given,
# not about the agent's words: "an {{product}}" is right or wrong depending on the product.
# Punctuation ends that dependence: "Hi {{name}}, the the parcel" is still checked.
NEAR = 2
# Agents sign tweets and chats with a dash or tilde and their name: "… take care! -Kenn 2/3".
DASH_SIGNATURE = compile_regex(r"\s[-–—~] ?([A-Z][\w'.]*(?: [A-Z][\w'.]*)?)(?: +\d+/\d+)?\Z")


def _run(family: str, default: Severity) -> Callable[[Reply, Options], Iterator[Hit]]:
    def run(reply: Reply, options: Options) -> Iterator[Hit]:
        # Imported here: the client (HTTP, cache, offsets) only loads when grammar runs.
        from replylint.checks.languagetool import client as languagetool
        from replylint.checks.languagetool.text import inline_masks

        outcome = languagetool.lookup(reply, options)
        vocabulary = {str(word).casefold() for word in options.get("vocabulary") or ()}
        inline = inline_masks(reply) if family != "spelling" else []
        for match in outcome.matches:
            if languagetool.family(match.category) != family:
                continue
            flagged = reply.text[match.start : match.end]
            if family == "spelling" and _exempt(reply, match, flagged, vocabulary):
                continue
            if any(_near(reply.text, match, span) for span in inline):
                continue
            severity = languagetool.severity_of(match.category, options)
            yield Hit(
                match.start,
                match.end,
                f"{match.message.strip()} ({match.rule})",
                suggestion=" / ".join(r for r in match.replacements if r) or None,
                escalate=int(severity) - int(default),
                fix=_fix(match),
            )

    return run


def _fix(match: LtMatch) -> Fix | None:
    """LanguageTool's replacement: safe for a doubled word, unsafe when it offers one only."""
    offered = [r for r in match.replacements if r]
    if offered and "WORD_REPEAT" in match.rule:  # "the the" -> "the"
        return Fix(offered[0], safe=True)
    return Fix(offered[0], safe=False) if len(offered) == 1 else None


def _exempt(reply: Reply, match: LtMatch, flagged: str, vocabulary: set[str]) -> bool:
    """Words that are names or handles, not misspellings: the team's vocabulary, the name in
    the greeting ("Hi Saoirse,"), a tweet's dash signature ("… -Noemie"), @handles, #tags."""
    if flagged.casefold() in vocabulary or reply.text[match.start - 1 : match.start] in ("@", "#"):
        return True
    if not flagged[:1].isupper():
        return False
    greeting = reply.greeting
    if greeting is not None and greeting.start <= match.start < greeting.end:
        return True
    signed = DASH_SIGNATURE.search(reply.masked.rstrip())
    return signed is not None and signed.start(1) <= match.start < signed.end(1)


def _near(text: str, match: LtMatch, span: tuple[int, int]) -> bool:
    """Whether the match touches a masked span or only a space or two separates them."""
    start, end = span
    if match.start < end and start < match.end:
        return True
    gap = text[match.end : start] if match.end <= start else text[end : match.start]
    return len(gap) <= NEAR and not gap.strip()


def _reason(reply: Reply, options: Options) -> str | None:
    if server_setting(options) == "off":  # answered without loading the LanguageTool client
        return OFF_REASON
    from replylint.checks.languagetool import client as languagetool

    return languagetool.lookup(reply, options).reason


def _check(
    code: str, name: str, summary: str, severity: Severity, examples: tuple[Example, ...]
) -> Check:
    return Check(
        code=code,
        name=name,
        category=Category.CORRECTNESS,
        summary=summary,
        rationale=RATIONALE,
        guidance=GUIDANCE,
        run=_run(name, severity),
        fixes=frozenset({"safe", "unsafe"}) if name == "grammar" else frozenset({"unsafe"}),
        severity=severity,
        options=OPTIONS,
        examples=examples,
        not_applicable=_reason,
        announce_skip=True,
        asks_service=True,
        any_language=True,  # LanguageTool reads the languages it has modules for
        reads_language=lambda pack: pack.native or pack.languagetool is not None,
    )


SPELLING = _check(
    "RL801",
    "spelling",
    "Misspelled words (LanguageTool TYPOS); team words go in the vocabulary option.",
    Severity.WARNING,
    (
        Example("We will recieve the parts on Monday.", fails=True),
        Example("We will receive the parts on Monday.", fails=False),
    ),
)
GRAMMAR = _check(
    "RL802",
    "grammar",
    "Grammar mistakes: agreement, articles, doubled words (LanguageTool GRAMMAR and others).",
    Severity.WARNING,
    (
        Example("I have sent the the invoice to your inbox.", fails=True),
        Example("I have sent the invoice to your inbox.", fails=False),
    ),
)
STYLE = _check(
    "RL803",
    "style",
    "Wordy, redundant or typographically off phrasing (LanguageTool STYLE, TYPOGRAPHY, …).",
    Severity.INFO,
    (
        Example("I checked your past history with us.", fails=True),
        Example("I checked your history with us.", fails=False),
    ),
)
