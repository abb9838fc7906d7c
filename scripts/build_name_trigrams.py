"""Build rules/data/letter-trigrams.txt: how often each letter trigram occurs in English words.

NMS001 uses it to break a tie between two spellings of a name seen once each ("Majumdar" /
"Majumdr"): a misspelling usually makes letter sequences English rarely has. Counted over the
words of pyspellchecker's English list (MIT licence) that occur at least 50 times in its
frequency data, with ^ and $ marking the word's ends. Regenerate with:

    python scripts/build_name_trigrams.py
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

MIN_FREQUENCY = 50


def main() -> int:
    from spellchecker import SpellChecker

    counts: Counter[str] = Counter()
    for word, frequency in SpellChecker(distance=1).word_frequency.items():
        if frequency < MIN_FREQUENCY or not word.isalpha():
            continue
        padded = f"^{word}$"
        counts.update(padded[i:i + 3] for i in range(len(padded) - 2))
    out = Path(__file__).resolve().parent.parent / "rules" / "data" / "letter-trigrams.txt"
    lines = [f"{trigram}\t{count}" for trigram, count in sorted(counts.items())]
    out.write_text(
        "# Letter trigrams of English words and how many words contain each (^ and $ mark the ends).\n"
        "# Built by scripts/build_name_trigrams.py from pyspellchecker's English word list (MIT licence).\n"
        + "\n".join(lines) + "\n",
        encoding="utf-8",
    )
    print(f"wrote {len(lines)} trigrams to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
