"""`replylint lsp` in a real session: pygls' client starts the server over stdio."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

types = pytest.importorskip("lsprotocol.types")
client_module = pytest.importorskip("pygls.lsp.client")

TEXT = (
    "Hi Anna,\n\nKindly send the form prior to Friday. 😀 Please utilize the portal!!\n\n"
    "Best,\nTom\n"
)


class Session:
    """A client talking to ``python -m replylint.cli lsp``, collecting published diagnostics."""

    def __init__(self) -> None:
        self.client = client_module.LanguageClient("replylint-test", "1")
        self.published: dict[str, list[Any]] = {}
        self.arrived = asyncio.Event()

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def collect(params: Any) -> None:
            self.published[params.uri] = params.diagnostics
            self.arrived.set()

    async def diagnostics(self, uri: str, until: Callable[[list[Any]], bool]) -> list[Any]:
        while not (uri in self.published and until(self.published[uri])):
            self.arrived.clear()
            await asyncio.wait_for(self.arrived.wait(), timeout=30)
        return self.published[uri]


def _apply(text: str, edits: list[Any]) -> str:
    """Apply LSP text edits (UTF-16 positions) to ``text``."""
    lines = text.splitlines(keepends=True)

    def offset(position: Any) -> int:
        before = "".join(lines[: position.line])
        line = lines[position.line] if position.line < len(lines) else ""
        units = line.encode("utf-16-le")[: position.character * 2].decode("utf-16-le")
        return len(before) + len(units)

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character))[::-1]:
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text


async def _session(folder: Path) -> None:
    session = Session()
    await session.client.start_io(sys.executable, "-m", "replylint.cli", "lsp", cwd=str(folder))
    try:
        await session.client.initialize_async(
            types.InitializeParams(
                capabilities=types.ClientCapabilities(), root_uri=folder.as_uri()
            )
        )
        session.client.initialized(types.InitializedParams())
        uri = (folder / "draft.txt").as_uri()
        session.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=uri, language_id="plaintext", version=1, text=TEXT
                )
            )
        )
        found = await session.diagnostics(uri, bool)
        by_text = {d.message.split("'")[1]: d for d in found if "'" in d.message}
        kindly = by_text["Kindly"]
        assert (kindly.code, kindly.source) == ("RL201", "replylint")
        assert (kindly.range.start.line, kindly.range.start.character) == (2, 0)
        assert (kindly.range.end.line, kindly.range.end.character) == (2, 6)
        # After the emoji (two UTF-16 units), the columns are the editor's, not Python's.
        utilize = by_text["utilize"]
        assert utilize.range.start.character == TEXT.splitlines()[2].index("utilize") + 1
        assert "slang" not in {d.data["name"] for d in found}  # config below disables it

        actions = await session.client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=kindly.range,
                context=types.CodeActionContext(diagnostics=[kindly]),
            )
        )
        titles = [a.title for a in actions]
        assert titles == [
            "Replace with 'Please' (RL201)",
            "Disable stiff-formal for this line (with a reason)",
        ]
        fixed = _apply(TEXT, actions[0].edit.changes[uri])
        assert fixed.splitlines()[2].startswith("Please send the form prior to Friday.")
        disabled = _apply(TEXT, actions[1].edit.changes[uri])
        assert disabled.splitlines()[2] == (
            'replylint: disable-next-line=stiff-formal reason="why this wording is right here"'
        )

        hover = await session.client.text_document_hover_async(
            types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                position=types.Position(line=2, character=3),
            )
        )
        assert "RL201 stiff-formal" in hover.contents.value
        assert "Why:" in hover.contents.value and "Write instead: please" in hover.contents.value

        # The code action applied in the editor: a change, then fresh (debounced) diagnostics.
        session.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)],
            )
        )
        after = await session.diagnostics(
            uri, lambda ds: not any("'Kindly'" in d.message for d in ds)
        )
        assert any("'prior to'" in d.message for d in after)
        await _other_formats(session, folder)
        await session.client.shutdown_async(None)
        session.client.exit(None)
    finally:
        await session.client.stop()


async def _actions(session: Session, uri: str, language: str, text: str) -> list[Any]:
    session.client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id=language, version=1, text=text
            )
        )
    )
    (found,) = await session.diagnostics(uri, bool)
    result = await session.client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=found.range,
            context=types.CodeActionContext(diagnostics=[found]),
        )
    )
    return list(result or [])


async def _other_formats(session: Session, folder: Path) -> None:
    """Markdown gets the directive in a comment; JSON only the fix (a line would break it)."""
    markdown = await _actions(
        session,
        (folder / "reply.md").as_uri(),
        "markdown",
        "# Order\n\nThe form is due prior to Friday.\n",
    )
    disable = markdown[1].edit.changes[(folder / "reply.md").as_uri()][0].new_text
    assert disable.startswith("<!-- replylint: disable-next-line=stiff-formal reason=")
    library = (
        '{"macros": [{"id": 1, "actions": [{"field": "comment_value", '
        '"value": "Due prior to Friday."}]}]}\n'
    )
    json_actions = await _actions(session, (folder / "macros.json").as_uri(), "json", library)
    assert [a.title for a in json_actions] == ["Replace with 'before' (RL201)"]
    edit = json_actions[0].edit.changes[(folder / "macros.json").as_uri()][0]
    assert _apply(library, [edit]) == library.replace("prior to", "before")


def test_language_server_round_trip(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".replylint.yaml").write_text("checks:\n  slang: false\n", encoding="utf-8")
    (tmp_path / "draft.txt").write_text(TEXT, encoding="utf-8")
    asyncio.run(asyncio.wait_for(_session(tmp_path), timeout=120))
