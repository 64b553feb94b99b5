"""replylint.checks: the reply model, the engine and the built-in checks.

``BUILTIN`` lists the built-in checks explicitly, in code order: grep-able, no import magic.
"""

from replylint.checks import grammar, negative_wording
from replylint.checks.engine import ActiveCheck, CheckFailure, ReplyResult, lint_reply
from replylint.checks.model import Category, Check, Example, Finding, Hit, Kind, Option, Severity
from replylint.checks.registry import PluginError, Registry, load_registry
from replylint.checks.reply import Part, Reply, Sentence

BUILTIN: tuple[Check, ...] = (
    negative_wording.CHECK,
    grammar.SPELLING,
    grammar.GRAMMAR,
    grammar.STYLE,
)

__all__ = [
    "BUILTIN",
    "ActiveCheck",
    "Category",
    "Check",
    "CheckFailure",
    "Example",
    "Finding",
    "Hit",
    "Kind",
    "Option",
    "Part",
    "PluginError",
    "Registry",
    "Reply",
    "ReplyResult",
    "Sentence",
    "Severity",
    "lint_reply",
    "load_registry",
]
