"""Untranslated text: MTA401 foreign-script, MTA402 untranslated-text.

Machine translation leaves sentences and clauses in the source language, and scrapers glue text
in other languages to English articles. Two cases, two methods:

- MTA401: a run of letters in a script English does not use (Cyrillic, Greek, Chinese, Arabic,
  Hebrew, Devanagari …) is found by its Unicode ranges alone. Hashtags, handles, web addresses
  ("стопкоронавирус.рф") and a name's native spelling in brackets next to the English one
  ("Alexei Navalny (Алексей Навальный)") are left alone; single letters (a Greek "α" in a
  formula) are not runs.
- MTA402: a run of words in another Latin-script language is found with word statistics
  (newslint.languages). Each word gets a score for a language: how many powers of ten more often
  that language writes it than English ("según" +4.4 for Spanish, "the" -3). The run is the
  stretch of the sentence whose scores add up highest (a maximum-sum segment); it is reported
  when it adds up to MIN_RUN_SCORE and holds MIN_EVIDENCE words that speak for the language.

Loanwords cannot add up to a run: "de facto" and "per se" are two words, and English sentences
around them score negative. What could (the names of foreign institutions, titles, set phrases)
is excused: a run whose words are mostly capitalised is a name ("Partido de la Revolución
Democrática"); a run inside a short quotation is a title or a quoted phrase; an original
followed by its translation in brackets is a quotation, not an omission; phrases English borrows
whole ("joie de vivre", "c'est la vie") are listed in rules/data/loan-phrases.txt.

Both rules are cheap on English text: MTA401 first asks whether the document is ASCII, MTA402
whether it holds any marker word of a known language (newslint.languages), before any
per-sentence work; a language's word list is loaded only when one of its markers turns up.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Iterator

from newslint import languages, regexes
from newslint.document import Document
from newslint.findings import Hit, Severity, shorten
from newslint.lexicons import word_frequencies, word_list
from newslint.registry import builtin_rules_dir
from newslint.rule import Context, Rule, RuleDoc

# -- MTA401: scripts ------------------------------------------------------------------------

# Letters of scripts English text does not use, by Unicode block.
SCRIPTS = {
    "Greek": "\u0370-\u03ff\u1f00-\u1fff",
    "Cyrillic": "\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f",
    "Armenian": "\u0531-\u058f",
    "Hebrew": "\u0591-\u05ff\ufb1d-\ufb4f",
    "Arabic": "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc",
    "Devanagari": "\u0900-\u097f",
    "Bengali": "\u0980-\u09ff",
    "Gurmukhi": "\u0a00-\u0a7f",
    "Gujarati": "\u0a80-\u0aff",
    "Tamil": "\u0b80-\u0bff",
    "Telugu": "\u0c00-\u0c7f",
    "Kannada": "\u0c80-\u0cff",
    "Malayalam": "\u0d00-\u0d7f",
    "Sinhala": "\u0d80-\u0dff",
    "Thai": "\u0e00-\u0e7f",
    "Lao": "\u0e80-\u0eff",
    "Tibetan": "\u0f00-\u0fff",
    "Myanmar": "\u1000-\u109f",
    "Georgian": "\u10a0-\u10ff\u1c90-\u1cbf",
    "Hangul": "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af",
    "Ethiopic": "\u1200-\u139f",
    "Khmer": "\u1780-\u17ff",
    "Japanese kana": "\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f",
    "Chinese characters": "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f",
}
_LETTER = "[" + "".join(SCRIPTS.values()) + "]"
# A run: foreign letters, with spaces, digits and punctuation (Western, CJK and full-width)
# between them, but no Latin letter.
_JOINER = r"[\s\d.,;:!?'\"()\[\]«»“”„‘’\-–—/·、。，：；！？（）「」『』《》〈〉【】〔〕\u3000-\u303f\uff01-\uff20]"


@cache
def _scripts() -> tuple[re.Pattern, list[tuple[re.Pattern, str]]]:
    """The run pattern, and a pattern per script. Their long character classes cost 15 ms to
    compile: only at the first non-ASCII text, and from the store of compiled patterns in the
    cache folder when there is one (regexes.py)."""
    run = regexes.compile(f"{_LETTER}(?:{_JOINER}*{_LETTER})*")
    return run, [(regexes.compile(f"[{ranges}]"), name) for name, ranges in SCRIPTS.items()]


_NAME_BEFORE = regexes.compile(r"[A-Z][\w'’.-]*[ \t]*[(\[][ \t]*$")
_GLOSS_AFTER = regexes.compile(r"[ \t]*[(\[][ \t]*[A-Z][^()\[\]]{0,60}[)\]]")


class ForeignScript(Rule):
    code = "MTA401"
    name = "foreign-script"
    category = "mt-artifact"
    severity = Severity.WARNING
    summary = "A run of text in a script English does not use (Cyrillic, Chinese, Arabic …)"
    doc = RuleDoc(
        what="A run of two or more letters in another script (Cyrillic, Greek, Chinese, "
             "Japanese, Korean, Arabic, Hebrew, Devanagari, Thai and other scripts) inside an "
             "English article: a sentence or a phrase the translation left behind. Single letters "
             "(a Greek \"α\" in a formula), hashtags, handles and a name's native spelling in "
             "brackets next to the English one (\"Alexei Navalny (Алексей Навальный)\") are not "
             "flagged.",
        why="Text in another script is untranslated: machine translation skipped it, or the "
            "scraper kept the original next to the translation. English readers cannot read it.",
        bad="The ministry said the talks would resume. Переговоры продолжатся в понедельник.\n",
        good="The ministry spokesman, Ivan Petrov (Иван Петров), said the talks would resume; "
             "the α-particle count was normal.\n",
    )

    def prepare(self) -> None:
        _scripts()

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        if doc.text.isascii():
            return  # nearly every English article: no scan at all
        for block in doc.blocks:
            text = block.text
            if text.isascii():
                continue
            run_pattern, script_of = _scripts()
            for m in run_pattern.finditer(text):
                run = m.group(0)
                if sum(ch.isalpha() for ch in run) < 2 or _excused_run(text, m.start(), m.end()):
                    continue
                script = next(name for pattern, name in script_of if pattern.search(run))
                yield Hit(block.start + m.start(), block.start + m.end(),
                          f"Untranslated text in {script} script: '{shorten(run)}'")


# A web or e-mail address written in another script: "стопкоронавирус.рф", "пример.рф/путь".
_ADDRESS = regexes.compile(r"(?:\w+://)?[\w.-]+\.\w{2,}(?:/\S*)?|[\w.-]+@[\w.-]+\.\w{2,}")


_ADDRESS_MAX = 80  # longer tokens are not taken for addresses


def _in_address(text: str, start: int, end: int) -> bool:
    """Whether [start, end) lies inside a white-space-free token that is a web or e-mail address."""
    # The token's ends are looked for only as far as an address can reach: a search to the
    # ends of the text would make a long block (a one-line record) quadratic in its runs.
    lo, hi = max(0, start - _ADDRESS_MAX - 1), min(len(text), end + _ADDRESS_MAX + 1)
    left = max(text.rfind(" ", lo, start), text.rfind("\n", lo, start)) + 1
    if left == 0 and lo > 0:
        return False  # no break within reach: the token is too long
    right = hi
    for stop in (" ", "\n"):
        found = text.find(stop, end, hi)
        if found != -1:
            right = min(right, found)
    if right == hi and hi < len(text):
        return False
    return right - left <= _ADDRESS_MAX and bool(_ADDRESS.fullmatch(text[left:right].rstrip(".,;:!?)")))


def _excused_run(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 60):start]
    token = before.rsplit(None, 1)[-1] if before and not before[-1].isspace() else ""
    if token[:1] in ("#", "@"):
        return True  # part of a hashtag or a handle: "#Москва", "@москва_новости"
    if _in_address(text, start, end):
        return True
    # A gloss: the native spelling of a name, in brackets right after it or right before it.
    if _NAME_BEFORE.search(before) and text[end:end + 1] in (")", "]"):
        return True
    return bool(_GLOSS_AFTER.match(text, end))


# -- MTA402: Latin-script languages ------------------------------------------------------------

# A run must add up to this score (Zipf units: about three words that are each a hundred times
# more frequent in the language than in English) …
MIN_RUN_SCORE = 6.0
# … and hold this many words that speak for the language (score at least EVIDENCE).
MIN_EVIDENCE = 3
EVIDENCE = 0.5
# A word's score is clipped to this range, so that one word cannot make or break a run.
MAX_WORD_SCORE = 3.0
# A word the language's list does not hold: a common English word counts against the run, a
# rarer English word a little; a word English does not know counts for it, more when it has a
# letter English does not use ("przyjemną", "kaydırıyor").
COMMON_ENGLISH_SCORE = -2.0
ENGLISH_SCORE = -1.0
UNKNOWN_SCORE = 0.5
UNKNOWN_ACCENTED_SCORE = 1.0
# A quotation of up to this many words is a title, a slogan, a lyric or a quoted phrase that the
# writer kept in the original on purpose, not untranslated text.
MAX_QUOTED_TITLE_WORDS = 12
# German capitalises nouns: its capitalised words count, other languages' are names.
NOUN_CAPITALISING = frozenset({"de"})
# The small words that join the parts of a name ("Banca Nazionale del Lavoro", "Conservatoire
# des Arts et Métiers", "Bundesamt für Migration und Flüchtlinge"): they are evidence for a
# language but not of a sentence, so a run needs MIN_CONTENT_EVIDENCE words besides them.
NAME_PARTICLES = frozenset(
    """de del della delle dei degli di da dal das do dos du des la le les el los las lo l d y e et
    i och og af av von van der den het ten ter zu zum zur am im au aux und für""".split()
)
MIN_CONTENT_EVIDENCE = 2
# French and Spanish names of institutions go on in lowercase after their capitalised head
# ("Institut du monde arabe", "Ministère de l'économie"): a run this short that starts with a
# particle right after a capitalised word is the tail of such a name.
MAX_NAME_TAIL_WORDS = 5

# Words as wordfreq splits them, Latin letters only: "d'état" is "d" and "état"; other scripts
# are MTA401's.
_TOKEN = regexes.compile(r"[a-zA-Z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]+")
_QUOTED = regexes.compile(r"\"[^\"\n]+\"|“[^”\n]+”|«[^»\n]+»|„[^“”\n]+[“”]|‘[^’\n]+’(?!\w)|(?<!\w)'[^'\n]+'(?!\w)")


@cache
def _common_english() -> frozenset[str]:
    return frozenset(word_frequencies("common-words"))


@cache
def loan_phrases() -> dict[str, list[tuple[str, ...]]]:
    """First word -> the loan phrases (as word tuples) that start with it, longest first."""
    path = builtin_rules_dir() / "data" / "loan-phrases.txt"
    out: dict[str, list[tuple[str, ...]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words = tuple(_TOKEN.findall(line.lower()))
            out.setdefault(words[0], []).append(words)
    for phrases in out.values():
        phrases.sort(key=len, reverse=True)
    return out


class UntranslatedText(Rule):
    code = "MTA402"
    name = "untranslated-text"
    category = "mt-artifact"
    severity = Severity.WARNING
    summary = "A sentence or a run of words in another language (Spanish, German, Polish …)"
    doc = RuleDoc(
        what="A sentence or a run of three or more words in another language written in the "
             "Latin script (Spanish, French, German, Italian, Portuguese, Dutch, Polish, Czech, "
             "Turkish and eleven more): \"según fuentes oficiales, the minister…\", \"laut "
             "Angaben der Polizei\". Loanwords and short set phrases (\"de facto\", \"coup "
             "d'état\", \"per se\", \"joie de vivre\"), names of foreign institutions (\"Partido "
             "de la Revolución Democrática\", also with a lowercase tail: \"Institut du monde "
             "arabe\") and short quoted titles are not flagged.",
        why="A foreign clause in an English article is text machine translation skipped, or an "
            "original the scraper kept next to its translation; either way the reader loses it.",
        bad="Según fuentes oficiales, el ministro dimitirá mañana, the newspaper reported.\n\n"
            "The suspect fled, laut Angaben der Polizei.\n",
        good="The de facto leader of the Partido de la Revolución Democrática said the ban was "
             "not a coup d'état per se, and that a little joie de vivre would return; he quoted "
             "\"Cien años de soledad\".\n",
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        marker_map, strong = languages.markers(), languages.strong_markers()
        initial = languages.capitalised_markers()
        # The quick test: a marker word in lowercase, or a strong one with a capital, anywhere
        # in the document (on its white-space tokens, a list: no set is built) …
        gate = languages.gate_words()
        anywhere = not gate.isdisjoint(doc.text.split())
        for sentence in doc.sentences:
            # … then in each sentence, where a capitalised marker also counts as the first word.
            first = _TOKEN.search(sentence.text)
            if not (first and first.group(0) in initial):
                if not anywhere or gate.isdisjoint(sentence.text.split()):
                    continue
            best = _foreign_run(sentence.text, marker_map, strong)
            if best:
                (start, end), language = best
                if doc.quoted[sentence.index] and _in_short_quotation(doc, sentence.start + start, sentence.start + end):
                    continue
                text = sentence.text[start:end]
                yield Hit(sentence.start + start, sentence.start + end,
                          f"Untranslated {language} text: '{shorten(text)}'")


@lru_cache(maxsize=256)  # asked by the spelling rules for each unknown word of a sentence, and by FRG002
def foreign_run(text: str) -> tuple[int, int] | None:
    """The span of a run of another language in a sentence, or None, counting the runs MTA402
    lets pass too (the name of a foreign institution, a short quotation): their words are not
    English, and the spelling rules do not call them misspelt ("Institut du monde arabe")."""
    found = _foreign_run(text, languages.markers(), languages.strong_markers(), excuses=False)
    return found[0] if found else None


def _foreign_run(text: str, marker_map, strong, excuses: bool = True):
    """((start, end), language name) of the best run of another language in the sentence, or None.
    Without `excuses`, names and short quotations count as runs too."""
    words = list(_TOKEN.finditer(text))
    candidates = _candidate_languages(words, marker_map, strong)
    if not candidates:
        return None
    return _best_run(text, words, [m.group(0).lower() for m in words], candidates, excuses)


def _best_run(text, words, lowered, candidates, excuses: bool = True):
    """The highest-scoring qualifying run over the candidate languages, or None."""
    neutral = _loan_positions(lowered) | (_quoted_title_positions(text, words) if excuses else set())
    pieces = _pieces(text, words)
    best = None
    for code in sorted(candidates):
        language = languages.load(code)
        scores = [_word_score(m.group(0), low, i, language, i in neutral)
                  for i, (m, low) in enumerate(zip(words, lowered))]
        for piece_start, piece_end in pieces:
            for first, last, total in _segments(scores, piece_start, piece_end):
                if total < MIN_RUN_SCORE or (best is not None and total <= best[0]):
                    continue
                if _qualifies(text, words, scores, first, last, language, excuses):
                    best = (total, (words[first].start(), words[last].end()), language.name)
    return best[1:] if best else None


def _candidate_languages(words, marker_map, strong) -> set[str]:
    """The languages the sentence's marker words point to: markers in lowercase, capitalised as
    the first word ("Le", "Según"), and strong ones capitalised anywhere. A capitalised "Los",
    "Van" or "Indonesia" inside English text is a name."""
    found: set[str] = set()
    for i, m in enumerate(words):
        word = m.group(0)
        if word in marker_map or word in strong or (i == 0 and word.lower() in marker_map):
            found.update(marker_map[word.lower()])
    return found


def _word_score(word: str, lower: str, index: int, language, neutral: bool) -> float:
    if neutral:
        return 0.0
    score = language.score(lower)
    if score is None:
        if lower in _common_english():
            score = COMMON_ENGLISH_SCORE
        elif lower in word_list("english-words"):
            score = ENGLISH_SCORE
        else:
            score = UNKNOWN_SCORE if lower.isascii() else UNKNOWN_ACCENTED_SCORE
    if index > 0 and word[0].isupper():
        # A capitalised word in the middle of a sentence is a name, in German also a noun.
        score = max(score, 0.0) if language.code in NOUN_CAPITALISING else 0.0
    return max(-MAX_WORD_SCORE, min(MAX_WORD_SCORE, score))


# Brackets and quotation marks end a run: a quoted title or a bracketed translation next to
# foreign words is not part of them.
_BARRIER = regexes.compile(r"[()\[\]\"“”«»„]")


def _pieces(text: str, words: list[re.Match]) -> list[tuple[int, int]]:
    """The words split into [start, end) index ranges at brackets and quotation marks."""
    quote_edges = {edge for m in _QUOTED.finditer(text) for edge in m.span()}
    pieces, start = [], 0
    for i in range(1, len(words)):
        gap_start, gap_end = words[i - 1].end(), words[i].start()
        if _BARRIER.search(text, gap_start, gap_end) or any(gap_start <= e <= gap_end for e in quote_edges):
            pieces.append((start, i))
            start = i
    pieces.append((start, len(words)))
    return pieces


def _in_short_quotation(doc: Document, start: int, end: int) -> bool:
    """Whether [start, end) lies in a quotation of at most MAX_QUOTED_TITLE_WORDS words that runs
    over more than one sentence: "Merci, merci à tous. This one is for my dad." A quotation inside
    one sentence is judged by `_quoted_title_positions`."""
    block = doc.block_at(start)
    return any(block.start + q_start <= start and end <= block.start + q_end
               for q_start, q_end in _short_quotations(block.text))


def _quoted_title_positions(text: str, words: list[re.Match]) -> set[int]:
    """Indexes of the words inside a quotation of at most MAX_QUOTED_TITLE_WORDS words."""
    return {i for q_start, q_end in _short_quotations(text)
            for i, m in enumerate(words) if q_start <= m.start() < q_end}


def _short_quotations(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the quotations in `text` of at most MAX_QUOTED_TITLE_WORDS words: titles,
    slogans, a speaker's own words kept on purpose."""
    for quote in _QUOTED.finditer(text):
        if len(_TOKEN.findall(quote.group(0))) <= MAX_QUOTED_TITLE_WORDS:
            yield quote.span()


