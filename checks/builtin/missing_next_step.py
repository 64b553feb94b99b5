"""missing-next-step: an e-mail that never says what happens next (GUIDANCE §4).

A next step (LABELING.md) is an instruction, a request, a recommendation, a question to the
customer, an option offered to them ("you can …"), a statement that nothing is needed, or a
commitment to what happens next. It counts wherever it stands in the agent's own prose: a reply
that opens with "Please update to the latest version" and closes with a pleasantry still tells
the customer what to do. Generic closers ("let me know if you have questions", "hope this
helps") are not steps. A promise with no time ("we'll get back to you") is a step of a kind —
the customer knows something happens — and next-step-without-time flags it instead.

Two kinds of e-mail owe no step (n/a): the confirmation of the customer's own finished action
("You have declined the invitation."), and a notice that settles their matter ("The report is
now closed", "Release 2.1 has been un-yanked", "your account was reinstated") with a line saying
where to take questions. There nothing is left to do or decide, and the contact line covers
"and if I disagree?". The same contact line under a removal, a refusal or a closure for a reason
("has been deleted", "closed due to inactivity") leaves the customer with a decision and no
step: still flagged.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator

from replylint.checks.builtin.next_step_phrases import offers_contact, read_sentence, settles
from replylint.checks.model import Category, Check, Example, Hit, Kind, Option, Options, Severity
from replylint.checks.regex_cache import compile_regex
from replylint.checks.reply.parsed import CLOSING_SENTENCES, Reply, Sentence

MIN_PROSE_WORDS = 3
STEP_LINE_WORDS = 4
LONG_SENTENCE_WORDS = 8
SENTENCE_END = compile_regex(r"[.!?:…][\"'”’)\]]*\s*\Z")
_WORDS = compile_regex(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Tried only where a run of letters starts: "[A-Z]*" started again at every letter of a long
# capitals run and read to its end each time (quadratic; issue 15 item 6). A match never
# started inside a run, so what is found is unchanged.
_ASCII_LOWER_WORD = compile_regex(r"(?<![A-Za-z])[A-Z]*[a-z][A-Za-z]*(?:'[A-Za-z]+)*")
# Both next-step checks and the applicability test ask which sentences are prose.
_SENTENCES: weakref.WeakKeyDictionary[Reply, tuple[list[Sentence], list[Sentence]]] = (
    weakref.WeakKeyDictionary()
)
# The customer's own finished action, confirmed: "You have declined the invitation", "You've
# successfully unsubscribed". Nothing is left to do or decide, so no next step is owed.
OWN_ACTION = compile_regex(
    r"\A\W*you(?:\s+have|['’]ve)\s+(?:now\s+)?(?:successfully\s+)?(?:declined|unsubscribed"
    r"|cancelled|canceled|withdrawn|deleted|left|completed|confirmed|accepted|opted\s+out)\b",
    re.IGNORECASE,
)


def _lower_words(text: str) -> int:
    """Words with a lower-case letter (footers and headings shout: "WALNUT CA 91789")."""
    if text.isascii():
        return len(_ASCII_LOWER_WORD.findall(text))
    return sum(1 for word in _WORDS.findall(text) if not word.isupper())


def is_prose(sentence: Sentence) -> bool:
    """A real sentence, not a footer line, button label or heading ("View Expense")."""
    words = _lower_words(sentence.text)
    if words < MIN_PROSE_WORDS:
        return False
    return words >= LONG_SENTENCE_WORDS or SENTENCE_END.search(sentence.text) is not None


def _kinds(reply: Reply) -> tuple[list[Sentence], list[Sentence]]:
    """The prose sentences and the step candidates, worked out once per reply."""
    known = _SENTENCES.get(reply)
    if known is None:
        prose, candidates = [], []
        for sentence in reply.content:
            if is_prose(sentence):
                prose.append(sentence)
                candidates.append(sentence)
            elif len(_WORDS.findall(sentence.text)) >= STEP_LINE_WORDS:
                candidates.append(sentence)
        known = _SENTENCES[reply] = (prose, candidates)
    return known


def prose_sentences(reply: Reply) -> list[Sentence]:
    """The agent's prose sentences, greeting excluded, in order."""
    return _kinds(reply)[0]


def step_candidates(reply: Reply) -> list[Sentence]:
    """Sentences that may give a step: prose, and unpunctuated lines of four words or more
    ("Please create a ticket here: <link>"), not button labels ("View Expense")."""
    return _kinds(reply)[1]


def closing_sentences(reply: Reply) -> list[Sentence]:
    """The last prose sentences (up to three): where the finding points."""
    return prose_sentences(reply)[-CLOSING_SENTENCES:]


def _visible_span(reply: Reply, sentence: Sentence) -> tuple[int, int]:
    # The engine drops hits that touch masked text (an address, a URL): point at the stretch
    # of the sentence before its first masked region (a sentence never starts masked).
    end = min(
        [s for s, _e, _k in reply.masks.spans if sentence.start < s < sentence.end]
        or [sentence.end]
    )
    return sentence.start, sentence.start + len(reply.text[sentence.start : end].rstrip())


