"""What the project rules (NCN002) saw in every file of a run, kept small until they judge it.

A project rule's sightings must be kept for every file until the end of the run. As tuples they
cost about 200 bytes each, and the BBC corpus gives 66,000 of them, so memory grew with the
corpus. Here each file's sightings are kept as columns instead (`pack`): the keys and the forms
(one copy of each string for the whole run) and one array of numbers, about 60 bytes a sighting.
Workers send them packed, which is also far cheaper to pickle than tuples. For a rule that
reports only keys seen in several forms (`ProjectRule.only_variants`), finish gets only the
sightings of such keys, so that even then the run never holds them all as tuples.
"""

from __future__ import annotations

import sys
from array import array
from collections import Counter

from newslint.rule import ProjectRule, Sighting

# A file's sightings for one rule: keys, forms, and count, line, column, end_line, end_column each.
Packed = tuple[tuple[str, ...], tuple[str, ...], array]


def pack(sightings: dict[str, list[Sighting]]) -> dict[str, Packed]:
    return {code: (tuple(s.key for s in seen), tuple(s.form for s in seen),
                   array("q", [n for s in seen for n in (s.count, s.line, s.column, s.end_line, s.end_column)]))
            for code, seen in sightings.items() if seen}


def unpack(packed: dict[str, Packed]) -> dict[str, list[Sighting]]:
    new = tuple.__new__
    return {code: [new(Sighting, (key, form, *numbers[5 * i:5 * i + 5], ""))
                   for i, (key, form) in enumerate(zip(keys, forms))]
            for code, (keys, forms, numbers) in packed.items()}


class ProjectSightings:
    def __init__(self) -> None:
        self._files: dict[str, dict[str, Packed]] = {}  # rule code -> shown path -> packed sightings
        self._pairs: dict[str, set[tuple[str, str]]] = {}  # rule code -> every (key, form) seen

    def add(self, path: str, sightings: dict[str, list[Sighting]]) -> None:
        self.add_packed(path, pack(sightings))

    def add_packed(self, path: str, packed: dict[str, Packed]) -> None:
        intern = sys.intern
        for code, (keys, forms, numbers) in packed.items():
            keys, forms = tuple(map(intern, keys)), tuple(map(intern, forms))
            self._files.setdefault(code, {})[path] = (keys, forms, numbers)
            self._pairs.setdefault(code, set()).update(zip(keys, forms))

    def for_rule(self, rule: ProjectRule) -> dict[str, list[Sighting]]:
        """The sightings to give `rule.finish`, by path (source lines left empty)."""
        several = None
        if rule.only_variants:
            several = {key for key, forms in Counter(key for key, _ in self._pairs.get(rule.code, ())).items()
                       if forms > 1}
        out: dict[str, list[Sighting]] = {}
        new = tuple.__new__
        for path, (keys, forms, numbers) in self._files.get(rule.code, {}).items():
            rows = []
            for i, (key, form) in enumerate(zip(keys, forms)):
                if several is not None and key not in several:
                    continue
                count, line, column, end_line, end_column = numbers[5 * i:5 * i + 5]
                rows.append(new(Sighting, (key, form, count, line, column, end_line, end_column, "")))
            if rows:
                out[path] = rows
        return out
