"""The words the spelling rules know, and cheap suggestions for the ones they do not.

Known words are pyspellchecker's English dictionary, both spellings of every American/British
pair (rules/data/dialect-spellings.txt), the newsroom vocabulary (rules/data/newsroom-words.txt),
the words of SCOWL's size-70 lists that pyspellchecker lacks (rules/data/scowl-words.txt) and
the particles names are built with (rules/data/lowercase-words.txt). The rarer words of SCOWL's
size-80 lists (rules/data/scowl-rare-words.txt: "winless", "telco", "oche") and of LibreOffice's
British dictionary (rules/data/british-dictionary-words.txt: "neurone", "agritourism") are known
only as whole words (is_rare_word): never a suggestion, never a piece of a formed word. pyspellchecker's words
and their frequencies are exported by scripts/build_english_words.py to sorted files
(rules/data/english-words.txt, english-frequencies.txt) that are searched in place: building a
SpellChecker costs 0.2-0.4 s, which a pre-commit run on one file with one typo should not pay,
nor each worker of a big run. tests/test_spelling_data.py checks that the export is
pyspellchecker's list.

Suggestions are words one edit away (a letter dropped, added, changed, or two letters swapped),
the most frequent first, or else two words run together ("thefirst": "the first").
pyspellchecker's own `correction()` looks two edits away and manages one to five words a second
on words it cannot correct; one edit away, with the candidates looked up in one set operation,
is thousands of times faster. Each word is suggested for once per process: a corpus repeats its
unknown words.
"""

from __future__ import annotations

from collections.abc import Set
from functools import cache

from newslint.lexicons import SortedTable, frequency_table, word_list

# Letters tried in edits: English words are ASCII (the rule skips any other word).
_LETTERS = "abcdefghijklmnopqrstuvwxyz'"
_VOWELS = "aeiouy"
# Longer tokens are seldom typos (joined words, codes, foreign compounds) and cost more edits.
MAX_SUGGEST_LENGTH = 20

# Words that writers run into the next one ("thefirst", "alot", "inwhich"), and how common the
# next word must be (pyspellchecker frequency) for the split to be the suggestion.
RUN_TOGETHER_FIRST = frozenset(
    """a an the of to in on at by for from with as and or but that this which their his her its
    our your my about into over after before than then when where who what even every each
    up out off no""".split()  # "upto", "outof", "noone"
)
MIN_SPLIT_FREQUENCY = 1000
# How much more common the rarer word of a split must be than the word one edit away for the
# split to be suggested instead ("up to": 5,016,145 against "unto": 18,125).
SPLIT_OVER_WORD = 10

_suggestions: dict[str, str | None] = {}


def dictionary() -> SortedTable:
    """pyspellchecker's English words (lowercase) and their frequencies, as exported to
    rules/data/english-frequencies.txt by scripts/build_english_words.py (tests check that the
    export is pyspellchecker's list): searched in place, a dict once it has been asked often."""
    return frequency_table("english-frequencies")


def known_words() -> Set[str]:
    """The dictionary's words, from rules/data/english-words.txt (the same list, exported by
    scripts/build_english_words.py), searched in place."""
    return word_list("english-words")


@cache
def extra_words() -> frozenset[str]:
    """Known words the dictionary lacks: both dialects' spellings, newsroom words, SCOWL's,
    particles."""
    from newslint.dialects import table

    particles = {w.lower() for w in word_list("lowercase-words")}
    return frozenset(table().all_words | word_list("newsroom-words") | word_list("scowl-words") | particles)


def unknown(words: set[str]) -> set[str]:
    """The words (lowercase) the dictionary does not know (the extra words are not asked)."""
    return known_words().missing(words)


def is_known(word: str) -> bool:
    """`word` in lowercase, with a straight apostrophe, is a known word."""
    return word in known_words() or word in extra_words()


def is_rare_word(word: str) -> bool:
    """`word` (lowercase) is a rare English word: asked last, of the few words nothing else
    knows, since 150,000 rare words make many slips look right if asked more."""
    return word in word_list("scowl-rare-words") or word in word_list("british-dictionary-words")


