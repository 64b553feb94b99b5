"""py3langid's model kept unpacked in the cache folder (checks/reply/detector_model.py): the
same verdicts as py3langid's own loader, made once, never trusted when damaged, and a cache
that cannot be written costs only time; the first classifications of a process scored in plain
Python (no numpy) with py3langid's verdicts, and a .npy that scorer does not read left to
numpy."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

from replylint.checks.disk_cache import cache_dir
from replylint.checks.reply import detector_model

langid: Any = pytest.importorskip("py3langid.langid")

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE = FIXTURES / "detection.yaml"
LATVIAN = "Paldies, jūsu pasūtījums ir ceļā un pienāks rīt."


def texts(fixture: Path = FIXTURE) -> list[str]:
    """Every string of a YAML fixture."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, str):
            found.append(node)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(yaml.safe_load(fixture.read_text(encoding="utf-8")))
    return found


def pack_texts() -> list[str]:
    """The strings of the language packs' fixtures (replies, expected findings, names)."""
    found = [t for path in sorted((FIXTURES / "packs").rglob("*.y*ml")) for t in texts(path)]
    assert len(found) > 300
    return found


def another_cache_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> tuple[Path, Path]:
    """The session's stored model folder, and the (empty, created) folder the same model
    would have in a cache folder of its own, which the test now uses."""
    good = stored_folder()
    detector_model.classifier()  # the session's copy exists
    monkeypatch.setenv("REPLYLINT_CACHE_DIR", str(tmp_path / "other-cache"))
    other = stored_folder()
    other.mkdir(parents=True)
    return good, other


def stored_folder() -> Path:
    found = detector_model._folder()
    assert found is not None
    return found[1]


def pure_scorer() -> Any:
    detector_model.classifier()  # stores the model when this session has not yet
    pure = detector_model._Pure.mapped(stored_folder())
    assert pure is not None
    return pure


def test_the_mapped_model_gives_py3langids_own_verdicts_and_scores() -> None:
    mapped = detector_model._numpy_classifier()
    assert mapped is not langid.classify  # the mapped copy, not the fallback
    samples = texts()
    assert len(samples) > 250
    assert [mapped(t) for t in samples] == [langid.classify(t) for t in samples]


def test_the_model_is_unpacked_once_then_only_mapped(monkeypatch: pytest.MonkeyPatch) -> None:
    detector_model.classifier()
    assert (stored_folder() / detector_model.INDEX).is_file()

    def unpack_again(path: Any) -> Any:
        raise AssertionError("unpacked a second time")

    monkeypatch.setattr(langid, "_load_model_file", unpack_again)
    again = detector_model.classifier()
    assert again is not langid.classify
    assert again("Paldies, jūsu pasūtījums ir ceļā un pienāks rīt.")[0] == "lv"


