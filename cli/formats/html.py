"""The HTML report: one self-contained page for auditing a reply library (issue 18).

Inline CSS, inline SVG charts and a small inline script (sorting and filtering the table); no
request leaves the page, which its Content-Security-Policy also forbids: only this stylesheet
and this script, by hash, may apply, so text that escaping somehow missed still could not run.
Everything taken from replies, file names and config is escaped; the page reads without
the script, by keyboard, and reflows to one column at 200% zoom.
"""

from __future__ import annotations

import base64
import hashlib
import html
import itertools
import re
from collections.abc import Iterable, Sequence
from typing import IO, Any

from replylint.checks import Finding, Reply, ReplyResult
from replylint.cli.formats.audit import (
    HISTOGRAM_BINS,
    SEVERITIES,
    Audit,
    known_findings,
    shown_score,
    verdict_text,
)
from replylint.cli.formats.base import tool_version
from replylint.cli.formats.visible import visible
from replylint.cli.inputs.targets import InputError
from replylint.cli.report import Report, reply_label

PART_ORDER = (*SEVERITIES, "new", "known")  # how stacked bars and their legends are ordered
TEXTS_BUDGET = 6_000_000  # characters of reply texts rendered; the rest are table rows only
MASK_NAMES = {"signature": "signature", "quote": "quoted history", "url": "link"}
# Controls and BiDi overrides in reply text are shown as escapes (as visible() does), but the
# text keeps its line breaks and tabs.
_UNSAFE_IN_TEXT = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
# A reply line that reads as a CI log command ("::error::", "##[", "##vso[") would start a
# line of this file too, should it be printed to a log: its first character becomes an entity
# (the page shows the same text).
_LOG_COMMAND_START = re.compile(r"^([ \t]*)([:#])(?=[:#])", re.MULTILINE)
_ENTITIES = {":": "&#58;", "#": "&#35;"}


