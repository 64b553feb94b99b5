"""Refusals read from the clause model, for the negative-wording family (RL101, RL102).

Phrase lists cannot reach the ways people refuse ("your request was not approved", "this isn't
something the system allows", "we're not able to at this time"). This module reads each sentence
that holds a negation or a refusal verb through the clause model (``clause_model``: tokens with
contractions split, clause starts), then finds the subject before the verb group (us, the
company, a policy or the system; the customer; a thing; none), the auxiliary or modal, the
negation, and the predicate after it (ability, permission, availability, a passive participle,
an offering verb). A frame is a refusal when its subject and predicate say that *we* can't,
won't or don't let the customer have something, active or passive, hedged or not; never when it
states the customer's own problem ("sorry to hear you can't log in"), a condition ("if we can't
reach you"), a question, or informational negation ("the item is not damaged").

What a reply offers instead (the red-dress rule) is read in ``alternatives``.

The word classes are data, in the ``grammar`` sections of ``lexicons/negative-wording.yaml``
(refusals) and ``lexicons/refusal-alternatives.yaml`` (alternatives).

Cost: only sentences holding a trigger word are tokenised (a set lookup on the reply's tokens
first), and every frame test is a few dictionary lookups around that trigger; no regex runs over
free text but the linear word tokeniser.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from replylint.checks.builtin.clause_model import (
    AGENT,
    AUX,
    BE,
    BOUNDARIES,
    CUSTOMER,
    DO,
    HAVE,
    MAX_ADVERBS,
    MODALS,
    NONE,
    OTHER,
    PRONOUN_AGENT,
    THING,
    SentenceModel,
    lowered_sentence,
    refusal_words,
)
from replylint.checks.lexicon import Lexicon, phrase_pattern
from replylint.checks.lexicon import render as render_entry
from replylint.checks.regex_cache import compile_regex
from replylint.checks.reply.parsed import Part, Reply, Sentence


@dataclass(frozen=True, slots=True)
class Finding:
    """A frame found in a sentence: its span, what it is, and whether it turns the customer down."""

    start: int
    end: int
    kind: str  # a key of FRAMES
    refusal: bool


# kind -> (refusal?, message, suggestion). "{text}" is the flagged words.
FRAMES: Mapping[str, tuple[bool, str, str]] = {
    "inability": (
        True,
        "'{text}' tells the customer what you cannot do",
        'Say what you can do: "What I can do is …" or "Here is what we can do: …"',
    ),
    "customer-inability": (
        True,
        "'{text}' tells the customer what they cannot do, not what they can",
        'Say what the customer can do: "You can … instead" or "To keep …, first …"',
    ),
    "passive-refusal": (
        True,
        "'{text}' turns the customer down without saying what is possible",
        'Lead with what is possible: "We can … instead" or "Here is what you can do: …"',
    ),
    "unavailable": (
        True,
        "'{text}' closes the door instead of showing the way",
        'Say what is available: "What we can offer is …" or "It is available in …"',
    ),
    "wont": (
        True,
        "'{text}' tells the customer what you won't do",
        'Say what you will do: "What we can do is …" or "Here is what I can offer: …"',
    ),
    "dont-offer": (
        True,
        "'{text}' tells the customer what you don't do",
        'Say what you do: "We offer … instead" or "What I can do is …"',
    ),
    "bare-wont": (
        False,
        "A bare '{text}' is a no without a way forward",
        'Answer with what you will do: "What I can do instead is …"',
    ),
    "no-way": (
        True,
        "'{text}' leaves the customer with no way forward",
        'Say what there is: "The closest option is …" or "What we can do is …"',
    ),
    "disapproved": (
        True,
        "'{text}' is a no to the customer",
        'Say what the customer can do next: "You can resubmit it with …" or "We can offer …"',
    ),
    "declined": (
        True,
        "'{text}' is a no to the customer",
        'Say what the customer can do next: "You can resubmit it with …" or "We can offer …"',
    ),
    "not-allowed": (
        True,
        "'{text}' forbids instead of guiding",
        'Say what the customer can do: "You can … instead" or "The plan that covers it is …"',
    ),
    "prohibition": (
        False,
        "'{text}' forbids instead of guiding",
        'Say what to do: "Please reply using the link above" or "Please keep it in one thread"',
    ),
    "need-to": (
        False,
        "'{text}' states a requirement as an order",
        'Guide instead of command: "The next step is …" or "Please …"',
    ),
}


# Frames with tags of their own: a decision stated as a fact (see _decision).
FRAME_TAGS: Mapping[str, frozenset[str]] = {"declined": frozenset({"refusal", "fact"})}


def _participle(word: str, w: Mapping[str, frozenset[str]]) -> bool:
    return (len(word) > 4 and word.endswith(("ed", "en"))) or word in w["irregular-participles"]


def _after(s: SentenceModel, index: int) -> int:
    return s.skip_adverbs(index, 1)


def _frames(s: SentenceModel) -> Iterable[Finding]:
    words, w = s.words, s.w
    for i, word in enumerate(words):
        if word == "not" or word == "never":
            yield from _negated(s, i)
        elif word == "unable":
            j = s.skip_adverbs(i - 1, -1)
            if s.word(j) in BE and s.word(i + 1) == "to":
                aux = j - 1 if s.word(j) == "be" and s.word(j - 1) in MODALS else j
                verb_at = _after(s, i + 2)
                yield from _ability(s, aux, s.ends[i + 1], s.word(verb_at), verb_at)
        elif word == "no":
            yield from _no(s, i)
        elif word in w["refusal-participles"]:
            yield from _declined(s, i)
        elif word == "unlikely" and s.word(i + 1) == "to":
            j = s.skip_adverbs(i - 1, -1)
            if s.word(j) in BE:
                kind, start = s.subject(j)
                verb = s.word(i + 2)
                if kind == AGENT and not s.conditional(start) and verb not in w["benign-verbs"]:
                    yield Finding(s.starts[start], s.ends[i + 1], "inability", True)


def _negated(s: SentenceModel, neg: int) -> Iterable[Finding]:
    """Frames around a 'not' or 'never'."""
    words, w = s.words, s.w
    aux = s.skip_adverbs(neg - 1, -1)
    aux_word = s.word(aux)
    if aux_word not in AUX:
        return
    # Imperative prohibition: "(Please) do not reply …", "Don't cross-post".
    if aux_word == "do" and words[neg] == "not" and _imperative(s, aux):
        yield from _prohibition(s, aux, neg)
        return
    kind, start = s.subject(aux)
    if s.conditional(start):
        return
    q = _after(s, neg + 1)
    pred = s.word(q)
    # "can no longer" is read by "no"; "not" alone here.
    if aux_word in ("can", "could"):
        if pred == "be" and _participle(s.word(q + 1), w):
            yield from _passive(s, kind, start, aux, q + 1, ability=True)
            return
        if pred == "be" and s.word(q + 1) == "able":
            return  # "can't be able to": ungrammatical, leave it
        yield from _ability(s, aux, s.ends[neg], pred, q)
        return
    if aux_word in ("will", "would", "may", "might", "shall"):
        if pred == "be" and s.word(q + 1) == "able" and s.word(q + 2) == "to":
            verb_at = _after(s, q + 3)
            yield from _ability(s, aux, s.ends[q + 2], s.word(verb_at), verb_at)
            return
        if aux_word in ("may", "might", "shall"):
            return  # epistemic "may not": not a refusal
        if pred == "be" and s.word(q + 1) in w["unavailable-adjectives"]:
            # "that won't be possible", "it would not be available until May"
            if kind in (THING, NONE) or s.word(q + 1) != "available":
                yield Finding(s.starts[aux], s.ends[q + 1], "unavailable", True)
            return
        if pred == "be" and _participle(s.word(q + 1), w):
            yield from _passive(s, kind, start, aux, q + 1, ability=False)
            return
        if pred == "be" and s.word(q + 1).endswith("ing"):
            pred, q = s.word(q + 1), q + 1
        yield from _wont(s, kind, start, aux, pred, q)
        return
    if aux_word in BE:
        yield from _be_not(s, kind, start, aux, neg, q)
        return
    if aux_word in DO:
        yield from _do_not(s, kind, start, aux, neg, q)
        return
    # "has not been approved" is a decision; "hasn't been issued (yet)" is still pending
    pending = "yet" in s.words[max(aux - 4, 0) : q + 5]
    decision = pred == "been" and s.word(q + 1) in w["decision-participles"]
    if aux_word in HAVE and decision and not pending:
        yield from _passive(s, kind, start, aux, q + 1, ability=False)


def _ability(s: SentenceModel, aux: int, end: int, verb: str, verb_at: int) -> Iterable[Finding]:
    """'X can't / is unable to / won't be able to VERB', the verb group starting at ``aux``."""
    w = s.w
    kind, subject_start = s.subject(aux)
    if s.conditional(subject_start):
        return
    if verb in w["find-verbs"] or verb in w["benign-ability"]:
        return
    if verb == "be" and s.word(verb_at + 1) in w["benign-ability"]:
        return
    if verb == "be" and s.word(verb_at + 1) == "of" and s.word(verb_at + 2) in ("more", "further"):
        return  # "sorry I couldn't be of more help": an apology's close, not a no
    if kind == AGENT:
        yield Finding(s.starts[subject_start], end, "inability", True)
    elif kind == CUSTOMER:
        if s.question or s.reported(subject_start) or verb in w["benign-customer"]:
            return
        if verb in BOUNDARIES or verb == "":
            return
        yield Finding(s.starts[subject_start], end, "customer-inability", True)


def _passive(
    s: SentenceModel, kind: str, start: int, aux: int, participle_at: int, ability: bool
) -> Iterable[Finding]:
    """'X can't be refunded', 'X will not be accepted', 'X has not been approved'."""
    w = s.w
    participle = s.word(participle_at)
    if kind in (AGENT, CUSTOMER, OTHER):
        return  # "we can't be reached", "you won't be charged": not a refusal of a request
    if participle in w["benign-participles"]:
        return
    if not ability and participle not in w["granting-participles"] | w["decision-participles"]:
        return
    if participle in w["privacy-participles"] and _protected(s, start, aux):
        return  # "your password is stored securely and cannot be retrieved": an assurance
    begin = s.starts[aux]
    yield Finding(begin, s.ends[participle_at], "passive-refusal", True)


