"""Benchmark: whole-process runs of `replylint check` (and optionally proselint) on real replies.

    python tests/bench/bench.py [--corpus ../shared/corpus/replies.jsonl] [--runs 5]
                                [--proselint] [--scale 100000]

Writes each reply of the JSONL corpus to its own .txt file in a temporary folder, then times
(median of --runs) `replylint check <folder>` end to end, one-file runs, and with --proselint
the same folder through `proselint check` installed into the benchmark's own virtual
environment (cached under ~/.cache/replylint-bench). --scale N also lints N replies (the
corpus repeated) and reports peak memory. Grammar is off in every run. Not a test: it prints
figures for the README and the issue notes.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "replies.jsonl"
PROSELINT_VENV = Path.home() / ".cache" / "replylint-bench" / "proselint-venv"


def write_corpus(corpus: Path, folder: Path, copies: int = 1) -> int:
    """One .txt file per reply (``copies`` times over); returns the number of files."""
    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()]
    count = 0
    for copy in range(copies):
        sub = folder / f"set{copy:04d}"
        sub.mkdir(parents=True)
        for index, text in enumerate(texts):
            (sub / f"reply{index:05d}.txt").write_text(text or "(empty)", encoding="utf-8")
            count += 1
    return count


def timed(command: list[str], cwd: Path) -> tuple[float, int, int]:
    """Wall seconds, peak RSS in KiB and exit code of one whole-process run."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "REPLYLINT_LANGUAGETOOL": "off"},
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    return elapsed, usage.ru_maxrss, os.waitstatus_to_exitcode(status)


def median_run(command: list[str], cwd: Path, runs: int) -> tuple[float, int]:
    """Median wall time and the largest peak RSS over ``runs`` runs."""
    results = [timed(command, cwd) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def replylint_command(*args: str) -> list[str]:
    """The installed console script next to this Python (grammar off, no config)."""
    executable = shutil.which("replylint", path=str(Path(sys.executable).parent))
    if executable is None:
        sys.exit("replylint is not installed next to this Python; pip install . first")
    return [executable, "check", "--no-config", "--format", "json", *args]


def proselint_command() -> list[str]:
    """proselint from its own virtual environment, created once."""
    binary = PROSELINT_VENV / "bin" / "proselint"
    if not binary.exists():
        venv.create(PROSELINT_VENV, with_pip=True)
        subprocess.run(
            [str(PROSELINT_VENV / "bin" / "pip"), "install", "--quiet", "proselint"], check=True
        )
    help_text = subprocess.run([str(binary), "--help"], capture_output=True, text=True).stdout
    # proselint 0.14+ has a `check` subcommand; older releases take the paths directly.
    return [str(binary), "check"] if "check" in help_text else [str(binary)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--proselint", action="store_true", help="also time proselint")
    parser.add_argument("--scale", type=int, default=0, help="also lint this many replies")
    parser.add_argument("--jobs", default=None, help="pass --jobs to replylint")
    args = parser.parse_args()
    jobs = ["--jobs", args.jobs] if args.jobs else []
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "replies"
        count = write_corpus(args.corpus, folder)
        one = next(folder.rglob("*.txt"))
        wall, rss = median_run(replylint_command(*jobs, str(folder)), folder.parent, args.runs)
        single, _ = median_run(replylint_command(str(one)), folder.parent, max(args.runs, 9))
        print(f"replies: {count}  cpus: {os.cpu_count()}  runs: {args.runs} (medians)")
        print(
            f"replylint  folder: {wall:.3f} s  {count / wall:,.0f} replies/s  "
            f"peak RSS {rss / 1024:.0f} MiB"
        )
        print(f"replylint  one file: {single * 1000:.0f} ms")
        if args.proselint:
            command = proselint_command()
            files = sorted(str(p) for p in folder.rglob("*.txt"))
            p_wall, p_rss = median_run([*command, *files], folder.parent, max(args.runs // 2, 1))
            print(
                f"proselint  folder: {p_wall:.3f} s  {count / p_wall:,.0f} replies/s  "
                f"peak RSS {p_rss / 1024:.0f} MiB"
            )
            print(f"ratio replylint/proselint throughput: {p_wall / wall:.1f}x")
        if args.scale:
            big = Path(temporary) / "big"
            copies = -(-args.scale // count)
            total = write_corpus(args.corpus, big, copies)
            big_wall, big_rss = median_run(replylint_command(*jobs, str(big)), big.parent, 1)
            print(
                f"replylint  {total:,} replies: {big_wall:.1f} s  "
                f"{total / big_wall:,.0f} replies/s  peak RSS {big_rss / 1024:.0f} MiB"
            )


if __name__ == "__main__":
    main()
