"""py3langid's model, kept unpacked in replylint's cache folder and mapped, not read.

py3langid ships its model (142 languages) as one LZMA-compressed npz of 4.5 MB; unpacking it
takes about 0.6 s of CPU, and each worker process that meets a reply the English test lets
through paid it again (a folder of English replies with one German macro: twice, on two CPUs,
a third of the run). The unpacked arrays are stored once, as raw files beside a small JSON
index, and later runs map them: the pages a classification touches are read, the rest of the
67 MB never is, and workers share them through the page cache.

The first ``PURE_CALLS`` classifications of a process are scored here in plain Python over the
mapped files (``_Pure``): py3langid imports numpy at module level, and that import was almost
all of what naming one reply cost (measured: ~165 ms of CPU before, ~27 ms after; a one-file
run's peak memory 17 MB less). A process that names more replies than that switches to
py3langid's own scorer over the same mapping.

The stored files are plain numbers (no pickle: ``allow_pickle=False``), written to a temporary
folder and renamed into place, and checked against the index's lengths when mapped; the newest
two copies are kept. Anything
unexpected (another py3langid release, a missing numpy, a short file, a read-only cache, a
.npy header this module does not read) falls back to py3langid's own loader: this module only
ever costs or saves time, never changes a verdict.
"""

from __future__ import annotations

import ast
import contextlib
import json
import math
import mmap
import os
import re
import shutil
import struct
import sys
import unicodedata
from collections.abc import Callable
from importlib import import_module
from importlib.util import find_spec
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
# py3langid's langid.MODEL_FILE, inside its package folder: found with find_spec, since
# importing py3langid (even its __init__) imports numpy.
MODEL_FILE = "data/model.npz.xz"
# Classifications a process scores in plain Python before it imports numpy and hands over to
# py3langid's scorer, and the longest text it scores so. Measured (CPU, this machine): numpy,
# py3langid and its first call over the mapping cost ~140 ms more than the pure first call; a
# pure call costs ~9 us a distinct n-gram, ~1 ms on a 160-character Latvian reply, ~2.8 ms on
# 500 and ~9.5 ms on 2,000 (py3langid's: 0.13, 0.35, 1.2 ms). So a run naming up to 16 replies
# never imports numpy, and one naming thousands pays at most 16 x ~9.5 ms, about what the
# import costs, before it switches: about twice the numpy path's cost at worst.
PURE_CALLS = 16
PURE_MAX_CHARS = 2000
# py3langid's RAW_FLOOR, float32's lowest finite number: the score of featureless text and of
# a masked alias column.
RAW_FLOOR = -3.4028234663852886e38


def classifier() -> Classify:
    """A classifier with py3langid's verdicts: its ``classify`` over the model mapped from the
    cache (made on first use), scored in plain Python for the first ``PURE_CALLS`` calls (see
    ``_Pure`` for what that guarantees). Only the verdict, ``[0]``, is read by replylint."""
    pure = None
    found = _folder()
    if found is not None and (found[1] / INDEX).is_file():
        try:
            pure = _Pure.mapped(found[1])
        except Exception:  # any surprise: py3langid's scorer from the first call
            pure = None
    if pure is None:
        return _numpy_classifier(found)
    return _switching(pure.classify, PURE_CALLS, lambda: _numpy_classifier(found, pure))


def _switching(pure: Classify, calls: int, numpy: Callable[[], Classify]) -> Classify:
    """``pure`` for the first ``calls`` calls on texts of up to ``PURE_MAX_CHARS``, py3langid's
    classifier from the first call past either. Unlocked: threads racing on the count only
    move the switch by a call, and both scorers are read-only."""
    left = calls
    later: Classify | None = None

    def classify(text: str) -> tuple[str, float]:
        nonlocal left, later
        if later is None:
            if left > 0 and len(text) <= PURE_MAX_CHARS:
                left -= 1
                return pure(text)
            try:
                later = numpy()
            except Exception:  # numpy unusable after all: the pure verdicts are as good
                later = pure
        return later(text)

    return classify


def _numpy_classifier(
    found: tuple[Path, Path] | None = None, pure: _Pure | None = None
) -> Classify:
    """py3langid's ``classify``, its model mapped from the cache (made on first use);
    ``found``: ``_folder()`` when the caller has it (hashing the packed model costs ~13 ms);
    ``pure``: the pure scorer whose mappings it takes over (mapped twice, a process held the
    pages it had read of each file twice: some 50 MB more after the switch, measured)."""
    langid = import_module("py3langid.langid")
    try:
        if pure is not None:
            return _over(langid, pure).classify  # type: ignore[no-any-return]
        identifier = _mapped(langid, found or _folder())
    except Exception:  # any surprise: py3langid as it comes, 0.6 s slower
        identifier = None
    if identifier is None:
        return langid.classify  # type: ignore[no-any-return]
    return identifier.classify  # type: ignore[no-any-return]


