"""The unknown words of a document: what the spelling rules SPL001 and SPL003 report.

A word is unknown when no word list knows it (speller.py), it is not made of known words
(word_formation.py), and nothing about its shape or place says it is something other than an
English word (spelling_words.py). Names are the name rules' business: a capitalised word in
mid-sentence is never looked up; one that starts a sentence only counts when it is one of the
commonest words with two letters swapped ("Teh", "Taht") and nothing says it is a name. Also
left alone:

- a word the article writes twice or more: a writer's slip happens once, a word meant is
  repeated ("telco", "handhelds");
- a word beside another unknown word or a foreign particle: a foreign phrase or a name
  ("joie de vivre", "laissez faire"); and every word of a paragraph that is a third unknown
  words: a paragraph in another language.

Most words are known: one set lookup each. Everything else runs only for the few that are not,
and the result is kept for the next rule that asks about the same document.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from functools import cached_property, lru_cache
from typing import Collection, NamedTuple

from newslint import regexes, segment, speller
from newslint import spelling_words as shapes
from newslint.dialects import keep_case, leaning, preferred
from newslint.document import Document, once_per_document
from newslint.lexicons import word_frequencies, word_list
from newslint.rule import Context
from newslint.word_formation import british_form, is_formed

# Words that mark a foreign phrase around them: "joie de vivre", "pas de deux", "coup d'état".
FOREIGN_PARTICLES = frozenset("au aux de del della der des di du da das dos le la les el et y zu".split())
_ALNUM = regexes.compile(r"[^\W_]")
_CAPITALISED_WORD = regexes.compile(r"\b[A-Z][a-z]{4,}\b")  # a given name long enough to be clipped
# The last word before a position (searched in the 60 characters before it).
_LAST_WORD = regexes.compile(r"(" + segment.WORD_PATTERN + r")\W*$")
# A block with this many unknown words, a third of its words or more, is not English: a quotation
# in another language, a list of codes (English words, short words and names make up the rest).
# Its words are not reported, nor suggested for.
MIN_FOREIGN_WORDS = 4
# Above this many characters scanned (words to place times the text's length), words are placed
# in one pass over the text rather than by a search each (Tokens.starts_of).
MAX_SCAN_PER_WORD_CHARS = 2_000_000
# A capitalised word at a sentence start is reported only as one of the commonest words with two
# letters swapped (pyspellchecker frequency; about the 300 most frequent words): "Teh" for "The".
# Names one edit from a common word abound ("Wes", "Olly"); swapped letters in them do not.
COMMON_AT_START = 500_000
# A word formed from known words is still a slip when it is one slip from a known word this
# frequent, by an edit before its last two letters ("begining": "beginning").
NEAR_WORD_FREQUENCY = 100
# A nickname clipped from a given name keeps this many letters at least ("trev", "tam"); shorter
# starts of names ("ja", "mi") are more often slips.
MIN_CLIPPED_NAME = 3


class Unknown(NamedTuple):
    start: int  # in the document's text
    end: int
    text: str  # as written
    suggestion: str | None  # in the case written, and in the configured dialect


@once_per_document
def unknown_words(doc: Document, ctx: Context) -> list[Unknown]:
    """The document's unknown words, in order; computed once per document and context."""
    return _Finder(doc, ctx).run()


class Tokens(NamedTuple):
    """A document's words in lowercase with straight apostrophes, and how often each occurs.

    Cheaper than Document.words, which makes an object per word: the spelling rules look at
    every word, but need the position of very few. `starts` finds those.
    """

    lowered: str  # the document's text in lowercase, as long as the text
    counts: Counter[str]

    def starts_of(self, words: Collection[str]) -> dict[str, list[int]]:
        """Where each of `words` occurs as a whole word. A search per word costs a scan of the
        text each: for many words in a long text (a book-length article), one pass over its
        words instead, or the cost would grow with the square of the length."""
        if len(words) * len(self.lowered) <= MAX_SCAN_PER_WORD_CHARS:
            return {w: self.starts(w) for w in words}
        out: dict[str, list[int]] = {w: [] for w in words}
        for m in segment.iter_words(self.lowered):
            found = out.get(m.group())
            if found is not None:
                found.append(m.start())
        return out

    def starts(self, word: str) -> list[int]:
        """Where `word` (as in `words`) occurs as a whole word in the text."""
        out = []
        lowered, size = self.lowered, len(word)
        at = lowered.find(word)
        while at != -1:
            if _token_at(lowered, at, size):
                out.append(at)
            at = lowered.find(word, at + 1)
        return out