def suggest(word: str) -> str | None:
    """The most frequent known word one edit away from `word` (lowercase), or None."""
    if word in _suggestions:
        return _suggestions[word]
    found = None
    if len(word) <= MAX_SUGGEST_LENGTH:
        edits = _edits(word)
        # Asked of the word list, which a long run has as a set anyway; the frequencies are
        # looked up for the few candidates only.
        candidates = (known_words().known(edits) or extra_words().intersection(edits)) - {word}
        frequency = dictionary().get
        if "'" in word:
            # The writer meant a contraction: "wer'e" is "we're" (the apostrophe moved), not
            # the commoner "were" (the apostrophe dropped).
            candidates = {w for w in candidates if "'" in w} or candidates
        if candidates:
            # Most frequent first; ties go to the alphabetically first, so runs agree.
            found = min(candidates, key=lambda w: (-frequency(w, 0), w))
        # Two words run together beat a far rarer word one edit away: "upto" is "up to", not
        # "unto"; but "arap" is "arab", not "a rap", and "ame" "are", not "a me".
        split, split_frequency = _split(word)
        if split is not None and (found is None or split_frequency > SPLIT_OVER_WORD * frequency(found, 0)):
            found = split
    _suggestions[word] = found
    return found


def _split(word: str) -> tuple[str | None, int]:
    """Two words run together, the first a function word, and how common the rarer of them is:
    "thefirst" -> "the first", "upto" -> "up to". Two content words are not split: "spokeman"
    is "spokesman", not "spoke man". The most common pair wins."""
    words = dictionary()
    best, best_frequency = None, 0
    for i in range(1, len(word)):
        first, second = word[:i], word[i:]
        second_frequency = words.get(second, 0)
        if first not in RUN_TOGETHER_FIRST or second_frequency < MIN_SPLIT_FREQUENCY:
            continue
        frequency = min(words.get(first, MIN_SPLIT_FREQUENCY), second_frequency)
        if frequency > best_frequency:
            best, best_frequency = f"{first} {second}", frequency
    return best, best_frequency


def slip_of_known(word: str, end: int, min_frequency: int) -> bool:
    """`word` (lowercase) looks like a slip of a dictionary word at least this frequent: one
    letter dropped, added or doubled, two swapped, or a vowel changed, between its first letter
    (which writers seldom get wrong) and position `end`. A consonant changed for another makes
    a new word more often than a typo ("winless" / "witless")."""
    frequency = dictionary().get
    return any(frequency(w, 0) >= min_frequency for w in known_words().known(_slips(word, end)))


def _slips(word: str, end: int) -> set[str]:
    out = set()
    for i in range(1, end):
        head, tail = word[:i], word[i:]
        out.add(head + tail[1:])
        if len(tail) > 1:
            out.add(head + tail[1] + tail[0] + tail[2:])
        for c in _LETTERS:
            out.add(head + c + tail)
        for c in _VOWELS if tail[0] in _VOWELS else ():
            out.add(head + c + tail[1:])
    out.discard(word)
    return out


def _edits(word: str) -> list[str]:
    """Every string one deletion, transposition, substitution or insertion away from `word`,
    keeping its first letter: writers seldom get the first letter wrong, and a word that only
    a new first letter makes known ("ketamine": "etamine", "raunch": "launch") is more often a
    word the lists lack than a slip. Swapping the first two letters is a slip ("hte").

    A list, not a set: callers intersect it with a set of words, and building it with list
    comprehensions is the fastest way Python has (about 10,000 words a second)."""
    out: list[str] = []
    for i in range(1, len(word) + 1):
        head, tail = word[:i], word[i:]
        if tail:
            rest = tail[1:]
            out.append(head + rest)
            if rest:
                out.append(head + rest[0] + tail[0] + rest[1:])
            out.extend([head + c + rest for c in _LETTERS])
        out.extend([head + c + tail for c in _LETTERS])
    if len(word) > 1:
        out.append(word[1] + word[0] + word[2:])
    return out
