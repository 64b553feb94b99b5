"""Language packs: the pattern language, the pack format's validation, what a pack's rules
find, and how a run picks a reply's language (config, override, --language, a plugin's pack)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from helpers import install_distribution
from typer.testing import CliRunner

from replylint.checks import BUILTIN, ActiveCheck, Kind, Reply, lint_reply, load_registry
from replylint.checks.packs import registry as packs
from replylint.checks.packs.pack import LanguagePack, PackError, load_pack
from replylint.checks.packs.pattern import PatternError, PatternSet, compile_pattern, words_of
from replylint.cli.main import app

# A made-up language for the engine's tests: words are their own lemmas, "un-" negates.
ZZ = """
language: zz
name: Zedish
greetings: [hallo]
sign-offs: [groet]
checks:
  negative-wording:
    rules:
      - patterns: ["!kan", "nein"]
        message: "'{match}' says no"
        suggestion: "wi kan …"
        tags: [refusal]
      - pattern: "ju mus"
        message: "'{match}' orders the customer about"
        tags: [pedantic]
    allow: ["nein problem"]
  refusal-without-alternative:
    from: {check: negative-wording, tag: refusal}
    unless: ["+kan .. anbieten", "stattdessen"]
    message: "'{match}' refuses with nothing instead"
    suggestion: "… aber wi kan …"
  next-step-without-time:
    rules:
      - pattern: "wi melden"
        message: "'{match}' promises without a time"
    unless: ["morgen|heute", "bis .. freitag"]
    scope: sentence
  canned-phrasing:
    rules:
      - pattern: "hallo werte kunde"
        message: "'{match}' is a form letter's opener"
    greeting: true
  missing-next-step:
    require: ["bitte"]
    unless: ["nix zu tun"]
    message: "'{match}' ends without a next step"
