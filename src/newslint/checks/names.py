"""Names: one name written two ways (NCN001), and near-misses of a name the article uses more
often (NMS001). Mentions and their keys come from names.py.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from functools import cache, lru_cache
from typing import Iterable, Iterator

from rapidfuzz import process
from rapidfuzz.distance import OSA

from newslint import regexes
from newslint.dialects import table as dialect_table
from newslint.document import Document, once_per_document
from newslint.findings import Hit, Severity
from newslint.lexicons import CALENDAR_WORDS, word_frequencies, word_list
from newslint.registry import builtin_rules_dir
from newslint.names import Mention, fold, is_all_caps
from newslint.rule import Context, ProjectHit, ProjectRule, Rule, RuleDoc, Sighting

# Endings that make another word of the same name: plurals, demonyms, adjectives.
_DERIVED_ENDINGS = ("s", "es", "n", "an", "ans", "ian", "ians", "ese", "i", "is", "ish", "ic", "ans", "er", "ers")
# A Slavic place and its adjective, from one stem: the village of Pokrovka, the Pokrovsky
# district (and Pokrovskaya, Pokrovskoye, Pokrovsk).
_SLAVIC_PLACE_ENDINGS = ("ka", "sk", "sky", "skiy", "skaya", "skoye", "skoe")
# The endings either of two forms of one stem may have (Armenia / Armenian; Pokrovka / Pokrovsky).
_STEM_ENDINGS = _DERIVED_ENDINGS + ("a", "ia", "y") + _SLAVIC_PLACE_ENDINGS
# Titles before a surname; a capitalised word there is not a first name.
_TITLES = frozenset(
    """mr mrs ms miss dr prof sir dame lord lady president prime minister secretary general gen
    col capt sgt judge justice king queen prince princess pope father rev sen rep gov mayor chief
    spokesman spokeswoman spokesperson coach manager""".split()
)


@cache
def builtin_aliases() -> dict[str, int]:
    """fold(name) -> alias group number, from rules/data/name-aliases.txt."""
    groups: dict[str, int] = {}
    path = builtin_rules_dir() / "data" / "name-aliases.txt"
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        line = line.split("#", 1)[0]
        for name in line.split("|"):
            if name.strip():
                groups[fold(name.strip())] = number
    return groups


def _aliases(a: str, b: str, ctx: Context) -> bool:
    groups = builtin_aliases()
    fa, fb = fold(a), fold(b)
    if fa in groups and groups.get(fa) == groups.get(fb):
        return True
    return any(fa in group and fb in group for group in ctx.alias_groups)


class NameVariant(Rule):
    code = "NCN001"
    name = "name-variant"
    category = "name-inconsistency"
    severity = Severity.WARNING
    fixable = True
    summary = "One name written two ways in an article (hyphen, space, diacritics, case)"
    doc = RuleDoc(
        what="A name written in two ways in one article: with a hyphen and with a space "
             "(\"Forestier-Walker\" / \"Forestier Walker\"), with and without diacritics "
             "(\"Zürich\" / \"Zurich\"), or with different inner capitals (\"McDonald\" / "
             "\"Mcdonald\"). The less frequent form is reported with the more frequent one as "
             "the fix; on a tie, the later form is reported.",
        why="Readers take two spellings for two people or places, and search and archives "
            "miss one of them. Names that legitimately differ are declared as aliases.",
        bad="Ines Lind-Hartmann spoke first. Later Lind-Hartmann said the harbour would reopen, "
            "and Lind Hartmann thanked the divers.\n",
        good="Ines Lind-Hartmann spoke first. Later Lind-Hartmann said the harbour would reopen, "
             "and Lind-Hartmann thanked the divers.\n",
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        name_forms = doc.name_forms
        keys = list(map(fold, name_forms))  # fold each distinct form once
        if len(set(keys)) == len(keys):
            return  # no two forms share a key (most articles): found in C, before any grouping
        groups: dict[str, dict[str, list[Mention]]] = defaultdict(dict)
        for (form, mentions), key in zip(name_forms.items(), keys):
            groups[key][form] = mentions
        for forms in groups.values():
            if len(forms) < 2:
                continue
            forms = _comparable(forms, ctx)
            if len(forms) < 2:
                continue
            # The majority: the most mentions; on a tie, the form that came first.
            ranked = sorted(forms.items(), key=lambda kv: (-len(kv[1]), kv[1][0].start))
            majority, majority_mentions = ranked[0]
            for form, mentions in ranked[1:]:
                for mention in mentions:
                    yield Hit(mention.start, mention.end,
                              f"'{form}' is written '{majority}' elsewhere in this article "
                              f"({len(majority_mentions)}×, this form {len(mentions)}×)",
                              majority)


def _has_inner_capital(text: str) -> bool:
    return any(ch.isupper() for ch in text[1:])


def _comparable(forms: dict[str, list], ctx: Context) -> dict[str, list]:
    """The forms worth comparing: see `comparable_forms`."""
    kept = comparable_forms(forms, ctx)
    return {form: forms[form] for form in kept}


def comparable_forms(forms, ctx: Context) -> set[str]:
    """Drop forms that are not variants worth a finding: all-caps forms (headlines, acronyms),
    accepted words, and the whole group when the forms differ only in a way that is no
    inconsistency of a name."""
    kept = {form for form in forms if not is_all_caps(form) and form not in ctx.accept}
    # A pair of capitalised words ("Forestier Walker") counts only against a single token of the
    # same letters ("Forestier-Walker"), never against another pair: "Home News" is no name.
    if all(" " in form for form in kept):
        return set()
    # Case variants only where the difference is inside a word ("McDonald"/"Mcdonald"), not a
    # capital that title case gives to each part of a compound ("Blu-Ray"/"Blu-ray").
    if len({_title_parts(form) for form in kept}) == 1 and len({form.casefold() for form in kept}) == 1:
        return set()
    # Ordinary words written open, hyphenated or closed ("High Speed", "High-Speed"; "South West",
    # "Southwest"): a compound of dictionary words, written closed as a word of the dictionary
    # if at all, is a style question or another word, not one name spelled two ways. A closed
    # form the dictionary lacks is the name misspelt ("Spiderman"), and so is one with a capital
    # inside ("BandAid").
    open_forms = [form for form in kept if "-" in form or " " in form]
    if open_forms and all(_ordinary_word(part) for form in open_forms for part in re.split(r"[\s-]+", form)) \
            and all(_known_word(form) and not _has_inner_capital(form) for form in kept if form not in open_forms):
        return set()
    return kept if len(kept) >= 2 else set()


def _title_parts(form: str) -> str:
    return "-".join(part[:1].upper() + part[1:] for part in form.split("-"))


class NameNearMiss(Rule):
    code = "NMS001"
    name = "name-near-miss"
    category = "name-misspelling"
    severity = Severity.WARNING
    fixable = True
    fix_applicability = "unsafe"  # the near name may be another name
    summary = "A name one or two letters away from a name the article uses more often"
    doc = RuleDoc(
        what="A capitalised name that occurs once and is one or two letters away (a letter "
             "changed, dropped, doubled or two letters swapped) from a name the same article uses "
             "more often: \"Nagorno-Kabalakh\" after seven \"Nagorno-Karabakh\", \"Dujarirc\" for "
             "\"Dujarric\". Words the English dictionary knows (in British or American "
             "spelling), the main names of places of 100,000 people or more (\"Xining\"), "
             "accepted words, aliases, inflections and demonyms "
             "(\"Armenian\" / \"Armenia\"), a different first name before the surname (or surname "
             "after the first name), a first name beside a surname (\"Hollis Brenning\" / \"Josef "
             "Holis\"), a "
             "surname after a given name near an ordinary word (\"Annette Bening\", \"Being\") and "
             "names in another language (\"El País\", \"Institut du monde arabe\") are not "
             "flagged.",
        why="Machine translation and hurried typing mangle names, and a spell checker does not "
            "know the right spelling; the article itself does.",
        bad="Talks on Valdoria went on. Valdoria's envoy left, and Valdoria's army stayed. "
            "Aid reached Valdornia on Monday.\n",
        good="Talks on Valdoria went on. Valdoria's envoy left, and Valdoria's army stayed. "
             "Aid reached Valdoria on Monday.\n",
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        # One-word forms. Four letters is enough for the misspelling ("Krft" for Kraft); the
        # edits allowed follow the longer of the two forms.
        # (A form of four letters or more is all capitals when isupper() says so: is_all_caps inlined.)
        counts = _with_compound_heads({form: mentions for form, mentions in doc.name_forms.items()
                                       if mentions[0].words == 1 and len(form) >= 4 and not form.isupper()})
        if len(counts) < 2:
            return
        index = _FormIndex(counts.items())
        for form, mentions in counts.items():
            # A dictionary word is never reported: asked first, as most forms seen once are
            # ("However", "Minister"), which spares looking for a near form.
            if len(mentions) != 1 or form in ctx.accept or _known_word(form):
                continue
            target = index.closest(form)
            if target is None:
                continue
            right, right_mentions = target
            if all(m.sentence_initial for m in right_mentions) and _ordinary_word(right):
                continue  # "Being" at a sentence start is no name for "Bening" to misspell
            if _aliases(form, right, ctx) or _derived(form, right) or _other_person(doc, mentions[0], right_mentions, right):
                continue
            if _surname_beside_a_word(doc, mentions[0], right_mentions, right):
                continue
            if _foreign_name(doc, mentions[0], right):
                continue
            if _acronym_part(form) or _acronym_part(right) or _extends(form, right):
                continue
            if _major_place(form):
                continue
            if _in_listing(doc, mentions[0]) and _well_attested_name(form) and _well_attested_name(right):
                continue  # a line-up of surnames, both common: "Horan, Horgan" are two players
            # On a tie (each form once), a known word tells which one is right; between two
            # unknown forms, the one with the letter sequences English rarely has is wrong.
            if len(right_mentions) == 1 and not _known_word(right) and _tie_goes_to_form(form, right):
                continue
            m = mentions[0]
            yield Hit(m.start, m.end,
                      f"'{form}' looks like a misspelling of '{right}', used {len(right_mentions)}× in this article",
                      right)


def _tie_goes_to_form(form: str, right: str) -> bool:
    """Between two spellings seen once each, whether `form` is the right one: a known person's
    name or place against an unknown spelling ("Sociedad" / "Socieded"), else the one whose
    letter sequences English has more often, by TIE_MARGIN."""
    known_form, known_right = _well_attested_name(form), _well_attested_name(right)
    if known_form != known_right:
        return known_form
    return _plausibility(right) - _plausibility(form) < TIE_MARGIN


def _with_compound_heads(forms: dict[str, list[Mention]]) -> dict[str, list[Mention]]:
    """The forms, with a name that heads a compound adjective counted as the name itself:
    "Londdon-based" is a mention of "Londdon", "London-born" one of "London"."""
    if not any(_compound_head(form) for form in forms if "-" in form):
        return forms  # no compound (most articles): each form's mentions are in text order already
    out: dict[str, list[Mention]] = {}
    for form, mentions in forms.items():
        head = _compound_head(form)
        if head:
            form = head
            mentions = [m._replace(end=m.start + len(head), text=head) for m in mentions]
        out.setdefault(form, []).extend(mentions)
    for mentions in out.values():
        mentions.sort()  # in the order of the text
    return out


def _compound_head(form: str) -> str | None:
    """The name heading a compound adjective ("London" of "London-based"), or None."""
    head, dash, tail = form.partition("-")
    if dash and len(head) >= 4 and tail.islower() and tail.replace("-", "").isalpha():
        return head
    return None


# How much less English-looking (mean log frequency of letter trigrams) the later of two
# unknown spellings seen once each must be to be called the misspelling.
TIE_MARGIN = 0.3
# How much less English-looking a form must be than the name it is near for another name
# beside it to prove nothing: "Cahrles" (1.8 below "Charles"), "Dvaid" (1.4), but not the
# foreign forms of a given name, "Patrik" (0.9 below "Patrick"), "Mirco" (0.7 below "Marco").
OTHER_PERSON_MARGIN = 1.0


@cache
def _trigrams() -> tuple[dict[str, int], int]:
    counts = {}
    path = builtin_rules_dir() / "data" / "letter-trigrams.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            trigram, count = line.split("\t")
            counts[trigram] = int(count)
    return counts, sum(counts.values())


def _plausibility(form: str) -> float:
    """Mean log frequency of the letter trigrams of a word: lower for unusual spellings."""
    counts, total = _trigrams()
    padded = f"^{fold(form)}$"
    grams = [padded[i:i + 3] for i in range(len(padded) - 2)]
    return sum(math.log((counts.get(g, 0) + 0.5) / total) for g in grams) / len(grams)


def _acronym_part(form: str) -> bool:
    """"UK-based" / "US-based": an acronym is no misspelling of another."""
    return any(is_all_caps(part) and len(part) <= 4 for part in form.split("-"))


def _extends(a: str, b: str) -> bool:
    """One is the other with two letters or more added at the end: another word ("Photosig")."""
    fa, fb = fold(a), fold(b)
    short, long = sorted((fa, fb), key=len)
    return long.startswith(short) and len(long) - len(short) >= 2


def max_edits(length: int) -> int:
    """How many edits a name of this length may show and still be the same name misspelt."""
    if length >= 8:
        return 2
    if length >= 5:
        return 1
    return 0  # names of four letters or fewer differ by a letter too often


class _FormIndex:
    """The article's name forms grouped by the first letter of their key, for near-miss search."""

    def __init__(self, forms: Iterable[tuple[str, list[Mention]]]) -> None:
        self.groups: dict[str, tuple[list[str], list[tuple[str, list[Mention]]]]] = {}
        groups = self.groups
        for entry in forms:
            key = fold(entry[0])
            group = groups.get(key[:1])
            if group is None:  # not setdefault: it would build two lists for every form
                group = groups[key[:1]] = ([], [])
            group[0].append(key)
            group[1].append(entry)

    def closest(self, form: str) -> tuple[str, list[Mention]] | None:
        """The form nearest to `form` within the edits its length allows; the more used on a tie."""
        key = fold(form)
        keys, entries = self.groups.get(key[:1], ([], []))
        limit = max_edits(len(key) + 2)  # the longer of the two may allow more; checked below
        best = None
        # rapidfuzz scores the whole group in C; only the few within the limit come back.
        for other_key, distance, i in process.extract(key, keys, scorer=OSA.distance, score_cutoff=limit, limit=None):
            other, mentions = entries[i]
            if other == form or other_key == key:
                continue  # itself, or the same letters: a variant, NCN001's business
            if distance > max_edits(max(len(key), len(other_key))):
                continue
            if best is None or (distance, -len(mentions)) < (best[0], -len(best[2])):
                best = (distance, other, mentions)
        return (best[1], best[2]) if best else None


