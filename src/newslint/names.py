"""Name mentions in a document, and the keys that tell when two spellings are one name.

A mention is a capitalised token ("Azerbaijan", "Forestier-Walker", "McDonald"), with a
possessive ending left out, or two capitalised tokens in a row ("Forestier Walker"). Hashtags
and handles are not mentions. `fold` maps the spellings of one name to one key: without case,
diacritics, hyphens or spaces, so "Forestier-Walker", "Forestier Walker", "Zürich" / "Zurich"
and "McDonald" / "Mcdonald" meet. Computed once per document (`Document.names`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from newslint import regexes

if TYPE_CHECKING:
    from newslint.document import Document

# A capitalised token: a capital letter, then letters, apostrophes inside, hyphenated parts;
# a possessive ending is left out ("Azerbaijan’s" -> "Azerbaijan"), so no token needs trimming.
# The look-behind comes after the first letter: a pattern that starts with a character class
# lets Python's re skip straight to the capitals.
_TOKEN = regexes.compile(r"[^\W\d_a-z](?<![\w#@’'.-].)[^\W\d_]*(?:-[^\W\d_]+|[’'](?!s\b)[^\W\d_]+)*",
                         re.UNICODE)
# The same for ASCII text (most articles), where a narrower class is quicker to scan for.
_ASCII_TOKEN = regexes.compile(r"[A-Z](?<![\w#@'.-].)[A-Za-z]*(?:-[A-Za-z]+|'(?!s\b)[A-Za-z]+)*", re.ASCII)
_NOT_NAME_STARTS = frozenset(
    """the a an in on at to of for from by with and or but if as so this that these those it its he
    she we they i you his her our their my your mr mrs ms dr there here when while after before
    new""".split()
)


class Mention(NamedTuple):  # a tuple: documents hold hundreds of these
    start: int
    end: int
    text: str
    sentence_initial: bool
    words: int = 1  # 1 for a token, 2 for a pair of tokens


_FOLD_DROPS = regexes.compile(r"[\s\-‐‑–.]")
# The same for ASCII text (most names), which has no diacritics to take off: white space as
# `\s` has it in ASCII, hyphens and full stops.
_ASCII_FOLD_DROPS = str.maketrans("", "", " \t\n\r\f\v\x1c\x1d\x1e\x1f-.")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """The key shared by every spelling of a name: no case, diacritics, hyphens or spaces."""
    if text.isascii():
        return text.translate(_ASCII_FOLD_DROPS).casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _FOLD_DROPS.sub("", bare).replace("’", "'").casefold()


def is_all_caps(text: str) -> bool:
    return len(text) > 1 and text.isupper()


def mentions(doc: "Document") -> list[Mention]:
    """Tokens and token pairs, in document order."""
    sentence_starts = {s.start + len(s.text) - len(s.text.lstrip("\"'“‘«([ ")) for s in doc.sentences}
    text = doc.text
    new = tuple.__new__  # builds the named tuple in C: a document has hundreds of mentions
    tokens = [new(Mention, (start, m.end(), m.group(), start in sentence_starts, 1))
              for m in (_ASCII_TOKEN if text.isascii() else _TOKEN).finditer(text)
              if m.end() - (start := m.start()) >= 2]
    out: list[Mention] = []
    add = out.append
    previous = None
    for token in tokens:
        # A pair: two tokens with one space between them, the second not a sentence start, the
        # first not a word that starts sentences ("The FT" is not a spelling of "Theft").
        if (previous is not None and token.start == previous.end + 1 and not token.sentence_initial
                and text[previous.end] == " " and previous.text.lower() not in _NOT_NAME_STARTS):
            add(new(Mention, (previous.start, token.end, text[previous.start:token.end],
                              previous.sentence_initial, 2)))
        add(token)
        previous = token
    return out
