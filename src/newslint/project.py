"""What the project rules (NCN002) saw in every file of a run, kept small until they judge it.

A project rule's sightings must be kept for every file until the end of the run. As tuples they
cost about 200 bytes each, and the BBC corpus gives 66,000 of them (a 100 MB JSON Lines file,
800,000), so memory grew with the input. So a file's sightings are packed as they are observed
(`Packer`): per rule, the keys and the forms (one copy of each string) and one array of numbers,
about 60 bytes a sighting, which is also what workers send back (far cheaper to pickle than
tuples) and what the cache stores. For a rule that reports only keys seen in several forms
(`ProjectRule.only_variants`), finish gets only the sightings of such keys, so that the run
never holds them all as tuples.
"""

from __future__ import annotations

import sys
from array import array
from collections import Counter
from typing import Iterable

from newslint.rule import ProjectRule, Sighting

# A file's sightings for one rule: keys, forms, and count, line, column, end_line, end_column each.
Packed = tuple[tuple[str, ...], tuple[str, ...], array]


class Packer:
    """One file's sightings, packed document by document (source lines are not kept)."""

    def __init__(self) -> None:
        self._columns: dict[str, tuple[list[str], list[str], array]] = {}

    def add(self, code: str, sightings: Iterable[Sighting]) -> None:
        keys, forms, numbers = self._columns.setdefault(code, ([], [], array("q")))
        intern = sys.intern  # a name recurs in many records of a file: keep one copy
        for s in sightings:
            keys.append(intern(s.key))
            forms.append(intern(s.form))
            numbers.extend((s.count, s.line, s.column, s.end_line, s.end_column))

    def packed(self) -> dict[str, Packed]:
        return {code: (tuple(keys), tuple(forms), numbers)
                for code, (keys, forms, numbers) in self._columns.items() if keys}


def pack(sightings: dict[str, Iterable[Sighting]]) -> dict[str, Packed]:
    packer = Packer()
    for code, seen in sightings.items():
        packer.add(code, seen)
    return packer.packed()


def unpack(packed: dict[str, Packed]) -> dict[str, list[Sighting]]:
    """The sightings as tuples again (source lines empty)."""
    return {code: list(_sightings(keys, forms, numbers)) for code, (keys, forms, numbers) in packed.items()}


def _sightings(keys, forms, numbers, only: set[str] | None = None):
    new = tuple.__new__  # builds the tuple in C, without the named tuple's constructor
    for i, (key, form) in enumerate(zip(keys, forms)):
        if only is None or key in only:
            yield new(Sighting, (key, form, *numbers[5 * i:5 * i + 5], ""))


class ProjectSightings:
    """Every file's packed sightings for one run, by rule and shown path."""

    def __init__(self) -> None:
        self._files: dict[str, dict[str, Packed]] = {}  # rule code -> shown path -> packed sightings
        self._pairs: dict[str, set[tuple[str, str]]] = {}  # rule code -> every (key, form) seen

    def add(self, path: str, packed: dict[str, Packed]) -> None:
        intern = sys.intern  # one copy of each string for the whole run (a worker's are copies)
        for code, (keys, forms, numbers) in packed.items():
            keys, forms = tuple(map(intern, keys)), tuple(map(intern, forms))
            self._files.setdefault(code, {})[path] = (keys, forms, numbers)
            self._pairs.setdefault(code, set()).update(zip(keys, forms))

    def for_rule(self, rule: ProjectRule) -> dict[str, list[Sighting]]:
        """The sightings to give `rule.finish`, by path (source lines left empty)."""
        only = None
        if rule.only_variants:
            only = {key for key, forms in Counter(key for key, _ in self._pairs.get(rule.code, ())).items()
                    if forms > 1}
        out = {}
        for path, (keys, forms, numbers) in self._files.get(rule.code, {}).items():
            rows = list(_sightings(keys, forms, numbers, only))
            if rows:
                out[path] = rows
        return out