def _derived(a: str, b: str) -> bool:
    """One is the other plus a plural, demonym or adjective ending (Armenia / Armenian(s)), or
    plus a hyphenated part (Zafi / Zafi-D)."""
    short_form, long_form = sorted((a, b), key=len)
    if long_form.startswith(short_form + "-"):
        return True
    fa, fb = fold(a), fold(b)
    short, long = sorted((fa, fb), key=len)
    if long.startswith(short) and long[len(short):] in _DERIVED_ENDINGS:
        return True
    # Armenia / Armenian: the common stem plus a known ending on each side.
    stem = min(len(fa), len(fb)) - 2
    return stem >= 4 and fa[:stem] == fb[:stem] and fa[stem:] in _STEM_ENDINGS and fb[stem:] in _STEM_ENDINGS


def _neighbour_name(doc: Document, mention: Mention, after: bool) -> str | None:
    """The capitalised word just before (a first name) or after (a surname) a mention, if it is
    part of a person's name: not a title, and not an ordinary word that merely starts a sentence."""
    if after:
        window = doc.text[mention.end:mention.end + 30]
        if not window.startswith(" "):
            return None
        words = window.split()
        if len(words) > 1 and words[0].lower() in _SURNAME_PARTICLES:
            words = words[1:]  # "Ruud van Hessel": the surname is the word after the particle
        word = words[0] if words else ""
    else:
        window = doc.text[max(0, mention.start - 30):mention.start]
        if not window.endswith(" "):
            return None
        words = window.split()
        word = words[-1] if words else ""
    word = word.rstrip(".,;:!?’'s") if after else word
    if not word[:1].isupper() or not word.isalpha() or word.lower() in _TITLES:
        return None
    if _frequency(word) >= NAME_NEIGHBOUR_FREQUENCY:
        return None  # "Later Browne", "Russian Energy": an ordinary word, not a person's name
    return word


