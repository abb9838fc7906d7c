"""What each block of an article is for: body prose, or a headline, byline, credit, sign-off.

Sources know a Markdown or HTML heading when they see one; plain text and scraped text have no
markup, so a block's role is read from its shape: its length, its final punctuation and word,
whether text follows it, and a few line patterns (bylines, credits, sign-offs). The truncation
and fragment rules use these roles so that a headline is not taken for a cut-off paragraph.
Computed once per document (`Document.roles`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newslint import regexes
from newslint.document import CAPTION, HEADING, LIST_ITEM, PARAGRAPH, TABLE_CELL
from newslint.lexicons import word_list
from newslint.segment import split_sentences

if TYPE_CHECKING:
    from newslint.document import Block, Document

BODY = "body"
HEADING_LIKE = "heading-like"  # headline, subheading, section label
BYLINE = "byline"
CREDIT = "credit"  # source credit, photo credit, dateline on its own
SIGN_OFF = "sign-off"  # closing lines: reporting credits, copyright, contact lines
NOT_PROSE = "not-prose"  # list items, table cells, captions: no sentence is owed

# A block ends its sentence with one of these, possibly followed by closing quotes or brackets,
# or with an emoticon.
# Closing marks may follow the punctuation: a straight or curly quote (one space before it, as
# machine translation spaces it: 'world. "'), a "“" as German and Icelandic close, a bracket.
ENDS_SENTENCE = regexes.compile(r"""(?:(?:(?:[.!?…]|\.\.\.)(?:\s?["“”])?|:)["'”’»)\]]*|[:;]-?[()DPp])\s*$""")
# Prose never ends on these; form labels, menus and pagers do.
_WIDGET_ENDINGS = frozenset("*|»›>→•")
# Plain-text list items: a bullet or a number at the start of the block.
_LIST_MARKER = regexes.compile(r"^\s*(?:[-*•–·▪]|\d{1,3}[.)])\s+\S")
_CLOSERS = "\"'”’»)]"
# Headings are short; a longer unpunctuated block is prose that lost its ending.
MAX_HEADING_WORDS = 20
_WORD = regexes.compile(r"[^\W\d_][\w'’.-]*")

_BYLINE = regexes.compile(r"^(?:By|BY|Reporting by|Written by|Words by|Text by|From our)\s+[A-Z\w]", re.UNICODE)
_CREDIT = regexes.compile(
    r"""^(?:\(\s*[^()]{1,60}\)|\[\s*[^\[\]]{1,60}\]|"""
    r"""(?:Photo|Photograph|Picture|Image|Video|Source|Credit|Illustration|Graphic|Map)s?\s*(?:credit)?\s*[:/-].{0,80}|"""
    r"""[—–-]\s*[A-Z][\w .&/-]{1,40})$""",
)
# Sign-offs are matched from the block's start (`match`), but for the few marks that may stand
# anywhere in them, which are searched only when their literal is there.
_SIGN_OFF = regexes.compile(
    r"""(?:(?:Reporting|Additional reporting|Editing|Edited|Writing|Compiled|Produced)\s+by\b|"""
    r"""(?:Copyright|©|\(c\))|Follow\s+\S+|Contact\s|"""
    r"""(?:Source|Sources|Via)\s*:|This (?:article|story|report)\s+(?:was|is|first)\b|"""
    # Where to find the thing reviewed or the programme: "Halo 2 is out now for the PC", "The
    # album is available from Monday", "You can hear more on Tech Talk, on Radio 4".
    r"""[^.]{1,80}\b(?:is|are)\s+(?:out|available|released|in cinemas|in shops|on sale)\s+(?:now|on|from|in)\b[^.]{0,60}$|"""
    r"""[^.]{1,60}\bout now\b[^.]{0,60}$|"""
    r"""(?:You can|Listen to|Watch|Hear)\s+(?:\w+\s+){0,3}(?:hear|see|watch|listen|read)?\b[^.]{0,100}\bon\s+(?:BBC|Radio|the BBC)\b|"""
    # A closing bio: "Jo Hale is a correspondent for The World."
    r"""(?!(?:It|This|That|He|She|They|There|We)\s)(?:[A-Z][\w'’.-]*\s+){1,4}(?:is|was)\s+(?:(?:a|an|the)\s)?[^.]{0,60}\b(?:correspondent|reporter|editor|writer|journalist|"""
    r"""columnist|presenter|producer|author|analyst|professor|fellow|director)\b)""",
    re.IGNORECASE,
)
_SIGN_OFF_ANYWHERE = regexes.compile(r"All rights reserved|[^\s@]+@\S+\.\w+|https?://\S+$", re.IGNORECASE)


def _is_sign_off(text: str) -> bool:
    if _SIGN_OFF.match(text):
        return True
    lowered = text.lower()
    return ("rights reserved" in lowered or "@" in text or "http" in text) and bool(_SIGN_OFF_ANYWHERE.search(text))


# Markup a scraper left at the end of a paragraph ("… the end. br /&gt;"): the residue rules
# report it; the sentence before it is what counts for truncation.
_TRAILING_MARKUP = regexes.compile(r"(?:\s*(?:&(?:[a-z]+|#\d+);|</?[a-z][^<>]*>|\b[a-z]+\s*/?\s*&gt;))+\s*$")


def ends_sentence(text: str) -> bool:
    # The pattern is anchored at the end: look at the tail only, not the whole paragraph.
    tail = text[-40:]
    if "&" in tail or ">" in tail:
        tail = _TRAILING_MARKUP.sub("", tail)
    return bool(ENDS_SENTENCE.search(tail[-16:]))


def last_word(text: str) -> str:
    """The last token of the text without its punctuation: a word, or a number ("in 2004")."""
    tokens = text.rstrip().rsplit(None, 1)
    return tokens[-1].strip(_CLOSERS + ".,;:!?…“‘([") if tokens else ""


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def classify(doc: "Document") -> list[str]:
    blocks = doc.blocks
    roles = []
    for i, block in enumerate(blocks):
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        roles.append(_role(block, following))
    return roles


def _role(block: "Block", following: "Block | None") -> str:
    if block.kind == HEADING:
        return HEADING_LIKE
    if block.kind in (LIST_ITEM, TABLE_CELL, CAPTION):
        return NOT_PROSE
    text = block.text
    if _LIST_MARKER.match(text) and word_count(text) <= MAX_HEADING_WORDS:
        return NOT_PROSE  # a list item; a long "- " paragraph is prose behind a bullet
    if text[-1] in _WIDGET_ENDINGS:
        return NOT_PROSE  # page furniture: "Required fields are marked *", "Next »"
    if len(text) < 600:  # bylines, credits, labels, sign-offs and data lines are short
        role = _short_block_role(text)
        if role:
            return role
    if ends_sentence(text):
        return BODY
    if looks_like_heading(text, following, block.index == 0 and following is None):
        return HEADING_LIKE
    return BODY


_DATA_TOKEN = regexes.compile(r"(?:#|@|https?://|www\.)\S+|\S*\d\S*")


def _is_data_line(text: str) -> bool:
    """Hashtags, handles, links, dates and numbers with hardly a word between them."""
    rest, removed = _DATA_TOKEN.subn(" ", text)
    return removed > 0 and word_count(rest) < 2


_CONNECTIVES = frozenset("v vs a an the and or for of to on in at by with from de van von capt c".split())


_LOWERCASE_WORD = regexes.compile(
    r"(?<![\w'’-])(?!(?:v|vs|a|an|the|and|or|for|of|to|on|in|at|by|with|from|de|van|von|capt|c)\b)[a-z]"
)


def _is_name_line(text: str) -> bool:
    """Names and labels, not a sentence: a credit ("Paul Hale (Leeds)"), a fixture ("Leeds v
    Hull"), a line-up ("Hale (Leeds), Moss (Hull), Kerr (York)"), a page label in title case
    ("Leave a Comment", "Related Articles")."""
    listing = text.count(",") + text.count("(")
    if len(text) > max(400, 40 * listing) or (listing < 2 and text.count(" ") > 12):
        return False  # too long for a credit; a longer line needs the commas of a line-up
    if text.count(" ") < 8 and _LOWERCASE_WORD.search(text):
        return False  # a short line with an ordinary lowercase word is a sentence
    if "\n" in text.strip() or text.rstrip()[-1:] in ",;:" or last_word(text).lower() in word_list("function-words"):
        return False
    tokens = _WORD.findall(text)
    if len(tokens) > 8 and len(_LOWERCASE_WORD.findall(text)) * 4 > len(tokens):
        # A quarter of the words or more in lowercase (connectives apart): prose. The pattern
        # counts no more lowercase words than the test below does, so this decides the same, in C.
        return False
    words = [w for w in tokens if w.lower() not in _CONNECTIVES]
    if len(words) < 2:
        return False  # one capitalised word is as likely a cut paragraph as a name
    capitalised = sum(1 for w in words if w[0].isupper())
    if len(words) <= 8:
        return capitalised == len(words)
    return text.count(",") + text.count("(") >= 2 and capitalised >= 0.75 * len(words)


def _short_block_role(text: str) -> str | None:
    if (len(text) < 80 or "#" in text or "@" in text or "http" in text) and _is_data_line(text):
        return NOT_PROSE
    first_line = text.split("\n", 1)[0]
    if _BYLINE.match(first_line) and word_count(first_line) <= 12:
        return BYLINE
    if len(text) < 300 and _is_sign_off(text) and word_count(text) <= 30:
        return SIGN_OFF
    if _CREDIT.match(text) or _is_name_line(text.rstrip(". ")):
        return CREDIT
    return None


def looks_like_heading(text: str, following: "Block | None", is_only_block: bool = False) -> bool:
    """An unpunctuated block that reads as a headline or subheading, not as a cut-off paragraph."""
    if following is None and not is_only_block:
        return False  # an article does not end with a heading (but a file may hold only one)
    if following is not None and following.text.lstrip("\"'“‘«([ ")[:1].islower():
        return False  # the next block continues this one: a split sentence
    if "\n" in text.strip():
        return False  # several lines: a wrapped paragraph
    if text.rstrip()[-1:] in ",;-–—(":
        return False
    count = word_count(text)
    if count == 0 or count > MAX_HEADING_WORDS:
        return False
    if len(split_sentences(text)) > 1:
        return False  # a heading is one phrase; this block has a finished sentence in it
    stripped = text.rstrip()
    if stripped[-1:] in '"”’»' and _QUOTE_MARK.search(stripped[:-1]):
        return True  # it ends on a quotation, whose last word is the speaker's: '…: "what football is"'
    return last_word(text).lower() not in word_list("function-words")


_QUOTE_MARK = regexes.compile(r'["“”«»„‘]')

# Paragraph openings that continue a sentence begun elsewhere: a lowercase word, or a comma,
# semicolon or full stop whose subject was lost ("…, now based in Leeds, won the race"). A
# bracket opens an aside ("(after extra time)"), not a continuation.
_OPENERS = "\"'“‘« "
# Three or more such openings: the text lost words at its paragraph breaks throughout (scrapers
# drop hyperlinked names with the paragraph around them), which is one problem, not many.
MANY_BROKEN_STARTS = 3


def starts_mid_sentence(text: str) -> bool:
    """Whether a paragraph opens in the middle of a sentence: lowercase, or on a comma."""
    if text[:1] in ",;." and not text.startswith("..."):
        return True
    return opens_in_lowercase(text.lstrip(_OPENERS))


def first_word(text: str) -> str:
    """The first word of the text, without the punctuation after it."""
    return text.split(None, 1)[0].rstrip(".,;:!?”\"')") if text.strip() else ""


def opens_in_lowercase(text: str) -> bool:
    """Whether the text starts with a lowercase word that is not lowercase by convention (iPhone,
    de, van: rules/data/lowercase-words.txt; handles and URLs)."""
    if not text[:1].islower():
        return False
    first = first_word(text)
    allowed = word_list("lowercase-words")
    return not (first in allowed or first.rstrip(".") in allowed or lowercase_by_convention(first))


def lowercase_by_convention(word: str) -> bool:
    """Brands and handles: iPhone-style inner capitals, URLs, e-mail addresses, @handles."""
    return (
        any(ch.isupper() for ch in word[1:])
        or any(ch in word for ch in "@/_.")
        or word.startswith(("http", "www"))
    )


def broken_starts(doc: "Document") -> list[int]:
    """Indices of body paragraphs (after the first block) that open mid-sentence."""
    roles = doc.roles
    return [b.index for b in doc.blocks[1:]
            if roles[b.index] == BODY and b.kind == PARAGRAPH and starts_mid_sentence(b.text)]


# The first person (and the reader addressed as "you") outside quotation marks is the voice of a
# column, a review, a blog or readers' comments, where fragments ("Not a chance.") are a device of
# style; reported news speaks in the first and second person only inside quotations. Both thresholds hold: a letter of five sentences, a long comment thread.
# "I" also finds "I'm" and "I've", "you" finds "you're": only whether a sentence has one counts.
# Written to start with its first letter, not with \b: Python's re then skips to the candidates
# (four times faster). It means \b(?:I|me|my|myself|[Yy]ou)\b.
FIRST_PERSON = regexes.compile(r"[IYmy](?<!\w.)(?:(?<=I)|(?<=m)(?:y(?:self)?|e)|(?<=[Yy])ou)\b")
FIRST_PERSON_SENTENCES = 4
FIRST_PERSON_SHARE = 0.08


def first_person(doc: "Document") -> bool:
    """Whether the article speaks in the first person outside quotations (column, comments)."""
    # One pass over the whole text; most articles have too few such words to need more.
    found = [m.start() for m in FIRST_PERSON.finditer(doc.text)]
    if len(found) < FIRST_PERSON_SENTENCES:
        return False
    roles, quoted = doc.roles, doc.quoted
    mine = set()
    for offset in found:
        sentence = doc.sentence_at(offset)
        inside = sentence.start <= offset < sentence.end  # not in the gap between sentences
        if inside and roles[sentence.block] == BODY and not quoted[sentence.index]:
            mine.add(sentence.index)
    if len(mine) < FIRST_PERSON_SENTENCES:
        return False
    body = sum(1 for s in doc.sentences if roles[s.block] == BODY)
    return len(mine) >= FIRST_PERSON_SHARE * body


def quoted_sentences(doc: "Document") -> list[bool]:
    """For each sentence: does it carry a quotation mark or sit inside an open quotation?"""
    out: list[bool] = []
    block_index, curly, straight = -1, 0, 0
    quiet_blocks = {b.index for b in doc.blocks if not _QUOTE_MARK.search(b.text)}
    for sentence in doc.sentences:
        if sentence.block in quiet_blocks:
            out.append(False)  # no quotation mark in the whole paragraph: one search, not one a sentence
            continue
        if sentence.block != block_index:
            block_index, curly, straight = sentence.block, 0, 0
        marks = _QUOTE_MARK.findall(sentence.text)
        out.append(bool(marks) or curly > 0 or straight % 2 == 1)
        for mark in marks:
            if mark in "“«":
                curly += 1
            elif mark in "”»":
                curly -= 1
            elif mark == '"':
                straight += 1
    return out
