"""What a reply offers instead of a refusal (GUIDANCE §1, the red-dress rule).

An offer or a question offering something, an option the customer has ("you can …"), a
recommendation, an instruction, another channel, a transfer, something else that is available;
read from the clause model (``clause_model``), never from words inside the refusal itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from replylint.checks.builtin.clause_model import (
    BE,
    BOUNDARIES,
    PRONOUN_AGENT,
    SentenceModel,
    alternative_words,
    lowered_sentence,
    refusal_words,
)
from replylint.checks.builtin.refusal_grammar import overlaps
from replylint.checks.reply.parsed import Reply

# -- alternatives ---------------------------------------------------------------------------


def offers_alternative(reply: Reply, refusals: Sequence[tuple[int, int]]) -> bool:
    """Whether any sentence of the reply does something for the customer instead: an offer,
    an option, a recommendation, an instruction, another channel or a transfer.

    Words inside a refusal (``refusals``: spans) never count as the alternative.
    """
    words = refusal_words() | alternative_words()
    for sentence in reply.content:
        lowered = lowered_sentence(reply, sentence)
        if is_generic(lowered):
            continue
        model = SentenceModel(sentence, words, lowered)
        if _offers(model, lowered, refusals):
            return True
    return False


def is_generic(lowered: str) -> bool:
    """Whether a sentence (lower case) is a generic closer that offers nothing new: "let me know
    if you have any questions", "is there anything else I can help with?"."""
    return any(phrase in lowered for phrase in alternative_words()["generic-closers"])


def _offers(s: SentenceModel, lowered: str, refusals: Sequence[tuple[int, int]]) -> bool:
    a = s.w
    actionable = any(phrase in lowered for phrase in a["actionable-info"])
    for i, word in enumerate(s.words):
        if overlaps(s.starts[i], s.ends[i], refusals):
            continue
        nxt, nxt2 = s.word(i + 1), s.word(i + 2)
        if word in a["instruction-verbs"] and _instruction(s, i):
            return True
        if word in ("free", "welcome") and nxt == "to" and s.word(i - 1) in BE | {"feel"}:
            return True  # "you are free to submit it elsewhere", "feel free to raise it on …"
        if word == "you" and _customer_option(s, i, actionable):
            return True
        if word in PRONOUN_AGENT and _agent_offer(s, i):
            return True
        if word == "let" and nxt == "me" and nxt2 in a["remedy-verbs"]:
            return True  # "let me connect you with a specialist"
        emphatic = word in ("does", "do") and nxt in a["emphatic-offers"] and not s.question
        if emphatic and s.word(i - 1) not in ("not", "why", "how", "what", "if", "you"):
            return True  # "the Plus plan does allow more devices", "we do offer …"
        if s.question and word in ("would", "do") and nxt == "you" and nxt2 in ("like", "want"):
            return True  # "would you like me to reserve the next delivery?"
        if s.question and word in ("how", "what") and nxt == "about":
            return True  # "how about 4pm?"
        if s.question and word in ("shall", "should", "may", "can", "could"):
            if nxt in PRONOUN_AGENT and nxt2 in a["remedy-verbs"]:
                return True  # "may I transfer you?", "shall we book it?"
            if nxt == "you" and nxt2 in a["instruction-verbs"]:
                return True  # "could you rephrase the question?"
        if word in ("available", "stock") and _available(s, i):
            return True  # "the navy one is available", "the Pro model is in stock"
        if word == "elsewhere" or (word in ("another", "other") and nxt in a["channel-nouns"]):
            return True
    return False


def _instruction(s: SentenceModel, i: int) -> bool:
    """An action verb that starts the sentence or a clause: an imperative."""
    before = s.skip_adverbs(i - 1, -1)
    lead = s.word(before)
    if i and before >= 0 and lead not in BOUNDARIES and lead not in s.w["instruction-leads"]:
        return False
    after = s.word(i + 1)
    # "Reply to this email", not a word on its own ("$request" with its sigil left over)
    return after != "not" and after != "" and after not in BOUNDARIES


def _customer_option(s: SentenceModel, i: int, actionable: bool) -> bool:
    """'you can / could / may / will be able to / might want to VERB', not negated, not in a
    condition."""
    j = s.skip_adverbs(i + 1, 1)
    aux = s.word(j)
    verb_at = s.skip_adverbs(j + 1, 1)
    verb = s.word(verb_at)
    if s.conditional(i) or s.question:
        return False
    if aux in ("can", "could", "may") and verb and verb not in ("not", "never", "no"):
        if verb in BOUNDARIES or verb in ("be", "have"):
            return False
        return verb not in s.w["info-verbs"] or actionable
    if aux in ("will", "would") and verb == "be" and s.word(verb_at + 1) == "able":
        return s.word(verb_at + 2) == "to"
    if aux in ("might", "may") and verb in ("want", "wish", "like"):
        return s.word(verb_at + 1) == "to"
    return False


def _agent_offer(s: SentenceModel, i: int) -> bool:
    """'I can / we could / I'll / we'd be happy to / we recommend' + a remedy."""
    j = s.skip_adverbs(i + 1, 1)
    aux = s.word(j)
    verb_at = s.skip_adverbs(j + 1, 1)
    verb = s.word(verb_at)
    if aux in ("recommend", "suggest", "advise") or verb in ("recommend", "suggest", "advise"):
        return True
    if s.conditional(i):
        return False
    if aux in ("can", "could") and verb and verb not in ("not", "never", "no", "only"):
        return verb not in BOUNDARIES and verb not in s.w["non-remedy-verbs"]
    if aux in ("will", "would", "shall") and verb in s.w["remedy-verbs"]:
        return True
    if (aux in ("would", "will", "am", "are") and verb == "be") or aux in ("am", "are"):
        k = verb_at + 1 if verb == "be" else verb_at
        if s.word(k) in ("happy", "glad") and s.word(k + 1) == "to":
            # "we're glad to assist" is a greeting; "I'd be happy to move you to …" an offer
            return s.word(k + 2) not in s.w["non-remedy-verbs"] | {"help", "assist"}
    return False


def _available(s: SentenceModel, i: int) -> bool:
    """'X is (also) available', 'X is in stock': something the customer can have, not negated."""
    j = i - 1 if s.words[i] == "available" else i - 2
    if s.words[i] == "stock" and s.word(i - 1) != "in":
        return False
    j = s.skip_adverbs(j, -1)
    return s.word(j) in BE and s.word(j + 1) != "not" and s.word(i + 1) != "not"
