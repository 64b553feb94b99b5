"""The checks against the labelled replies: no check with 8+ positives may fall below its floor.

Runs only where ../shared/corpus/labels.jsonl is (the developers' machines and CI); a fresh clone
without it skips, saying why. Floors live in tests/fixtures/eval-floors.yaml: raise them as the
checks improve, and never lower one without saying why in the commit.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from replylint.checks import BUILTIN, load_registry
from replylint.cli import evaluate
from replylint.config import ConfigResolver

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
LABELS, TEXTS = CORPUS / "labels.jsonl", CORPUS / "replies.jsonl"
FLOORS = yaml.safe_load((Path(__file__).parent / "fixtures" / "eval-floors.yaml").read_text())
MIN_POSITIVES = 8


@pytest.fixture(scope="module")
def measured() -> evaluate.Evaluation:
    if not (LABELS.is_file() and TEXTS.is_file()):
        pytest.skip(f"no labelled corpus at {CORPUS} (it is not part of the repository)")
    registry = load_registry(BUILTIN, [])
    resolver = ConfigResolver(
        registry, explicit=None, isolated=True, command_line={"languagetool": {"server": "off"}}
    )
    plan = resolver.for_path(None).plan_for(None)
    replies = evaluate.load_labels(LABELS, evaluate.load_texts(TEXTS))
    results = evaluate.lint_labelled(replies, plan.checks)
    mapping = evaluate.parse_mapping([], registry)
    return evaluate.evaluate(replies, results, mapping)


def test_every_check_with_enough_positives_has_a_floor(measured: evaluate.Evaluation) -> None:
    needing = {m.check for m in measured.measures if m.support >= MIN_POSITIVES}
    assert needing <= set(FLOORS["checks"]), (
        f"no floor for {sorted(needing - set(FLOORS['checks']))}"
    )


@pytest.mark.parametrize("check", sorted(FLOORS["checks"]))
def test_check_stays_above_its_floor(measured: evaluate.Evaluation, check: str) -> None:
    (row,) = [m for m in measured.measures if m.check == check]
    floor = FLOORS["checks"][check]
    assert row.precision is not None and row.recall is not None
    assert row.precision >= floor["precision"], f"{check}: precision {row.precision:.3f}"
    assert row.recall >= floor["recall"], f"{check}: recall {row.recall:.3f}"


def test_score_agreement_stays_above_its_floor(measured: evaluate.Evaluation) -> None:
    value = measured.agreement.value
    assert value is not None and value >= FLOORS["score_agreement"], f"agreement {value:.3f}"
