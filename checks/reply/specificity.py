"""Whether a sentence says something about this customer's case, or could be sent to anyone.

Shared by canned-phrasing (a reply that is only boilerplate) and empathy-without-action (an
empathy formula in a reply with nothing specific). A sentence is specific when it holds a
token that only a particular case has: a number or date, an order/ticket reference (#123), a
quoted term, a proper noun (a capitalised word that does not start the sentence), or a link,
address, code or helpdesk placeholder (masked regions, which a template fills per case).
"""

from __future__ import annotations

from replylint.checks.regex_cache import compile_regex
from replylint.checks.reply.parsed import Reply, Sentence
from replylint.checks.reply.segment import ASCII_WORD, WORD

# Look-behinds stand after the first character, not before it: a pattern (or a branch) that
# opens on a look-behind gives re no first character to skip to, and it tested the look-behind
# at every position (tests/test_regex_spellings.py: the same matches as the plain spelling;
# over the corpus texts 1.8 and 2.4 times faster).
SPECIFIC_TOKEN = compile_regex(
    r"\d|#\w|[\"“][^\"”\n]{2,80}[\"”]|['‘](?<!\w.)[^'’\n]{2,40}['’](?!\w)"
)
# An ASCII word (as ASCII_WORD) that starts with a capital: not preceded by a letter or digit,
# nor by an apostrophe joined to one ("don't" is one word).
ASCII_CAPITALISED = compile_regex(
    r"[A-Z](?<![A-Za-z0-9].)(?<![A-Za-z0-9]'.)[A-Za-z0-9]*(?:'[A-Za-z0-9]+)*"
)
# Capitalised words that every form letter has: not a sign of a particular case.
GENERIC_CAPITALS = frozenset(
    "I I'm I've I'll I'd I’m I’ve I’ll I’d Customer Customers Client Service Services Support "
    "Care Team Sir Madam Dear Valued Thanks Thank Regards Hi Hello OK Okay".split()
)


def is_specific(reply: Reply, sentence: Sentence) -> bool:
    """True when the sentence holds a case-specific token (see the module docstring)."""
    if reply.text[sentence.start : sentence.end] != sentence.text:
        return True  # a link, address, code or placeholder was masked out of it
    if SPECIFIC_TOKEN.search(sentence.text):
        return True
    return has_proper_noun(sentence.text)


def has_proper_noun(text: str) -> bool:
    """A capitalised word, not the first, that is not a form letter's (GENERIC_CAPITALS)."""
    if not text.isascii():
        words = WORD.findall(text)[1:]
        return any(w[0].isupper() and w not in GENERIC_CAPITALS for w in words)
    # ASCII: only the words that start with a capital are found, not every word (most are not).
    first = ASCII_WORD.search(text)
    if first is None:
        return False
    return any(
        word not in GENERIC_CAPITALS for word in ASCII_CAPITALISED.findall(text, first.end())
    )