def _folder() -> tuple[Path, Path] | None:
    """The packed model and the folder its unpacked copy lives in, named by py3langid's
    release, a hash of the packed file (every virtual environment installing the same model
    shares one copy) and this machine's byte order. Found without importing py3langid."""
    import hashlib

    spec = find_spec("py3langid")
    if spec is None or not spec.submodule_search_locations:
        return None
    package = Path(next(iter(spec.submodule_search_locations)))
    packed = package / MODEL_FILE
    try:
        digest = hashlib.blake2b(packed.read_bytes(), digest_size=12).hexdigest()
    except OSError:
        return None
    version = _version(package)
    return packed, cache_dir() / "models" / f"py3langid-{version}-{digest}-{sys.byteorder}"


def _version(package: Path) -> str:
    """py3langid's ``__version__``, read from its ``__init__.py`` (importlib.metadata would
    cost ~40 ms of CPU to import, measured)."""
    try:
        source = (package / "__init__.py").read_text(encoding="utf-8")
    except (OSError, ValueError):
        return "unknown"
    found = re.search(r"""^__version__\s*=\s*['"]([^'"]+)['"]""", source, re.MULTILINE)
    return found.group(1) if found else "unknown"


def _mapped(langid: Any, found: tuple[Path, Path] | None) -> Any:
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
    classes = index["classes"]
    pc = np.asarray(index["pc"], dtype=np.float32)
    if ptc.shape != (ptc.shape[0], len(classes)) or not _fits(index, raw, ptc.shape[0]):
        return None
    return langid.LanguageIdentifier(
        ptc, pc, classes, raw["nextmove"], raw["output"], tk_row=raw["row"]
    )


def _over(langid: Any, pure: _Pure) -> Any:
    """py3langid's identifier over the pure scorer's mappings (checked when it mapped them)."""
    import numpy as np

    columns = len(pure.classes)
    ptc = np.frombuffer(
        pure.ptc, dtype="<f2", count=pure.features * columns, offset=pure.start
    ).reshape(pure.features, columns)
    pc = np.asarray(pure.pc, dtype=np.float32)
    raw = pure.raw
    return langid.LanguageIdentifier(
        ptc, pc, list(pure.classes), raw["nextmove"], raw["output"], tk_row=raw["row"]
    )


def _fits(index: dict[str, Any], raw: dict[str, memoryview], features: int) -> bool:
    """Whether the mapped DFA and the index agree with each other and with a ptc of
    ``features`` rows: a short or foreign file would index out of range mid-reply, so it is
    refused here instead."""
    nextmove, row, output = raw["nextmove"], raw["row"], raw["output"]
    return not (
        any(len(raw[name]) != length for name, length in index["lengths"].items())
        or len(nextmove) < (max(row, default=0) + 1) * 256
        or len(output) != len(row)
        or len(index["pc"]) != len(index["classes"])
        or max(output, default=-1) >= features
    )


