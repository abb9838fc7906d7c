"""Build rules/data/newsroom-words.txt: frequent English words pyspellchecker's dictionary lacks.

Source: the English word frequencies of the `wordfreq` package (https://github.com/rspeer/wordfreq;
code Apache-2.0, data CC BY-SA 4.0), which combine Wikipedia, subtitles, news, books, web text,
Twitter and Reddit. Build-time only: wordfreq is not a runtime dependency of newslint.

    python -m pip install wordfreq pyspellchecker
    python scripts/build_newsroom_words.py

A word is kept when it is frequent (Zipf frequency of at least MIN_ZIPF, once per million words
or more), is made of three or more lowercase letters, and pyspellchecker's English dictionary
and the dialect table (rules/data/dialect-spellings.txt) do not have it: "covid", "brexit",
"smartphone", "lockdown", "bitcoin", "wellbeing", "facto". Frequent is not the same as right,
so these are left out, by their shape and not by a list:

- informal spellings: a dropped apostrophe ("dont", "thats": the word with an apostrophe
  inserted is ten times as frequent; not "maths" or "olds"), a dropped g ("goin", "talkin"), no vowel at all ("wtf",
  "bbc" in lowercase), a letter three times ("sooo") or laughter ("haha");
- misspellings: a word one slip (two letters swapped, a letter changed, a letter doubled or
  undoubled) from a dictionary word that is at least MISSPELLING_MARGIN Zipf units (30 times)
  more frequent ("thier", "definately", "seperate", "occured"); for words of fewer than five
  letters, 3 units (1,000 times: "teh");
- two words run together ("alot", "atleast", "eachother"): a word that splits into two very
  frequent words (Zipf 5 or more, 10 per million words), one of them among the commonest
  words of English (Zipf 6 or more: "a", "at", "as", "of", "time"). This also leaves out a
  few real compounds ("wellbeing", "onboard"); written with a hyphen they are known anyway.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "rules" / "data"
OUT = DATA / "newsroom-words.txt"
MIN_ZIPF = 3.0
MISSPELLING_MARGIN = 1.5
# Short words all have frequent neighbours ("app": "apt"): they must be a thousand times rarer.
SHORT, SHORT_MISSPELLING_MARGIN = 5, 3.0
JOINED_MIN_ZIPF = 5.0
JOINED_TOP_ZIPF = 6.0
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def slips(word: str) -> set[str]:
    """The words a slip of the pen turns into `word`: two letters swapped, a letter changed, a
    double letter written single or a single one doubled. Not a letter added or dropped, which
    is how English makes words of words ("intro" / "into", "esports" / "sports")."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out.update(a + c + b[1:] for a, b in splits if b for c in _LETTERS)
    out.update(a + b[0] + b for a, b in splits if b)  # occured -> occurred
    out.update(a + b[1:] for a, b in splits if len(b) > 1 and b[0] == b[1])  # untill -> until
    out.discard(word)
    return out


def slip_of_frequent_word(word: str, zipf, dictionary) -> bool:
    """Whether a slip of a far more frequent dictionary word makes `word` (MISSPELLING_MARGIN
    Zipf units more frequent; SHORT_MISSPELLING_MARGIN for words of fewer than SHORT letters)."""
    margin = MISSPELLING_MARGIN if len(word) >= SHORT else SHORT_MISSPELLING_MARGIN
    own = zipf(word)
    return any(zipf(e) >= own + margin for e in slips(word) & dictionary.keys())


def dialect_words() -> set[str]:
    words = set()
    for line in (DATA / "dialect-spellings.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            american, british, _ = line.split("\t")
            words.update((american, british))
    return words


def reason_to_leave_out(word: str, zipf, dictionary) -> str | None:
    own = zipf(word)
    if any(word[:i] + "'" + word[i:] in dictionary and zipf(word[:i] + "'" + word[i:]) >= own + 1
           for i in range(1, len(word))):
        return "apostrophe"
    if word.endswith("in") and word + "g" in dictionary:
        return "dropped g"
    if not re.search("[aeiouy]", word):
        return "no vowel"
    if re.search(r"(.)\1\1", word) or re.fullmatch(r"(?:ha|he|ah)+h?", word):
        return "drawn out"
    if slip_of_frequent_word(word, zipf, dictionary):
        return "misspelling"
    for i in range(1, len(word)):
        if not all(part in dictionary and (len(part) > 1 or part in "ai") for part in (word[:i], word[i:])):
            continue
        left, right = zipf(word[:i]), zipf(word[i:])
        if min(left, right) >= JOINED_MIN_ZIPF and max(left, right) >= JOINED_TOP_ZIPF:
            return "joined"
    return None


def main() -> int:
    from spellchecker import SpellChecker
    from wordfreq import iter_wordlist, zipf_frequency

    dictionary = SpellChecker(language="en", distance=1).word_frequency.dictionary
    known = dialect_words()

    def zipf(word: str) -> float:
        return zipf_frequency(word, "en")

    kept, left_out = [], {}
    for word in iter_wordlist("en", "best"):
        if zipf(word) < MIN_ZIPF:
            break  # the list is sorted by frequency
        if not re.fullmatch(r"[a-z]{3,}", word) or word in dictionary or word in known:
            continue
        reason = reason_to_leave_out(word, zipf, dictionary)
        if reason:
            left_out.setdefault(reason, []).append(word)
        else:
            kept.append(word)
    OUT.write_text(
        "# Frequent English words that pyspellchecker's dictionary lacks, one per line.\n"
        f"# Built by scripts/build_newsroom_words.py from wordfreq's English frequencies (Zipf >= {MIN_ZIPF});\n"
        "# wordfreq data: CC BY-SA 4.0, https://github.com/rspeer/wordfreq. Do not edit by hand:\n"
        "# put your own words in `accept` or an accept file.\n" + "\n".join(sorted(kept)) + "\n",
        encoding="utf-8")
    print(f"wrote {len(kept)} words to {OUT}")
    for reason, words in left_out.items():
        print(f"left out ({reason}): {len(words)}: {' '.join(words[:40])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
