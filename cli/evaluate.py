"""`replylint eval`: the checks measured against replies people labelled, and the score against
their quality marks.

A labels file is JSON Lines, one reply a line: ``id``, ``labels`` (label name → true/false),
optionally ``kind`` (email, macro, chat, tweet), ``language`` (a pack's code; else detected),
``quality`` (a number, higher is better) and the text inline (``text``), in a file (``path``,
relative to the labels file) or, with ``--texts``, looked up by ``id`` in a JSON Lines corpus.
A label measures one check; a reply counts as flagged for it when the check shows any finding
(every severity: a finding a user sees is a claim).
"""

from __future__ import annotations

import bisect
import json
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from replylint.checks import ActiveCheck, Kind, Registry, Reply, ReplyResult, lint_reply
from replylint.checks.packs.registry import codes as pack_codes

# A label's check, and the reply kinds it is judged on (None: every kind). The two next-step
# labels are judged on e-mails and macros only (LABELING.md: "evaluation uses the email-like ones").
EMAIL_LIKE = frozenset({"email", "macro"})
DEFAULT_MAPPING: Mapping[str, tuple[str, frozenset[str] | None]] = {
    "negative_wording": ("negative-wording", None),
    "refusal_without_alternative": ("refusal-without-alternative", None),
    "stiff_formal": ("stiff-formal", None),
    "slang": ("slang", None),
    "excessive_politeness": ("excessive-politeness", None),
    "missing_next_step": ("missing-next-step", EMAIL_LIKE),
    "next_step_without_time": ("next-step-without-time", EMAIL_LIKE),
    "blame_customer": ("blame-customer", None),
    "canned": ("canned-phrasing", None),
    "template_slot": ("template-slot", None),
    "question_overload": ("question-overload", None),
    "empathy_without_action": ("empathy-without-action", None),
}
KINDS = {"email": Kind.EMAIL, "macro": Kind.EMAIL, "chat": Kind.CHAT, "tweet": Kind.CHAT}
MAX_LINE = 4 * 1024 * 1024  # one labelled reply; a longer line is an input error, not a hang
EXCERPT = 160


class EvalError(Exception):
    """A labels file, corpus or mapping that cannot be used: one line, naming the file."""


@dataclass(frozen=True, slots=True)
class Labelled:
    """One labelled reply."""

    id: str
    kind: str | None
    labels: Mapping[str, bool]
    quality: float | None
    text: str
    language: str | None = None  # a pack's code; None: detected, as in a run


@dataclass(slots=True)
class CheckMeasure:
    """How one check did on one label."""

    label: str
    check: str
    kinds: frozenset[str] | None
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    false_positives: list[tuple[str, str]] = field(default_factory=list)  # (id, excerpt)
    misses: list[tuple[str, str]] = field(default_factory=list)

    @property
    def support(self) -> int:
        """Replies labelled true."""
        return self.tp + self.fn

    @property
    def precision(self) -> float | None:
        """Of the replies flagged, the share labelled true (None when none was flagged)."""
        flagged = self.tp + self.fp
        return self.tp / flagged if flagged else None

    @property
    def recall(self) -> float | None:
        """Of the replies labelled true, the share flagged (None when none is labelled true)."""
        return self.tp / self.support if self.support else None

    @property
    def f1(self) -> float | None:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None
        return 2 * p * r / (p + r)


@dataclass(frozen=True, slots=True)
class Agreement:
    """Pairs of replies of different quality: how often the score orders them the same way."""

    pairs: int
    concordant: int
    ties: int

    @property
    def value(self) -> float | None:
        """Concordant pairs plus half the score ties, over all pairs."""
        return (self.concordant + self.ties / 2) / self.pairs if self.pairs else None


@dataclass(frozen=True, slots=True)
class Evaluation:
    """The whole measure of one eval run."""

    replies: int
    measures: tuple[CheckMeasure, ...]
    agreement: Agreement
    agreement_by_kind: Mapping[str, Agreement]
    unscored: int


def parse_mapping(entries: Iterable[str], registry: Registry) -> dict[str, tuple[str, Any]]:
    """The default label → check mapping with ``label=check[@kind,kind]`` entries laid over it.

    ``label=`` with no check drops a label from the measure.
    """
    mapping: dict[str, tuple[str, frozenset[str] | None]] = dict(DEFAULT_MAPPING)
    for entry in entries:
        label, sep, target = entry.partition("=")
        if not sep or not label.strip():
            raise EvalError(f"--map {entry!r}: expected LABEL=CHECK or LABEL=CHECK@KIND,KIND")
        if not target.strip():
            mapping.pop(label.strip(), None)
            continue
        name, _, kinds = target.partition("@")
        scope = frozenset(k.strip() for k in kinds.split(",") if k.strip()) or None
        mapping[label.strip()] = (name.strip(), scope)
    resolved: dict[str, tuple[str, Any]] = {}
    for label, (name, scope) in mapping.items():
        check = registry.find(name)
        if check is None:
            raise EvalError(f"label {label!r}: unknown check {name!r}")
        resolved[label] = (check.name, scope)
    return resolved


