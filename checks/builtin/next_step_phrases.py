"""The language of next steps, shared by missing-next-step and next-step-without-time.

GUIDANCE §4: an e-mail ends with what the customer should do or decide, or what we will do and
when. LABELING.md: a next step is an instruction, a request, a question to the customer or a
commitment with a time or trigger; generic closers ("let me know if you have questions", "hope
this helps", "have a great day") are not one. A promise to follow up that says not when ("we'll
get back to you") tells the customer *something* happens next, but not when: that is
next-step-without-time's finding, not missing-next-step's.

Each sentence is read once (``read_sentence``, cached: both checks ask about the same sentences)
into what it does for the customer:

- ``step``: it tells the customer what to do or decide (an imperative, "please …", a request, a
  recommendation, "you need to …", an option "you can …", a question to them, "no action is
  needed"), or commits to something with a time or a triggering event;
- ``promises``: spans of promises to follow up with no time or trigger in their sentence;
- ``happens``: it says what happens next to the case without a time ("your submission will now
  advance to production", "the message is being held until the moderator reviews it").

Generic closers are blanked out first, so "If you have any questions, please contact us" gives
no step while "If this was a mistake, you can email us" does (a specific trigger).

The rules work on the sentence's words, clause by clause, with word lists as data below; the
few regexes are anchored on words and bounded (no nested quantifiers over free text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from replylint.checks.anchors import ASCII_TOKEN, TOKEN, Anchor, cached_anchors, save_anchors
from replylint.checks.lazy_regex import lazy_compile
from replylint.checks.regex_cache import compile_regex
from replylint.checks.reply.parsed import LOWER_EXCEPTIONS

_NUMBER = r"(?:\d+|an?|one|two|three|four|five|six|seven|ten|twenty-four|a\s+few|a\s+couple\s+of)"
_UNIT = (
    r"(?:working\s+|business\s+|calendar\s+)?(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?)"
)
_DAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)


class _Parts:
    """Alternatives kept as separate regexes, each with the literals it cannot match without
    (anchors.py). Parts are indexed by a word each needs, so a sentence is searched only with
    the few parts whose words it holds; one alternation of them all has no such literal and is
    tried at every character (about 40 µs a sentence for the time words alone)."""

    __slots__ = ("_anchors", "_compiled", "_index", "_keys", "_unindexed", "patterns")

    def __init__(self, *patterns: str) -> None:
        self.patterns = patterns
        # Each part is compiled when a sentence first holds its words, not with its family: a
        # worker process compiled all 77 parts of the next-step families (about 0.2 s of CPU)
        # on its first e-mail, most of them never needed.
        self._compiled: list[re.Pattern[str] | None] = []
        self._anchors: list[tuple[Anchor, ...]] = []
        self._index: dict[str, list[int]] = {}
        self._keys: frozenset[str] = frozenset()
        self._unindexed: list[int] = []

    def _load(self) -> None:
        for number, pattern in enumerate(self.patterns):
            anchors = [a for a in cached_anchors(pattern) if all(o.isascii() for o in a.options)]
            words = [a for a in anchors if a.words]
            if words:
                key = min(words, key=lambda a: len(a.options))
                anchors.remove(key)
                for option in key.options:
                    self._index.setdefault(option, []).append(number)
            else:
                self._unindexed.append(number)
            self._anchors.append(tuple(anchors))
        self._compiled = [None] * len(self.patterns)
        self._keys = frozenset(self._index)
        save_anchors()

    def _part(self, number: int) -> re.Pattern[str]:
        regex = self._compiled[number]
        if regex is None:
            regex = self._compiled[number] = compile_regex(self.patterns[number], re.IGNORECASE)
        return regex

    def _candidates(self, text: _Text) -> list[int]:
        """The parts that may match: those whose words the text holds, in order."""
        if not self._compiled and self.patterns:
            self._load()
        if not text.exact:  # every part, as a plain scan would
            return list(range(len(self.patterns)))
        chosen = set(self._unindexed)
        for token in text.tokens & self._keys:
            chosen.update(self._index[token])
        return sorted(n for n in chosen if text.holds(self._anchors[n]))

    def spans(self, text: _Text) -> list[tuple[int, int]]:
        """Every match of every part in the text, as (start, end)."""
        found: list[tuple[int, int]] = []
        for number in self._candidates(text):
            found.extend(m.span() for m in self._part(number).finditer(text.text))
        return found

    def search(self, text: _Text) -> bool:
        """Whether any part matches the text."""
        return any(self._part(n).search(text.text) is not None for n in self._candidates(text))


class _Text:
    """A sentence, lower-cased, with its set of words: what the parts' anchors are tested on."""

    __slots__ = ("exact", "lowered", "text", "tokens")

    def __init__(self, text: str) -> None:
        self.text = text
        self.lowered = text.lower()
        # Where lower() and re's case folding disagree ('ı', 'ſ', 'İ'), every part is run.
        self.exact = len(self.lowered) == len(text) and not any(c in text for c in LOWER_EXCEPTIONS)
        self.tokens = frozenset(
            (ASCII_TOKEN if self.lowered.isascii() else TOKEN).findall(self.lowered)
        )

    def holds(self, anchors: tuple[Anchor, ...]) -> bool:
        if not self.exact:
            return True
        for anchor in anchors:  # noqa: SIM110 (a plain loop: all() over a generator costs more)
            if not anchor.present(self.lowered, self.tokens):
                return False
        return True


