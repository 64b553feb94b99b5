"""Issue 15 item 16: a reply that is not English is reported as not linted, with its language,
and not scored; no English reply may be taken for another language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from replylint.checks import Reply
from replylint.checks.reply.language import not_english
from replylint.cli.main import app

# The corpus our checks are developed against; not part of the repository (its licences).
CORPORA = [Path(__file__).resolve().parents[n] / "shared" / "corpus" for n in (2, 3)]
# Replies of that corpus that really are not English.
NOT_ENGLISH_IN_CORPUS = {"ibm-twitter-care:1244548669682192386": "German"}


def language(text: str) -> str | None:
    reply = Reply(text, "x.txt")
    return not_english(reply.token_starts, reply.masked)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Diemžēl mēs nevaram atmaksāt naudu.", "Latvian"),
        ("Paldies par jūsu vēstuli, mēs to izskatīsim.", "Latvian"),
        ("Кешіріңіз, біз көмектесе алмаймыз.", "Kazakh"),
        ("Извините, мы не можем вернуть деньги.", "Russian"),
        ("Вибачте, ми не можемо повернути гроші.", "Ukrainian"),  # і, not Kazakh's
        ("Кечиресиз, биз акчаны кайтара албайбыз.", "Kyrgyz"),
        ("Рәхмәт, без сезгә иртәгә шалтыратырбыз.", "Tatar"),  # ә, ң: not Kazakh
        ("Merci Anna, à bientôt", "French"),
        ("Spitich, wy kinne jo net helpe mei de bestelling.", "West Frisian"),
        ("Es tut uns leid, wir können das Geld nicht erstatten.", "German"),
        ("Lo sentimos, no podemos reembolsar el dinero.", "Spanish"),
        ("Le colis est en route et arrive demain.", "French"),
        ("申し訳ありませんが、返金できません。", "Japanese"),
        ("Λυπούμαστε, δεν μπορούμε να επιστρέψουμε τα χρήματα.", "Greek"),
        ("Przepraszamy, nie możemy zwrócić pieniędzy za zamówienie.", "Polish"),
        ("Atsiprašome, negalime grąžinti pinigų už šį užsakymą.", "Lithuanian"),
        ("Wy reparearje it foar moandei.", "West Frisian"),  # "it" is Frisian's article
        ("Lūdzu, uzgaidiet mirkli.", "Latvian"),  # short, but no English word and a ū
    ],
)
def test_a_reply_in_another_language_is_named(text: str, named: str) -> None:
    assert language(text) == named


@pytest.mark.parametrize(
    "text",
    [
        "Danke!",  # too short to tell: English is assumed
        "Merci, Anna!",
        "Thanks, Jānis!",
        "It is in.",
        "Ok",
        "Hi {{name}}, {{order_id}} {{tracking_link}} {{agent}}",
        "DM us your order number and zip code",
        "Thanks José, your café order ships Monday.",
        "Hi Zoë, Müller GmbH confirmed the delivery.",
        "Jānis Bērziņš will call you tomorrow.",
        "Your order from Café de Paris is on the way.",
        "Let me check: booking with Emily Rosenbaum in Los Gatos at 5 pm, table for 2?",
        "Hi Anna,\n\nUnfortunately we can't refund it.\n\n> Lo sentimos, no podemos\n\nBest,\nSam",
    ],
)
def test_english_replies_stay_english(text: str) -> None:
    assert language(text) is None


def test_no_english_reply_of_the_corpus_is_taken_for_another_language() -> None:
    corpus = next((c / "replies.jsonl" for c in CORPORA if (c / "replies.jsonl").is_file()), None)
    if corpus is None:
        pytest.skip(f"no review corpus at {CORPORA[0]} (it is not part of the repository)")
    flagged = {}
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            named = language(record["text"])
            if named is not None:
                flagged[record["id"]] = named
    assert flagged == NOT_ENGLISH_IN_CORPUS


def test_not_english_is_reported_as_not_linted_and_not_scored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    # Refusals that every check would flag in English, in languages no pack reads.
    (tmp_path / "de.txt").write_text(
        "Leider können wir das Geld nicht zurückerstatten.\n", encoding="utf-8"
    )
    (tmp_path / "ru.txt").write_text("Извините, мы не можем вернуть деньги.\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("Your parcel arrives on Monday, Anna.\n", encoding="utf-8")
    args = ["check", "de.txt", "ru.txt", "en.txt", "--languagetool", "off"]
    result = CliRunner().invoke(app, [*args, "-f", "json"])
    document = json.loads(result.stdout)
    replies = {f["path"]: f["replies"][0] for f in document["files"]}
    assert replies["de.txt"]["not_linted"] == "no language pack for German"
    assert replies["ru.txt"]["not_linted"] == "no language pack for Russian"
    assert replies["en.txt"]["not_linted"] is None and replies["en.txt"]["score"] is not None
    assert replies["en.txt"]["language"] == "en" and replies["de.txt"]["language"] is None
    for path in ("de.txt", "ru.txt"):
        assert replies[path]["score"] is None and replies[path]["findings"] == []
        assert set(replies[path]["categories"].values()) == {None}
    assert document["summary"]["not_linted"] == 2
    assert [row["reply"] for row in document["summary"]["lowest"]] == ["en.txt"]
    text = CliRunner().invoke(app, args).stdout
    assert "de.txt  not linted: no language pack for German" in text
    assert "2 not linted (no language pack)" in text.splitlines()[-1]
    only = CliRunner().invoke(app, ["check", "de.txt", "ru.txt", "--languagetool", "off"])
    assert only.exit_code == 2  # nothing was linted: not a pass (item 15)
    assert "nothing to lint: 2 replies are in a language no pack reads" in only.stderr


def test_ci_formats_show_a_reply_not_linted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "de.txt").write_text(
        "Leider können wir das Geld nicht zurückerstatten.\n", encoding="utf-8"
    )
    (tmp_path / "en.txt").write_text("Your parcel arrives on Monday, Anna.\n", encoding="utf-8")
    args = ["check", "de.txt", "en.txt", "--languagetool", "off", "-f"]
    github = CliRunner().invoke(app, [*args, "github"]).stdout
    assert (
        "::warning file=de.txt,title=replylint%3A not linted::not linted: no language pack"
        in github
    )
    junit = CliRunner().invoke(app, [*args, "junit"]).stdout
    assert '<skipped message="not linted: no language pack for German' in junit
    assert 'skipped="1"' in junit
    sarif = json.loads(CliRunner().invoke(app, [*args, "sarif"]).stdout)
    notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    (note,) = [n for n in notes if n["level"] == "warning"]
    assert "not linted: no language pack for German" in note["message"]["text"]