def _escaped_control(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def esc(value: object) -> str:
    """One line of untrusted text (a label, a message) as HTML text or attribute value."""
    return html.escape(visible(str(value)), quote=True)


def esc_text(text: str) -> str:
    """Reply text as HTML, line breaks kept."""
    escaped = html.escape(_UNSAFE_IN_TEXT.sub(_escaped_control, text), quote=True)
    return _LOG_COMMAND_START.sub(lambda m: m.group(1) + _ENTITIES[m.group(2)], escaped)


def _number(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0f}"


class HtmlFormat:
    """Collects what the page shows as replies arrive (bounded), writes the page at the end."""

    wants_replies = True  # the runner calls source() with each Reply before reply()

    def __init__(self, out: IO[str], registry: Any = None, **_: Any) -> None:
        self.out = out
        self.audit = Audit()
        self.texts: list[str] = []
        self.texts_size = 0
        self.texts_left_out = 0
        self.with_text: set[int] = set()
        self._pending: tuple[Reply, ReplyResult] | None = None

    def source(self, reply: Reply, result: ReplyResult) -> None:
        """The reply behind the next result, and its findings before the baseline filter."""
        self._pending = (reply, result)

    def reply(self, result: ReplyResult) -> None:
        pending, self._pending = self._pending, None
        full = pending[1] if pending is not None else None
        known = known_findings(full, result)
        number = self.audit.add(result, known)
        if pending is None:
            return
        if self.texts_size >= TEXTS_BUDGET:
            self.texts_left_out += 1
            return
        section = reply_section(number, result, pending[0], known)
        self.texts.append(section)
        self.texts_size += len(section)
        self.with_text.add(number)

    def input_error(self, error: InputError) -> None:
        pass  # the Report keeps them; the page lists them at the end

    def finish(self, report: Report, settings: dict[str, Any]) -> None:
        write = self.out.write
        verdict, rules = verdict_text(report, settings)
        write(HEAD.format(csp=CSP, title=esc(f"replylint report · {report.replies} replies")))
        write(STYLE_ELEMENT)
        write("</head>\n<body>\n")
        write('<a class="skip" href="#replies">Skip to the table of every reply</a>\n')
        write(_header(report, settings, verdict, rules))
        write(_contents(report))
        write("<main>\n")
        write(_charts(self.audit, report))
        write(_lowest(self.audit, self.with_text))
        write(_table(self.audit, self.with_text, report.baseline_known is not None))
        write('<section id="texts" aria-labelledby="texts-h">\n<h2 id="texts-h">Reply texts</h2>\n')
        write(
            "<p>Each reply with its findings marked where they are (the number after a mark "
            'links to the finding) and the advice beside it. <span class="masked">Dimmed '
            "text</span> is not linted: quoted history, signatures, links, code, "
            "placeholders.</p>\n"
        )
        if self.texts_left_out:
            write(
                f"<p>The texts of {self.texts_left_out} more replies are left out to keep "
                "this page small; they are in the table above.</p>\n"
            )
        for section in self.texts:
            write(section)
        write("</section>\n")
        write(_problems(report))
        write(_configuration(settings))
        write("</main>\n")
        write(SCRIPT_ELEMENT)
        write("</body>\n</html>\n")


# -- the page's parts -----------------------------------------------------------------------
def _header(report: Report, settings: dict[str, Any], verdict: str, rules: str) -> str:
    overall = shown_score(report.overall)
    counts = ", ".join(f"{report.by_severity[s]} {s}" for s in SEVERITIES)
    baseline = ""
    if report.baseline_known is not None:
        baseline = (
            f"<div><dt>Baseline</dt><dd>{report.findings} new · {report.baseline_known} "
            f"known (not reported) · {report.baseline_fixed} fixed</dd></div>"
        )
    return (
        "<header>\n<h1>replylint report</h1>\n"
        f'<p class="verdict {verdict}" id="verdict" data-verdict="{verdict}">'
        f'<span class="score" id="overall-score" data-score="{"" if overall is None else overall}">'
        f"{'n/a' if overall is None else f'{overall:.1f}'}</span> "
        f"<strong>{verdict}</strong> <span class=rules>({esc(rules)})</span></p>\n"
        '<dl class="facts">'
        f"<div><dt>Files</dt><dd>{len(report.files)}</dd></div>"
        f"<div><dt>Replies</dt><dd>{report.replies}</dd></div>"
        f"<div><dt>Findings</dt><dd>{report.findings} ({counts})</dd></div>"
        f"<div><dt>Input errors</dt><dd>{len(report.errors)}</dd></div>"
        f"<div><dt>Suppressed</dt><dd>{report.suppressed}</dd></div>{baseline}"
        f"<div><dt>replylint</dt><dd>{esc(tool_version())}</dd></div>"
        "</dl>\n</header>\n"
    )


def _contents(report: Report) -> str:
    links = [
        ("scores", "Reply scores"),
        ("by-check", "Findings per check"),
        ("by-category", "Findings per category"),
        *([("baseline", "New and known findings")] if report.baseline_known is not None else []),
        ("lowest", "Lowest-scoring replies"),
        ("replies", "Every reply"),
        ("texts", "Reply texts"),
        ("problems", "Problems"),
        ("configuration", "Configuration"),
    ]
    items = "".join(f'<li><a href="#{anchor}">{name}</a></li>' for anchor, name in links)
    return f'<nav aria-label="Contents"><ul>{items}</ul></nav>\n'


def _charts(audit: Audit, report: Report) -> str:
    width = 100 / HISTOGRAM_BINS
    bins = [
        (f"{i * width:g}-{(i + 1) * width:g}", count) for i, count in enumerate(audit.histogram)
    ]
    parts = [
        _section(
            "scores",
            "Reply scores",
            f"How many of the {audit.scored} scored replies fall in each band of 10 points.",
            column_chart("histogram", "Replies per score band", bins, "Score", "Replies"),
        ),
        _section(
            "by-check",
            "Findings per check",
            "Reported findings of each check, by severity.",
            bar_chart(
                "checks",
                "Findings per check",
                [
                    (check, {s: audit.by_check[check][s] for s in SEVERITIES})
                    for check, _ in audit.checks_by_count()
                ],
                "check",
            ),
        ),
        _section(
            "by-category",
            "Findings per category",
            "Reported findings in each category of the guidance.",
            bar_chart(
                "categories",
                "Findings per category",
                [(name, {"all": count}) for name, count in audit.categories()],
                "category",
            ),
        ),
    ]
    if report.baseline_known is not None:
        checks = sorted(
            set(audit.by_check) | set(audit.known_by_check),
            key=lambda c: (-sum(audit.by_check.get(c, {}).values()) - audit.known_by_check[c], c),
        )
        rows = [
            (c, {"new": sum(audit.by_check.get(c, {}).values()), "known": audit.known_by_check[c]})
            for c in checks
        ]
        note = (
            f"{report.findings} new findings (reported), {report.baseline_known} known to the "
            f"baseline (not reported), {report.baseline_fixed} baseline entries fixed."
        )
        parts.append(
            _section(
                "baseline",
                "New and known findings",
                note,
                bar_chart("baseline", "New and known findings per check", rows, "check"),
            )
        )
    return f'<div class="charts">{"".join(parts)}</div>\n'


def _section(anchor: str, title: str, lead: str, body: str) -> str:
    return (
        f'<section id="{anchor}" aria-labelledby="{anchor}-h">\n<h2 id="{anchor}-h">{title}</h2>\n'
        f"<p>{esc(lead)}</p>\n{body}</section>\n"
    )


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
    table = _numbers_table([x_label, y_label], [[label, str(count)] for label, count in columns])
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
        f"{_numbers_table(headers, table_rows)}</figure>\n"
    )


