"""The HTML report: one self-contained page for auditing a reply library (issue 18).

Inline CSS, inline SVG charts (charts.py) and a small inline script that sorts and filters the
table (page.py, with the escaping and the Content-Security-Policy); no request leaves the page.
Everything taken from replies, file names and config is escaped; the page reads without the
script, by keyboard, and reflows to one column at 200% zoom.
"""

from __future__ import annotations

import itertools
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
from replylint.cli.formats.charts import bar_chart, column_chart, numbers_table
from replylint.cli.formats.page import CSP, HEAD, SCRIPT_ELEMENT, STYLE_ELEMENT, esc, esc_text
from replylint.cli.inputs.targets import InputError
from replylint.cli.report import Report, language_label, reply_label

TEXTS_BUDGET = 6_000_000  # characters of reply texts rendered; the rest are table rows only
MASK_NAMES = {"signature": "signature", "quote": "quoted history", "url": "link"}


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
    names = {check.split(" ", 1)[0]: check for check in audit.by_check}  # code -> "code name"
    options = "".join(f'<option value="{esc(c)}">{esc(names.get(c, c))}</option>' for c in checks)
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
    language = esc(language_label(result))
    facts = f"{esc(result.kind)} · {language}{result.words} words · score {_number(score)}"
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
    items += [f"<li>{esc(line)}</li>" for line in report.service_error_lines()]
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
        table = numbers_table(["Code", "Check", "Severity", "Options changed"], rows)
        table = table.replace("<summary>The numbers</summary>", "<summary>Active checks</summary>")
        parts.append(f"<h3>{esc(source)}</h3><p>{esc('; '.join(facts))}</p>{table}")
    return _section(
        "configuration", "Configuration", "What produced this report.", "".join(parts) + "\n"
    )
