"""The language of next steps, shared by missing-next-step and next-step-without-time.

GUIDANCE §4: an e-mail ends with what the customer should do or decide, or what we will do and
when. These patterns recognise times, promises, requests and the generic closers that look like
a next step but are not one. Compiled once, at import.
"""

from __future__ import annotations

import re

from replylint.checks.lazy_regex import lazy_compile

_NUMBER = r"(?:\d+|an?|one|two|three|four|five|six|seven|ten|twenty-four|a\s+few|a\s+couple\s+of)"
_UNIT = (
    r"(?:working\s+|business\s+|calendar\s+)?(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?)"
)
_DAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
# A time the customer can hold us to, or an event that triggers the step ("once it ships").
# "Soon", "shortly" and "as soon as possible" are deliberately not times: they promise nothing.
TIME = lazy_compile(
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
CONDITIONAL = lazy_compile(
    r"\b(?:if|unless|in\s+case|should\s+(?:you|we|it|there|anything))\b", re.I
)
REQUEST_FIRST = lazy_compile(
    r"\A\W*(?:please|kindly|just|simply|can\s+you|could\s+you|let\s+(?:me|us)\s+know|dm|send"
    r"|share|fill|reply|drop|report|provide|follow|click|submit|visit|call|e-?mail|contact|message"
    r"|give|tell|check|confirm)\b",
    re.IGNORECASE,
)
ASKED_BEFORE = lazy_compile(r"\b(?:please|kindly)\b", re.IGNORECASE)
PROMISE = lazy_compile(
    rf"\b{_WHO}{_WILL}\s+{_ADVERB}{_FOLLOW_UP}\b"
    r"|\byou(?:['’]ll|\s+will|\s+should)\s+(?:hear\s+(?:back\s+)?from|be\s+contacted\b)",
    re.IGNORECASE,
)

_INVITE = (
    r"(?:(?:please|just|simply)\s+)?(?:(?:do\s+not|don['’]t)\s+hesitate\s+to\s+|feel\s+free\s+to\s+)?"
    r"(?:let\s+(?:me|us)\s+know|contact|e-?mail|call|write(?:\s+to)?|reach\s+out(?:\s+to)?"
    r"|get\s+in\s+touch(?:\s+with)?|reply(?:\s+to\s+this\s+(?:e-?mail|message))?|ask)"
    r"(?:\s+(?:me|us|our\s+(?:[\w-]+\s+)?team|support))?"
)
_CONDITION = (
    r"\b(?:if|should|in\s+case)\s+(?:you\s+(?:still\s+)?(?:have|need|require|want|would\s+like"
    r"|run\s+into|encounter|face)|there\s+(?:is|are|['’]s))\s+(?:anything(?:\s+else)?\b"
    r"|(?:any\s+)?(?:(?:other|further|more|additional|follow-up)\s+)*(?:questions?|concerns?|help"
    r"|assistance|queries|query|problems?|issues?|support|information|info|clarification"
    r"|difficult(?:y|ies)|challenges?|feedback|thoughts))"
)
# "If you have any other questions, contact us" invites nothing in particular: the condition
# and the contact words around it are a generic closer, not a next step.
GENERIC_CLAUSE = lazy_compile(
    rf"(?:{_INVITE}\s+)?{_CONDITION}[^,.!?;]*(?:,?\s*{_INVITE})?"
    rf"|\bfor\s+(?:more|further|additional)\s+(?:information|info|details|help),?\s*"
    rf"(?:you\s+(?:can|may)\s+)?{_INVITE}"
    # "We will contact you if we need anything else" promises nothing unless we need it.
    r"|\b(?:we|I)(?:['’]ll|\s+will)\s+(?:contact|get\s+back\s+to|reach\s+out\s+to|let)\s+you"
    r"(?:\s+know)?\s+if\s+(?:we|I)\s+(?:need|require|have)[^.!?]*",
    re.IGNORECASE,
)
# Closers that end a reply without asking or promising anything (GUIDANCE §4: not a next step).
GENERIC = lazy_compile(
    r"\blet\s+(?:me|us)\s+know\s+if\s+(?:this|that|it)\s+(?:helps|works|answers)"
    r"|\b(?:I|we)\s+hope\s+(?:this|that)\s+\w+|\bhope\s+(?:this|that)\s+helps"
    r"|\bhave\s+a\s+(?:great|good|nice|lovely|wonderful|fantastic)\s+\w+"
    r"|\bthanks?(?:\s+you)?(?:\s+again)?\s+(?:so\s+much\s+)?for(?:\s+[\w'’-]+){1,3}"
    r"|\bis\s+there\s+anything\s+else[^.!?]*|\banything\s+else\s+(?:I|we)\s+can[^.!?]*"
    r"|\b(?:we|I)\s*(?:['’]re|['’]m|\s+are|\s+am)\s+(?:always\s+)?(?:here|happy|glad)\s+to\s+help"
    r"|\b(?:does|did|do)\s+(?:this|that|it)\s+(?:help|answer|make\s+sense)[^.!?]*\??"
    r"|\bplease\s+(?:note|be\s+aware|accept)\b|\benjoy\b",
    re.IGNORECASE,
)
_VERBS = (
    r"click|tap|reply|send|visit|go|open|log|sign|select|choose|enter|check|follow|use|call"
    r"|contact|confirm|complete|fill|attach|upload|download|install|update|restart|reboot|try"
    r"|return|print|review|submit|forward|share|quote|include|keep|make\s+sure|ensure|add|remove"
    r"|change|reset|navigate|head|book|schedule|register|activate|verify|provide|pick|bring"
    r"|read|wait|allow|let\s+(?:me|us)\s+know|tell\s+(?:me|us)|drop|pop|give|write|answer|login"
    r"|get\s+started|start|explore|learn|find|see|view|join|sign\s+up|create|set\s+up|look"
)
# What the customer is asked to do or decide, what we will do (and when), or where to look.
CUE = lazy_compile(
    rf"(?:\A\W*(?:(?:then|next|now|so|and|also|finally)\s*,?\s+)?(?:just\s+|simply\s+)?(?:{_VERBS})\b"
    rf"|\bplease,?\s+(?:(?:just|simply|also)\s+)?\w+|\b(?:just|simply)\s+(?:{_VERBS})\b"
    rf"|\bif\b[^.?!]{{3,80}}?[\s,]\s*(?:please\s+)?(?:just\s+|simply\s+)?(?:{_VERBS})\b"
    r"|\byou\s+are\s+(?:now\s+)?(?:free|welcome)\s+to\b"
    r"|\byou(?:['’]ll|\s+will)\s+(?:receive|get|hear|be\s+(?:notified|contacted|sent|e-?mailed))\b"
    r"|\b(?:could|can|would|will)\s+you\s+(?:please\s+)?\w+"
    r"|\b(?:once|when|after|as\s+soon\s+as)\s+you\b"
    r"|\byou(?:['’]ll|\s+will)?\s+(?:can|could|may|need\s+to|have\s+to|should|must|might\s+want\s+to"
    r"|will\s+need\s+to)\b"
    r"|\b(?:I|we)(?:['’]ll|\s+will|\s+shall|['’]m\s+going\s+to|['’]re\s+going\s+to"
    r"|\s+am\s+going\s+to|\s+are\s+going\s+to)\s+(?!be\s+(?:happy|glad|here|available|pleased)\b)"
    r"|\bnext\s+steps?\b|\bwhat\s+happens\s+next\b|\bin\s+the\s+meantime\b"
    # Saying that nothing is needed is a next step too: the customer knows where they stand.
    r"|\b(?:(?:don['’]t|do\s+not)\s+need\s+to\s+do\s+anything|no\s+(?:further\s+)?action\s+is"
    r"|nothing\s+(?:else\s+)?(?:is\s+)?(?:needed|required)|(?:can|may)\s+safely\s+ignore)"
    r"|\b(?:reference|ticket|case|tracking|confirmation)\s+(?:number|no\b|id\b|#)|[a-z][^.!?]*\?\s*\Z"
    r")",
    re.IGNORECASE,
)
# Future or scheduled: "we'll refund you", and also the plain present of a booked event
# ("your new delivery slot is Tuesday", "the parcel ships on Monday") — a time with either is
# a next step.
FUTURE = lazy_compile(
    r"\b(?:will(?!\s+not\b)|['’]ll|shall|going\s+to|should\s+(?:arrive|receive|see|get))\b"
    r"|\b(?:is|are)\s+(?:now\s+)?(?:scheduled|booked|due|expected|planned|set\s+for)\b"
    r"|\b(?:arrives|ships|leaves|lands|starts|begins|goes\s+out)\b"
    r"|\b(?:slot|appointment|visit|delivery|booking|call|meeting|collection)\s+(?:is|are)\b",
    re.IGNORECASE,
)