def _json_lines(path: Path) -> Iterator[tuple[int, Any]]:
    try:
        handle = path.open("r", encoding="utf-8", newline="")
    except OSError as error:
        raise EvalError(f"{path}: cannot read: {error.strerror or error}") from None
    with handle:
        try:
            for number, line in enumerate(iter(lambda: handle.readline(MAX_LINE + 1), ""), 1):
                if len(line) > MAX_LINE:
                    raise EvalError(f"{path}:{number}: line longer than {MAX_LINE} characters")
                if line.strip():
                    try:
                        yield number, json.loads(line)
                    except (ValueError, RecursionError) as error:
                        raise EvalError(f"{path}:{number}: invalid JSON: {error}") from None
        except UnicodeDecodeError:
            raise EvalError(f"{path}: not UTF-8 text") from None


def load_texts(path: Path) -> dict[str, str]:
    """id → text of a JSON Lines corpus (objects with ``id`` and ``text``)."""
    texts: dict[str, str] = {}
    for number, record in _json_lines(path):
        if not isinstance(record, dict) or not isinstance(record.get("id"), str):
            raise EvalError(f"{path}:{number}: expected an object with a string 'id'")
        if not isinstance(record.get("text"), str):
            raise EvalError(f"{path}:{number}: expected a string 'text'")
        texts[record["id"]] = record["text"]
    return texts


def load_labels(path: Path, texts: Mapping[str, str] | None = None) -> list[Labelled]:
    """The labelled replies of ``path``, each with its text found."""
    found: list[Labelled] = []
    for number, record in _json_lines(path):
        where = f"{path}:{number}"
        if not isinstance(record, dict) or not isinstance(record.get("id"), str):
            raise EvalError(f"{where}: expected an object with a string 'id'")
        labels = record.get("labels")
        if not isinstance(labels, dict) or not all(isinstance(v, bool) for v in labels.values()):
            raise EvalError(f"{where}: 'labels' must map label names to true or false")
        quality = record.get("quality")
        if quality is not None and (
            isinstance(quality, bool) or not isinstance(quality, int | float)
        ):
            raise EvalError(f"{where}: 'quality' must be a number")
        if quality is not None and not math.isfinite(quality):
            raise EvalError(f"{where}: 'quality' must be a finite number")
        kind = record.get("kind")
        if kind is not None and not isinstance(kind, str):
            raise EvalError(f"{where}: 'kind' must be a string")
        language = record.get("language")
        if language is not None and language not in pack_codes():
            known = ", ".join(pack_codes())
            raise EvalError(f"{where}: 'language' must be a language pack's code ({known})")
        text = _text_of(record, path, where, texts)
        found.append(Labelled(record["id"], kind, labels, quality, text, language))
    return found


def _text_of(
    record: Mapping[str, Any], labels_path: Path, where: str, texts: Mapping[str, str] | None
) -> str:
    if isinstance(record.get("text"), str):
        return str(record["text"])
    if isinstance(record.get("path"), str):
        file = labels_path.parent / str(record["path"])
        try:
            return file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise EvalError(f"{where}: cannot read {file}: {error}") from None
    if texts is not None:
        if record["id"] in texts:
            return texts[record["id"]]
        raise EvalError(f"{where}: id {record['id']!r} is not in the --texts corpus")
    raise EvalError(f"{where}: no 'text' or 'path', and no --texts corpus to look the id up in")


def lint_labelled(replies: Sequence[Labelled], checks: Sequence[ActiveCheck]) -> list[ReplyResult]:
    """Each reply linted as its kind: e-mails and macros as e-mail, tweets and chats as chat."""
    results = []
    for item in replies:
        reply = Reply(item.text, item.id, kind=KINDS.get(item.kind or ""), reply_id=item.id)
        reply.language = item.language
        results.append(lint_reply(reply, checks))
    return results


def evaluate(
    replies: Sequence[Labelled],
    results: Sequence[ReplyResult],
    mapping: Mapping[str, tuple[str, frozenset[str] | None]],
) -> Evaluation:
    """Per-label precision and recall, and how the scores order replies against ``quality``."""
    measures = []
    for label, (check, kinds) in mapping.items():
        if not any(label in item.labels for item in replies):
            continue
        measure = CheckMeasure(label, check, kinds)
        for item, result in zip(replies, results, strict=True):
            if label not in item.labels or (kinds is not None and item.kind not in kinds):
                continue
            _count(measure, item, result, item.labels[label])
        measures.append(measure)
    scored = [
        (item.quality, result.score.overall, item.kind or "")
        for item, result in zip(replies, results, strict=True)
        if item.quality is not None and result.score.overall is not None
    ]
    by_kind = {
        kind: pairwise_agreement([(q, s) for q, s, k in scored if k == kind])
        for kind in sorted({k for _, _, k in scored})
    }
    rated = sum(item.quality is not None for item in replies)
    return Evaluation(
        replies=len(replies),
        measures=tuple(measures),
        agreement=pairwise_agreement([(q, s) for q, s, _ in scored]),
        agreement_by_kind=by_kind,
        unscored=rated - len(scored),
    )


