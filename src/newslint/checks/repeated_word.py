"""MTA301 repeated-word: "the the". Duplication is what MT and hurried editing leave behind."""

from __future__ import annotations

import re
from typing import Iterator

from newslint.document import Document
from newslint.findings import Hit, Severity
from newslint.rule import Context, Rule, RuleDoc

# Words that English legitimately doubles ("that that", "had had") or that are doubled as a
# whole word in names, calls and reduplicatives.
LEGITIMATE_DOUBLES = frozenset(
    """
    that had is do does bye so no yes ha tut knock chop wait very now well there never far
    long many pom cha la ta hip aye bora baden mahi
    """.split()
)

# Two identical words separated only by white space (a line break included), any case.
_REPEAT = re.compile(r"(?<![\w'’-])([^\W\d_]+)(\s+)(\1)(?![\w'’-])", re.IGNORECASE)


class RepeatedWord(Rule):
    code = "MTA301"
    name = "repeated-word"
    category = "mt-artifact"
    severity = Severity.WARNING
    fixable = True
    summary = "The same word twice in a row"
    doc = RuleDoc(
        what="A word written twice in a row, such as \"the the\", even across a line break. "
             "Words that English doubles on purpose (\"that that\", \"had had\") are not flagged.",
        why="A doubled word is a slip that spell checkers miss and readers notice at once. The "
            "fix removes the second copy.",
        bad="The minister said the the budget would be cut.\n",
        good="The minister said that that budget had had no debate.\n",
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        for block in doc.blocks:
            for m in _REPEAT.finditer(block.text):
                word = m.group(1)
                if word.lower() in LEGITIMATE_DOUBLES:
                    continue
                # The fix keeps the first copy: "the the" -> "the".
                yield Hit(block.start + m.start(1), block.start + m.end(3),
                          f"Repeated word '{word}'", word)
