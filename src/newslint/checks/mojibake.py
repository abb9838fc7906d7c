"""RES100 mojibake: UTF-8 text decoded in the wrong code page ("donâ€™t", "cafÃ©", "Â£20").

When a scraper or a CMS reads UTF-8 bytes as Windows-1252 or Latin-1, every accented letter and
curly quote turns into two or three characters: "’" becomes "â€™", "é" becomes "Ã©". ftfy
(https://pypi.org/project/ftfy/) knows those sequences well; this rule uses its detector
(`ftfy.badness.is_bad`) and its repair (`ftfy.fix_encoding`).

To stay fast, the rule first looks for a UTF-8 lead byte read as a Latin-1 letter (Â … ô)
followed by a continuation byte read as Windows-1252 (€ ™ ’ “ … or a Latin-1 sign): nearly
every English article is ASCII or has none, and ftfy (a 50 ms import) is never loaded for it.
Each candidate word is then judged by ftfy alone, so "«café»" or "é…" are left alone. The fix
is ftfy's repair of that word, offered when the repaired word is clean; U+FFFD (a character
already lost in an earlier decoding) is reported without a fix.
"""

from __future__ import annotations

from typing import Iterator

from newslint import regexes
from newslint.document import Document
from newslint.findings import Hit, Severity, shorten
from newslint.rule import Context, Rule, RuleDoc

# A UTF-8 lead byte (0xC2-0xF4) read as Latin-1, then a continuation byte (0x80-0xBF) read as
# Windows-1252 or Latin-1; or U+FFFD, the replacement character.
_CANDIDATE = regexes.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|\ufffd"
)
# Words are split at ASCII white space only: a mojibake "à" is "Ã" and a no-break space.
_SPACE = regexes.compile(r"[ \t\n\r]")


class Mojibake(Rule):
    code = "RES100"
    name = "mojibake"
    category = "residue"
    severity = Severity.WARNING
    fixable = True
    summary = "UTF-8 text decoded in the wrong code page (\"donâ€™t\", \"cafÃ©\")"
    doc = RuleDoc(
        what="Mojibake: UTF-8 text that was decoded as Windows-1252 or Latin-1 on its way "
             "through a scraper or a CMS, so that \"don’t\" reads \"donâ€™t\", \"café\" reads "
             "\"cafÃ©\" and \"£20\" reads \"Â£20\"; also the replacement character \"\ufffd\" "
             "left where a character was lost. Accented words and typographic signs that are "
             "right (\"Société Générale\", \"«café»\") are not flagged.",
        why="Mojibake makes names and quotes unreadable and is a sure sign of a broken import. "
            "The fix (ftfy's repair of the word) restores the characters.",
        bad="The minister said she didnâ€™t expect the cafÃ© to reopen.\n",
        good="The minister said she didn’t expect the café at Société Générale to reopen; "
             "«café», she wrote.\n",
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        text = doc.text
        if text.isascii() or not _CANDIDATE.search(text):
            return
        from ftfy import fix_encoding  # loaded only for documents that may hold mojibake
        from ftfy.badness import is_bad

        done = -1
        for m in _CANDIDATE.finditer(text):
            if m.start() < done:
                continue  # inside a word already judged
            start, end = _word_around(text, m.start(), m.end())
            done = end
            word = text[start:end]
            if "\ufffd" in word and not is_bad(word.replace("\ufffd", "")):
                if doc.decoder_replacements:
                    continue  # newslint's own decoding put it there: INP001 says so already
                yield Hit(start, end, f"Character lost in an earlier decoding (U+FFFD) in '{shorten(word)}'")
                continue
            if not is_bad(word):
                continue
            fixed = fix_encoding(word)
            if fixed != word and not is_bad(fixed) and "\ufffd" not in fixed:
                yield Hit(start, end, f"Mojibake (UTF-8 read in the wrong code page): '{shorten(word)}' should be '{shorten(fixed)}'", fixed)
            else:
                yield Hit(start, end, f"Mojibake (UTF-8 read in the wrong code page): '{shorten(word)}'")


def _word_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the white-space-delimited word holding [start, end), without the
    punctuation around it that is plainly not part of the mojibake."""
    left = start
    while left > 0 and not _SPACE.match(text, left - 1):
        left -= 1
    found = _SPACE.search(text, end)
    right = found.start() if found else len(text)
    while left < start and text[left] in "\"'([{":
        left += 1
    while right > end and text[right - 1] in ".,;:!?)]}\"'":
        right -= 1
    return left, right


MOJIBAKE_RULES = [Mojibake]
