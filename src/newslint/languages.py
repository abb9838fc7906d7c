"""Word statistics of the foreign languages the untranslated-text rule (MTA402) knows.

rules/data/foreign-words/LANG.tsv lists, for one language, the words that are clearly more
frequent there than in English, each with its Zipf frequency in the language and in English
(built by scripts/build_foreign_words.py from wordfreq). A word's *score* for the language is
the difference: how many powers of ten more often the language writes it ("según": 5.6 in
Spanish, 1.2 in English, score 4.4).

Tables load per language and only on demand: a document is first tested against the *marker
words* of every language (frequent there, rare in English: "según", "und", "dans"), which are the
first lines of each file, and only the languages whose markers it holds are loaded in full.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import islice

from newslint import regexes
from newslint.lexicons import word_frequencies
from newslint.registry import builtin_rules_dir

# A marker word is one of the MARKER_TOP most frequent words of its language …
MARKER_TOP = 300
# … and at least a hundred times more frequent there than in English: "según", "und", "dans",
# the function words few foreign sentences do without. About 230 per language, read in 7 ms.
MARKER_MIN_SCORE = 2.0
# A strong marker: English writes it less than once per million words.
STRONG_MARKER_MAX_ENGLISH = 3.0
# An ordinary English word ("till", "dire", "govern") is a marker only if it is among the very
# commonest words of the language ("die", "de", "la"): otherwise English text would wake the
# rule up in every other article.
ENGLISH_WORD_MARKER_MIN_ZIPF = 6.5

_HEADER_NAME = regexes.compile(r"^#\s*(.+?)\s*\(([a-z]{2,3})\)")


@dataclass(frozen=True)
class Language:
    code: str  # "es"
    name: str  # "Spanish"
    # Lowercase word -> "Zipf here<TAB>Zipf in English", as in the file: parsed only for the
    # few words looked up, so that a table loads in a few milliseconds.
    _rows: dict[str, str]

    def score(self, word: str) -> float | None:
        """How many powers of ten more often the language writes the word than English, or
        None when the word is not in the table."""
        row = self._rows.get(word)
        if row is None:
            return None
        here, english = row.split("\t")
        return float(here) - float(english)


def _folder():
    return builtin_rules_dir() / "data" / "foreign-words"


@cache
def language_codes() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in _folder().glob("*.tsv") if p.name != MARKERS_FILE))


def _lines(code: str, limit: int | None = None) -> list[str]:
    """The data lines of a language's file, most frequent word first; the first `limit` only
    (read without reading the rest of the file) when a limit is given."""
    path = _folder() / f"{code}.tsv"
    if limit is None:
        text = path.read_text(encoding="utf-8")
        return [line for line in text.split("\n") if line and line[0] != "#"]
    with open(path, encoding="utf-8") as handle:
        data = (line.rstrip("\n") for line in handle if line[0] != "#")
        return list(islice(data, limit))


@cache
def load(code: str) -> Language:
    with open(_folder() / f"{code}.tsv", encoding="utf-8") as handle:
        found = _HEADER_NAME.match(handle.readline())
    rows = dict(line.split("\t", 1) for line in _lines(code))
    return Language(code, found.group(1) if found else code, rows)


@cache
def markers() -> dict[str, tuple[str, ...]]:
    """Marker word -> the languages it marks. Reads only the head of each file."""
    return _marker_tables()[0]


@cache
def strong_markers() -> frozenset[str]:
    """Markers English hardly writes ("según", "laut", "dans"), in lowercase and capitalised: a
    capitalised one is reason enough to look at a sentence anywhere, where a capitalised "Los",
    "Van" or "Indonesia" in English text is a name."""
    return _marker_tables()[1]


@cache
def gate_words() -> frozenset[str]:
    """The markers and the strong markers with a capital, in one set for the quick test."""
    return frozenset(markers()) | strong_markers()


@cache
def capitalised_markers() -> frozenset[str]:
    """Every marker with a capital, as it stands at the start of a sentence ("Le", "Die")."""
    return frozenset(word[0].upper() + word[1:] for word in markers())


MARKERS_FILE = "markers.tsv"  # in the foreign-words folder: the tables below, precomputed


@cache
def _marker_tables() -> tuple[dict[str, tuple[str, ...]], frozenset[str]]:
    """From foreign-words/markers.tsv, which scripts/build_language_markers.py writes from the
    tables (one file read instead of twenty; a test checks it is current), else computed."""
    try:
        text = (_folder() / MARKERS_FILE).read_text(encoding="utf-8")
    except OSError:
        return compute_marker_tables()
    found: dict[str, tuple[str, ...]] = {}
    strong: set[str] = set()
    for line in text.split("\n"):
        if not line or line[0] == "#":
            continue
        word, codes, is_strong = line.split("\t")
        found[word] = tuple(codes.split(","))
        if is_strong == "1":
            strong.update((word, word[0].upper() + word[1:]))
    return found, frozenset(strong)


def marker_lines() -> list[str]:
    """The lines of markers.tsv, as scripts/build_language_markers.py writes them."""
    found, strong = compute_marker_tables()
    return [f"{word}\t{','.join(codes)}\t{int(word in strong)}" for word, codes in sorted(found.items())]


def compute_marker_tables() -> tuple[dict[str, tuple[str, ...]], frozenset[str]]:
    found: dict[str, list[str]] = {}
    strong: set[str] = set()
    english_words = word_frequencies("common-words")
    for code in language_codes():
        for line in _lines(code, MARKER_TOP):
            word, here, english = line.split("\t")
            here_z, english_z = float(here), float(english)
            if here_z - english_z < MARKER_MIN_SCORE or len(word) < 2:
                continue
            if word not in english_words or here_z >= ENGLISH_WORD_MARKER_MIN_ZIPF:
                found.setdefault(word, []).append(code)
                if english_z < STRONG_MARKER_MAX_ENGLISH:
                    strong.update((word, word[0].upper() + word[1:]))
    return {word: tuple(codes) for word, codes in found.items()}, frozenset(strong)
