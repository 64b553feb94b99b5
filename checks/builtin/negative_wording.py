"""negative-wording: refusals and negative frames, with a positive rewrite (GUIDANCE §1)."""

from __future__ import annotations

from collections.abc import Iterator

from replylint.checks.builtin.refusal_grammar import (
    find_negative,
    need_to_frames,
    overlaps,
    render,
)
from replylint.checks.lexicon import lexicon_for, lexicon_options
from replylint.checks.model import Category, Check, Example, Hit, Option, Options, Severity
from replylint.checks.reply.parsed import Reply

LEXICON = "negative-wording"
# Entries tagged "fact" ("out of stock") describe a state, not a wording choice: they feed
# refusal-without-alternative (RL102) but are not negative wording themselves.
FACT = "fact"
# Entries tagged "pedantic" are mild ("you'll need to"): reported only with the option on.
PEDANTIC = "pedantic"


def run(reply: Reply, options: Options) -> Iterator[Hit]:
    """Every negative phrase of the lexicon, and every refusal or prohibition the clause model
    finds (refusal_grammar.py), that no allowed phrase covers.

    Cost (about 40-50 µs a reply on the review corpus, over the 25 µs mark): the phrase lexicon
    takes about 30 µs of it, as before; the clause model about 10 µs, because it tokenises the
    sentences that hold a negation (one sentence in fifteen) and looks a few words around each.
    """
    lexicon = lexicon_for(LEXICON, {"add": options["add"], "allow": options["allow"]})
    pedantic = bool(options.get("pedantic"))
    found = find_negative(reply, lexicon)
    for item in found:
        if FACT in item.tags or (PEDANTIC in item.tags and not pedantic):
            continue
        yield Hit(item.start, item.end, item.message, item.suggestion)
    if pedantic:
        spans = [(item.start, item.end) for item in found]
        for frame in need_to_frames(reply):
            if not overlaps(frame.start, frame.end, spans):
                message, suggestion = render(frame.kind, reply.text[frame.start : frame.end])
                yield Hit(frame.start, frame.end, message, suggestion)


CHECK = Check(
    code="RL101",
    name="negative-wording",
    category=Category.POSITIVITY,
    summary="Refusals and negative frames (we can't, unfortunately, not allowed, you must).",
    rationale=(
        "The worst words to say to a customer are 'no', 'can't' and 'not allowed'; a reply that "
        "says what you can do keeps the customer on your side even when the answer is no. "
        "A refusal is read from the sentence, not a phrase list: a negated ability, permission "
        "or availability whose subject is us, the company, a policy or the system, active or "
        "passive, hedged or not ('your request was not approved', 'this isn't something the "
        "system allows', 'we're not able to at this time'). It is never the customer's own "
        "problem ('sorry to hear you can't log in'), a condition ('if we can't reach you'), or "
        "informational negation ('the item is not damaged')."
    ),
    guidance="GUIDANCE §1 Positive wording",
    run=run,
    severity=Severity.WARNING,
    options={
        **lexicon_options(),
        "pedantic": Option(
            bool,
            False,
            "also report mild wording a team may accept ('you will need to', 'you need to')",
        ),
    },
    examples=(
        Example("Unfortunately we can't refund digital orders.", fails=True),
        Example("That's against our policy, so the trial ends on Friday.", fails=True),
        Example("No problem at all, the refund is on its way.", fails=False),
        Example("Sorry to hear you can't log in; here is how to reset your password.", fails=False),
        Example("Your request to open a second account was not approved.", fails=True),
        Example("Please do not reply to this email; use the link in your account.", fails=True),
    ),
)