_parts = _Parts


# A time the customer can hold us to, or an event that triggers the step ("once it ships").
# "Soon", "shortly", "as soon as possible", "when we are able" and "once we know more" are
# deliberately not times: they promise nothing.
TIME = _parts(
    rf"\b(?:today|tonight|tomorrow|immediately|eod|cob|{_DAY})\b",
    r"\b(?:right|straight)\s+(?:now|away)\b|\blater\s+today\b",
    rf"\b(?:this|next)\s+(?:morning|afternoon|evening|week|weekend|month|business\s+day"
    rf"|working\s+day|{_DAY})\b",
    r"\b(?:end|close)\s+of\s+(?:the\s+)?(?:business\s+)?(?:day|week|month|business)\b",
    rf"\b(?:within|in|for|over|takes?)\s+(?:the\s+next\s+|about\s+|around\s+|less\s+than\s+"
    rf"|up\s+to\s+|approximately\s+|only\s+)?{_NUMBER}(?:\s*(?:-|–|to|or)\s*\d+)?\s*{_UNIT}\b",
    rf"\b\d+\s*(?:(?:-|–|to)\s*\d+\s*)?{_UNIT}\b",
    r"\b\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}:\d{2}\b",
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b",
    r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b",
    r"\b(?:one|a)\s+(?:moment|minute)\b",
    # An event the customer can watch for: "the fix ships in the next release".
    r"\b(?:in|with|from)\s+the\s+(?:next|upcoming|coming)\s+(?:release|version|update|build"
    r"|billing\s+cycle|issue)\b",
    r"\b(?:once|as\s+soon\s+as|when|after)\s+(?!possible\b|we\s+know\b|I\s+know\b"
    r"|(?:we|I)\s+(?:have|hear|get|receive)\s+(?:more|any|an\s+update|news|further|some)\b"
    r"|(?:we|I)(?:\s+are|['’]re|\s+am|['’]m)\s+able\b|(?:we|I)\s+(?:can|could)\b"
    r"|(?:we|I)\s+(?:have|find|get)\s+(?:the\s+|a\s+|some\s+)?(?:time|chance)\b)"
    r"(?:you|we|I|it|they|the|your|our|this|that|a|an)\b",
    # "You'll be notified once approved", "when it has been processed".
    r"\b(?:once|when|after|as\s+soon\s+as)\s+(?:it\s+(?:is|has\s+been)\s+|they\s+(?:are|have\s+been)\s+)?"
    r"(?:approved|reviewed|processed|shipped|dispatched|confirmed|received|verified|published"
    r"|completed|done|ready|available|resolved|fixed|merged|released|delivered)\b",
    # "Your submission will now advance to production": now is the time.
    r"\b(?:will|(?<=['’])ll)\s+now\b",
)
_PRONOUN = r"(?:I|we|they|who|he|she)"
_SOMEONE = (
    r"(?:someone|somebody|a\s+member)(?:\s+(?:from|of|in|on)\s+(?:our|the)\s+(?:[\w-]+\s+){0,2}"
    r"(?:team|department|office))?"
)
_STAFF = (
    r"(?:one\s+of\s+)?(?:our|the|a|an|my)\s+(?:[\w-]+\s+){0,2}"
    r"(?:team|teams|department|specialists?|engineers?|agents?|technicians?|colleagues?"
    r"|manager|supervisor|representatives?|experts?|staff|editors?|moderators?|admins?"
    r"|administrators?|reviewers?|maintainers?|developers?|member\s+of\s+(?:our|the)\s+\w+\s+team)"
)
_WHO = rf"(?:{_PRONOUN}|{_SOMEONE}|{_STAFF})"
_WILL = (
    r"(?:\s+will|['’]ll|\s+shall|\s+should|\s+(?:am|is|are)\s+going\s+to"
    r"|['’](?:m|re|s)\s+going\s+to)"
)
_ADVERB = (
    r"(?:(?:be\s+(?:sure|happy|glad)\s+to|definitely|personally|also|then|certainly|now|further)"
    r"\s+)?"
)
_FOLLOW_UP = (
    r"(?:get(?:ting)?\s+back|look(?:ing)?\s+(?:further\s+|more\s+closely\s+)?(?:into|at)"
    r"|follow(?:ing)?[\s-]+up|contact|reach(?:ing)?\s+out"
    r"|be\s+(?:back\s+)?in\s+touch|get\s+in\s+touch|update\s+you|let\s+you\s+know|respond|reply"
    r"|investigate|come\s+back\s+to\s+you|call\s+you|email\s+you|escalate"
    r"|keep\s+you\s+(?:posted|updated|informed)|notify\s+you|circle\s+back|touch\s+base|revert"
    r"|inform\s+you|check\s+(?:on|into|with)|review\s+(?:it|this|your|the)|consider\s+(?:it|this|your)"
    r"|(?:take|have)\s+a\s+(?:closer\s+)?look|get\s+to\s+(?:it|this|your)"
    r"|send\s+you\s+(?:an?\s+)?(?:e-?mail|update|message|reply|answer|note|word)"
    r"|(?:post|share|publish)\s+(?:an?\s+|any\s+|the\s+|more\s+)?(?:updates?|results?|news|them"
    r"|it|progress|details|more))"
)
# A promise that depends on a condition ("If anything changes, we'll keep you posted") is not
# a vague delay: the next step is the event's.
CONDITIONAL = _parts(r"\b(?:if|unless|in\s+case|should\s+(?:you|we|it|there|anything))\b")
_YOU_WILL_HEAR = (
    r"\byou(?:['’]ll|\s+will|\s+should)\s+(?:(?:also|then|soon)\s+)?(?:hear\s+(?:back\s+)?from"
    r"|be\s+(?:contacted|notified|updated)\b|get\s+(?:an?\s+)?(?:update|reply|answer|response)\b"
    r"|receive\s+(?:an?\s+)?(?:e-?mail\s+)?(?:notification|update|reply|response|answer|word"
    r"|news|feedback|decision)s?\b)"
)
# "We're looking into it": the promise in the present, no more precise about when.
_LOOKING_INTO = (
    r"\b(?:I|we)(?:['’]m|['’]re|\s+am|\s+are)\s+(?:now\s+|currently\s+|still\s+|already\s+)?"
    r"(?:looking\s+(?:into|at)|investigating|checking\s+(?:on|into|with)|working\s+on|following\s+up"
    r"|escalating)\b"
)
_WILL_BE_HANDLED = (
    r"\b(?:will|should|shall)\s+be\s+(?:(?:reviewed|looked\s+(?:at|into)|investigated|processed"
    r"|handled|addressed|answered|considered|checked|followed\s+up|escalated|paid|resolved"
    r"|fixed|dealt\s+with)\b)"
)
# A promise to follow up, in the three ways people say it: we will …, you will hear / receive …,
# and the case will be reviewed / processed / looked at. PROMISE is the whole alternation (for
# tests and plugins); the checks scan its parts.
PROMISE = lazy_compile(
    rf"\b{_WHO}{_WILL}\s+{_ADVERB}{_FOLLOW_UP}\b|{_YOU_WILL_HEAR}|{_WILL_BE_HANDLED}|{_LOOKING_INTO}",
    re.IGNORECASE,
)
PROMISE_PARTS = _parts(
    rf"\b{_PRONOUN}{_WILL}\s+{_ADVERB}{_FOLLOW_UP}\b",
    rf"\b{_SOMEONE}{_WILL}\s+{_ADVERB}{_FOLLOW_UP}\b",
    rf"\b{_STAFF}{_WILL}\s+{_ADVERB}{_FOLLOW_UP}\b",
    _YOU_WILL_HEAR,
    _WILL_BE_HANDLED,
    _LOOKING_INTO,
)

