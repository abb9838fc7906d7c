"""Applying safe fixes to a file's text: non-overlapping replacements, last first."""

from __future__ import annotations

from newslint.findings import Finding, Fix


def apply_fixes(text: str, findings: list[Finding]) -> tuple[str, int]:
    """The text with every fix applied that does not overlap an earlier one, and how many were."""
    fixes: list[Fix] = sorted((f.fix for f in findings if f.fix), key=lambda x: (x.start_offset, x.end_offset))
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
