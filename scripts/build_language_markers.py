"""Build rules/data/foreign-words/markers.tsv: the marker words of the untranslated-text rule.

A marker word is frequent in one of the foreign languages and rare in English (see
src/newslint/languages.py for the thresholds). They come from the first lines of every
language's table; reading twenty files costs a one-file lint about 20 ms, so the result is kept
in one file: `word<TAB>languages<TAB>1 if a strong marker`. Regenerate it after changing the
tables or the thresholds (tests/test_languages.py fails while it is stale):

    python scripts/build_language_markers.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from newslint import languages  # noqa: E402


def main() -> int:
    path = languages._folder() / languages.MARKERS_FILE
    lines = languages.marker_lines()
    path.write_text(
        "# Marker words of the untranslated-text rule (MTA402): word, the languages it marks, 1 if\n"
        "# English hardly writes it. Built by scripts/build_language_markers.py from the tables\n"
        "# beside it (wordfreq data, CC BY-SA 4.0, see rules/data/README.md).\n"
        + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} marker words to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