_INVITE = (
    r"(?:(?:please\s+)?(?:feel\s+free|(?:do\s+not|don['’]t)\s+hesitate)\s+to\s+|(?:please|just|simply)\s+)?"
    r"(?:let\s+(?:me|us)\s+know|contact|e-?mail|call|write(?:\s+to)?|reach\s+out(?:\s+to)?"
    r"|get\s+in\s+touch(?:\s+with)?|reply(?:\s+to\s+this\s+(?:e-?mail|message))?|ask"
    r"|send\s+(?:them|it|us\s+a\s+(?:message|note|line))(?:\s+to)?|(?:take\s+a\s+)?look\s+at"
    r"|see|visit|check|consult|read|refer\s+to|drop\s+(?:us|me)\s+a\s+(?:line|note|message))"
    r"(?:\s+(?:me|us|our\s+(?:[\w-]+\s+)?team|support|our\s+\w+))?"
)
_YOU_CAN = r"(?:you\s+(?:can|may|could)\s+(?:also\s+|always\s+)?)?"
_TOPIC = (
    r"(?:anything(?:\s+else)?\b|(?:any\s+|your\s+|all\s+)?(?:(?:other|further|more|additional"
    r"|follow-up)\s+)*(?:questions?|concerns?|comments?|help|assistance|queries|query|problems?"
    r"|issues?|support|information|info|clarification|difficult(?:y|ies)|challenges?|feedback"
    r"|thoughts))"
)
_CONDITION = (
    r"\b(?:if|should|in\s+case)\s+(?:you\s+(?:still\s+)?(?:have|need|require|want|would\s+like"
    r"|run\s+into|encounter|face)|there\s+(?:is|are|['’]s))\s+" + _TOPIC
)
# "If you have any questions, contact us" invites nothing in particular: the condition and the
# contact words around it are a generic closer, not a next step.
GENERIC_CLAUSE = _parts(
    rf"{_CONDITION}[^,.!?;]*(?:,?\s*{_YOU_CAN}{_INVITE})?",
    rf"\b{_INVITE}\s+{_CONDITION}",
    rf"\b(?:for|to\s+get|to\s+find)\s+(?:more|further|additional)\s+(?:information|info|details|help)"
    rf"(?:\s+(?:about|on|regarding)\s+(?:this|it|that|the\s+\w+))?,?\s*{_YOU_CAN}{_INVITE}",
    rf"\bfor\s+(?:help|support|assistance),?\s*{_YOU_CAN}{_INVITE}",
    # "Questions or comments? Send them to …", "Any questions should be directed to …"
    rf"\b(?:any\s+)?{_TOPIC}(?:\s+(?:or|and)\s+{_TOPIC})?[^.!?]{{0,60}}?\s+(?:should|can|may)\s+be"
    r"\s+(?:sent|directed|addressed|emailed)\s+to\b",
    rf"\bplease\s+(?:send|address|direct)\s+(?:any\s+|all\s+|your\s+)?{_TOPIC}(?:\s+(?:or|and)"
    rf"\s+{_TOPIC})?\b",
    r"\byou\s+(?:can|may|will)\s+find\s+(?:more|further|additional)\s+(?:information|info|details)\b"
    r"(?!\s+(?:on|about)\s+how\b)",
    r"\bsee\s+(?:also\s+)?[^.!?]{0,80}?\bfor\s+(?:more|further|additional)\s+(?:information|info"
    r"|details)\b",
    # "We will contact you if we need anything else" promises nothing unless we need it.
    r"\b(?:we|I)(?:['’]ll|\s+will)\s+(?:contact|get\s+back\s+to|reach\s+out\s+to|let)\s+you"
    r"(?:\s+know)?\s+if\s+(?:we|I)\s+(?:need|require|have)[^.!?]*",
)
# Closers that end a reply without asking or promising anything (GUIDANCE §4: not a next step).
GENERIC = _parts(
    r"\blet\s+(?:me|us)\s+know\s+if\s+(?:this|that|it)\s+(?:helps|works|answers)",
    r"\b(?:I|we)\s+hope\s+(?:this|that)\s+\w+|\bhope\s+(?:this|that)\s+helps",
    r"\bhave\s+a\s+(?:great|good|nice|lovely|wonderful|fantastic)\s+\w+",
    r"\bthanks?(?:\s+you)?(?:\s+again)?\s+(?:so\s+much\s+)?for(?:\s+[\w'’-]+){1,3}",
    r"\bis\s+there\s+anything\s+else[^.!?]*|\banything\s+else\s+(?:I|we)\s+can[^.!?]*",
    r"\b(?:we|I)\s*(?:['’]re|['’]m|\s+are|\s+am)\s+(?:always\s+)?(?:here|happy|glad)\s+to\s+help",
    r"\b(?:does|did|do)\s+(?:this|that|it)\s+(?:help|answer|make\s+sense)[^.!?]*\??",
    r"\b(?:feel\s+free|(?:do\s+not|don['’]t)\s+hesitate)\s+to\s+(?:contact|reach\s+out|get\s+in"
    r"\s+touch|e-?mail|call|write|ask|let\s+(?:us|me)\s+know)(?:\s+(?:us|me|our\s+\w+(?:\s+team)?))?"
    r"(?:\s+(?:with|about)\s+(?:any|your)\s+"
    + _TOPIC
    + r"(?:\s+(?:about|on|regarding)\s+(?:this|it"
    r"|that|(?:the|your)\s+[\w-]+(?:\s+(?:or|and)\s+(?:the\s+)?[\w-]+)*))?)?"
    # Only when nothing specific follows: "feel free to contact us if this was a mistake" is one.
    r"(?=\s*(?:[.!]|\Z|(?:any\s*time|at\s+any\s+time|again|anytime)\b))",
    r"\b(?:we|I)\s+(?:look|am\s+looking|are\s+looking|['’]m\s+looking|['’]re\s+looking)\s+forward"
    r"\s+to\s+(?:hearing|your|receiving|working|seeing)[^.!?]*",
    r"\bthank\s+you\s+in\s+advance\b",
    r"\bplease\s+(?:note|be\s+(?:advised|aware|informed|assured)|accept|find\s+(?:attached"
    r"|enclosed|below)|bear\s+with|forgive|excuse)\b",
    r"\benjoy\b|\bsee\s+you\s+(?:soon|then|there|next|around|again)\b",
)
# A notice that the customer's matter is settled: their report dealt with and closed, what was
# taken from them given back ("the release has been un-yanked", "your account was reinstated").
# With a line saying where to take questions it leaves nothing to do or decide (LABELING.md:
# the customer knows what happens next: nothing). Not a removal, a refusal or a closure for a
# reason ("closed due to …", "has been deleted"), which leave the customer with a decision.
_SETTLED_VERB = (
    r"(?:resolved|restored|reinstated|re-?instated|reactivated|re-?enabled|unsuspended|unblocked"
    r"|unbanned|unlocked|un-?yanked|un-?deleted|recovered)"
)
_CLOSED_FOR = r"(?!\s+(?:[a-z]+\s+)?(?:due|because|as|for|since|without|until|after)\b)"
_CASE = r"(?:report|ticket|case|request|complaint|query|enquiry|inquiry)"
SETTLED = _parts(
    # Passive: "has been resolved", "was reinstated", "is now unsuspended".
    rf"\b(?:has|have)\s+(?:now\s+)?been\s+(?:now\s+)?(?:successfully\s+|fully\s+)?(?:{_SETTLED_VERB}"
    r"|fixed|tended\s+to|taken\s+care\s+of|dealt\s+with|sorted\s+out)\b",
    rf"\b(?:(?:is|are)\s+now|was|were)\s+(?:successfully\s+|fully\s+)?{_SETTLED_VERB}\b"
    rf"|\b(?:is|are)\s+{_SETTLED_VERB}\s+now\b",
    # Active, we the subject: "we've resolved the problem", "I have reinstated your listing".
    rf"\b(?:I|we)(?:\s+have|['’]ve)\s+(?:now\s+|just\s+|also\s+)?(?:successfully\s+)?"
    rf"(?:{_SETTLED_VERB}|fixed|sorted\s+out|taken\s+care\s+of|dealt\s+with)\b",
    # Closed: the customer's report or ticket, not for a reason ("closed due to inactivity").
    rf"\b{_CASE}\b[^.!?]{{0,60}}?\s(?:is\s+now|has\s+(?:now\s+)?been|was)\s+(?:closed|solved"
    rf"|marked\s+as\s+(?:resolved|solved|closed))\b{_CLOSED_FOR}",
    rf"\b(?:I|we)(?:\s+have|['’]ve)\s+(?:now\s+)?closed\s+(?:your|the|this)\s+(?:[\w-]+\s+)?{_CASE}\b"
    rf"{_CLOSED_FOR}",
)
# Words before a settled verb that make it no news: "once it has been resolved", "it should
# have been restored", "if your account was unlocked".
_UNSETTLED = frozenset(
    "if once when whenever until after before unless whether should would could might must may "
    "not never usually typically normally generally often sometimes always most".split()
)
# The contact words a generic closer offers: "If you have questions, email …".
_CONTACT = compile_regex(
    r"\b(?:contact|e-?mail(?:ed)?|write|reach|touch|send|sent|call|message|ask|reply|directed"
    r"|addressed|let\s+(?:me|us)\s+know)\b"
)


