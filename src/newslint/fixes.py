"""Applying fixes to a file's text: non-overlapping replacements, last first. Safe fixes always;
unsafe ones (guesses: a near-miss name, a lowercased noun) only when the user asks for them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from newslint.findings import Finding, Fix

if TYPE_CHECKING:
    from newslint.engine import FileResult


def applicable(findings: Iterable[Finding], unsafe: bool) -> list[Fix]:
    """The fixes of these findings that may be applied: the safe ones, and with `unsafe` all."""
    return [f.fix for f in findings if f.fix is not None and (unsafe or f.fix.applicability == "safe")]


def withhold_unsafe(findings: Iterable[Finding]) -> int:
    """Take the unsafe fixes off the findings, so that no report offers them; how many there were."""
    withheld = 0
    for finding in findings:
        if finding.fix is not None and finding.fix.applicability != "safe":
            finding.fix = None
            withheld += 1
    return withheld


def withhold_unwritable(results: Iterable[FileResult]) -> None:
    """Take the fixes off the findings of files --fix never rewrites (FileResult.fixable: not
    UTF-8, standard input), so that no report offers, as fixable, what --fix will not do."""
    for result in results:
        if not result.fixable:
            for finding in result.findings:
                finding.fix = None


def apply_fixes(text: str, findings: list[Finding], unsafe: bool = False) -> tuple[str, int]:
    """The text with every applicable fix applied that does not overlap an earlier one, and how
    many were."""
    fixes: list[Fix] = sorted(applicable(findings, unsafe), key=lambda x: (x.start_offset, x.end_offset))
    chosen: list[Fix] = []
    last_end = -1
    for fix in fixes:
        if fix.start_offset < last_end or fix.end_offset > len(text):
            continue  # overlaps a fix already chosen; the next run will get it
        chosen.append(fix)
        last_end = max(fix.end_offset, fix.start_offset + 1 if fix.end_offset == fix.start_offset else fix.end_offset)
    pieces = []
    cursor = 0
    for fix in chosen:
        pieces.append(text[cursor:fix.start_offset])
        pieces.append(fix.replacement)
        cursor = fix.end_offset
    pieces.append(text[cursor:])
    return "".join(pieces), len(chosen)