def _other_person(doc: Document, mention: Mention, right_mentions: list[Mention], right: str) -> bool:
    """"Des Browne" is not "Gordon Brown" misspelt, nor "Patrik Berger" "Patrick Vieira": the other
    form has a first name (or surname) beside it, and it is not this one's. A form with no name
    beside it ("Ms Tautou" after "Audrey Tautou") tells nothing, and neither does an ordinary
    word that is nobody's name ("President", "Group": "Presdent Yudhoyono" after "President
    Megawati" is a slip, not another person)."""
    if _ordinary_word(right) and not _person_name(right):
        return False
    if _garbled(mention.text, right):
        return False
    mine = _neighbours(doc, mention)
    theirs = [_neighbours(doc, m) for m in right_mentions]
    for side in (0, 1):  # the name before (a first name), then the name after (a surname)
        if mine[side] is None:
            continue
        names = {pair[side] for pair in theirs} - {None}
        if names and mine[side] not in names:
            return True
    # A first name is not a surname misspelt: "Lindqist Amberg" beside "Gregory Lindqvist",
    # "Josef Holis" beside "Hollis Brenning".
    role = _name_role(mine)
    roles = {_name_role(pair) for pair in theirs} - {None}
    return role is not None and bool(roles) and role not in roles


def _neighbours(doc: Document, mention: Mention) -> tuple[str | None, str | None]:
    """The names just before and just after a mention (see _neighbour_name)."""
    return _neighbour_name(doc, mention, after=False), _neighbour_name(doc, mention, after=True)