def _protected(s: SentenceModel, start: int, aux: int) -> bool:
    protected = s.w["protected-nouns"]
    first = s.clause_start(start)
    # The subject's own clause and the clause it is coordinated with ("… stored and cannot be").
    first = s.clause_start(first - 1) if first > 0 and s.word(first - 1) == "and" else first
    return any(word in protected for word in s.words[first:aux])


def _be_not(
    s: SentenceModel, kind: str, start: int, aux: int, neg: int, q: int
) -> Iterable[Finding]:
    """'X is not available / allowed / something we offer / an option'; 'is not approved'."""
    w = s.w
    pred = s.word(q)
    if pred in ("able", "unable") and s.word(q + 1) == "to":
        verb_at = _after(s, q + 2)
        yield from _ability(s, aux, s.ends[q + 1], s.word(verb_at), verb_at)
        return
    if pred == "in" and s.word(q + 1) == "a" and s.word(q + 2) == "position":
        verb_at = _after(s, q + 4)
        yield from _ability(s, aux, s.ends[q + 3], s.word(verb_at), verb_at)
        return
    if kind == AGENT and pred == "going" and s.word(q + 1) == "to":
        yield from _wont(s, kind, start, aux, s.word(q + 2), q + 2)
        return
    if kind == AGENT and pred.endswith("ing") and pred not in ("going", "being"):
        # "we are not accepting returns", "we aren't offering refunds"
        yield from _wont(s, kind, start, aux, pred, q)
        return
    begin = s.starts[start] if kind in (AGENT, THING) and s.word(start) == "there" else None
    if pred in w["unavailable-adjectives"]:
        if kind in (AGENT, CUSTOMER, OTHER) and pred == "available":
            return  # "I'm not available on Mondays": a person, not an offer
        yield Finding(s.starts[aux], s.ends[q], "unavailable", True)
        return
    if pred == "in" and s.word(q + 1) in ("stock", "scope"):
        yield Finding(s.starts[aux], s.ends[q + 1], "unavailable", True)
        return
    if pred in ("a", "an") and s.word(q + 1) == "option":
        yield Finding(s.starts[aux], s.ends[q + 1], "unavailable", True)
        return
    if pred == "something":
        # "this isn't something (that) we offer / the system allows / can be changed"
        j = q + 1 + (s.word(q + 1) in ("that", "which"))
        inner = s.word(j)
        if inner in ("our", "the") and s.word(j + 1) in w["agent-nouns"]:
            j += 1
        elif inner not in PRONOUN_AGENT and inner not in ("can", "could"):
            return
        end = j + 1
        while end < len(s.words) - 1 and s.word(end) in AUX | {"not", "able", "to"}:
            end += 1
        yield Finding(s.starts[aux], s.ends[min(end, len(s.words) - 1)], "unavailable", True)
        return
    if pred in w["decision-participles"] and kind != AGENT:
        yield Finding(s.starts[aux], s.ends[q], "passive-refusal", True)
        return
    if pred == "given" and s.word(q + 1) in ("access", "permission"):
        yield Finding(s.starts[aux], s.ends[q + 1], "passive-refusal", True)
        return
    if begin is not None and pred in ("a", "an", "any"):
        # "there isn't a way / any option"
        noun = s.word(q + 1)
        if noun in w["no-way-nouns"]:
            yield Finding(begin, s.ends[q + 1], "no-way", True)


