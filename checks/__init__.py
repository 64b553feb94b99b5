"""replylint.checks: what a check is written against: model, engine, registry, lexicon, score.

The parsed reply is in ``reply/``, the built-in checks in ``builtin/``, the LanguageTool
client in ``languagetool/``; the names a plugin needs are re-exported here.

``BUILTIN`` lists the built-in checks explicitly, in code order: grep-able, no import magic.
"""

from replylint.checks.builtin import (
    blame_customer,
    canned_phrasing,
    empathy_without_action,
    excessive_politeness,
    grammar,
    hunspell_spelling,
    long_sentence,
    missing_next_step,
    negative_wording,
    next_step_without_time,
    question_overload,
    refusal_without_alternative,
    slang,
    stiff_formal,
    template_slot,
)
from replylint.checks.engine import ActiveCheck, CheckFailure, ReplyResult, lint_reply
from replylint.checks.model import (
    Category,
    Check,
    Example,
    Finding,
    Fix,
    Hit,
    Kind,
    Option,
    Severity,
)
from replylint.checks.registry import PluginError, Registry, load_registry
from replylint.checks.reply.parsed import Part, Reply, Sentence

BUILTIN: tuple[Check, ...] = (
    negative_wording.CHECK,
    refusal_without_alternative.CHECK,
    stiff_formal.CHECK,
    slang.CHECK,
    excessive_politeness.CHECK,
    missing_next_step.CHECK,
    next_step_without_time.CHECK,
    blame_customer.CHECK,
    question_overload.CHECK,
    long_sentence.CHECK,
    empathy_without_action.CHECK,
    canned_phrasing.CHECK,
    grammar.SPELLING,
    grammar.GRAMMAR,
    grammar.STYLE,
    hunspell_spelling.CHECK,
    template_slot.CHECK,
)

__all__ = [
    "BUILTIN",
    "ActiveCheck",
    "Category",
    "Check",
    "CheckFailure",
    "Example",
    "Finding",
    "Fix",
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
