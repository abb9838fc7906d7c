"""Truncation: text cut off mid-sentence (TRN001-TRN004).

Scrapers and hurried copy-paste cut paragraphs and articles short. A body paragraph (see
structure.py: not a headline, byline, credit, sign-off, list item or table cell) owes its reader
a finished sentence; these rules report the ones that do not finish.
"""

from __future__ import annotations

import re
from typing import Iterator

from newslint import regexes
from newslint.findings import Hit, Severity
from newslint.lexicons import word_list
from newslint.rule import Context, Rule, RuleDoc
from newslint.document import PARAGRAPH, Document
from newslint.structure import (BODY, MANY_BROKEN_STARTS, MAX_HEADING_WORDS, NOT_PROSE, ends_sentence, last_word,
                                starts_mid_sentence, word_count)

_LAST_WORD = regexes.compile(r"(\S+)\s*$")
# Markers a feed or teaser leaves where it cut the text, at the end of any paragraph.
_CUT_MARKER = regexes.compile(
    r"""(?:\[\s*(?:…|\.\.\.)\s*\]|\(\s*(?:…|\.\.\.)\s*\)|"""
    r"""\b(?:Read more|Continue reading|Read the full (?:story|article)|Read full (?:story|article)))"""
    r"""\s*[»>›→]*\s*$""",
    re.IGNORECASE,
)
# A bare ellipsis trails off in quotes and comments; it marks a cut only at the article's end.
_TRAILING_ELLIPSIS = regexes.compile(r"(?<![.…])(?:…|\.\.\.)\s*$")


def _body_blocks(doc: Document):
    roles = doc.roles
    return [(i, b) for i, b in enumerate(doc.blocks) if roles[i] == BODY]


