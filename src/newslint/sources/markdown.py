"""Markdown (CommonMark and tables, parsed once per file with markdown-it-py).

Prose: headings, paragraphs, list items, block quotes and table cells, each a block of its own
kind (a paragraph inside a list item is a list item, inside a quote a quote), and the text of
links. Not prose: front matter (YAML `---` or TOML `+++`), fenced and indented code, code spans,
raw HTML (blocks and inline), link and image targets, autolinks, and image alt text (a
description for screen readers, often a file name; linting it as a sentence gives false
fragments). A code span or image inside a sentence becomes one OBJECT character, so that the
words on both sides do not run together.

markdown-it gives each block its lines but inline tokens carry no columns, so positions are
recovered in two steps: each line of a block's inline content is aligned with its line in the
file (the content is the end of the file line once quote markers, list markers and indentation
are removed), and the inline tokens are found in the content in order, with a cursor that skips
what is not prose (link targets, code spans, raw HTML). Escapes (`\\*`) and entities (`&amp;`)
map as a whole to what is written in the file.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from newslint.document import HEADING, LINE_BREAK, LIST_ITEM, PARAGRAPH, QUOTE, TABLE_CELL, DocumentBuilder
from newslint.sources import Loaded, Problem, SourceOptions
from newslint.sources.prose import OffsetMap, ProseWriter

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

# markdown-it splits lines at any of these (it normalizes them to "\n" before parsing).
_EOL = LINE_BREAK  # the same line breaks LineIndex counts
_SPACE = re.compile(r"[ \t\n]*")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_FRONT_OPEN = re.compile(r"(---|\+\+\+)[ \t]*(?:\r\n|\r|\n)")
# A line's start and end for any of those line breaks (re.MULTILINE knows only "\n").
_BOL, _EOL_AHEAD = r"(?:\A|(?<=\n)|(?<=\r)(?!\n))", r"(?=[\r\n]|\Z)"
_FRONT_CLOSE = {
    "---": re.compile(rf"{_BOL}(?:---|\.\.\.)[ \t]*{_EOL_AHEAD}"),
    "+++": re.compile(rf"{_BOL}\+\+\+[ \t]*{_EOL_AHEAD}"),
}
_BLANK_LINE = re.compile(rf"{_BOL}[ \t]*{_EOL_AHEAD}")
_LONE_CR = re.compile(r"\r(?!\n)")
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CONTAINERS = {"blockquote_open": QUOTE, "list_item_open": LIST_ITEM}


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable("table")
    # Keep escapes and entities as tokens of their own (text_join would merge them into the
    # surrounding text, and then the text would no longer be a copy of the file).
    md.disable("text_join", ignoreInvalid=True)
    return md


def load(path: str, text: str, options: SourceOptions) -> Loaded:
    builder = DocumentBuilder(path, text, "markdown")
    bom = 1 if text.startswith("\ufeff") else 0
    front = _front_matter(text, bom)
    # Front matter becomes blank lines, so that markdown-it's line numbers stay the file's.
    if front:
        md_text = "\n" * len(_EOL.findall(text, 0, front.end)) + text[front.end:]
    else:
        md_text = text[bom:]
    tokens = _parser().parse(md_text, {})
    _BlockWalker(builder, _Lines(text)).walk(tokens)
    problems = [front.problem] if front and front.problem else []
    return Loaded([builder.build()], problems, has_comments=True)


# -- front matter --------------------------------------------------------------------------------
@dataclass(frozen=True)
class _FrontMatter:
    end: int  # file offset just past the front matter (its closing line included)
    problem: Problem | None


def _front_matter(text: str, start: int) -> _FrontMatter | None:
    """The front matter at the top of the file, checked; None when there is none."""
    opening = _FRONT_OPEN.match(text, start)
    if not opening:
        return None
    fence = opening.group(1)
    closing = _FRONT_CLOSE[fence].search(text, opening.end())
    if not closing:
        # Never closed: take it to the first blank line, so that the article after it is linted.
        blank = _BLANK_LINE.search(text, opening.end())
        end = blank.start() if blank else len(text)
        return _FrontMatter(end, Problem(
            "INP005", f"front matter opened with '{fence}' on line 1 is never closed "
                      f"(no closing '{fence}' line); it is skipped up to the first blank line", 1, 1))
    end = closing.end()
    eol = _EOL.match(text, end)
    body = text[opening.end():closing.start()]
    check = _check_yaml if fence == "---" else _check_toml
    return _FrontMatter(eol.end() if eol else end, check(body, 2))


def _check_yaml(body: str, first_line: int) -> Problem | None:
    try:
        data = yaml.load(body, Loader=_YAML_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if mark is None or mark.index >= len(body.rstrip()):
            # Reported at the end of the text ("got <stream end>"): where the open construct began says more.
            mark = getattr(exc, "context_mark", None) or mark
        line, column = (first_line + mark.line, mark.column + 1) if mark else (first_line, 1)
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        context = getattr(exc, "context", None)
        detail = f"{what} ({context})" if context else what
        return Problem("INP005", f"front matter is not valid YAML: {detail}", line, column)
    except Exception as exc:  # noqa: BLE001 - a value PyYAML cannot build, such as the date 2020-13-45
        return Problem("INP005", f"front matter is not valid YAML: {exc}", first_line, 1)
    if data is not None and not isinstance(data, dict):
        return Problem("INP005", f"front matter is YAML but not a mapping of keys to values "
                                 f"(it is a {type(data).__name__})", first_line, 1)
    return None


def _check_toml(body: str, first_line: int) -> Problem | None:
    body = _LONE_CR.sub("\n", body)  # TOML knows LF and CRLF only; one for one keeps the columns
    try:
        tomllib.loads(body)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        line, column = getattr(exc, "lineno", None), getattr(exc, "colno", None)
        where = _TOML_POSITION.search(message)
        if where:
            message = message[:where.start()]
            line, column = line or int(where.group(1)), column or int(where.group(2))
        elif message.endswith(" (at end of document)"):
            message = message[:-len(" (at end of document)")]
            line = line or body.count("\n") + 1
        message = getattr(exc, "msg", None) or message
        return Problem("INP005", f"front matter is not valid TOML: {message}",
                       first_line + (line or 1) - 1, column or 1)
    except RecursionError:  # tomllib recurses into nested arrays and tables
        return Problem("INP005", "front matter is not valid TOML: nested too deeply", first_line, 1)
    return None


# -- blocks --------------------------------------------------------------------------------------
class _Lines:
    """The file's lines as markdown-it numbers them (0-based; \\r\\n, \\r and \\n all end a line)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        self.ends: list[int] = []
        for m in _EOL.finditer(text):
            self.ends.append(m.start())
            self.starts.append(m.end())
        self.ends.append(len(text))

    def span(self, line: int) -> tuple[int, int]:
        line = min(line, len(self.starts) - 1)
        return self.starts[line], self.ends[line]


