"""Fragments: stray pieces that are not sentences (FRG001-FRG003).

Machine translation splits sentences wrongly and leaves stubs ("warning.", "Peacekeepers
patrol."), verbless phrases ("The beginning of a large-scale war.") and lowercase starts.
Quotations, headings, bylines, list items and the like are not checked (see structure.py).
"""

from __future__ import annotations

import re
from typing import Iterator

from newslint import regexes
from newslint.document import Document, Sentence, Word
from newslint.findings import Hit, Severity, shorten
from newslint.lexicons import word_list
from newslint.rule import Context, Rule, RuleDoc
from newslint.structure import (BODY, FIRST_PERSON, HEADING_LIKE, MANY_BROKEN_STARTS, ends_sentence,
                                 first_word, opens_in_lowercase)

_OPENERS = "\"'“‘«„([ "

# Two-word sentences that are complete: a pronoun subject and its verb ("He refused.").
_PRONOUNS = frozenset(
    "i you he she it we they this that these those nobody everybody somebody everyone someone "
    "nothing everything something none one who all both".split()
)
# One- and two-word replies and interjections that stand as sentences in news copy.
_REPLIES = frozenset(
    """yes no indeed absolutely exactly thanks right ok okay sure nonsense really perhaps maybe
    hardly hello goodbye sorry please agreed correct""".split()
)
_TWO_WORD_REPLIES = frozenset(
    ["of course", "not yet", "me too", "me neither", "thank you", "no way", "not really", "of course not",
     "yes indeed", "not quite", "why not", "so what"]
)
# Words after which the next word is a noun or an infinitive, never a finite verb.
_NOT_BEFORE_VERB = frozenset(
    """a an the my your his her its our their every each no any some another
    either neither such whose of in on at to for from with by about into onto over under between
    among against during without within through across after before behind beyond near than via
    per upon toward towards""".split()
)
# "Dechy said.": a name and a verb of saying is a whole sentence.
_SPEECH_VERBS = frozenset(
    "said says added adds replied agreed insisted explained continued admitted warned confirmed "
    "declined refused laughed smiled".split()
)
# An imperative is followed by its object: "Give it to them."
_OBJECT_STARTERS = _NOT_BEFORE_VERB | frozenset("it me him her them us you up back down out".split())
_CONTRACTION = regexes.compile(r"^(?:\w+)['’](?:s|re|ve|ll|m|d)$|n['’]t$", re.IGNORECASE)
_PRONOUN_S = frozenset("it that there here what who where how he she this which".split())
# Adjectives that also stand alone as a subject: "Many fear the worst."
_QUANTIFIERS = frozenset("many few several most all both more fewer others various some".split())
# Verbs that are never anything else: finite wherever they stand.
_AUXILIARIES = frozenset(
    """is are was were am has have had does did do will would shall should can could may might
    must""".split()
)


def _checked_sentences(doc: Document, max_words: int, skip: re.Pattern | None = None
                       ) -> Iterator[tuple[Sentence, list[Word]]]:
    """Short sentences of body paragraphs that end with a full stop and carry no quotation."""
    roles = doc.roles
    # The opening of a paragraph that starts mid-sentence is a piece of a broken sentence; the
    # truncation rules (TRN004, TRN005) and FRG003 report the break itself.
    broken = {doc.blocks[i].start for i in doc.broken_starts}
    for sentence in doc.sentences:
        text = sentence.text
        # Cheapest first: most sentences are longer than a fragment.
        if text.count(" ") > max_words or text[-1:] != "." or text.endswith("..."):
            continue
        if roles[sentence.block] != BODY or (skip and skip.search(text)):
            continue
        if doc.quoted[sentence.index] or sentence.start in broken:
            continue
        yield sentence, doc.words_of(sentence)


