"""Hostile input for blame-customer, slang, excessive-politeness and empathy-without-action.

One endless line or sentence full of matches must cost linear time: the context these checks
read for each match (the line of a caps run, the exception of a blame phrase) is bounded.
Before the bounds, the caps line below took about 20 s and the blame sentence about 15 s.
"""

from __future__ import annotations

import time

import pytest
from helpers import lint_text

CHECKS = ("blame-customer", "slang", "excessive-politeness", "empathy-without-action")
TEXTS = {
    "quoted caps on one line": '"AB CD" ' * 12_000,
    "caps lines": "SOME CAPS HERE\n" * 7_000,
    "caps between banners": "------ CUT ------\nI AGREE TO THIS NOW\n" * 3_000,
    "menu path": "> X " * 20_000,
    "blame in one sentence": "you didn't read you didn't follow if you had read " * 2_000,
    "next-time advice": "In the future, please avoid this again " * 2_500,
    "politeness": "thank you so much, we value your patience and understanding " * 1_500,
    "control characters": "\x00\x01\x02 dont\x0b cant \r\r" * 10_000,
    "no spaces": "a" * 100_000,
}


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_long_hostile_text_is_linted_quickly(name: str) -> None:
    text = TEXTS[name]
    for check in CHECKS:
        started = time.process_time()
        result = lint_text(text, only=check)
        spent = time.process_time() - started
        assert not result.failures, (check, result.failures)
        # Generous for a loaded machine; the quadratic versions took 15-20 s.
        assert spent < 5, f"{check} took {spent:.1f} s on {name}"
        for finding in result.findings:
            assert 0 <= finding.start <= finding.end <= len(text)
