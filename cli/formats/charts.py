"""Inline SVG charts for the HTML report: columns (the score histogram) and stacked bars.

Every chart names what it counts in data attributes (``data-bin``, ``data-check``,
``data-category``, ``data-count``), which the tests compare with the JSON report, and carries
its numbers in a table below it for readers who cannot see it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from replylint.cli.formats.audit import SEVERITIES
from replylint.cli.formats.page import esc

PART_ORDER = (*SEVERITIES, "new", "known")  # how stacked bars and their legends are ordered


def column_chart(
    name: str, title: str, columns: Sequence[tuple[str, int]], x_label: str, y_label: str
) -> str:
    """Vertical bars (the histogram) as inline SVG, with its numbers in a table below."""
    top = max((count for _, count in columns), default=0) or 1
    step, height, base = 56, 160, 190
    shapes = []
    for i, (label, count) in enumerate(columns):
        bar = round(height * count / top, 1)
        x = 40 + i * step
        shapes.append(
            f'<g class="column" data-bin="{esc(label)}" data-count="{count}">'
            f'<rect class="fill" x="{x}" y="{base - bar}" width="{step - 10}" height="{bar}"/>'
            f'<text class="count" x="{x + (step - 10) / 2}" y="{base - bar - 4}">{count}</text>'
            f'<text class="axis" x="{x + (step - 10) / 2}" y="{base + 16}">{esc(label)}</text></g>'
        )
    svg_width = 40 + len(columns) * step
    table = numbers_table([x_label, y_label], [[label, str(count)] for label, count in columns])
    return (
        f'<figure class="chart"><svg id="{name}-chart" viewBox="0 0 {svg_width} 220" role="img" '
        f'aria-labelledby="{name}-title" data-chart="{name}"><title id="{name}-title">{title}'
        f"</title>{''.join(shapes)}</svg>{table}</figure>\n"
    )


def bar_chart(name: str, title: str, rows: Sequence[tuple[str, dict[str, int]]], key: str) -> str:
    """Horizontal bars, one per row, stacked by part (severity, new/known), as inline SVG."""
    if not rows:
        return "<p>No findings.</p>\n"
    top = max(sum(parts.values()) for _, parts in rows) or 1
    label_width, bar_width, step = 260, 250, 24
    shapes = []
    for i, (label, parts) in enumerate(rows):
        y = 8 + i * step
        total = sum(parts.values())
        x = float(label_width)
        rects = []
        for part, count in parts.items():
            if not count:
                continue
            width = round(bar_width * count / top, 1)
            rects.append(
                f'<rect class="part {esc(part)}" data-part="{esc(part)}" data-count="{count}" '
                f'x="{x}" y="{y}" width="{width}" height="{step - 6}"/>'
            )
            x += width
        shapes.append(
            f'<g class="bar" data-{key}="{esc(label)}" data-count="{total}">'
            f'<text class="label" x="{label_width - 6}" y="{y + step - 11}">{esc(label)}</text>'
            f"{''.join(rects)}"
            f'<text class="count" x="{x + 4}" y="{y + step - 11}">{total}</text></g>'
        )
    used = {part for _, parts in rows for part, count in parts.items() if count}
    legend = [part for part in PART_ORDER if part in used]
    keys = "".join(f'<li><span class="swatch {esc(p)}"></span>{esc(p)}</li>' for p in legend)
    height = 16 + len(rows) * step
    headers = [key.capitalize(), *(legend or ["findings"]), *(["total"] if legend else [])]
    table_rows = [
        [label, *(str(parts.get(p, 0)) for p in legend or ["all"])]
        + ([str(sum(parts.values()))] if legend else [])
        for label, parts in rows
    ]
    return (
        f'<figure class="chart"><svg id="{name}-chart" viewBox="0 0 {label_width + bar_width + 50} '
        f'{height}" role="img" aria-labelledby="{name}-title" data-chart="{name}">'
        f'<title id="{name}-title">{title}</title>{"".join(shapes)}</svg>'
        f"{f'<ul class=legend>{keys}</ul>' if keys else ''}"
        f"{numbers_table(headers, table_rows)}</figure>\n"
    )


def numbers_table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A chart's numbers as a table, collapsed under "The numbers"."""
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{esc(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    return (
        "<details><summary>The numbers</summary>"
        f'<table class="numbers"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
        "</details>"
    )
