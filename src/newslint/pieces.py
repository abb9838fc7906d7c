"""A big JSON Lines file cut into pieces at line ends, each linted on its own, and the results
put back together: one file of a million records (a scraped corpus) keeps every core busy, not
one (parallel.py sends the pieces to its workers like files).

A record is one line and is linted alone, so a piece's findings are the file's findings on those
lines; its lines are numbered as in the file (LineIndex.first_line). What depends on the whole
file is left to the whole file: a file that is not clean UTF-8 (it is read in another encoding,
with an input finding) is linted whole again, and so is one with carriage returns (a lone CR
ends a line too: counting lines by LF alone would not do).
"""

from __future__ import annotations

import sys
from array import array
from typing import TYPE_CHECKING, NamedTuple

from newslint.sources.decoding import Decoded, decode

if TYPE_CHECKING:
    from newslint.engine import FileResult, Plan

# A piece holds about this many bytes of whole lines: small enough that two cores finish a file
# of a few megabytes together, big enough that sending one costs next to nothing.
PIECE_BYTES = 1 << 20
# A JSON Lines file this big is cut into pieces (when worker processes lint the run).
SPLIT_MIN_BYTES = 2 * PIECE_BYTES


class Piece(NamedTuple):
    start: int  # byte offset of its first line
    end: int  # byte offset just past its last line break (or the end of the file)
    first_line: int  # the line number of its first line in the file (1-based)


def cut(path: str, digest=None, piece_bytes: int | None = None) -> list[Piece] | None:
    """The file's pieces, in order, read once (a block at a time; `digest` gets every byte, for
    the cache's key); None when the file is not to be cut: it has a carriage return, or starts
    with a UTF-16 or UTF-32 byte-order mark."""
    size = piece_bytes or PIECE_BYTES
    pieces: list[Piece] = []
    start, first_line, at, lines = 0, 1, 0, 0  # the piece being read; `lines`: its line breaks so far
    with open(path, "rb", buffering=0) as file:
        while block := file.read(size):
            if digest is not None:
                digest.update(block)
            if b"\r" in block or (at == 0 and block.startswith((b"\xff\xfe", b"\xfe\xff"))):
                return None  # (UTF-32 little-endian starts with the UTF-16 mark)
            last = block.rfind(b"\n")
            if last != -1 and at + len(block) - start >= size:
                end = at + last + 1
                lines += block.count(b"\n", 0, last + 1)
                pieces.append(Piece(start, end, first_line))
                start, first_line, lines = end, first_line + lines, 0  # no line break after `last`
            else:
                lines += block.count(b"\n")
            at += len(block)
    if start < at or not pieces:
        pieces.append(Piece(start, at, first_line))
    return pieces


def lint_piece(path: str, display: str, piece: Piece, plan: "Plan") -> "FileResult | None":
    """The result of the piece's lines, with the file's line numbers; None when the piece is not
    clean UTF-8 or cannot be read (the whole file is then linted, and reports it)."""
    from newslint.engine import lint_texts

    try:
        with open(path, "rb", buffering=0) as file:
            file.seek(piece.start)
            data = file.read(piece.end - piece.start)
    except OSError:
        return None
    if len(data) != piece.end - piece.start:
        return None  # the file changed under the run
    if piece.start == 0:
        decoded = decode(data)  # as the whole file is decoded: a byte-order mark, NUL bytes
        if decoded.text is None or not decoded.clean:
            return None
    else:
        # Not decode(): mid-file, bytes that look like a byte-order mark are part of a line (the
        # whole file reads them as text, and the line is no JSON), not a mark to take off.
        try:
            decoded = Decoded(data.decode("utf-8"), "utf-8", True)
        except UnicodeDecodeError:
            return None
    return lint_texts([(decoded, display, "jsonl")], plan, piece.first_line)[0]


class Joined:
    """The result of a whole file, put together from its pieces' results as they come, in order.
    Each piece's sightings arrive with their own copies of the names: kept once (interned), or
    the pieces of a 100 MB file would hold hundreds of megabytes of the same strings."""

    def __init__(self) -> None:
        self.pieces = 0
        self.encoding = "utf-8"
        self.findings: list = []
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self._sightings: dict[str, tuple[list[str], list[str], array]] = {}

    def add(self, result: "FileResult") -> None:
        if not self.pieces:
            self.encoding = result.encoding  # "utf-8-sig" after a byte-order mark
        self.pieces += 1
        self.findings += result.findings
        self.errors += result.errors
        self.warnings += result.warnings
        for code, (keys, forms, numbers) in result.sightings.items():
            mine = self._sightings.get(code)
            if mine is None:
                mine = self._sightings[code] = ([], [], array(numbers.typecode))
            mine[0].extend(map(sys.intern, keys))
            mine[1].extend(map(sys.intern, forms))
            mine[2].extend(numbers)

    def result(self) -> "FileResult":
        from newslint.engine import FileResult

        sightings = {code: (tuple(keys), tuple(forms), numbers) for code, (keys, forms, numbers) in self._sightings.items()}
        return FileResult("", self.findings, None, self.encoding, False, self.errors, sightings, None, None,
                          self.warnings)
