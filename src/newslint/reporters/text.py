"""Text for people: `path:line:col: CODE message`, the source line with the span underlined."""

from __future__ import annotations

from collections import Counter

from newslint.findings import Finding
from newslint.reporters import Report

_BOLD, _RED, _YELLOW, _CYAN, _DIM, _RESET = "\x1b[1m", "\x1b[31m", "\x1b[33m", "\x1b[36m", "\x1b[2m", "\x1b[0m"
_MAX_LINE = 160  # long source lines are cut around the span


def _style(text: str, code: str, color: bool) -> str:
    return f"{code}{text}{_RESET}" if color else text


def _head(f: Finding, color: bool) -> str:
    where = _style(f"{f.path}:{f.line}:{f.column}:", _BOLD, color)
    code = _style(f.code, _RED if f.severity >= 3 else _YELLOW if f.severity == 2 else _CYAN, color)
    fixable = " [*]" if f.fix else ""
    return f"{where} {code}{fixable} {f.message}"


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


def _snippet(f: Finding, color: bool) -> list[str]:
    line = f.source_line.expandtabs(1)
    if not line.strip():
        return []
    start = f.column - 1
    end = f.end.column - 1 if f.end.line == f.line else len(line)
    end = max(end, start + 1)
    # Cut long lines to a window around the span.
    offset = 0
    if len(line) > _MAX_LINE:
        offset = max(0, min(start - 40, len(line) - _MAX_LINE))
        line = ("…" if offset else "") + line[offset:offset + _MAX_LINE] + ("…" if offset + _MAX_LINE < len(f.source_line) else "")
        shift = offset - (1 if offset else 0)
        start, end = start - shift, min(end - shift, len(line))
    gutter = str(f.line)
    pad = " " * len(gutter)
    marker = " " * start + "^" * max(1, end - start)
    return [
        f"{pad} |",
        f"{_style(gutter, _DIM, color)} | {line}",
        f"{pad} | {_style(marker, _RED if f.severity >= 3 else _YELLOW, color)}",
    ]


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
    else:
        parts.append(f"All checked: no findings in {files}.")
    parts.extend(report.notes)
    return " ".join(parts)