def _name_role(neighbours: tuple[str | None, str | None]) -> str | None:
    """"given" for a name with a surname after it and none before, "surname" for one after a
    first name and with none after it; None when the neighbours do not tell."""
    before, after = neighbours
    if (before is None) == (after is None):
        return None
    return "surname" if before is not None else "given"


def _garbled(form: str, right: str) -> bool:
    """"Cahrles" for "Charles", "Univefsity" for "University": letters no one's name has, so no
    name beside it (another person's, a given name) makes it another name."""
    return _plausibility(right) - _plausibility(form) >= OTHER_PERSON_MARGIN


def _surname_beside_a_word(doc: Document, mention: Mention, right_mentions: list[Mention], right: str) -> bool:
    """"Annette Bening" is no misspelling of "Being" (a film title, "Being Julia"): the form comes
    after a given name, and the form it is near is an ordinary word that is nobody's name and
    never comes after one. `_other_person` cannot tell this: the word has no name to compare."""
    if not _ordinary_word(right) or _person_name(right):
        return False
    if _garbled(mention.text, right):
        return False
    if not _given_name(_neighbour_name(doc, mention, after=False)):
        return False
    return not any(_given_name(_neighbour_name(doc, m, after=False)) for m in right_mentions)


# Lowercase words that follow a noun inside a French, Spanish, Italian, Portuguese, German or
# Dutch name: "Institut du monde arabe", "Museo del Prado", "Banco do Brasil".
_FOREIGN_NAME_PARTICLES = frozenset("""du de des del della delle dei di da do dos das der van von
    pour sans sur par para por per für und""".split())  # "Fondation pour l'Enfance"
