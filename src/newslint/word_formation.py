"""Words English makes out of known words, which no word list holds in full.

News writes "spyware", "reoffending", "personalisation" and "carmakers" long before dictionaries
list them. A word the lists do not know is still a known word when it is made, by the regular
rules of English word formation, from words they do know:

- a British spelling of a known word: -ise / -isation for -ize ("personalisation"), -our for -or
  ("colourblind"), ae / oe for e ("haematoma"), -re for -er before an ending ("centring"), -ll-
  before an ending after a single vowel ("dialler", "medallists"; not "trailling"), and a -t
  past ("leant" for "leaned");
- a productive prefix and a known word of four letters or more ("re" + "offending", "un" +
  "patched", "tera" + "flop");
- a known word and a regular ending ("wireless" + "ly", "handheld" + "s", "podcast" + "ing"),
  with a dropped "e" ("bake" + "ing"), a "y" turned "i" ("happi" + "ness") or a doubled last
  consonant ("scam" + "m" + "er"), unless the ending is wrong for that stem: "begining" is
  "beginning" misspelled, "targetting" is "targeting", "commited" is "committed";
- two known words of three letters or more ("car" + "maker", "screen" + "saver", "chat" +
  "rooms"), the first not a function word: "eventhough" and "everytime" are two words run
  together, and a part may not be an ending on its own ("ing", "ness").

These rules would also accept some slips ("stategist" is "state" + "gist"), so the spelling rule
also asks whether the word is one slip from a known word (unknown_words.py). `is_known` is the
only lookup; the spelling rule passes speller.is_known.
"""

from __future__ import annotations

from typing import Callable

from newslint import regexes

Lookup = Callable[[str], bool]

PREFIXES = (
    "anti", "auto", "bio", "counter", "cyber", "de", "dis", "eco", "euro", "extra", "giga",
    "hyper", "inter", "mega", "micro", "mid", "mini", "mis", "multi", "nano", "non", "out",
    "over", "post", "pre", "pro", "re", "semi", "sub", "super", "tele", "tera", "trans", "ultra",
    "un", "under",
)
# Endings, longest first so that "ingly" is tried before "ly".
SUFFIXES = (
    "ingly", "ments", "ment", "ness", "less", "ists", "isms", "ings", "ers", "ist", "ism", "ing",
    "est", "er", "ed", "ly", "es", "s", "y",
)
# Endings that start with a vowel: the stem may have lost an "e" or doubled its last consonant.
_VOWEL_SUFFIXES = frozenset(s for s in SUFFIXES if s[0] in "aeiouy")
# Words a closed compound does not start with: "eventhough", "everytime", "eachother".
FUNCTION_WORDS = frozenset(
    """the and but nor for yet not any all each every even ever never some who what which when
    where why how this that these those there here then than with from into onto upon over
    under after before about above below our your their his her its him she they them you""".split()
)
# Pieces that are endings, not words, though the dictionary lists some of them.
_NOT_PARTS = frozenset(SUFFIXES) | {"ally", "able", "ible", "ance", "ence", "tion", "sion", "ous",
                                    "ive", "ity", "ful", "ise", "ize", "ies", "ian", "ing"}
# British doubles a final l before an ending ("travelled", "dialler", "fuelled"), but not after
# two letters that spell one vowel ("trailing", "cooled", "appealing").
_DOUBLED_L = regexes.compile(r"(.*?([aeiou]+)l)l(ers?|ed|ings?|ists?|ery)$")
_ONE_VOWEL_DIGRAPHS = frozenset("ai ea ee oo ou oi ei au oa eu ie".split())
_RE_ENDING = regexes.compile(r"(.*[bcgtv])r(ing|ed|es)$")
MIN_PART = 3  # the shortest stem or compound part
MIN_PREFIXED = 4  # the shortest word after a prefix, and the shortest stem inside one


def is_formed(word: str, is_known: Lookup, depth: int = 2) -> bool:
    """`word` (lowercase ASCII letters) is formed from known words by the rules above."""
    return (british_form(word, is_known) or _prefixed(word, is_known, depth)
            or _suffixed(word, is_known, depth) or _compound(word, is_known))


def british_form(word: str, is_known: Lookup) -> bool:
    """A British spelling of a known (American) word."""
    i = word.rfind("is")
    if i > 0 and word[i + 2:i + 3] in ("e", "i", "a") and is_known(word[:i] + "iz" + word[i + 2:]):
        return True  # "personalisation", "commoditising"
    i = word.find("our")
    if i > 0 and is_known(word[:i] + "or" + word[i + 3:]):
        return True  # "colourblind", "vapourware"
    for digraph in ("ae", "oe"):
        i = word.find(digraph)
        if i > 0 and is_known(word[:i] + "e" + word[i + 2:]):
            return True  # "haematoma", "oesophagus"
    if word.endswith("t") and word[-2:-1] in ("l", "m", "n") and is_known(word[:-1] + "ed"):
        return True  # "leant", "dreamt", "spelt"
    m = _RE_ENDING.match(word)
    if m is not None and is_known(m.group(1) + "er" + m.group(2)):
        return True  # "centring", "centred", "fibres": -re words before an ending
    m = _DOUBLED_L.match(word)
    return (m is not None and m.group(2)[-2:] not in _ONE_VOWEL_DIGRAPHS
            and is_known(m.group(1) + m.group(3)))


def _prefixed(word: str, is_known: Lookup, depth: int) -> bool:
    if depth <= 1:
        return False
    for prefix in PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_PREFIXED:
            rest = word[len(prefix):]
            if is_known(rest) or british_form(rest, is_known) or _suffixed(rest, is_known, depth - 1):
                return True
    return False


def _suffixed(word: str, is_known: Lookup, depth: int) -> bool:
    shortest = MIN_PART if depth > 1 else MIN_PREFIXED
    for suffix in SUFFIXES:
        if not word.endswith(suffix) or len(word) - len(suffix) < shortest:
            continue
        stem = word[: -len(suffix)]
        if suffix in _VOWEL_SUFFIXES and is_known(stem + "e"):
            return True  # "hoper", "baking": a dropped "e" (not "hopper" misspelled)
        if suffix in _VOWEL_SUFFIXES and _wrong_doubling(stem, suffix, is_known):
            return False
        if is_known(stem) or british_form(stem, is_known) or (depth > 1 and _compound(stem, is_known)):
            return True
        if suffix in _VOWEL_SUFFIXES and _doubled(stem, is_known):
            return True  # "scammer"
        if stem.endswith("i") and suffix != "ing" and is_known(stem[:-1] + "y"):
            return True  # "happiness", "dizzily"
    return False


def _doubled(stem: str, is_known: Lookup) -> bool:
    """A stem whose last consonant doubled before the ending: "scamm" (er), "whizz" (y)."""
    return len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiouy" and is_known(stem[:-1])


def _wrong_doubling(stem: str, suffix: str, is_known: Lookup) -> bool:
    """The ending is known with the stem's last consonant doubled, or with it undoubled."""
    last = stem[-1]
    if last in "aeiouyw":
        return False
    if is_known(stem + last + suffix):
        return True  # "begining" for "beginning", "occured" for "occurred"
    return len(stem) > 3 and stem[-2] == last and last != "l" and is_known(stem[:-1] + suffix)


def _compound(word: str, is_known: Lookup) -> bool:
    for i in range(MIN_PART, len(word) - MIN_PART + 1):
        first, second = word[:i], word[i:]
        if first in FUNCTION_WORDS or first in _NOT_PARTS or second in _NOT_PARTS:
            continue
        if is_known(first) and is_known(second):
            return True
    return False
