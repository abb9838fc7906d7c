"""Text for people: `path:line:col: CODE message`, the source line with the span underlined."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from newslint.findings import EXCERPT_BEFORE, EXCERPT_WIDTH, Finding, Severity
from newslint.reporters import Report

_BOLD, _RED, _YELLOW, _CYAN, _DIM, _RESET = "\x1b[1m", "\x1b[31m", "\x1b[33m", "\x1b[36m", "\x1b[2m", "\x1b[0m"
_SEVERITY_COLOR = {Severity.ERROR: _RED, Severity.WARNING: _YELLOW, Severity.INFO: _CYAN}
_MAX_LINE = 160  # long source lines are cut to a window of this many characters around the span
_CONTEXT = 40  # characters kept before the span when a line is cut
_TAB = 4
# A finding keeps enough of a long line for the window above.
assert EXCERPT_BEFORE >= _CONTEXT and EXCERPT_WIDTH - EXCERPT_BEFORE >= _MAX_LINE - _CONTEXT
# Control characters would move the cursor or change colours in the terminal: show them as U+FFFD.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _style(text: str, code: str, color: bool) -> str:
    return f"{code}{text}{_RESET}" if color else text


def _head(f: Finding, color: bool) -> str:
    where = _style(f"{f.path}:{f.line}:{f.column}:", _BOLD, color)
    code = _style(f.code, _SEVERITY_COLOR[f.severity], color)
    fixable = " [*]" if f.fix else ""
    message = _CONTROL.sub("\ufffd", f.message.replace("\t", " ").replace("\n", " "))
    return f"{where} {code}{fixable} {message}"


def render_concise(report: Report) -> str:
    lines = [_head(f, report.color) for f in report.findings]
    return "\n".join([*lines, _summary(report)]) + "\n"


def render_text(report: Report) -> str:
    out: list[str] = []
    for f in report.findings:
        out.append(_head(f, report.color))
        out.extend(_snippet(f, report.color))
        out.append("")
    out.append(_summary(report))
    return "\n".join(out) + "\n"


def _width(ch: str) -> int:
    """Terminal columns of one character (tabs are handled by the caller)."""
    if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _snippet(f: Finding, color: bool) -> list[str]:
    # Positions below are in the whole line; the finding keeps only an excerpt of a long line,
    # `excerpt`, which starts at `offset` in it and holds the window cut here.
    excerpt, offset, length = f.source_line, f.source_start, f.source_length
    if not excerpt.strip() and len(excerpt) == length:
        return []
    start = min(max(f.column - 1, 0), length)
    # A span that runs past this line is underlined to the end of the line.
    end = min(f.end.column - 1, length) if f.end.line == f.line else length
    end = max(end, start)

    # Cut long lines to a window around the start of the span.
    lo = 0
    if length > _MAX_LINE:
        lo = max(0, min(start - _CONTEXT, length - _MAX_LINE))
    hi = min(length, lo + _MAX_LINE)
    # Never outside the excerpt (it holds the window: findings.EXCERPT_WIDTH, EXCERPT_BEFORE).
    lo, hi = max(lo, offset), max(min(hi, offset + len(excerpt)), offset)
    start, end = min(max(start, lo), hi), min(max(end, lo), hi)

    window = excerpt[lo - offset:hi - offset]
    lead = 1 if lo else 0  # the "…" before a cut window
    if window.isascii() and window.isprintable():
        # One column a character (no tab, no control, no wide character): the usual line.
        shown = ["…" * lead, window]
        first, last = lead + start - lo, lead + end - lo
    else:
        shown, cols = _layout(window, lead)
        first, last = cols[start - lo], cols[end - lo]
    if hi < length:
        shown.append("…")

    marker = " " * first + "^" * max(1, last - first)
    gutter = str(f.line)
    pad = " " * len(gutter)
    return [
        f"{pad} |",
        f"{_style(gutter, _DIM, color)} | {''.join(shown)}",
        f"{pad} | {_style(marker, _SEVERITY_COLOR[f.severity], color)}",
    ]


def _layout(window: str, col: int) -> tuple[list[str], list[int]]:
    """The window as shown (tabs expanded, control characters replaced) and, for each of its
    characters and its end, the terminal column where it starts."""
    shown: list[str] = ["…"] if col else []
    cols: list[int] = []
    for ch in window:
        cols.append(col)
        if ch == "\t":
            step = _TAB - col % _TAB
            shown.append(" " * step)
        else:
            ch = _CONTROL.sub("\ufffd", ch)
            step = _width(ch)
            shown.append(ch)
        col += step
    cols.append(col)
    return shown, cols


def _summary(report: Report) -> str:
    n = len(report.findings)
    files = f"{report.files_checked} file{'s' if report.files_checked != 1 else ''}"
    parts = []
    if report.fixed:
        parts.append(f"Fixed {report.fixed} finding{'s' if report.fixed != 1 else ''}.")
    if n:
        fixable = sum(1 for f in report.findings if f.fix)
        by_sev = Counter(str(f.severity) for f in report.findings)
        detail = ", ".join(f"{by_sev[s]} {s}{'s' if by_sev[s] != 1 else ''}" for s in ("error", "warning", "info") if by_sev[s])
        parts.append(f"Found {n} finding{'s' if n != 1 else ''} ({detail}) in {files}.")
        if fixable:
            parts.append(f"{fixable} fixable with --fix.")
        if report.withheld_fixes:
            parts.append(f"{report.withheld_fixes} more with --unsafe-fixes.")
    else:
        parts.append(f"All checked: no findings in {files}.")
    parts.extend(report.notes)
    return " ".join(parts)