# Particles that start a surname: "Ruud van Hessel", "Ana de la Torre", "Luis da Silva".
_SURNAME_PARTICLES = frozenset("de del della di da do dos das du van von der den ter ten le la".split())


def _foreign_name(doc: Document, mention: Mention, right: str) -> bool:
    """A name in another language is no English name misspelt: "El País" is not "Paris" (a letter
    English does not write, where the near name has none: nobody misspells by adding an accent),
    nor "Institut du monde arabe" "Institute" (a particle and a lowercase word after it: the name
    goes on in that language; "Presdent de Klerk" does not). A form that is the near name written
    with its own letters ("Solskjær" / "Solskjaer", "Müller" / "Mueller") is one name written two
    ways, and still reported."""
    if not mention.text.isascii() and right.isascii():
        from newslint.gazetteer import fold as place_key  # letters such as æ, ð, ø spelt out

        return place_key(right) not in (place_key(mention.text), _transliterated(mention.text))
    following = doc.text[mention.end:mention.end + 24].split(maxsplit=2)
    return (doc.text[mention.end:mention.end + 1] == " " and len(following) >= 2
            and following[0] in _FOREIGN_NAME_PARTICLES and following[1][:1].islower())


def _given_name(word: str | None) -> bool:
    """A given name of the census lists (rules/data/given-names.txt); not a place ("Chelsea")."""
    return word is not None and fold(word) in word_list("given-names") and _gazetteer().lookup(word) is None


