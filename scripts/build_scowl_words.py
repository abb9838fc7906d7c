"""Build rules/data/scowl-words.txt: English words of SCOWL's size-70 lists that pyspellchecker's
dictionary lacks ("onboard", "roubles", "adware", "inboxes"), and rules/data/scowl-rare-words.txt:
the rarer words SCOWL's size-80 lists add ("winless", "telco", "oche", "tieless").

Source: SCOWL (Spell Checker Oriented Word Lists) by Kevin Atkinson, http://wordlist.aspell.net/,
as Debian packages it: `wbritish-large` and `wamerican-large` (the British and American lists
up to SCOWL size 70, "large", the size the SCOWL README recommends for spell checking), and
`wbritish-huge` and `wamerican-huge` (up to size 80). Licence: permissive, with the copyright
notice kept (rules/data/licenses/SCOWL-copyright.txt). Build-time only: nothing of SCOWL is
needed at run time.

    python scripts/build_scowl_words.py                 # downloads the four packages (apt-get)
    python scripts/build_scowl_words.py --lists DIR     # or reads british-english-large,
                                                        # american-english-large, british-english-huge
                                                        # and american-english-huge from DIR

A word is kept when it is made of four or more lowercase ASCII letters and is not a Roman
numeral, and pyspellchecker's list (english-words.txt), the newsroom words, the dialect table
and the particle list do not already have it. SCOWL's capitalised entries are names, which the
name rules judge; its possessives the spelling rule never asks about; its accented words are
kept without their accents ("cafes" for "cafés"), as English writes them both ways; nearly all
its two- and three-letter words that pyspellchecker lacks are abbreviations ("amt", "mkt",
"ret"), where a slip of a short word would land.

Size 80 adds 135,000 rare words, kept apart in scowl-rare-words.txt by the same rules: sports
and trade words, coinages and variants ("winless", "telco", "oche", "strugglers", "tieless"),
and a few words a typo makes ("cannisters", "realties"). The spelling rules only ever accept
such a word as a whole: they never offer one as a suggestion ("habus" for "habeus") nor build
another word from one ("thay" from "th" and "ay" would pass for formed).

Three-letter words of either size go to the rare list too, and only those that are no slip of a
far more frequent word (the test of scripts/build_newsroom_words.py, by wordfreq's English
frequencies: "cel", "mph", "qty" are kept, "bas" for "has" and "ret" for "red" are not) and no
misspelling codespell's list names ("rin"). Build-time only:

    python -m pip install wordfreq pyspellchecker codespell
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "rules" / "data"
OUT = DATA / "scowl-words.txt"
RARE_OUT = DATA / "scowl-rare-words.txt"
LICENCE = DATA / "licenses" / "SCOWL-copyright.txt"
PACKAGES = {"wbritish-large": "british-english-large", "wamerican-large": "american-english-large"}
RARE_PACKAGES = {"wbritish-huge": "british-english-huge", "wamerican-huge": "american-english-huge"}
_WORD = re.compile(r"[a-z]{4,}")
_SHORT_WORD = re.compile(r"[a-z]{3}")
_ROMAN_NUMERAL = re.compile(r"[ivxlcdm]+")


def download(into: Path) -> tuple[dict[str, Path], str, str]:
    """The four word lists, the packages' versions and the copyright text, from Debian."""
    for tool in ("apt-get", "dpkg-deb"):
        if shutil.which(tool) is None:
            sys.exit(f"build_scowl_words: {tool} is needed to fetch the packages (or give --lists DIR)")
    packages = {**PACKAGES, **RARE_PACKAGES}
    subprocess.run(["apt-get", "download", *packages], cwd=into, check=True, capture_output=True)
    lists, versions, copyright_text = {}, [], ""
    for package, name in packages.items():
        [deb] = into.glob(f"{package}_*.deb")
        versions.append(deb.name)
        root = into / package
        subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
        lists[name] = root / "usr" / "share" / "dict" / name
        copyright_text = (root / "usr" / "share" / "doc" / package / "copyright").read_text(encoding="utf-8")
    return lists, ", ".join(versions), copyright_text


