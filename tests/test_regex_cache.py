"""Compiled regexes kept in the cache folder (checks/regex_cache.py): a pattern read back is the
pattern ``re`` compiles, a damaged or foreign store is never trusted, and a second run compiles
nothing the first one stored."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from replylint.checks import regex_cache
from replylint.checks.lexicon import LEXICON_FOLDER, load_lexicon

pytestmark = pytest.mark.skipif(not regex_cache._AVAILABLE, reason="the store needs CPython's _sre")

SAMPLES = [
    (r"\b(?:can(?:no|')t|unable\s+to)\b", re.IGNORECASE),
    (r"(?P<greeting>^(?:hi|hello|dear)\b[^\n,]*,)", re.MULTILINE | re.IGNORECASE),
    (r"(?<!\w)['‘][^'’\n]{2,40}['’](?!\w)", 0),
    (r"^[ \t]*(?:best|regards|thanks)\b.*$", re.MULTILINE),
    (r"(a)(?P<b>b)?(?(2)c|d)", 0),  # a conditional on a group
    (r"\d{3,}|#\w+|[\"“][^\"”\n]{2,80}[\"”]", 0),
    ("Diemžēl|\u00e9t\u00e9|\ud800", re.IGNORECASE),  # non-ASCII, a lone surrogate
]
TEXTS = [
    "Hi Sam,\n\nUnfortunately we can't refund order #4521 ('late fee').\nBest,\nAl",
    "Dear customer, we are unable to help. Diemžēl nevaram. Été. abc abd",
    "THANKS for waiting\nregards",
    "",
]


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """An empty cache folder and nothing read yet, as in a new process."""
    monkeypatch.setenv("REPLYLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(regex_cache, "_known", None)
    monkeypatch.setattr(regex_cache, "_unsaved", False)
    yield tmp_path / "cache"


def restart(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget what this process read or compiled: the next call reads the file again."""
    monkeypatch.setattr(regex_cache, "_known", None)
    monkeypatch.setattr(regex_cache, "_unsaved", False)


def same_behaviour(ours: re.Pattern[str], theirs: re.Pattern[str]) -> None:
    assert (ours.pattern, ours.flags, ours.groups, dict(ours.groupindex)) == (
        theirs.pattern,
        theirs.flags,
        theirs.groups,
        dict(theirs.groupindex),
    )
    for text in TEXTS:
        assert [m.span() for m in ours.finditer(text)] == [m.span() for m in theirs.finditer(text)]
        assert [m.groups() for m in ours.finditer(text)] == [
            m.groups() for m in theirs.finditer(text)
        ]


