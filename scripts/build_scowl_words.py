"""Build rules/data/scowl-words.txt: English words of SCOWL's size-70 lists that pyspellchecker's
dictionary lacks ("onboard", "roubles", "adware", "inboxes").

Source: SCOWL (Spell Checker Oriented Word Lists) by Kevin Atkinson, http://wordlist.aspell.net/,
as Debian packages it: `wbritish-large` and `wamerican-large` (the British and American lists
up to SCOWL size 70, "large", the size the SCOWL README recommends for spell checking). Licence:
permissive, with the copyright notice kept (rules/data/licenses/SCOWL-copyright.txt).
Build-time only: nothing of SCOWL is needed at run time.

    python scripts/build_scowl_words.py                 # downloads the two packages (apt-get)
    python scripts/build_scowl_words.py --lists DIR     # or reads british-english-large and
                                                        # american-english-large from DIR

A word is kept when it is made of four or more lowercase ASCII letters and is not a Roman
numeral, and pyspellchecker's list (english-words.txt), the newsroom words, the dialect table
and the particle list do not already have it. SCOWL's capitalised entries are names, which the
name rules judge; its possessives the spelling rule never asks about; its accented words are
kept without their accents ("cafes" for "cafés"), as English writes them both ways; nearly all
its two- and three-letter words that pyspellchecker lacks are abbreviations ("amt", "mkt",
"ret"), where a slip of a short word would land. Larger SCOWL sizes were measured and
left out: size 80 adds 136,000 rare words ("seis", "visile"), among them words a typo makes
("cannisters", "realties").
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
LICENCE = DATA / "licenses" / "SCOWL-copyright.txt"
PACKAGES = {"wbritish-large": "british-english-large", "wamerican-large": "american-english-large"}
_WORD = re.compile(r"[a-z]{4,}")
_ROMAN_NUMERAL = re.compile(r"[ivxlcdm]+")


def download(into: Path) -> tuple[dict[str, Path], str, str]:
    """The two word lists, the packages' versions and the copyright text, from Debian."""
    for tool in ("apt-get", "dpkg-deb"):
        if shutil.which(tool) is None:
            sys.exit(f"build_scowl_words: {tool} is needed to fetch the packages (or give --lists DIR)")
    subprocess.run(["apt-get", "download", *PACKAGES], cwd=into, check=True, capture_output=True)
    lists, versions, copyright_text = {}, [], ""
    for package, name in PACKAGES.items():
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lists", type=Path, help="a folder with british-english-large and american-english-large")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temp:
        if args.lists:
            lists = {name: args.lists / name for name in PACKAGES.values()}
            source, copyright_text = f"the lists in {args.lists.name}", None
        else:
            lists, source, copyright_text = download(Path(temp))
        scowl = set()
        for path in lists.values():
            for word in path.read_text(encoding="utf-8").split("\n"):
                word = without_accents(word)  # "cafés" -> "cafes": English writes both
                if _WORD.fullmatch(word) and not _ROMAN_NUMERAL.fullmatch(word):
                    scowl.add(word)
    words = sorted(scowl - known_already())
    header = [
        "# Words of SCOWL's size-70 British and American lists (Debian wbritish-large and",
        "# wamerican-large) that pyspellchecker's English list and our other lists lack.",
        f"# Built by scripts/build_scowl_words.py from {source}.",
        "# SCOWL: Copyright 2000-2011 by Kevin Atkinson and others; see licenses/SCOWL-copyright.txt.",
    ]
    OUT.write_text("\n".join(header + words) + "\n", encoding="utf-8")
    if copyright_text is not None:
        LICENCE.write_text(copyright_text, encoding="utf-8")
    print(f"{len(words)} words -> {OUT.relative_to(DATA.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
