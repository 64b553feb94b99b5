"""The score ranks whole replies the way a support lead would (issue 14): each case is two
replies to the same situation, linted by the built-in checks, the better one first."""

from __future__ import annotations

import pytest

from replylint.checks import BUILTIN, ActiveCheck, Kind, Reply, lint_reply
from replylint.checks.score import ceiling

ACTIVE = [ActiveCheck(c, c.severity, c.defaults()) for c in BUILTIN if not c.asks_service]


def overall(text: str, kind: Kind) -> float:
    score = lint_reply(Reply(text, kind=kind), ACTIVE).score.overall
    assert score is not None
    return score


CASES = {
    "a refusal with an alternative above a bare refusal": (
        Kind.EMAIL,
        "Hi Dana,\n\nWe can't refund an order after 60 days, but we can exchange the jacket "
        "for another size or colour. Reply with the size you want and we will send it this "
        "week.\n\nBest,\nMarco\n",
        "Hi Dana,\n\nWe can't refund an order after 60 days. That is our policy and it applies "
        "to every customer.\n\nBest,\nMarco\n",
    ),
    "a specific answer with a step above a clean form letter": (
        Kind.CHAT,
        "Your parcel (order #58213) left our Leeds depot on Tuesday and DPD expects to "
        "deliver it by Friday. You can follow it here: https://track.example.com/58213",
        "Thanks for your message about your parcel. It has been passed to the right team, "
        "who will review it together with the details of your account.",
    ),
    "a complete chat answer above a one-line fragment": (
        Kind.CHAT,
        "I've moved your appointment to Thursday at 2:30 pm with Dr Hale. If that stops "
        "suiting you, just reply here and I'll find another slot.",
        "appointment thursday 2:30 pm",
    ),
    "a question about the case above a bare acknowledgement": (
        Kind.CHAT,
        "Thanks for the screenshot! Which version of the app do you have installed, and does "
        "the error appear on Wi-Fi as well as on mobile data?",
        "Thanks for the screenshot! We have passed it on to the team and they will look "
        "into it when they can.",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_the_better_reply_scores_higher(case: str) -> None:
    kind, better, worse = CASES[case]
    assert overall(better, kind) > overall(worse, kind)


def test_a_warning_costs_less_in_a_long_email_than_in_a_tweet() -> None:
    warning = "Kindly note the new opening hours."  # stiff-formal, a warning
    tweet = f"{warning} ^MB"
    body = (
        "Your order #58213 is packed and leaves our Leeds depot on Tuesday. DPD will e-mail "
        "you a one-hour delivery window the evening before, and you can change the day from "
        "that e-mail if nobody will be home. The same tracking page shows when the driver is "
        "two stops away. If the parcel arrives damaged, take a photo before you open it and "
        "reply to this e-mail with it: we will send a replacement the same day. "
    )
    email = f"Hi Dana,\n\n{body * 2}{warning}\n\nBest,\nMarco\n"
    tweet_result = lint_reply(Reply(tweet, kind=Kind.CHAT), ACTIVE)
    email_result = lint_reply(Reply(email, kind=Kind.EMAIL), ACTIVE)
    assert [f.name for f in tweet_result.findings] == ["stiff-formal"]
    assert [f.name for f in email_result.findings] == ["stiff-formal"]
    costs = []
    for result in (tweet_result, email_result):
        best = ceiling(result.score.practice)  # what the reply would score without the finding
        assert result.score.overall is not None
        costs.append(1 - result.score.overall / best)
    assert costs[0] > costs[1] > 0