def _token_at(text: str, start: int, size: int) -> bool:
    """The word splitter's token at `start` is exactly `size` long and starts there."""
    if start > 0:
        before = text[start - 1]
        if before.isalnum() or before == "_":
            return False
        if before in "'-." and start > 1 and (text[start - 2].isalnum() or text[start - 2] == "_"):
            return False  # inside "so-called", "don't", "U.S."
    m = segment.word_at(text, start)
    return m is not None and m.end() == start + size


def tokens(doc: Document) -> Tokens:
    """The document's lowercase words (Document.lowered and word_counts, computed once)."""
    return Tokens(doc.lowered, doc.word_counts)


def normal(word: str) -> str:
    """A word as the lists hold it: lowercase, with a straight apostrophe."""
    lower = word.lower()
    return lower.replace("’", "'") if "’" in lower else lower


@lru_cache(maxsize=16)
def accepted_words(accept: frozenset[str]) -> frozenset[str]:
    """The user's accepted words as the rules compare them: lowercase, straight apostrophes."""
    return frozenset(normal(w) for w in accept)


@lru_cache(maxsize=65536)
def known_word(word: str) -> bool:
    """`word` (lowercase, no hyphen, no clitic) is known, made of known words, or no word at all."""
    if speller.is_known(word):
        return True
    if "'" in word:
        return all(speller.is_known(p) or len(p) <= 2 for p in word.split("'"))  # "rock'n'roll"
    if shapes.is_not_a_word(word) or word in shapes.FILE_FORMATS:
        return True
    if any(speller.is_known(w) for w in shapes.drawn_out_end(word)):
        return True  # "hisss", "yesss"
    if not word.isalpha():
        return False
    if british_form(word, speller.is_known):
        return True  # "personalisation": one edit from "personalization", and right
    # Formed from known words, and not a slip of a known word. Words are formed at their end
    # ("handhelds" from "handheld"); a slip before the last two letters is a typo.
    if is_formed(word, speller.is_known) and not speller.slip_of_known(word, len(word) - 2, NEAR_WORD_FREQUENCY):
        return True
    return speller.is_rare_word(word)  # "winless", "oche": last, as the rarest words are