def _do_not(
    s: SentenceModel, kind: str, start: int, aux: int, neg: int, q: int
) -> Iterable[Finding]:
    """'we don't plan to / don't have a way / don't allow'; 'I don't understand'."""
    w = s.w
    verb = s.word(q)
    if kind != AGENT:
        yield from _not_allowed(s, kind, start, aux, verb, q)
        return
    if verb in w["offer-verbs"]:
        yield Finding(s.starts[start], s.ends[q], "dont-offer", True)
        return
    if verb in ("plan", "intend", "expect") and s.word(q + 1) == "to":
        nxt = s.word(q + 2)
        if nxt not in w["benign-verbs"]:
            yield Finding(s.starts[start], s.ends[q], "wont", True)
        return
    if verb == "have":
        r = q + 1
        if s.word(r) in ("enough", "the") and s.word(r + 1) in w["have-nouns"] | {
            "information",
            "details",
        }:
            yield Finding(s.starts[start], s.ends[r + 1], "no-way", True)
            return
        if s.word(r) in ("any", "a", "an"):
            r += 1
        if s.word(r) in w["have-nouns"]:
            yield Finding(s.starts[start], s.ends[r], "no-way", True)
            return
        # "we don't have that model / any in stock"
        for k in range(r, min(r + 5, len(s.words) - 1)):
            if s.words[k] == "in" and s.words[k + 1] == "stock":
                yield Finding(s.starts[start], s.ends[k + 1], "unavailable", True)
                return
            if s.words[k] in BOUNDARIES:
                return
        return
    if verb in ("think", "believe") and s.word(start) == "i":
        # hedged: "I don't think we can …"
        j = q + 1 + (s.word(q + 1) == "that")
        if s.word(j) in PRONOUN_AGENT and s.word(j + 1) in ("can", "could", "will"):
            verb_at = _after(s, j + 2)
            if s.word(verb_at) not in w["benign-ability"] | w["find-verbs"]:
                yield Finding(s.starts[start], s.ends[j + 1], "inability", True)


