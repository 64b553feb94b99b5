"""`replylint lsp`: a Language Server over stdio for editors (pygls).

Diagnostics when a document opens and, debounced, when it changes (plain text, Markdown, HTML
and macro libraries); code actions for each finding's fix and for "disable for this line";
hover with the check's rationale and what to write instead. Config files are found from each
document's folder, as ``replylint check`` finds them. pygls is imported only by this command.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path
from pygls.workspace import TextDocument

from replylint.checks import Finding, Severity
from replylint.cli import __version__, api
from replylint.cli.fixing import EXACT_FORMATS, _encoded
from replylint.cli.inputs.targets import input_format

DEBOUNCE = 0.3  # seconds after the last change before a document is linted again
# What an editor calls each document, for documents whose name says nothing (untitled).
LANGUAGES = {"markdown": "markdown", "html": "html", "json": "json", "yaml": "yaml"}
SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
# Formats where a directive line may be inserted above a finding (not inside JSON, YAML, CSV).
DIRECTIVES = {"text": "replylint: {action}", "markdown": "<!-- replylint: {action} -->"}
DIRECTIVES["html"] = DIRECTIVES["markdown"]


@dataclass(frozen=True, slots=True)
class _Linted:
    """A document's last findings and the format it was read as."""

    fmt: str
    findings: tuple[Finding, ...]


class ReplylintServer(LanguageServer):
    """The server: pygls' LanguageServer plus the last findings and pending lints per URI."""

    def __init__(self) -> None:
        super().__init__("replylint", __version__)
        self.linted: dict[str, _Linted] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}


server = ReplylintServer()


def document_format(uri: str, language: str | None) -> str:
    """The input format of a document: by its file extension, else by the editor's language."""
    path = Path(to_fs_path(uri) or uri)
    if path.suffix:
        return input_format(path, None)
    return LANGUAGES.get(language or "", "text")


def lint_document(ls: ReplylintServer, uri: str) -> None:
    """Lint the document's current text and publish its diagnostics."""
    ls.pending.pop(uri, None)
    document = ls.workspace.get_text_document(uri)
    fmt = document_format(uri, document.language_id)
    path = Path(to_fs_path(uri) or "untitled")
    try:
        config = api._config_for(None, path, None, discover=True)
        linted = api._lint(document.source.encode("utf-8", "surrogatepass"), str(path), fmt,
                           config, path)  # fmt: skip
    except Exception as error:  # a broken config: say it once, as the CLI says it
        message = f"replylint: {error}"
        ls.window_show_message(
            types.ShowMessageParams(type=types.MessageType.Error, message=message)
        )
        return
    ls.linted[uri] = _Linted(fmt, linted.findings)
    diagnostics = [_diagnostic(document, f, fmt) for f in linted.findings]
    diagnostics += [
        types.Diagnostic(
            range=types.Range(types.Position(0, 0), types.Position(0, 0)),
            message=error.message,
            severity=types.DiagnosticSeverity.Error,
            source="replylint",
        )
        for error in linted.errors
    ]
    ls.text_document_publish_diagnostics(
        types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=document.version)
    )


def _range(document: TextDocument, finding: Finding) -> types.Range:
    """The finding's span in the editor's units (UTF-16 by default: LSP counts them)."""
    codec, lines = document.position_codec, document.lines
    start = codec.position_to_client_units(
        lines, types.Position(finding.line - 1, finding.column - 1)
    )
    end = codec.position_to_client_units(
        lines, types.Position(finding.end_line - 1, finding.end_column - 1)
    )
    return types.Range(start, end)


def _exact(lines: Sequence[str], finding: Finding) -> bool:
    """Whether the document holds the flagged text at the finding's position (see fixing)."""
    if finding.line != finding.end_line or finding.line > len(lines):
        return False
    line: str = lines[finding.line - 1]
    return line[finding.column - 1 : finding.end_column - 1] == finding.text


def _diagnostic(document: TextDocument, finding: Finding, fmt: str) -> types.Diagnostic:
    message = finding.message
    if finding.suggestion:
        message += f" → {finding.suggestion}"
    data: dict[str, Any] = {"name": finding.name}
    if finding.fix is not None and fmt in EXACT_FORMATS and _exact(document.lines, finding):
        data["fix"] = _encoded(finding.fix.replacement, fmt)
        data["safe"] = finding.fix.safe
    return types.Diagnostic(
        range=_range(document, finding),
        message=message,
        severity=SEVERITIES[finding.severity],
        code=finding.code,
        source="replylint",
        data=data,
    )