class _Finder:
    def __init__(self, doc: Document, ctx: Context) -> None:
        self.doc = doc
        self.ctx = ctx
        self.accepted = accepted_words(ctx.accept)
        self._addresses: list[tuple[int, int]] | None = None
        self._names: frozenset[str] | None = None

    def run(self) -> list[Unknown]:
        toks = self.toks = tokens(self.doc)
        # Each distinct word is looked up once, by set operations. A word the article writes
        # twice or more is meant, not a slip ("telco", "handhelds"; names).
        once = {w for w, n in toks.counts.items() if n == 1}
        suspects = speller.unknown(once.difference(speller.extra_words(), self.accepted))
        # Numbers ("2004", "3bn") are half the suspects and never reported (_unknown_parts):
        # not worth finding in the text.
        suspects = {w for w in suspects if not shapes.has_digit(w)}
        candidates: dict[int, tuple[str, list[tuple[int, int]]]] = {}
        for lower, starts in toks.starts_of(suspects).items():
            for start in starts:
                parts = self._unknown_parts(start, lower)
                if parts:
                    candidates[start] = (lower, parts)
        out = []
        text = self.doc.text
        foreign = self._foreign_blocks(candidates)
        for start, (lower, parts) in sorted(candidates.items()):
            if self._in_foreign_phrase(start, start + len(lower), candidates) or self._in_foreign_run(start):
                continue
            if foreign and self.doc.block_at(start).index in foreign:
                continue
            for a, b in parts:
                shown = text[start + a:start + b]
                out.append(Unknown(start + a, start + b, shown, self._suggest(shown)))
        return out

    def _unknown_parts(self, start: int, lower: str) -> list[tuple[int, int]]:
        """Spans (in the word) of what is unknown in the word at `start`; [] for none."""
        end = start + len(lower)
        text = self.doc.text
        word = text[start:end]
        capitalised = word[0].isupper()
        if shapes.has_inner_capital(word) or (capitalised and not self._first_in_sentence(start)):
            return []  # a name, an acronym, a brand
        if shapes.has_digit(word) or shapes.is_code_or_abbreviation(word) or self._in_address(start):
            return []
        if shapes.touches_entity(text, start, end):
            return []  # "caf&#233;" in scraped text: a piece of a word
        if shapes.after_number(text, start) and len(word) <= shapes.MAX_UNIT_LETTERS:
            return []  # a unit: "10 km", "5 mph"
        if shapes.file_extension(text, start):
            return []  # ".png files"
        if word in self.ctx.accept or shapes.quoted_alone(text, start, end):
            return []  # accepted; or a term mentioned: 'the phrase "liberati"'
        full = shapes.restored_g(text, end, lower)
        if full is not None and speller.is_known(full):
            return []  # "lovin'"
        parts = self._misspelled_parts(word, lower)
        # Asked last, of a word about to be reported: it reads the article's given names.
        if parts and word.islower() and self._clipped_given_name(lower):
            return []  # "trev" in an article about a Trevor: a nickname, written as it was said
        if parts and capitalised:
            # At a sentence start: a name, unless one of the commonest words with two letters
            # swapped ("Teh") that the article does not use as a name.
            if not _swapped_common_word(word) or self._name_at_start(word):
                return []
        return parts

    def _misspelled_parts(self, text: str, lower: str) -> list[tuple[int, int]]:
        if "-" not in lower:
            return [] if self._fine(lower) else [(0, len(lower))]
        if speller.is_known(lower.replace("-", "")):
            return []  # "co-operate", "e-mail": written solid, a known word
        parts = lower.split("-")
        if shapes.rhyming_pair(parts):
            return []  # "hanky-panky", "willy-nilly"
        out = []
        start = 0
        after_number = False
        for n, part in enumerate(parts):
            end = start + len(part)
            # A later part often takes an ending that makes the compound a noun: "no-hoper",
            # "clay-courters", "double-deckers", "ad-libbed"; formed so, it is fine.
            fine = (text[start].isupper() or shapes.has_digit(part)
                    or (after_number and len(part) <= shapes.MAX_UNIT_LETTERS) or self._fine(part)
                    or (n > 0 and part.isalpha() and is_formed(part, speller.is_known))
                    or (n == len(parts) - 1 and part.endswith("s") and self._fine(part[:-1])))  # "hi-fis"
            if part and not fine:
                out.append((start, end))
            after_number = shapes.has_digit(part)
            start = end + 1
        return out

    def _fine(self, word: str) -> bool:
        if word in self.accepted:
            return True
        base = shapes.strip_clitic(word)
        return base in self.accepted or known_word(base)

    def _suggest(self, shown: str) -> str | None:
        suggestion = speller.suggest(normal(shown))
        if suggestion is None:
            return None
        # The configured dialect's spelling, else the one the article itself writes ("cente" in
        # an article with "colour" and "programme" is "centre", not "center").
        dialect = self.ctx.dialect or self._leaning
        if dialect:
            suggestion = preferred(suggestion, dialect) or suggestion
        return keep_case(shown, suggestion)

    @cached_property
    def _leaning(self) -> str | None:
        """The dialect the article leans to: asked only when a word needs a suggestion."""
        return leaning(self.toks.counts)

    def _foreign_blocks(self, candidates: dict) -> set[int]:
        """Blocks of which a third of the words or more are unknown: not English (or not words)."""
        per_block = Counter(self.doc.block_at(start).index for start in candidates)
        return {i for i, n in per_block.items()
                if n >= MIN_FOREIGN_WORDS and 3 * n >= len(segment.words(self.doc.blocks[i].text))}

    def _in_foreign_phrase(self, start: int, end: int, candidates: dict) -> bool:
        """Beside another unknown word or a foreign particle, in the same sentence."""
        lowered = self.toks.lowered
        sentence = self.doc.sentence_at(start)
        neighbours = []
        before = _LAST_WORD.search(lowered, max(sentence.start, start - 60), start)
        if before is not None:
            neighbours.append((before.start(1), before.group(1)))
        after = segment.word_after(lowered, end, sentence.end)
        if after is not None:
            neighbours.append((after.start(), after.group()))
        return any(word in FOREIGN_PARTICLES or at in candidates for at, word in neighbours)

    def _in_foreign_run(self, start: int) -> bool:
        """Inside a run of another language that the untranslated-text rule finds in the sentence
        ("merci à tous", "Institut du monde arabe"), whether or not it reports the run: the word
        is French, not misspelt English. Asked only of the few unknown words."""
        from newslint.checks.untranslated import foreign_run  # its word statistics load on demand

        sentence = self.doc.sentence_at(start)
        run = foreign_run(sentence.text)
        return run is not None and sentence.start + run[0] <= start < sentence.start + run[1]

    def _name_at_start(self, word: str) -> bool:
        """A capitalised unknown word at a sentence start that the article uses as a name."""
        if self._name_elsewhere(shapes.strip_clitic(word.replace("’", "'"))):
            return True
        from newslint.gazetteer import load

        return load().knows(word)

    def _first_in_sentence(self, start: int) -> bool:
        """No letter or digit between the start of its sentence and the word."""
        return _ALNUM.search(self.doc.text, self.doc.sentence_at(start).start, start) is None

    def _in_address(self, start: int) -> bool:
        if self._addresses is None:
            self._addresses = [(b.start + s, b.start + e) for b in self.doc.blocks
                               for s, e in shapes.address_spans(b.text)]
        spans = self._addresses
        i = bisect_right(spans, (start, float("inf"))) - 1
        return i >= 0 and spans[i][0] <= start < spans[i][1]

    def _clipped_given_name(self, word: str) -> bool:
        """`word` is the start of a longer given name the article writes ("trev" for Trevor,
        "ferdi" for Ferdinand): a nickname, in a quoted message or a casual aside."""
        return len(word) >= MIN_CLIPPED_NAME and any(
            len(name) >= len(word) + 2 and name.startswith(word) for name in self._given_names)

    @cached_property
    def _given_names(self) -> frozenset[str]:
        """The given names the article writes, in lowercase: one pass over the text, made only
        for an article with an unknown lowercase word."""
        given = word_list("given-names")
        return frozenset(w for w in set(map(str.lower, _CAPITALISED_WORD.findall(self.doc.text))) if w in given)

    def _name_elsewhere(self, word: str) -> bool:
        if self._names is None:
            self._names = frozenset(m.text for m in self.doc.names if m.words == 1 and not m.sentence_initial)
        return word in self._names



def _swapped_common_word(word: str) -> bool:
    """`word` is one of the commonest words with two neighbouring letters swapped: "Teh", "Taht",
    "Adn" (frequencies from rules/data/common-words.txt: no dictionary to build)."""
    lower = word.lower()
    common = word_frequencies("common-words")
    return any(common.get(lower[:i] + lower[i + 1] + lower[i] + lower[i + 2:], 0) >= COMMON_AT_START
               for i in range(len(lower) - 1) if lower[i] != lower[i + 1])