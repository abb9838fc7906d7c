"""American and British spellings (rules/data/dialect-spellings.txt), and which one a dialect wants.

Both spellings are known words by default. `dialect = "en-US"` makes a British spelling a
finding, `"en-GB"` an American one (-ize too, as most British newsrooms write -ise), and
`"en-GB-oxendict"` (Oxford spelling) an American one except -ize, and -ise instead. A pair is a
finding only where the table's flags say the other spelling is surely wrong in that dialect;
scripts/build_dialect_spellings.py explains how they were decided.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Mapping

from newslint.config import DIALECTS
from newslint.registry import builtin_rules_dir


@dataclass(frozen=True)
class DialectTable:
    all_words: frozenset[str]
    # For each dialect: the spelling it does not use -> the one it does (lowercase).
    wrong: dict[str, dict[str, str]]


@cache
def table() -> DialectTable:
    path = builtin_rules_dir() / "data" / "dialect-spellings.txt"
    words: set[str] = set()
    wrong: dict[str, dict[str, str]] = {d: {} for d in DIALECTS}
    us, gb, ox = wrong["en-US"], wrong["en-GB"], wrong["en-GB-oxendict"]
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        american, british, flags = line.split("\t")
        words.update((american, british))
        flag_set = flags.split(",")
        if "us" in flag_set:
            us[british] = american
        if "gb" in flag_set:
            gb[american] = british
            if "ize" not in flag_set:
                ox[american] = british
        if "ize" in flag_set:
            ox[british] = american  # Oxford spelling: "organize", not "organise"
    return DialectTable(frozenset(words), wrong)


def preferred(word: str, dialect: str | None) -> str | None:
    """The spelling `dialect` uses instead of `word` (lowercase), or None when `word` is fine."""
    if dialect is None:
        return None
    return table().wrong[dialect].get(word)


def leaning(counts: Mapping[str, int]) -> str | None:
    """The dialect an article's own spellings lean to (`counts`: its lowercase words), for
    suggestions when none is configured: "en-GB" when it writes more British-only spellings
    ("colour", "centre") than American-only ones, "en-US" for the reverse, None on a tie (most
    short articles have neither). "-ize" counts for neither: Oxford spelling is British too."""
    wrong = table().wrong
    british = american = 0
    for word, n in counts.items():
        if word in wrong["en-US"]:
            british += n
        elif word in wrong["en-GB-oxendict"]:
            american += n
    if british == american:
        return None
    return "en-GB" if british > american else "en-US"


def keep_case(model: str, word: str) -> str:
    """`word` written in the case of `model`: "Colour" -> "Color", "COLOUR" -> "COLOR"."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