class ShortSentence(Rule):
    code = "FRG001"
    name = "short-sentence"
    category = "fragment"
    severity = Severity.WARNING
    summary = "A one- or two-word sentence outside quotations and headings"
    doc = RuleDoc(
        what="A sentence of one or two words in a body paragraph, such as \"warning.\" after a "
             "full sentence or \"Peacekeepers patrol.\" split off the sentence before it. "
             "Quotations, headings, replies (\"Yes.\"), a pronoun with its verb (\"He "
             "refused.\"), a stub a writer opens with a conjunction for stress (\"And "
             "always.\"), a command (\"Listen.\") and stubs set in a row for rhythm (\"Cold. "
             "Wet. Dark.\") are not flagged.",
        why="Machine translation and careless editing leave stubs of sentences; in news prose "
            "they read as errors, not as style.",
        bad="The ministry confirmed the closure of the border crossing on Monday. warning.\n",
        good="The ministry confirmed the closure of the border crossing on Monday. Trade stopped "
             "at once.\n",
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        for sentence, words in _checked_sentences(doc, max_words=4):
            if not 1 <= len(words) <= 2 or any(w.text[0].isdigit() for w in words):
                continue
            lowered = [w.text.lower() for w in words]
            if (len(words) == 1 and lowered[0] in _REPLIES) or " ".join(lowered) in _TWO_WORD_REPLIES \
                    or _CONTRACTION.search(words[0].text):
                continue  # a reply, or a pronoun and its verb in one word: "I'm speechless."
            if len(words) == 2 and (lowered[0] in _PRONOUNS or lowered[1] in _SPEECH_VERBS):
                continue
            if _deliberate_fragment(words):
                continue  # a writer's stress: "And rightly so.", "But never again."
            if len(words) == 1 and _imperative(lowered[0]):
                continue  # a command is a whole sentence: "Go.", "Listen."
            if _short_neighbour(doc, sentence):
                continue  # a run of stubs is a writer's rhythm: "Cold. Wet. Dark."
            if all(w.text[0].isupper() for w in words) and (
                _in_list_block(doc, sentence) or _is_whole_block(doc, sentence)
            ):
                continue  # names: a line-up ("Subs: Hale, Moss.") or a name on its own line
            if len(words) == 1 and "." in words[0].text:
                continue  # an abbreviation left alone by the splitter ("Inc.")
            if _excused(doc, sentence):
                continue
            yield Hit(sentence.start, sentence.end,
                      f"Sentence of {len(words)} word{'s' if len(words) > 1 else ''}: '{shorten(sentence.text)}'")


class VerblessSentence(Rule):
    code = "FRG002"
    name = "verbless-sentence"
    category = "fragment"
    severity = Severity.WARNING
    summary = "A sentence with no finite verb"
    doc = RuleDoc(
        what="A body sentence of three to twelve words, ending in a full stop, in which no word "
             "can be a finite verb: \"The beginning of a large-scale war.\", \"A new chapter for "
             "the region.\". Questions, exclamations, quotations and lists are not checked.",
        why="A verbless sentence in running news text is usually a piece of a sentence that "
            "machine translation or editing split off; it reads as a headline lost in the text.",
        bad="Talks between the two delegations broke down on Tuesday. The beginning of a long "
            "dispute.\n",
        good="Talks between the two delegations broke down on Tuesday. It was the beginning of a "
             "long dispute.\n",
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        lexicon = _VerbLexicon.load()
        for sentence, words in _checked_sentences(doc, max_words=16, skip=_COMMON_VERB):
            if not 3 <= len(words) <= 12:
                continue
            if _looks_like_list(sentence.text, words) or _deliberate_fragment(words):
                continue
            if _answers_question(doc, sentence) or _after_ellipsis(doc, sentence):
                continue  # "Will it work? In part, certainly.", "We waited... Nothing."
            if not any(_can_be_finite_verb(words, i, lexicon) for i in range(len(words))) \
                    and not _gapped(doc, sentence, words) and not _excused(doc, sentence) \
                    and not _mostly_foreign(sentence):
                yield Hit(sentence.start, sentence.end, f"Sentence without a verb: '{shorten(sentence.text)}'")


# Writers open deliberate fragments with a conjunction ("But no longer.") or make them
# exclamations ("What a night."); machine translation leaves neither.
_DELIBERATE_OPENERS = frozenset("and but or yet so nor plus no".split())  # "No doubt about it."


def _deliberate_fragment(words: list[Word]) -> bool:
    first = words[0].text.lower()
    second = words[1].text.lower() if len(words) > 1 else ""
    return first in _DELIBERATE_OPENERS or (first == "what" and second in ("a", "an")) or first == "how"


def _imperative(word: str) -> bool:
    """A verb's bare form, mostly used as a verb ("go", "listen", "wait"): a command on its own.
    Not a finite form ("did.", "is.", "carried."), which machine translation strands."""
    return (word in _VerbLexicon.load().mostly_verbs and word not in _AUXILIARIES
            and not word.endswith(("s", "ed", "ing")))


def _short_neighbour(doc: Document, sentence: Sentence) -> bool:
    """Whether the sentence before or after it in the paragraph is a stub of two words or fewer
    too: writers set such stubs in a row for rhythm; machine translation strands one at a time."""
    for step in (-1, 1):
        other = _neighbour(doc, sentence, step)
        if other is not None and other.text.count(" ") <= 1 and other.text[-1:] in ".!?":
            return True
    return False


def _excused(doc: Document, sentence: Sentence) -> bool:
    """What excuses a fragment found by FRG001 or FRG002 (asked last: it costs more).

    A writer's own voice ("For me, the try of the year.") and whole articles in the first person
    (a column, readers' comments; see structure.first_person) use fragments as style; a stub
    before a lowercase word ("Overall. sales fell") is a stray full stop, which FRG003 reports."""
    return (_followed_by_lowercase(doc, sentence) or bool(FIRST_PERSON.search(sentence.text))
            or doc.first_person)


def _neighbour(doc: Document, sentence: Sentence, step: int) -> Sentence | None:
    """The sentence just before (step -1) or after (step 1) in the same paragraph, or None."""
    index = sentence.index + step
    if not 0 <= index < len(doc.sentences):
        return None
    other = doc.sentences[index]
    return other if other.block == sentence.block else None


def _followed_by_lowercase(doc: Document, sentence: Sentence) -> bool:
    following = _neighbour(doc, sentence, 1)
    return following is not None and following.text[:1].islower()


def _mostly_foreign(sentence: Sentence) -> bool:
    """A sentence in another language has verbs the English verb test does not know; MTA402
    reports it as untranslated, which is what it is ("El ministro dijo que …")."""
    from newslint.checks.untranslated import foreign_run  # its word statistics load on demand

    run = foreign_run(sentence.text)
    return run is not None and 2 * (run[1] - run[0]) >= len(sentence.text)


def _gapped(doc: Document, sentence: Sentence, words: list[Word]) -> bool:
    """A sentence that leaves out the verb of the one before it, whose opening it repeats, and
    marks the gap with a comma: "On a good day he lands 60 kilos. On a bad day, nothing.", "In
    2019 the fleet had ten boats. In 2024, three." A piece split off by translation does not
    echo its neighbour so."""
    if "," not in sentence.text:
        return False
    previous = _neighbour(doc, sentence, -1)
    if previous is None:
        return False
    opening = previous.text.split(maxsplit=1)[:1]
    return bool(opening) and opening[0].lower() == words[0].text.lower()


def _after_ellipsis(doc: Document, sentence: Sentence) -> bool:
    """Whether the sentence follows an ellipsis, which trails a thought rather than ending it."""
    previous = _neighbour(doc, sentence, -1)
    return previous is not None and previous.text.endswith(("...", "…"))


def _answers_question(doc: Document, sentence: Sentence) -> bool:
    """Whether the sentence follows a question in the same paragraph: an answer may be a phrase."""
    previous = _neighbour(doc, sentence, -1)
    return previous is not None and previous.text.rstrip("\"'”’) ").endswith("?")


def _is_whole_block(doc: Document, sentence: Sentence) -> bool:
    block = doc.blocks[sentence.block]
    return sentence.start == block.start and sentence.end == block.end


def _in_list_block(doc: Document, sentence: Sentence) -> bool:
    block_text = doc.blocks[sentence.block].text
    return ":" in block_text or block_text.count(",") >= 3


def _looks_like_list(text: str, words: list[Word]) -> bool:
    """Line-ups, fixtures, credits and data lines: commas, colons, digits, mostly capitalised words."""
    if text.count(",") >= 2 or any(ch in text for ch in ";:()/|") or any(ch.isdigit() for ch in text):
        return True
    if " - " in text or " – " in text or " — " in text:
        return True  # an apposition between dashes: "Hale - a fine bowler - the best of them."
    rest = [w for w in words[1:] if w.text.lower() not in ("v", "vs", "and", "of", "the")]
    capitalised = sum(1 for w in rest if w.text[0].isupper())
    return capitalised * 2 > len(rest)


# The commonest finite verbs: a sentence holding one has a verb, no need to look further.
# It means \b(?:is|are|was|…|said|says)\b, written to start with a character class, which Python's
# re skips to (twice as fast as a leading \b).
_COMMON_VERB = regexes.compile(
    r"[iawhcs](?<!\w.)(?:(?<=i)s|(?<=a)re|(?<=w)(?:as|ere|ill|ould)|(?<=h)(?:as|ave|ad)|(?<=c)(?:an|ould)"
    r"|(?<=s)(?:aid|ays))\b", re.IGNORECASE)


class _VerbLexicon:
    """The word lists the verb test needs, loaded once."""

    _loaded: "_VerbLexicon | None" = None

    def __init__(self) -> None:
        self.verbs = word_list("finite-verbs")
        self.mostly_verbs = word_list("mostly-verbs")
        self.adjectives = word_list("adjectives")

    @classmethod
    def load(cls) -> "_VerbLexicon":
        if cls._loaded is None:
            cls._loaded = cls()
        return cls._loaded


def _can_be_finite_verb(words: list[Word], i: int, lexicon: _VerbLexicon) -> bool:
    word = words[i].text.replace("’", "'")
    lower = word.lower()
    if _CONTRACTION.search(word):
        stem = lower.split("'")[0]
        return not lower.endswith("'s") or stem in _PRONOUN_S
    if lower in _AUXILIARIES:
        return True
    if lower not in lexicon.verbs:
        return False
    if i == 0:
        # A sentence's first word is its subject unless it is an imperative followed by an object.
        return i + 1 < len(words) and words[i + 1].text.lower() in _OBJECT_STARTERS and not lower.endswith("s")
    previous = words[i - 1].text.lower()
    if i == 1 and previous in _QUANTIFIERS:
        return True  # a quantifier standing as the subject: "Some resort to …", "Many fear …"
    if previous in _NOT_BEFORE_VERB or previous[0].isdigit():
        return False
    if "-" in previous and words[i - 1].text[0].islower():
        return False  # "large-scale war": a noun after a compound adjective
    if previous in lexicon.adjectives and previous not in _QUANTIFIERS and lower not in lexicon.mostly_verbs:
        return False  # "a long dispute": a noun after an adjective
    return True


class LowercaseStart(Rule):
    code = "FRG003"
    name = "lowercase-start"
    category = "fragment"
    severity = Severity.WARNING
    summary = "A sentence or subheading starts in lowercase"
    doc = RuleDoc(
        what="A sentence, paragraph or subheading whose first letter is lowercase: \"decades of "
             "tension\" as a subheading, \"…on Monday. meanwhile the talks went on\". Words that "
             "are lowercase by convention (iPhone, eBay, de, van), a brand the article writes in "
             "lowercase mid-sentence too (\"noyb\"), numbers, list items and a "
             "sentence that continues another across a paragraph break (see TRN004) are not "
             "flagged.",
        why="A lowercase start marks a sentence that lost its beginning or a heading mangled by "
            "machine translation.",
        bad="Officials met on Monday. meanwhile the talks went on in the capital.\n",
        good="Officials met on Monday. Meanwhile the talks went on in the capital.\n",
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        roles = doc.roles
        blocks = doc.blocks
        mangled = len(doc.broken_starts) >= MANY_BROKEN_STARTS
        for sentence in doc.sentences:
            role = roles[sentence.block]
            if role not in (BODY, HEADING_LIKE):
                continue
            if sentence.text.startswith("("):
                continue  # an aside in brackets may start in lowercase: "(see below.)"
            text = sentence.text.lstrip(_OPENERS)
            if not opens_in_lowercase(text) or doc.quoted[sentence.index] or _MARKUP_LEFTOVER.match(text):
                continue
            first = first_word(text)
            if _lowercase_name(doc, first):
                continue
            block = blocks[sentence.block]
            if sentence.start == block.start and mangled:
                continue  # one of many paragraphs that open mid-sentence: TRN005 reports them
            if sentence.start == block.start and sentence.block > 0:
                previous = blocks[sentence.block - 1]
                if previous.kind == block.kind and not ends_sentence(previous.text):
                    continue  # the paragraph continues the previous one: TRN004 reports it
            what = "Heading" if role == HEADING_LIKE else "Sentence"
            end = sentence.start + len(sentence.text) - len(text) + len(first)
            yield Hit(sentence.start, end, f"{what} starts in lowercase: '{shorten(sentence.text, 60)}'")


def _lowercase_name(doc: Document, word: str) -> bool:
    """A brand written in lowercase ("noyb", "adidas"): a word the dictionary does not know that
    the article also writes in lowercase elsewhere, where no sentence starts. Asked only of the
    few sentences that open in lowercase."""
    if word.lower() in word_list("english-words"):
        return False  # "meanwhile", "the": an ordinary word that lost its capital
    elsewhere = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", doc.text)]
    return any(doc.sentence_at(offset).start < offset for offset in elsewhere)


# A tag that lost its "<" in scraping ("br /&gt;"): residue, not a sentence.
_MARKUP_LEFTOVER = regexes.compile(r"[a-z]+\s*/?\s*&gt;")


FRAGMENT_RULES = [ShortSentence, VerblessSentence, LowercaseStart]
