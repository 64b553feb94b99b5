"""Every built-in check and the reply model stay linear in the length of the reply.

Any pull request can hold a reply, so a cost that grows faster than the text stalls CI
(issue 15 item 6: 110 KB of "I'll get back to you, " took 182 s). Each case doubles the input
and allows at most 2.5 times the CPU time (best of a few runs, garbage collection off while
timing). The inputs are each check's own trigger phrases (the flagged text of its fixtures in
tests/fixtures/checks/) in the three shapes that went quadratic before: one endless sentence,
one endless line of sentences, and the phrases repeated line after line; and a few shapes of
hostile text. Sizes are large enough that a quadratic part dominates (each case found here
took 4-5 times as long for twice the input) and small enough to keep the test fast.
"""

from __future__ import annotations

import gc
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from replylint.checks import BUILTIN, ActiveCheck, Check, Kind, Reply, lint_reply
from replylint.checks.languagetool.text import annotate

FIXTURES = Path(__file__).parent / "fixtures" / "checks"
SIZE = 20_000  # characters of the smaller input; the larger is twice that
HOSTILE_SIZE = 10_000  # each character of these is work for several checks
MAX_RATIO = 2.5
MIN_SECONDS = 0.04  # the smaller input's CPU time at the least, so that noise is not the ratio
MAX_GROWTH = 8  # times SIZE: how far an input grows to reach MIN_SECONDS
RUNS = 2  # the first run of the smaller input also compiles lexicons and lazy regexes
# LanguageTool's checks only build the request locally: annotate() is timed with the model.
LANGUAGETOOL_CHECKS = ("RL801", "RL802", "RL803")
CHECKS = [c for c in BUILTIN if c.code not in LANGUAGETOOL_CHECKS]
HOSTILE = [
    *("A", "AB ", "a", "? ", "!", "{{", "> ", "[x] ", "-- \n", "Hi Anna,\n", "e.g. ", "😀"),
    "Are you worried\n",  # sentence lists rebuilt for each match
    "{{a}} CUSTOMER_NAME ",  # each slot checked against every placeholder
]


def _triggers(check: Check) -> str:
    phrases: list[str] = []
    for path in FIXTURES.glob(f"{check.code}-*.yaml"):
        cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
        phrases.extend(want["text"] for case in cases.values() for want in case["expect"])
    assert phrases, f"{check.code} has no fixture that expects a finding"
    return "\n".join(dict.fromkeys(phrases))


def _shapes(phrases: str) -> dict[str, str]:
    lines = phrases.split("\n")
    return {
        "one sentence": ", ".join(re.sub(r"[.!?\s]+", " ", p).strip() for p in lines) + ", ",
        "one line": " ".join(p.replace("\n", " ") for p in lines) + " ",
        "many lines": phrases + "\n",
    }


def _grown(piece: str, size: int) -> str:
    return piece * max(1, size // len(piece))


def _cpu(work: Callable[[str], object], text: str) -> float:
    best = float("inf")
    for _ in range(RUNS):
        gc.collect()
        gc.disable()
        try:
            started = time.process_time()
            work(text)
            best = min(best, time.process_time() - started)
        finally:
            gc.enable()
    return best


def _assert_linear(work: Callable[[str], object], piece: str, size: int = SIZE) -> None:
    # A few milliseconds are mostly noise on a shared machine (a CI run once measured 13 ms
    # against 39 ms for a linear check): grow the input until the smaller run is long enough.
    while _cpu(work, _grown(piece, size)) < MIN_SECONDS and size < MAX_GROWTH * SIZE:
        size *= 2
    small, large = _grown(piece, size), _grown(piece, 2 * size)
    for _ in range(3):  # a slow moment of a shared machine: measure again before failing
        before, after = _cpu(work, small), _cpu(work, large)
        if after < 0.02 or after <= MAX_RATIO * before:
            return
    pytest.fail(
        f"twice the input took {after / before:.1f}x the time ({before:.3f} s, {after:.3f} s)"
    )


def _linter(check: Check) -> Callable[[str], object]:
    active = [ActiveCheck(check, check.severity, check.defaults())]
    return lambda text: lint_reply(Reply(text, "reply.txt", kind=Kind.EMAIL), active)


def _model(text: str) -> object:
    reply = Reply(text, "reply.txt")
    reply.kind  # noqa: B018 - reading the properties is the work
    return (
        reply.sentences,
        reply.content,
        reply.closing,
        reply.word_count,
        reply.sensitive,
        reply.masks.spans,
        annotate(reply),
        [reply.locate(s.start) for s in reply.sentences],
    )


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: f"{c.code}-{c.name}")
@pytest.mark.parametrize("shape", ["one sentence", "one line", "many lines"])
def test_each_check_is_linear_in_its_own_triggers(check: Check, shape: str) -> None:
    _assert_linear(_linter(check), _shapes(_triggers(check))[shape])


@pytest.mark.parametrize("piece", HOSTILE)
def test_every_check_together_is_linear_on_hostile_text(piece: str) -> None:
    active = [ActiveCheck(c, c.severity, c.defaults()) for c in CHECKS]
    _assert_linear(
        lambda text: lint_reply(Reply(text, "reply.txt", kind=Kind.EMAIL), active),
        piece,
        HOSTILE_SIZE,
    )


@pytest.mark.parametrize("piece", [*HOSTILE, "I'll get back to you, ", "Sorry we can't.\n"])
def test_the_reply_model_is_linear(piece: str) -> None:
    _assert_linear(_model, piece, HOSTILE_SIZE)
