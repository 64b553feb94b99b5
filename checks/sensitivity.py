"""Which sentences are sensitive: they apologise, refuse, or answer a complaint (GUIDANCE §2).

In a sensitive sentence a formal, careful tone is right and slang is worse, so the tone checks
read this flag instead of each guessing it again.
"""

from __future__ import annotations

import re

SENSITIVE = re.compile(
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


def is_sensitive(sentence: str) -> bool:
    """True when the sentence apologises, refuses, or responds to a complaint."""
    return SENSITIVE.search(sentence) is not None
