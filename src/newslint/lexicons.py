"""Word lists shipped in rules/data/, loaded on first use and kept for the run.

Only the rules that need a list load it, so a run with those rules off never pays for it. The
English dictionary (160,000 words) is not even turned into a set at first: see SortedWordFile.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Set
from functools import cache

from newslint.registry import builtin_rules_dir


# The names of the days and months, lowercase: words of the language that are always capitalised.
CALENDAR_WORDS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                  "january", "february", "march", "april", "may", "june", "july", "august",
                  "september", "october", "november", "december")

_COMMENT = re.compile(r"#[^\n]*")
_COMMENT_LINE = re.compile(r"^#[^\n]*\n?", re.M)
# Lists kept sorted, one word per line, by their build scripts (tests/test_lexicons.py checks),
# and big enough that building their set costs more than a small run's lookups.
_SEARCHED_IN_PLACE = frozenset({"english-words", "nouns", "lowercase-nouns", "adjectives", "mostly-verbs",
                                "person-names", "often-capitalised", "scowl-rare-words",
                                "british-dictionary-words"})


@cache
def word_list(name: str) -> frozenset[str] | Set[str]:
    """The words of rules/data/NAME.txt: separated by white space, `#` starts a comment."""
    path = builtin_rules_dir() / "data" / f"{name}.txt"
    if name in _SEARCHED_IN_PLACE:
        return SortedWordFile(path.read_bytes())
    text = _COMMENT.sub("", path.read_text(encoding="utf-8"))
    return frozenset(text.split())


@cache
def frequency_table(name: str) -> SortedTable:
    """rules/data/NAME.txt, sorted `word<TAB>number` lines, as a mapping searched in place."""
    return SortedTable((builtin_rules_dir() / "data" / f"{name}.txt").read_bytes())


@cache
def word_frequencies(name: str) -> dict[str, int]:
    """rules/data/NAME.txt as a mapping: one `word<TAB>number` per line, `#` starts a comment."""
    return _parse_table((builtin_rules_dir() / "data" / f"{name}.txt").read_text(encoding="utf-8"))


class _SortedLines:
    """A sorted file of lines (`#` comment lines first) searched in place, by binary search over
    its bytes, so that a run that asks about a few words (pre-commit on one file) does not pay
    for reading 160,000 of them. After MAX_SEARCHES lookups, when reading it whole would have
    been cheaper, the subclass reads it whole and answers from that."""

    MAX_SEARCHES = 2000
    _keyed = False  # lines are `word<TAB>value`, searched by word

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._start = _after_comments(data)
        self._searches = 0

    def _searching(self, lookups: int = 1) -> bool:
        """Whether `lookups` more lookups are still cheaper as searches (they are then counted)."""
        if self._searches + lookups > self.MAX_SEARCHES:
            return False
        self._searches += lookups
        return True

    def _line(self, word: str) -> bytes | None:
        return _find_line(self._data, self._start, word.encode("utf-8", "surrogatepass"), self._keyed)

    def _text(self) -> str:
        return self._data[self._start:].decode("utf-8")


class SortedWordFile(_SortedLines, Set):
    """A sorted word list, one word per line, answering `in` (see _SortedLines). Anything else a
    frozenset offers (iteration, len, union ...) works too, on the whole set."""

    # Building the set costs in proportion to the list's size, a search hardly more for a big
    # list than for a small one: a search costs about as much as reading this many bytes into
    # the set (measured: 2,000 searches for the dictionary's 1.6 MB, 190 for the 150 kB of
    # lowercase-nouns). A list of that few bytes is still searched MIN_SEARCHES times.
    BYTES_PER_SEARCH = 800
    MIN_SEARCHES = 100

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self._set: frozenset[str] | None = None
        self.MAX_SEARCHES = max(self.MIN_SEARCHES, len(data) // self.BYTES_PER_SEARCH)

    def __contains__(self, word: object) -> bool:
        found = self._set
        if found is not None:  # the usual case in a long run: first, and cheap
            return word in found
        if isinstance(word, str) and self._searching():
            return self._line(word) is not None
        return word in self.words

    def missing(self, words: Iterable[str]) -> set[str]:
        """The words not in the list: by search while that is cheaper, else one set operation."""
        words = set(words)
        if self._set is None and self._searching(len(words)):
            return {w for w in words if self._line(w) is None}
        return words.difference(self.words)

    def known(self, words: Iterable[str]) -> set[str]:
        """The words in the list (see missing)."""
        words = set(words)
        return words - self.missing(words)

    @property
    def words(self) -> frozenset[str]:
        if self._set is None:
            self._set = frozenset(self._text().split())
        return self._set

    def __iter__(self) -> Iterator[str]:
        return iter(self.words)

    def __len__(self) -> int:
        return len(self.words)

    def __getattr__(self, name: str):
        return getattr(self.words, name)  # union, issubset, ... as on a frozenset

    @classmethod
    def _from_iterable(cls, iterable) -> frozenset[str]:
        return frozenset(iterable)  # what `a | b` and friends return


class SortedTable(_SortedLines, Mapping):
    """A sorted `word<TAB>number` file read as a mapping (see _SortedLines)."""

    _keyed = True
    # Reading the dictionary's table whole (160,000 lines) costs as much as about 5,700
    # searches, measured, against 2,000 for the word list's set.
    MAX_SEARCHES = 5000

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self._dict: dict[str, int] | None = None

    def get(self, word: str, default=None):
        table = self._dict
        if table is not None:
            return table.get(word, default)
        if not self._searching():
            return self.table.get(word, default)
        line = self._line(word)
        return int(line[line.index(b"\t") + 1:]) if line is not None else default

    @property
    def table(self) -> dict[str, int]:
        if self._dict is None:
            self._dict = _parse_table(self._text())
        return self._dict

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None

    def __getitem__(self, word: str) -> int:
        found = self.get(word)
        if found is None:
            raise KeyError(word)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self.table)

    def __len__(self) -> int:
        return len(self.table)


def _parse_table(text: str) -> dict[str, int]:
    """`word<TAB>number` lines (`#` comment lines skipped) as a dict."""
    if "#" in text:
        text = _COMMENT_LINE.sub("", text)
    cells = text.split()  # one split and slices: twice as fast as a split per line (160,000 lines)
    words, numbers = cells[0::2], cells[1::2]
    if len(words) != len(numbers) or len(cells) != 2 * text.count("\t"):
        raise ValueError("a table line is not word<TAB>number")
    return dict(zip(words, map(int, numbers)))


def _after_comments(data: bytes) -> int:
    """Where the data lines start, after the `#` comment lines at the top."""
    start = 0
    while data.startswith(b"#", start):
        start = data.find(b"\n", start) + 1 or len(data)
    return start


def _find_line(data: bytes, start: int, key: bytes, keyed: bool = False) -> bytes | None:
    """The line of the sorted data that is `key` (or, `keyed`, starts with `key` and a tab), by
    binary search. UTF-8 bytes sort in code-point order, the order of Python's sorted(), and a
    tab sorts before every character a word holds, so `word<TAB>number` lines sort by word."""
    lo, hi = start, len(data)
    while lo < hi:  # lo and hi are always at the start of a line
        mid = (lo + hi) // 2
        begin = data.rfind(b"\n", lo, mid) + 1 or lo
        end = data.find(b"\n", begin, hi)
        if end == -1:
            end = hi
        line = data[begin:end]
        word = line[:line.find(b"\t")] if keyed else line
        if word == key:
            return line
        if word < key:
            lo = end + 1
        else:
            hi = begin
    return None

