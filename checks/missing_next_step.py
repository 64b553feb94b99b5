"""missing-next-step: an e-mail whose closing never says what happens next (GUIDANCE §4)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from replylint.checks.model import Category, Check, Example, Hit, Kind, Option, Options, Severity
from replylint.checks.next_step_without_time import PROMISE, TIME
from replylint.checks.reply import CLOSING_SENTENCES, Reply, Sentence
from replylint.checks.segment import WORD

MIN_CLOSING_WORDS = 3
LONG_SENTENCE_WORDS = 8
SENTENCE_END = re.compile(r"[.!?:…][\"'”’)\]]*\s*\Z")

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
GENERIC_CLAUSE = re.compile(
    rf"(?:{_INVITE}\s+)?{_CONDITION}[^,.!?;]*(?:,?\s*{_INVITE})?", re.IGNORECASE
)
# Closers that end a reply without asking or promising anything (GUIDANCE §4: not a next step).
GENERIC = re.compile(
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
CUE = re.compile(
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
    r"|\b(?:reference|ticket|case|tracking|confirmation)\s+(?:number|no\b|id\b|#)|[a-z][^.!?]*\?\s*\Z"
    r")",
    re.IGNORECASE,
)
FUTURE = re.compile(
    r"\b(?:will(?!\s+not\b)|['’]ll|shall|going\s+to|should\s+(?:arrive|receive|see|get))\b"
)


def _blank(pattern: re.Pattern[str], text: str) -> str:
    return pattern.sub(lambda m: " " * len(m.group()), text)


def gives_next_step(sentence: Sentence) -> bool:
    """Whether a sentence asks for, promises or points to a concrete next step."""
    text = sentence.text
    text = _blank(GENERIC, _blank(GENERIC_CLAUSE, text)).strip()
    if CUE.search(text) or PROMISE.search(text):
        return True
    return bool(FUTURE.search(text) and TIME.search(text))


def closing_sentences(reply: Reply) -> list[Sentence]:
    """Everything from the third-last prose sentence on (short lines like "Get started!" too).

    ``reply.closing`` counts every line, so template footers ("Walnut CA 91789"), button labels
    and unmasked template variables ("%(adminaddr)s") would push the real closing out of view.
    """
    content = reply.content
    prose = [i for i, s in enumerate(content) if _is_prose(s)]
    return (
        content[prose[-CLOSING_SENTENCES] :]
        if len(prose) >= CLOSING_SENTENCES
        else (content[prose[0] :] if prose else [])
    )


def _is_prose(sentence: Sentence) -> bool:
    # Footer and signature lines ("Walnut CA 91789", "– Team Acme") have few lower-case words
    # and no sentence punctuation; a real sentence has both (or is long).
    words = [w for w in WORD.findall(sentence.text) if not w.isupper() and not w.isdigit()]
    ended = SENTENCE_END.search(sentence.text) is not None
    return len(words) >= MIN_CLOSING_WORDS and (ended or len(words) >= LONG_SENTENCE_WORDS)


def _last_prose(closing: list[Sentence]) -> Sentence:
    prose = [s for s in closing if _is_prose(s)]
    return prose[-1] if prose else closing[-1]


def _visible_part(reply: Reply, sentence: Sentence) -> tuple[int, int]:
    # The engine drops hits that touch masked text (an address, a URL), so point at the
    # sentence's first stretch before any masked region (a sentence never starts masked).
    end = sentence.end
    for start, _stop, _kind in reply.masks.spans:
        if sentence.start < start < end:
            end = start
    text = reply.text[sentence.start : end]
    return sentence.start, sentence.start + len(text.rstrip())


def not_applicable(reply: Reply, options: Options) -> str | None:
    """Short replies ("Done, thanks!") and replies without a closing need no next step."""
    if reply.word_count < options["min-words"]:
        return f"shorter than {options['min-words']} words"
    return None if closing_sentences(reply) else "no closing sentences"


def run(reply: Reply, options: Options) -> Iterator[Hit]:
    """One hit at the last closing sentence when no closing sentence gives a next step."""
    closing = closing_sentences(reply)
    if closing and not any(gives_next_step(s) for s in closing):
        start, end = _visible_part(reply, _last_prose(closing))
        yield Hit(
            start,
            end,
            "The e-mail ends without a next step: say what the customer should do or decide, "
            "or what you will do and when",
            "End with the next step: 'Please reply with … by …' or 'I'll … by <day>.'",
        )


CHECK = Check(
    code="RL401",
    name="missing-next-step",
    category=Category.CLARITY,
    summary="An e-mail that ends without saying what the customer should do or what happens next.",
    rationale=(
        "A customer who finishes reading and still doesn't know what to do, or when to expect "
        "news, writes back or calls again; one closing line saves both sides a round trip."
    ),
    guidance="GUIDANCE §4 Emails end with the next step",
    run=run,
    severity=Severity.WARNING,
    options={"min-words": Option(int, 30, "replies shorter than this are n/a", minimum=0)},
    examples=(
        Example("…we checked your account. Let me know if you have other questions!", fails=True),
        Example("…Please reply with a photo of the label by Friday.", fails=False),
        Example("…You'll receive the refund within 3–5 business days.", fails=False),
    ),
    kinds=frozenset({Kind.EMAIL}),
    not_applicable=not_applicable,
)
