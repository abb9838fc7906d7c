"""MTA101 capitalised-common-noun: "to allow Civilians evacuated", "and Landmines were brought".

German capitalises every noun, and machine translation from it (and sloppy MT generally) leaves
capitals on common nouns mid-sentence. The profile of which nouns English keeps in lowercase
comes from the Brill lexicon (rules/data/lowercase-nouns.txt, nouns.txt; built by
scripts/build_word_classes.py), and which words English capitalises as often as not (leagues,
clubs, firms: rules/data/often-capitalised.txt, scripts/build_often_capitalised.py) from spaCy's
cased word probabilities; not from a list of known errors.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator

from newslint import regexes
from newslint.document import Document
from newslint.findings import Hit, Severity
from newslint.lexicons import word_list
from newslint.names import Mention
from newslint.rule import Context, Rule, RuleDoc
from newslint.structure import BODY

# An article with this many different common nouns capitalised mid-sentence capitalises nouns
# throughout, as German does: none of the clean BBC or WMT21 articles has more than two.
MIN_NOUNS_CAPITALISED_THROUGHOUT = 3
# Nouns newsrooms capitalise for an institution or an office: "the Senate", "the Pope".
_INSTITUTIONS = frozenset(
    """senate council parliament pope cabinet government president ministry minister state court
    army navy church crown commission committee assembly congress chancellor king queen prince
    treasury bank exchequer house commons lords opposition union constitution budget bible
    internet web navy marines police""".split()
)


class CapitalisedCommonNoun(Rule):
    code = "MTA101"
    name = "capitalised-common-noun"
    category = "mt-artifact"
    severity = Severity.WARNING
    fixable = True
    fix_applicability = "unsafe"  # the word may be a name or a title ("Sideways star")
    summary = "A common noun capitalised in the middle of a sentence"
    doc = RuleDoc(
        what="A common noun written with a capital in the middle of a sentence, between two "
             "lowercase words: \"to allow Civilians evacuated\", \"and Landmines were brought\". "
             "Names, institutions written with a capital (\"the Senate\", \"the Pope\"), words "
             "English often capitalises (\"Premiership\", \"Spurs\"), words in a run of "
             "capitalised words (\"the Lachin Corridor\"), a title before the noun it labels (\"Sideways "
             "star\"), sentence starts, words after a colon "
             "or a quotation mark, headings and quotations are not flagged. In an article that "
             "capitalises three or more different common nouns so, nouns English also uses as "
             "names (\"Refugees\") and nouns after \"the\" are flagged too.",
        why="Capitalised common nouns are a trace of machine translation from German and of "
            "sloppy MT; an editor lowercases them. The fix lowercases the word.",
        bad="The ministry said it had opened corridors to allow Farmhands evacuated.\n",
        good="The ministry said it had opened corridors to allow farmhands to leave.\n",
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        sure, likely = self._candidates(doc, ctx)
        kept = self._not_names(doc, sure + likely)
        # Translation from German capitalises nouns throughout: where an article has several
        # capitalised common nouns, the weaker ones are errors too ("the Children", "Houses"),
        # while one alone may be a name or a title ("told Variety").
        if likely and len(_distinct(kept)) < MIN_NOUNS_CAPITALISED_THROUGHOUT:
            weaker = set(likely)
            kept = [m for m in kept if m not in weaker]
        for mention in sorted(kept):
            yield Hit(mention.start, mention.end, f"Common noun '{mention.text}' capitalised mid-sentence",
                      mention.text.lower())

    def _candidates(self, doc: Document, ctx: Context) -> tuple[list[Mention], list[Mention]]:
        """Capitalised nouns mid-sentence, by the cheap tests: common nouns mid-clause (sure), and,
        in an article with enough capitals for it to matter, nouns English also writes with a
        capital or after "the" (likely: "Refugees", "the Children")."""
        text = doc.text
        sure: list[Mention] = []
        others: list[tuple[Mention, str]] = []
        for mention in doc.names:
            # Cheapest tests first: most capitals have a capitalised neighbour or start a sentence.
            if mention.words != 1 or mention.sentence_initial:
                continue
            word = mention.text
            if not word[1:].islower() or word in ctx.accept:
                continue
            place = _between_lowercase_words(text, mention)
            if place is None:
                continue
            lower = word.lower()
            if lower in _INSTITUTIONS or lower in word_list("often-capitalised"):
                continue  # "the Senate"; "Premiership", "Spurs": as often a name as a word
            if place is _MID_CLAUSE and is_common_noun(lower):
                sure.append(mention)
            else:
                others.append((mention, place))
        nouns = word_list("nouns")
        # "many Farmers": a noun English also uses as a name is common when counted.
        counted = {m for m, place in others if place is _MID_CLAUSE and _after_quantifier(text, m)
                   and m.text.lower() in nouns}
        sure = sorted(sure + list(counted))
        if len(_distinct(sure)) + len(others) - len(counted) < MIN_NOUNS_CAPITALISED_THROUGHOUT:
            return sure, []  # too few capitals for the article to capitalise nouns throughout
        likely = [m for m, _ in others if m not in counted and m.text.lower() in nouns]
        return sure, likely

    def _not_names(self, doc: Document, mentions: list[Mention]) -> list[Mention]:
        """The mentions that context does not show to be names or titles."""
        if not mentions or doc.first_person:
            return []  # columns and readers' comments capitalise for emphasis, not from MT
        roles = doc.roles
        text = doc.text
        capitalised = None  # the one-word names written with a capital mid-sentence: made if needed
        forms = doc.name_forms
        in_lowercase: dict[str, bool] = {}  # _written_in_lowercase searches the whole text: once a word
        kept = []
        for mention in mentions:
            word = mention.text
            lower = word.lower()
            if _in_title_run(text, mention) or _after_noun(text, mention) or _before_noun(text, mention):
                continue  # "Department of Work and Pensions", "the comedy Sideways", "Sideways star"
            if roles[doc.block_at(mention.start).index] != BODY:
                continue
            if not _after_quantifier(text, mention) and _gazetteer_knows(word):
                continue  # a place: "in Geneva"
            if capitalised is None:
                capitalised = {m.text for m in doc.names if m.words == 1 and not m.sentence_initial}
            if _mentions_of(forms, word) > 1 and word in capitalised:
                if lower not in in_lowercase:
                    in_lowercase[lower] = _written_in_lowercase(text, lower)
                if not in_lowercase[lower]:
                    continue  # always capitalised in this article, never in lowercase: a name here
            kept.append(mention)
        return kept


def _distinct(mentions: list[Mention]) -> set[str]:
    """The different nouns among capitalised mentions, singular and plural as one."""
    return {m.text.lower().rstrip("s") for m in mentions}


@lru_cache(maxsize=65536)  # asked of most capitalised words mid-sentence, which recur across articles
def is_common_noun(lower: str) -> bool:
    if lower in word_list("lowercase-nouns"):
        return True
    nouns = word_list("nouns")
    if lower in nouns or lower not in word_list("english-words"):
        return False
    # A compound the lexicon does not list, made of two nouns it does: "landmines".
    return any(lower[:k] in nouns and lower[k:] in nouns for k in range(4, len(lower) - 3))


_MID_CLAUSE = "mid-clause"
_AFTER_THE = "after the"


def _between_lowercase_words(text: str, mention: Mention) -> str | None:
    """A lowercase word right before and right after, with single spaces: mid-clause, or after
    "the" (where titles of works start: "The Lord of the Rings"); None for neither."""
    start, end = mention.start, mention.end
    if start < 2 or end + 1 >= len(text) or text[start - 1] != " " or text[end] != " ":
        return None
    if not text[end + 1].islower() or not text[start - 2].isalpha():
        return None
    previous = text[text.rfind(" ", max(0, start - 30), start - 1) + 1:start - 1]
    if previous == "the":
        return _AFTER_THE
    if previous in _TITLE_OPENERS and not (previous == "of" and _after_quantifier(text, mention)):
        return None  # "a Prisoner of…": titles of works start so; "thousands of" counts
    return _MID_CLAUSE if previous[:1].islower() and previous.isalpha() else None


_TITLE_OPENERS = frozenset(["the", "a", "an", "of"])
# Small words inside the names of institutions and works: "Department of Work and Pensions".
_CONNECTORS = frozenset(["of", "and", "for", "&", "the", "on", "in", "to"])


def _in_title_run(text: str, mention: Mention) -> bool:
    """A capitalised word joined by a small word to another: part of a name or a title. The
    other may end in a number: "the shows Studio 54 and Landmines", "Apollo 13 and Gravity"."""
    before = text[max(0, mention.start - 40):mention.start].split()[-3:]
    after = text[mention.end:mention.end + 40].split()[:2]
    if len(before) >= 2 and before[-1] in _CONNECTORS:
        other = before[-2]
        if other.isdigit() and len(before) == 3:
            other = before[-3]  # the name before the number
        if other[:1].isupper():
            return True
    return len(after) == 2 and after[0] in _CONNECTORS and after[1][:1].isupper()


def _after_noun(text: str, mention: Mention) -> bool:
    """A capitalised word right after a noun that says what it is: "the comedy Sideways",
    "developers Blizzard", "rock outfit Rooster". A verb before it ("allow Civilians") is no
    such noun."""
    previous = text[max(0, mention.start - 30):mention.start].split()[-1:]
    if not previous:
        return False
    word = previous[0].lower()
    return (word in word_list("nouns") and word not in word_list("finite-verbs") and word not in _NOT_LABELS
            and word not in _QUANTIFIERS)  # "many" is a noun to the lexicon, but counts, not labels


_NEXT_WORD = regexes.compile(r" ([a-z]+)\b(?!['’-])")  # a whole lowercase word: not "star-studded"


def _before_noun(text: str, mention: Mention) -> bool:
    """A capitalised word right before a noun it names: "Sideways star Thomas", "the annual
    Secrets sale", a title or a brand used as a label. A common noun left capitalised by
    translation is followed by its verb or a small word: "allow Civilians evacuated", "Farmers
    said", "Landmines were"."""
    following = _NEXT_WORD.match(text, mention.end)
    if following is None:
        return False
    word = following.group(1)
    return word in word_list("nouns") and word not in word_list("mostly-verbs") and \
        word not in word_list("function-words")


