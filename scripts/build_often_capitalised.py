"""Build rules/data/often-capitalised.txt: English words that text writes with a capital often.

The capitalised-common-noun rule (MTA101) flags a common noun written with a capital in the
middle of a sentence ("to allow Civilians evacuated"). Some words English writes with a capital
as often as not, because they also name things: leagues and clubs ("Premiership", "Spurs"),
firms and bands ("Blizzard", "Clash"), films and tours ("Aviator", "Vertigo"). This script
measures how often each word of the English word list (rules/data/english-words.txt) is written
capitalised, from the word probabilities spaCy ships in `spacy-lookups-data` (MIT licence:
`en_lexeme_prob`, log probabilities of cased word forms in a large English corpus):

    share(word) = P("Word") / (P("Word") + P("word"))

Every word is capitalised some of the time (sentence starts, headlines): the typical common noun
of the Brill lexicon (rules/data/lowercase-nouns.txt) about 8 % of the time. A word is kept when
its share is at least SHARE_OVER_TYPICAL times that of the typical noun (the median over those
nouns, measured here, not chosen) and MTA101 takes it for a common noun: it is as much a name as
a word, and a capital on it is no sign of machine translation.

Build-time only (spacy-lookups-data is a 100 MB wheel; newslint does not depend on it):

    python -m pip install spacy-lookups-data
    python scripts/build_often_capitalised.py
"""

from __future__ import annotations

import gzip
import importlib.resources
import json
import math
import statistics
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "rules" / "data"
OUT = DATA / "often-capitalised.txt"
SHARE_OVER_TYPICAL = 3.0


def _words(name: str) -> list[str]:
    text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
    return [line for line in text.split("\n") if line and not line.startswith("#")]


def capital_shares(log_probs: dict[str, float], words: list[str]) -> dict[str, float]:
    """The capitalised share of each lowercase ASCII word the table has in both forms."""
    shares = {}
    for word in words:
        if not (word.isascii() and word.isalpha() and word.islower()):
            continue
        capitalised = word[0].upper() + word[1:]
        if word in log_probs and capitalised in log_probs:
            upper, lower = math.exp(log_probs[capitalised]), math.exp(log_probs[word])
            shares[word] = upper / (upper + lower)
    return shares


def main() -> int:
    table = importlib.resources.files("spacy_lookups_data") / "data" / "en_lexeme_prob.json.gz"
    log_probs = json.loads(gzip.decompress(table.read_bytes()))
    typical = statistics.median(capital_shares(log_probs, _words("lowercase-nouns")).values())
    threshold = SHARE_OVER_TYPICAL * typical
    shares = capital_shares(log_probs, _words("english-words"))
    # Only the words MTA101 could flag (a common noun, or any noun after "many"): the rest
    # would be dead weight.
    sys.path.insert(0, str(DATA.parent.parent / "src"))
    from newslint.checks.capitals import may_be_flagged

    kept = sorted(word for word, share in shares.items() if share >= threshold and may_be_flagged(word))
    OUT.write_text(
        "# English words written with a capital at least "
        f"{SHARE_OVER_TYPICAL:g} times as often as the typical common noun\n"
        f"# ({threshold:.1%} of the time or more; the typical noun: {typical:.1%}). Built by\n"
        "# scripts/build_often_capitalised.py from spaCy's en_lexeme_prob (spacy-lookups-data, MIT licence).\n"
        + "\n".join(kept) + "\n", encoding="utf-8")
    print(f"typical share {typical:.3f}, threshold {threshold:.3f}: wrote {len(kept)} of {len(shares)} words to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