def _wont(
    s: SentenceModel, kind: str, start: int, aux: int, verb: str, q: int
) -> Iterable[Finding]:
    """'we won't refund', 'I won't.' (an elliptic refusal), 'we will not be sending'."""
    w = s.w
    if kind != AGENT:
        yield from _not_allowed(s, kind, start, aux, verb, q)
        return
    if verb in BOUNDARIES or verb == "":
        # An elliptic "I won't." answers words we cannot see (it may be a promise: "don't
        # forget" - "I won't"): negative wording, not by itself a refusal.
        if not s.question:
            yield Finding(s.starts[start], s.ends[aux], "bare-wont", False)
        return
    stem = verb[:-3] if verb.endswith("ing") else verb
    offers = w["offer-verbs"]
    # "offering", "issuing" (issue), "shipping" (ship)
    if verb in offers or stem in offers or stem + "e" in offers or stem[:-1] in offers:
        yield Finding(s.starts[start], s.ends[q], "wont", True)


def _imperative(s: SentenceModel, do: int) -> bool:
    """Whether the 'do' at ``do`` opens its clause, after nothing but leads ("please", "so")."""
    i = do - 1
    while i >= 0 and i > do - MAX_ADVERBS and s.words[i] in s.w["imperative-leads"]:
        i -= 1
    return i < 0 or s.words[i] in BOUNDARIES