# How often a word must occur in the dictionary's frequency list to count as an ordinary word
# (speed: 67,832; walker: 2,373; lind: 103).
ORDINARY_FREQUENCY = 5000
# Above this, a capitalised word beside a name is taken for an ordinary word, not a first name
# (john: 6,920; victor: 3,408; prime: 27,602; russian: 61,665).
NAME_NEIGHBOUR_FREQUENCY = 10000


@lru_cache(maxsize=65536)  # asked of every name form of every article
def _frequency(word: str) -> int:
    """How often the word occurs in the English word list's frequency data (0 below 5,000)."""
    return word_frequencies("common-words").get(word.lower(), 0)


# Days and months: ordinary words of the language, though always capitalised, which leaves
# them rare in the lowercased frequency list ("Saturday-night stay" is no "Saturday Night" name).
_CALENDAR_WORDS = frozenset(CALENDAR_WORDS)


def _ordinary_word(word: str) -> bool:
    return _frequency(word) >= ORDINARY_FREQUENCY or word.lower() in _CALENDAR_WORDS


@lru_cache(maxsize=65536)  # asked of every name form of every file in a run
def _house_style_key(form: str) -> str | None:
    """The key NCN002 compares a form by, or None for a form that is nobody's house style: an
    acronym, or an ordinary capitalised word ("Minister")."""
    return None if is_all_caps(form) or _ordinary_word(form) else fold(form)


def _in_listing(doc: Document, mention: Mention) -> bool:
    """Whether the mention stands in a list of names (a line-up: three commas or more around it)."""
    block = doc.block_at(mention.start)
    return block.text.count(",") >= 3 and block.text.count(",") * 8 >= block.text.count(" ")


def _person_name(form: str) -> bool:
    """A common given name or surname (rules/data/person-names.txt, from the US census)."""
    return fold(form) in word_list("person-names")


def _well_attested_name(form: str) -> bool:
    """A common person's name, or a place the gazetteer knows."""
    return _person_name(form) or _gazetteer().lookup(form) is not None


# A place this populous is known to readers by its main name: that name is no misspelling.
MAJOR_PLACE_POPULATION = 100_000


def _major_place(form: str) -> bool:
    """The main name of a place of MAJOR_PLACE_POPULATION people or more ("Xining"); another
    name of a place does not count (GeoNames lists misspellings among them: "Londn")."""
    entry = _gazetteer().lookup(form)
    return entry is not None and entry.is_main and entry.weight >= MAJOR_PLACE_POPULATION


@lru_cache(maxsize=65536)  # asked of most capitalised words: "However", "Minister" recur in every article
def _known_word(form: str) -> bool:
    """Known to the English dictionary, in either spelling of a British/American pair
    ("Organisation"); loaded only when a candidate needs it."""
    english = word_list("english-words")
    both_spellings = dialect_table().all_words
    return all(part.lower() in english or part.lower() in both_spellings
               for part in form.replace("’", "'").split("-"))


