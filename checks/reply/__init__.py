"""replylint.checks.reply: the parsed reply every check reads, and everything that builds it.

Masks, paragraphs and sentences, sensitive sentences, specificity and readability. ``Reply``,
``Part`` and ``Sentence`` are re-exported here so that a plugin can import them from this package.
"""

from replylint.checks.reply.parsed import Part, Reply, Sentence

__all__ = ["Part", "Reply", "Sentence"]
