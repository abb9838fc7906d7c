"""Helpers the Markdown, HTML and JSON Lines sources share: inline prose with held-back
separators (`ProseWriter`), and offsets in a derived string back to the file (`OffsetMap`)."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Callable

from newslint.document import PARAGRAPH, DocumentBuilder

# Stands for something inside a sentence that is not prose (a code span, an image): not a word
# character and not white space, so "the `x` the" is not "the the", and no rule reads it as a word.
OBJECT = "\ufffc"


# What str.splitlines() breaks a line at (tabs too): a message quoting text across it would not
# be the one line `path:line:col: CODE message` promises.
_LINE_BREAKS = re.compile("[\t\n\x0b\x0c\r\x1c-\x1e\x85\u2028\u2029]+")


def readable(message: str) -> str:
    """A message that quotes the text, as people read it: each OBJECT shows as "…" (something
    that is not prose stood there), not as a box, and line breaks quoted from the text as one
    space. Positions come from the text, not from this."""
    if OBJECT in message:
        message = message.replace(OBJECT, "…")
    return _LINE_BREAKS.sub(" ", message)


class OffsetMap:
    """Offsets in a string derived from the file (Markdown inline content, a decoded JSON string)
    back to file offsets.

    Runs are added in order. A run whose two lengths are equal maps character by character; one
    whose lengths differ (a JSON escape standing for one character) maps as a whole. Offsets in a
    gap between runs extend the run before them.
    """

    __slots__ = ("starts", "src_starts", "lens", "src_lens")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.src_starts: list[int] = []
        self.lens: list[int] = []
        self.src_lens: list[int] = []

    def add(self, start: int, src_start: int, length: int, src_length: int | None = None) -> None:
        if length <= 0:
            return
        self.starts.append(start)
        self.src_starts.append(src_start)
        self.lens.append(length)
        self.src_lens.append(length if src_length is None else src_length)

    def source(self, offset: int) -> int:
        """File offset of the derived character at `offset`."""
        if not self.starts:
            return offset
        i = max(bisect_right(self.starts, offset) - 1, 0)
        if self.lens[i] != self.src_lens[i]:
            return self.src_starts[i]
        return self.src_starts[i] + offset - self.starts[i]

    def emit(self, text: str, start: int, put: Callable[[str, int], None],
             put_atomic: Callable[[str, int, int], None]) -> None:
        """Hand `text` (the derived characters from `start`) to `put`/`put_atomic`, run by run."""
        starts, src_starts, lens, src_lens = self.starts, self.src_starts, self.lens, self.src_lens
        if not starts:
            put(text, start)
            return
        i = max(bisect_right(starts, start) - 1, 0)
        done, n, last = 0, len(text), len(starts) - 1
        while done < n:
            offset = start + done
            while i < last and starts[i + 1] <= offset:
                i += 1
            take = n - done
            if i < last and starts[i + 1] - offset < take:
                take = starts[i + 1] - offset
            if lens[i] == src_lens[i]:
                put(text[done:done + take], src_starts[i] + offset - starts[i])
            else:
                put_atomic(text[done:done + take], src_starts[i], src_starts[i] + src_lens[i])
            done += take


class ProseWriter:
    """Adds the inline content of blocks to a DocumentBuilder.

    Separators (a collapsible space, a line break, an OBJECT) are held back until text follows,
    and merged where several meet: spaces and line breaks at the edges of a block are dropped, an
    OBJECT is kept only in a block that has some text (a paragraph of only images or code spans
    is no block at all, while "`cmd` runs the tool" keeps the OBJECT where the sentence starts).
    """

    def __init__(self, builder: DocumentBuilder) -> None:
        self.builder = builder
        self._source = builder.source_text
        self._pending: list[tuple[str, int, int]] = []
        self._has_text = False  # the open block has something besides white space

    def text(self, text: str, src: int) -> None:
        """Text copied verbatim from the file at `src`."""
        if self._hold_space(text, src, src + len(text)):
            return
        self._flush()
        self.builder.add(text, src)

    def atomic(self, text: str, src_start: int, src_end: int) -> None:
        """Text standing for the file span as a whole (an entity, an escape)."""
        if not self._has_text and self._hold_space(text, src_start, src_end):
            return  # white space before the first words (a &nbsp; elsewhere is kept as it is)
        self._flush()
        self.builder.add_atomic(text, src_start, src_end)

    def space(self, src_start: int, src_end: int) -> None:
        """White space that collapses to one space."""
        self._pending.append((" ", src_start, src_end))

    def newline(self, src_start: int, src_end: int) -> None:
        """A line break inside the block; spaces next to it vanish."""
        self._pending.append(("\n", src_start, src_end))

    def placeholder(self, src_start: int, src_end: int) -> None:
        """Something in the sentence that is not prose: one OBJECT, if the block has text."""
        self._pending.append((OBJECT, src_start, src_end))

    def end(self, kind: str = PARAGRAPH, level: int = 0) -> None:
        """Close the block; OBJECTs after its last words stay, white space does not."""
        if self._has_text:
            self._write(_trim(_merge(self._pending), leading=False))
        self._pending.clear()
        self._has_text = False
        self.builder.end_block(kind, level)

    def _hold_space(self, text: str, src_start: int, src_end: int) -> bool:
        """Text of only white space is a separator like any other; True if held back as one."""
        if text and not text.isspace():
            return False
        if text:
            self.space(src_start, src_end)
        return True

    def _flush(self) -> None:
        """Text follows: write what was held back."""
        pending = _merge(self._pending)
        self._write(pending if self._has_text else _trim(pending, leading=True))
        self._pending.clear()
        self._has_text = True

    def _write(self, separators: list[tuple[str, int, int]]) -> None:
        for sep, start, end in separators:
            if end - start == 1 and self._source[start] == sep:
                self.builder.add(sep, start)  # the same character: keeps the map linear for fixes
            else:
                self.builder.add_atomic(sep, start, end)


def _merge(pending: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """One space for a run of spaces; none next to a line break."""
    out: list[tuple[str, int, int]] = []
    for item in pending:
        sep = item[0]
        if sep == " " and out and out[-1][0] in " \n":
            continue
        if sep == "\n" and out and out[-1][0] == " ":
            out.pop()
        out.append(item)
    return out


def _trim(items: list[tuple[str, int, int]], leading: bool) -> list[tuple[str, int, int]]:
    """Drop the spaces and line breaks before the first OBJECT (or after the last one)."""
    objects = [i for i, item in enumerate(items) if item[0] == OBJECT]
    if not objects:
        return []
    return items[objects[0]:] if leading else items[:objects[-1] + 1]