def _count(measure: CheckMeasure, item: Labelled, result: ReplyResult, truth: bool) -> None:
    hits = [f for f in result.findings if f.name == measure.check]
    if hits and truth:
        measure.tp += 1
    elif hits:
        measure.fp += 1
        first = hits[0]
        measure.false_positives.append((item.id, f"{first.text!r}: {first.message}"))
    elif truth:
        measure.fn += 1
        measure.misses.append((item.id, item.text))
    else:
        measure.tn += 1


def pairwise_agreement(pairs: Sequence[tuple[float, float]]) -> Agreement:
    """Over every two replies of different quality: is the better one scored higher?

    O(n log n): replies are taken in order of quality, each compared with the sorted scores of
    all replies of lower quality (few distinct quality values, so few merges).
    """
    ordered = sorted(pairs)
    lower: list[float] = []
    total = concordant = ties = 0
    index = 0
    while index < len(ordered):
        group_end = index
        while group_end < len(ordered) and ordered[group_end][0] == ordered[index][0]:
            group_end += 1
        group = [score for _, score in ordered[index:group_end]]
        for score in group:
            below = bisect.bisect_left(lower, score)
            equal = bisect.bisect_right(lower, score) - below
            concordant += below
            ties += equal
            total += len(lower)
        lower = sorted(lower + group)
        index = group_end
    return Agreement(total, concordant, ties)


def _figure(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def render_text(evaluation: Evaluation, show: int, excerpt: Any) -> Iterator[str]:
    """The report for people: one row a label, the score agreement, then examples."""
    yield f"{evaluation.replies} labelled replies"
    yield ""
    header = f"{'check':<30} {'label':<36} {'pos':>4} {'TP':>4} {'FP':>4} {'FN':>4}"
    yield f"{header} {'precision':>9} {'recall':>6} {'F1':>5}"
    for m in evaluation.measures:
        scope = "" if m.kinds is None else f" ({'/'.join(sorted(m.kinds))})"
        row = f"{m.check:<30} {(m.label + scope):<36} {m.support:>4} {m.tp:>4} {m.fp:>4} {m.fn:>4}"
        yield f"{row} {_figure(m.precision):>9} {_figure(m.recall):>6} {_figure(m.f1):>5}"
    agreement = evaluation.agreement
    yield ""
    yield (
        f"score agreement with quality: {_figure(agreement.value)} over {agreement.pairs} pairs "
        f"of different quality (score ties count half)"
    )
    if evaluation.agreement_by_kind:
        parts = [
            f"{kind or 'no kind'} {_figure(a.value)} ({a.pairs})"
            for kind, a in evaluation.agreement_by_kind.items()
        ]
        yield "  within a kind: " + ", ".join(parts)
    if evaluation.unscored:
        yield f"  {evaluation.unscored} rated replies have no score (nothing measured)"
    if show <= 0:
        return
    for m in evaluation.measures:
        if not m.false_positives and not m.misses:
            continue
        yield ""
        yield f"{m.check}:"
        for reply_id, what in m.false_positives[:show]:
            yield f"  false positive {excerpt(reply_id)}: {excerpt(what)}"
        for reply_id, text in m.misses[:show]:
            yield f"  missed {excerpt(reply_id)}: {excerpt(text)}"


def to_json(evaluation: Evaluation, show: int) -> dict[str, Any]:
    """The machine form of an eval run (``--format json``)."""

    def rounded(value: float | None) -> float | None:
        return None if value is None else round(value, 4)

    agreement = evaluation.agreement
    return {
        "replies": evaluation.replies,
        "checks": [
            {
                "check": m.check,
                "label": m.label,
                "kinds": None if m.kinds is None else sorted(m.kinds),
                "support": m.support,
                "tp": m.tp,
                "fp": m.fp,
                "fn": m.fn,
                "tn": m.tn,
                "precision": rounded(m.precision),
                "recall": rounded(m.recall),
                "f1": rounded(m.f1),
                "false_positives": [
                    {"id": i, "finding": w} for i, w in m.false_positives[: max(show, 0)]
                ],
                "misses": [{"id": i, "text": t[:EXCERPT]} for i, t in m.misses[: max(show, 0)]],
            }
            for m in evaluation.measures
        ],
        "score_agreement": {
            "value": rounded(agreement.value),
            "pairs": agreement.pairs,
            "by_kind": {
                k: {"value": rounded(a.value), "pairs": a.pairs}
                for k, a in evaluation.agreement_by_kind.items()
            },
            "unscored": evaluation.unscored,
        },
    }


def below_floors(
    evaluation: Evaluation, min_precision: float | None, min_recall: float | None
) -> list[str]:
    """One line for each check under ``--min-precision`` or ``--min-recall``."""
    failing = []
    for m in evaluation.measures:
        if min_precision is not None and m.precision is not None and m.precision < min_precision:
            failing.append(f"{m.check}: precision {m.precision:.2f} < {min_precision}")
        if min_recall is not None and m.recall is not None and m.recall < min_recall:
            failing.append(f"{m.check}: recall {m.recall:.2f} < {min_recall}")
    return failing
