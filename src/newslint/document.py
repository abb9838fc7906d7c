"""The document model every rule reads: prose text split into blocks, sentences and words.

A source (plain text, Markdown, HTML, a JSON Lines record) builds a Document with a
DocumentBuilder. The document's `text` holds only prose, blocks joined by a blank line; a
SourceMap takes any offset in that text back to an offset in the original file, and a LineIndex
turns a file offset into a 1-based line and column. Sentences and words are computed lazily,
once, and shared by all rules.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, wraps
from itertools import filterfalse
from typing import Callable, Iterable, NamedTuple, TypeVar

from newslint import segment
from newslint.findings import excerpt_bounds

BLOCK_SEPARATOR = "\n\n"
# What ends a line in a file: LF, CRLF, and a lone CR (old Mac files), as markdown-it counts them.
LINE_BREAK = re.compile(r"\r\n?|\n")
_NON_SPACE = re.compile(r"\S")
_WORD_RUN = re.compile(r"\w+")

# Block kinds. Sources use these names; rules may rely on them.
HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list-item"
QUOTE = "quote"
TABLE_CELL = "table-cell"
CAPTION = "caption"
BLOCK_KINDS = (HEADING, PARAGRAPH, LIST_ITEM, QUOTE, TABLE_CELL, CAPTION)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Block:
    index: int
    kind: str
    start: int
    end: int
    text: str
    level: int = 0  # heading level, where the source knows it


# Sentences and words are named tuples: a corpus makes millions, and a tuple is built several
# times faster than a frozen dataclass.
class Sentence(NamedTuple):
    index: int
    block: int  # index of the block it belongs to
    start: int
    end: int
    text: str


class Word(NamedTuple):
    start: int
    end: int
    text: str
    sentence: int  # index of its sentence


class LineIndex:
    """File offsets to 1-based (line, column), by binary search over line starts. A line ends
    at LINE_BREAK. The text may be a piece of a file that starts at line `first_line` (see
    pieces.py): lines are numbered as in the file, here and wherever its numbers are used."""

    def __init__(self, text: str, first_line: int = 1) -> None:
        self.text = text
        self.first_line = first_line
        self._bounds: dict[int, tuple[int, int]] = {}  # line -> (start, length), of lines asked about
        if "\r" in text:
            self.starts = [0, *(m.end() for m in LINE_BREAK.finditer(text))]
            return
        starts = [0]  # LF only, nearly always: str.find is several times faster than the regex
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self.starts = starts

    @property
    def last_line(self) -> int:
        return self.first_line + len(self.starts) - 1

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset) - 1
        return line + self.first_line, offset - self.starts[line] + 1

    def span(self, start: int, end: int) -> tuple[int, int, int, int]:
        """(line, column, end line, end column) of [start, end): one search when the span ends
        on the line it starts on, as words and names do."""
        starts = self.starts
        line = bisect_right(starts, start) - 1
        number = line + self.first_line
        if line + 1 == len(starts) or end < starts[line + 1]:
            base = starts[line] - 1
            return number, start - base, number, end - base
        return (number, start - starts[line] + 1, *self.position(end))

    def line_text(self, line: int) -> str:
        start, length = self._line_bounds(line)
        return self.text[start:start + length]

    def excerpt(self, line: int, column: int) -> tuple[str, int, int]:
        """The part of line `line` a finding at `column` (1-based) keeps for reporters, without
        copying the rest of the line: (text, where it starts in the line, the line's length).
        Short lines are kept whole (start 0); see findings.excerpt_bounds."""
        start, length = self._line_bounds(line)
        lo, hi = excerpt_bounds(column, length)
        return self.text[start + lo:start + hi], lo, length

    def is_blank(self, line: int) -> bool:
        """Whether line `line` holds only white space, as `not line_text(line).strip()` but
        without copying the line."""
        start, length = self._line_bounds(line)
        return _NON_SPACE.search(self.text, start, start + length) is None

    def bounds(self, line: int) -> tuple[int, int]:
        """Where line `line` starts in the text and its length, without its line break."""
        index = line - self.first_line
        text, start = self.text, self.starts[index]
        end = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(text)
        while end > start and text[end - 1] == "\r":  # the CR of a CRLF
            end -= 1
        return start, end - start

    def _line_bounds(self, line: int) -> tuple[int, int]:
        """`bounds`, remembered for the lines findings are on (they are asked again)."""
        found = self._bounds.get(line)
        if found is None:
            found = self._bounds[line] = self.bounds(line)
        return found

    def line_start(self, line: int) -> int:
        return self.starts[line - self.first_line]


class SourceMap:
    """Piecewise map from document offsets to source offsets.

    Each segment maps `doc_len` document characters to `src_len` source characters. Where the
    two lengths are equal the map is linear inside the segment; otherwise (an HTML entity, a JSON
    escape) the segment is atomic and maps as a whole.
    """

    __slots__ = ("doc_starts", "src_starts", "doc_lens", "src_lens")

    def __init__(self) -> None:
        self.doc_starts: list[int] = []
        self.src_starts: list[int] = []
        self.doc_lens: list[int] = []
        self.src_lens: list[int] = []

    def add(self, doc_start: int, src_start: int, doc_len: int, src_len: int) -> None:
        # Merge with the previous segment when both are linear and contiguous.
        if (
            self.doc_starts
            and doc_len == src_len
            and self.doc_lens[-1] == self.src_lens[-1]
            and self.doc_starts[-1] + self.doc_lens[-1] == doc_start
            and self.src_starts[-1] + self.src_lens[-1] == src_start
        ):
            self.doc_lens[-1] += doc_len
            self.src_lens[-1] += src_len
            return
        self.doc_starts.append(doc_start)
        self.src_starts.append(src_start)
        self.doc_lens.append(doc_len)
        self.src_lens.append(src_len)

    def _segment(self, offset: int) -> int:
        return max(bisect_right(self.doc_starts, offset) - 1, 0)

    def to_source(self, offset: int) -> int:
        """Source offset of the document character at `offset`."""
        if not self.doc_starts:
            return offset
        i = self._segment(offset)
        delta = offset - self.doc_starts[i]
        if self.doc_lens[i] == self.src_lens[i]:
            return self.src_starts[i] + min(delta, self.doc_lens[i])
        return self.src_starts[i] + (self.src_lens[i] if delta >= self.doc_lens[i] else 0)

    def to_source_end(self, end: int) -> int:
        """Source offset just past the document span that ends (exclusively) at `end`."""
        if end <= 0 or not self.doc_starts:
            return self.to_source(end)
        i = self._segment(end - 1)
        delta = end - self.doc_starts[i]
        if self.doc_lens[i] == self.src_lens[i]:
            return self.src_starts[i] + min(delta, self.doc_lens[i])
        return self.src_starts[i] + self.src_lens[i]

    def to_source_span(self, start: int, end: int) -> tuple[int, int]:
        """to_source(start) and to_source_end(end) at once, with one search when the span lies
        in one linear segment (nearly always: a word or a name)."""
        if self.doc_starts and start < end:
            i = self._segment(start)
            seg_start, seg_len = self.doc_starts[i], self.doc_lens[i]
            if seg_len == self.src_lens[i] and seg_start <= start and end <= seg_start + seg_len:
                src = self.src_starts[i] + start - seg_start
                return src, src + end - start
        return self.to_source(start), self.to_source_end(end)

    def is_contiguous(self, start: int, end: int) -> bool:
        """True when [start, end) maps to one linear run of source text (so a fix can be applied)."""
        if not self.doc_starts:
            return True
        if end <= start:
            i = self._segment(start)
            return self.doc_lens[i] == self.src_lens[i]
        i, j = self._segment(start), self._segment(end - 1)
        if self.doc_lens[i] != self.src_lens[i]:
            return False
        if i == j:
            return True
        # Several segments are fine if every one is linear and they abut in the source too.
        for k in range(i, j):
            if self.doc_lens[k + 1] != self.src_lens[k + 1]:
                return False
            if self.src_starts[k] + self.src_lens[k] != self.src_starts[k + 1]:
                return False
            if self.doc_starts[k] + self.doc_lens[k] != self.doc_starts[k + 1]:
                return False
        return True


def folded(text: str) -> str:
    """`text` in lowercase with every run of white space as one space, for quick tests of
    whether a phrase is in it (Document.folded_text is its blocks so folded)."""
    # Most blocks have no white space to fold, being stripped, printable (no tab or line break)
    # and without two spaces in a row, and are taken whole instead of being split and joined.
    return (text if "  " not in text and text.isprintable() else " ".join(text.split())).lower()


@dataclass
class Document:
    """Prose extracted from one article, with the way back to the file it came from."""

    path: str
    text: str
    blocks: list[Block]
    source_map: SourceMap
    lines: LineIndex  # of the whole source file
    fmt: str = "text"
    # For JSON Lines: the 1-based line of the record in the file.
    record_line: int | None = None
    meta: dict = field(default_factory=dict)
    # U+FFFD in the text came from decoding the file, which an input finding reports (Decoded.replaced).
    decoder_replacements: bool = False
    # What functions of the document computed for the rules (once_per_document).
    answers: dict = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def sentences(self) -> list[Sentence]:
        out: list[Sentence] = []
        append, new = out.append, tuple.__new__  # the tuple built in C, without a Python __new__
        for block in self.blocks:
            base, text, index = block.start, block.text, block.index
            for start, end in segment.split_sentences(text):
                append(new(Sentence, (len(out), index, base + start, base + end, text[start:end])))
        return out

    @cached_property
    def words(self) -> list[Word]:
        out: list[Word] = []
        sentence_ends = [s.end for s in self.sentences]
        for start, end in segment.word_spans(self.text):
            out.append(Word(start, end, self.text[start:end],
                            min(bisect_right(sentence_ends, start), len(sentence_ends) - 1)))
        return out

    @cached_property
    def block_texts(self) -> list[str]:
        """The text of each block: what rules of block scope read."""
        return [block.text for block in self.blocks]

    @cached_property
    def line_texts(self) -> list[str]:
        """The lines of every block, in order: what rules of line scope read."""
        return [line for block in self.blocks for line in block.text.split("\n")]

    @cached_property
    def lowered(self) -> str:
        """The text in lowercase, as long as the text (offsets agree), with straight apostrophes."""
        text = self.text
        lowered = text.lower()
        if len(lowered) != len(text):  # a letter whose lowercase is longer ("İ"): keep offsets
            lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        return lowered.replace("’", "'") if "’" in lowered else lowered

    @cached_property
    def word_counts(self) -> Counter[str]:
        """Each word of `lowered` (segment.words) and how often it occurs."""
        return Counter(segment.words(self.lowered))

    @cached_property
    def word_pieces(self) -> frozenset[str]:
        """The pieces of the words of `word_counts` joined by an apostrophe, a hyphen or a full
        stop ("non-lethal": "non", "lethal"): with word_counts, every whole run of letters and
        digits of the text. Most words are no such compound, and are not looked at twice."""
        return frozenset(piece for word in filterfalse(str.isalnum, self.word_counts)
                         for piece in _WORD_RUN.findall(word))

    @cached_property
    def folded_text(self) -> str:
        """The text in lowercase with every run of white space as one space, for quick tests:
        block by block, as the text is its blocks between white space."""
        return " ".join(map(folded, self.block_texts))

    @cached_property
    def roles(self) -> list[str]:
        """The role of each block (body, heading-like, byline, …); see structure.py."""
        from newslint.structure import classify

        return classify(self)

    @cached_property
    def broken_starts(self) -> list[int]:
        """Body paragraphs that open mid-sentence (lowercase, on a comma); see structure.py."""
        from newslint.structure import broken_starts

        return broken_starts(self)

    @cached_property
    def first_person(self) -> bool:
        """Whether the article speaks in the first person outside quotations; see structure.py."""
        from newslint.structure import first_person

        return first_person(self)

    @cached_property
    def names(self) -> list:
        """Name mentions (capitalised tokens and pairs of them), in order; see names.py."""
        from newslint.names import mentions

        return mentions(self)

    @cached_property
    def name_forms(self) -> dict[str, list]:
        """Each form of `names` ("Forestier-Walker", "Forestier Walker") and its mentions, in
        the order the forms first occur: the name rules' common grouping, made once."""
        forms: dict[str, list] = {}
        for mention in self.names:
            found = forms.get(mention.text)
            if found is None:
                forms[mention.text] = [mention]
            else:
                found.append(mention)
        return forms

    @cached_property
    def quoted(self) -> list[bool]:
        """For each sentence, whether it carries or sits inside a quotation; see structure.py."""
        from newslint.structure import quoted_sentences

        return quoted_sentences(self)

    def words_of(self, sentence: Sentence) -> list[Word]:
        """The words of one sentence, in order (the same words `words` holds for it)."""
        cached = self._sentence_words.get(sentence.index)
        if cached is None:
            base = sentence.start
            new, text, index = tuple.__new__, sentence.text, sentence.index
            cached = [new(Word, (base + a, base + b, text[a:b], index)) for a, b in segment.word_spans(text)]
            self._sentence_words[sentence.index] = cached
        return cached

    @cached_property
    def _sentence_words(self) -> dict[int, list[Word]]:
        return {}

    def block_at(self, offset: int) -> Block:
        starts = self._block_starts
        return self.blocks[max(bisect_right(starts, offset) - 1, 0)]

    @cached_property
    def _block_starts(self) -> list[int]:
        return [b.start for b in self.blocks]

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence that starts last at or before `offset` (the first, before any)."""
        return self.sentences[max(bisect_right(self._sentence_starts, offset) - 1, 0)]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def position(self, offset: int) -> tuple[int, int]:
        """File (line, column) of a document offset."""
        return self.lines.position(self.source_map.to_source(offset))

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """File offsets of the document span [start, end); an empty span stays a point."""
        if end <= start:
            src = self.source_map.to_source(start)
            return src, src
        return self.source_map.to_source_span(start, end)

    def span_position(self, start: int, end: int) -> tuple[int, int, int, int]:
        """File (line, column, end line, end column) of the document span [start, end)."""
        return self.lines.span(*self.source_span(start, end))

    def span_positions(self, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
        """span_position of each span, for many spans (an article's names). Spans in document
        order are placed by walking the source map's segments and the file's lines forward,
        instead of two binary searches and five calls each; the walk over the lines starts where
        a binary search puts the first span, not at the file's first line (a JSON Lines record
        may be its 40,000th). A span that does not lie in one linear segment and on one line is
        left to span_position."""
        m = self.source_map
        doc_starts, doc_lens, src_starts, src_lens = m.doc_starts, m.doc_lens, m.src_starts, m.src_lens
        line_starts, first_line = self.lines.starts, self.lines.first_line
        segments, lines = len(doc_starts), len(line_starts)
        seg = 0
        line = -1  # placed by a binary search at the first span: a JSON Lines record starts deep in its file
        out = []
        for start, end in spans:
            if not segments or end <= start:
                out.append(self.span_position(start, end))
                continue
            if start < doc_starts[seg]:
                seg = 0  # out of order: walk again from the start
            while seg + 1 < segments and doc_starts[seg + 1] <= start:
                seg += 1
            seg_start, seg_len = doc_starts[seg], doc_lens[seg]
            if seg_len != src_lens[seg] or start < seg_start or end > seg_start + seg_len:
                out.append(self.span_position(start, end))
                continue
            src = src_starts[seg] + start - seg_start
            src_end = src + end - start
            if line < 0 or src < line_starts[line]:
                line = bisect_right(line_starts, src) - 1
            while line + 1 < lines and line_starts[line + 1] <= src:
                line += 1
            if line + 1 < lines and src_end >= line_starts[line + 1]:
                out.append(self.span_position(start, end))  # over a line break
                continue
            base = line_starts[line] - 1
            out.append((line + first_line, src - base, line + first_line, src_end - base))
        return out


_Answer = TypeVar("_Answer")


def once_per_document(compute: Callable[..., _Answer]) -> Callable[..., _Answer]:
    """`compute(doc, *args)`, remembered in the document for those same arguments: several rules
    ask about each document, and not one right after the other (the engine runs each rule over
    a batch of documents before the next). The answer goes when the document does."""

    @wraps(compute)
    def answer(doc: "Document", *args) -> _Answer:
        key = (compute, *map(id, args))
        known = doc.answers.get(key)
        if known is not None and all(a is b for a, b in zip(known[0], args)):
            return known[1]
        result = compute(doc, *args)
        doc.answers[key] = (args, result)  # the arguments kept alive, so their ids stay theirs
        return result

    return answer


class DocumentBuilder:
    """Assembles a Document block by block, recording where each character came from."""

    def __init__(self, path: str, source_text: str, fmt: str, lines: LineIndex | None = None) -> None:
        self.path = path
        self.source_text = source_text
        self.fmt = fmt
        self.lines = lines or LineIndex(source_text)
        self._done: list[str] = []  # finished blocks and separators
        self._current: list[str] = []  # pieces of the open block
        self._length = 0  # length of the document text so far, open block included
        self._map = SourceMap()
        self._blocks: list[Block] = []
        self._block_start: int | None = None
        self._last_src = 0

    # -- adding text -------------------------------------------------------------------------
    def add(self, text: str, src_start: int) -> None:
        """Text copied verbatim from the source starting at `src_start`."""
        if text:
            self._put(text, src_start, len(text))

    def add_atomic(self, text: str, src_start: int, src_end: int) -> None:
        """Text that stands for the source span [src_start, src_end) as a whole (an entity, an escape)."""
        if text:
            self._put(text, src_start, src_end - src_start)

    def add_synthetic(self, text: str) -> None:
        """Text with no source of its own (a space standing for a line break, say)."""
        if text:
            self._put(text, self._last_src, 0)

    def end_block(self, kind: str = PARAGRAPH, level: int = 0) -> None:
        """Close the open block; a block of only white space is dropped."""
        if self._block_start is None:
            return
        start = self._block_start
        text = "".join(self._current)
        self._current = []
        self._block_start = None
        stripped = text.strip()
        if not stripped:
            self._drop_map_from(start)
            self._length = start - (len(BLOCK_SEPARATOR) if self._blocks else 0)
            return
        if self._blocks:
            self._done.append(BLOCK_SEPARATOR)
        self._done.append(text)
        block_start = start + len(text) - len(text.lstrip())
        self._blocks.append(
            Block(len(self._blocks), kind, block_start, block_start + len(stripped), stripped, level)
        )

    def build(self, record_line: int | None = None, meta: dict | None = None) -> Document:
        self.end_block()
        return Document(self.path, "".join(self._done), self._blocks, self._map, self.lines,
                        self.fmt, record_line, meta or {})

    # -- internals ---------------------------------------------------------------------------
    def _put(self, text: str, src_start: int, src_len: int) -> None:
        if self._block_start is None:
            if self._blocks:
                self._length += len(BLOCK_SEPARATOR)
            self._block_start = self._length
        self._map.add(self._length, src_start, len(text), src_len)
        self._current.append(text)
        self._length += len(text)
        self._last_src = src_start + src_len

    def _drop_map_from(self, doc_offset: int) -> None:
        m = self._map
        while m.doc_starts and m.doc_starts[-1] >= doc_offset:
            for column in (m.doc_starts, m.src_starts, m.doc_lens, m.src_lens):
                column.pop()
