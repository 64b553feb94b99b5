"""Benchmark: whole-process runs of `replylint check` (and optionally proselint) on real replies.

    python tests/bench/bench.py [--corpus ../shared/corpus/replies.jsonl] [--runs 5]
                                [--proselint] [--scale 100000]

Writes each reply of the JSONL corpus to its own .txt file in a temporary folder, then times
(median of --runs, the commands taking turns) `replylint check <folder>` end to end, cold
(--no-cache) and with the results cache warm, one-file runs (text and JSON output), the bare
interpreter and `import typer` (the floor under a one-file run), and with --proselint the same
folder through `proselint check` installed into the benchmark's own virtual environment (cached
under ~/.cache/replylint-bench). --scale N also lints N replies (the
corpus repeated, cold) and reports peak memory: the resident memory of replylint and its worker
processes together, sampled every 20 ms. It ends with the ceiling of this machine: start-up
(`replylint --version`) plus linting alone (every built-in check, in one process, CPU time)
spread over every CPU, as if reading, workers and the report were free. Grammar is off in every
run. --compare BIN also times the replylint installed in the folder BIN (another build: the
one before a change) in the same round-robin, so before and after share the drift, and
--stages prints the CPU time a reply of each step of the reply model and of each check.
Not a test: it prints figures for the README and the issue notes.
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
import threading
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


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, int, int, float]:
    """Wall seconds, peak RSS in KiB (the process and its workers together), exit code and CPU
    seconds (user and system, of the process and the workers it waited for)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    # Memory is sampled by a thread, the end is waited for here: polling in this loop would
    # round every time up to the next 20 ms tick (it did, until 2026-11-23).
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.02):
            peak[0] = max(peak[0], tree_rss(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    # wait4, not Popen.wait: it also returns the CPU time, a figure this shared machine's load
    # moves far less than the wall time.
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    done.set()
    sampler.join()
    return elapsed, peak[0], process.returncode, usage.ru_utime + usage.ru_stime


def tree_rss(pid: int) -> int:
    """Resident memory (KiB) of a process and all its descendants, read from /proc (Linux)."""
    total = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(status.split("VmRSS:")[1].split()[0]) if "VmRSS:" in status else 0
            for task in Path(f"/proc/{current}/task").iterdir():
                pending.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, ValueError, IndexError):
            continue  # it ended meanwhile
    return total


def interleaved(
    commands: dict[str, list[str]], cwd: Path, runs: int, env: dict[str, str]
) -> dict[str, tuple[float, int, float]]:
    """Median wall time, largest peak RSS and median CPU time of each command, run in turn
    ``runs`` times.

    Round-robin, not one command's runs after another's: this machine's speed drifts by up
    to 2x over minutes, and taking turns exposes every command to the same drift, so ratios
    between them hold. Every time goes to stderr: the spread tells how much to trust a median.
    """
    results: dict[str, list[tuple[float, int, int, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            results[name].append(timed(command, cwd, env))
    medians = {}
    for name, timings in results.items():
        times = sorted(t[0] for t in timings)
        cpu = sorted(t[3] for t in timings)
        print(
            f"  {name}: wall {[round(t, 3) for t in times]} cpu {[round(t, 3) for t in cpu]}",
            file=sys.stderr,
        )
        medians[name] = (
            statistics.median(times),
            max(t[1] for t in timings),
            statistics.median(cpu),
        )
    return medians


# Linting alone, in one process: every built-in check over every reply of the corpus, timed in
# CPU seconds after one pass that loads the lexicons and compiles the regexes.
LINT_ONLY = """
import json, statistics, sys, time
from replylint.checks import BUILTIN, ActiveCheck, Reply, lint_reply
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
active = [ActiveCheck(check, check.severity, check.defaults()) for check in BUILTIN]
passes = []
for _ in range(4):
    start = time.process_time()
    for text in texts:
        lint_reply(Reply(text), active)
    passes.append((time.process_time() - start) / len(texts))
print(statistics.median(passes[1:]))
"""


# CPU µs a reply of each step of the reply model (in the order the engine first needs them) and
# of each built-in check with the model already built, medians of 3 passes after a warm one.
STAGES = """
import json, statistics, sys, time
from replylint.checks import BUILTIN, ActiveCheck, Reply, lint_reply
from replylint.checks.reply.language import not_english
from replylint.checks.reply.practice import good_practice
from replylint.checks.reply.readability import reply_reading_ease
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
active = [ActiveCheck(c, c.severity, c.defaults()) for c in BUILTIN if not c.asks_service]
steps = {
    "model: masks (signature, history)": lambda r: r.masks,
    "model: tokens": lambda r: (r.lowered, r.token_starts, r.tokens, r.lowered_is_exact),
    "model: language": lambda r: not_english(r.token_starts, r.masked),
    "model: sentences": lambda r: (r.paragraphs, r.sentences, r.content, r.closing),
    "model: kind, words": lambda r: (r.kind, r.word_count),
    "model: good practice": good_practice,
    "model: readability": reply_reading_ease,
}
for item in active:
    steps["check: " + item.check.name] = (
        lambda r, item=item: list(item.check.run(r, item.options) or ())
    )
passes = {name: [] for name in ["lint_reply, all", *steps]}
for round in range(4):
    replies = [Reply(text) for text in texts]
    for name, step in steps.items():
        start = time.process_time()
        for reply in replies:
            step(reply)
        passes[name].append(time.process_time() - start)
    replies = [Reply(text) for text in texts]
    start = time.process_time()
    for reply in replies:
        lint_reply(reply, active)
    passes["lint_reply, all"].append(time.process_time() - start)
for name, taken in passes.items():
    print(f"{name}\t{statistics.median(taken[1:]) / len(texts) * 1e6:.1f}")
"""


def stages(corpus: Path, env: dict[str, str], python: str = sys.executable) -> dict[str, float]:
    """CPU µs a reply of each step of the model and each check (see STAGES)."""
    done = subprocess.run(
        [python, "-c", STAGES, str(corpus)], env=env, capture_output=True, text=True, check=True
    )
    return {
        name: float(value)
        for name, value in (line.split("\t") for line in done.stdout.splitlines())
    }


def lint_seconds_per_reply(
    corpus: Path, env: dict[str, str], python: str = sys.executable
) -> float:
    """CPU seconds per reply of linting alone: no reading, no workers, no report."""
    done = subprocess.run(
        [python, "-c", LINT_ONLY, str(corpus)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return float(done.stdout)


def replylint_command(*args: str, folder: Path | None = None) -> list[str]:
    """The installed console script next to this Python, or in ``folder`` (grammar off, no
    config)."""
    executable = shutil.which("replylint", path=str(folder or Path(sys.executable).parent))
    if executable is None:
        sys.exit(f"replylint is not installed in {folder or 'the folder of this Python'}")
    return [executable, "check", "--no-config", *args]


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
    parser.add_argument("--compare", type=Path, help="bin folder of another replylint build")
    parser.add_argument("--stages", action="store_true", help="CPU a reply of each step")
    args = parser.parse_args()
    jobs = ["--jobs", args.jobs] if args.jobs else []
    with tempfile.TemporaryDirectory() as temporary:
        # A cache folder of its own: "cold" and "warm" mean the same on every machine.
        env = {
            **os.environ,
            "REPLYLINT_LANGUAGETOOL": "off",
            "REPLYLINT_CACHE_DIR": str(Path(temporary) / "cache"),
            # Bytecode as an installation has it (pip compiles a wheel's modules), kept in a
            # folder of the run's own: where PYTHONDONTWRITEBYTECODE is set (this machine), every
            # run compiled every module of replylint (and of proselint) from source, about
            # 150 ms a start-up that no user pays.
            "PYTHONPYCACHEPREFIX": str(Path(temporary) / "pycache"),
        }
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        folder = Path(temporary) / "replies"
        count = write_corpus(args.corpus, folder)
        one = str(next(folder.rglob("*.txt")))
        json_out = ["--format", "json"]
        cwd = folder.parent
        # The first run of an installation parses the lexicons and finds the plugins once,
        # and the second fills the results store: every figure below is of later runs.
        builds = {"": None, **({"before: ": args.compare} if args.compare else {})}
        for bin_folder in builds.values():
            timed(replylint_command(*json_out, one, folder=bin_folder), cwd, env)
            timed(replylint_command(*json_out, *jobs, str(folder), folder=bin_folder), cwd, env)
        commands = {
            "cold": replylint_command(*json_out, "--no-cache", *jobs, str(folder)),
            "warm": replylint_command(*json_out, *jobs, str(folder)),
            "one file, text": replylint_command("--no-cache", one),
            "one file, json": replylint_command(*json_out, "--no-cache", one),
            # The floor under a one-file run: the interpreter, and it importing Typer.
            "python -c pass": [sys.executable, "-c", "pass"],
            "import typer": [sys.executable, "-c", "import typer"],
            # Start-up: the interpreter, every import a run needs, and Typer's parsing.
            "replylint --version": [*replylint_command()[:1], "--version"],
        }
        if args.compare:
            before = args.compare
            commands["before: cold"] = replylint_command(
                *json_out, "--no-cache", *jobs, str(folder), folder=before
            )
            commands["before: warm"] = replylint_command(
                *json_out, *jobs, str(folder), folder=before
            )
            commands["before: one file, text"] = replylint_command("--no-cache", one, folder=before)
            commands["before: replylint --version"] = [
                *replylint_command(folder=before)[:1],
                "--version",
            ]
        if args.proselint:
            files = sorted(str(p) for p in folder.rglob("*.txt"))
            commands["proselint"] = [*proselint_command(), *files]
            timed(commands["proselint"], cwd, env)  # its bytecode too
        timings = interleaved(commands, cwd, args.runs, env)
        (cold, rss, cold_cpu), (warm, _, warm_cpu) = timings["cold"], timings["warm"]
        print(f"replies: {count}  cpus: {os.cpu_count()}  runs: {args.runs} (medians)")
        print(
            f"replylint  folder, cold (--no-cache): {cold:.3f} s  {count / cold:,.0f} replies/s  "
            f"CPU {cold_cpu:.3f} s  peak RSS {rss / 1024:.0f} MiB (all processes)"
        )
        print(
            f"replylint  folder, warm results cache: {warm:.3f} s  {count / warm:,.0f} replies/s  "
            f"CPU {warm_cpu:.3f} s"
        )
        ms = {name: timings[name][0] * 1000 for name in commands}
        cpu_ms = {name: timings[name][2] * 1000 for name in commands}
        print(
            f"replylint  one file (--no-cache): text {ms['one file, text']:.0f} ms "
            f"(CPU {cpu_ms['one file, text']:.0f}), json {ms['one file, json']:.0f} ms  "
            f"(python -c pass {ms['python -c pass']:.0f} ms, "
            f"import typer {ms['import typer']:.0f} ms)"
        )
        if args.proselint:
            p_wall, p_rss, p_cpu = timings["proselint"]
            print(
                f"proselint  folder: {p_wall:.3f} s  {count / p_wall:,.0f} replies/s  "
                f"CPU {p_cpu:.3f} s  peak RSS {p_rss / 1024:.0f} MiB"
            )
            print(
                f"ratio replylint/proselint throughput: cold {p_wall / cold:.1f}x, "
                f"warm {p_wall / warm:.1f}x (wall); by CPU time cold {p_cpu / cold_cpu:.1f}x, "
                f"warm {p_cpu / warm_cpu:.1f}x"
            )
        if args.compare:
            b_cold, b_rss, _ = timings["before: cold"]
            b_warm = timings["before: warm"][0]
            print(
                f"before     folder, cold: {b_cold:.3f} s  {count / b_cold:,.0f} replies/s  "
                f"peak RSS {b_rss / 1024:.0f} MiB; warm: {b_warm:.3f} s  "
                f"{count / b_warm:,.0f} replies/s; one file, text "
                f"{ms['before: one file, text']:.0f} ms; --version "
                f"{ms['before: replylint --version']:.0f} ms"
            )
            print(
                f"after/before throughput: cold {b_cold / cold:.2f}x, warm {b_warm / warm:.2f}x"
                + (
                    f"; before/proselint: cold {p_wall / b_cold:.1f}x, warm {p_wall / b_warm:.1f}x"
                    if args.proselint
                    else ""
                )
            )
        if args.stages:
            python = str(args.compare / "python") if args.compare else None
            after = stages(args.corpus, env)
            earlier = stages(args.corpus, env, python) if python else {}
            print("CPU µs a reply (medians of 3 passes, model built step by step, then each check")
            print("on the built model; lint_reply, all: a fresh model and every check at once)")
            for name, value in after.items():
                was = f"  (before {earlier[name]:6.1f})" if name in earlier else ""
                print(f"  {name:42} {value:6.1f}{was}")
        # The ceiling: start-up, then linting alone spread over every CPU, as if reading files,
        # sending them to workers and writing the report cost nothing.
        per_reply = lint_seconds_per_reply(args.corpus, env)
        startup = timings["replylint --version"][0]
        ceiling = count / (startup + count * per_reply / (os.cpu_count() or 1))
        print(
            f"ceiling    linting alone {per_reply * 1e6:.0f} µs CPU a reply, start-up "
            f"{startup * 1000:.0f} ms: at most {ceiling:,.0f} replies/s on {os.cpu_count()} CPUs"
            + (f", {ceiling * p_wall / count:.1f}x proselint" if args.proselint else "")
        )
        if args.scale:
            big = Path(temporary) / "big"
            copies = -(-args.scale // count)
            total = write_corpus(args.corpus, big, copies)
            command = replylint_command(*json_out, "--no-cache", *jobs, str(big))
            big_wall, big_rss, _, _ = timed(command, big.parent, env)
            print(
                f"replylint  {total:,} replies, cold: {big_wall:.1f} s  "
                f"{total / big_wall:,.0f} replies/s  peak RSS {big_rss / 1024:.0f} MiB "
                "(all processes)"
            )


if __name__ == "__main__":
    main()