def test_a_damaged_copy_is_refused_and_py3langid_loads_its_own(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    good, damaged = another_cache_folder(monkeypatch, tmp_path)
    for name in (detector_model.INDEX, "row.u32", "output.i32"):
        shutil.copy(good / name, damaged / name)
    (damaged / detector_model.PTC).symlink_to(good / detector_model.PTC)
    nextmove = (good / "nextmove.u32").read_bytes()
    (damaged / "nextmove.u32").write_bytes(nextmove[: len(nextmove) // 2])  # cut short
    assert detector_model.classifier() is langid.classify


def test_a_cache_that_cannot_be_written_still_detects(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("REPLYLINT_CACHE_DIR", str(blocker / "cache"))
    classify = detector_model.classifier()
    assert classify("Tak foar jo berjocht, wy stjoere it pakket moarn op.")[0] == "fy"
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_cache_clear_removes_the_unpacked_model(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("REPLYLINT_CACHE_DIR", str(tmp_path / "own-cache"))
    folder = stored_folder()
    folder.mkdir(parents=True)
    (folder / detector_model.INDEX).write_text("{}", encoding="utf-8")
    assert cache_dir() == tmp_path / "own-cache"
    assert detector_model.clear() == 1
    assert not folder.exists()
    assert detector_model.clear() == 0


def test_only_the_newest_copies_are_kept(tmp_path: Path) -> None:
    models = tmp_path / "models"
    kept = models / "py3langid-new"
    for age, name in enumerate(["py3langid-new", "py3langid-old", "py3langid-older"]):
        (models / name).mkdir(parents=True)
        os.utime(models / name, ns=(10**18 - age * 10**12, 10**18 - age * 10**12))
    (models / "unrelated").mkdir()
    detector_model._prune(kept)
    assert sorted(p.name for p in models.iterdir()) == [
        "py3langid-new",
        "py3langid-old",
        "unrelated",
    ]


EDGES = [
    "",  # featureless: py3langid names it by its first class, scored RAW_FLOOR
    "1234 5678, 9!",
    "?!",
    "... --- ...",
    "PALDIES, JŪSU PASŪTĪJUMS IR CEĻĀ UN PIENĀKS RĪT.",  # all capitals: lowered first
    "THANK YOU FOR YOUR PATIENCE, WE WILL SHIP IT TOMORROW.",
    "Paldies \ud800 par gaidīšanu",  # a lone surrogate: passed through to UTF-8
    "\udfff",
    "Tak foar jo berjocht, wy stjoere it pakket moarn op. " * 400,  # 21,200 characters
    "Cafe\u0301 au lait, s'il vous pla\u0131\u0302t",  # NFC composes it first
]


@pytest.mark.parametrize(
    ("name", "samples"),
    [("detection", texts), ("packs", pack_texts), ("edges", lambda: EDGES)],
)
def test_the_pure_scorer_gives_py3langids_verdicts(name: str, samples: Any) -> None:
    pure = pure_scorer()
    for text in samples():
        code, score = pure.classify(text)
        expected_code, expected_score = langid.classify(text)
        assert code == expected_code, text
        # float64 sums of float32 ones: the same scores but for float32 rounding
        assert score == pytest.approx(expected_score, rel=1e-5, abs=1e-3), text


def test_featureless_text_is_named_as_py3langid_names_it() -> None:
    pure = pure_scorer()
    assert pure._visits(b"") == {}
    assert pure.classify("") == (pure.classes[0], detector_model.RAW_FLOOR)
    assert pure.classify("") == langid.classify("")
    assert detector_model.RAW_FLOOR == langid.RAW_FLOOR


def test_alias_columns_are_folded_as_py3langid_folds_them() -> None:
    # Not visible in a verdict (both columns carry one label), so checked directly.
    pure = pure_scorer()
    assert pure.alias_pairs == langid._get_identifier()._alias_pairs
    assert [pure.classes[i] for pair in pure.alias_pairs for i in pair] == ["sr", "sr", "uz", "uz"]


def test_a_fresh_process_names_replies_without_numpy_then_switches() -> None:
    detector_model.classifier()  # the session's copy exists: the run below only maps it
    script = textwrap.dedent(
        f"""
        import os
        import sys
        from replylint.checks import BUILTIN, ActiveCheck, Reply, lint_reply
        from replylint.checks.reply import detector_model

        def mappings():
            if not os.path.exists("/proc/self/maps"):  # not Linux: nothing to compare
                return 0
            with open("/proc/self/maps") as maps:
                return sum("/py3langid-" in line for line in maps)

        active = [ActiveCheck(c, c.severity, c.defaults()) for c in BUILTIN]
        result = lint_reply(Reply({LATVIAN!r}, "reply.txt"), active)
        assert result.language == "lv", result.language
        assert "numpy" not in sys.modules, "one Latvian reply imported numpy"

        samples = {[*texts()[: detector_model.PURE_CALLS + 1]]!r}
        classify = detector_model.classifier()
        verdicts = []
        for text in samples[:-1]:
            verdicts.append(classify(text)[0])
        assert "numpy" not in sys.modules, "numpy imported before the switch"
        before = mappings()
        verdicts.append(classify(samples[-1])[0])
        assert "numpy" in sys.modules, "no switch to py3langid's scorer"
        # py3langid scores over the pure scorer's mappings: none added at the switch.
        assert mappings() == before, (before, mappings())
        import py3langid.langid

        assert verdicts == [py3langid.langid.classify(t)[0] for t in samples]
        text = samples[-1]  # and with py3langid's own scores, not only its verdicts
        assert classify(text) == py3langid.langid.classify(text)
        long = {LATVIAN!r} * (detector_model.PURE_MAX_CHARS // len({LATVIAN!r}) + 1)
        assert detector_model.classifier()(long)[0] == "lv"
        print("ok")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip() == "ok"


def test_a_long_text_goes_to_numpy_at_once() -> None:
    calls: list[str] = []
    classify = detector_model._switching(
        lambda t: (calls.append(t), ("pure", 0.0))[1], 2, lambda: lambda t: ("numpy", 0.0)
    )
    long = "x" * (detector_model.PURE_MAX_CHARS + 1)
    assert [classify(t)[0] for t in ["a", long, "b", "c"]] == ["pure", "numpy", "numpy", "numpy"]
    assert calls == ["a"]


def _foreign_ptc(kind: str, good: Path, target: Path) -> None:
    """A copy of the stored ptc.npy that the pure scorer must refuse."""
    import numpy as np

    ptc = np.load(good, mmap_mode="r", allow_pickle=False)
    if kind == "float32":  # another dtype, the same values: numpy's verdicts are unchanged
        np.save(target, np.asarray(ptc, dtype=np.float32), allow_pickle=False)
    elif kind == "big-endian":
        np.save(target, np.asarray(ptc, dtype=">f2"), allow_pickle=False)
    elif kind == "fortran":
        np.save(target, np.asfortranarray(ptc), allow_pickle=False)
    elif kind == "short":  # cut short: numpy refuses it too, py3langid loads its own
        target.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    elif kind == "shape":  # a header naming more rows than the file holds
        raw = good.read_bytes()
        rows = str(ptc.shape[0]).encode()
        target.write_bytes(raw.replace(b"(" + rows + b",", b"(" + rows + b"9,", 1))
    elif kind == "garbage":
        raw = good.read_bytes()
        target.write_bytes(raw[:10] + b"{'descr': <f2" + raw[23:])
    else:
        raise AssertionError(kind)


@pytest.mark.parametrize("kind", ["float32", "big-endian", "fortran", "short", "shape", "garbage"])
def test_a_ptc_the_pure_scorer_does_not_read_goes_to_numpy(
    kind: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    good, foreign = another_cache_folder(monkeypatch, tmp_path)
    for name in (detector_model.INDEX, "nextmove.u32", "row.u32", "output.i32"):
        (foreign / name).symlink_to(good / name)
    _foreign_ptc(kind, good / detector_model.PTC, foreign / detector_model.PTC)
    assert detector_model._Pure.mapped(foreign) is None
    classify = detector_model.classifier()
    samples = [*texts()[:40], LATVIAN]
    assert [classify(t)[0] for t in samples] == [langid.classify(t)[0] for t in samples]
