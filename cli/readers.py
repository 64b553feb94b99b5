"""Every input format by name: what ``--input-format`` accepts and extensions map to."""

from __future__ import annotations

from replylint.cli.email_input import read_email
from replylint.cli.inputs import Reader, read_plain_text
from replylint.cli.libraries import read_csv, read_json, read_yaml
from replylint.cli.markdown import read_markdown
from replylint.cli.markup import read_html

READERS: dict[str, Reader] = {
    "text": read_plain_text,
    "markdown": read_markdown,
    "html": read_html,
    "email": read_email,
    "json": read_json,
    "yaml": read_yaml,
    "csv": read_csv,
}
