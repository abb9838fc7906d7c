"""Plain text: blocks are separated by blank lines.

A block whose lines are all short is a hard-wrapped paragraph and stays one block. A block with
a long line was not wrapped by hand, so each of its lines is a paragraph of its own (scraped text
often separates paragraphs by a single line break).
"""

from __future__ import annotations

from typing import Iterable

from newslint.document import LINE_BREAK, PARAGRAPH, DocumentBuilder
from newslint.sources import Loaded, SourceOptions

# A line longer than this was not hard-wrapped by a person or an editor.
WRAP_WIDTH = 100


def load(path: str, text: str, options: SourceOptions) -> Loaded:
    builder = DocumentBuilder(path, text, "text")
    add_plain_text(builder, text, 0)
    return Loaded([builder.build()])


def add_plain_text(builder: DocumentBuilder, text: str, base: int) -> None:
    """Add the blocks of a plain text that starts at source offset `base`.

    Only usable where `text` is a verbatim slice of the source (offsets map one to one).
    """
    for group in _line_groups(text):
        wrapped = all(len(line) <= WRAP_WIDTH for _, line in group)
        for i, (start, line) in enumerate(group):
            if i and wrapped:
                builder.add_synthetic("\n")
            builder.add(line, base + start)
            if not wrapped:
                builder.end_block(PARAGRAPH)
        builder.end_block(PARAGRAPH)


def _line_groups(text: str) -> list[list[tuple[int, str]]]:
    """Runs of non-blank lines as (offset, line without its line break)."""
    groups: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    offset = 0
    for line, eol in _lines(text):
        if line.strip():
            current.append((offset, line))
        elif current:
            groups.append(current)
            current = []
        offset += len(line) + eol
    if current:
        groups.append(current)
    return groups


def _lines(text: str) -> Iterable[tuple[str, int]]:
    """Each line without its line break, and the length of the break (0 after the last line).
    Lines end where LineIndex ends them (document.LINE_BREAK); without a CR, at each LF, which
    str.split finds in C."""
    if "\r" not in text:
        lines = text.split("\n")
        return zip(lines, [1] * (len(lines) - 1) + [0])
    parts = LINE_BREAK.split(text)
    breaks = [len(m.group()) for m in LINE_BREAK.finditer(text)]
    return zip(parts, breaks + [0])
