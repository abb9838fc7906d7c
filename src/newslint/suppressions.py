"""Inline suppressions in Markdown and HTML comments.

    <!-- newslint-disable CODE[,CODE] -->      from here on (no codes: every rule)
    <!-- newslint-enable [CODE,...] -->        ends those disables (no codes: all of them)
    <!-- newslint-disable-next-line CODE -->   the next non-blank line only
    <!-- newslint-disable-file CODE -->        the whole file

A code may be a rule code, a code prefix, a rule name, a category or one LanguageTool rule
(GRM001/EN_A_VS_AN). Every code of every comment remembers whether it suppressed anything, so
that unused ones can be reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newslint.findings import Finding
from newslint.rule import Rule
from newslint.selection import specificity

_DIRECTIVE = re.compile(
    r"<!--\s*newslint-(disable-next-line|disable-file|disable|enable)\b(.*?)-->", re.DOTALL
)
_SPLIT = re.compile(r"[\s,]+")
ALL = "*"


@dataclass
class Selector:
    """One code of one comment, with the lines it covers."""

    text: str  # as written, or ALL
    directive: "Directive"
    first_line: int
    last_line: int  # inclusive; a very large number for "to the end"
    used: bool = False


@dataclass
class Directive:
    kind: str
    line: int
    column: int
    end_line: int
    end_column: int
    selectors: list[Selector] = field(default_factory=list)


@dataclass
class Suppressions:
    directives: list[Directive]

    def suppresses(self, finding: Finding, rule: Rule, mark: bool = True) -> bool:
        hit = False
        for directive in self.directives:
            for sel in directive.selectors:
                if sel.first_line <= finding.line <= sel.last_line and (
                    sel.text == ALL or specificity(sel.text, rule, finding.code)
                ):
                    hit = True
                    if mark:
                        sel.used = True
        return hit


def parse(text: str, lines) -> Suppressions:
    """Find the directives in a file's text; `lines` is its LineIndex."""
    end_of_file = lines.last_line + 1
    directives: list[Directive] = []
    open_selectors: list[Selector] = []
    for m in _DIRECTIVE.finditer(text):
        kind = m.group(1)
        line, column = lines.position(m.start())
        end_line, end_column = lines.position(m.end())
        codes = [c for c in _SPLIT.split(m.group(2).strip()) if c] or [ALL]
        directive = Directive(kind, line, column, end_line, end_column)
        if kind == "enable":
            for sel in open_selectors:
                if ALL in codes or sel.text in codes:
                    sel.last_line = line
            open_selectors = [s for s in open_selectors if s.last_line == end_of_file]
            continue  # enable comments suppress nothing themselves
        if kind == "disable-file":
            span = (1, end_of_file)
        elif kind == "disable-next-line":
            target = _next_nonblank_line(lines, end_line + 1)
            span = (target, target)
        else:
            span = (line, end_of_file)
        for code in codes:
            sel = Selector(code, directive, *span)
            directive.selectors.append(sel)
            if kind == "disable":
                open_selectors.append(sel)
        directives.append(directive)
    return Suppressions(directives)


def _next_nonblank_line(lines, line: int) -> int:
    total = lines.last_line
    while line <= total and lines.is_blank(line):
        line += 1
    return line
