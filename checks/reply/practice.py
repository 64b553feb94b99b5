"""Good practice a reply shows, which the score credits (GUIDANCE §4 and §7).

Two facts of the agent's own text (masked regions, the greeting and the signature aside):

- **specific**: how many sentences say something about this customer's case (a number, a
  reference, a name, a link or a placeholder a template fills per case: ``specificity.py``);
  GUIDANCE §7, "don't answer with generic, memorised responses".
- **actionable**: the customer is given something to act on: a link, an instruction or option
  ("Please restart…", "You can…"), or a question about their case; GUIDANCE §4. A generic
  "Is there anything else…?" is not one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from replylint.checks.reply.parsed import Reply
from replylint.checks.reply.specificity import is_specific

# Where the credit for specific sentences stops growing: two such sentences show a case was read.
SPECIFIC_ENOUGH = 2
_ACTION_VERBS = (
    "go|click|tap|visit|open|check|try|log|sign|select|choose|enter|type|use|update|upgrade|"
    "restart|reset|reinstall|install|download|clear|follow|reply|respond|send|forward|attach|"
    "share|contact|call|email|e-mail|message|dm|submit|fill|complete|confirm|verify|review|"
    "read|see|find|head|navigate|turn|enable|disable|remove|add|change|make|let|keep|note"
)
INSTRUCTION = re.compile(
    rf"(?:(?:please|simply|just|first|then|next|now|also|alternatively|to\s+\w+[^,]{{0,60}},)\s+)*"
    rf"(?:{_ACTION_VERBS})\b",
    re.IGNORECASE,
)
OPTION = re.compile(r"\byou\s+(?:can|could|may|might\s+want\s+to)\s+(?:also\s+)?\w", re.IGNORECASE)
GENERIC_QUESTION = re.compile(
    r"\b(?:anything\s+else|any\s+(?:other|further|more)\s+questions?|else\s+I\s+can)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Practice:
    """The good practice visible in a reply."""

    specific: int = 0  # content sentences specific to the case
    actionable: bool = False  # a link, an instruction or a question about the case

    def credit(self) -> float:
        """0 to 1: the share of good practice the score credits (each half counts half)."""
        specific = min(self.specific, SPECIFIC_ENOUGH) / SPECIFIC_ENOUGH
        return (specific + (1.0 if self.actionable else 0.0)) / 2


NO_PRACTICE = Practice()


def good_practice(reply: Reply) -> Practice:
    """The good practice of ``reply`` (its content sentences only)."""
    specific = 0
    actionable = False
    actionable = _gives_a_link(reply)
    for sentence in reply.content:
        if specific < SPECIFIC_ENOUGH and is_specific(reply, sentence):
            specific += 1
        if not actionable:
            actionable = _is_actionable(sentence.text.strip())
        if actionable and specific >= SPECIFIC_ENOUGH:
            break
    return Practice(specific, actionable)


def _gives_a_link(reply: Reply) -> bool:
    """A link in the agent's text: not in the signature or the quoted history below it."""
    ends = [e for e in (reply.signature_start, reply.history_start) if e is not None]
    end = min(ends, default=len(reply.text))
    return any(start < end for start, _ in reply.masks.of_kind("url"))


def _is_actionable(sentence: str) -> bool:
    if sentence.endswith("?") and not GENERIC_QUESTION.search(sentence):
        return True
    if INSTRUCTION.match(sentence):
        return True
    return ("you" in sentence or "You" in sentence) and OPTION.search(sentence) is not None