@lru_cache(maxsize=4096)
def settles(sentence: str) -> bool:
    """Whether the sentence reports the customer's matter settled (see SETTLED)."""
    text = _Text(sentence)
    spans = SETTLED.spans(text)
    if not spans:
        return False
    # A later match has every word of the first before it: only the first need be read.
    first = min(start for start, _end in spans)
    return _UNSETTLED.isdisjoint(_TOKEN.findall(text.lowered, 0, first))


@lru_cache(maxsize=4096)
def offers_contact(sentence: str) -> bool:
    """Whether the sentence's generic closer says where to take questions ("If you have any
    questions, please contact …", "Any questions should be directed to …")."""
    text = _Text(sentence)
    for start, end in GENERIC_CLAUSE.spans(text) + GENERIC.spans(text):
        if _CONTACT.search(text.lowered, start, end) is not None:
            return True
    return False


# Future or scheduled: "we'll refund you", and also the plain present of a booked event
# ("your new delivery slot is Tuesday", "the parcel ships on Monday") — a time with either is
# a next step.
FUTURE = _parts(
    r"\b(?:will(?!\s+not\b)|shall|going\s+to)\b|(?<=['’])ll\b",
    r"\bshould\s+(?:arrive|receive|see|get|be)\b",
    r"\b(?:is|are)\s+(?:now\s+)?(?:scheduled|booked|due|expected|planned|set\s+for|being)\b",
    r"\b(?:arrives|ships|leaves|lands|starts|begins|goes\s+out)\b",
    r"\b(?:can|may|might|should|will|usually|typically|normally)\s+take\b|\btakes\s+(?:up\s+to\s+)?\d",
    r"\b(?:slot|appointment|visit|delivery|booking|call|meeting|collection)\s+(?:is|are)\b",
    # "I'm forwarding this to billing", "we are introducing a fix this week": what we are doing.
    r"\b(?:I|we)(?:['’]m|['’]re|\s+am|\s+are)\s+(?:now\s+|currently\s+|also\s+|still\s+)?"
    r"(?:pinging|forwarding|passing|escalating|asking|checking|looking|investigating|reviewing"
    r"|working|contacting|arranging|preparing|processing|transferring|assigning|copying|involving"
    r"|consulting|raising|following|waiting|testing|tracking|introducing|releasing|launching"
    r"|rolling\s+out|sending|shipping|refunding|replacing|issuing|scheduling|fixing|adding)\b",
)
# A future that describes nothing happening to the case ("it will help you", "we will be happy
# to", "you will be able to"), and how things usually go ("occasionally a decision will be
# recorded by mistake").
IDLE = _parts(
    r"\b(?:will|(?<=['’])ll|shall)\s+(?:also\s+)?(?:not\b|never\b|help|make|depend|vary|be\s+(?:happy"
    r"|glad|pleased|able|available|here|displayed|shown|lost)\b|contain|include|find|need"
    r"|have\s+to|want|like|love|get\s+the\s+best)",
    r"\b(?:occasionally|sometimes|usually|often|generally|typically|normally|in\s+general"
    r"|from\s+time\s+to\s+time)\b",
    # "We will close this issue": the conversation ends, nothing happens next for the customer.
    r"\b(?:will|(?<=['’])ll|shall|going\s+to)\s+(?:now\s+|also\s+)?(?:close|cancel|delete|remove"
    r"|lock|archive|end)\s+(?:this|the|your|it)\b",
)
# Requests, recommendations, obligations and options addressed to the customer.
REQUEST = _parts(
    r"\b(?:could|can|would|will)\s+you\s+(?:please\s+|kindly\s+|also\s+)?(?!imagine\b)\w",
    r"\bif\s+you\s+(?:could|would|can)\b",
    r"\b(?:I|we)(?:\s+would|['’]d|\s+will|['’]ll|\s+do|\s+still|\s+also)?\s+(?:need|require)\s+"
    r"(?:you\s+to|(?:a|an|the|your|some|more|additional|further|following)\b)(?!\s+(?:few\s+)?"
    r"(?:more\s+)?(?:time|days|hours|weeks)\b)",
    r"\b(?:I|we)(?:\s+would|['’]d)\s+(?:like|love|appreciate|welcome)\s+(?:you\s+to|it\s+if|your)\b",
    r"\b(?:I|we)\s+(?:ask|request|invite|encourage|urge)\s+(?:that\s+)?you\b",
    r"\byou\s+(?:are|['’]re)\s+(?:(?:now|also|always)\s+)?(?:asked|invited|requested|required"
    r"|expected|welcome|free|encouraged)\s+to\b",
    r"\bit\s+would\s+(?:be\s+\w+|help(?:\s+us)?(?:\s+a\s+lot)?)\s+if\s+you\b",
    r"\blet\s+(?:me|us)\s+know\b",
    r"\b(?:feel\s+free|(?:do\s+not|don['’]t)\s+hesitate)\s+to\s+\w",
    r"\b(?:it\s+is|it['’]s)\s+(?:your|the\s+customer['’]s)\s+(?:responsibility|job|duty)"
    r"(?:\s+as\s+an?\s+[\w-]+(?:\s+[\w-]+)?)?\s+to\b|\byou\s+(?:are|['’]re)\s+responsible\s+for\b",
    r"\b(?:I|we)(?:\s+would|['’]d|\s+strongly|\s+also|\s+highly|\s+really)*\s+(?:recommend|suggest"
    r"|advise)\b",
    r"\blet['’]?s\s+(?!not\b)\w",
    # The customer acts first: "We can look into it if you send us your order number".
    r"\bif\s+you\s+(?:can\s+|could\s+|would\s+)?(?:submit|send|share|provide|reply|respond|dm"
    r"|message|call|email|e-mail|contact|attach|upload|forward|give|tell|fill|complete|confirm)\b",
    # A resource offered to act with: "this guide can help you reset it", "these steps may help".
    r"\b(?:this|these|the\s+following|our|that)\s+(?:[\w-]+\s+)?(?:link|page|article|guide|steps"
    r"|instructions|website|site|docs?|documentation|resource|tool|video|tutorial|form)s?"
    r"(?:\s+here|\s+below)?\s+(?:can|may|might|should|will|would)\s+(?:help|get|show|walk|explain"
    r"|guide|fix|solve|resolve)\b",
    r"\b(?:this|these|they|it)\s+(?:may|might|should|could)\s+be\s+(?:helpful|useful)\b",
    r"\byou\s+(?:might|may|could)\s+(?:also\s+)?(?:want|wish|like|find)\b",
    r"\bconsider\s+(?!this\s+an?\b)\w+ing\b|\bconsider\s+(?:being|using|upgrading)\b",
    r"\b(?:it(?:['’]s|\s+is|\s+would\s+be|['’]d\s+be)|would\s+be)\s+(?:best|better|a\s+good\s+idea"
    r"|advisable|recommended)\b",
    r"\b(?:a|the)\s+(?:great|good|better|best|right)\s+place\s+(?:for\s+you\s+)?to\b",
    r"\byou(?:['’]ll|\s+will)?\s+(?:must|need\s+to|have\s+to|should|(?:will|['’]ll)\s+(?:need|have)"
    r"\s+to)\s+(?:first\s+|also\s+|now\s+|then\s+|still\s+)?(?!receive\b|see\b|get\b|hear\b"
    r"|have\s+(?:received|got)\b|be\s+(?:able|contacted|notified|getting|receiving)\b|know\b)\w",
    r"\byou\s+(?:can|could|may|(?:will|['’]ll)\s+be\s+able\s+to|are\s+(?:now\s+)?able\s+to)"
    r"\s+(?:(?:also|now|always|still|then|easily|simply|just|then|safely)\s+)*(?!be\b|not\b|no\b|never\b|have\b|expect\b"
    r"|find\s+(?:more|further)|imagine\b|see\s+(?:that|how|why)\b)\w",
)
# "You have nothing to do" is a next step too: the customer knows where they stand.
NO_ACTION = _parts(
    r"\b(?:don['’]t|do\s+not|won['’]t|will\s+not)\s+(?:need|have)\s+to\s+(?:do|take)\s+(?:anything"
    r"|any\s+(?:further\s+)?action)",
    r"\bno\s+(?:further\s+|other\s+|more\s+)?action\s+(?:is\s+|will\s+be\s+)?(?:needed|required"
    r"|necessary)|\bno\s+need\s+to\s+(?:do\s+anything|take\s+(?:any\s+)?action|reply|respond)",
    r"\bnothing\s+(?:else\s+|more\s+|further\s+)?(?:is\s+|will\s+be\s+)?(?:needed|required)\b"
    r"|\bnothing\s+(?:else\s+|more\s+|further\s+)?(?:to\s+do|for\s+you\s+to\s+do)\b",
    r"\b(?:can|may)\s+(?:safely\s+)?(?:ignore|disregard)\b",
)
# "As an admin, you can …" describes a role, not a step.
_ROLE = lazy_compile(r"\A\W*as\s+(?:an?|the|our)\s+[\w-]+(?:\s+[\w-]+)?\s*,", re.IGNORECASE)
# "Did you know …?", "Need help getting started?", "Questions?": lead-ins, not questions to answer.
_LEAD_IN = lazy_compile(
    r"\A\W*(?:did\s+you\s+know|need|want|questions?|feeling|looking|wondering|how\s+do\s+you\s+know"
    # Headings in the customer's voice: "What should I do?", "Why am I getting this e-mail?"
    r"|(?:what|how|why|where)\s+(?:should|can|could|do|does|did|am|is|will|would)\s+(?:I|my)"
    r"|who|got)\b",
    re.IGNORECASE,
)
# Words and clause breaks of a lower-cased sentence: "and", "or", "but", "then" join clauses.
_PIECE = compile_regex(r"[a-z0-9]+(?:['’][a-z]+)*|[,;:()]|\s[-–—]+\s")
_JOINERS = frozenset(("and", "or", "but", "then"))
_PLEASE = compile_regex(r"\b(?:please|pls|plz)\b")
_LETTER = compile_regex(r"[^\W\d_]")
_PLEASE_WORDS = frozenset(("please", "pls", "plz"))
_TOKEN = compile_regex(r"[a-z0-9]+(?:['’][a-z]+)*")

