"""Escapes left in the text: RES111 html-entity ("&amp;", "&#8217;") and RES113
escaped-character ("\\u2019", "It\\'s", a literal "\\n").

A scraper that copies a page's source instead of its text, or escapes it twice, leaves HTML
character references in the article; a pipeline that encodes JSON twice leaves its backslash
escapes. These are rules in Python, not pack entries, because their fix is computed: the
character the escape stands for (`html.unescape` for every one of HTML's 2,000-odd named
entities and any numeric one; the code point or the UTF-8 bytes of a backslash escape). Tags and
comments left in the text are pack rules (RES110, RES112 in rules/residue.toml).

Markdown and HTML files decode their entities while they are read, so only what survives that
(a double escape such as "&amp;amp;" in an HTML page) reaches this rule; in plain text and JSON
Lines every entity is left over. Only references that end with ";" are taken, and the five
commonest ("&amp", "&nbsp", "&quot", "&lt", "&gt") also without it when a space or punctuation
follows, so "AT&T", "S&P" and "R&D" are never flagged.
"""

from __future__ import annotations

from typing import Iterator

from newslint import regexes
from newslint.document import Document
from newslint.findings import Hit, Severity
from newslint.rule import Context, Rule, RuleDoc

_ENTITY = regexes.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
    r"|&(?:amp|nbsp|quot|lt|gt)(?=[\s.,;:!?)\]]|$)"
)


class HtmlEntity(Rule):
    code = "RES111"
    name = "html-entity"
    category = "residue"
    severity = Severity.WARNING
    fixable = True
    summary = "An HTML entity left in the text (\"&amp;\", \"&nbsp;\", \"&#8217;\")"
    doc = RuleDoc(
        what="An HTML character reference left in the text: named (\"&amp;\", \"&nbsp;\", "
             "\"&eacute;\") or numeric (\"&#8217;\", \"&#x2019;\"). Names such as \"AT&T\" or "
             "\"R&D\" are not flagged, nor are entities in Markdown and HTML files, which are "
             "decoded as they are read. The fix is the character the entity stands for.",
        why="An entity in the text shows the scraper copied page source or escaped the text "
            "twice; readers see \"&amp;\" where an \"&\" belongs.",
        bad="Profits at Smith &amp; Sons rose, the company&#8217;s chief said.\n",
        good="Profits at Smith & Sons and AT&T rose, the company’s R&D chief said.\n",
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        text = doc.text
        if "&" not in text:
            return
        import html  # 2 ms to import, with its table of entities: only for a text with an "&"

        for m in _ENTITY.finditer(text):
            entity = m.group(0)
            decoded = html.unescape(entity if entity.endswith(";") else entity + ";")
            if decoded == entity or len(decoded) > 2:
                continue  # not an entity HTML knows: "&foo;", "&ampfoo;" (read as "&" + "foo;")
            shown = "no-break space" if decoded == "\u00a0" else repr(decoded)
            yield Hit(m.start(), m.end(), f"HTML entity '{entity}' left in the text; it stands for {shown}", decoded)


# A backslash escape: \\uXXXX (maybe a surrogate pair), a run of \\xXX bytes, an escaped
# quotation mark, or \\n \\r \\t before a capital, a space, another escape or the end (so that a
# Windows path such as C:\\new\\tables is left alone).
_ESCAPE = regexes.compile(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}"
    r"|\\u[0-9a-fA-F]{4}"
    r"|(?:\\x[0-9a-fA-F]{2})+"
    r"|\\[\"'’]"
    r"|\\[nrt](?=[A-Z\s\\\"']|$)"
)


class EscapedCharacter(Rule):
    code = "RES113"
    name = "escaped-character"
    category = "residue"
    severity = Severity.WARNING
    fixable = True
    summary = "A backslash escape left in the text (\"\\u2019\", \"It\\'s\", a literal \"\\n\")"
    doc = RuleDoc(
        what="A backslash escape of JSON or a programming language left in the text: a Unicode "
             "escape (\"company\\u2019s\"), escaped bytes (\"caf\\xc3\\xa9\"), an escaped "
             "quotation mark (\"It\\'s\") or a literal \"\\n\", \"\\t\" between sentences. "
             "The fix is the character the escape stands for; a literal line break or tab is "
             "reported without one. Windows paths (\"C:\\new\\tables\") are not flagged.",
        why="Escapes in the text show it was encoded twice on its way from the page; readers see "
            "backslashes and codes instead of letters.",
        bad="The company\\u2019s chief said it\\'s time.\\nShares rose.\n",
        good="The company’s chief said it's time, and saved the file as C:\\new\\tables.txt.\n",
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        text = doc.text
        if "\\" not in text:
            return
        for m in _ESCAPE.finditer(text):
            escape = m.group(0)
            decoded = _decode(escape)
            if decoded is None:
                yield Hit(m.start(), m.end(), f"Escape '{escape}' left in the text")
            else:
                yield Hit(m.start(), m.end(), f"Escape '{escape}' left in the text; it stands for {decoded!r}", decoded)


def _decode(escape: str) -> str | None:
    """The text an escape stands for, or None for a line break or a tab (no safe fix)."""
    if escape[1] in "nrt":
        return None
    if escape[1] in "\"'’":
        return escape[1]
    if escape[1] == "x":
        data = bytes(int(escape[i + 2:i + 4], 16) for i in range(0, len(escape), 4))
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("cp1252", errors="replace")
    return escape.encode("ascii").decode("unicode_escape").encode("utf-16", "surrogatepass").decode("utf-16")


ESCAPE_RULES = [HtmlEntity, EscapedCharacter]
