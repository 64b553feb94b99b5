"""canned-phrasing: stock formulas, and replies made of nothing else (GUIDANCE §7)."""

from __future__ import annotations

from collections.abc import Iterator

from replylint.checks.lexicon import entry_fix, lexicon_for, lexicon_options, render
from replylint.checks.model import Category, Check, Example, Hit, Option, Options, Severity
from replylint.checks.packs.run import PEDANTIC_OPTION
from replylint.checks.reply.parsed import Reply
from replylint.checks.reply.specificity import is_specific

LEXICON = "canned-phrasing"
GENERIC = "generic"


# Cost: about 25-28 µs a reply on the review corpus (19-25 before the formula families were
# modelled). Nearly all of it is the lexicon's anchor tests for its 34 branches: the families
# (apology for any trouble, value and importance statements, mission statements, notices)
# have few whole-word anchors, so about ten branches are tested on every reply.


def run(reply: Reply, options: Options) -> Iterator[Hit]:
    """Each canned formula; and, once, a reply whose every sentence is stock and unspecific."""
    stock: set[int] = set()
    for match in lexicon_for(LEXICON, options).find(reply):
        if match.sentence is not None:
            stock.add(match.sentence.index)
        if GENERIC not in match.entry.tags:
            yield Hit(
                match.start,
                match.end,
                render(match.entry.message, reply, match),
                match.entry.suggestion,
                fix=entry_fix(reply, match),
            )
    content = reply.content
    # Boilerplate-only, measurably: at least `min-sentences` content sentences, each holding a
    # stock formula and none holding a case-specific token (reply/specificity.py). One hit a
    # reply.
    if len(content) >= int(options["min-sentences"]) and all(
        s.index in stock and not is_specific(reply, s) for s in content
    ):
        first = content[0]
        yield Hit(
            first.start,
            first.end,
            f"The whole reply is boilerplate: none of its {len(content)} sentences is about "
            "this customer's case",
            "Answer the actual question: name the order, the problem and what happens next",
        )


CHECK = Check(
    code="RL702",
    name="canned-phrasing",
    category=Category.TONE,
    summary="Stock formulas ('sorry for any inconvenience', 'Dear Valued Customer') and "
    "boilerplate-only replies.",
    rationale=(
        "Customers recognise memorised lines at once and read them as 'nobody looked at my "
        "case'; a reply made only of them answers nothing and invites a second, angrier email."
    ),
    guidance="GUIDANCE §7 Empathy, choice, thanks, a human voice",
    run=run,
    fixes=frozenset({"unsafe"}),
    severity=Severity.WARNING,
    options={
        "pedantic": PEDANTIC_OPTION,
        **lexicon_options(),
        "min-sentences": Option(
            int, 2, "fewest content sentences before a reply can be boilerplate-only", minimum=1
        ),
    },
    examples=(
        Example("We apologise for any inconvenience this may have caused.", fails=True),
        Example(
            "Thank you for contacting us. We have received your request and will get back to "
            "you as soon as possible.",
            fails=True,
        ),
        Example("I'm sorry your parcel arrived damaged; a new one ships today.", fails=False),
    ),
)
