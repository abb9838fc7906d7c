"""Build the word-class lists in rules/data/ that the fragment rules use.

- finite-verbs.txt: every word form that can be a finite English verb (past tense VBD, third
  person singular VBZ, base/present VBP) of every verb in lemminflect's inflection table (MIT
  licence; derived from the SPECIALIST Lexicon and AGID), plus auxiliaries and modals.
- mostly-verbs.txt: the finite forms whose most frequent Brill tag is a verb ("seems", "rely").
- lowercase-nouns.txt: common nouns whose capitalised form the lexicon never lists ("civilians").
- nouns.txt: every lowercase common noun of the lexicon, for compounds it does not list.
- adjectives.txt: words whose most frequent tag is an adjective (JJ, JJR, JJS) in the Brill
  tagger lexicon that TextBlob ships (MIT licence; from Brill's tagger, trained on the Brown
  corpus and the Penn Treebank). After one of these, a word is read as a noun, not a verb:
  "a long dispute".

Regenerate with:

    python -m venv /tmp/wc && /tmp/wc/bin/pip install lemminflect textblob
    /tmp/wc/bin/python scripts/build_word_classes.py
"""

from __future__ import annotations

import csv
import gzip
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "rules" / "data"
AUXILIARIES = """
am is are was were be 's 're 'm have has had 've 'd do does did can could may might must shall should
will would 'll ought need dare ai isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't
didn't can't couldn't won't wouldn't shouldn't mustn't mightn't needn't
""".split()


def finite_verbs() -> set[str]:
    import lemminflect

    table = Path(lemminflect.__file__).parent / "resources" / "infl_lu.csv.gz"
    forms: set[str] = set(AUXILIARIES)
    with gzip.open(table, "rt", encoding="utf-8") as handle:
        for row in csv.reader(handle):
            if len(row) < 3 or row[1] != "verb":
                continue
            # lemma, "verb", past, past participle, gerund, third person singular
            row += [""] * (6 - len(row))
            for form in (row[0], row[2], row[5]):
                forms.update(v.lower() for v in form.split("/") if v and v.isascii())
    return forms


def brill_words(tags: tuple[str, ...]) -> set[str]:
    """Lowercase words whose most frequent tag in the Brill lexicon is one of `tags`."""
    import textblob

    lexicon = Path(textblob.__file__).parent / "en" / "en-lexicon.txt"
    words = set()
    for line in lexicon.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2 and not line.startswith(";") and parts[1] in tags:
            if parts[0].isalpha() and parts[0].islower():
                words.add(parts[0])
    return words


def _brill_entries() -> dict[str, str]:
    import textblob

    lexicon = Path(textblob.__file__).parent / "en" / "en-lexicon.txt"
    entries = {}
    for line in lexicon.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2 and not line.startswith(";"):
            entries[parts[0]] = parts[1]
    return entries


def nouns(never_capitalised: bool) -> set[str]:
    """Lowercase common nouns (NN, NNS) of the Brill lexicon; with `never_capitalised`, only those
    whose capitalised form the lexicon never lists: in running text they are written in
    lowercase, so a capital away from a sentence start is suspect."""
    entries = _brill_entries()
    return {
        word for word, tag in entries.items()
        if tag in ("NN", "NNS") and word.isalpha() and word.islower() and len(word) >= 3
        and not (never_capitalised and word.capitalize() in entries)
    }


def write(name: str, header: str, words: set[str]) -> None:
    path = OUT / name
    path.write_text(header + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"wrote {len(words)} words to {path}")


def main() -> int:
    try:
        verbs = finite_verbs()
        adjs = brill_words(("JJ", "JJR", "JJS"))
        mostly_verbs = brill_words(("VB", "VBD", "VBZ", "VBP", "MD")) & verbs
    except ImportError as exc:
        print(f"needs lemminflect and textblob: pip install lemminflect textblob ({exc})", file=sys.stderr)
        return 1
    write("finite-verbs.txt",
          "# Word forms that can be a finite English verb (VBD, VBZ, VBP), one per line.\n"
          "# Built by scripts/build_word_classes.py from lemminflect's inflection table (MIT licence).\n",
          verbs)
    write("adjectives.txt",
          "# Words most often tagged as adjectives (JJ, JJR, JJS), one per line.\n"
          "# Built by scripts/build_word_classes.py from the Brill tagger lexicon shipped with TextBlob\n"
          "# (MIT licence; Brill's tagger trained on the Brown corpus and the Penn Treebank).\n",
          adjs)
    write("lowercase-nouns.txt",
          "# Common nouns whose capitalised form the Brill lexicon never lists, one per line: written in\n"
          "# lowercase in running text. Built by scripts/build_word_classes.py from the Brill tagger\n"
          "# lexicon shipped with TextBlob (MIT licence; Brown corpus and Penn Treebank).\n",
          nouns(never_capitalised=True))
    write("nouns.txt",
          "# Common nouns (NN, NNS) of the Brill lexicon, lowercase, one per line; the parts of compound\n"
          "# nouns it does not list (\"land\" + \"mines\"). Built by scripts/build_word_classes.py from the\n"
          "# Brill tagger lexicon shipped with TextBlob (MIT licence).\n",
          nouns(never_capitalised=False))
    write("mostly-verbs.txt",
          "# Finite verb forms whose most frequent tag is a verb, one per line: read as verbs even\n"
          "# after an adjective (\"the legal seems\"). Built by scripts/build_word_classes.py from the\n"
          "# Brill tagger lexicon shipped with TextBlob (MIT licence) and lemminflect (MIT licence).\n",
          mostly_verbs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
