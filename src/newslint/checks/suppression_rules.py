"""Rules about suppression comments themselves; the engine emits their findings."""

from __future__ import annotations

from newslint.checks.input_problems import EngineEmitted
from newslint.findings import Severity
from newslint.rule import RuleDoc


class UnusedSuppression(EngineEmitted):
    code = "INP100"
    name = "unused-suppression"
    severity = Severity.WARNING
    summary = "A newslint-disable comment suppresses nothing"
    doc = RuleDoc(
        what="A `<!-- newslint-disable ... -->` comment (any form) that suppressed no finding.",
        why="A stale suppression hides the next real problem at that place. Remove it.",
        bad="<!-- newslint-disable-next-line repeated-word -->\nThe council met on Monday.\n",
        good="<!-- newslint-disable-next-line repeated-word -->\n“It was was fine,” the caption read, quoting the sign.\n",
        example_format="md",
    )


class UnknownSuppression(EngineEmitted):
    code = "INP101"
    name = "unknown-suppression-code"
    severity = Severity.WARNING
    summary = "A newslint-disable comment names no known rule"
    doc = RuleDoc(
        what="A suppression comment whose code, prefix, rule name or category matches no rule.",
        why="A typo in a suppression silently suppresses nothing.",
        bad="<!-- newslint-disable-next-line RES999 -->\nThe council met on Monday.\n",
        good="<!-- newslint-disable-next-line residue -->\nHome » News » World\n",
        example_format="md",
    )


SUPPRESSION_RULES = [UnusedSuppression, UnknownSuppression]
