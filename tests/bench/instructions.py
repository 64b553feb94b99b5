"""Instructions a reply of the reply model plus every built-in check, counted by callgrind.

Usage: python tests/bench/instructions.py [--corpus ../shared/corpus/replies.jsonl] [--limit N]

Runs ``lint_reply`` under ``valgrind --tool=callgrind`` twice in this interpreter, over the
corpus and over no reply, and prints the difference a reply: repeatable to the instruction on
a noisy machine, where CPU seconds are not. LanguageTool is left out (it is another process).
The lexicons and regexes are warmed on a reply of our own first (linted WARM_UP_TIMES times: a
lexicon builds its RE2 prefilter after serving a few replies), so one-off compilation is not
counted against the replies.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "replies.jsonl"
WARM_UP = "Hi Sam,\n\nUnfortunately we can't. I'll get back to you. Thanks!!\n\nBest,\nAl\n"
WARM_UP_TIMES = 40  # more than lexicon.PREFILTER_AFTER


def lint(corpus: Path, limit: int) -> None:
    """The measured work: lint the first ``limit`` replies of the corpus once each."""
    from replylint.checks import BUILTIN, ActiveCheck, Reply, lint_reply

    active = [ActiveCheck(c, c.severity, c.defaults()) for c in BUILTIN if not c.asks_service]
    for _ in range(WARM_UP_TIMES):
        lint_reply(Reply(WARM_UP), active)
    lines = corpus.read_text(encoding="utf-8").splitlines()[:limit]
    for line in lines:
        lint_reply(Reply(json.loads(line)["text"]), active)


def counted(corpus: Path, limit: int) -> int:
    """Instructions of one interpreter run that lints ``limit`` replies."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "callgrind.out"
        command = [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={out}",
            sys.executable,
            __file__,
            "--corpus",
            str(corpus),
            "--limit",
            str(limit),
            "--inside",
        ]
        # One hash seed: with random ones, set and dict layouts (and so the work) vary by a few
        # per cent from run to run.
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        subprocess.run(command, check=True, capture_output=True, env=env)
        for line in out.read_text().splitlines():
            if line.startswith("summary:"):
                return int(line.split()[1])
    raise RuntimeError("callgrind wrote no summary line")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=10**9, help="replies to lint at most")
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inside:
        lint(args.corpus, args.limit)
        return
    replies = min(args.limit, len(args.corpus.read_text(encoding="utf-8").splitlines()))
    # One run outside callgrind first: it fills the cache folder (each lexicon branch's anchors,
    # the parsed lexicons) as any earlier run of this installation would. Counted cold, a fresh
    # installation's first run read 3.13 M instructions a reply where later runs read 2.59 M.
    subprocess.run(
        [
            sys.executable,
            __file__,
            "--corpus",
            str(args.corpus),
            "--limit",
            str(replies),
            "--inside",
        ],
        check=True,
    )
    work = counted(args.corpus, replies) - counted(args.corpus, 0)
    print(f"{replies} replies: {work / replies / 1e6:.3f} M instructions a reply (callgrind)")


if __name__ == "__main__":
    main()