class _BlockWalker:
    """Walks the block tokens: which kind of block each inline token is, and where it is."""

    def __init__(self, builder: DocumentBuilder, lines: _Lines) -> None:
        self.writer = ProseWriter(builder)
        self.lines = lines
        self.containers: list[str] = []  # open quotes and list items, innermost last
        self.heading = 0  # level of the open heading, 0 outside headings
        self.row_line = 0  # the line of the open table row
        self.row_cursor = -1  # inside a table row: where the next cell is searched from

    def walk(self, tokens: list[Token]) -> None:
        for tok in tokens:
            kind = tok.type
            if kind in _CONTAINERS:
                self.containers.append(_CONTAINERS[kind])
            elif kind in ("blockquote_close", "list_item_close"):
                self.containers.pop()
            elif kind == "heading_open":
                self.heading = int(tok.tag[1:])
            elif kind == "heading_close":
                self.heading = 0
            elif kind == "tr_open" and tok.map:
                self.row_line = tok.map[0]
                self.row_cursor = self.lines.span(self.row_line)[0]
            elif kind == "tr_close":
                self.row_cursor = -1
            elif kind == "inline" and tok.content and (tok.map or self.row_cursor >= 0):
                self._inline(tok)

    def _inline(self, tok: Token) -> None:
        if self.row_cursor >= 0:
            cmap = self._cell_map(tok)
            kind, level = TABLE_CELL, 0
        else:
            cmap = self._lines_map(tok)
            kind, level = (HEADING, self.heading) if self.heading else (
                self.containers[-1] if self.containers else PARAGRAPH, 0)
        _InlineWalker(tok.content, cmap, self.writer).walk(tok.children or [])
        self.writer.end(kind, level)

    def _lines_map(self, tok: Token) -> OffsetMap:
        """Align each line of a paragraph's or heading's content with its line in the file."""
        cmap = OffsetMap()
        offset = 0
        for k, line in enumerate(tok.content.split("\n")):
            start, end = self.lines.span(tok.map[0] + k)
            _align(cmap, line, offset, self.lines.text, start, end, from_end=True)
            offset += len(line) + 1
        return cmap

    def _cell_map(self, tok: Token) -> OffsetMap:
        """Cells of a row are found left to right in the row's line."""
        cmap = OffsetMap()
        _, end = self.lines.span(self.row_line)
        self.row_cursor = _align(cmap, tok.content, 0, self.lines.text, self.row_cursor, end, from_end=False)
        return cmap


