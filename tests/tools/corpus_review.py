"""Run the built-in checks over a JSONL corpus of real replies and list what fires.

Usage: python tests/tools/corpus_review.py [../shared/corpus/replies.jsonl] [--check NAME]
       [--top 50] [--show 3]

Prints, per check, the number of findings and replies hit, then its most frequent flagged
texts with example sentences, so false positives can be read and fixed at their cause.
The corpus is not part of the repository (its licences include non-commercial ones).
"""

from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path

from replylint.checks import BUILTIN, ActiveCheck, Kind, Reply, lint_reply

DEFAULT_CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "replies.jsonl"
KINDS = {"email": Kind.EMAIL, "macro": None, "chat": Kind.CHAT, "tweet": Kind.CHAT}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--check", help="only this check (name or code)")
    parser.add_argument("--top", type=int, default=50, help="flagged texts listed per check")
    parser.add_argument("--show", type=int, default=2, help="example contexts per flagged text")
    args = parser.parse_args()
    active = [
        ActiveCheck(c, c.severity, c.defaults())
        for c in BUILTIN
        if args.check in (None, c.name, c.code)
    ]
    by_check: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    contexts: dict[tuple[str, str], list[str]] = collections.defaultdict(list)
    replies_hit: dict[str, set[str]] = collections.defaultdict(set)
    total = 0
    for line in args.corpus.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        total += 1
        reply = Reply(row["text"], row["id"], kind=KINDS.get(row["kind"]))
        for finding in lint_reply(reply, active).findings:
            key = finding.text.lower()
            by_check[finding.name][key] += 1
            replies_hit[finding.name].add(row["id"])
            if len(contexts[finding.name, key]) < args.show:
                sentence = reply.sentence_at(finding.start)
                shown = row["text"][sentence.start : sentence.end] if sentence else finding.text
                contexts[finding.name, key].append(f"{row['id']}: {shown[:220]!r}")
    print(f"{total} replies")
    for check in active:
        counter = by_check[check.check.name]
        print(
            f"\n== {check.check.code} {check.check.name}: {sum(counter.values())} findings "
            f"in {len(replies_hit[check.check.name])} replies"
        )
        for text, count in counter.most_common(args.top):
            print(f"  {count:4d}  {text!r}")
            for context in contexts[check.check.name, text]:
                print(f"          {context}")


if __name__ == "__main__":
    main()