class _Pure:
    """py3langid's ``classify`` (raw scores, no ``norm_probs``, all languages) in plain
    Python over the mapped model: no numpy.

    The text is encoded as py3langid does (an all-capitals text lowered, NFC, UTF-8 with lone
    surrogates passed through), its byte n-grams counted by the same DFA walk, and each
    language scored as pc[lang] + sum over features f of log1p(count_f) * ptc[f, lang]; alias
    columns (two classes with one label) keep the higher score and the dupe is masked, and the
    first maximum wins, as numpy's argmax. Featureless text scores RAW_FLOOR everywhere, so it
    is named by the first class, as py3langid names it.

    Guaranteed: the same DFA, features, counts and weights. Not guaranteed: the same numbers.
    py3langid accumulates in float32, this in float64, so the scores differ in the last float32
    digits (the score returned is this float64 one, not py3langid's), and two languages whose
    scores are within that rounding could swap. Over the 1,697 corpus replies and the test
    fixtures the verdicts agree on every text (tests/test_detector_model.py; the commit message
    has the margins)."""

    def __init__(
        self,
        classes: list[str],
        pc: list[float],
        raw: dict[str, memoryview],
        ptc: mmap.mmap,
        start: int,
        features: int,
    ) -> None:
        self.classes = classes
        self.pc = pc
        self.nextmove, self.row, self.output = raw["nextmove"], raw["row"], raw["output"]
        self.ptc = ptc  # kept: the mapping lives as long as this scorer
        self.start = start
        self.features = features
        self.raw = raw
        self.stride = 2 * len(classes)  # bytes of one feature's row of float16
        self.unpack_row = struct.Struct(f"<{len(classes)}e").unpack_from
        first: dict[str, int] = {}
        self.alias_pairs: list[tuple[int, int]] = []
        for i, label in enumerate(classes):
            if label in first:
                self.alias_pairs.append((first[label], i))
            else:
                first[label] = i

    @classmethod
    def mapped(cls, folder: Path) -> _Pure | None:
        """The scorer over ``folder``'s files, None when they are not what it reads."""
        index = json.loads((folder / INDEX).read_text(encoding="utf-8"))
        classes = [str(c) for c in index["classes"]]
        pc = [float(x) for x in index["pc"]]
        raw = {name: _mapped_numbers(folder / file, code) for name, (file, _, code) in RAW.items()}
        found = _npy_float16(folder / PTC, len(classes))
        if found is None:
            return None
        ptc, start, features = found
        if not _fits(index, raw, features):
            return None
        return cls(classes, pc, raw, ptc, start, features)

    def classify(self, text: str) -> tuple[str, float]:
        if text.isupper():
            text = text.lower()
        data = unicodedata.normalize("NFC", text).encode("utf-8", errors="surrogatepass")
        counts = self._visits(data)
        scores = self._scores(counts) if counts else [RAW_FLOOR] * len(self.classes)
        for i, j in self.alias_pairs:
            scores[i] = max(scores[i], scores[j])
            scores[j] = RAW_FLOOR
        best = max(range(len(scores)), key=scores.__getitem__)  # the first of equal maxima
        return self.classes[best], scores[best]

    def _visits(self, data: bytes) -> dict[int, int]:
        """Each feature the DFA reaches in ``data``, with how many times."""
        nextmove, row, output = self.nextmove, self.row, self.output
        counts: dict[int, int] = {}
        state = 0
        for byte in data:
            state = nextmove[(row[state] << 8) + byte]
            feature = output[state]
            if feature >= 0:
                counts[feature] = counts.get(feature, 0) + 1
        return counts

    def _scores(self, counts: dict[int, int]) -> list[float]:
        # Features that occur equally often share a weight: their rows are summed column by
        # column first (zip and sum run in C), then weighted once.
        by_count: dict[int, list[int]] = {}
        for feature, count in counts.items():
            by_count.setdefault(count, []).append(feature)
        scores = self.pc
        ptc, start, stride, unpack_row = self.ptc, self.start, self.stride, self.unpack_row
        for count, features in by_count.items():
            weight = math.log1p(count)
            rows = [unpack_row(ptc, start + f * stride) for f in features]
            scores = [
                s + weight * column
                for s, column in zip(scores, map(sum, zip(*rows, strict=True)), strict=True)
            ]
        return list(scores)


def _npy_float16(path: Path, columns: int) -> tuple[mmap.mmap, int, int] | None:
    """``path`` mapped, with where its data starts and its number of rows, when it is the .npy
    of a C-ordered little-endian float16 matrix of ``columns`` columns and holds all of it;
    else None. The header is read as numpy writes it (format versions 1 to 3)."""
    mapped = _mapped_file(path)
    if mapped[:6] != b"\x93NUMPY" or len(mapped) < 12:
        return None
    major = mapped[6]
    if major == 1:
        (length,), start = struct.unpack_from("<H", mapped, 8), 10
    elif major in (2, 3):
        (length,), start = struct.unpack_from("<I", mapped, 8), 12
    else:
        return None
    try:
        header = mapped[start : start + length].decode("utf-8" if major == 3 else "latin-1")
        meta = ast.literal_eval(header)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return None
    little = ("<f2", "|f2", "=f2") if sys.byteorder == "little" else ("<f2",)
    if not isinstance(meta, dict) or set(meta) != {"descr", "fortran_order", "shape"}:
        return None
    shape = meta["shape"]
    if (
        meta["descr"] not in little
        or meta["fortran_order"] is not False
        or not isinstance(shape, tuple)
        or len(shape) != 2
        or not all(type(n) is int for n in shape)
        or shape[1] != columns
        or len(mapped) < start + length + shape[0] * columns * 2
    ):
        return None
    return mapped, start + length, shape[0]


def _mapped_numbers(path: Path, typecode: Literal["I", "i"]) -> memoryview:
    """The file's numbers, mapped read-only (the view keeps the mapping alive)."""
    return memoryview(_mapped_file(path)).cast(typecode)


def _mapped_file(path: Path) -> mmap.mmap:
    """``path`` mapped read-only, advised for random access: a classification reads a few
    hundred scattered rows, so read-ahead from disk would only fetch pages never read. (What
    a process maps of a file the page cache holds is another matter: a freshly written copy
    sits in large folios, and one text then showed some 25 MB of the DFA and 12 MB of the
    weights resident in /proc/self/smaps, advice or not; those pages are shared, one copy for
    every process.)"""
    with open(path, "rb") as handle:
        mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    with contextlib.suppress(AttributeError, OSError):  # madvise: not on every platform
        mapped.madvise(mmap.MADV_RANDOM)
    return mapped


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
