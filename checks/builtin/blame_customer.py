"""blame-customer: criticising the customer's actions, openly or between the lines (GUIDANCE §5)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from replylint.checks.lazy_regex import lazy_compile
from replylint.checks.lexicon import (
    Lexicon,
    Match,
    anchored_finditer,
    lexicon_for,
    lexicon_options,
    phrase_pattern,
    render,
)
from replylint.checks.model import Category, Check, Example, Hit, Options, Severity
from replylint.checks.packs.run import PEDANTIC_OPTION
from replylint.checks.regex_cache import compile_regex
from replylint.checks.reply.parsed import Part, Reply

LEXICON = "blame-customer"
# "just click" / "as clearly stated" talk down without open blame: one level lower, and only
# where the customer has hit a difficulty (a sensitive reply: apology, refusal, complaint,
# GUIDANCE §2). In a neutral how-to ("To see your bill, simply log in") the same words are
# filler, not blame; to someone who is stuck they say "it's easy, why couldn't you?".
SOFTER = "condescending"

# Advice for "next time" tells the customer they got it wrong this time (LABELING: blame is the
# customer as the subject of a failure): a sentence that looks ahead ("in the future", "next
# time", "again") and either wants something avoided or prevented, or opens the look-ahead
# with a directive to the customer ("next time, please…"). "In the future, you can trust new
# devices" is a tip and is left alone: it needs a directive or recommendation, not "you can".
LOOK_AHEAD = lazy_compile(
    r"\b(?:in\s+the\s+future|in\s+future(?!\s+[a-z]+(?<!please)(?<!you)(?<!we)\b)|next\s+time"
    r"|going\s+forward|from\s+now\s+on|(?:happening|happen|occurring|occur|recurring)\s+again|again\s+in\s+(?:the\s+)?future)\b",
    re.IGNORECASE,
)
LOOK_AHEAD_WORDS = frozenset({"future", "next", "forward", "again"})
# What is to be avoided is this problem ("avoid this", "instances like this", "having your issue
# closed"), not a benefit ("to avoid missing our offers, subscribe…").
AVOID = lazy_compile(
    r"\b(?:avoid|avoiding|prevent|preventing)\s+(?:(?:any\s+)?(?:this|that|it|these|such|similar"
    r"|the\s+same|a\s+repeat|having\s+(?:your|the|this)|your\s+\w+\s+being|instances|situations"
    r"|cases|issues|problems|mistakes|errors)\b)",
    re.IGNORECASE,
)
AVOID_WORD = lazy_compile(r"\b(?:avoid|prevent)", re.IGNORECASE)
# "If you need anything in the future, please get in touch" offers help, it is not advice.
CONDITION = lazy_compile(r"\b(?:if|should|whenever|in\s+case|any\s*time|when)\b", re.IGNORECASE)
DIRECTIVE = lazy_compile(
    r"\b(?:please|make\s+sure|be\s+sure|remember\s+to|do\s+not|don['’]t"
    r"|(?:we|I)(?:['’]d|\s+would)?\s+(?:strongly\s+)?(?:recommend|suggest|advise|ask|urge|encourage)"
    r"|you\s+(?:should|must|need\s+to|will\s+need\s+to|have\s+to|ought\s+to|may\s+want\s+to"
    r"|might\s+want\s+to))\b",
    re.IGNORECASE,
)
# The directive right after the look-ahead ("Next time, please attach the receipt").
LOOK_AHEAD_DIRECTIVE = lazy_compile(
    r"\b(?:in\s+the\s+future|in\s+future|next\s+time|going\s+forward|from\s+now\s+on),?\s+"
    r"(?:(?:if\s+you\s+\w+[^,.!?]{0,40},\s+)?)"
    r"(?:please|make\s+sure|be\s+sure|remember\s+to|(?:we|I)(?:['’]d|\s+would)?\s+"
    r"(?:recommend|suggest|advise|ask)|you\s+(?:should|must|need\s+to|will\s+need\s+to|have\s+to))\b",
    re.IGNORECASE,
)
# "To prevent this happening again, we've added a check" is our action, not advice to them.
OUR_FIX = lazy_compile(
    r"\b(?:we|I)(?:['’]ve|\s+have|['’]ll|\s+will|\s+are|['’]re|\s+am|['’]m)\s+"
    r"(?:now\s+|already\s+|also\s+)?(?:added|made|changed|updated|fixed|put|set|taken|introduced"
    r"|improved|working|going|adding|making|changing|updating|fixing|taking|introducing|improving"
    r"|add|make|change|update|fix|take|introduce|improve|ensure|ensured)\b",
    re.IGNORECASE,
)
FUTURE_FIX = 'Give the fix; put any tip positively: "A lockfile keeps installs reproducible."'


# Cost: about 27 µs a reply (check_cost.py; 18 before the clause rules), over the 25 µs mark.
# Blame takes many grammatical shapes (LABELING: second person + failure verb, negated
# diligence, counterfactuals, rebuke questions, reminders), so the lexicon has some 60
# branches; most of the time is the anchor tests of the older branches whose literals are not
# whole words (should/ought + have, didn't + verb, failed/forgot to), which every reply pays.
# The clause branches added with them are anchored on whole words.
def run(reply: Reply, options: Options) -> Iterator[Hit]:
    """Every blaming phrase of the lexicon; condescending words one severity level lower."""
    for match in _find(lexicon_for(LEXICON, options), reply):
        softer = SOFTER in match.entry.tags
        if softer and not reply.sensitive:
            continue
        yield Hit(
            match.start,
            match.end,
            render(match.entry.message, reply, match),
            match.entry.suggestion,
            escalate=-1 if softer else 0,
        )
    yield from _next_time_advice(reply)


# Every `unless` of this lexicon is about the words just before the match ("if you didn't…",
# "whether the problem is on your end"): read within this many characters of it, not over the
# whole sentence, so one endless sentence full of matches costs linear time, not quadratic.
UNLESS_WINDOW = 120


def _find(lexicon: Lexicon, reply: Reply) -> Iterator[Match]:
    """``lexicon.find(reply)`` with each exception read near its match (see UNLESS_WINDOW)."""
    text = reply.masked
    allowed: list[tuple[int, int]] | None = None
    for branch, start, end in lexicon.scan(reply):
        if allowed is None:  # the allow-list is only read when something matched
            allowed = (
                [m.span() for m in _allow(lexicon.allow).finditer(text)] if lexicon.allow else []
            )
        if any(s < end and start < e for s, e in allowed):
            continue
        entry = branch.entry
        sentence = reply.sentence_at(start)
        if entry.unless is not None and sentence is not None:
            near = (
                max(sentence.start, start - UNLESS_WINDOW),
                min(sentence.end, end + UNLESS_WINDOW),
            )
            if entry.unless.search(text[near[0] : near[1]]):
                continue
        if entry.where == "first-sentence":
            content = reply.content
            if sentence is None or not content or sentence.index != content[0].index:
                continue
        yield Match(entry, start, end, sentence)


@lru_cache(maxsize=16)
def _allow(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return compile_regex("|".join(phrase_pattern(p) for p in phrases), re.IGNORECASE)


def _next_time_advice(reply: Reply) -> Iterator[Hit]:
    """'To avoid this in the future, please…' / 'Next time, make sure…': blame by implication."""
    tokens = reply.tokens
    if tokens.isdisjoint(LOOK_AHEAD_WORDS) and not ("now" in tokens and "from" in tokens):
        return
    seen: set[int] = set()
    for ahead in anchored_finditer(LOOK_AHEAD, reply):
        sentence = reply.sentence_at(ahead.start())
        if sentence is None or sentence.index in seen or sentence.part is Part.GREETING:
            continue
        seen.add(sentence.index)
        text = sentence.text
        if CONDITION.search(text, 0, ahead.start() - sentence.start):
            continue
        avoided = AVOID.search(text)
        if avoided is None and AVOID_WORD.search(text):  # avoiding a loss, not this problem
            continue
        direct = LOOK_AHEAD_DIRECTIVE.search(text)
        if direct is not None:
            start, end = sentence.start + direct.start(), sentence.start + direct.end()
        elif avoided and DIRECTIVE.search(text) and not OUR_FIX.search(text):
            start, end = ahead.span()
        else:
            continue
        yield Hit(
            start,
            end,
            f"'{reply.text[start:end]}' advice for next time implies the customer got it wrong",
            FUTURE_FIX,
            escalate=-1,
        )


CHECK = Check(
    code="RL501",
    name="blame-customer",
    category=Category.RESPECT,
    summary="Criticising the customer ('you should have', 'as I told you', 'user error').",
    rationale=(
        "A customer who is told it was their fault stops listening to the fix and starts "
        "defending themselves; the guidance says never to criticise their actions, under any "
        "pretext: not with 'you should have' or 'you must have entered the wrong…', not with "
        "'if you had read…', 'did you even read…?', 'as mentioned in my last email', nor by "
        "saying their post broke the guidelines or their information was not enough, scolding "
        "how they posted, or lecturing about our workload. Advice 'for next time' ('to avoid "
        "this in the future, please…') implies the same and is reported one level lower. "
        "Condescending 'just click' / 'as clearly stated' is reported one level lower, "
        "and only in replies to a difficulty (apology, refusal, complaint)."
    ),
    guidance="GUIDANCE §5 Respect the customer",
    run=run,
    severity=Severity.ERROR,
    options={**lexicon_options(), "pedantic": PEDANTIC_OPTION},
    examples=(
        Example("You should have read the instructions before installing it.", fails=True),
        Example("As I already told you, refunds take five days.", fails=True),
        Example("If you had read the instructions, this wouldn't have happened.", fails=True),
        Example("You should receive the refund within 3 days.", fails=False),
        Example("As you mentioned, the parcel was late, so I've refunded the shipping.", False),
    ),
)
