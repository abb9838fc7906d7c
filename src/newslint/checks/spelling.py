"""SPL001 misspelling, SPL002 dialect-spelling, SPL003 unknown-word: ordinary misspelled words.

Which words are unknown is decided once per document in unknown_words.py. An unknown word one
edit away from a known word (or two words run together) is most likely a slip: SPL001 reports it
with the known word as a suggestion. An unknown word with no known word near it is more often a
word the lists lack (jargon, a coinage, a foreign word) than a slip: SPL003 reports it, off by
default. SPL002 reports the spelling of the other dialect when a dialect is configured.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Iterator

from newslint import regexes, spelling_words as shapes
from newslint.dialects import keep_case, table
from newslint.document import Document
from newslint.findings import Hit, Severity
from newslint.rule import Context, Rule, RuleDoc
from newslint.unknown_words import accepted_words, tokens, unknown_words

_ALNUM = regexes.compile(r"[^\W_]")
_NOT_FLAGGED = (
    "Not flagged: names (a capitalised word in mid-sentence; at a sentence start, unless it is a "
    "slip of a common word such as \"Teh\"), acronyms and words with inner capitals "
    "(\"BBC\", \"iPhone\"), numbers and measurements (\"10km\", \"1990s\", "
    "\"28-year-old\", \"5 mph\"), URLs, e-mail addresses, handles and hashtags, code "
    "(\"snake_case\", \"file.py\"), possessives and contractions of known words, hyphenated "
    "compounds of known words (\"so-called\"), words made of known words (\"spyware\", "
    "\"reoffending\", \"personalisation\"), a word the article writes twice or more, foreign "
    "phrases (\"joie de vivre\", \"au fait\"), words with letters English does not use, one- or "
    "two-letter words, words in a run of another language (\"merci à tous\", \"Institut du monde "
    "arabe\"), abbreviations with no vowel (\"btw\"), laughter (\"hehe\"), file "
    "formats (\"wav\"), a word alone in quotation marks (a term mentioned: the word "
    "\"liberati\"), a dropped g with its apostrophe (\"nothin'\"), and the `accept` and "
    "`accept-files` words of the configuration."
)


class Misspelling(Rule):
    code = "SPL001"
    name = "misspelling"
    category = "spelling"
    severity = Severity.WARNING
    fixable = False
    summary = "An unknown word one edit from a known word: a likely slip, with a suggestion"
    doc = RuleDoc(
        what="A word that no word list knows (pyspellchecker's English dictionary, British and "
             "American spellings, the built-in newsroom vocabulary, SCOWL's words the dictionary "
             "lacks, rare ones included, the configuration's accept lists) and that is one edit (a letter dropped, added, changed, or two swapped) "
             "from a known word, or two words run together (\"thefirst\"). The message names "
             "the most frequent such word, or the two words when they are far more frequent "
             "(\"upto\": \"up to\", not \"unto\"), a contraction for a word written with an "
             "apostrophe (\"wer'e\": \"we're\"), spelt as the configured dialect wants or, "
             "with none, as the article leans (\"centre\" beside \"colour\"). " + _NOT_FLAGGED,
        why="A misspelled word is the error readers notice first. There is no fix: a word one "
            "edit away is a guess (\"wether\" may be \"whether\" or \"weather\"), and the "
            "word may be right; add it to `accept` or an accept file.",
        bad="The council recieved the report on Monday.\n",
        good="The council received the so-called interim report on Monday at 3pm.\n",
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        for word in unknown_words(doc, ctx):
            if word.suggestion is not None:
                yield Hit(word.start, word.end, f"Misspelled word '{word.text}'; did you mean '{word.suggestion}'?")


class UnknownWord(Rule):
    code = "SPL003"
    name = "unknown-word"
    category = "spelling"
    severity = Severity.INFO
    default_enabled = False
    fixable = False
    summary = "An unknown word that no known word is near: often jargon or a coinage"
    doc = RuleDoc(
        what="A lowercase word that no word list knows and that no known word is one edit away "
             "from: a rare word the lists lack (\"modafinil\", \"robotiquette\") or a badly "
             "mangled one. Off by default; select it for a strict copy check. " + _NOT_FLAGGED,
        why="Most such words are right, which is why the rule is off by default; a copy desk "
            "that wants every unfamiliar word checked turns it on and adds the right ones to "
            "an accept file.",
        bad="The minister praised the qwzrtyx scheme.\n",
        good="The minister praised the recycling scheme.\n",
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        for word in unknown_words(doc, ctx):
            if word.suggestion is None:
                yield Hit(word.start, word.end, f"Unknown word '{word.text}'")


class DialectSpelling(Rule):
    code = "SPL002"
    name = "dialect-spelling"
    category = "spelling"
    severity = Severity.WARNING
    fixable = True
    summary = "A British spelling under dialect en-US, or an American one under en-GB"
    doc = RuleDoc(
        what="With `dialect = \"en-US\"` in the configuration (or `--dialect en-US`), a British "
             "spelling (\"colour\", \"organise\", \"travelled\"); with `\"en-GB\"`, an American "
             "one (\"color\", \"organize\", \"traveled\"); with `\"en-GB-oxendict\"` (Oxford "
             "spelling), an American one except -ize, and -ise. Without a dialect nothing is "
             "flagged: both spellings are right. Names keep their spelling: a capitalised word "
             "in mid-sentence (\"Labour Party\", \"Pearl Harbor\") is not flagged.",
        why="A publication writes one dialect; mixing them looks careless, and syndicated or "
            "translated copy often arrives in the other one. The fix writes the dialect's "
            "spelling in the same case.",
        bad="The new colour scheme was organised by the centre.\n",
        good="The new color scheme was organized by the center.\n",
        example_config='dialect = "en-US"\n',
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        if ctx.dialect is None:
            return
        wrong = table().wrong[ctx.dialect]
        toks = tokens(doc)
        # Only words with a dialect spelling in them, or hyphens and apostrophes to look into.
        suspects = [w for w in toks.counts if w in wrong or "-" in w or "'" in w]
        if not suspects:
            return
        accepted = accepted_words(ctx.accept)
        names: frozenset[str] | None = None
        text = doc.text
        places = toks.starts_of(suspects)
        for lower, start in sorted((w, s) for w, starts in places.items() for s in starts):
            word = text[start:start + len(lower)]
            if start and text[start - 1] in "#@":
                continue  # a hashtag or a handle is a name
            if word[0].isupper():
                if names is None:
                    names = frozenset(m.text for m in doc.names if m.words == 1 and not m.sentence_initial)
                if not _starts_sentence(doc, start) or shapes.strip_clitic(word.replace("’", "'")) in names:
                    continue  # a name keeps its spelling: "Labour", "Pearl Harbor"
            offset = 0
            for part in lower.split("-"):
                base = shapes.strip_clitic(part)
                right = wrong.get(base)
                original = word[offset:offset + len(base)]
                if right and base not in accepted and (offset == 0 or not original[0].isupper()):
                    fix = keep_case(original, right)
                    yield Hit(start + offset, start + offset + len(base),
                              f"'{original}' is not {ctx.dialect} spelling; write '{fix}'", fix)
                offset += len(part) + 1


def _starts_sentence(doc: Document, start: int) -> bool:
    """No word between the start of its sentence and `start`."""
    sentences = doc.sentences
    i = bisect_right([s.start for s in sentences], start) - 1
    return i < 0 or _ALNUM.search(doc.text, sentences[i].start, start) is None


SPELLING_RULES = [Misspelling, DialectSpelling, UnknownWord]
