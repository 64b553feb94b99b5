"""Config discovery in real folder trees, merging, overrides and every validation error."""

from __future__ import annotations

from pathlib import Path

import pytest

from replylint.checks import BUILTIN, Kind, Severity, load_registry
from replylint.config import ConfigError, ConfigResolver
from replylint.config.globs import matches_any

REGISTRY = load_registry(BUILTIN, plugins=[])


def resolver(**kwargs: object) -> ConfigResolver:
    return ConfigResolver(REGISTRY, **kwargs)  # type: ignore[arg-type]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_any_file(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    config = resolver().for_path(tmp_path / "a.txt")
    assert config.source is None and config.fail_on is Severity.WARNING
    assert [a.check.code for a in config.plan_for(tmp_path / "a.txt").checks] == [
        c.code for c in BUILTIN if c.default_enabled
    ]


def test_closest_file_wins_and_the_walk_stops_at_the_repo_root(tmp_path: Path) -> None:
    write(tmp_path / ".replylint.yaml", "fail-on: info\n")  # above the repository: ignored
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    write(repo / ".replylint.yaml", "fail-on: error\n")
    write(repo / "macros" / "chat" / ".replylint.yaml", "kind: chat\n")
    assert resolver().for_path(repo / "drafts" / "a.txt").fail_on is Severity.ERROR
    nested = resolver().for_path(repo / "macros" / "chat" / "b.txt")
    assert nested.kind is Kind.CHAT and nested.fail_on is Severity.WARNING  # no cascade
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / ".git").mkdir()
    assert resolver().for_path(tmp_path / "other" / "c.txt").source is None


def test_pyproject_table_counts_only_when_present(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path / "pyproject.toml", "[project]\nname='x'\n")
    assert resolver().for_path(tmp_path / "a.txt").source is None
    write(tmp_path / "pyproject.toml", "[tool.replylint]\nfail-on = 'info'\n")
    assert resolver().for_path(tmp_path / "a.txt").fail_on is Severity.INFO


def test_broken_pyproject_tables_are_config_errors(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    deep = "[tool.replylint]\nfail-on = " + "[" * 5000 + "]" * 5000
    for text, message in [
        ("[tool.replylint]\nfail-on =\n", r"pyproject.toml: invalid TOML: "),
        (deep, r"pyproject.toml: invalid TOML: nested too deeply"),
    ]:
        pyproject = write(tmp_path / "pyproject.toml", text)
        with pytest.raises(ConfigError, match=message):
            resolver(explicit=pyproject).for_path(None)
        # Found on the way up too: its [tool.replylint] table is ours, so it is an error
        # rather than silently ignored (issue 15 item 19).
        with pytest.raises(ConfigError, match=message):
            resolver().for_path(tmp_path / "a.txt")
    write(tmp_path / "pyproject.toml", '[project]\nname = "x\n')  # broken, but not ours
    assert resolver().for_path(tmp_path / "a.txt").source is None


def test_extends_chain_and_command_line_precedence(tmp_path: Path) -> None:
    write(
        tmp_path / "base.yaml",
        "fail-on: error\nkind: chat\nchecks:\n  negative-wording:\n    severity: info\n",
    )
    config_file = write(tmp_path / "team.yaml", "extends: base.yaml\nkind: email\n")
    config = resolver(explicit=config_file, command_line={"fail-on": "info"}).for_path(None)
    assert (config.fail_on, config.kind) == (Severity.INFO, Kind.EMAIL)
    (active,) = [a for a in config.plan_for(None).checks if a.check.name == "negative-wording"]
    assert active.severity is Severity.INFO


def test_overrides_apply_to_matching_files_only(tmp_path: Path) -> None:
    config_file = write(
        tmp_path / ".replylint.yaml",
        """
overrides:
  - files: ["macros/chat/**"]
    kind: chat
    checks:
      negative-wording: false
""",
    )
    config = resolver(explicit=config_file).for_path(None)
    chat = config.plan_for(tmp_path / "macros" / "chat" / "x.txt")
    other = config.plan_for(tmp_path / "drafts" / "x.txt")
    assert chat.kind is Kind.CHAT and "negative-wording" not in {a.check.name for a in chat.checks}
    assert other.kind is None and "negative-wording" in {a.check.name for a in other.checks}


def test_select_ignore_and_per_check_exclude(tmp_path: Path) -> None:
    config_file = write(
        tmp_path / "c.yaml", "select: [positivity]\nchecks:\n  RL101:\n    exclude: [legacy/]\n"
    )
    config = resolver(explicit=config_file).for_path(None)
    assert {a.check.category.value for a in config.plan_for(tmp_path / "a.txt").checks} == {
        "positivity"
    }
    assert "RL101" not in {
        a.check.code for a in config.plan_for(tmp_path / "legacy" / "old.txt").checks
    }
    ignoring = resolver(explicit=config_file, command_line={"ignore": ["RL101"]}).for_path(None)
    assert "RL101" not in {a.check.code for a in ignoring.plan_for(tmp_path / "a.txt").checks}


def test_options_reach_the_check_read_only(tmp_path: Path) -> None:
    config_file = write(
        tmp_path / "c.yaml", "checks:\n  negative-wording:\n    allow: [unfortunately]\n"
    )
    plan = resolver(explicit=config_file).for_path(None).plan_for(None)
    (active,) = [a for a in plan.checks if a.check.name == "negative-wording"]
    assert active.options["allow"] == ["unfortunately"]
    with pytest.raises(TypeError):
        active.options["allow"] = []  # type: ignore[index]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("fail-onn: error\n", r"c.yaml:1: fail-onn: unknown key \(did you mean 'fail-on'\?\)"),
        ("fail-on: fatal\n", r"c.yaml:1: fail-on: unknown severity 'fatal'"),
        ("fail-under: 120\n", r"c.yaml:1: fail-under: expected a number from 0 to 100"),
        ("kind: letter\n", r"c.yaml:1: kind: expected auto, email or chat"),
        ("exclude: 3\n", r"c.yaml:1: exclude: expected a list of strings, got an integer"),
        ("select: [tonee]\n", r"select: 'tonee' is not a check, code or category \(did you mean"),
        (
            "checks:\n  negativ-wording: false\n",
            r"c.yaml:2: checks.negativ-wording: unknown check "
            r"\(did you mean 'negative-wording'\?\)",
        ),
        (
            "checks:\n  negative-wording:\n    alow: [x]\n",
            r"c.yaml:3: checks.negative-wording.alow: unknown option of negative-wording "
            r"\(did you mean 'allow'\?\)",
        ),
        (
            "checks:\n  negative-wording:\n    allow: yes\n",
            r"c.yaml:3: checks.negative-wording.allow: expected a list, got a boolean",
        ),
        (
            "checks:\n  negative-wording:\n    severity: loud\n",
            r"c.yaml:3: checks.negative-wording.severity: unknown severity 'loud'",
        ),
        (
            "checks:\n  negative-wording:\n    add:\n      - {patterns: ['(oops'], message: x}\n",
            r"c.yaml:4: checks.negative-wording.add.0: invalid regex '\(oops'",
        ),
        (
            "checks:\n  negative-wording:\n    add:\n      - {patterns: ['(\\w+\\s?)+$'], "
            "message: x}\n",
            r"c.yaml:4: checks.negative-wording.add.0: regex .* nests quantifiers",
        ),
        ("overrides:\n  - kind: chat\n", r"c.yaml:2: overrides.0: an override needs 'files'"),
        (
            "overrides:\n  - files: [a]\n    knd: chat\n",
            r"c.yaml:3: overrides.0.knd: unknown key \(did you mean 'kind'\?\)",
        ),
        ("kind: [chat]\n", r"c.yaml:1: kind: expected auto, email or chat, got a list"),
        ('extends: "a\\0.yaml"\n', r"c.yaml:1: extends: expected a path or 'default'"),
        ("fail-on: [unclosed\n", r"c.yaml:2: invalid YAML"),
        ("fail-on: " + "[" * 3000 + "]" * 3000 + "\n", r"c.yaml: invalid YAML: nested too deeply"),
        ("kind: chat\nfail-on: \x07\n", r"c.yaml:2: invalid YAML: unacceptable character #x0007"),
        ("- just\n- a list\n", r"c.yaml: expected a mapping of settings"),
        ("extends: missing.yaml\n", r"c.yaml:1: extends: missing.yaml: config file not found"),
        ("extends: .\n", r"c.yaml:1: extends: \.: a folder, not a config file"),
        ("extends: c.yaml\n", r"c.yaml: extends loops back to itself"),
    ],
)
def test_validation_errors_name_file_line_and_key(tmp_path: Path, text: str, message: str) -> None:
    config_file = write(tmp_path / "c.yaml", text)
    with pytest.raises(ConfigError, match=message):
        resolver(explicit=config_file).for_path(None)


