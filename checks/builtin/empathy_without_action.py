"""empathy-without-action: an apology or acknowledgement that leads nowhere (GUIDANCE §7)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from replylint.checks.lazy_regex import lazy_compile
from replylint.checks.lexicon import anchored_finditer
from replylint.checks.model import Category, Check, Example, Hit, Options, Severity
from replylint.checks.reply.parsed import Reply
from replylint.checks.reply.specificity import is_specific

EMPATHY = lazy_compile(
    r"\b(?:(?:I['’]m|I\s+am|we['’]re|we\s+are)\s+(?:so\s+|very\s+|really\s+|truly\s+|terribly\s+"
    # "I'm sorry to inform you that…" announces a decision (a refusal formula), it does not
    # acknowledge the customer's difficulty: not the empathy this check follows up.
    r"|deeply\s+|sincerely\s+)?sorry(?!\s+to\s+(?:inform|say|tell|report|announce|advise|notify"
    r"|let\s+you\s+know)\b)|sorry\s+(?:to\s+(?:hear|know|learn|see|read)|for|about|that)"
    r"|(?:I|we)\s+(?:sincerely\s+|truly\s+|do\s+)?apologi[sz]e|(?:my|our)\s+(?:sincere\s+"
    r"|deepest\s+)?apologies|apologies\s+for|I\s+can\s+(?:only\s+)?imagine|I\s+hear\s+you"
    r"|(?:I|we)\s+(?:completely\s+|totally\s+|fully\s+|truly\s+|really\s+)?understand\s+"
    r"(?:how|your|that|why|what|the\s+frustration)"
    r"|I\s+know\s+how\s+(?:frustrating|annoying|stressful|disappointing|upsetting)"
    r"|(?:that|this)\s+(?:must\s+(?:be|have\s+been)|sounds)\s+(?:really\s+|so\s+|very\s+)?"
    r"(?:frustrating|annoying|stressful|disappointing|upsetting|difficult|inconvenient))\b",
    re.IGNORECASE,
)
# Formulas that say nothing unless the reply around them is about the customer's case (kk).
HOLLOW = lazy_compile(
    r"\b(?:(?:I|we)\s+(?:completely\s+|totally\s+|fully\s+|truly\s+)?understand\s+(?:your\s+"
    r"(?:frustration|concerns?|disappointment|feelings)|how\s+you\s+feel)|I\s+hear\s+you"
    r"|I\s+can\s+(?:only\s+)?imagine\s+how\s+(?:frustrating|annoying|stressful|upsetting))\b"
    # "I understand your concern about the delivery time" names it: not hollow.
    r"(?!\s+(?:with|about|regarding|over|that|as|at|for|when|since)\b)",
    re.IGNORECASE,
)
VERB = (
    r"(?:try|click|tap|go|check|open|restart|reboot|reset|update|reinstall|install|clear|reply"
    r"|send|dm|follow|visit|log|sign|use|contact|call|select|choose|enter|make\s+sure|ensure"
    r"|delete|remove|turn|switch|navigate|head|download|upload|provide|share|attach|fill"
    r"|complete|confirm|refresh|unplug|plug|reconnect|verify|email|message|return|keep|submit"
    r"|forward|reach\s+out|get\s+in\s+touch)\b"
)
# "I'd like to help." / "We're here to help!" alone offers nothing the customer can take up: an
# offer counts when it names what will be done ("I'd like to send you a new one").
BARE_OFFER = (
    r"(?!\s*(?:help|assist|support)(?:\s+(?:you|out))?(?:\s+with\s+(?:this|that|it))?\s*"
    r"(?:[.!]|\Z|\^|\(\d))"
)
# What counts as doing something about it (kk: "I understand your frustration, I'll try to fix
# it"): a first-person commitment, a team at work, a resolved status ("ships today", "is
# fixed"), an instruction or request. Remedies (refund, replacement) are REMEDY below.
ACTION = lazy_compile(
    r"\b(?:(?:I|we)(?:['’]ll|\s+will|\s+(?:am|are)\s+going\s+to|['’](?:m|re)\s+going\s+to"
    r"|(?:['’]d|\s+would)\s+(?:be\s+(?:happy|glad)|like|love)\s+to"
    + BARE_OFFER
    + r"|(?:['’](?:m|re)"
    r"|\s+am|\s+are)\s+(?:happy|glad|here)\s+to" + BARE_OFFER + r"|\s+can\s+(?!(?:see|imagine"
    r"|understand|only|tell|hear)\b))"
    r"|(?:I|we)(?:['’]ve|\s+have)?\s+(?:just\s+|already\s+|now\s+|also\s+)?(?:\w+ed|sent|made|done"
    r"|put|set|given|taken|got|written|spoken|found|begun|paid|told|shared|issued)\b(?<!\bneed)"
    r"|let\s+(?:me|us)\s+(?!know\b)|(?:request|ask|invite)\s+you\s+to"
    r"|(?:team|engineers|developers|specialists|agents|staff)\s+(?:is|are|will|has|have)"
    r"|(?:is|are)\s+(?:now\s+|actively\s+|currently\s+)?(?:working\s+on|looking\s+into"
    r"|investigating)|(?:ships?|shipped|dispatched)\b|on\s+(?:its|the)\s+way"
    r"|(?:new|rescheduled|rebooked)\s+(?:delivery|slot|appointment|visit|date|time)"
    r"|(?:is|are|has\s+been|have\s+been)\s+(?:re)?(?:booked|scheduled)"
    r"|will\s+(?:be|arrive|ship|reach|show|appear|work)|(?:is|are|has\s+been|have\s+been|was"
    r"|were)\s+(?:now\s+)?(?:fixed|resolved|sorted|processed|issued|refunded|credited|replaced"
    r"|restored|reactivated|updated|corrected|cancell?ed|back)"
    # Handing over what was asked for ("Here's the tracking number: …") is the help itself.
    r"|here(?:['’]s|\s+is|\s+are|\s+it\s+is|\s+you\s+go)\b"
    r"|(?:could|can|would)\s+you\s+(?:please\s+)?(?!imagine)\w+"
    r"|you\s+(?:can|could|may|will\s+need\s+to|need\s+to|might\s+want\s+to)\s+(?:now\s+|also\s+)?"
    r"(?!be\b)\w+|(?:please|kindly)\s+" + VERB + r")",
    re.IGNORECASE,
)
# A question about the case ("Is it the disc or the digital version?") is working on it; a
# stock "anything else I can help with?" is not.
STOCK_QUESTION = lazy_compile(r"\banything\s+else\b|\bany\s+(?:other|further|more)\b", re.I)
# A remedy named after the apology's own clause ("Sorry for the delay with your refund" names
# the problem, "…; a refund is on its way" the remedy).
REMEDY = lazy_compile(
    r"\b(?:refund|replacement|credit|voucher|discount|reimburs|compensat|exchange|reship"
    r"|resen[dt]|new\s+one|free\s+of\s+charge|coupon|gift\s+card)",
    re.IGNORECASE,
)
CLAUSE_END = lazy_compile(r"[,;:.!?–—]")
IMPERATIVE = lazy_compile(r"\W*(?:(?:first|then|now|just|simply),?\s+)?" + VERB, re.IGNORECASE)
FOLLOW_UP = 'Follow it with what you will do: "I\'ve refunded the fee" / "I\'ll call you by 5pm"'


def run(reply: Reply, options: Options) -> Iterator[Hit]:
    """The first acknowledgement, when no action follows it; a hollow formula in a vague reply.

    Cost: about 30 µs a reply (bench --stages), over the 25 µs mark: apologies are in most
    replies, and each one found makes the rest of the reply be searched for an action
    (ACTION, an alternation of some forty frames) and its later sentences for an instruction
    or a question.
    """
    links = [s for s, _ in reply.masks.of_kind("url") + reply.masks.of_kind("email")]
    # Only the first acknowledgement counts: "I've refunded you. Sorry again for the trouble."
    # closes a reply that has already acted.
    match = next(anchored_finditer(EMPATHY, reply), None)
    unfollowed = match is not None and not _acted_after(reply, match.end(), links)
    if match and unfollowed:
        yield Hit(
            *match.span(),
            f"'{match.group()}' is not followed by anything done about it",
            FOLLOW_UP,
        )
    hollow = next(anchored_finditer(HOLLOW, reply), None)
    # One finding per phrase: an unfollowed "I understand your frustration" is reported once.
    overlaps = unfollowed and match is not None and hollow and hollow.start() < match.end()
    if hollow and not overlaps and not any(is_specific(reply, s) for s in reply.content):
        yield Hit(
            *hollow.span(),
            f"'{hollow.group()}' is a formula: nothing in the reply shows what was understood",
            'Name the problem: "I understand the charger stopped working after a week."',
        )


def _acted_after(reply: Reply, position: int, links: list[int]) -> bool:
    masked = reply.masked
    # Tried only where one of its first words starts (anchored_finditer): one alternation of
    # some forty frames, searched over the rest of the reply, cost ~60 µs at every character.
    acted = next(anchored_finditer(ACTION, reply, position), None)
    if acted is not None or any(start >= position for start in links):
        return True
    clause = CLAUSE_END.search(masked, position)
    if clause and REMEDY.search(masked, clause.end()):
        return True
    later = [s for s in reply.content if s.end > position]
    return any(
        (s.start >= position and IMPERATIVE.match(s.text))
        or (s.text.rstrip().endswith("?") and not STOCK_QUESTION.search(s.text))
        for s in later
    )


CHECK = Check(
    code="RL701",
    name="empathy-without-action",
    category=Category.EMPATHY,
    summary="An apology or 'I understand' with no action or remedy after it; hollow formulas.",
    rationale=(
        "An apology that leads nowhere tells the customer their problem was heard and then "
        "left; the guidance pairs the acknowledgement with the fix ('I understand your "
        "frustration, I'll try to fix it') and offers a choice of remedies. A bare 'I'd like to "
        "help' is not an action; 'I'm sorry to inform you…' announces a decision and is not "
        "the acknowledgement this check follows."
    ),
    guidance="GUIDANCE §7 Empathy, choice, thanks, a human voice",
    run=run,
    severity=Severity.INFO,
    examples=(
        Example("I'm sorry to hear the parcel hasn't arrived. Let us know if anything else.", True),
        Example("I'm sorry the parcel hasn't arrived; I've sent a replacement today.", False),
    ),
)
