"""Sentence and word splitting, tuned for news prose.

A regular-expression splitter with an abbreviation list: pysbd is a little more accurate but
about 60 times slower, and a linter that reads corpora cannot afford that. Candidate boundaries
are terminal punctuation (plus closing quotes or brackets) followed by white space; a candidate
is rejected after a title or other abbreviation that never ends a sentence (Gov., Sen., Dr.),
after an initial (J. Smith), before a number after "No." or a month, after an abbreviation that
may end a sentence (U.S., a.m.) unless the next word is a usual sentence opener, and before a
lowercase word when the punctuation sits inside a quotation ("Why?" she asked) or is an ellipsis.
"""

from __future__ import annotations

import re
from typing import Iterator

# Abbreviations after which a sentence never ends (compared lowercased, without the final dot).
_NEVER_FINAL = frozenset(
    """
    mr mrs ms messrs mme mlle dr prof rev fr sr st mt ft gov sen rep reps sens gen lt col maj capt cpl
    sgt adm cmdr cdr brig gens supt insp det pres supt hon amb atty dept univ assn bros
    vs v cf e.g i.e viz approx est no nos vol pp art fig figs ch sec secs para sq sts
    mon tue tues wed thu thur thurs fri sat sun
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb
    nev okla ore pa tenn tex va vt wash wis wyo
    """.split()
)

# Abbreviations that may also end a sentence: split after them only before a sentence opener.
_MAYBE_FINAL = frozenset(
    """
    u.s u.k u.n e.u u.s.a a.m p.m inc corp ltd co plc llc jr etc d.c n.y l.a s.a ag bn m
    """.split()
)

# Months end a sentence before a capital ("fell in Feb. Nobody"), not before a day ("Jan. 5").
_MONTHS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())

_OPENERS = frozenset(
    """
    the a an he she it they we i you his her its their our this that these those there but and
    in on at for as after before when while if however meanwhile yet so then still also some
    many most one two three mr mrs ms dr officials police
    """.split()
)

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then white space.
# It means ([.!?…]+|\.\s\.\s\.)(closers)(space), written to start with one character class:
# Python's re then skips straight to the candidates (three times faster over a corpus).
_BOUNDARY = re.compile(r"""([.!?…](?:[.!?…]*|(?<=\.)\s\.\s\.))(["'”’»)\]]*)(\s+)""")
# Letters between dots: U.S., a.m., M.A.S.K. (compared lowercased, without the final dot).
_DOTTED_ABBREVIATION = re.compile(r"(?:[a-z]{1,2}\.)+[a-z]{1,2}")
WORD_PATTERN = r"\w+(?:(?:[’'\-]|\.-?)\w+)*"
try:
    # WORD_PATTERN with possessive quantifiers, for words on their own: it finds the same words
    # (no letter given back could let a joiner match), and Python's re then keeps no state to
    # backtrack into: 14 % faster over a corpus. Python 3.11 and later.
    _WORD_RE = re.compile(r"\w++(?:(?:[’'\-]|\.-?)\w++)*+", re.UNICODE)
except re.error:  # pragma: no cover - Python 3.10
    _WORD_RE = re.compile(WORD_PATTERN, re.UNICODE)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences in `text` (one block); surrounding white space excluded."""
    spans: list[tuple[int, int]] = []
    start = len(text) - len(text.lstrip())
    n = len(text)
    for m in _BOUNDARY.finditer(text):
        cut = m.start(3)  # the sentence ends before the white space
        nxt = m.end()
        if nxt >= n:
            break
        if not _is_boundary(text, m, nxt):
            continue
        if cut > start:
            spans.append((start, cut))
        start = nxt
    tail_end = len(text.rstrip())
    if tail_end > start:
        spans.append((start, tail_end))
    return spans


def _is_boundary(text: str, m: re.Match, nxt: int) -> bool:
    punct, closers = m.group(1), m.group(2)
    following = text[nxt]
    lower_next = following.islower()
    if punct[0] == "…" or punct.startswith("..") or punct.startswith(". ."):
        # An ellipsis ends a sentence only before a capital.
        return not lower_next and not following.isdigit()
    if lower_next and (closers or punct[-1] in "?!"):
        # "Why?" she asked / "Go," he said / a title inside the sentence: "Shall We Dance? at".
        return False
    if punct != ".":
        return True
    # The word just before the dot: from the last space, not searched from the block's start
    # (which would make splitting quadratic in the block's length).
    dot = m.start(1)
    word = text[text.rfind(" ", max(0, dot - 40), dot) + 1:dot].lower().lstrip("\"'“‘(['’-").rstrip(".")
    if word in _NEVER_FINAL:
        return False
    if len(word) == 1 and word.isalpha() and text[dot - 1].isupper():
        return False  # an initial: J. Smith
    if word in _MONTHS:
        return following.isupper()
    if word in _MAYBE_FINAL or ("." in word and _DOTTED_ABBREVIATION.fullmatch(word)):
        next_word = _WORD_RE.match(text, nxt)
        return following.isupper() and bool(next_word) and next_word.group(0).lower() in _OPENERS
    return True


def word_at(text: str, start: int) -> re.Match | None:
    """The word that starts at `start`, if one does."""
    return _WORD_RE.match(text, start)


def word_after(text: str, start: int, end: int) -> re.Match | None:
    """The first word in text[start:end]."""
    return _WORD_RE.search(text, start, end)


def iter_words(text: str) -> Iterator[re.Match]:
    """The words `words` finds, as matches (with their places)."""
    return _WORD_RE.finditer(text)


def words(text: str) -> list[str]:
    """The words `word_spans` finds, as strings."""
    return _WORD_RE.findall(text)


def word_spans(text: str) -> list[tuple[int, int]]:
    """Spans of words: letters and digits, with inner apostrophes, hyphens and dots kept."""
    return [m.span() for m in _WORD_RE.finditer(text)]