class UnfinishedParagraph(Rule):
    code = "TRN001"
    name = "unfinished-paragraph"
    category = "truncation"
    severity = Severity.WARNING
    summary = "A paragraph or the article stops before its sentence ends"
    doc = RuleDoc(
        what="A body paragraph that ends without terminal punctuation: on a function word "
             "(\"…in the northern province of\"), mid-word, or simply without a full stop. "
             "Headlines, subheadings, bylines, credits, sign-offs, list items, table cells and "
             "lines ending in a colon are not paragraphs and are not flagged.",
        why="A scraper or a copy-paste cut the text off; the reader is left mid-sentence and the "
            "rest of the story is missing.",
        bad="Ferry service resumes\n\nThe harbour reopened on Monday after repairs.\n\n"
            "Officials said the first crossing would leave from the northern pier of\n",
        good="Ferry service resumes\n\nThe harbour reopened on Monday after repairs.\n\n"
             "Officials said the first crossing would leave from the northern pier.\n",
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        blocks = doc.blocks
        for i, block in _body_blocks(doc):
            text = block.text
            if ends_sentence(text) or (text[-1:] in ")]" and _TRAILING_NOTE.search(text[-80:])):
                continue
            if _CUT_MARKER.search(text[-60:]):
                continue  # "… all routes. Read more": the marker is the cut, and TRN002 reports it
            following = blocks[i + 1] if i + 1 < len(blocks) else None
            if following is not None and starts_mid_sentence(following.text):
                continue  # a sentence split across a paragraph break: TRN004
            m = _LAST_WORD.search(text)
            word = last_word(text)
            if word.lower() in word_list("function-words") or word.lower() in word_list("particles"):
                # Only a heading may end on a particle ("…to catch on"), and this is no heading.
                message = f"Paragraph stops mid-sentence, on '{word}'"
            elif text.rstrip()[-1:] in ",;":
                message = f"Paragraph stops mid-sentence, after '{text.rstrip()[-1]}'"
            elif following is None:
                if i > 0 and doc.roles[i - 1] != BODY and word_count(text) <= MAX_HEADING_WORDS:
                    continue  # the last line of a list, a table or a results section
                if _LABEL_LINE.search(text[-120:]):
                    continue  # a label line closing a results page, not prose
                tail = " ".join(text[-80:].split())[-40:].lstrip()  # one line, as every message
                message = f"The article ends mid-sentence: '…{tail}'"
            else:
                # Inside an article, a paragraph ending on a content word without a full stop
                # is as often a caption or a missing stop as a cut: not evidence enough.
                continue
            yield Hit(block.start + m.start(1), block.start + m.end(1), message)


# A note in brackets after the paragraph's last full sentence: '… at higher risk." (As of July 25)'.
_TRAILING_NOTE = regexes.compile(r"[.!?…][\"'”’»]*\s+[(\[][^()\[\]\n]{1,60}[)\]]\s*$")
# A label and its names closing a results page: "Referee: R Styles (Hampshire)", "Subs: Hale, Moss".
_LABEL_LINE = regexes.compile(r"(?:^|[.:]\s)[A-Z][\w ]{0,20}:\s*(?:[A-Z(][\w'’.()-]*,?\s*){1,12}$")


class CutOffMarker(Rule):
    code = "TRN002"
    name = "cut-off-marker"
    category = "truncation"
    severity = Severity.WARNING
    summary = "A paragraph ends with a cut-off marker: '…', '[…]', 'Read more'"
    doc = RuleDoc(
        what="A paragraph that ends in an ellipsis, \"[…]\", \"(…)\", \"Read more\" or \"Continue "
             "reading\": the marks a feed or a teaser page leaves where it cut the text.",
        why="The article was taken from a teaser or an RSS excerpt; the rest of the text is missing.",
        bad="The council approved the budget on Monday and said the new bridge would…\n",
        good="The council approved the budget on Monday and said the new bridge would open in May.\n",
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        body = _body_blocks(doc)
        last = body[-1][0] if body else -1
        # A marker with a pager arrow ("Continue reading »") makes its paragraph look like page
        # furniture to structure.py; it is still a paragraph cut short.
        furniture = [(i, b) for i, b in enumerate(doc.blocks)
                     if doc.roles[i] == NOT_PROSE and b.kind == PARAGRAPH and b.text[-1] in "»›>→"]
        for i, block in sorted(body + furniture):
            tail_start = max(0, len(block.text) - 60)  # the markers are anchored at the end
            tail = block.text[tail_start:]
            m = _CUT_MARKER.search(tail)
            if not m and i == last:
                m = _TRAILING_ELLIPSIS.search(tail)
            if m:
                yield Hit(block.start + tail_start + m.start(), block.start + tail_start + m.end(),
                          f"Paragraph ends with a cut-off marker '{m.group(0).strip()}'")


class UnclosedQuote(Rule):
    code = "TRN003"
    name = "unclosed-quote"
    category = "truncation"
    severity = Severity.WARNING
    summary = "A quotation mark or parenthesis is opened in a paragraph and never closed"
    doc = RuleDoc(
        what="A paragraph that opens a quotation (“, «, \") or a parenthesis and ends without "
             "closing it. A quotation that goes on in the next paragraph, which by news "
             "convention opens with a quotation mark again, is not flagged. A straight quote "
             "spaced off its comma ('deal, \" she said') and a \"“\" right after a word "
             "('deal.“', as German closes) close a quotation.",
        why="The end of the quotation, and usually of the paragraph, was cut off.",
        bad="“We will rebuild the pier before the summer, the mayor said on Monday.\n\n"
            "Work starts next week.\n",
        good="“We will rebuild the pier before the summer,” the mayor said on Monday.\n\n"
             "Work starts next week.\n",
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        blocks = doc.blocks
        last_sentence_start: dict[int, int] | None = None  # made when a paragraph first needs it
        for i, block in _body_blocks(doc):
            opener = _unclosed(block.text)
            if opener is None:
                continue
            if last_sentence_start is None:
                last_sentence_start = {s.block: s.start for s in doc.sentences}
            # A quotation opened sentences before the end and never closed is more often a lost
            # closing mark than a cut; the cut-off kind opens in the last sentence.
            if block.start + opener < last_sentence_start.get(i, block.start):
                continue
            following = blocks[i + 1].text.lstrip() if i + 1 < len(blocks) else ""
            if following and starts_mid_sentence(following):
                continue  # the sentence, quotation and all, goes on after a stray break: TRN004
            mark = block.text[opener]
            if mark != "(" and _continues_quotation([b.text.lstrip() for b in blocks[i + 1:i + 1 + QUOTE_LOOKAHEAD]]):
                continue  # the quotation goes on in the next paragraphs
            what = "Parenthesis" if mark == "(" else "Quotation"
            yield Hit(block.start + opener, block.start + opener + 1,
                      f"{what} opened with '{mark}' is never closed in this paragraph")


# How many paragraphs on a quotation may be looked for: a long quotation runs over several
# paragraphs of one sentence each, as transcripts and translated copy lay it out.
QUOTE_LOOKAHEAD = 8

_MARKS = regexes.compile(r'["“”«»„()]')
_OPENING_QUOTES = "“«„"


def _is_opening(text: str, pos: int) -> bool:
    """Whether the quotation mark at `pos` opens a quotation (straight quotes by their left side;
    one with white space on both sides closes after a sentence's punctuation: 'here, " he said',
    as machine translation spaces it). A "“" right after a word and before a space or punctuation
    closes, as German and Icelandic write it ("„Ja“, sagte er") and their translations keep it."""
    ch = text[pos]
    before = text[pos - 1] if pos else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    if ch == '"':
        if not (before.isspace() or before in "([{—–-"):
            return False
        if not after.isspace():
            return True
        last = pos - 1  # the last character before the white space (no slice: blocks can be long)
        while last >= 0 and text[last].isspace():
            last -= 1
        return last < 0 or text[last] not in ",.!?"
    if ch == "“" and (before.isalnum() or before in ".,!?;:"):
        return not (after.isspace() or after in ".,;:!?)")  # „…“ as Icelandic and German close
    return ch in _OPENING_QUOTES


def _continues_quotation(following: list[str]) -> bool:
    """Whether the quotation goes on in the next paragraphs: one opens with a quotation mark (news
    convention for a quotation running over paragraphs), or closes a quotation it never opened
    (writers who drop the convention). Paragraphs with no quotation mark at all are passed over."""
    for text in following:
        if text[:1] in ("“", '"', "«", "„", "‘"):
            return True
        m = re.search(r'["“”«»„]', text)
        if m is None:
            continue
        closes_first = not _is_opening(text, m.start())
        unbalanced = text.count('"') % 2 == 1 or text.count("”") > text.count("“")
        return closes_first or unbalanced
    return False


def _unclosed(text: str) -> int | None:
    """Offset of an opening quotation mark or parenthesis left open at the end of `text`, or None.

    Double quotations do not nest in English, so an opening mark inside an open quotation
    re-opens it (reporters re-open a quotation after a sentence), and a closing mark with no
    quotation open is one continued from an earlier paragraph. A straight quote opens when it
    follows white space, an opening bracket or the start, and closes otherwise.
    """
    quote_open: int | None = None
    parens: list[int] = []
    for m in _MARKS.finditer(text):
        ch, pos = m.group(0), m.start()
        if ch == "(":
            if pos and text[pos - 1] in ":;=-<" or text.endswith("&lt;", 0, pos):
                continue  # an emoticon: ":-(", "&lt;("
            parens.append(pos)
        elif ch == ")":
            if parens:
                parens.pop()
        else:
            if ch == "“" and quote_open is not None and text[quote_open] == "„":
                opening = False  # German „…“
            else:
                opening = _is_opening(text, pos)
            if opening:
                quote_open = pos if quote_open is None else quote_open
            else:
                quote_open = None
    left = [p for p in (quote_open, *parens[:1]) if p is not None]
    return min(left) if left else None


class SplitSentence(Rule):
    code = "TRN004"
    name = "split-sentence"
    category = "truncation"
    severity = Severity.WARNING
    summary = "A sentence is split by a stray paragraph break"
    doc = RuleDoc(
        what="A paragraph that ends without punctuation, followed by one that starts in lowercase: "
             "one sentence broken in two.",
        why="A stray line break from a scraper or a PDF copy splits the sentence, and each half "
            "reads as broken.",
        bad="The council said the new bridge\n\nwould open to traffic in May.\n",
        good="The council said the new bridge would open to traffic in May.\n",
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        if len(doc.broken_starts) >= MANY_BROKEN_STARTS:
            return  # TRN005 reports the article once
        blocks = doc.blocks
        continued_at = -1  # the block that continues the last split sentence found
        for i, block in _body_blocks(doc):
            split = (i + 1 < len(blocks) and not ends_sentence(block.text)
                     and blocks[i + 1].kind == block.kind and starts_mid_sentence(blocks[i + 1].text))
            # A sentence broken into three pieces ("… like an" / "agent provocateur" / "and
            # then …", an italic phrase set apart) is one split sentence: report its first break.
            if split and continued_at != i:
                m = _LAST_WORD.search(block.text)
                yield Hit(block.start + m.start(1), block.start + m.end(1),
                          "Sentence split by a paragraph break: the next paragraph continues it in lowercase")
            if split:
                continued_at = i + 1


class BrokenParagraphs(Rule):
    code = "TRN005"
    name = "broken-paragraphs"
    category = "truncation"
    severity = Severity.WARNING
    summary = "Three or more paragraphs start mid-sentence: words were lost at paragraph breaks"
    doc = RuleDoc(
        what="An article in which three or more body paragraphs open in the middle of a sentence "
             "(in lowercase, or on a comma), reported once at the first of them with the lines of "
             "the others. TRN004 and FRG003 then stay silent on those breaks.",
        why="Scrapers that drop hyperlinked names or italic titles take words out at every such "
            "place, so the whole article needs scraping again; one finding says so better than a "
            "dozen.",
        bad="Hale won the sprint in Leeds on Sunday and\n\nset a meeting record.\n\n"
            "took the hurdles title in 8.1 seconds.\n\n, who trains in Hull, won the long jump.\n",
        good="Hale won the sprint in Leeds on Sunday and set a meeting record.\n\n"
             "Moss took the hurdles title in 8.1 seconds.\n\nKerr, who trains in Hull, won the "
             "long jump.\n",
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        starts = doc.broken_starts
        if len(starts) < MANY_BROKEN_STARTS:
            return
        first = doc.blocks[starts[0]]
        others = ", ".join(str(doc.position(doc.blocks[i].start)[0]) for i in starts[1:6])
        more = ", …" if len(starts) > 6 else ""
        end = first.start + re.match(r"\S*", first.text).end()
        yield Hit(first.start, end,
                  f"{len(starts)} paragraphs start mid-sentence (also at lines {others}{more}): "
                  f"words were lost at the paragraph breaks")


TRUNCATION_RULES = [UnfinishedParagraph, CutOffMarker, UnclosedQuote, SplitSentence, BrokenParagraphs]