def not_applicable(reply: Reply, options: Options) -> str | None:
    """Replies with no prose, and confirmations of the customer's own finished action."""
    if reply.word_count < options["min-words"]:
        return f"shorter than {options['min-words']} words"
    prose = prose_sentences(reply)
    if not prose:
        return "no prose sentences"
    if len(prose) <= 2 and OWN_ACTION.match(prose[0].text) and not _any_step(reply):
        return "confirms an action the customer completed; nothing is left to do"
    if not _any_step(reply) and _settled(reply):
        return "reports the customer's matter settled and says where to ask; nothing is left to do"
    return None


def _settled(reply: Reply) -> bool:
    """A notice that the customer's matter is settled ("The report is now closed", "The release
    has been un-yanked") with a line saying where to take questions: the customer knows what
    happens next (nothing) and where to go if they disagree. A settled notice with no such line,
    or a contact line under a removal or a refusal, still owes a next step."""
    candidates = step_candidates(reply)
    return any(settles(s.text) for s in prose_sentences(reply)) and any(
        offers_contact(s.text) for s in candidates
    )


def _any_step(reply: Reply, closing_only: bool = False) -> bool:
    candidates = step_candidates(reply)
    if closing_only:  # pedantic: the step must stand in the closing (GUIDANCE §4, fy)
        closing = closing_sentences(reply)
        candidates = [s for s in candidates if closing and s.start >= closing[0].start]
    for sentence in reversed(candidates):  # the closing first: most replies stop there
        read = read_sentence(sentence.text)
        if read.step or read.promises or read.happens:
            return True
    return False


def run(reply: Reply, options: Options) -> Iterator[Hit]:
    """One hit at the last prose sentence when no sentence gives a next step.

    Cost: about 120 µs an e-mail with cold caches (15 µs a reply over the review corpus, where
    chat replies cost nothing): a reply without a step has every prose sentence read, some
    20 µs each (next_step_phrases). The reading is cached by sentence text, so
    next-step-without-time, which reads the same sentences, pays little more.
    """
    if reply.kind is not Kind.EMAIL:  # the engine never asks; direct callers may
        return
    prose = prose_sentences(reply)
    if not prose or _any_step(reply, closing_only=options.get("pedantic", False)):
        return
    start, end = _visible_span(reply, prose[-1])
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
    summary="An e-mail that never says what the customer should do or what happens next.",
    rationale=(
        "A customer who finishes reading and still doesn't know what to do, or what happens "
        "next, writes back or calls again; one line saves both sides a round trip. A next step "
        "is an instruction, a request, a recommendation, a question to the customer, an option "
        "('you can …'), 'no action is needed', or a commitment to what happens next, anywhere "
        "in the agent's prose. Generic closers ('let me know if you have any questions', 'hope "
        "this helps', 'have a great day') are not steps; 'If this was a mistake, email us' is "
        "(a specific trigger). Short notices count: 'You have been removed from the team.' "
        "leaves the customer wondering what to do. A confirmation that leaves nothing to do "
        "passes when it says so ('No action is needed'), and a confirmation of the customer's "
        "own finished action ('You have declined the invitation.') is n/a, and so is a notice "
        "that settles the customer's matter ('The report is now closed', 'the release has been "
        "un-yanked') and says where to take questions; a removal or a refusal with only a "
        "generic contact line still owes a step. A promise with no "
        "time ('we'll get back to you') is next-step-without-time's finding. With the option "
        "'pedantic', the step must also stand in the last three sentences (GUIDANCE §4: close "
        "with a reminder of what the customer is expected to do)."
    ),
    guidance="GUIDANCE §4 Emails end with the next step",
    run=run,
    severity=Severity.WARNING,
    options={
        "min-words": Option(
            int, 0, "replies shorter than this are n/a (0: every e-mail)", minimum=0
        ),
        "pedantic": Option(
            bool,
            False,
            "also flag e-mails whose only next step is in the body, not in the last three "
            "sentences (GUIDANCE §4: close with a reminder of what the customer should do)",
        ),
    },
    examples=(
        Example(
            "Hi Ana,\n\nThanks for your patience while we checked your account. The charge on "
            "3 May was a duplicate and we have reversed it.\n\nLet me know if you have any "
            "other questions!\n\nBest regards,\nSam",
            fails=True,
        ),
        Example("Hi Ana,\n\nYou have been removed from the Acme team.\n\nBest,\nSam", fails=True),
        Example(
            "Hi Ana,\n\nThanks for your patience while we checked your account. The charge on "
            "3 May was a duplicate and we have reversed it.\n\nPlease reply with a photo of the "
            "label by Friday so we can close the case.\n\nBest regards,\nSam",
            fails=False,
        ),
        Example(
            "Hi Ana,\n\nYour password was changed. If this was you, no action is needed.\n\n"
            "Best,\nSam",
            fails=False,
        ),
    ),
    kinds=frozenset({Kind.EMAIL}),
    not_applicable=not_applicable,
)
