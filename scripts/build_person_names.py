"""Build rules/data/person-names.txt: given names and surnames well attested in English, and
rules/data/given-names.txt: the given names alone.

NMS001 must not pair two different people's names that are both common ("Horan" and "Horgan",
"Warne" and "Wayne"): a near-miss between two well-attested names is no misspelling. And a
word after a given name is a surname ("Annette Bening"), not a misspelt ordinary word ("Being"). The list
comes from the US Census Bureau's 1990 name files (public domain), as shipped by the `names`
package on PyPI (MIT): every given name, and the surnames up to rank MAX_SURNAME_RANK. Names are
written lowercase, one per line. Regenerate with:

    python -m pip install names && python scripts/build_person_names.py
"""

from __future__ import annotations

import sys
from pathlib import Path

MAX_SURNAME_RANK = 20000
DATA = Path(__file__).resolve().parent.parent / "rules" / "data"
OUT = DATA / "person-names.txt"
GIVEN_OUT = DATA / "given-names.txt"


def _read(path: Path, max_rank: int | None = None) -> set[str]:
    names = set()
    for line in path.read_text(encoding="ascii").splitlines():
        fields = line.split()
        if len(fields) == 4 and (max_rank is None or int(fields[3]) <= max_rank):
            names.add(fields[0].lower())
    return names


def main() -> int:
    try:
        import names
    except ImportError:
        print("needs the 'names' package: python -m pip install names", file=sys.stderr)
        return 1
    folder = Path(names.__file__).parent
    given = _read(folder / "dist.male.first") | _read(folder / "dist.female.first")
    surnames = _read(folder / "dist.all.last", MAX_SURNAME_RANK)
    header = (
        "# Given names and surnames well attested in English, lowercase.\n"
        "# Source: US Census Bureau, 1990 name files (public domain), via the `names` package\n"
        f"# (MIT). Every given name, surnames up to rank {MAX_SURNAME_RANK}.\n"
        "# Built by scripts/build_person_names.py; do not edit by hand.\n"
    )
    OUT.write_text(header + "\n".join(sorted(given | surnames)) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(given | surnames)} names")
    given_header = (
        "# Given names well attested in English, lowercase.\n"
        "# Source: US Census Bureau, 1990 name files (public domain), via the `names` package\n"
        "# (MIT): every male and female given name.\n"
        "# Built by scripts/build_person_names.py; do not edit by hand.\n"
    )
    GIVEN_OUT.write_text(given_header + "\n".join(sorted(given)) + "\n", encoding="utf-8")
    print(f"{GIVEN_OUT}: {len(given)} names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
