"""A check's findings in a pack's language: its rules matched over the reply's sentences.

The built-in checks read English with their own code; in another language a check reads the
pack's rules for it instead (pack.py: ``rules``, ``unless``, ``allow``, ``require``). Messages
stay in English and quote the reply's own words; suggestions are in the reply's language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from replylint.checks.model import Hit, Option
from replylint.checks.packs.pack import CheckRules, LanguagePack
from replylint.checks.packs.pattern import Word, words_of
from replylint.checks.reply.parsed import Part, Reply, Sentence

PEDANTIC = "pedantic"
# The option of a check whose English code has no opt-in hints, for the rules a language pack
# tags pedantic (``pedantic: true`` in a config turns on every check's).
PEDANTIC_OPTION = Option(
    bool, False, "also report the hints a language pack tags pedantic (none in English)"
)
MAX_QUOTE = 60  # characters of the reply quoted in a message
CLOSERS = "\"'”’)]»!"


def pack_hits(
    pack: LanguagePack, check: str, reply: Reply, options: Mapping[str, Any]
) -> list[Hit]:
    """The hits of ``check`` on a reply in ``pack``'s language."""
    rules = pack.checks[check]
    sentences = sentence_words(pack, reply)
    if not rules.greeting:
        sentences = [item for item in sentences if item[0].part is not Part.GREETING]
    if rules.require:
        return _missing(rules, reply, sentences)
    if rules.scope == "reply" and any(rules.unless.occurs(words) for _s, words in sentences):
        return []
    patterns, owners = pack.compiled(check)
    pedantic = bool(options.get(PEDANTIC))
    hits = []
    seen: dict[int, int] = {}  # id of a rule with min-count -> its matches so far
    for _sentence, words in sentences:
        if rules.scope == "sentence" and rules.unless.occurs(words):
            continue
        allowed = [(words[a].start, words[b - 1].end) for _n, a, b in rules.allow.find(words)]
        taken = 0  # a match starting inside the previous one is the same phrase again
        for number, first, end in patterns.find(words):
            rule = owners[number]
            if first < taken or (PEDANTIC in rule.tags and not pedantic):
                continue
            start, stop = words[first].start, words[end - 1].end
            if any(a < stop and start < b for a, b in allowed):
                continue
            if rule.min_count > 1:
                seen[id(rule)] = count = seen.get(id(rule), 0) + 1
                if count != rule.min_count:  # one finding, where the count is reached
                    continue
            taken = end
            quote = _quote(reply.text[start:stop])
            hits.append(Hit(start, stop, _fill(rule.message, quote), rule.suggestion))
    return hits


def sentence_words(pack: LanguagePack, reply: Reply) -> list[tuple[Sentence, list[Word]]]:
    """The reply's sentences with their analysed words (once per reply and pack)."""
    key = f"pack-words:{pack.code}"
    cached = reply.memo.get(key)
    if cached is None:
        masked = reply.masked
        cached = reply.memo[key] = [
            (sentence, words_of(masked, sentence.start, sentence.end, pack.analyse))
            for sentence in reply.sentences
        ]
    result: list[tuple[Sentence, list[Word]]] = cached
    return result


def _missing(
    rules: CheckRules, reply: Reply, sentences: Sequence[tuple[Sentence, list[Word]]]
) -> list[Hit]:
    """One hit on the last sentence when the closing holds none of the required patterns."""
    if not sentences or any(rules.unless.occurs(words) for _s, words in sentences):
        return []
    closing = [item for item in sentences if item[0].part is Part.CLOSING] or sentences[-1:]
    # A question to the customer asks for their next step in any language.
    if any(s.text.rstrip().rstrip(CLOSERS).endswith("?") for s, _w in closing):
        return []
    if any(rules.require.occurs(words) for _s, words in closing):
        return []
    last = sentences[-1][0]
    text = reply.text[last.start : last.end].rstrip()
    assert rules.message is not None  # load_pack requires one with require:
    quote = _quote(text)
    return [Hit(last.start, last.start + len(text), _fill(rules.message, quote), rules.suggestion)]


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1] + "…"


def _fill(message: str, quote: str) -> str:
    # Not str.format: a pack's message may hold braces, and a quote must never be read as one.
    return message.replace("{match}", quote)
