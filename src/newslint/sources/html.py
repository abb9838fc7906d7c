"""HTML: the text of block elements becomes blocks; markup, code and page furniture do not.

The stdlib `html.parser` is used because it never gives up on broken markup (unclosed tags,
stray end tags, a truncated file) and needs no dependency. It does not build a tree, so this
module keeps a stack of open elements and applies the few implied-end rules of HTML that matter
for prose (`<p>` ends at the next block, `<li>` at the next `<li>`, cells at the next cell).

What is prose: the text of `p`, `h1`-`h6`, `li`, `dt`/`dd`, `blockquote`, `td`/`th`,
`figcaption`/`caption` and text directly inside containers such as `div` or `article`. What is
not: `head` (the `<title>` included, which repeats the headline plus the site name), `script`,
`style`, `noscript`, `template`, `nav`, `pre`, elements with a `hidden` attribute, comments, and
attribute values (`alt`, `title`, URLs). Inline code, images, SVG and form controls in a sentence
become one OBJECT character (see below) so that the words on both sides do not run together.

White space collapses as a browser collapses it: a run of spaces and line breaks is one space in
the document, mapped to the whole run in the file, so that every word keeps its exact position.
`<br>` is a line break inside the block; two `<br>` in a row end the block (scraped pages use
them as paragraph breaks). Entities are decoded and mapped to the entity in the file.

Inline text goes through `ProseWriter` (sources/prose.py), shared with the Markdown source.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from newslint.document import CAPTION, HEADING, LIST_ITEM, PARAGRAPH, QUOTE, TABLE_CELL, DocumentBuilder
from newslint.sources import Loaded, SourceOptions
from newslint.sources.prose import ProseWriter

# -- HTML ----------------------------------------------------------------------------------------
HEADINGS = {f"h{n}": n for n in range(1, 7)}
# The innermost of these open elements gives a block its kind; p and div give "paragraph".
KINDS = {
    **{tag: HEADING for tag in HEADINGS},
    "li": LIST_ITEM, "dt": LIST_ITEM, "dd": LIST_ITEM,
    "blockquote": QUOTE,
    "td": TABLE_CELL, "th": TABLE_CELL,
    "figcaption": CAPTION, "caption": CAPTION,
}
# Elements that start and end a block (text on either side belongs to different blocks).
BLOCKS = frozenset(
    """address article aside blockquote body caption center dd details dialog dir div dl dt fieldset
    figcaption figure footer form header hgroup hr html legend li main menu nav ol p pre section
    summary table tbody td tfoot th thead tr ul head title""".split()
) | frozenset(HEADINGS)
# Block elements whose start ends an open <p> (HTML's "close a p element").
CLOSES_P = BLOCKS - {"td", "th", "tr", "tbody", "thead", "tfoot", "caption", "body", "html", "head", "title"}
# Skipped with everything inside, leaving nothing in the text.
INVISIBLE = frozenset("head title script style noscript template nav pre".split())
# Skipped, but inside a sentence they stand as an OBJECT so that the words around stay apart.
OBJECTS = frozenset("code kbd samp svg math iframe object canvas video audio button select textarea".split())
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
VOID_OBJECTS = frozenset({"img", "embed", "input"})
# What may stand in <head>; any other start tag means the head was left unclosed.
HEAD_CONTENT = frozenset("title meta link base style script noscript template".split())
# Start tag -> (open elements it closes implicitly, elements that stop the search).
IMPLIED_END = {
    "li": ({"li"}, {"ul", "ol", "menu"}),
    "dt": ({"dt", "dd"}, {"dl"}),
    "dd": ({"dt", "dd"}, {"dl"}),
    "td": ({"td", "th"}, {"tr", "table"}),
    "th": ({"td", "th"}, {"tr", "table"}),
    "tr": ({"tr", "td", "th"}, {"table", "thead", "tbody", "tfoot"}),
    "thead": ({"thead", "tbody", "tfoot", "tr", "td", "th"}, {"table"}),
    "tbody": ({"thead", "tbody", "tfoot", "tr", "td", "th"}, {"table"}),
    "tfoot": ({"thead", "tbody", "tfoot", "tr", "td", "th"}, {"table"}),
}
_HTML_SPACE = "[ \t\n\r\f]"
_COLLAPSE = re.compile(rf"{_HTML_SPACE}{{2,}}|[\t\n\r\f]|\A | \Z")


def load(path: str, text: str, options: SourceOptions) -> Loaded:
    builder = DocumentBuilder(path, text, "html")
    extractor = _Extractor(builder)
    # A byte-order mark left in the text would be read as a character of the first block.
    extractor.run(" " + text[1:] if text.startswith("\ufeff") else text)
    return Loaded([builder.build()], has_comments=True)


class _Extractor(HTMLParser):
    """Turns parser events into blocks; keeps the stack of open elements itself."""

    def __init__(self, builder: DocumentBuilder) -> None:
        super().__init__(convert_charrefs=False)  # entities come one by one, with positions
        self._source = builder.source_text
        # html.parser counts lines at LF only; LineIndex also at a lone CR.
        self._line_starts = builder.lines.starts if "\r" not in self._source else [
            0, *(m.end() for m in re.finditer("\n", self._source))]
        self._writer = ProseWriter(builder)
        self._stack: list[str] = []
        self._skip_at: int | None = None  # stack depth of the skipped element we are inside
        self._skip_start = 0  # where that element's start tag began
        self._breaks = 0  # <br>s since the last text

    def run(self, text: str) -> None:
        try:
            self.feed(text)
            self._past_bare_references()
            # An incomplete tag at the very end (a truncated file) is not text.
            rest = getattr(self, "rawdata", "")
            if rest.startswith("<"):
                self.rawdata = ""
            self.close()
        except Exception:  # noqa: BLE001 - html.parser is tolerant, but a linter must never stop on markup
            pass
        self._end_block()

    def _past_bare_references(self) -> None:
        """html.parser stops at "&#" with no number after it ("code &#; here"), eating the "&#" or
        not, and close() would then read all the rest, tags and all, as text: take "&#" as text
        and parse on, until the parser stops where the file stops."""
        while self.rawdata and not self.cdata_elem:
            left = len(self.rawdata)
            if self.rawdata.startswith("&#"):
                self.handle_data("&#")
                self.updatepos(0, 2)
                self.rawdata = self.rawdata[2:]
            self.feed("")
            if len(self.rawdata) == left:
                return  # an incomplete tag or reference at the very end

    # -- parser events ---------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip_at is not None:
            if self._stack[self._skip_at] == "head" and tag not in HEAD_CONTENT:
                del self._stack[self._skip_at:]  # <head> left open: the body has begun
                self._skip_at = None
            else:
                if tag not in VOID:
                    self._stack.append(tag)
                return
        start = self._offset()
        if tag in VOID:
            if tag == "br":
                self._line_break(start)
            elif tag == "hr":
                self._end_block()
            elif tag in VOID_OBJECTS:
                self._writer.placeholder(start, start + len(self.get_starttag_text() or ""))
            return
        self._close_implied(tag)
        if tag in BLOCKS:
            self._end_block()
        self._stack.append(tag)
        if tag in INVISIBLE or tag in OBJECTS or any(name == "hidden" for name, _ in attrs):
            self._skip_at = len(self._stack) - 1
            self._skip_start = start

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <br/>, <img/>; a self-closed non-void element (<div/>, <path/>) is opened and closed.
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        stack = self._stack
        try:
            i = len(stack) - 1 - stack[::-1].index(tag)
        except ValueError:  # a stray end tag
            if self._skip_at is None and tag in BLOCKS:
                self._end_block()
            return
        if self._skip_at is not None:
            if i > self._skip_at:
                del stack[i:]
                return
            skipped = stack[self._skip_at]
            self._skip_at = None
            if skipped in OBJECTS:
                self._writer.placeholder(self._skip_start, self._end_of_tag(self._offset()))
        if any(t in BLOCKS for t in stack[i:]):
            self._end_block()
        del stack[i:]

    def handle_data(self, data: str) -> None:
        if self._skip_at is not None or not data:
            return
        start = self._offset()
        writer = self._writer
        pos = 0
        for m in _COLLAPSE.finditer(data):
            writer.text(data[pos:m.start()], start + pos)
            writer.space(start + m.start(), start + m.end())
            pos = m.end()
        writer.text(data[pos:], start + pos)
        if not data.isspace():
            self._breaks = 0

    def handle_entityref(self, name: str) -> None:
        self._reference("&" + name)

    def handle_charref(self, name: str) -> None:
        self._reference("&#" + name)

    # -- helpers ---------------------------------------------------------------------------------
    def _reference(self, raw: str) -> None:
        if self._skip_at is not None:
            return
        start = self._offset()
        end = start + len(raw)
        if self._source.startswith(";", end):
            end += 1
        raw = self._source[start:end]
        decoded = html.unescape(raw)
        if decoded == raw:
            self._writer.text(raw, start)
        else:
            self._writer.atomic(decoded, start, end)
        self._breaks = 0

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _end_of_tag(self, start: int) -> int:
        end = self._source.find(">", start)
        return len(self._source) if end < 0 else end + 1

    def _line_break(self, start: int) -> None:
        self._breaks += 1
        if self._breaks == 2:
            self._end_block()  # <br><br>: a paragraph break in all but name
        elif self._breaks == 1:
            self._writer.newline(start, self._end_of_tag(start))

    def _close_implied(self, tag: str) -> None:
        """Pop the elements that this start tag closes without an end tag (<p>one<p>two, <li>...)."""
        if tag in CLOSES_P:
            self._pop_open({"p", *HEADINGS} if tag in HEADINGS else {"p"}, BLOCKS)
        if tag in IMPLIED_END:
            self._pop_open(*IMPLIED_END[tag])

    def _pop_open(self, targets: set[str], stops: frozenset[str] | set[str]) -> None:
        for i in range(len(self._stack) - 1, -1, -1):
            open_tag = self._stack[i]
            if open_tag in targets:
                self._end_block()
                del self._stack[i:]
                return
            if open_tag in stops:
                return

    def _end_block(self) -> None:
        kind, level = PARAGRAPH, 0
        for tag in reversed(self._stack):
            if tag in KINDS:
                kind, level = KINDS[tag], HEADINGS.get(tag, 0)
                break
        self._writer.end(kind, level)
        self._breaks = 0