def _schedule(ls: ReplylintServer, uri: str, delay: float) -> None:
    if (handle := ls.pending.pop(uri, None)) is not None:
        handle.cancel()
    loop = asyncio.get_running_loop()
    ls.pending[uri] = loop.call_later(delay, lint_document, ls, uri)


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
async def did_open(ls: ReplylintServer, params: types.DidOpenTextDocumentParams) -> None:
    """Lint a document as soon as it opens."""
    _schedule(ls, params.text_document.uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
async def did_change(ls: ReplylintServer, params: types.DidChangeTextDocumentParams) -> None:
    """Lint again once typing pauses (DEBOUNCE)."""
    _schedule(ls, params.text_document.uri, DEBOUNCE)


CONFIG_NAMES = frozenset({".replylint.yaml", ".replylint.yml", "pyproject.toml"})


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
async def did_save(ls: ReplylintServer, params: types.DidSaveTextDocumentParams) -> None:
    """Lint a saved document at once; a saved config file relints every open document."""
    uri = params.text_document.uri
    if Path(to_fs_path(uri) or uri).name in CONFIG_NAMES:
        api.forget_configs()
        for open_uri in list(ls.linted):
            _schedule(ls, open_uri, 0)
    _schedule(ls, uri, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: ReplylintServer, params: types.DidCloseTextDocumentParams) -> None:
    """Forget a closed document and clear its diagnostics."""
    uri = params.text_document.uri
    if (handle := ls.pending.pop(uri, None)) is not None:
        handle.cancel()
    ls.linted.pop(uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
)
def code_action(ls: ReplylintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    """The fix of each replylint diagnostic in range, and 'disable for this line'."""
    uri = params.text_document.uri
    linted = ls.linted.get(uri)
    actions: list[types.CodeAction] = []
    for diagnostic in params.context.diagnostics:
        if diagnostic.source != "replylint" or not isinstance(diagnostic.data, dict):
            continue
        data = diagnostic.data
        if "fix" in data:
            shown = data["fix"] or "nothing"
            kind = "" if data.get("safe") else " (unsafe: check the wording)"
            actions.append(
                types.CodeAction(
                    title=f"Replace with '{shown}' ({diagnostic.code}){kind}",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    is_preferred=bool(data.get("safe")),
                    edit=_edit(uri, diagnostic.range, str(data["fix"])),
                )
            )
        if linted is not None and linted.fmt in DIRECTIVES:
            actions.append(_disable_action(ls, uri, diagnostic, linted.fmt, str(data["name"])))
    return actions


def _edit(uri: str, where: types.Range, text: str) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={uri: [types.TextEdit(range=where, new_text=text)]})


def _disable_action(
    ls: ReplylintServer, uri: str, diagnostic: types.Diagnostic, fmt: str, name: str
) -> types.CodeAction:
    """A directive line above the finding's line, with a reason for the reader to fill in."""
    document = ls.workspace.get_text_document(uri)
    line_number = diagnostic.range.start.line
    line = document.lines[line_number] if line_number < len(document.lines) else ""
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    ending = "\r\n" if line.endswith("\r\n") else "\n"
    action = f'disable-next-line={name} reason="why this wording is right here"'
    directive = indent + DIRECTIVES[fmt].format(action=action) + ending
    at = types.Position(line_number, 0)
    return types.CodeAction(
        title=f"Disable {name} for this line (with a reason)",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=_edit(uri, types.Range(at, at), directive),
    )


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: ReplylintServer, params: types.HoverParams) -> types.Hover | None:
    """The check's rationale and the rewrite, for the findings under the cursor."""
    linted = ls.linted.get(params.text_document.uri)
    if linted is None:
        return None
    document = ls.workspace.get_text_document(params.text_document.uri)
    here = document.position_codec.position_from_client_units(document.lines, params.position)
    line, column = here.line + 1, here.character + 1
    under = [
        f
        for f in linted.findings
        if (f.line, f.column) <= (line, column) <= (f.end_line, f.end_column)
    ]
    if not under:
        return None
    registry = api.registry()
    parts = []
    for finding in under:
        check = registry.find(finding.code)
        lines = [f"**{finding.code} {finding.name}** ({finding.severity}): {finding.message}"]
        if check is not None:
            lines.append(f"Why: {check.rationale} ({check.guidance})")
        if finding.suggestion:
            lines.append(f"Write instead: {finding.suggestion}")
        if finding.fix is not None:
            safety = "safe" if finding.fix.safe else "unsafe: check the wording"
            lines.append(f"Fix ({safety}): '{finding.fix.replacement}'")
        parts.append("\n\n".join(lines))
    return types.Hover(
        contents=types.MarkupContent(
            kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)
        )
    )


def serve() -> None:
    """Run the server on standard input and output until the editor ends it."""
    server.start_io()