# Words that may stand before an imperative without changing it ("Then click …", "Please just
# reply …", "Carefully follow …").
LEAD_WORDS = frozenset(
    "then next now so and also finally lastly alternatively otherwise instead first firstly "
    "second secondly third just simply carefully kindly additionally again please afterwards "
    "meanwhile still always or but".split()
)
# Verbs a reply tells the customer to do in the imperative (base forms).
IMPERATIVE = frozenset(
    """click tap press reply respond send visit go open log sign select choose enter check follow
    use call contact confirm complete fill attach upload download install update upgrade restart
    reboot try retry return print review submit forward share quote include keep ensure add
    remove change reset navigate head book schedule register activate reactivate verify provide
    pick bring read wait allow tell drop pop give write answer login refer file report raise
    reopen open subscribe unsubscribe join create set make search browse post comment edit
    rephrase explain describe clarify collect gather run reproduce test push copy paste move
    delete cancel renew settle pay redeem resume accept decline ignore disregard avoid look
    take bear mark link close start stop enable disable turn switch clear save backup
    back implement format see learn explore find view watch get let fix correct replace resend
    reinstall uninstall sync list contact email e-mail message ping mention tag label dm
    suggest track manage claim rate vote approve reject reschedule rebook unlock discover
    request""".split()
)
# Words after which a leading verb-looking word is a noun or a verb of a statement
# ("Update: …", "Return policy is …", "Check was cashed").
_NOT_OBJECT = frozenset(
    "is are was were has have had 's will would can could should may might must does did do "
    "policy policies window period date time number process request requests status info "
    "information details from of body subject name address id type summary page text sent "
    "received".split()
)
# Words before a verb that make it not an imperative ("you click", "to view", "can send").
_NOT_BEFORE = frozenset(
    "you i we they he she it to can will would could should must may might not don't didn't "
    "and or who which that the a an your our their my his her its this".split()
)
# What an imperative found mid-sentence ("To reset your password visit the link below") needs
# right after it: an object or a particle.
_OBJECT_START = frozenset(
    "the this that these those our your a an it us me them here below above on to at in with "
    "back out up via by any all one following".split()
)
_DONT = frozenset(("don't", "don’t", "do", "never"))
_NOT_ORDERS = frozenset(("worry", "hesitate", "you", "we", "i", "they"))
_SUBORDINATE = frozenset("if when once to after before whenever unless in should".split())
# Introductory phrases an instruction may follow: "For more info, send …", "As a workaround, use …".
_INTRO = _SUBORDINATE | frozenset("for as until meanwhile otherwise alternatively".split())