def _segments(scores: list[float], begin: int, stop: int) -> Iterator[tuple[int, int, float]]:
    """Maximum-sum stretches of scores[begin:stop]: (first, last, total), each from a positive
    word to the peak of its running total."""
    start, total, peak, peak_end = begin, 0.0, 0.0, -1
    for i in range(begin, stop):
        if total <= 0:
            if peak_end >= start:
                yield start, peak_end, peak
            start, total, peak, peak_end = i, 0.0, 0.0, -1
        total += scores[i]
        if total > peak:
            peak, peak_end = total, i
    if peak_end >= start:
        yield start, peak_end, peak


def _qualifies(text, words, scores, first, last, language, excuses: bool = True) -> bool:
    evidence = [i for i in range(first, last + 1) if scores[i] >= EVIDENCE]
    content = [i for i in evidence if words[i].group(0).lower() not in NAME_PARTICLES
               and (i == 0 or language.code in NOUN_CAPITALISING or not words[i].group(0)[0].isupper())]
    if len(evidence) < MIN_EVIDENCE or len(content) < MIN_CONTENT_EVIDENCE:
        return False
    if not excuses:
        return True
    span = range(first, last + 1)
    capitalised = sum(1 for i in span if i > 0 and words[i].group(0)[0].isupper())
    if capitalised * 2 > len(span):
        return False  # mostly capitalised: the name of an institution, a place or a work
    if _name_tail(text, words, first, last):
        return False
    return not _translated_after(text, words[last].end())


