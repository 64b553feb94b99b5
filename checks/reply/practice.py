"""Good practice a reply shows, which the score credits (GUIDANCE §4, §6 and §7).

Four facts of the agent's own text (masked regions, the greeting and the signature aside), each
a thing a reviewer looks for when judging a reply as a whole for its channel:

- **specific**: how many sentences say something about this customer's case (a number, a
  reference, a name, a link or a placeholder a template fills per case: ``specificity.py``);
  GUIDANCE §7, "don't answer with generic, memorised responses". Two are enough.
- **actionable**: the customer is given something to act on: a link, an instruction or an
  option ("Please restart…", "You can…"), or a question about their case; GUIDANCE §4 and §7
  (a choice of remedies). A generic "Is there anything else…?" is not one.
- **asks**: the reply asks the customer a question about their case ("Which order is it?").
  It is also something to act on, and so counts twice: answering it is the customer's next
  step (GUIDANCE §4), and it is the plainest sign that the agent is working on this case
  rather than sending a form letter (GUIDANCE §7).
- **complete**: the agent wrote at least ``COMPLETE_WORDS`` words, room to acknowledge, answer
  and point onwards even in a tweet; a one-line fragment ("booking confirmed at 3 pm") leaves
  the customer with less than a reply (GUIDANCE §4, §6 "state the purpose … clearly").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from replylint.checks.regex_cache import compile_regex
from replylint.checks.reply.parsed import Reply
from replylint.checks.reply.specificity import is_specific

# Where the credit for specific sentences stops growing: two such sentences show a case was read.
SPECIFIC_ENOUGH = 2
# Agent-written words a reply needs to count as complete, whatever its channel (a tweet holds
# about 50). Chosen by cross-validation on the labelled corpus: 20 was best on either half,
# split by reply or by source (README, "Scoring").
COMPLETE_WORDS = 20
_ACTION_VERBS = (
    "go|click|tap|visit|open|check|try|log|sign|select|choose|enter|type|use|update|upgrade|"
    "restart|reset|reinstall|install|download|clear|follow|reply|respond|send|forward|attach|"
    "share|contact|call|email|e-mail|message|dm|submit|fill|complete|confirm|verify|review|"
    "read|see|find|head|navigate|turn|enable|disable|remove|add|change|make|let|keep|note"
)
INSTRUCTION = compile_regex(
    rf"(?:(?:(?:please|simply|just|first|then|next|now|also|alternatively),?|to\s+\w+[^,]{{0,60}},)\s+)*"
    rf"(?:{_ACTION_VERBS})\b",
    re.IGNORECASE,
)
OPTION = compile_regex(
    r"\byou\s+(?:can|could|may|might\s+want\s+to)\s+(?:also\s+)?\w", re.IGNORECASE
)
LETTER = compile_regex(r"[^\W\d_]")
GENERIC_QUESTION = compile_regex(
    r"\b(?:anything\s+else|any\s+(?:other|further|more)\s+questions?|else\s+I\s+can)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Practice:
    """The good practice visible in a reply."""

    specific: int = 0  # content sentences specific to the case (counted up to SPECIFIC_ENOUGH)
    actionable: bool = False  # a link, an instruction, an option or a question about the case
    asks: bool = False  # a question about the customer's case
    complete: bool = False  # at least COMPLETE_WORDS agent-written words

    def credit(self) -> float:
        """0 to 1: the share of good practice the score credits (each of the four counts a
        quarter; specific sentences give half of theirs for one, all of it for two)."""
        specific = min(self.specific, SPECIFIC_ENOUGH) / SPECIFIC_ENOUGH
        return (specific + self.actionable + self.asks + self.complete) / 4


NO_PRACTICE = Practice()


def good_practice(reply: Reply) -> Practice:
    """The good practice of ``reply`` (its content sentences only).

    Cost: about 30 µs a reply (bench --stages), over the 25 µs mark: the specificity test of
    each content sentence until two are found (specificity.py: numbers, references, names) is
    most of it; the score needs the count on every reply, clean ones above all.
    """
    specific = 0
    actionable = _gives_a_link(reply)
    asks = False
    for sentence in reply.content:
        if specific < SPECIFIC_ENOUGH and is_specific(reply, sentence):
            specific += 1
        text = sentence.text.strip()
        if not asks:
            asks = _asks_about_the_case(text)
        if not actionable:
            actionable = asks or _is_actionable(text)
        if actionable and asks and specific >= SPECIFIC_ENOUGH:
            break
    return Practice(specific, actionable, asks, reply.word_count >= COMPLETE_WORDS)


def _gives_a_link(reply: Reply) -> bool:
    """A link in the agent's text: not in the signature or the quoted history below it."""
    ends = [e for e in (reply.signature_start, reply.history_start) if e is not None]
    end = min(ends, default=len(reply.text))
    return any(start < end for start, _ in reply.masks.of_kind("url"))


def _asks_about_the_case(sentence: str) -> bool:
    """A question with words in it ("???" is not one) that is not a generic closer."""
    return (
        sentence.endswith("?")
        and LETTER.search(sentence) is not None
        and not GENERIC_QUESTION.search(sentence)
    )


def _is_actionable(sentence: str) -> bool:
    if INSTRUCTION.match(sentence):
        return True
    return ("you" in sentence or "You" in sentence) and OPTION.search(sentence) is not None