@dataclass(frozen=True, slots=True)
class SentenceSteps:
    """What one sentence does for the customer (see the module docstring)."""

    step: bool
    promises: tuple[tuple[int, int], ...]  # offsets in the reply
    happens: bool


NOTHING = SentenceSteps(False, (), False)
STEP = SentenceSteps(True, (), True)
# The words a promise needs ("will", "'ll", "shall", "should", "going to"): a sentence without
# any is not searched for one.
_PROMISE_NEEDS = frozenset(("will", "ll", "shall", "should", "going", "m", "re", "am", "are"))


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    pieces = list(text)
    for start, end in spans:
        pieces[start:end] = " " * (end - start)
    return "".join(pieces)


@lru_cache(maxsize=8192)
def read_sentence(sentence: str) -> SentenceSteps:
    """What a sentence (its masked text) does for the customer: a step, vague promises (spans
    in the sentence), news of what happens next.

    Cached by text: missing-next-step and next-step-without-time read the same sentences, and
    macro libraries repeat their closers.
    """
    text = _Text(sentence)
    generic = GENERIC_CLAUSE.spans(text) + GENERIC.spans(text)
    if generic:
        text = _Text(_blanked(sentence, generic))
    cleaned, lowered = text.text, text.lowered
    if _LETTER.search(lowered) is None:
        return NOTHING
    if (
        (REQUEST.search(text) and not _ROLE.match(cleaned))
        or NO_ACTION.search(text)
        or _has_imperative(lowered, text.tokens)
        or (not text.tokens.isdisjoint(_PLEASE_WORDS) and _please_step(lowered))
        or _question_to_customer(cleaned)
    ):
        return STEP
    timed = TIME.search(text)
    conditional = CONDITIONAL.search(text)
    future = FUTURE.search(text)
    promises = (
        tuple(PROMISE_PARTS.spans(text)) if not text.tokens.isdisjoint(_PROMISE_NEEDS) else ()
    )
    if timed or conditional:
        # A promise with a time, a trigger or a condition is a commitment, not a vague delay.
        return STEP if (promises or future) else NOTHING
    happens = bool(promises) or (future and not IDLE.search(text))
    return SentenceSteps(False, _disjoint(promises), happens)


