"""The value types every part of replylint shares: checks, hits, findings, severities."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from replylint.checks.reply.parsed import Reply


class Severity(enum.IntEnum):
    """How bad a finding is; ordered so that comparisons mean 'at least as bad'."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        """Turn 'info' / 'warning' / 'error' into a Severity (ValueError otherwise)."""
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (use info, warning or error)") from None

    def shifted(self, steps: int) -> Severity:
        """This severity moved up (positive) or down (negative), clamped to the scale."""
        return Severity(min(max(self + steps, Severity.INFO), Severity.ERROR))

    def __str__(self) -> str:
        return self.name.lower()


class Category(enum.StrEnum):
    """The families of checks; each gets its own sub-score."""

    POSITIVITY = "positivity"
    TONE = "tone"
    POLITENESS = "politeness"
    CLARITY = "clarity"
    RESPECT = "respect"
    EMPATHY = "empathy"
    CORRECTNESS = "correctness"


class Kind(enum.StrEnum):
    """What sort of reply a text is; some checks apply to one kind only."""

    EMAIL = "email"
    CHAT = "chat"


@dataclass(frozen=True, slots=True)
class Option:
    """A declared option of a check: its type, default and one help line."""

    type: type | tuple[type, ...]
    default: Any
    help: str
    choices: tuple[Any, ...] = ()
    minimum: float | None = None
    # Why a value of the right type is still refused (None: it is fine), for config messages.
    validate: Callable[[Any], str | None] | None = None

    def type_name(self) -> str:
        """A readable name of the accepted type(s), for messages and listings."""
        types = self.type if isinstance(self.type, tuple) else (self.type,)
        names = {
            bool: "true/false",
            int: "an integer",
            float: "a number",
            str: "a string",
            list: "a list",
            dict: "a mapping",
        }
        return " or ".join(names.get(t, t.__name__) for t in types)


@dataclass(frozen=True, slots=True)
class Example:
    """A reply that should (fail) or should not (pass) trigger a check, for docs and tests."""

    text: str
    fails: bool


@dataclass(frozen=True, slots=True, order=True)
class Fix:
    """A rewrite of a hit's span: the replacement text, and whether it is safe.

    A safe fix keeps the meaning (``replylint check --fix`` applies it); an unsafe one changes
    wording a person should glance at (applied only with ``--unsafe-fixes``).
    """

    replacement: str
    safe: bool = True


@dataclass(frozen=True, slots=True)
class Hit:
    """What a check yields: a span of the reply text and what is wrong with it.

    ``escalate`` moves the configured severity up or down a level for this hit only
    (GUIDANCE §2: slang in an apology is worse, formal wording in one is fine).
    """

    start: int
    end: int
    message: str
    suggestion: str | None = None
    escalate: int = 0
    # The rewrite of [start, end), if there is one (None: nothing to apply automatically).
    fix: Fix | None = None


Options = Mapping[str, Any]
# A skip reason that starts so is "not applicable" even for an ``announce_skip`` check (English
# replies for the Hunspell spelling check): never announced, nothing left unmeasured.
NOT_APPLICABLE = "n/a: "
RunFunction = Callable[["Reply", Options], Iterable[Hit]]
AppliesFunction = Callable[["Reply", Options], str | None]


@dataclass(frozen=True, slots=True)
class Check:
    """A check: metadata plus one plain function from a parsed reply to hits."""

    code: str
    name: str
    category: Category
    summary: str
    rationale: str
    guidance: str
    run: RunFunction
    severity: Severity = Severity.WARNING
    options: Mapping[str, Option] = field(default_factory=dict)
    examples: tuple[Example, ...] = ()
    kinds: frozenset[Kind] = frozenset(Kind)
    # Returns a reason string when the check does not apply to this reply (n/a, not a pass).
    not_applicable: AppliesFunction | None = None
    default_enabled: bool = True
    aliases: tuple[str, ...] = ()
    # Print the reason once per run when the check is skipped (a missing service, not a kind).
    announce_skip: bool = False
    # Mask kinds this check may flag (template-slot reads "placeholder"); see engine.ALWAYS_MASKED.
    reads_masked: frozenset[str] = frozenset()
    # Its hits depend on a service (LanguageTool), not only on the reply and options: results
    # of a run where it is active are not reused from the results cache.
    asks_service: bool = False
    # Its own code reads any language (placeholders, question marks, LanguageTool's languages):
    # it runs on replies a language pack reads without that pack naming it (packs/run.py).
    any_language: bool = False
    # Of the packs, which ones its own code reads (None: every pack when ``any_language``,
    # English only otherwise); e.g. LanguageTool's checks: the languages LanguageTool has.
    reads_language: Callable[[Any], bool] | None = None
    # The part of its own code that reads any language ("!!", emoji), run beside a language
    # pack's rules for it (packs/run.py reads words only).
    any_language_part: RunFunction | None = None
    # What of the machine its hits depend on (a dictionary installed, a binding importable), as
    # a string: part of the results cache's key, so installing one is seen. Called once a run.
    environment: Callable[[], str] | None = None
    # Which fixes its hits may carry ("safe", "unsafe"): for listings; hits decide per match.
    fixes: frozenset[str] = frozenset()

    def defaults(self) -> dict[str, Any]:
        """The check's options at their declared defaults."""
        return {key: option.default for key, option in self.options.items()}

    def announces(self, reason: str) -> bool:
        """Whether skipping for ``reason`` leaves the reply unmeasured (said once per run)."""
        return self.announce_skip and not reason.startswith(NOT_APPLICABLE)

    def skip_reason(self, reply: Reply, options: Options) -> str | None:
        """Why this check does not apply to the reply, or None when it does."""
        if reply.kind not in self.kinds:
            return f"not applicable to {reply.kind} replies"
        if self.not_applicable is not None:
            return self.not_applicable(reply, options)
        return None


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    """A hit placed in a file: position, check identity, severity and advice."""

    path: str
    line: int
    column: int
    code: str
    end_line: int
    end_column: int
    start: int
    end: int
    name: str
    severity: Severity
    category: Category
    message: str
    text: str
    suggestion: str | None = None
    guidance: str = ""
    reply_id: str | None = None
    # Not in to_dict(): the JSON report's schema stays as documented; --fix and the API read it.
    fix: Fix | None = None

    def to_dict(self) -> dict[str, Any]:
        """The one serialisation every machine format is built from (schema in README)."""
        return {
            "path": self.path,
            "reply": self.reply_id,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "start": self.start,
            "end": self.end,
            "code": self.code,
            "name": self.name,
            "category": str(self.category),
            "severity": str(self.severity),
            "message": self.message,
            "text": self.text,
            "suggestion": self.suggestion,
            "guidance": self.guidance,
        }