def test_yaml_is_loaded_safely(tmp_path: Path) -> None:
    config_file = write(tmp_path / "c.yaml", "fail-on: !!python/object/apply:os.system ['true']\n")
    with pytest.raises(ConfigError, match="invalid YAML"):
        resolver(explicit=config_file).for_path(None)


def test_aliases_share_settings_but_cannot_loop_or_explode(tmp_path: Path) -> None:
    shared = write(
        tmp_path / "shared.yaml",
        'overrides:\n  - files: ["chat/**"]\n    checks: &quiet {negative-wording: false}\n'
        '  - files: ["macros/**"]\n    checks: *quiet\n',
    )
    config = resolver(explicit=shared).for_path(None)
    for folder in ("chat", "macros"):
        plan = config.plan_for(tmp_path / folder / "x.txt")
        assert "negative-wording" not in {a.check.name for a in plan.checks}
    looped = write(tmp_path / "loop.yaml", "fail-on: error\nselect: &s [tone, *s]\n")
    with pytest.raises(ConfigError, match=r"loop.yaml:2: invalid YAML: an alias refers to a"):
        resolver(explicit=looped).for_path(None)
    # Nine aliases a level, twelve levels: billions of values once expanded.
    levels = ["a0: &a0 [tone]"]
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 12)]
    bomb = write(tmp_path / "bomb.yaml", "\n".join(levels) + "\n")
    with pytest.raises(ConfigError, match=r"bomb.yaml:6: invalid YAML: aliases expand to over"):
        resolver(explicit=bomb).for_path(None)


def test_command_line_values_are_validated_too() -> None:
    with pytest.raises(ConfigError, match="command line: fail-on: unknown severity"):
        resolver(command_line={"fail-on": "loud"})


@pytest.mark.parametrize(
    ("path", "patterns", "expected"),
    [
        ("macros/chat/a.txt", ["macros/chat/**"], True),
        ("macros/email/a.txt", ["macros/chat/**"], False),
        ("deep/legacy/a.txt", ["legacy/"], True),
        ("legacy/a.txt", ["/legacy"], True),
        ("a/b/draft.md", ["*.md"], True),
        ("a/b/draft.md", ["a/*.md"], False),
        ("a/b/draft.md", ["a/**/*.md"], True),
    ],
)
def test_globs(path: str, patterns: list[str], expected: bool) -> None:
    assert matches_any(path, patterns) is expected