def _disjoint(spans: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    # Two parts may find one promise ("Someone from our team will …", "our team will …"):
    # the one that starts first (and is longest) stands for it.
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return tuple(kept)


def _imperative_clause(words: list[str], first_of_sentence: bool, after_subordinate: bool) -> bool:
    index = 0
    while index < len(words) and words[index] in LEAD_WORDS:
        index += 1
    if index + 1 < len(words) and words[index] in _DONT and words[index + 1] not in _NOT_ORDERS:
        index += 1  # "Do not reply to this e-mail", "Never share your password"
        if words[index] == "not":
            index += 1
        return index < len(words) and words[index] in IMPERATIVE
    if index + 1 < len(words) and words[index] in IMPERATIVE:
        following = words[index + 1]
        if following not in _NOT_OBJECT and (first_of_sentence or after_subordinate or index > 0):
            return True
    # "To reset your password visit the link below", "If you want to view it click here".
    if words and words[0] in _SUBORDINATE:
        for position in range(2, len(words) - 1):
            word = words[position]
            if (
                word in IMPERATIVE
                and words[position - 1] not in _NOT_BEFORE
                and words[position + 1] in _OBJECT_START
            ):
                return True
    return False


def _has_imperative(lowered: str, tokens: frozenset[str]) -> bool:
    """Whether a clause of the (lower-cased) sentence is an instruction."""
    if IMPERATIVE.isdisjoint(tokens):
        return False
    clause: list[str] = []
    previous_subordinate = False
    first = True
    for piece in _PIECE.findall(lowered):
        if piece[0].isalnum() and piece not in _JOINERS:
            clause.append(piece)
            continue
        if clause:
            if _imperative_clause(clause, first, previous_subordinate):
                return True
            previous_subordinate = clause[0] in _INTRO
            first = False
            clause = []
    return bool(clause) and _imperative_clause(clause, first, previous_subordinate)


def _please_step(lowered: str) -> bool:
    # "please" before anything but the formulas GENERIC blanked ("please note", "please accept").
    for match in _PLEASE.finditer(lowered):
        tokens = _TOKEN.findall(lowered, match.end(), match.end() + 40)
        if tokens and tokens[0] not in ("and", "or", "thanks", "thank"):
            return True
    return False


def _question_to_customer(text: str) -> bool:
    stripped = text.strip()
    if not stripped.endswith("?") or _LEAD_IN.match(stripped):
        return False
    tokens = _TOKEN.findall(stripped.lower())
    if len(tokens) < 3:
        return False
    return (
        any(token.startswith("you") for token in tokens)
        or tokens[0] in ("shall", "should", "may")
        or tokens[:2] in (["how", "about"], ["what", "about"])
    )
