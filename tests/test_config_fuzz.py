"""Never crash on a config: any YAML a user could write is either used or one ConfigError.

Configs are generated from the real keys (top level, per check, overrides, lexicon additions)
with values of every YAML type, including the ones no key accepts; the resulting plan must
lint a reply without a check failing.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from replylint.checks import BUILTIN, Reply, lint_reply, load_registry
from replylint.cli.main import _parse_macros_setting
from replylint.config import ConfigError, ConfigResolver
from replylint.config.schema import CHECK_KEYS, OVERRIDE_KEYS, Validator

REGISTRY = load_registry(BUILTIN, plugins=[])
EXTENSIONS = {"macros": _parse_macros_setting}
TOP_KEYS = [*sorted(Validator(REGISTRY, EXTENSIONS).top_level), "macros", "bogus"]
CHECK_NAMES = [*(c.name for c in BUILTIN), *(c.code for c in BUILTIN[:3]), "tone", "nope"]
REPLY = "Hi Anna,\n\nUnfortunately no way we can refund that, lol. We will check.\n\nBest,\nSam\n"

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(
        ["", "x", "off", "on", "error", "warning", "info", "chat", "email", "auto", "default"]
    ),
    st.sampled_from(["RL101", "tone", "*.txt", "[", "(", "(a+)+$", "(?<=a+)b", "a\x00b", "$.x[*]"]),
    st.just("a" * 300),
    st.text(max_size=8),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["x", "phrases", "patterns", "message", "files"]), inner)
    ),
    max_leaves=8,
)


def check_block(check_name: str) -> st.SearchStrategy[dict[str, Any]]:
    check = REGISTRY.find(check_name)
    keys = [*CHECK_KEYS, "add", "remove", "allow", "bogus", *(check.options if check else ())]
    entry = st.fixed_dictionaries(
        {"message": VALUES},
        optional={"phrases": VALUES, "patterns": VALUES, "unless": VALUES, "where": VALUES},
    )
    value = st.one_of(VALUES, st.lists(entry, max_size=2))
    return st.dictionaries(st.sampled_from(keys), value, max_size=3)


CHECKS = st.sampled_from(CHECK_NAMES).flatmap(
    lambda name: st.dictionaries(st.just(name), check_block(name), min_size=1)
)
OVERRIDES = st.lists(
    st.dictionaries(st.sampled_from([*OVERRIDE_KEYS, "bogus"]), st.one_of(VALUES, CHECKS)),
    max_size=2,
)
CONFIGS = st.dictionaries(
    st.sampled_from(TOP_KEYS),
    st.one_of(VALUES, CHECKS, OVERRIDES),
    min_size=1,
    max_size=5,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(CONFIGS)
def test_any_config_is_used_or_refused_in_one_line(data: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        config_file = Path(folder) / "c.yaml"
        config_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        try:
            config = ConfigResolver(REGISTRY, explicit=config_file, extensions=EXTENSIONS).for_path(
                None
            )
            plan = config.plan_for(Path(folder) / "reply.txt")
        except ConfigError as error:
            # Every problem at once (issue 15 item 19), each one line naming the file.
            assert error.problems
            for problem in error.problems:
                assert problem.startswith(str(config_file)) and "\n" not in problem.strip()
            return
        result = lint_reply(Reply(REPLY, "reply.txt"), plan.checks)
        assert result.failures == (), result.failures