def test_a_stored_pattern_is_the_one_re_compiles(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for pattern, flags in SAMPLES:
        same_behaviour(regex_cache.compile_regex(pattern, flags), re.compile(pattern, flags))
    regex_cache.save()
    assert len(list((fresh / regex_cache.FOLDER).glob("*.bin"))) == 1

    restart(monkeypatch)
    before = regex_cache.compiled_here
    for pattern, flags in SAMPLES:
        same_behaviour(regex_cache.compile_regex(pattern, flags), re.compile(pattern, flags))
    assert regex_cache.compiled_here == before  # every one read back, none compiled


def test_every_lexicon_branch_survives_the_round_trip(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    patterns = [
        branch.plain
        for path in sorted(LEXICON_FOLDER.glob("*.yaml"))
        for branch in load_lexicon(path.stem).branches
    ]
    assert len(patterns) > 400
    for pattern in patterns:
        regex_cache.compile_regex(pattern, re.IGNORECASE)
    regex_cache.save()
    restart(monkeypatch)
    before = regex_cache.compiled_here
    for pattern in patterns:
        ours = regex_cache.compile_regex(pattern, re.IGNORECASE)
        theirs = re.compile(pattern, re.IGNORECASE)
        assert (ours.pattern, ours.flags, ours.groups) == (
            theirs.pattern,
            theirs.flags,
            theirs.groups,
        )
    assert regex_cache.compiled_here == before


def test_a_damaged_store_is_not_trusted(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pattern, flags = SAMPLES[0]
    regex_cache.compile_regex(pattern, flags)
    regex_cache.save()
    (stored,) = (fresh / regex_cache.FOLDER).glob("*.bin")
    good = stored.read_bytes()
    flipped = bytearray(good)
    flipped[-3] ^= 0x01  # one bit of a program: it could still pass _sre's validator
    for damaged in (bytes(flipped), good[: len(good) // 2], b"", b"\xff" * 40):
        stored.write_bytes(damaged)
        restart(monkeypatch)
        before = regex_cache.compiled_here
        same_behaviour(regex_cache.compile_regex(pattern, flags), re.compile(pattern, flags))
        assert regex_cache.compiled_here == before + 1  # compiled afresh, not read


def test_a_program_sre_refuses_is_compiled_again(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pattern, flags = SAMPLES[1]
    regex_cache.compile_regex(pattern, flags)
    known = regex_cache._load()
    final_flags, _, groups, groupindex, indexgroup = known[(pattern, flags)]
    known[(pattern, flags)] = (final_flags, [999_999], groups, groupindex, indexgroup)
    same_behaviour(regex_cache.compile_regex(pattern, flags), re.compile(pattern, flags))


def test_errors_and_debug_are_res_own(fresh: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(re.error, match="missing"):
        regex_cache.compile_regex(r"(unclosed", 0)
    with pytest.raises(ValueError):
        regex_cache.compile_regex(r"x", re.ASCII | re.LOCALE)
    regex_cache.compile_regex(r"debugged", re.DEBUG)
    assert "LITERAL" in capsys.readouterr().out  # re printed its parse: re.compile did it
    assert (r"debugged", re.DEBUG) not in regex_cache._load()


def test_the_store_is_bounded(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regex_cache, "MAX_PATTERNS", 5)
    for number in range(12):
        assert regex_cache.compile_regex(f"word{number}").search(f"a word{number}")
    assert len(regex_cache._load()) == 5


def test_a_huge_pattern_is_compiled_but_not_stored(fresh: Path) -> None:
    """A linted repository's config may add one enormous pattern: every later run would read
    it back."""
    huge = "|".join(f"word{number}" for number in range(20_000))
    assert regex_cache.compile_regex(huge).search("a word19999 here")
    assert (huge, 0) not in regex_cache._load()


def test_a_cache_that_cannot_be_written_costs_only_speed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("REPLYLINT_CACHE_DIR", str(blocker))
    restart(monkeypatch)
    assert regex_cache.compile_regex(r"\bok\b").search("it is ok")
    regex_cache.save()  # nothing raised
    assert blocker.read_text(encoding="utf-8") == "x"


def test_a_save_keeps_what_another_process_stored_meanwhile(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    regex_cache.compile_regex(r"\bfirst\b")  # this process read the store before ...
    restart(monkeypatch)
    regex_cache.compile_regex(r"\bsecond\b")  # ... another one (a worker) saved its own
    regex_cache.save()
    restart(monkeypatch)
    regex_cache.compile_regex(r"\bthird\b")
    monkeypatch.setattr(regex_cache, "_known", {**regex_cache._load()})
    regex_cache.save()
    stored = regex_cache._read()
    assert {(r"\bsecond\b", 0), (r"\bthird\b", 0)} <= set(stored)

    monkeypatch.setattr(regex_cache, "MAX_PATTERNS", 2)  # the file would overflow: ours only
    restart(monkeypatch)
    monkeypatch.setattr(regex_cache, "_known", {})
    regex_cache.compile_regex(r"\bfourth\b")
    regex_cache.save()
    assert set(regex_cache._read()) == {(r"\bfourth\b", 0)}


def test_cache_clear_removes_the_store(fresh: Path) -> None:
    regex_cache.compile_regex(r"\bclear\b")
    regex_cache.save()
    assert regex_cache.clear() == 1
    assert regex_cache.clear() == 0


COMPILED_BY_A_RUN = """
import sys
from replylint.cli.main import main
from replylint.checks import regex_cache
sys.argv = ["replylint", "check", "--no-config", "--no-cache", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print(regex_cache.compiled_here, file=sys.stderr)
"""


def test_a_second_run_compiles_none_of_the_regexes_the_first_stored(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text(
        "Hi Sam,\n\nUnfortunately we can't refund this, it's our policy. I'll check with the "
        "team and get back to you by Friday.\n\nThanks!!\nAl\n",
        encoding="utf-8",
    )
    env = {**os.environ, "REPLYLINT_LANGUAGETOOL": "off"}

    def compiled_by_a_run() -> int:
        done = subprocess.run(
            [sys.executable, "-c", COMPILED_BY_A_RUN, str(reply)],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=env,
            timeout=60,
        )
        assert done.returncode == 0 and "3 findings" in done.stdout, done.stderr
        return int(done.stderr.split()[-1])

    assert compiled_by_a_run() > 50
    assert compiled_by_a_run() == 0


def test_what_workers_compile_is_stored_too(tmp_path: Path) -> None:
    """The first chunk (linted before the workers fork) needs few patterns, the later ones
    many: a later run in one process, which needs every pattern any process of the first
    compiled, compiles none."""
    replies = sorted((Path(__file__).parent / "fixtures" / "replies").glob("*.txt"))
    folder = tmp_path / "replies"
    folder.mkdir()
    for number in range(32):  # the chunk this process lints before the workers start
        (folder / f"{number:03d}.txt").write_text("Thanks!\n", encoding="utf-8")
    for number in range(32, 192):  # five more, which the workers (or this process) lint
        source = replies[number % len(replies)]
        (folder / f"{number:03d}-{source.name}").write_bytes(source.read_bytes())
    env = {**os.environ, "REPLYLINT_LANGUAGETOOL": "off"}

    def compiled_by_a_run(*args: str) -> int:
        done = subprocess.run(
            [sys.executable, "-c", COMPILED_BY_A_RUN, *args, str(folder)],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=env,
            timeout=120,
        )
        assert "findings" in done.stdout, done.stderr
        return int(done.stderr.split()[-1])

    compiled_by_a_run("--jobs", "2")
    assert compiled_by_a_run("--jobs", "1") == 0