def _name_tail(text: str, words: list[re.Match], first: int, last: int) -> bool:
    """Whether the run is the lowercase tail of a foreign name: a particle right after a
    capitalised word that does not open the sentence ("the Institut du monde arabe")."""
    if first < 2 or last - first + 1 > MAX_NAME_TAIL_WORDS:
        return False
    head = words[first - 1]
    return (words[first].group(0) in NAME_PARTICLES and head.group(0)[0].isupper()
            and text[head.end():words[first].start()] == " ")


_GLOSS = regexes.compile(r"[^.!?()]{0,40}?\(([^()]{3,200})\)")


def _translated_after(text: str, end: int) -> bool:
    """A translation in brackets follows the run: 'the headline "… loco en el Bernabéu (… became
    crazy in the Bernabéu)"'. The words in brackets must be English."""
    gloss = _GLOSS.match(text, end)
    if not gloss:
        return False
    english = _common_english()
    return sum(1 for w in _TOKEN.findall(gloss.group(1).lower()) if w in english) >= 2


def _loan_positions(lowered: list[str]) -> set[int]:
    """Indexes of the words that belong to a loan phrase ("joie de vivre")."""
    phrases = loan_phrases()
    out: set[int] = set()
    i = 0
    while i < len(lowered):
        for phrase in phrases.get(lowered[i], ()):
            if tuple(lowered[i:i + len(phrase)]) == phrase:
                out.update(range(i, i + len(phrase)))
                i += len(phrase) - 1
                break
        i += 1
    return out


UNTRANSLATED_RULES = [ForeignScript, UntranslatedText]