class NameVariantAcrossFiles(ProjectRule):
    code = "NCN002"
    name = "name-variant-across-files"
    category = "name-inconsistency"
    severity = Severity.WARNING
    only_variants = True  # finish skips a key with one form
    summary = "A name written differently in different files of one run"
    doc = RuleDoc(
        what="In a run over many files, a name that most files write one way and a few write "
             "another (hyphen, space, diacritics, inner capitals): \"Nagorno Karabakh\" in 2 files, "
             "\"Nagorno-Karabakh\" in 40. The minority use is reported in each file that has no "
             "majority form itself (NCN001 covers a file that has both), naming the majority form "
             "and a file that uses it. Not reported: a one-word person's name that differs only "
             "in case or accents (\"Macdonald\", \"MacDonald\": across files, different people), "
             "and ordinary words written open and, as a dictionary word, closed (\"South West\", "
             "\"Southwest\").",
        why="A content repository should spell a name one way; readers, search and archives "
            "treat two spellings as two names.",
        bad="(in one of several files) Talks on the Saint-Aubin ferry resumed.\n",
        good="(in every file) Talks on the Saint-Aubin ferry resumed.\n",
    )

    def observe(self, doc: Document, ctx: Context) -> list[Sighting]:
        seen = []
        for form, mentions in doc.name_forms.items():
            key = _house_style_key(form)
            if key is not None:
                seen.append((key, form, mentions))
        # Placed all at once: the first mentions come in document order (see span_positions).
        places = doc.span_positions([(mentions[0].start, mentions[0].end) for _, _, mentions in seen])
        new = tuple.__new__  # builds the named tuple in C: an article has dozens of names
        # The source line is left empty: it is read again for a finding (engine).
        return [new(Sighting, (key, form, len(mentions), *place, ""))
                for (key, form, mentions), place in zip(seen, places)]

    def finish(self, sightings: dict[str, list[Sighting]], ctx: Context) -> Iterator[ProjectHit]:
        files: dict[str, dict[str, list[tuple[str, Sighting]]]] = defaultdict(lambda: defaultdict(list))
        for path, seen in sightings.items():
            for sighting in seen:
                files[sighting.key][sighting.form].append((path, sighting))
        for key, forms in files.items():
            if len(forms) < 2:
                continue
            kept = comparable_forms(forms, ctx)
            if not kept:
                continue
            ranked = sorted(kept, key=lambda f: (-len(forms[f]), min(p for p, _ in forms[f])))
            majority = ranked[0]
            users = {path for path, _ in forms[majority]}
            if len(users) < 2:
                continue  # one file is no house style
            if _person_name(majority) and not any(" " in form or "-" in form for form in kept):
                continue  # "Macdonald", "MacDonald"; "Martínez", "Martinez": across files, different people
            example = sorted(users)[0]
            for form in ranked[1:]:
                if len(forms[form]) >= len(users):
                    continue
                for path, sighting in forms[form]:
                    if path in users:
                        continue  # the file has both forms: NCN001 reports it
                    yield ProjectHit(path, sighting,
                                     f"'{form}' is written '{majority}' in {len(users)} other files "
                                     f"(e.g. {example})")


# Words that say the name beside them is a place.
_PLACE_AFTER = regexes.compile(
    r"\s+(?:region|district|province|city|town|village|county|oblast|governorate|state|area|valley|"
    r"municipality|prefecture|rayon|raion|department|canton|island|airport|border|port)\b",
    re.IGNORECASE,
)
_PLACE_BEFORE = regexes.compile(
    r"\b(?:village|town|city|region|province|district|port|capital|suburb) of\s+$", re.IGNORECASE
)
# The least population a place must have for an unknown word to be called its misspelling: with
# a clear place word beside it ("the X region"), and with only "in X" before it.
PLACE_MIN_POPULATION = 1000
PLACE_MIN_POPULATION_WEAK = 100_000


