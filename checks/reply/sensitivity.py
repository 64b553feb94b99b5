"""Which sentences are sensitive: they apologise, refuse, or answer a complaint (GUIDANCE §2).

In a sensitive sentence a formal, careful tone is right and slang is worse, so the tone checks
read this flag instead of each guessing it again.
"""

from __future__ import annotations

import re

from replylint.checks.anchors import anchor_of
from replylint.checks.regex_cache import compile_regex

SENSITIVE = compile_regex(
    r"\b(?:"
    r"sorry|apologi[sz]e[sd]?|apologies|apologising|apologizing|regret(?:s|ted|tably)?"
    r"|unfortunately|can(?:no|['’])t|can\s+not|unable|not\s+(?:able|possible|allowed|eligible)"
    r"|won['’]t\s+be\s+able|are\s+not\s+permitted|decline[ds]?|denied|reject(?:ed)?"
    r"|frustrat\w*|disappoint\w*|upset\w*|inconvenien\w*|complain\w*|annoy\w*|angry"
    r"|unacceptable|mistake|our\s+fault|error\s+on\s+our"
    # Slangy apologies are apologies too, and "we don't offer refunds" is a refusal.
    r"|(?:my|our)\s+bad|refus(?:e|es|ed|al)"
    r"|(?:we|I)\s+(?:do\s+not|don['’]t)\s+(?:offer|accept|allow|support|provide|ship|refund)"
    r")\b",
    re.IGNORECASE,
)


# Words without one of which SENSITIVE cannot match (derived from the pattern itself, so they
# cannot drift apart): most sentences hold none, and a substring test is far cheaper than the
# regex's forty branches at every word.
_ANCHOR = anchor_of(SENSITIVE.pattern)


def is_sensitive(sentence: str) -> bool:
    """True when the sentence apologises, refuses, or responds to a complaint."""
    if _ANCHOR is not None and not _ANCHOR.present(sentence.lower(), frozenset()):
        return False
    return SENSITIVE.search(sentence) is not None