"""


def zedish(word: str) -> tuple[str, bool]:
    if word.startswith("un") and len(word) > 3:
        return word[2:], True
    return word, False


@pytest.fixture
def zz() -> LanguagePack:
    pack = load_pack(ZZ, zedish, origin="test")
    packs.register(pack)
    yield pack
    packs.unregister("zz")


def lint(text: str, kind: Kind | None = None, pedantic: bool = False, language: str = "zz"):
    active = [
        ActiveCheck(c, c.severity, {**c.defaults(), **({"pedantic": True} if pedantic else {})})
        for c in BUILTIN
        if c.name != "spelling" and c.code != "RL802" and c.code != "RL803"
    ]
    reply = Reply(text, "r.txt", kind=kind)
    reply.language = language
    return lint_reply(reply, active)


def names(result) -> list[tuple[str, str]]:
    return [(f.name, f.text) for f in result.findings]


# -- patterns ------------------------------------------------------------------------------
def match(pattern: str, text: str, analyse=zedish) -> list[str]:
    words = words_of(text, 0, len(text), analyse)
    found = PatternSet([compile_pattern(pattern)]).find(words)
    return [text[words[a].start : words[b - 1].end] for _n, a, b in found]


def test_pattern_words_stems_negation_options_and_gaps() -> None:
    assert match("kan", "Wi kan dat") == ["kan"]
    assert match("kan", "wi unkan") == ["unkan"]  # its lemma is "kan"
    assert match("=kan", "wi unkan, wi kan") == ["kan"]  # the written word only
    assert match("!kan", "Wi unkan dat, wi kan") == ["unkan"]
    assert match("+kan", "Wi unkan dat, wi kan") == ["kan"]
    assert match("anbiet*", "Wi anbieten, anbietung") == ["anbieten", "anbietung"]
    assert match("wi ?nu kan", "wi kan; wi nu kan") == ["wi kan", "wi nu kan"]
    assert match("wi|ju kan", "ju kan") == ["ju kan"]
    assert match("wi .. kan", "wi a b c kan") == ["wi a b c kan"]
    assert match("wi .. kan", "wi a b c d kan") == []  # at most three words in a gap
    assert match("wi kan", "Wi Kan") == ["Wi Kan"]  # case-insensitive


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ("", "empty"),
        (".. kan", "between two words"),
        ("kan ..", "between two words"),
        ("a .. .. b", "two '..'"),
        ("a b-c", "not a word"),
        ("?a ?b", "every word is optional"),
        (" ".join(["a"] * 13), "more than 12"),
    ],
)
def test_bad_patterns_are_refused_with_the_reason(source: str, problem: str) -> None:
    with pytest.raises(PatternError, match=problem):
        compile_pattern(source)


def test_matching_is_linear_in_the_words_of_a_sentence() -> None:
    patterns = PatternSet([compile_pattern("a .. a .. a .. a .. b")])
    timings = []
    for size in (500, 2_000):
        text = "a " * size
        words = words_of(text, 0, len(text), zedish)
        start = time.process_time()
        assert list(patterns.find(words)) == []
        timings.append(time.process_time() - start)
    assert timings[1] < 8 * max(timings[0], 0.005)  # 4x the words: not 16x the time


# -- the pack format -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (("language: zz", "language: zzzz"), "language: expected an ISO 639 code"),
        (("greetings:", "greeting:"), "unknown key 'greeting'"),
        (("    scope: sentence", "    scope: paragraph"), "scope: expected one of"),
        (("check: negative-wording, tag: refusal", "check: slang, tag: refusal"), "another check"),
        (("tag: refusal}", "tag: nope}"), "no rule of negative-wording is tagged 'nope'"),
        (("    message: \"'{match}' ends", "    messages: \"'{match}' ends"), "unknown key"),
        (('"!kan", "nein"', '"!kan", "a .. .. b"'), "two '..'"),
        (("tags: [pedantic]", "tags: [pedantic]\n        min-count: 0"), "from 1 to 20"),
        (("    greeting: true", "    greeting: yes please"), "expected true or false"),
    ],
)
def test_a_broken_pack_names_the_key(change: tuple[str, str], problem: str) -> None:
    broken = ZZ.replace(*change)
    assert broken != ZZ
    with pytest.raises(PackError, match=problem):
        load_pack(broken, zedish)


def test_a_pack_file_names_itself_in_errors(tmp_path: Path) -> None:
    path = tmp_path / "xx.yaml"
    path.write_text("language: [\n", encoding="utf-8")
    with pytest.raises(PackError, match=r"^xx\.yaml: not valid YAML"):
        load_pack(path)


def test_a_pack_files_parse_is_remembered_until_the_file_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from replylint.checks.packs import pack as pack_module

    path = tmp_path / "zz.yaml"
    path.write_text(ZZ, encoding="utf-8")
    first = load_pack(path, zedish)
    parse = pack_module._parse

    def no_yaml(text: str, where: str) -> object:
        raise AssertionError("parsed again")

    monkeypatch.setattr(pack_module, "_parse", no_yaml)
    again = load_pack(path, zedish)  # from the cache folder: no YAML parsed
    assert again.greetings == first.greetings == ("hallo",)
    assert again.checks["negative-wording"].rules == first.checks["negative-wording"].rules
    monkeypatch.setattr(pack_module, "_parse", parse)
    path.write_text(ZZ.replace("[hallo]", "[moin]"), encoding="utf-8")
    assert load_pack(path, zedish).greetings == ("moin",)  # edited: parsed afresh


# -- what a pack's rules find --------------------------------------------------------------
def test_rules_fire_quote_the_reply_and_respect_allow(zz: LanguagePack) -> None:
    result = lint("Nein, wi unkan dat nicht. Nein problem!")
    assert ("negative-wording", "Nein") in names(result)
    assert ("negative-wording", "unkan") in names(result)
    assert next(f for f in result.findings if f.text == "unkan").message == "'unkan' says no"
    assert all(f.text != "Nein problem" for f in result.findings)
    assert result.language == "zz" and result.score.overall is not None


def test_refusal_needs_an_alternative_anywhere_in_the_reply(zz: LanguagePack) -> None:
    bare = lint("Wi unkan dat rot kleid senden.")
    assert ("refusal-without-alternative", "unkan") in names(bare)
    message = [f.message for f in bare.findings if f.name == "refusal-without-alternative"]
    assert message == ["'unkan' refuses with nothing instead"]
    offered = lint("Wi unkan dat rot kleid senden. Wi kan ein blau kleid anbieten.")
    assert ("refusal-without-alternative", "unkan") not in names(offered)
    assert ("negative-wording", "unkan") in names(offered)


def test_sentence_scope_and_pedantic_tags(zz: LanguagePack) -> None:
    email = "Hallo Anna,\n\nWi melden uns. Wi melden uns morgen. Bitte antworten.\n\nGroet,\nBo"
    found = lint(email)
    assert found.kind is Kind.EMAIL  # the pack's greeting and sign-off make it an e-mail
    assert [f.text for f in found.findings if f.name == "next-step-without-time"] == ["Wi melden"]
    assert all(f.line == 3 for f in found.findings if f.name == "next-step-without-time")
    assert ("negative-wording", "ju mus") not in names(lint("Ju mus dat lesen."))
    assert ("negative-wording", "Ju mus") in names(lint("Ju mus dat lesen.", pedantic=True))


def test_an_email_must_end_with_a_next_step(zz: LanguagePack) -> None:
    ending = "Hallo Anna,\n\nDein paket ist da. Dat kleid ist blau.\n\nGroet,\nBo"
    assert ("missing-next-step", "Dat kleid ist blau.") in names(lint(ending))
    asked = ending.replace("ist blau.", "ist blau. Bitte schreib uns.")
    assert not [f for f in lint(asked).findings if f.name == "missing-next-step"]
    question = ending.replace("ist blau.", "ist blau. Passt dat?")  # a question asks a step
    assert not [f for f in lint(question).findings if f.name == "missing-next-step"]
    done = ending.replace("ist blau.", "ist blau. Nix zu tun.")
    assert not [f for f in lint(done).findings if f.name == "missing-next-step"]
    assert "missing-next-step" in lint(ending, kind=Kind.CHAT).not_applicable


def test_checks_a_pack_does_not_cover_say_so(zz: LanguagePack) -> None:
    result = lint("Wi kan dat gern machen, Anna?? Ja?")
    assert result.not_applicable["slang"] == "not available for Zedish replies"
    assert "question-overload" not in result.not_applicable  # reads any language
    assert "readability" not in json.dumps(result.not_applicable)
    assert result.readability is None  # Flesch counts English syllables


def test_english_set_by_config_is_read_by_the_english_checks() -> None:
    result = lint("Unfortunately we can't refund digital orders.", language="en")
    assert ("negative-wording", "we can't") in names(result)
    assert result.language == "en"


# -- a run: config, overrides, --language, plugins -----------------------------------------
def run(tmp_path: Path, *args: str) -> dict:
    result = CliRunner().invoke(app, ["check", "--languagetool", "off", "-f", "json", *args])
    assert result.exit_code in (0, 1), result.output
    return {f["path"]: f["replies"][0] for f in json.loads(result.stdout)["files"]}


def test_language_by_config_override_and_flag(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "fy").mkdir()
    # Too short to tell (two words, no letter English lacks): read as English unless config
    # says otherwise.
    (tmp_path / "a.txt").write_text("Nevaram, piedod.\n", encoding="utf-8")
    (tmp_path / "fy" / "b.txt").write_text("Nevaram, piedod.\n", encoding="utf-8")
    assert run(tmp_path, "a.txt")["a.txt"]["language"] == "en"
    (tmp_path / ".replylint.yaml").write_text(
        "language: lv\noverrides:\n  - files: ['fy/*']\n    language: fy\n", encoding="utf-8"
    )
    replies = run(tmp_path, "a.txt", "fy/b.txt")
    assert replies["a.txt"]["language"] == "lv"
    assert replies["fy/b.txt"]["language"] == "fy"
    assert replies["a.txt"]["findings"]  # "nevaram" is a refusal in Latvian
    flagged = run(tmp_path, "--language", "en", "a.txt")
    assert flagged["a.txt"]["language"] == "en"


def test_an_unknown_language_is_a_config_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Hello\n", encoding="utf-8")
    (tmp_path / ".replylint.yaml").write_text("language: latvian\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "a.txt"])
    assert result.exit_code == 2
    assert "language: expected auto or a language pack (en, lv, kk, fy" in result.stderr
    assert "got 'latvian'" in result.stderr
    flag = CliRunner().invoke(app, ["check", "--no-config", "--language", "xx", "a.txt"])
    assert flag.exit_code == 2 and "got 'xx'" in flag.stderr


PLUGIN_PACK = '''
from replylint.checks.packs.pack import load_pack
PACK = load_pack("""{yaml}""")
'''


def test_a_plugin_distribution_can_bring_a_pack(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    yaml_text = ZZ.replace("language: zz", "language: et").replace("Zedish", "Estonian")
    source = PLUGIN_PACK.format(yaml=yaml_text)
    install_distribution(
        tmp_path, monkeypatch, "acme_pack", source, "acme-pack", "et = acme_pack:PACK"
    )
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    try:
        load_registry(BUILTIN)
        pack = packs.pack_for("et")
        assert pack is not None and pack.origin == "plugin 'et' (acme-pack 0.1)"
        assert "et" in packs.codes()
        result = lint("Nein, wi senden dat.", language="et")  # its YAML, no analyser
        assert ("negative-wording", "Nein") in names(result)
    finally:
        packs.unregister("et")


def test_the_readme_pack_example_loads_and_reads_estonian(tmp_path: Path) -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    blocks = {
        block.split("\n", 1)[0]: block
        for block in readme.split("```")
        if block.startswith(("python\n# acme_estonian", "yaml\n# acme_estonian"))
    }
    assert set(blocks) == {"python", "yaml"}
    python = blocks["python"].split("\n", 1)[1]
    yaml_text = blocks["yaml"].split("\n", 1)[1]
    (tmp_path / "et.yaml").write_text(yaml_text, encoding="utf-8")
    namespace = {"__file__": str(tmp_path / "__init__.py")}
    exec(compile(python, "README example", "exec"), namespace)  # our own README's code
    pack = namespace["PACK"]
    packs.register(pack)
    try:
        bare = lint("Kahjuks me ei saa raha tagastada.", language="et")
        assert ("negative-wording", "ei saa") in names(bare)
        assert ("refusal-without-alternative", "ei saa") in names(bare)
        offered = lint(
            "Kahjuks me ei saa raha tagastada, kuid saame pakkuda kinkekaarti.", language="et"
        )
        assert ("refusal-without-alternative", "ei saa") not in names(offered)
    finally:
        packs.unregister("et")


def test_eval_takes_a_language_per_labelled_reply(tmp_path: Path) -> None:
    labels = tmp_path / "labels.jsonl"
    rows = [
        {
            "id": "a",
            "text": "Nevaram, piedod.",
            "language": "lv",
            "labels": {"negative_wording": True},
        },
        {
            "id": "b",
            "text": "Nevaram, piedod.",
            "labels": {"negative_wording": True},
        },  # read as English
    ]
    labels.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(labels), "--format", "json", "--no-config"])
    assert result.exit_code == 0, result.output
    measure = json.loads(result.stdout)["checks"]
    negative = next(m for m in measure if m["check"] == "negative-wording")
    assert (negative["tp"], negative["fn"]) == (1, 1)
    rows[1]["language"] = "latvian"
    labels.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    bad = CliRunner().invoke(app, ["eval", str(labels), "--no-config"])
    assert bad.exit_code == 2 and "'language' must be a language pack's code" in bad.stderr


def test_a_borrowing_check_keeps_the_source_allow(zz: LanguagePack) -> None:
    result = lint("Nein problem, dat kleid kommt morgen.")
    assert not [
        f for f in result.findings if f.name in ("negative-wording", "refusal-without-alternative")
    ]


def test_many_stems_cost_a_word_little() -> None:
    """Hundreds of stems in first position (a pack's rules): each word is tried only against
    the stems that share its first letters, so the cost does not grow with their number."""
    few = PatternSet([compile_pattern(f"st{i:03d}x*") for i in range(5)])
    many = PatternSet([compile_pattern(f"{chr(97 + i % 26)}{i:03d}x*") for i in range(500)])
    text = "zzz " * 20_000
    words = words_of(text, 0, len(text), zedish)
    timings = []
    for patterns in (few, many):
        start = time.process_time()
        assert list(patterns.find(words)) == []
        timings.append(time.process_time() - start)
    assert timings[1] < 5 * max(timings[0], 0.01)


def test_a_check_may_read_the_greeting(zz: LanguagePack) -> None:
    opener = "Hallo werte Kunde,\n\nNein, dat geht nicht."
    found = names(lint(opener))
    assert ("canned-phrasing", "Hallo werte Kunde") in found  # greeting: true
    assert ("negative-wording", "Nein") in found
    greeting_only = names(lint("Hallo nein,\n\nDat kleid kommt morgen."))
    assert ("negative-wording", "nein") not in greeting_only  # greetings are not read


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Labdien! Jūsu paka jau ir ceļā pie jums!! Paldies par pacietību.", "lv"),
        ("Сәлеметсіз бе! Тапсырысыңыз бүгін жіберілді!! Рахмет.", "kk"),
        ("Hoi! Jo pakket is ûnderweis en komt moarn oan!! Tige tank.", "fy"),
    ],
)
def test_slang_reads_marks_in_any_language(text: str, language: str) -> None:
    """'!!' is excited in every language: slang reads it beside a pack's slang words."""
    result = lint(text, language=language)
    assert ("slang", "!!") in names(result)
    assert ("slang", "!!") not in names(lint(text.replace("!!", "."), language=language))