def _not_allowed(
    s: SentenceModel, kind: str, start: int, aux: int, verb: str, q: int
) -> Iterable[Finding]:
    """'the free plan doesn't allow three users', '… and won't let you play on demand', 'your
    warranty doesn't cover water damage': the system or a policy says no."""
    w = s.w
    if s.question or kind in (CUSTOMER, OTHER):
        return
    head = s.word(s.skip_adverbs(aux - 1, -1))
    permission = verb in w["permission-verbs"]
    policy = kind == THING and head in w["policy-nouns"] and verb in w["policy-verbs"]
    if permission or policy:
        begin = s.starts[start] if kind == THING else s.starts[aux]
        yield Finding(begin, s.ends[q], "not-allowed", True)


def _prohibition(s: SentenceModel, do: int, neg: int) -> Iterable[Finding]:
    w = s.w
    q = _after(s, neg + 1)
    verb = s.word(q)
    if not verb or verb in BOUNDARIES or verb in w["benign-imperatives"]:
        return
    if verb in ("be", "feel") and s.word(q + 1) in w["benign-imperatives"]:
        return
    # "Please don't share your password / order details here": a caution that protects the
    # customer's data, not a limit on what they may do with us.
    if any(word in w["protected-nouns"] for word in s.words[q + 1 : q + 6]):
        return
    # "Do not include the "<>"s", "don't type the quotes": how to type a command, not a limit
    obj = q + 1 + (s.word(q + 1) in ("the", "any", "a", "an"))
    if s.word(obj) in ('"', "“", "”", "[", "(") or s.word(obj) in w["typography-nouns"]:
        return
    begin = do - 1 if s.word(do - 1) == "please" else do
    yield Finding(s.starts[begin], s.ends[q], "prohibition", False)


def _no(s: SentenceModel, i: int) -> Iterable[Finding]:
    """'there is no way / are no workarounds', 'we have no plans', 'we can no longer'."""
    w = s.w
    prev = s.skip_adverbs(i - 1, -1)
    prev_word = s.word(prev)
    if s.word(i + 1) == "longer":
        if prev_word in ("can", "could") or (
            prev_word in BE
            and s.word(i + 2)
            in (
                "able",
                "in",
            )
        ):
            kind, start = s.subject(prev)
            if kind == AGENT and not s.conditional(start):
                end = s.ends[i + 1] if prev_word in ("can", "could") else s.ends[i + 3]
                verb = s.word(i + 2)
                if verb not in w["benign-ability"]:
                    yield Finding(s.starts[start], end, "inability", True)
            return
        if prev_word in BE and s.word(i + 2) in w["unavailable-adjectives"]:
            kind, start = s.subject(prev)
            if kind != AGENT and not s.conditional(start):
                yield Finding(s.starts[prev], s.ends[i + 2], "unavailable", True)
        return
    # "there are no available slots", "no tables are available at 7"
    if s.word(i + 1) == "available" or any(
        s.word(k) in BE and s.word(k + 1) == "available" for k in range(i + 2, i + 5)
    ):
        if not s.conditional(i) and not s.question:
            end = i + 1
            while end < i + 6 and s.word(end) != "available":
                end += 1
            yield Finding(s.starts[i], s.ends[end], "unavailable", True)
        return
    noun_at = i + 1
    # one modifier between: "no other way", "no known workaround", "no current plans"
    if s.word(noun_at) not in w["no-way-nouns"] and s.word(noun_at + 1) in w["no-way-nouns"]:
        noun_at += 1
    noun = s.word(noun_at)
    if noun not in w["no-way-nouns"] and noun not in w["have-nouns"]:
        return
    if prev_word in BE and s.word(s.skip_adverbs(prev - 1, -1)) == "there":
        there = s.skip_adverbs(prev - 1, -1)
        if noun in w["no-way-nouns"] and not s.conditional(there) and not s.question:
            yield Finding(s.starts[there], s.ends[noun_at], "no-way", True)
        return
    if prev_word in ("have", "has"):  # "we had no easy way": a past state, not today's no
        kind, start = s.subject(prev)
        if kind == AGENT and not s.conditional(start) and noun in w["have-nouns"]:
            yield Finding(s.starts[start], s.ends[noun_at], "no-way", True)


