"""What the project rules (NCN002) saw in every file of a run, kept small until they judge it.

A project rule's sightings must be kept for every file until the end of the run. As tuples they
cost about 200 bytes each, and the BBC corpus gives 66,000 of them, so memory grew with the
corpus. Here each file's sightings are kept as columns instead: the keys and the forms (one
copy of each string for the whole run) and one array of numbers, about 60 bytes a sighting.
For a rule that reports only keys seen in several forms (`ProjectRule.only_variants`), finish
gets only the sightings of such keys, so that even then the run never holds them all as tuples.
"""

from __future__ import annotations

import sys
from array import array

from newslint.rule import ProjectRule, Sighting

_SEVERAL = object()  # the key has been seen in more than one form


class ProjectSightings:
    def __init__(self) -> None:
        # rule code -> shown path -> (keys, forms, numbers: count, line, column, end_line, end_column each)
        self._files: dict[str, dict[str, tuple[tuple[str, ...], tuple[str, ...], array]]] = {}
        self._forms: dict[str, dict[str, object]] = {}  # rule code -> key -> its one form, or _SEVERAL

    def add(self, path: str, sightings: dict[str, list[Sighting]]) -> None:
        intern = sys.intern
        for code, seen in sightings.items():
            if not seen:
                continue
            keys = tuple(intern(s.key) for s in seen)
            forms = tuple(intern(s.form) for s in seen)
            numbers = array("q", [n for s in seen for n in (s.count, s.line, s.column, s.end_line, s.end_column)])
            self._files.setdefault(code, {})[path] = (keys, forms, numbers)
            known = self._forms.setdefault(code, {})
            for key, form in zip(keys, forms):
                first = known.setdefault(key, form)
                if first is not form and first is not _SEVERAL:
                    known[key] = _SEVERAL  # interned: a different object is a different form

    def for_rule(self, rule: ProjectRule) -> dict[str, list[Sighting]]:
        """The sightings to give `rule.finish`, by path (source lines left empty)."""
        known = self._forms.get(rule.code, {})
        out: dict[str, list[Sighting]] = {}
        new = tuple.__new__
        for path, (keys, forms, numbers) in self._files.get(rule.code, {}).items():
            rows = []
            for i, (key, form) in enumerate(zip(keys, forms)):
                if rule.only_variants and known[key] is not _SEVERAL:
                    continue
                count, line, column, end_line, end_column = numbers[5 * i:5 * i + 5]
                rows.append(new(Sighting, (key, form, count, line, column, end_line, end_column, "")))
            if rows:
                out[path] = rows
        return out
