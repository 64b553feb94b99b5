"""`replylint eval`: labelled replies in, per-check precision and recall and score agreement out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from inputs_support import invoke

from replylint.cli.evaluate import pairwise_agreement

BLUNT = "Hi Maria,\n\nUnfortunately we can't refund digital orders.\n\nBest,\nSam\n"
KIND = (
    "Hi Maria,\n\nYour refund of $40 was sent today. Reply here if it has not arrived by "
    "Friday.\n\nBest,\nSam\n"
)
CHAT = "No problem, happy to help! Your order #5521 ships tomorrow."


def write_labels(folder: Path, records: list[dict[str, Any]], name: str = "labels.jsonl") -> Path:
    path = folder / name
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def labelled(reply_id: str, negative: bool, quality: float, **fields: Any) -> dict[str, Any]:
    return {
        "id": reply_id,
        "kind": fields.pop("kind", "email"),
        "labels": {"negative_wording": negative, **fields.pop("labels", {})},
        "quality": quality,
        **fields,
    }


@pytest.fixture
def labels(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("REPLYLINT_LANGUAGETOOL", "off")
    (tmp_path / "kind.txt").write_text(KIND, encoding="utf-8")
    return write_labels(
        tmp_path,
        [
            labelled("blunt", True, 2, text=BLUNT),
            labelled("kind", False, 4, path="kind.txt"),
            labelled("chat", False, 4, kind="chat", text=CHAT),
            # labelled negative, but nothing negative in it: a miss the report must list
            labelled("missed", True, 3, text="Your parcel arrived on Tuesday."),
        ],
    )


def measure(output: str, check: str) -> dict[str, Any]:
    (row,) = [c for c in json.loads(output)["checks"] if c["check"] == check]
    return row


def test_counts_precision_and_recall_per_check(labels: Path) -> None:
    result = invoke("eval", str(labels), "--format", "json", "--show", "5")
    assert result.exit_code == 0, result.output
    row = measure(result.output, "negative-wording")
    assert (row["tp"], row["fp"], row["fn"], row["tn"]) == (1, 0, 1, 2)
    assert (row["precision"], row["recall"]) == (1.0, 0.5)
    assert row["f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert [m["id"] for m in row["misses"]] == ["missed"]
    # a label no reply carries is not measured at all
    assert all(c["label"] == "negative_wording" for c in json.loads(result.output)["checks"])


def test_the_score_agreement_orders_replies_as_quality_does(labels: Path) -> None:
    data = json.loads(invoke("eval", str(labels), "--format", "json").output)
    agreement = data["score_agreement"]
    # quality 2 < 3 < 4 = 4: five pairs of different quality
    assert agreement["pairs"] == 5
    assert 0.0 <= agreement["value"] <= 1.0


def test_text_report_lists_false_positives_and_misses(labels: Path) -> None:
    output = invoke("eval", str(labels), "--show", "3").output
    assert "negative-wording" in output and "1.00" in output and "0.50" in output
    assert "missed missed: Your parcel arrived on Tuesday." in output
    assert "score agreement with quality:" in output


def test_floors_make_the_exit_code(labels: Path) -> None:
    assert invoke("eval", str(labels), "--min-recall", "0.5").exit_code == 0
    failing = invoke("eval", str(labels), "--min-recall", "0.6")
    assert failing.exit_code == 1
    assert "negative-wording: recall 0.50 < 0.6" in failing.stderr


def test_texts_come_from_a_corpus_by_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPLYLINT_LANGUAGETOOL", "off")
    corpus = write_labels(tmp_path, [{"id": "a", "text": BLUNT}], "corpus.jsonl")
    labels = write_labels(tmp_path, [labelled("a", True, 2)])
    result = invoke("eval", str(labels), "--texts", str(corpus), "-f", "json")
    assert measure(result.output, "negative-wording")["tp"] == 1


def test_a_team_maps_its_own_labels(labels: Path, tmp_path: Path) -> None:
    team = write_labels(
        tmp_path,
        [labelled("x", False, 3, text=BLUNT, labels={"harsh": True})],
        "team.jsonl",
    )
    result = invoke("eval", str(team), "--map", "harsh=RL101@email", "--map", "negative_wording=")
    assert result.exit_code == 0, result.output
    rows = json.loads(invoke("eval", str(team), "--map", "harsh=RL101", "-f", "json").output)
    assert {c["label"]: c["check"] for c in rows["checks"]}["harsh"] == "negative-wording"
    scoped = invoke("eval", str(team), "--map", "harsh=RL101@chat", "-f", "json").output
    (harsh,) = [c for c in json.loads(scoped)["checks"] if c["label"] == "harsh"]
    assert harsh["support"] == 0  # the one reply is an e-mail: outside the label's kinds


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json\n", "labels.jsonl:1: invalid JSON"),
        ('{"id": "a", "labels": {"x": "yes"}, "text": "hi"}\n', "labels.jsonl:1: 'labels'"),
        ('{"id": "a", "labels": {}, "quality": "good", "text": "hi"}\n', "'quality' must be"),
        ('{"id": "a", "labels": {}}\n', "labels.jsonl:1: no 'text' or 'path'"),
        ("[1, 2]\n", "labels.jsonl:1: expected an object"),
    ],
)
def test_bad_labels_are_one_line_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "labels.jsonl").write_text(content, encoding="utf-8")
    result = invoke("eval", "labels.jsonl")
    assert result.exit_code == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_an_unknown_check_in_the_mapping_is_an_error(labels: Path) -> None:
    result = invoke("eval", str(labels), "--map", "negative_wording=no-such-check")
    assert result.exit_code == 2 and "unknown check 'no-such-check'" in result.stderr


def test_a_named_languagetool_that_cannot_be_used_is_an_error(labels: Path) -> None:
    """The grammar checks would be measured as finding nothing (issue 15 item 14)."""
    result = invoke("eval", str(labels), "--languagetool", "http://127.0.0.1:9")
    assert result.exit_code == 2
    assert "LanguageTool server http://127.0.0.1:9 cannot be used" in result.stderr
    assert invoke("eval", str(labels), "--languagetool", "bogus").exit_code == 2


def test_a_missing_labels_file_is_an_error(tmp_path: Path) -> None:
    result = invoke("eval", str(tmp_path / "absent.jsonl"))
    assert result.exit_code == 2 and "absent.jsonl: cannot read" in result.stderr


def test_excerpts_never_print_control_sequences(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REPLYLINT_LANGUAGETOOL", "off")
    hostile = "Thanks\x1b]8;;http://evil\x07 for waiting \u202e."
    labels = write_labels(tmp_path, [labelled("id\x1b[2J", True, 3, text=hostile)])
    output = invoke("eval", str(labels), "--show", "5").output
    assert "\x1b" not in output and "\u202e" not in output and "\\x1b" in output


def brute_force(pairs: list[tuple[float, float]]) -> float:
    total = score = 0.0
    for i, (qa, sa) in enumerate(pairs):
        for qb, sb in pairs[i + 1 :]:
            if qa == qb:
                continue
            total += 1
            better, worse = (sa, sb) if qa > qb else (sb, sa)
            score += 1.0 if better > worse else 0.5 if better == worse else 0.0
    return score / total


def test_pairwise_agreement_matches_the_definition() -> None:
    import random

    rng = random.Random(7)
    for _ in range(50):
        pairs = [(rng.choice([1, 2, 2.5, 3, 4]), rng.choice([10, 50, 50, 90])) for _ in range(30)]
        value = pairwise_agreement(pairs).value
        assert value == pytest.approx(brute_force(pairs))