def _declined(s: SentenceModel, i: int) -> Iterable[Finding]:
    """'your request was declined / has been rejected'; 'we have declined your request'."""
    prev = s.skip_adverbs(i - 1, -1)
    prev_word = s.word(prev)
    if prev_word in BE or prev_word in ("got", "get"):
        aux = prev
        if prev_word == "been" and s.word(prev - 1) in HAVE:
            aux = prev - 1
        kind, start = s.subject(aux)
        if kind in (AGENT, OTHER) or s.conditional(start) or s.question:
            return
        yield Finding(s.starts[aux], s.ends[i], _decision(s.words[i]), True)
        return
    # Active, with us as the subject: "we (have) declined", "we must decline".
    j = prev
    while s.word(j) in HAVE | MODALS | {"to", "had"}:
        j = s.skip_adverbs(j - 1, -1)
    if s.word(j) in PRONOUN_AGENT:
        kind, start = s.subject(j + 1)
        if not s.conditional(j) and not s.question:
            yield Finding(s.starts[j], s.ends[i], _decision(s.words[i]), True)


def _decision(word: str) -> str:
    """'disapproved' says no in a negative word; 'declined', 'rejected' state a decision taken,
    a fact like "out of stock": a refusal for RL102, not negative wording in itself."""
    return "disapproved" if word.startswith("dis") else "declined"


# "You need to / you'll need to": mild (a requirement more than an order), behind `pedantic`.
NEED_TO_SKIP = frozenset("to order first then next after once".split())


def need_to_frames(reply: Reply) -> list[Finding]:
    """'You (will) need to VERB' opening a sentence or clause: a requirement worded as an order.

    Not after a purpose clause ("To shop, you need to …", "Once …"), not "you need to be …"."""
    if "need" not in reply.tokens or "you" not in reply.tokens:
        return []
    w = refusal_words()
    found = []
    for sentence in reply.content:
        lowered = lowered_sentence(reply, sentence)
        if "need to" not in lowered:
            continue
        s = SentenceModel(sentence, w, lowered_sentence(reply, sentence))
        if s.word(0) in NEED_TO_SKIP or s.question:
            continue
        for i, word in enumerate(s.words):
            if word != "you":
                continue
            j = i + 1 + (s.word(i + 1) in ("will", "would"))
            if s.word(j) != "need" or s.word(j + 1) != "to" or s.word(j + 2) in ("be", "have"):
                continue
            before = s.skip_adverbs(i - 1, -1)
            lead = s.word(before)
            if before >= 0 and lead not in BOUNDARIES and lead not in ("and", "but", "so"):
                continue
            found.append(Finding(s.starts[i], s.ends[j + 1], "need-to", False))
    return found


# -- per reply ------------------------------------------------------------------------------


NEXT_WORD = compile_regex(r"[^\w]*(\w+)")