class PlaceNearMiss(Rule):
    code = "NMS002"
    name = "place-near-miss"
    category = "name-misspelling"
    severity = Severity.WARNING
    fixable = True
    fix_applicability = "unsafe"  # the near place may be another place
    summary = "An unknown place name one or two letters away from a known place"
    doc = RuleDoc(
        what="A capitalised word in a place context (\"in X\", \"X region\", \"the town of X\") "
             "that neither the English dictionary, the gazetteer of known places nor the accept "
             "list knows, and that is one or two letters away from a known place of at least "
             f"{PLACE_MIN_POPULATION:,} people: \"Khojavind\" for Khojavend, \"Tiblisi\" for Tbilisi. "
             "The gazetteer is built from GeoNames and pycountry (rules/data/GAZETTEER-ATTRIBUTION.md).",
        why="Place names are mangled by transliteration and machine translation, and the article "
            "may name the place only once, so only a list of real places can tell.",
        bad="Six people were hurt in two accidents in the Khojavind region on Monday.\n",
        good="Six people were hurt in two accidents in the Khojavend region on Monday.\n",
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        text = doc.text
        for form, mentions in doc.name_forms.items():
            # A name the article writes the same way twice is its own evidence; check the others.
            if len(mentions) != 1 or mentions[0].words != 1 or len(form) < 6 or form in ctx.accept or is_all_caps(form):
                continue
            if _known_word(form):
                continue  # asked first: most capitalised words are dictionary words (and it is remembered)
            mention = mentions[0]
            before = text[max(0, mention.start - 25):mention.start]
            if _PLACE_AFTER.match(text, mention.end) or (" of " in before and _PLACE_BEFORE.search(before)):
                min_population = PLACE_MIN_POPULATION
            elif before.endswith(" ") and before.rsplit(None, 1)[-1:] in (["in"], ["near"], ["outside"]):
                min_population = PLACE_MIN_POPULATION_WEAK
            else:
                continue
            gazetteer = _gazetteer()
            known = gazetteer.lookup(form)
            if known is not None:
                # GeoNames lists misspellings among a place's other names ("Tiblisi"): a form
                # close to the place's main name is still worth a word.
                right = known.place
                if known.is_main or right == form or fold(right)[:1] != fold(form)[:1] \
                        or OSA.distance(fold(form), fold(right)) > place_edits(len(form)):
                    continue
            else:
                right = _nearest_place(gazetteer, form, min_population)
            if right is None or _aliases(form, right, ctx) or _derived(form, right) or _extends(form, right):
                continue
            if fold(right).startswith(fold(form)) or fold(form).startswith(fold(right)):
                continue  # "Deutsche" / "Deutsch", "Avions" / "Avion": an ending, not a slip
            if _transliterated(right) == fold(form):
                continue  # "Trollhaettan" for Trollhättan: the usual way to write it without ä
            if NameNearMiss.code in ctx.enabled and mention.start in _near_misses(doc, ctx):
                continue  # NMS001 reports it, against the article's own spelling of the place
            yield Hit(mention.start, mention.end, f"'{form}' looks like a misspelling of the place '{right}'", right)


@once_per_document
def _near_misses(doc: Document, ctx: Context) -> frozenset[int]:
    """Where NMS001 reports a name in this document: asked by NMS002 for its rare candidates."""
    return frozenset(hit.start for hit in NameNearMiss().check(doc, ctx))


def place_edits(length: int) -> int:
    """Place names get one edit (two from twelve letters): the world has many places a letter apart."""
    return 2 if length >= 12 else 1


_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue",
                                  "å": "aa", "Å": "Aa", "æ": "ae", "ø": "oe"})


def _transliterated(name: str) -> str:
    return fold(name.translate(_TRANSLITERATION))


@cache
def _gazetteer():
    from newslint.gazetteer import load

    return load()


def _nearest_place(gazetteer, form: str, min_population: int) -> str | None:
    """The most populous known place one or two edits from `form` (same first letter)."""
    from newslint.gazetteer import fold as place_key

    key = place_key(form)
    limit = place_edits(len(key))
    start, choices = gazetteer.choices(key, spread=limit)
    best = None
    # rapidfuzz scores every choice in C; only the few within the limit come back.
    for _, distance, i in process.extract(key, choices, scorer=OSA.distance, score_cutoff=limit, limit=None):
        entry = gazetteer.entry(start + i)
        if entry.weight < min_population:
            continue
        # Suggest the place's main name, so it must be as close as the form that matched:
        # an "other name" of a place may be another name altogether. So may a form that is the
        # main name of one place and another name of a bigger one ("Karsun", a Russian town and
        # a name of Carson, California): the entry's place is the bigger one.
        if entry.place != entry.spelling and OSA.distance(key, place_key(entry.place), score_cutoff=limit) > limit:
            continue
        rank = (distance, not entry.is_main, -entry.weight)
        if best is None or rank < best[0]:
            best = (rank, entry.place)  # the place's main name, not another misspelling of it
    return best[1] if best else None


NAME_RULES = [NameVariant, NameNearMiss, PlaceNearMiss, NameVariantAcrossFiles]
