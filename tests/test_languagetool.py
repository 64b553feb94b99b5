"""The LanguageTool plumbing of RL801-RL803, against the fake server of fake_languagetool.py.

What is sent (masked parts never leave), offsets back (UTF-16, emoji), one request per reply,
the disk cache, and every way LanguageTool can be missing or fail (a clear n/a, no crash).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, ClassVar

import fake_languagetool
import pytest
from helpers import lint_text

from replylint.checks import Category
from replylint.checks.builtin import grammar
from replylint.checks.languagetool import cache as disk
from replylint.checks.languagetool import client as languagetool
from replylint.checks.languagetool import server
from replylint.checks.languagetool.options import ENV_SERVER
from replylint.checks.languagetool.text import LtMatch, to_matches, utf16_length

NOTICE_START = "grammar: skipped — LanguageTool not available: "
# A server named by the user (a URL or local) that cannot be used: an error, not a skip.
UNUSABLE_START = "grammar: LanguageTool server {} cannot be used: "
GRAMMAR_CHECKS = ("spelling", "grammar", "style")


def lint_grammar(text: str, **options: Any) -> Any:
    """Lint with the three grammar checks and negative-wording (an unrelated check)."""
    from replylint.checks import BUILTIN, ActiveCheck, Reply, lint_reply

    active = [
        ActiveCheck(check, check.severity, {**check.defaults(), **options})
        for check in BUILTIN
        if check.name in (*GRAMMAR_CHECKS, "negative-wording")
    ]
    return lint_reply(Reply(text, "reply.txt"), active)


def codes(result: Any) -> list[tuple[str, str]]:
    return [(f.code, f.text) for f in result.findings]


# -- what is sent ---------------------------------------------------------------------------


def test_masked_parts_never_reach_the_server(fake_server: Any) -> None:
    text = (
        "Hi {{customer.adress}},\n\n"
        "Please see https://help.example.com/recieve-refund or write to adress@example.com.\n"
        "The flag is `definately_on` and thnaks for waiting.\n\n"
        "Kind regards,\nAcmecloud Recieve Team\n\n"
        "On Mon, 3 Mar 2025, Dana wrote:\n> I didnt recieve the the parcel\n"
    )
    result = lint_grammar(text)
    assert codes(result) == [("RL801", "thnaks")]
    sent = fake_server.sent_text()
    for secret in ("recieve", "Recieve", "adress", "definately", "Acmecloud", "Dana", "the the"):
        assert secret not in sent, secret
    request = fake_server.checks()[0]
    assert "text" not in request  # the masked `data` form, never the raw text
    annotation = json.loads(request["data"])["annotation"]
    assert "text" in annotation[-1]  # trailing signature and history are not sent even as blanks
    assert annotation[1] == {"markup": " " * len("{{customer.adress}}"), "interpretAs": "Sam"}
    assert request["language"] == "en-US"
    assert request["disabledRules"] == ",".join(sorted(languagetool.DEFAULT_DISABLED_RULES))


def test_only_blank_agent_text_sends_nothing(fake_server: Any) -> None:
    result = lint_grammar("{{macro.body}}\n\n> I didnt recieve it\n")
    assert result.findings == ()
    assert result.not_applicable == {}
    assert fake_server.checks() == []


def test_language_and_mother_tongue_are_sent(fake_server: Any) -> None:
    lint_grammar("We was told it ships today.", language="en-GB", **{"mother-tongue": "de-DE"})
    request = fake_server.checks()[0]
    assert (request["language"], request["motherTongue"]) == ("en-GB", "de-DE")


# -- offsets --------------------------------------------------------------------------------


def test_a_lone_surrogate_is_sent_as_one_unit_and_offsets_hold() -> None:
    text = "Sorry \ud800 for the wait, you will recieve it today."  # "\ud800" in a JSON macro
    result = lint_grammar(text)
    assert result.failures == ()
    assert [(f.code, f.text, f.column) for f in result.findings] == [
        ("RL801", "recieve", text.index("recieve") + 1)
    ]


def test_offsets_map_back_across_emoji_placeholders_and_quotes() -> None:
    text = (
        "> 🎉🎉 thanks!\n"
        "Hi {{first_name}} 👋, we 🚚 shipped it 🎁🎁🎁 and you will recieve it soon 😀.\n"
        "𝒲e checked your past history: the the parcel 📦 left Leeds 🇬🇧 today.\n"
    )
    found = {(f.code, f.text, f.line, f.column) for f in lint_grammar(text).findings}
    line2 = text.splitlines()[1]
    line3 = text.splitlines()[2]
    assert found == {
        ("RL801", "recieve", 2, line2.index("recieve") + 1),
        ("RL803", "past history", 3, line3.index("past history") + 1),
        ("RL802", "the the", 3, line3.index("the the") + 1),
    }


def test_utf16_offsets_convert_to_characters() -> None:
    text = "😀a😀bc"
    assert utf16_length(text) == 7
    raw = [
        {
            "offset": 2,
            "length": 1,
            "message": "m",
            "rule": "R",
            "category": "C",
            "replacements": [],
        },
        {
            "offset": 5,
            "length": 2,
            "message": "m",
            "rule": "R",
            "category": "C",
            "replacements": [],
        },
        {
            "offset": 6,
            "length": 9,
            "message": "m",
            "rule": "R",
            "category": "C",
            "replacements": [],
        },
    ]
    starts = [(m.start, m.end) for m in to_matches(text, raw)]
    assert starts == [(1, 2), (3, 5)]  # the match past the end is dropped, not misplaced


def test_grammar_next_to_a_placeholder_is_not_reported() -> None:
    text = "I sent an {{item}} and a {{item}}, the the parcel."
    item = (10, 18)
    assert grammar._near(text, LtMatch(7, 9, "m", "R", "GRAMMAR", ()), item)  # "an"
    assert grammar._near(text, LtMatch(10, 18, "m", "R", "GRAMMAR", ()), item)  # on it
    assert not grammar._near(text, LtMatch(2, 6, "m", "R", "GRAMMAR", ()), item)  # "sent"
    assert not grammar._near(text, LtMatch(35, 42, "m", "R", "GRAMMAR", ()), (25, 33))


# -- one request, the cache -------------------------------------------------------------------


def test_three_checks_share_one_request(fake_server: Any) -> None:
    result = lint_grammar("We was told the the adress is very unique.")
    assert {f.code for f in result.findings} == {"RL801", "RL802", "RL803"}
    assert len(fake_server.checks()) == 1


def test_second_run_is_served_from_the_disk_cache(fake_server: Any) -> None:
    texts = [f"Reply {n}: you will recieve the the parcel." for n in range(5)]
    first = [codes(lint_grammar(t)) for t in texts]
    assert len(fake_server.checks()) == 5
    languagetool.reset()  # a new run: nothing in memory, only the disk cache
    second = [codes(lint_grammar(t)) for t in texts]
    assert second == first
    assert len(fake_server.checks()) == 5
    assert len(list((languagetool.cache_dir() / "languagetool").glob("*/*.json"))) == 5


def test_no_cache_option_asks_again_and_writes_nothing(fake_server: Any) -> None:
    for _ in range(2):
        languagetool.reset()
        assert codes(lint_grammar("You will recieve it.", cache=False)) == [("RL801", "recieve")]
    assert len(fake_server.checks()) == 2
    assert not (languagetool.cache_dir() / "languagetool").exists()


def test_settings_are_part_of_the_cache_key(fake_server: Any) -> None:
    lint_grammar("We was told the the parcel left.")
    languagetool.reset()
    result = lint_grammar("We was told the the parcel left.", **{"disabled-categories": ["MISC"]})
    assert codes(result) == [("RL802", "was")]
    assert len(fake_server.checks()) == 2


def test_vocabulary_filters_after_the_cache(fake_server: Any) -> None:
    assert codes(lint_grammar("Welcome to Acmecloud.")) == [("RL801", "Acmecloud")]
    languagetool.reset()
    assert codes(lint_grammar("Welcome to Acmecloud.", vocabulary=["ACMECLOUD"])) == []
    assert len(fake_server.checks()) == 1


def test_a_corrupt_entry_is_a_miss(fake_server: Any) -> None:
    lint_grammar("You will recieve it.")
    (entry,) = (languagetool.cache_dir() / "languagetool").glob("*/*.json")
    entry.write_text("{not json", encoding="utf-8")
    languagetool.reset()
    assert codes(lint_grammar("You will recieve it.")) == [("RL801", "recieve")]
    assert len(fake_server.checks()) == 2
    assert json.loads(entry.read_text(encoding="utf-8"))  # rewritten whole


def test_concurrent_writers_leave_whole_entries() -> None:
    entries = [[{"offset": n, "length": 1, "rule": "R" * n}] for n in range(1, 40)]
    threads = [
        threading.Thread(target=lambda e=e: [disk.store("ab" * 32, e) for _ in range(20)])
        for e in entries
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert disk.load("ab" * 32) in entries
    folder = languagetool.cache_dir() / "languagetool" / "ab"
    assert [p.name for p in folder.iterdir()] == ["ab" * 32 + ".json"]  # no temp files left


def test_clear_cache_counts_removed_entries(fake_server: Any) -> None:
    for n in range(3):
        lint_grammar(f"Reply {n} will recieve it.")
    assert languagetool.clear_cache() == 3
    assert languagetool.clear_cache() == 0


def test_cache_dir_follows_the_environment(monkeypatch: Any, tmp_path: Path) -> None:
    assert languagetool.cache_dir() == Path(os.environ["REPLYLINT_CACHE_DIR"])
    monkeypatch.delenv("REPLYLINT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert languagetool.cache_dir() == tmp_path / "xdg" / "replylint"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert languagetool.cache_dir() == Path.home() / ".cache" / "replylint"


# -- failures ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mode", "said"),
    [
        ("error", "answered HTTP 500: Error: Internal Error"),
        ("garbage", "sent an answer that is not JSON"),
        ("shape", "a match lacks offset, length or rule id"),
    ],
)
def test_a_failing_server_gives_one_clear_reason(fake_server: Any, mode: str, said: str) -> None:
    fake_server.mode = mode
    first = lint_grammar("Unfortunately you will recieve it late.")
    second = lint_grammar("Unfortunately we was told the the parcel is late.")
    for result in (first, second):
        reasons = {result.not_applicable[name] for name in GRAMMAR_CHECKS}
        assert len(reasons) == 1
        (reason,) = reasons
        assert reason.startswith(UNUSABLE_START.format(fake_server.url)), reason
        assert said in reason and reason.endswith("; the grammar checks did not run"), reason
        assert "(no more requests this run)" in reason
        assert result.failures == ()
        assert [f.code for f in result.findings] == ["RL101"]  # the other checks still ran
        assert result.score.categories[Category.CORRECTNESS] is None  # not measured, not 100
    assert len(fake_server.checks()) == 1  # the dead server is not asked again this run


def test_a_slow_server_times_out_once(fake_server: Any) -> None:
    fake_server.mode, fake_server.delay = "slow", 2.0
    started = time.monotonic()
    first = lint_grammar("You will recieve it.", timeout=0.3)
    second = lint_grammar("We was told.", timeout=0.3)
    assert time.monotonic() - started < 1.5
    reason = first.not_applicable["spelling"]
    assert "did not answer within 0.3 s (timeout)" in reason
    assert second.not_applicable["grammar"] == reason
    assert len(fake_server.checks()) == 1


def test_an_unknown_language_is_reported(fake_server: Any) -> None:
    reason = lint_grammar("Hello there.", language="xx-YY").not_applicable["spelling"]
    assert "HTTP 400" in reason and "xx-YY" in reason


def test_an_unreachable_server_is_reported() -> None:
    reason = lint_grammar("Hello there.", server="http://127.0.0.1:9").not_applicable["style"]
    assert reason.startswith(
        UNUSABLE_START.format("http://127.0.0.1:9") + "cannot reach http://127.0.0.1:9"
    )


def test_a_bad_severity_map_is_a_check_failure() -> None:
    result = lint_grammar("You will recieve it.", **{"severity-map": {"TYPOS": "loud"}})
    assert [(f.code, f.message) for f in result.failures] == [
        ("RL801", "ValueError: unknown severity 'loud' (use info, warning or error)")
    ]


# -- choosing the backend ---------------------------------------------------------------------


def test_nothing_available_skips_with_one_notice(monkeypatch: Any, fake_server: Any) -> None:
    monkeypatch.delenv(ENV_SERVER)
    result = lint_grammar("Unfortunately you will recieve it late.")
    reasons = {result.not_applicable[name] for name in GRAMMAR_CHECKS}
    assert reasons == {
        NOTICE_START
        + f"no local LanguageTool install in {os.environ['LTP_PATH']} and no server configured"
        + "; see README"
    }
    assert [f.code for f in result.findings] == ["RL101"]
    assert result.score.categories[Category.CORRECTNESS] is None
    assert fake_server.checks() == []


def test_off_is_a_quiet_na(fake_server: Any) -> None:
    result = lint_grammar("You will recieve it.", server="off")
    assert result.not_applicable["spelling"] == "grammar: off (LanguageTool server: off)"
    assert fake_server.checks() == []


def test_an_invalid_server_value_is_explained() -> None:
    reason = lint_grammar("You will recieve it.", server="languagetool").not_applicable["grammar"]
    assert "server must be auto, off, local or an http(s):// URL, not 'languagetool'" in reason


def test_the_server_option_beats_the_environment(fake_server: Any) -> None:
    other = fake_languagetool.FakeLanguageTool()
    httpd = fake_languagetool.start(other)
    try:
        assert codes(lint_grammar("You will recieve it.", server=other.url + "/v2/")) == [
            ("RL801", "recieve")
        ]
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert len(other.checks()) == 1
    assert fake_server.checks() == []


def test_auto_uses_an_existing_local_install(
    monkeypatch: Any, tmp_path: Path, fake_server: Any
) -> None:
    install = Path(os.environ["LTP_PATH"]) / "LanguageTool-6.8"
    install.mkdir(parents=True)
    (install / "languagetool-server.jar").write_bytes(b"")
    started: list[str] = []
    monkeypatch.delenv(ENV_SERVER)
    monkeypatch.setattr(languagetool, "java_problem", lambda: None)
    monkeypatch.setattr(
        languagetool, "start_local", lambda v: started.append(v) or fake_server.url + "/v2/"
    )
    assert codes(lint_grammar("You will recieve it.")) == [("RL801", "recieve")]
    languagetool.reset()
    assert codes(lint_grammar("You will recieve it.")) == [("RL801", "recieve")]
    assert started == ["6.8"]  # the cached second run did not even start the server


def test_auto_explains_an_old_java(monkeypatch: Any) -> None:
    install = Path(os.environ["LTP_PATH"]) / "LanguageTool-6.8"
    install.mkdir(parents=True)
    (install / "languagetool.jar").write_bytes(b"")
    monkeypatch.delenv(ENV_SERVER)
    monkeypatch.setattr(languagetool, "java_problem", lambda: "Java 11 found, needs 17")
    reason = lint_grammar("You will recieve it.").not_applicable["spelling"]
    assert reason == NOTICE_START + "Java 11 found, needs 17; see README"


def test_local_install_detection(monkeypatch: Any, tmp_path: Path) -> None:
    folder = Path(os.environ["LTP_PATH"])
    assert server.local_install()[0] is None
    for name in ("LanguageTool-6.6", "LanguageTool-6.10", "LanguageTool-6.9-SNAPSHOT"):
        (folder / name).mkdir(parents=True)
        (folder / name / "languagetool-server.jar").write_bytes(b"")
    (folder / "LanguageTool-7.0").mkdir()  # no jar: an interrupted download
    assert server.local_install() == ("6.10", None)
    monkeypatch.setenv("LTP_JAR_DIR_PATH", str(folder / "LanguageTool-6.6"))
    assert server.local_install() == ("", None)


@pytest.mark.parametrize(
    ("output", "major"),
    [
        ('openjdk version "17.0.15" 2025-04-15', 17),
        ('java version "1.8.0_392"', 8),
        ('openjdk version "21" 2023-09-19', 21),
        ("something else", None),
    ],
)
def test_java_version_parsing(output: str, major: int | None) -> None:
    assert server.java_major(output) == major


def test_missing_java_is_explained(monkeypatch: Any) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)
    assert server.java_problem() == "Java not found (LanguageTool needs Java 17 or newer)"


@pytest.mark.parametrize(
    "given",
    ["http://lt:8010", "http://lt:8010/", "http://lt:8010/v2", "http://lt:8010/v2/check"],
)
def test_base_url(given: str) -> None:
    assert server.base_url(given) == "http://lt:8010/v2/"


def test_the_fixture_helper_reaches_the_fake(fake_server: Any) -> None:
    assert codes(lint_text("You will recieve it.", only="spelling")) == [("RL801", "recieve")]


def test_importing_the_checks_does_not_import_language_tool_python(fake_server: Any) -> None:
    code = (
        "import sys\n"
        "from replylint.checks import BUILTIN, ActiveCheck, Reply, lint_reply\n"
        "active = [ActiveCheck(c, c.severity, c.defaults()) for c in BUILTIN]\n"
        "print(len(lint_reply(Reply('You will recieve it.'), active).findings))\n"
        "print(any(m.startswith('language_tool_python') for m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.split() == ["1", "False"]


def test_spelling_next_to_a_placeholder_is_still_reported() -> None:
    assert codes(lint_grammar("Hi {{first_name}} thnaks for waiting.")) == [("RL801", "thnaks")]


def test_a_warm_cache_needs_no_languagetool(monkeypatch: Any, fake_server: Any) -> None:
    lint_grammar("You will recieve it.")
    languagetool.reset()
    monkeypatch.delenv(ENV_SERVER)  # now nothing is available
    assert codes(lint_grammar("You will recieve it.")) == [("RL801", "recieve")]
    assert "spelling" in lint_grammar("A new reply we was never asked.").not_applicable


class FakeLocalTool:
    """Stands in for language_tool_python.LanguageTool: records its arguments, has a url."""

    made: ClassVar[list[tuple[Any, ...]]] = []
    url = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        FakeLocalTool.made.append((args, kwargs))

    def close(self) -> None:
        pass


def test_local_starts_one_server_through_language_tool_python(
    monkeypatch: Any, fake_server: Any
) -> None:
    import language_tool_python

    monkeypatch.setattr(language_tool_python, "LanguageTool", FakeLocalTool)
    monkeypatch.setattr(languagetool, "java_problem", lambda: None)
    monkeypatch.setattr(FakeLocalTool, "url", fake_server.url + "/v2/")
    monkeypatch.setattr(FakeLocalTool, "made", [])
    monkeypatch.setattr(server, "_LOCAL", {})
    for text in ("You will recieve it.", "We was told."):
        assert lint_grammar(text, server="local").findings
    assert FakeLocalTool.made == [(("en-US",), {})]  # no install: its default version, once
    assert len(fake_server.checks()) == 2
    server.stop_local()


def test_a_local_server_that_cannot_start_is_explained(monkeypatch: Any) -> None:
    import language_tool_python

    def broken(*args: Any, **kwargs: Any) -> None:
        raise ConnectionError("download failed: no route to host\nmore detail")

    monkeypatch.setattr(language_tool_python, "LanguageTool", broken)
    monkeypatch.setattr(languagetool, "java_problem", lambda: None)
    monkeypatch.setattr(server, "_LOCAL", {})
    reason = lint_grammar("You will recieve it.", server="local").not_applicable["spelling"]
    assert reason == (
        "grammar: LanguageTool (local) cannot be used: cannot start a local LanguageTool: "
        "download failed: no route to host (no more requests this run); "
        "the grammar checks did not run"
    )