def _align(cmap: OffsetMap, content: str, offset: int, text: str, start: int, end: int,
           from_end: bool) -> int:
    """Map one line of content (starting at content offset `offset`) into text[start:end].

    The content is the end of the file line, or (for a cell) the next match after `start`. When
    it is not found verbatim (an escaped pipe in a cell), characters are matched one by one.
    Returns the file offset just past the content.
    """
    core = content.strip()
    if not core:
        return start
    lead = len(content) - len(content.lstrip())
    found = text.rfind(core, start, end) if from_end else text.find(core, start, end)
    if found >= 0:
        cmap.add(offset + lead, found, len(core))
        return found + len(core)
    return _align_loosely(cmap, core, offset + lead, text, start, end)


def _align_loosely(cmap: OffsetMap, core: str, offset: int, text: str, start: int, end: int) -> int:
    """Greedy character alignment for content that differs from the file (rare: one line)."""
    pos = start
    for i, ch in enumerate(core):
        found = text.find(ch, pos, end)
        if found < 0:
            found = min(pos, max(end - 1, start))  # a substituted character: keep in step
        cmap.add(offset + i, found, 1)
        pos = found + 1
    return pos


# -- inline --------------------------------------------------------------------------------------
class _InlineWalker:
    """Finds each inline token in the block's content, in order, and writes the prose ones."""

    def __init__(self, content: str, cmap: OffsetMap, writer: ProseWriter) -> None:
        self.content = content
        self.cmap = cmap
        self.writer = writer
        self.pos = 0  # cursor in the content

    def walk(self, children: list[Token]) -> None:
        in_autolink = False
        for tok in children:
            kind = tok.type
            if in_autolink:
                in_autolink = kind != "link_close"
            elif kind == "text":
                self._text(tok.content)
            elif kind == "text_special":
                self._special(tok)
            elif kind in ("softbreak", "hardbreak"):
                self._line_break()
            elif kind == "code_inline":
                self._code_span(tok.markup)
            elif kind == "html_inline":
                self._raw_html(tok.content)
            elif kind == "image":
                self._image(tok)
            elif kind == "link_open" and tok.info == "auto":
                self._autolink()
                in_autolink = True
            elif kind == "link_open":
                self._skip_to("[")
            elif kind == "link_close":
                self._skip_to("]")
                self.pos = self._link_target_end(self.pos)
            elif tok.markup:  # emphasis and other delimiters: not prose, but step over them
                self._skip_to(tok.markup)

    def _find(self, needle: str) -> int:
        return self.content.find(needle, self.pos) if needle else -1

    def _text(self, text: str) -> None:
        found = self._find(text)
        if found < 0:
            return
        self.cmap.emit(text, found, self.writer.text, self.writer.atomic)
        self.pos = found + len(text)

    def _special(self, tok: Token) -> None:
        """An escape or an entity: what it stands for, mapped to what is written."""
        found = self._find(tok.markup)
        if found < 0:
            return
        end = found + len(tok.markup)
        if tok.content == tok.markup:
            self._text(tok.content)
            return
        src_start = self.cmap.source(found)
        self.writer.atomic(tok.content, src_start, self.cmap.source(end - 1) + 1)
        self.pos = end

    def _line_break(self) -> None:
        found = self._find("\n")
        if found < 0:
            return
        src = self.cmap.source(found)  # where the line ends in the file: map to its whole line break
        eol = _EOL.match(self.writer.builder.source_text, src)
        self.writer.newline(src, eol.end() if eol else src + 1)
        self.pos = found + 1

    def _code_span(self, fence: str) -> None:
        opening_re, closing_re = _backtick_runs(fence)
        opening = opening_re.search(self.content, self.pos)
        if not opening:
            return
        closing = closing_re.search(self.content, opening.end())
        end = closing.end() if closing else opening.end()
        self._placeholder(opening.start(), end)

    def _raw_html(self, html: str) -> None:
        found = self._find(html)
        if found < 0:
            return
        end = found + len(html)
        if _BR.fullmatch(html.strip()):
            self.writer.newline(self.cmap.source(found), self.cmap.source(end - 1) + 1)
        self.pos = end

    def _image(self, tok: Token) -> None:
        found = self._find("![")
        if found < 0:
            return
        label_end = found + 2 + len(tok.content)  # the image token's content is its raw label
        end = self._link_target_end(label_end + 1) if self.content.startswith("]", label_end) else label_end
        self._placeholder(found, end)

    def _autolink(self) -> None:
        start = self._find("<")
        end = self.content.find(">", start) if start >= 0 else -1
        if end >= 0:
            self._placeholder(start, end + 1)

    def _placeholder(self, start: int, end: int) -> None:
        self.writer.placeholder(self.cmap.source(start), self.cmap.source(end - 1) + 1)
        self.pos = end

    def _skip_to(self, needle: str) -> None:
        found = self._find(needle)
        if found >= 0:
            self.pos = found + len(needle)

    def _link_target_end(self, pos: int) -> int:
        """Just past a link's target, `(url "title")` or `[label]`, given the position after `]`."""
        content, limit = self.content, len(self.content)
        if content.startswith("(", pos):
            helpers = _parser().helpers
            p = _skip_space(content, pos + 1)
            dest = helpers.parseLinkDestination(content, p, limit)
            if dest.ok:
                p = dest.pos
                q = _skip_space(content, p)
                if q > p:
                    title = helpers.parseLinkTitle(content, q, limit)
                    if title.ok:
                        q = _skip_space(content, title.pos)
                p = q
            if content.startswith(")", p):
                return p + 1
        if content.startswith("[", pos):
            close = content.find("]", pos + 1)
            if close >= 0:
                return close + 1
        return pos


@lru_cache(maxsize=16)
def _backtick_runs(fence: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Runs of exactly len(fence) backticks: the opening one may follow an escaped backtick."""
    run = rf"{re.escape(fence)}(?!`)"
    return re.compile(rf"(?:(?<!`)|(?<=\\`)){run}"), re.compile(rf"(?<!`){run}")


def _skip_space(text: str, pos: int) -> int:
    return _SPACE.match(text, pos).end()
