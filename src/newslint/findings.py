"""What a rule reports (a Hit, in document offsets) and what the user sees (a Finding, in file positions)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum

CATEGORIES = (
    "truncation",
    "fragment",
    "name-misspelling",
    "name-inconsistency",
    "mt-artifact",
    "residue",
    "spelling",
    "grammar",
    "input",
)


class Severity(IntEnum):
    """Ordered so that `finding.severity >= fail_on` decides the exit status."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> "Severity":
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (use error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


# What a finding keeps of its source line: the whole line when it is short, else a window of
# EXCERPT_WIDTH characters starting EXCERPT_BEFORE characters before the finding. A finding never
# holds a whole long line: a one-line JSON Lines record or text file has thousands of findings.
# The window covers everything reporters show (reporters/text.py cuts lines to 160 characters,
# 40 of them before the span).
EXCERPT_WIDTH = 400
EXCERPT_BEFORE = 200


def excerpt_bounds(column: int, length: int) -> tuple[int, int]:
    """[lo, hi): the characters of a line of `length` characters kept for a finding at `column`
    (1-based): the whole line when it is short."""
    if length <= EXCERPT_WIDTH:
        return 0, length
    lo = max(0, min(column - 1 - EXCERPT_BEFORE, length - EXCERPT_WIDTH))
    return lo, lo + EXCERPT_WIDTH


# Text a message quotes (a matched line, a foreign run) is cut to this many characters: the span
# shows the rest, and a message is read on one line.
QUOTE_LIMIT = 80


def shorten(text: str, limit: int = QUOTE_LIMIT) -> str:
    """`text` for quoting in a one-line message: a short quote stays as it is (the spaces may be
    the finding: "said  ,"); a long one, or one over several lines, has its white space runs
    made one space and is cut with "…" past `limit`."""
    if len(text) <= limit and not any(c in text for c in "\n\r\t"):
        return text
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


@dataclass(frozen=True, slots=True)
class Hit:
    """A rule's raw result: a span of the document's text, a message and an optional replacement."""

    start: int
    end: int
    message: str
    replacement: str | None = None


@dataclass(frozen=True, slots=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based, in characters


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace the source characters [start_offset, end_offset) with `replacement`."""

    start_offset: int
    end_offset: int
    replacement: str
    start: Position
    end: Position
    # "safe": --fix applies it. "unsafe": a guess that may be wrong (a near-miss name, a
    # lowercased noun); applied, and shown, only with --unsafe-fixes.
    applicability: str = "safe"

    def to_json(self) -> dict:
        return {
            "replacement": self.replacement,
            "line": self.start.line,
            "column": self.start.column,
            "end_line": self.end.line,
            "end_column": self.end.column,
            "applicability": self.applicability,
        }


@dataclass(slots=True)
class Finding:
    path: str
    start: Position
    end: Position
    code: str
    rule: str
    category: str
    severity: Severity
    message: str
    fix: Fix | None = None
    # The source line the finding starts on, for reporters that show context; of a long line,
    # only an excerpt around the finding (see excerpt_bounds and LineIndex.excerpt).
    source_line: str = field(default="", compare=False)
    # For LanguageTool's findings: {"rule": "EN_A_VS_AN", "category": "GRAMMAR", "replacements": [...]}.
    languagetool: dict | None = field(default=None, compare=False)
    # Where source_line starts in the line (0-based, in characters), and the whole line's length
    # (-1: source_line is the whole line).
    source_start: int = field(default=0, compare=False)
    line_length: int = field(default=-1, compare=False)

    @property
    def rule_code(self) -> str:
        """The code of the rule that reported this: GRM001 for a finding coded GRM001/EN_A_VS_AN."""
        return self.code.partition("/")[0]

    @property
    def source_length(self) -> int:
        """The length of the whole source line, of which source_line may be an excerpt."""
        return self.line_length if self.line_length >= 0 else len(self.source_line)

    @property
    def line(self) -> int:
        return self.start.line

    @property
    def column(self) -> int:
        return self.start.column

    def sort_key(self) -> tuple:
        return (self.path, self.start.line, self.start.column, self.code, self.message)

    def to_json(self) -> dict:
        out = {
            "path": self.path,
            "line": self.start.line,
            "column": self.start.column,
            "end_line": self.end.line,
            "end_column": self.end.column,
            "code": self.code,
            "rule": self.rule,
            "category": self.category,
            "severity": str(self.severity),
            "message": self.message,
            "fix": self.fix.to_json() if self.fix else None,
        }
        if self.languagetool is not None:
            out["languagetool"] = self.languagetool
        return out