def _numbers_table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{esc(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    return (
        "<details><summary>The numbers</summary>"
        f'<table class="numbers"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
        "</details>"
    )


def _finding_item(finding: Finding, anchor: str | None = None) -> str:
    where = f"{finding.line}:{finding.column}"
    back = f' <a href="#{anchor}">show in text</a>' if anchor else ""
    suggestion = (
        f'<p class="suggestion"><span class="vh">Suggestion: </span>→ {esc(finding.suggestion)}</p>'
        if finding.suggestion
        else ""
    )
    return (
        f'<span class="sev {finding.severity}">{finding.severity}</span> '
        f"<code>{esc(finding.code)}</code> {esc(finding.name)} <span class=where>{where}</span>"
        f"{back}<br><q>{esc(finding.text)}</q> {esc(finding.message)}{suggestion}"
    )


def _lowest(audit: Audit, with_text: set[int]) -> str:
    items = []
    for entry in audit.lowest():
        name = esc(entry.label)
        link = f'<a href="#r{entry.number}">{name}</a>' if entry.number in with_text else name
        findings = "".join(f"<li>{_finding_item(f)}</li>" for f in entry.findings)
        items.append(
            f'<li data-reply="{name}" data-score="{shown_score(entry.score)}">'
            f'<span class="score">{_number(entry.score)}</span> {link}'
            f"{f'<ul class=findings>{findings}</ul>' if findings else ''}</li>"
        )
    body = f'<ol class="lowest">{"".join(items)}</ol>' if items else "<p>No scored replies.</p>"
    return _section(
        "lowest",
        f"The {len(items)} lowest-scoring replies",
        "Worst first, with every finding.",
        body + "\n",
    )


TABLE_COLUMNS = (
    ("Reply", "text"),
    ("Kind", "text"),
    ("Words", "number"),
    ("Score", "number"),
    ("Errors", "number"),
    ("Warnings", "number"),
    ("Infos", "number"),
    ("Known", "number"),
    ("Checks", "text"),
)


def _table(audit: Audit, with_text: set[int], baseline: bool) -> str:
    columns = [c for c in TABLE_COLUMNS if baseline or c[0] != "Known"]
    checks = sorted({code for row in audit.rows for code in row.checks})
    options = "".join(f'<option value="{esc(c)}">{esc(c)}</option>' for c in checks)
    severities = "".join(f'<option value="{s}">{s}</option>' for s in SEVERITIES)
    head = "".join(f'<th scope="col" data-type="{kind}">{name}</th>' for name, kind in columns)
    lines = []
    for row in audit.rows:
        label = esc(row.label)
        name = f'<a href="#r{row.number}">{label}</a>' if row.number in with_text else label
        severity_list = " ".join(s for s, n in zip(SEVERITIES, row.by_severity, strict=True) if n)
        score = "" if row.score is None else f"{row.score:g}"
        codes = " ".join(row.checks)
        lines.append(
            f'<tr data-file="{esc(row.path)}" data-checks="{codes}" data-sev="{severity_list}" '
            f'data-score="{score}"><td>{name}</td><td>{esc(row.kind)}</td>'
            f'<td data-v="{row.words}">{row.words}</td>'
            f'<td data-v="{score or -1}">{_number(row.score)}</td>'
            + "".join(f"<td>{n}</td>" for n in row.by_severity)
            + (f"<td>{row.known}</td>" if baseline else "")
            + f"<td>{codes}</td></tr>\n"
        )
    left_out = (
        f"<p>The table holds the first {len(audit.rows)} replies; "
        f"{audit.rows_left_out} more are counted in the charts only.</p>\n"
        if audit.rows_left_out
        else ""
    )
    return (
        '<section id="replies" aria-labelledby="replies-h">\n'
        '<h2 id="replies-h">Every reply</h2>\n'
        "<p>With the page's script: filter by file, check, severity and score, and sort by "
        "any column with its header button.</p>\n"
        '<form id="filters" class="filters" hidden role="search" aria-label="Filter replies">'
        '<label>File <input id="f-file" type="search"></label>'
        f'<label>Check <select id="f-check"><option value="">any</option>{options}</select>'
        "</label>"
        f'<label>Severity <select id="f-sev"><option value="">any</option>{severities}'
        "</select></label>"
        '<label>Score from <input id="f-min" type="number" min="0" max="100" step="any"></label>'
        '<label>to <input id="f-max" type="number" min="0" max="100" step="any"></label>'
        '<output id="f-count" aria-live="polite"></output></form>\n'
        f"{left_out}"
        '<div class="scroll" tabindex="0" role="region" aria-labelledby="replies-h">'
        f'<table id="reply-table"><thead><tr>{head}</tr></thead>\n<tbody>\n'
        f"{''.join(lines)}</tbody></table></div>\n</section>\n"
    )


def reply_section(
    number: int, result: ReplyResult, reply: Reply, known: Sequence[Finding] = ()
) -> str:
    """One reply's text with its findings marked at their spans, the findings beside it."""
    anchor = f"r{number}"
    findings = result.findings
    text = marked_text(reply.text, findings, reply.masks.spans, anchor)
    items = "".join(
        f'<li id="{anchor}-f{i}">{_finding_item(f, f"{anchor}-m{i}")}</li>'
        for i, f in enumerate(findings, 1)
    )
    known_note = (
        f'<p class="known">{len(known)} more known to the baseline: '
        + ", ".join(esc(f"{f.code} {f.text}") for f in known[:10])
        + ("…" if len(known) > 10 else "")
        + "</p>"
        if known
        else ""
    )
    advice = f"<ol class=findings>{items}</ol>" if items else "<p>No findings.</p>"
    score = result.score.overall
    facts = f"{esc(result.kind)} · {result.words} words · score {_number(score)}"
    return (
        f'<article id="{anchor}" class="reply" aria-labelledby="{anchor}-h">'
        f'<h3 id="{anchor}-h">{esc(reply_label(result))} <span class="facts">{facts}</span></h3>'
        f'<pre class="text">{text}</pre>'
        f'<div class="advice">{advice}{known_note}</div></article>\n'
    )


def marked_text(
    text: str,
    findings: Sequence[Finding],
    masks: Iterable[tuple[int, int, str]],
    anchor: str,
) -> str:
    """The text as HTML: findings in <mark> (the highest severity where they overlap), each
    followed by its number (linking to the finding, and the target of its "show in text"),
    masked regions dimmed."""
    length = len(text)
    spans = [(min(s, length), min(e, length), kind) for s, e, kind in masks if s < e]
    cuts = {0, length}
    for f in findings:
        cuts.update((min(f.start, length), min(f.end, length)))
    for start, end, _ in spans:
        cuts.update((start, end))
    ends: dict[int, list[int]] = {}  # where each finding's number goes: after its span
    for i, f in enumerate(findings, 1):
        ends.setdefault(min(max(f.end, f.start), length), []).append(i)
    order = {s: rank for rank, s in enumerate(SEVERITIES)}
    out: list[str] = []
    points = sorted(cuts)
    for a, b in itertools.pairwise(points):
        out.extend(_refs(ends.pop(a, ()), anchor))
        segment = esc_text(text[a:b])
        active = [(i, f) for i, f in enumerate(findings, 1) if f.start <= a and b <= f.end]
        masked = next((kind for s, e, kind in spans if s <= a and b <= e), None)
        if active:
            worst = min((str(f.severity) for _, f in active), key=order.__getitem__)
            segment = f'<mark class="{worst}">{segment}</mark>'
        elif masked is not None:
            name = esc(MASK_NAMES.get(masked, masked))
            segment = f'<span class="masked" title="{name}: not linted">{segment}</span>'
        out.append(segment)
    for position in sorted(ends):  # what is left ends with the text
        out.extend(_refs(ends[position], anchor))
    return "".join(out)


def _refs(numbers: Iterable[int], anchor: str) -> list[str]:
    return [
        f'<a class="ref" id="{anchor}-m{n}" href="#{anchor}-f{n}" aria-label="finding {n}">{n}</a>'
        for n in numbers
    ]


def _problems(report: Report) -> str:
    items = [f"<li>{esc(e.path)}: {esc(e.message)}</li>" for e in report.errors[:1000]]
    items += [f"<li>{esc(failure)}</li>" for failure in report.failures[:1000]]
    items += [
        f"<li>{esc(reason)} ({esc(', '.join(checks))})</li>"
        for reason, checks in sorted(report.notices.items())
    ]
    body = (
        f"<ul>{''.join(items)}</ul>" if items else "<p>None: every input was read and linted.</p>"
    )
    return _section(
        "problems", "Problems", "Input errors, checks that failed and checks skipped.", body + "\n"
    )


def _configuration(settings: dict[str, Any]) -> str:
    parts = [
        f"<p>replylint {esc(tool_version())}; fail-on {esc(settings['fail_on'])}; fail-under "
        f"{esc(settings['fail_under'] if settings['fail_under'] is not None else 'none')}.</p>"
    ]
    for config in settings.get("configs", ()):
        source = config.source or "built-in defaults (no config file)"
        facts = [
            f"kind {config.kind or 'auto'}",
            f"fail-on {config.fail_on}",
            f"fail-under {config.fail_under if config.fail_under is not None else 'none'}",
        ]
        if config.select:
            facts.append("select " + ", ".join(config.select))
        if config.ignore:
            facts.append("ignore " + ", ".join(config.ignore))
        if config.pedantic:
            facts.append("pedantic")
        rows = []
        for active in config.plan_for(None).checks:
            check = active.check
            defaults = check.defaults()
            changed = {k: v for k, v in active.options.items() if defaults.get(k) != v}
            options = "; ".join(f"{k}: {v!r}"[:200] for k, v in sorted(changed.items()))
            rows.append([check.code, check.name, str(active.severity), options])
        table = _numbers_table(["Code", "Check", "Severity", "Options changed"], rows)
        table = table.replace("<summary>The numbers</summary>", "<summary>Active checks</summary>")
        parts.append(f"<h3>{esc(source)}</h3><p>{esc('; '.join(facts))}</p>{table}")
    return _section(
        "configuration", "Configuration", "What produced this report.", "".join(parts) + "\n"
    )


# -- the page's frame -------------------------------------------------------------------------
STYLE = """
:root{--ink:#1b1b1f;--muted:#555;--line:#c9c9d1;--paper:#fff;--error:#a4001d;--error-bg:#fde4e8;
--warning:#7a4b00;--warning-bg:#fff0c2;--info:#0b4f8a;--info-bg:#e2eefb;--accent:#2d4fa3}
*{box-sizing:border-box}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);
background:var(--paper)}
header,nav,main{max-width:80rem;margin:0 auto;padding:0 1rem}
h1{margin:.5em 0 .2em}h2{margin-top:2em;border-bottom:1px solid var(--line)}
h3{font-size:1.05rem;margin:.2em 0;overflow-wrap:anywhere}
a{color:var(--accent)}a:focus-visible,button:focus-visible,summary:focus-visible,
input:focus-visible,select:focus-visible,.scroll:focus-visible{outline:3px solid #f5a623;
outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5em;
z-index:2}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.verdict{font-size:1.3rem;margin:.2em 0}.verdict .score{font-size:2.4rem;font-weight:700}
.verdict.passed strong{color:#146c2e}
.verdict.failed strong,.verdict.error strong{color:var(--error)}
.rules{color:var(--muted);font-size:1rem}
.facts{display:flex;flex-wrap:wrap;gap:.4rem 1.5rem;margin:.5em 0}.facts dt{font-weight:600}
.facts dd{margin:0}
nav ul{display:flex;flex-wrap:wrap;gap:.3rem 1rem;padding:0;list-style:none}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,28rem),1fr));
gap:0 2rem}.chart{margin:0}.chart svg{width:100%;max-width:48rem;height:auto;display:block}
svg text{font:12px system-ui,sans-serif;fill:var(--ink)}svg .axis,svg .count{text-anchor:middle}
svg .bar .label{text-anchor:end}svg .bar .count{text-anchor:start}
.fill,.part.all{fill:var(--accent)}.part.error,.swatch.error{fill:var(--error);background:var(--error)}
.part.warning,.swatch.warning{fill:#d08c00;background:#d08c00}
.part.info,.swatch.info{fill:var(--info);background:var(--info)}
.part.new,.swatch.new{fill:var(--error);background:var(--error)}
.part.known,.swatch.known{fill:#9a9aa6;background:#9a9aa6}
.legend{display:flex;gap:1rem;list-style:none;padding:0}
.swatch{display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:middle}
table{border-collapse:collapse}th,td{border:1px solid var(--line);padding:.2em .5em;
text-align:left;vertical-align:top}td{overflow-wrap:anywhere}
.scroll{overflow:auto;max-height:70vh}
#reply-table{width:100%}#reply-table td:first-child{min-width:14rem}
#reply-table thead th{position:sticky;top:0;background:#eef0f6}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;
color:inherit}th[aria-sort=ascending] button::after{content:" \\25B2"}
th[aria-sort=descending] button::after{content:" \\25BC"}
.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;margin:.5em 0}
.filters label{display:flex;flex-direction:column;font-size:.9rem}
.filters input,.filters select{font:inherit;padding:.2em}
.lowest>li{margin-bottom:.6em}.lowest .score{font-weight:700;margin-right:.3em}
.findings{padding-left:1.4em}.findings li{margin-bottom:.5em}
.sev{font-weight:700}.sev.error{color:var(--error)}.sev.warning{color:var(--warning)}
.sev.info{color:var(--info)}.where{color:var(--muted)}
.suggestion{margin:.1em 0;color:#14532d}
.reply{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:0 1.5rem;
border-top:1px solid var(--line);padding:.8em 0}
.reply h3{grid-column:1/-1}.reply .facts{font-weight:400;color:var(--muted);display:inline}
@media (max-width:60rem){.reply{grid-template-columns:minmax(0,1fr)}}
pre.text{white-space:pre-wrap;overflow-wrap:anywhere;font:.95rem/1.55 ui-monospace,
"SFMono-Regular",Menlo,Consolas,monospace;background:#f7f7fa;padding:.6em;margin:0}
mark{background:none;color:inherit;border-bottom:3px solid}
mark.error{background:var(--error-bg);border-color:var(--error)}
mark.warning{background:var(--warning-bg);border-color:#d08c00}
mark.info{background:var(--info-bg);border-color:var(--info)}
.ref{font-size:.75em;vertical-align:super;margin:0 .1em}
.masked{color:#77777f;background:#ececf1}
.known{color:var(--muted)}
@media print{.scroll{max-height:none}.filters{display:none}}
"""

SCRIPT = """
(function () {
  var table = document.getElementById('reply-table');
  if (!table) { return; }
  var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var form = document.getElementById('filters');
  function field(id) { return document.getElementById(id); }
  function has(list, word) { return (' ' + list + ' ').indexOf(' ' + word + ' ') >= 0; }
  function apply() {
    var file = field('f-file').value.toLowerCase(), check = field('f-check').value;
    var sev = field('f-sev').value, low = parseFloat(field('f-min').value);
    var high = parseFloat(field('f-max').value), shown = 0;
    rows.forEach(function (row) {
      var d = row.dataset, score = d.score === '' ? NaN : parseFloat(d.score);
      var ok = (!file || d.file.toLowerCase().indexOf(file) >= 0) &&
        (!check || has(d.checks, check)) && (!sev || has(d.sev, sev)) &&
        (isNaN(low) || score >= low) && (isNaN(high) || score <= high);
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    field('f-count').textContent = shown + ' of ' + rows.length + ' replies shown';
  }
  function value(row, index) {
    var cell = row.cells[index];
    return cell.hasAttribute('data-v') ? cell.getAttribute('data-v') : cell.textContent;
  }
  heads.forEach(function (head, index) {
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = head.textContent;
    head.textContent = '';
    head.appendChild(button);
    button.addEventListener('click', function () {
      var ascending = head.getAttribute('aria-sort') !== 'ascending';
      var numeric = head.getAttribute('data-type') === 'number';
      heads.forEach(function (other) { other.removeAttribute('aria-sort'); });
      head.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      rows.sort(function (a, b) {
        var x = value(a, index), y = value(b, index);
        var order = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
  ['f-file', 'f-check', 'f-sev', 'f-min', 'f-max'].forEach(function (id) {
    field(id).addEventListener('input', apply);
  });
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  form.hidden = false;
  apply();
  document.documentElement.setAttribute('data-script', 'ran');
})();
"""


def _digest(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()


# Only this stylesheet and this script may apply (by hash), nothing may be fetched.
CSP = (
    f"default-src 'none'; style-src '{_digest(STYLE)}'; script-src '{_digest(SCRIPT)}'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)
STYLE_ELEMENT = f"<style>{STYLE}</style>\n"
SCRIPT_ELEMENT = f"<script>{SCRIPT}</script>\n"
HEAD = (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
    '<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
    '<meta name="referrer" content="no-referrer">\n'
    '<meta name="generator" content="replylint">\n'
    "<title>{title}</title>\n"
)
