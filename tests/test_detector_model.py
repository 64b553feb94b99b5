"""py3langid's model kept unpacked in the cache folder (checks/reply/detector_model.py): the
same verdicts as py3langid's own loader, made once, never trusted when damaged, and a cache
that cannot be written costs only time."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from replylint.checks.disk_cache import cache_dir
from replylint.checks.reply import detector_model

langid: Any = pytest.importorskip("py3langid.langid")

FIXTURE = Path(__file__).parent / "fixtures" / "detection.yaml"


def texts() -> list[str]:
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

    walk(yaml.safe_load(FIXTURE.read_text(encoding="utf-8")))
    return found


def stored_folder() -> Path:
    found = detector_model._folder(langid)
    assert found is not None
    return found[1]


def test_the_mapped_model_gives_py3langids_own_verdicts_and_scores() -> None:
    mapped = detector_model.classifier()
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
    good = stored_folder()
    detector_model.classifier()  # the session's copy exists
    monkeypatch.setenv("REPLYLINT_CACHE_DIR", str(tmp_path / "other-cache"))
    damaged = stored_folder()
    damaged.mkdir(parents=True)
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
