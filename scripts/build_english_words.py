"""Build rules/data/english-words.txt and rules/data/common-words.txt from pyspellchecker.

The name rules ask two questions of a word: does English know it (english-words.txt, every word
of pyspellchecker's English list), and is it an ordinary word (common-words.txt, the words with
a frequency of 5,000 or more in that list, with their frequency). The spelling rules' suggestions
need every word's frequency (english-frequencies.txt, sorted, searched in place). Plain files load in a few
milliseconds, where building a SpellChecker takes 0.17 s: a pre-commit run on one file should
not pay that. pyspellchecker's English list is MIT-licensed. Regenerate with:

    python scripts/build_english_words.py
"""

from __future__ import annotations

import sys
from pathlib import Path

COMMON_FREQUENCY = 5000


def main() -> int:
    from spellchecker import SpellChecker

    frequencies = dict(SpellChecker(distance=1).word_frequency.items())
    out = Path(__file__).resolve().parent.parent / "rules" / "data"
    words = sorted(w for w in frequencies if w and not any(ch.isspace() or ch == "#" for ch in w))
    (out / "english-words.txt").write_text(
        "# Every word of pyspellchecker's English word list (MIT licence), one per line.\n"
        "# Built by scripts/build_english_words.py.\n" + "\n".join(words) + "\n", encoding="utf-8")
    (out / "english-frequencies.txt").write_text(
        "# Every word of pyspellchecker's English word list with its frequency (MIT licence), sorted.\n"
        "# Built by scripts/build_english_words.py; the spelling rules' suggestions read it.\n"
        + "\n".join(f"{w}\t{frequencies[w]}" for w in words) + "\n", encoding="utf-8")
    common = sorted((w, f) for w, f in frequencies.items() if f >= COMMON_FREQUENCY and w in set(words))
    (out / "common-words.txt").write_text(
        f"# Words of pyspellchecker's English list with a frequency of {COMMON_FREQUENCY:,} or more, and the\n"
        "# frequency. Built by scripts/build_english_words.py (MIT licence data).\n"
        + "\n".join(f"{w}\t{f}" for w, f in common) + "\n", encoding="utf-8")
    print(f"wrote {len(words)} words and {len(common)} common words to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
