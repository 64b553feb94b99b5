"""E-mail files (.eml): lint the text the agent wrote, placed at its line in the .eml file.

Parsed with the standard library (``email`` with ``policy.default``). The reply is the
text/plain body, or the visible text of the text/html body when there is no plain one. Quoted
history and the signature are masked by the reply model as in any reply.

Positions: when the body is stored as written (no quoted-printable or base64 encoding), it is
found in the file and findings carry the .eml file's own line and column. When it is encoded,
lines cannot be mapped back, so they count from the body's first line (line 1 = first line of
the decoded body) — reported as such in the README.
"""

from __future__ import annotations

import email
import email.policy
from collections.abc import Iterator
from email.message import EmailMessage

from replylint.checks import Kind, Reply
from replylint.cli.inputs.markup import Locator, html_reply, line_locator
from replylint.cli.inputs.targets import InputError, InputProblem, Source


def read_email(source: Source) -> Iterator[Reply | InputError]:
    """An .eml file is one e-mail reply: its plain-text body, else its HTML body."""
    try:
        message = email.message_from_bytes(source.data, policy=email.policy.default)
    except RecursionError:  # the parser recurses once per nested multipart
        raise InputProblem("cannot parse e-mail: its MIME parts nest too deeply") from None
    except Exception as error:  # the parser is lenient; anything it raises is a broken file
        raise InputProblem(f"cannot parse e-mail: {type(error).__name__}") from None
    assert isinstance(message, EmailMessage)
    if not message.keys():
        raise InputProblem("not an e-mail: no headers found")
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        raise InputProblem("e-mail has no text/plain or text/html part to lint")
    try:
        body = part.get_content()
    except (LookupError, ValueError) as error:
        raise InputProblem(f"cannot decode the e-mail body: {error}") from None
    if not isinstance(body, str) or not body.strip():
        raise InputProblem("the e-mail body is empty")
    body = body.replace("\r\n", "\n")  # see Source.text
    locate = _body_locator(source.data, body, part.get_content_charset() or "utf-8")
    if part.get_content_subtype() == "html":
        yield html_reply(body, source.name, locate, kind=Kind.EMAIL)
    else:
        yield Reply(body, source.name, kind=Kind.EMAIL, locator=locate)


def _body_locator(data: bytes, body: str, charset: str) -> Locator:
    """Locate body offsets in the file when the body appears there verbatim, else in the body."""
    try:
        whole = data.decode(charset, errors="replace").replace("\r\n", "\n")
    except LookupError:
        whole = data.decode("utf-8", errors="replace").replace("\r\n", "\n")
    at = whole.find(body, _header_end(whole))
    if at < 0:
        return line_locator(body)
    line = whole.count("\n", 0, at) + 1
    column = at - (whole.rfind("\n", 0, at) + 1) + 1
    return line_locator(body, line, column)


def _header_end(text: str) -> int:
    found = text.find("\n\n")
    return max(found, 0)
