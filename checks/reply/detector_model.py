"""py3langid's model, kept unpacked in replylint's cache folder and mapped, not read.

py3langid ships its model (142 languages) as one LZMA-compressed npz of 4.5 MB; unpacking it
takes about 0.6 s of CPU, and each worker process that meets a reply the English test lets
through paid it again (a folder of English replies with one German macro: twice, on two CPUs,
a third of the run). The unpacked arrays are stored once, as raw files beside a small JSON
index, and later runs map them: the pages a classification touches are read, the rest of the
67 MB never is, and workers share them through the page cache.

The stored files are plain numbers (no pickle: ``allow_pickle=False``), written to a temporary
folder and renamed into place, and checked against the index's lengths when mapped; the newest
two copies are kept. Anything
unexpected (another py3langid release, a missing numpy, a short file, a read-only cache) falls
back to py3langid's own loader: this module only ever costs or saves time, never changes a
verdict.
"""

from __future__ import annotations

import contextlib
import json
import mmap
import os
import shutil
import sys
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import Any, Literal

from replylint.checks.disk_cache import cache_dir

Classify = Callable[[str], tuple[str, float]]
INDEX = "index.json"
PTC = "ptc.npy"  # float16 features x languages: a .npy, so numpy maps it with its shape
# The DFA's arrays as raw native-order numbers: file, numpy dtype, memoryview typecode.
RAW: dict[str, tuple[str, str, Literal["I", "i"]]] = {
    "nextmove": ("nextmove.u32", "uint32", "I"),
    "row": ("row.u32", "uint32", "I"),
    "output": ("output.i32", "int32", "i"),
}


def classifier() -> Classify:
    """py3langid's ``classify``, its model mapped from the cache (made on first use)."""
    langid = import_module("py3langid.langid")
    try:
        identifier = _mapped(langid)
    except Exception:  # any surprise: py3langid as it comes, 0.6 s slower
        identifier = None
    if identifier is None:
        return langid.classify  # type: ignore[no-any-return]
    return identifier.classify  # type: ignore[no-any-return]


def _folder(langid: Any) -> tuple[Path, Path] | None:
    """The packed model and the folder its unpacked copy lives in, named by py3langid's
    release, a hash of the packed file (every virtual environment installing the same model
    shares one copy) and this machine's byte order."""
    import hashlib

    packed = Path(langid.MODEL_DIR) / langid.MODEL_FILE
    try:
        digest = hashlib.blake2b(packed.read_bytes(), digest_size=12).hexdigest()
    except OSError:
        return None
    version = getattr(import_module("py3langid"), "__version__", "unknown")
    return packed, cache_dir() / "models" / f"py3langid-{version}-{digest}-{sys.byteorder}"


def _mapped(langid: Any) -> Any:
    found = _folder(langid)
    if found is None:
        return None
    packed, folder = found
    if not (folder / INDEX).is_file():
        # py3langid's own reader; when the copy cannot be stored (a read-only cache), what it
        # read is used as it is rather than read a second time.
        model = langid._load_model_file(packed)
        if not _stored(model, folder):
            ptc, pc, classes, nextmove, row, output = model
            return langid.LanguageIdentifier(ptc, pc, classes, nextmove, output, tk_row=row)
    return _load(langid, folder)


def _stored(model: tuple[Any, ...], folder: Path) -> bool:
    """Store the unpacked model's arrays in ``folder``, atomically; False when it cannot."""
    import tempfile

    import numpy as np

    ptc, pc, classes, nextmove, row, output = model
    staging: Path | None = None
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".tmp-"))
        np.save(staging / PTC, np.ascontiguousarray(ptc), allow_pickle=False)
        arrays = {"nextmove": nextmove, "row": row, "output": output}
        for name, (file, dtype, _) in RAW.items():
            with open(staging / file, "wb") as handle:
                handle.write(np.asarray(arrays[name], dtype=dtype).tobytes())
        index = {
            "pc": [float(x) for x in np.asarray(pc, dtype=np.float32)],
            "classes": [str(c) for c in classes],
            "lengths": {name: len(values) for name, values in arrays.items()},
        }
        (staging / INDEX).write_text(json.dumps(index), encoding="utf-8")
        with contextlib.suppress(OSError):  # another run stored it meanwhile: as good
            os.rename(staging, folder)
        _prune(folder)
        return (folder / INDEX).is_file()
    except OSError:
        return False
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)


def _load(langid: Any, folder: Path) -> Any:
    import numpy as np

    index = json.loads((folder / INDEX).read_text(encoding="utf-8"))
    ptc = np.load(folder / PTC, mmap_mode="r", allow_pickle=False)
    raw = {name: _mapped_numbers(folder / file, code) for name, (file, _, code) in RAW.items()}
    nextmove, row, output = raw["nextmove"], raw["row"], raw["output"]
    classes = index["classes"]
    pc = np.asarray(index["pc"], dtype=np.float32)
    # A short or foreign file would index out of range mid-reply: refuse it here instead.
    if (
        any(len(raw[name]) != length for name, length in index["lengths"].items())
        or len(nextmove) < (max(row, default=0) + 1) * 256
        or len(output) != len(row)
        or ptc.shape != (ptc.shape[0], len(classes))
        or len(pc) != len(classes)
        or max(output, default=-1) >= ptc.shape[0]
    ):
        return None
    return langid.LanguageIdentifier(ptc, pc, classes, nextmove, output, tk_row=row)


def _mapped_numbers(path: Path, typecode: Literal["I", "i"]) -> memoryview:
    """The file's numbers, mapped read-only (the view keeps the mapping alive)."""
    with open(path, "rb") as handle:
        mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    return memoryview(mapped).cast(typecode)


KEPT_MODELS = 2  # unpacked copies kept (67 MB each): this one and the one before an upgrade


def _prune(kept: Path) -> None:
    """Remove all but the newest unpacked copies (an upgraded py3langid leaves the old one)."""
    others = [f for f in kept.parent.glob("py3langid-*") if f != kept and not f.is_symlink()]
    others.sort(key=_modified, reverse=True)
    for folder in others[KEPT_MODELS - 1 :]:
        shutil.rmtree(folder, ignore_errors=True)


def _modified(folder: Path) -> int:
    try:
        return folder.stat().st_mtime_ns
    except OSError:  # removed meanwhile by another run
        return 0


def clear() -> int:
    """Remove every unpacked model from the cache folder; returns how many were removed."""
    root = cache_dir() / "models"
    removed = 0
    for folder in root.glob("py3langid-*") if root.is_dir() else ():
        if folder.is_dir() and not folder.is_symlink():
            shutil.rmtree(folder, ignore_errors=True)
            removed += not folder.exists()
    return removed