def _mentions_of(forms: dict, word: str) -> int:
    """How often the article writes the word capitalised, in the singular and the plural
    ("Aggregate chief executive" and "the deal with Aggregates": one name)."""
    other = word[:-1] if word.endswith("s") else word + "s"
    return len(forms[word]) + len(forms.get(other, ()))


# Words that count what follows them: a name is seldom counted ("many Farmers", "several
# Vehicles"), so after one a noun English also uses as a name is a common noun.
_QUANTIFIERS = frozenset("many several some most few numerous various countless".split())  # not "both": "both Apple and Google"
_QUANTITY_NOUNS = frozenset("dozens hundreds thousands millions tens scores".split())


def _after_quantifier(text: str, mention: Mention) -> bool:
    before = text[max(0, mention.start - 30):mention.start].split()[-2:]
    if not before:
        return False
    if before[-1] in _QUANTIFIERS:
        return True
    return len(before) == 2 and before[-1] == "of" and before[0] in _QUANTITY_NOUNS


def may_be_flagged(lower: str) -> bool:
    """A noun MTA101 may flag, counted or not: what scripts/build_often_capitalised.py profiles."""
    return is_common_noun(lower) or lower in word_list("nouns")


# Nouns used as quantities before a plural, not as labels: "many Farmers", "most Residents".
_NOT_LABELS = frozenset("lot lots number numbers couple dozens hundreds thousands millions".split())


def _written_in_lowercase(text: str, lower: str) -> bool:
    """`lower` occurs as a word of its own ("intellectual" is not "intellect")."""
    at = text.find(lower)
    while at != -1:
        end = at + len(lower)
        if (at == 0 or not text[at - 1].isalpha()) and (end == len(text) or not text[end].isalpha()):
            return True
        at = text.find(lower, at + 1)
    return False


def _gazetteer_knows(word: str) -> bool:
    from newslint.gazetteer import load

    return load().knows(word)


CAPITALS_RULES = [CapitalisedCommonNoun]
