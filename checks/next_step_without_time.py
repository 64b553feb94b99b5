"""next-step-without-time: a vague promise to follow up that never says when (GUIDANCE §4)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from replylint.checks.model import Category, Check, Example, Hit, Options, Severity
from replylint.checks.reply import Reply

_NUMBER = r"(?:\d+|an?|one|two|three|four|five|six|seven|ten|twenty-four|a\s+few|a\s+couple\s+of)"
_UNIT = (
    r"(?:working\s+|business\s+|calendar\s+)?(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?)"
)
_DAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
# A time the customer can hold us to, or an event that triggers the step ("once it ships").
# "Soon", "shortly" and "as soon as possible" are deliberately not times: they promise nothing.
TIME = re.compile(
    r"\b(?:today|tonight|tomorrow|right\s+now|right\s+away|straight\s+away|immediately|later\s+today|eod|cob"
    r"|this\s+(?:morning|afternoon|evening|week|weekend|month)"
    rf"|next\s+(?:week|month|business\s+day|working\s+day|{_DAY})|{_DAY}"
    r"|(?:end|close)\s+of\s+(?:the\s+)?(?:business\s+)?(?:day|week|month|business)"
    rf"|(?:within|in|for|over)\s+(?:the\s+next\s+|about\s+|around\s+|less\s+than\s+)?{_NUMBER}"
    rf"(?:\s*(?:-|–|to|or)\s*\d+)?\s*{_UNIT}"
    rf"|\d+\s*(?:-|–|to)\s*\d+\s*{_UNIT}|\d+\s*{_UNIT}"
    r"|\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}:\d{2}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}(?:/\d{2,4})?"
    r"|one\s+moment|a\s+moment|a\s+minute"
    r"|(?:once|as\s+soon\s+as|when|after)\s+(?!possible\b|we\s+know\b|I\s+know\b"
    r"|(?:we|I)\s+(?:have|hear|get)\s+(?:more|any|an\s+update|news|further)\b)"
    r"(?:you|we|I|it|they|the|your|our|this)"
    r")\b",
    re.IGNORECASE,
)
_WHO = (
    r"(?:I|we|they|who|(?:someone|somebody|a\s+member)(?:\s+(?:from|of|in|on)\s+(?:our|the)"
    r"\s+(?:[\w-]+\s+){0,2}(?:team|department|office))?"
    r"|(?:one\s+of\s+)?(?:our|the|a|my)\s+(?:[\w-]+\s+){0,2}"
    r"(?:team|teams|department|specialists?|engineers?|agents?|technicians?|colleagues?"
    r"|manager|supervisor|representatives?|experts?|staff|member\s+of\s+(?:our|the)\s+\w+\s+team))"
)
_WILL = r"(?:\s+will|['’]ll|\s+shall|\s+(?:am|is|are)\s+going\s+to|['’](?:m|re|s)\s+going\s+to)"
_ADVERB = r"(?:(?:be\s+(?:sure|happy|glad)\s+to|definitely|personally|also|then|certainly)\s+)?"
_FOLLOW_UP = (
    r"(?:get(?:ting)?\s+back|look(?:ing)?\s+into|follow(?:ing)?\s+up|contact|reach(?:ing)?\s+out"
    r"|be\s+in\s+touch|get\s+in\s+touch|update\s+you|let\s+you\s+know|respond|reply|investigate"
    r"|come\s+back\s+to\s+you|call\s+you|email\s+you|escalate|keep\s+you\s+(?:posted|updated|informed)"
    r"|notify\s+you|circle\s+back|touch\s+base|revert|inform\s+you|check\s+(?:on|into|with)"
    r"|review\s+(?:it|this|your|the))"
)
# A promise that depends on a condition or on the customer acting first ("If anything changes,
# we'll keep you posted", "Send us your details and we'll look into it") is not a vague delay:
# the next step is the customer's or the event's.
CONDITIONAL = re.compile(r"\b(?:if|unless|in\s+case|should\s+(?:you|we|it|there|anything))\b", re.I)
REQUEST_FIRST = re.compile(
    r"\A\W*(?:please|kindly|just|simply|can\s+you|could\s+you|let\s+(?:me|us)\s+know|dm|send"
    r"|share|fill|reply|drop|report|provide|follow|click|submit|visit|call|e-?mail|contact|message"
    r"|give|tell|check|confirm)\b",
    re.IGNORECASE,
)
ASKED_BEFORE = re.compile(r"\b(?:please|kindly)\b", re.IGNORECASE)
PROMISE = re.compile(
    rf"\b{_WHO}{_WILL}\s+{_ADVERB}{_FOLLOW_UP}\b"
    r"|\byou(?:['’]ll|\s+will|\s+should)\s+(?:hear\s+(?:back\s+)?from|be\s+contacted\b)",
    re.IGNORECASE,
)


def _has_time_or_trigger(sentence: str, promise_at: int) -> bool:
    return bool(
        TIME.search(sentence)
        or CONDITIONAL.search(sentence)
        or REQUEST_FIRST.match(sentence)
        or ASKED_BEFORE.search(sentence, 0, promise_at)
    )


def run(reply: Reply, options: Options) -> Iterator[Hit]:
    """Every promise to follow up whose sentence has no time or triggering event."""
    for match in PROMISE.finditer(reply.masked):
        sentence = reply.sentence_at(match.start())
        if sentence is not None and _has_time_or_trigger(
            sentence.text, match.start() - sentence.start
        ):
            continue
        yield Hit(
            match.start(),
            match.end(),
            f"'{match.group()}' promises a follow-up but not when; the customer can't plan",
            "add when: '… by Friday', '… within 24 hours', '… once the courier replies'",
        )


CHECK = Check(
    code="RL402",
    name="next-step-without-time",
    category=Category.CLARITY,
    summary="A vague promise to follow up with no time (I'll get back to you, we'll look into it).",
    rationale=(
        "'We'll get back to you' leaves the customer waiting without knowing for how long; "
        "saying when turns a vague promise into a commitment they can plan around."
    ),
    guidance="GUIDANCE §4 Emails end with the next step",
    run=run,
    severity=Severity.INFO,
    examples=(
        Example("I've passed this to our billing team and we'll get back to you.", fails=True),
        Example("Our engineers will look into it by Friday and I'll email you then.", fails=False),
        Example("I'll let you know as soon as the courier replies.", fails=False),
    ),
)