def without_accents(word: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


def known_already() -> set[str]:
    words: set[str] = set()
    for name in ("english-words", "newsroom-words", "lowercase-words"):
        text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
        words.update(w.lower() for line in text.splitlines() if not line.startswith("#") for w in line.split())
    for line in (DATA / "dialect-spellings.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            words.update(line.split("\t")[:2])
    return words


def words_of(paths: list[Path]) -> set[str]:
    """The lists' lowercase words of four letters or more, without accents, no Roman numerals."""
    words = set()
    for path in paths:
        for word in path.read_text(encoding="utf-8").split("\n"):
            word = without_accents(word)  # "cafés" -> "cafes": English writes both
            if _WORD.fullmatch(word) and not _ROMAN_NUMERAL.fullmatch(word):
                words.add(word)
    return words


def short_words_of(paths: list[Path]) -> set[str]:
    """The lists' lowercase words of three letters that are no slip of a far more frequent word
    and no misspelling codespell names (see the module's docstring)."""
    try:
        from spellchecker import SpellChecker
        from wordfreq import zipf_frequency
    except ImportError:
        sys.exit("build_scowl_words: wordfreq and pyspellchecker are needed (python -m pip install wordfreq pyspellchecker)")
    from build_newsroom_words import slip_of_frequent_word

    dictionary = SpellChecker(language="en", distance=1).word_frequency.dictionary
    words = set()
    for path in paths:
        words.update(w for w in path.read_text(encoding="utf-8").split("\n") if _SHORT_WORD.fullmatch(w))
    return {word for word in words - common_misspellings()
            if not slip_of_frequent_word(word, lambda w: zipf_frequency(w, "en"), dictionary)}


def common_misspellings() -> set[str]:
    """The misspellings codespell corrects ("targetting->targeting"), in lowercase."""
    try:
        import codespell_lib
    except ImportError:
        sys.exit("build_scowl_words: codespell is needed (python -m pip install codespell)")
    path = Path(codespell_lib.__file__).parent / "data" / "dictionary.txt"
    return {line.split("->")[0].strip().lower() for line in path.read_text(encoding="utf-8").splitlines() if "->" in line}


def write(out: Path, words: list[str], what: str, source: str) -> None:
    header = [
        f"# Words of {what}",
        "# that pyspellchecker's English list and our other lists lack.",
        f"# Built by scripts/build_scowl_words.py from {source}.",
        "# SCOWL: Copyright 2000-2011 by Kevin Atkinson and others; see licenses/SCOWL-copyright.txt.",
    ]
    out.write_text("\n".join(header + words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {out.relative_to(DATA.parent.parent)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lists", type=Path, help="a folder with the lists british-english-large, "
                        "american-english-large, british-english-huge and american-english-huge")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temp:
        if args.lists:
            lists = {name: args.lists / name for name in (*PACKAGES.values(), *RARE_PACKAGES.values())}
            source, copyright_text = f"the lists in {args.lists.name}", None
        else:
            lists, source, copyright_text = download(Path(temp))
        common = words_of([lists[name] for name in PACKAGES.values()])
        rare = words_of([lists[name] for name in RARE_PACKAGES.values()]) - common
        rare |= short_words_of([lists[name] for name in RARE_PACKAGES.values()])  # size 80 holds size 70
    known = known_already()
    write(OUT, sorted(common - known), "SCOWL's size-70 British and American lists", source)
    write(RARE_OUT, sorted(rare - known), "the British and American lists SCOWL's size 80 adds to size 70\n# (and their three-letter words that are no slip of a far more frequent word)", source)
    if copyright_text is not None:
        LICENCE.write_text(copyright_text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