def _trigger_sentences(
    reply: Reply, triggers: frozenset[str], quiet: frozenset[str] = frozenset()
) -> list[Sentence]:
    """The reply's own sentences (not the greeting) that hold a trigger word, in order; a
    trigger followed by a ``quiet`` word ("don't hesitate", "no problem") does not count."""
    token_starts = reply.token_starts
    lowered = reply.lowered
    found: list[Sentence] = []
    for word in triggers & reply.tokens:
        for offset in token_starts[word]:
            if quiet:
                after = NEXT_WORD.match(lowered, offset + len(word))
                if after is not None and after.group(1) in quiet:
                    continue
            sentence = reply.sentence_at(offset)
            if sentence is not None and sentence.part is not Part.GREETING:
                found.append(sentence)
    found = sorted(set(found), key=lambda sentence: sentence.start)
    return found


# The frames of the reply read last: both checks of the family ask for them, one after the
# other, so the second asks for free. (A reply is immutable once parsed.)
_last: list[Any] = [None, None]


def sentence_frames(reply: Reply) -> list[Finding]:
    """Every refusal and negative frame of the clause model in the reply's own sentences."""
    if _last[0] is reply:
        frames: list[Finding] = _last[1]
        return frames
    w = refusal_words()
    frames = []
    if not reply.tokens.isdisjoint(w["triggers"]):
        for sentence in _trigger_sentences(reply, w["triggers"], w["quiet-after-trigger"]):
            model = SentenceModel(sentence, w, lowered_sentence(reply, sentence))
            frames.extend(_frames(model))
    _last[0], _last[1] = reply, frames
    return frames


@dataclass(frozen=True, slots=True)
class Negative:
    """A negative phrase or frame of a reply, from the lexicon or the clause model."""

    start: int
    end: int
    message: str
    suggestion: str | None
    refusal: bool
    tags: frozenset[str]
    sentence: Sentence | None


def find_negative(reply: Reply, lexicon: Lexicon) -> list[Negative]:
    """The lexicon's matches and the clause model's frames, in order, one finding per span:
    where both find the same words, the lexicon's more specific entry speaks."""
    found = [
        Negative(
            m.start,
            m.end,
            render_entry(m.entry.message, reply, m),
            m.entry.suggestion,
            "refusal" in m.entry.tags,
            m.entry.tags,
            m.sentence,
        )
        for m in lexicon.find(reply)
    ]
    frames = sentence_frames(reply)
    if frames:
        taken = sorted((n.start, n.end) for n in found)
        allowed = _allowed_spans(reply, lexicon.allow)
        for frame in frames:
            if overlaps(frame.start, frame.end, taken) or overlaps(frame.start, frame.end, allowed):
                continue
            bisect.insort(taken, (frame.start, frame.end))
            message, suggestion = render(frame.kind, reply.text[frame.start : frame.end])
            found.append(
                Negative(
                    frame.start,
                    frame.end,
                    message,
                    suggestion,
                    frame.refusal,
                    FRAME_TAGS.get(frame.kind, frozenset({"refusal"} if frame.refusal else ())),
                    reply.sentence_at(frame.start),
                )
            )
        found.sort(key=lambda n: n.start)
    return found


@cache
def _allow_regex(allow: tuple[str, ...]) -> re.Pattern[str] | None:
    if not allow:
        return None
    return compile_regex("|".join(phrase_pattern(p) for p in allow), re.IGNORECASE)


def _allowed_spans(reply: Reply, allow: tuple[str, ...]) -> list[tuple[int, int]]:
    regex = _allow_regex(allow)
    return [] if regex is None else [m.span() for m in regex.finditer(reply.masked)]


def render(kind: str, text: str) -> tuple[str, str]:
    """The message and suggestion of a frame."""
    _refusal, message, suggestion = FRAMES[kind]
    return message.replace("{text}", text), suggestion


def overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether [start, end) overlaps any of ``spans`` (sorted, not overlapping each other)."""
    index = bisect.bisect_left(spans, (end,))  # the spans that start before ``end``
    return index > 0 and spans[index - 1][1] > start
