"""Build rules/data/british-dictionary-words.txt: words of the British English spelling
dictionary of LibreOffice that none of our other word lists has ("neurone", "oncogenic",
"agritourism").

Source: the hunspell dictionary `en_GB` (David Bartlett, Brian Kelk, Andrew Brown, Marco A. G.
Pinto, after Kevin Atkinson's word lists), as Debian packages it in `hunspell-en-gb`. Its README
puts it under the LGPL; the notice is kept in rules/data/licenses/LGPL-en_GB-dictionary.txt.
Build-time only: nothing of hunspell is needed at run time.

    python scripts/build_british_words.py               # downloads hunspell-en-gb (apt-get)
    python scripts/build_british_words.py --dic en_GB.dic --aff en_GB.aff

A hunspell dictionary is stems with affix flags. The stems and their suffixed forms are kept
(the affix file's SFX rules, one level deep); prefixed forms are not, since "un-", "re-" and
"over-" words are either in the other lists or made by the spelling rules' word formation.
Kept like scowl-rare-words.txt: four or more lowercase letters, accents dropped, no Roman
numerals, nothing the other lists know. The spelling rules accept these words only as whole
words, never as suggestions nor as pieces of formed words (speller.is_rare_word).

The dictionary keeps a few forms that most dictionaries and style guides call slips
("targetting", "dessicate", "incidently"): a word codespell's list of common misspellings names
(its `dictionary.txt`, codespell 2.x, installed with `pip install codespell`) is left out, so it
stays a finding.

    python -m pip install codespell
"""

from __future__ import annotations

import argparse
import gzip
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_scowl_words import DATA, common_misspellings, known_already, words_of  # noqa: E402  (the same word rules)

OUT = DATA / "british-dictionary-words.txt"
LICENCE = DATA / "licenses" / "LGPL-en_GB-dictionary.txt"
PACKAGE = "hunspell-en-gb"
SuffixRule = tuple[str, str, re.Pattern[str]]  # what to strip, what to add, when it applies


def download(into: Path) -> tuple[Path, Path, str, str]:
    """The .dic and .aff files, the package's file name and its README, from Debian."""
    for tool in ("apt-get", "dpkg-deb"):
        if shutil.which(tool) is None:
            sys.exit(f"build_british_words: {tool} is needed to fetch {PACKAGE} (or give --dic and --aff)")
    subprocess.run(["apt-get", "download", PACKAGE], cwd=into, check=True, capture_output=True)
    [deb] = into.glob(f"{PACKAGE}_*.deb")
    subprocess.run(["dpkg-deb", "-x", str(deb), str(into / "x")], check=True)
    share = into / "x" / "usr" / "share"
    readme = gzip.decompress((share / "doc" / PACKAGE / "README_en_GB.txt.gz").read_bytes()).decode("utf-8")
    return share / "hunspell" / "en_GB.dic", share / "hunspell" / "en_GB.aff", deb.name, readme


def suffix_rules(aff: str) -> dict[str, list[SuffixRule]]:
    """The affix file's SFX rules by flag: "SFX flag cross count" heads `count` rule lines
    "SFX flag strip add[/flags] condition"."""
    rules: dict[str, list[SuffixRule]] = {}
    lines = aff.splitlines()
    for n, line in enumerate(lines):
        head = line.split()
        if len(head) == 4 and head[0] == "SFX" and head[3].isdigit():
            entries = rules.setdefault(head[1], [])
            for body in lines[n + 1:n + 1 + int(head[3])]:
                _, _, strip, add, *condition = body.split()
                add = add.split("/")[0]
                entries.append(("" if strip == "0" else strip, "" if add == "0" else add,
                                re.compile(f"(?:{condition[0] if condition else '.'})$")))
    return rules


def expand(dic: str, rules: dict[str, list[SuffixRule]]) -> Iterator[str]:
    """Every stem of the dictionary and the forms its suffix flags make."""
    for line in dic.splitlines()[1:]:  # the first line is the entry count
        stem, _, flags = line.strip().partition("/")
        yield stem
        for flag in flags.split()[0] if flags else "":
            for strip, add, condition in rules.get(flag, ()):
                if stem.endswith(strip) and condition.search(stem):
                    yield stem[:len(stem) - len(strip)] + add


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dic", type=Path, help="en_GB.dic (else downloaded)")
    parser.add_argument("--aff", type=Path, help="en_GB.aff (else downloaded)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temp:
        if args.dic and args.aff:
            dic_path, aff_path, source, readme = args.dic, args.aff, args.dic.name, None
        else:
            dic_path, aff_path, source, readme = download(Path(temp))
        forms = expand(dic_path.read_text(encoding="utf-8-sig"), suffix_rules(aff_path.read_text(encoding="utf-8-sig")))
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as listing:
            listing.write("\n".join(forms))
        words = words_of([Path(listing.name)]) - known_already() - known_scowl_words() - common_misspellings()
        Path(listing.name).unlink()
    header = [
        "# Words of LibreOffice's British English hunspell dictionary (en_GB), stems and suffixed forms,",
        "# that pyspellchecker's English list and our other lists lack, less the misspellings codespell names.",
        f"# Built by scripts/build_british_words.py from {source}.",
        "# en_GB dictionary: David Bartlett, Brian Kelk, Andrew Brown, Marco A.G. Pinto, after Kevin Atkinson;",
        "# LGPL, see licenses/LGPL-en_GB-dictionary.txt.",
    ]
    OUT.write_text("\n".join(header + sorted(words)) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT.relative_to(DATA.parent.parent)}")
    if readme is not None:
        LICENCE.write_text(readme, encoding="utf-8")
    return 0


def known_scowl_words() -> set[str]:
    """SCOWL's words, which rules/data already ships (scripts/build_scowl_words.py)."""
    words: set[str] = set()
    for name in ("scowl-words", "scowl-rare-words"):
        text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
        words.update(line for line in text.splitlines() if line and not line.startswith("#"))
    return words


if __name__ == "__main__":
    sys.exit(main())
