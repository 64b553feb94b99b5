"""Choosing and applying fixes: which findings' rewrites go in, and the text they give.

Pure functions over findings and text (no files): the command line maps the chosen spans into
the file, the Python API and the editor server apply them to text they hold.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from replylint.checks.model import Finding

Edit = tuple[int, int, str]  # [start, end) of a text and what replaces it


def chosen_fixes(findings: Iterable[Finding], unsafe: bool = False) -> list[Finding]:
    """The findings whose fix is applied: safe ones (and unsafe with ``unsafe``), no overlaps.

    Overlaps are resolved the same way every time: by position, then the longer span, then
    the check code; a fix that overlaps one already chosen waits for the next pass (the file is
    linted again after each pass, so it is only applied if it still applies).
    """
    fixable = [f for f in findings if f.fix is not None and (f.fix.safe or unsafe)]
    fixable.sort(key=lambda f: (f.start, -(f.end - f.start), f.code, f.fix))
    chosen: list[Finding] = []
    reach = -1
    for finding in fixable:
        if finding.start < reach or (chosen and finding.start == chosen[-1].start):
            continue
        chosen.append(finding)
        reach = finding.end
    return chosen


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """``text`` with each non-overlapping edit applied (edits in any order)."""
    pieces: list[str] = []
    position = 0
    for start, end, replacement in sorted(edits):
        if start < position:
            raise ValueError(f"overlapping edits at {start}")
        pieces.append(text[position:start])
        pieces.append(replacement)
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def fix_text(text: str, findings: Iterable[Finding], unsafe: bool = False) -> tuple[str, int]:
    """``text`` with the chosen fixes of its findings applied, and how many were applied."""
    chosen = chosen_fixes(findings, unsafe)
    edits = [(f.start, f.end, f.fix.replacement) for f in chosen if f.fix is not None]
    return apply_edits(text, edits), len(edits)
