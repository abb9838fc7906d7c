"""Sources turn a file's text into Documents; everything downstream sees only Documents.

Each format module has `load(path, text, options) -> Loaded`. `FORMATS` maps file endings to
format names; `--stdin-filename` and explicitly named files use the same table.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Iterable

from newslint.document import Document, LineIndex

FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
}
DEFAULT_INCLUDE = tuple(f"*{ext}" for ext in FORMATS)


@dataclass(frozen=True)
class Problem:
    """Something about the input itself, reported as a finding of category `input`."""

    code: str
    message: str
    line: int = 1
    column: int = 1


@dataclass(frozen=True)
class SourceOptions:
    jsonl_text_field: str = "text"


@dataclass
class Loaded:
    # A list; with `load(..., stream=True)` JSON Lines gives an iterator instead, which builds
    # each record's document as it is consumed and adds to `problems` as it goes, so that a big
    # file never holds every record's document at once.
    documents: list[Document] | Iterable[Document]
    problems: list[Problem] = field(default_factory=list)
    # Whether suppression comments (<!-- newslint-disable ... -->) apply to this format.
    has_comments: bool = False
    lines: LineIndex | None = None  # of the whole file, where the documents share one


def format_for(path: str) -> str | None:
    """The format of a file by its ending; None for a file newslint does not read."""
    # os.path, not PurePath(path).suffix: the same ending ("" for ".md" alone), in a fifth of
    # the time, which a warm run over a corpus pays for every file.
    return FORMATS.get(os.path.splitext(path)[1].lower())


def format_of(path: str) -> str:
    """The format a file is read as: by its ending, and as plain text when newslint does not know
    the ending (a file named on the command line is linted whatever its name)."""
    return format_for(path) or "text"


def load(fmt: str, path: str, text: str, options: SourceOptions, stream: bool = False, first_line: int = 1) -> Loaded:
    """The documents of a file's text; JSON Lines may be a piece of a file (pieces.py) that
    starts at line `first_line`."""
    if fmt == "jsonl":
        from newslint.sources import jsonl

        return jsonl.load(path, text, options, stream, first_line)
    if fmt == "markdown":
        from newslint.sources import markdown as module
    elif fmt == "html":
        from newslint.sources import html as module
    else:
        from newslint.sources import text as module
    return module.load(path, text, options)
