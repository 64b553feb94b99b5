"""Every input format by name: what ``--input-format`` accepts and extensions map to.

Readers are imported on first use: a run over plain-text drafts never loads the HTML, e-mail,
CSV and JSONPath code (start-up time is what a pre-commit hook pays on every commit).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from importlib import import_module

from replylint.cli.inputs.targets import Reader

WHERE = {
    "text": ("replylint.cli.inputs.targets", "read_plain_text"),
    "markdown": ("replylint.cli.inputs.markdown", "read_markdown"),
    "html": ("replylint.cli.inputs.markup", "read_html"),
    "email": ("replylint.cli.inputs.eml", "read_email"),
    "json": ("replylint.cli.inputs.libraries", "read_json"),
    "yaml": ("replylint.cli.inputs.libraries", "read_yaml"),
    "csv": ("replylint.cli.inputs.libraries", "read_csv"),
}


class _Readers(Mapping[str, Reader]):
    """Format name -> reader function, imported when first asked for."""

    def __getitem__(self, name: str) -> Reader:
        module, function = WHERE[name]
        reader: Reader = getattr(import_module(module), function)
        return reader

    def __iter__(self) -> Iterator[str]:
        return iter(WHERE)

    def __len__(self) -> int:
        return len(WHERE)


READERS: Mapping[str, Reader] = _Readers()
