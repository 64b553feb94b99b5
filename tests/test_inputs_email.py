""".eml inputs: the agent's text is linted, history and signature are not, lines are the file's."""

from __future__ import annotations

from pathlib import Path

import pytest
from inputs_support import errors, findings, lint_json, make_project


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_project(tmp_path, monkeypatch)


HEADERS = "From: Sam <sam@example.com>\nTo: Anna <anna@example.com>\nSubject: Re: refund\n"
PLAIN = (
    HEADERS
    + "Content-Type: text/plain; charset=utf-8\n\n"
    + "Hi Anna,\n\nUnfortunately we can't refund digital orders.\n\nBest,\nSam\n"
    + "Unfortunately signature line\n\n"
    + "On Mon, 2 Mar 2026 at 10:00, Anna <anna@example.com> wrote:\n"
    + "> Unfortunately you never answer. I can't wait.\n"
)


def test_plain_email_findings_use_the_files_lines_and_skip_history(project: Path) -> None:
    (project / "reply.eml").write_text(PLAIN, encoding="utf-8")
    document, result = lint_json("reply.eml")
    assert result.exit_code == 1
    assert [(f[2], f[3], f[4]) for f in findings(document)] == [
        (8, 1, "Unfortunately"),
        (8, 18, "can't"),
    ]
    assert document["files"][0]["replies"][0]["kind"] == "email"


def test_crlf_email_keeps_file_lines(project: Path) -> None:
    (project / "reply.eml").write_bytes(PLAIN.replace("\n", "\r\n").encode())
    document, _ = lint_json("reply.eml")
    assert [(f[2], f[3]) for f in findings(document)] == [(8, 1), (8, 18)]


MULTIPART = (
    HEADERS
    + 'MIME-Version: 1.0\nContent-Type: multipart/alternative; boundary="XX"\n\n'
    + "--XX\nContent-Type: text/plain; charset=utf-8\n"
    + "Content-Transfer-Encoding: quoted-printable\n\n"
    + "Hi Anna,\n\nUnfortunately we can=E2=80=99t refund it. This sentence is long enough to=\n"
    + " be wrapped.\n\nBest,\nSam\n"
    + "--XX\nContent-Type: text/html; charset=utf-8\n\n"
    + "<p>Unfortunately HTML</p>\n--XX--\n"
)


def test_multipart_prefers_plain_and_encoded_bodies_count_lines_from_the_body(
    project: Path,
) -> None:
    (project / "reply.eml").write_text(MULTIPART, encoding="utf-8")
    document, _ = lint_json("reply.eml")
    # Quoted-printable cannot be mapped to file lines: line 3 of the decoded body.
    assert [(f[2], f[3], f[4]) for f in findings(document)] == [
        (3, 1, "Unfortunately"),
        (3, 18, "can’t"),
    ]


def test_html_only_email_is_linted_as_visible_text(project: Path) -> None:
    html = (
        HEADERS
        + "Content-Type: text/html; charset=utf-8\n\n"
        + "<html><body><p>Hi Anna,</p>\n<p>Unfortunately it is late.</p>\n"
        + '<div class="gmail_quote">Unfortunately quoted</div></body></html>\n'
    )
    (project / "reply.eml").write_text(html, encoding="utf-8")
    document, _ = lint_json("reply.eml")
    assert [(f[2], f[3], f[4]) for f in findings(document)] == [(7, 4, "Unfortunately")]


def test_latin1_body_is_decoded_by_its_charset(project: Path) -> None:
    body = "Hi Zoë,\n\nUnfortunately the café is closed.\n"
    data = HEADERS + "Content-Type: text/plain; charset=iso-8859-1\n\n" + body
    (project / "reply.eml").write_bytes(data.encode("latin-1"))
    document, result = lint_json("reply.eml")
    assert result.exit_code == 1
    assert [(f[2], f[3], f[4]) for f in findings(document)] == [(8, 1, "Unfortunately")]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            HEADERS + 'Content-Type: multipart/mixed; boundary="B"\n\n--B\n'
            "Content-Type: image/png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n--B--\n",
            "no text/plain or text/html part",
        ),
        (HEADERS + "Content-Type: text/plain\n\n   \n", "body is empty"),
        ("just some words without headers\n", "not an e-mail: no headers found"),
        (
            HEADERS
            + "".join(
                f'Content-Type: multipart/mixed; boundary="b{i}"\n\n--b{i}\n' for i in range(3000)
            )
            + "Content-Type: text/plain\n\nUnfortunately no.\n",
            "its MIME parts nest too deeply",
        ),
    ],
)
def test_email_without_text_is_an_input_error(project: Path, content: str, message: str) -> None:
    (project / "bad.eml").write_text(content, encoding="utf-8")
    document, result = lint_json("bad.eml")
    assert result.exit_code == 2
    assert message in errors(document)["bad.eml"][0]
    assert f"replylint: bad.eml: {errors(document)['bad.eml'][0]}" in result.stderr


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        (
            "text/plain",
            "Hi Anna,\n\nUnfortunately it is late.\n\nSam\n\n-----Original Message-----\n"
            "From: Anna\nSent: Monday\n\nUnfortunately you can't read.\n",
        ),
        (
            "text/plain",
            "Hi Anna,\n\nUnfortunately it is late.\n\nSam\n\nFrom: Anna <a@example.com>\n"
            "Sent: Monday, 2 March 2026 10:00\nSubject: late\n\nI can't wait, unfortunately.\n",
        ),
        (
            "text/html",
            "<p>Hi Anna,</p><p>Unfortunately it is late.</p><hr>"
            '<div id="divRplyFwdMsg"><b>From:</b> Anna<br><b>Sent:</b> Monday</div>'
            "<div>I can't wait, unfortunately.</div>",
        ),
    ],
    ids=["original-message", "outlook-headers", "outlook-html"],
)
def test_outlook_history_is_not_linted(project: Path, content_type: str, body: str) -> None:
    data = HEADERS + f"Content-Type: {content_type}; charset=utf-8\n\n" + body
    (project / "reply.eml").write_text(data, encoding="utf-8")
    document, _ = lint_json("reply.eml")
    assert [f[4] for f in findings(document)] == ["Unfortunately"]
