"""The HTML report's frame: escaping, the stylesheet, the script and the page's policy.

The Content-Security-Policy lets only this stylesheet and this script apply (by hash) and
allows no request, so text that escaping somehow missed still could not run or fetch anything.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re

from replylint.cli.formats.visible import visible

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
