"""What the project rules (NCN002) saw in every file of a run, kept small until they judge it.

A project rule's sightings must be kept for every file until the end of the run. As tuples they
cost about 200 bytes each, and the BBC corpus gives 66,000 of them (a 100 MB JSON Lines file,
800,000), so memory grew with the input. So a file's sightings are packed as they are observed
(`Packer`): per rule, the keys and the forms (one copy of each string) and one array of numbers,
which is what workers send back (far cheaper to pickle than tuples) and what the cache stores.
The run then keeps every file's sightings of a rule in a few columns (`_Columns`): each distinct
(key, form) once, and per sighting an index to it and its five numbers, 24 bytes in all, of
which only the latest are kept in memory, the others in a temporary file (ROWS_IN_MEMORY). For a
rule that reports only keys seen in several forms (`ProjectRule.only_variants`), finish gets only
the sightings of such keys, so that the run never holds them all as tuples.
"""

from __future__ import annotations

import os
import sys
from array import array
from collections import Counter
from typing import Iterable, Iterator

from newslint.rule import ProjectRule, Sighting

# A file's sightings for one rule: keys, forms, and count, line, column, end_line, end_column each.
Packed = tuple[tuple[str, ...], tuple[str, ...], array]
NUMBERS = "I"  # the arrays' type: unsigned, 4 bytes (a column beyond 4 billion needs a 4 GB line)


class Packer:
    """One file's sightings, packed document by document (source lines are not kept)."""

    def __init__(self) -> None:
        self._columns: dict[str, tuple[list[str], list[str], array]] = {}

    def add(self, code: str, sightings: Iterable[Sighting]) -> None:
        keys, forms, numbers = self._columns.setdefault(code, ([], [], array(NUMBERS)))
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


def _sightings(keys, forms, numbers):
    new = tuple.__new__  # builds the tuple in C, without the named tuple's constructor
    for i, (key, form) in enumerate(zip(keys, forms)):
        yield new(Sighting, (key, form, *numbers[5 * i:5 * i + 5], ""))


class ProjectSightings:
    """Every file's packed sightings for one run, by rule and shown path."""

    def __init__(self) -> None:
        self._rules: dict[str, _Columns] = {}

    def add(self, path: str, packed: dict[str, Packed]) -> None:
        for code, (keys, forms, numbers) in packed.items():
            columns = self._rules.get(code) or self._rules.setdefault(code, _Columns())
            columns.add(path, keys, forms, numbers)

    def take_from(self, result) -> None:
        """Move a file's result's packed sightings (engine.FileResult.sightings) in here, so that
        the result need not carry them to the end of the run."""
        if result.sightings:
            self.add(result.path, result.sightings)
            result.sightings = {}

    def for_rule(self, rule: ProjectRule) -> dict[str, list[Sighting]]:
        """The sightings to give `rule.finish`, by path in the order the files came (source lines
        left empty)."""
        columns = self._rules.get(rule.code)
        if columns is None:
            return {}
        wanted = None
        if rule.only_variants:
            pairs = columns.pairs  # each (key, form) is there once
            forms_of = Counter(key for key, _ in pairs)
            wanted = {i for i, (key, _) in enumerate(pairs) if forms_of[key] > 1}
        return columns.by_path(wanted)


class _PairIds(dict):
    """(key, form) -> index, numbered in the order first seen (the dict's own order)."""

    def __missing__(self, pair: tuple[str, str]) -> int:
        index = self[pair] = len(self)
        return index


# Sightings a rule keeps in memory (24 bytes each); every block of this many more goes to a
# temporary file until the end of the run. A run over the BBC corpus sees 66,000 of them, and
# 16 copies of it 1,060,000 (25 MB): most of what the parent held, and all of it grew with
# the input. Only the few the rule asks for at the end are read back as tuples.
ROWS_IN_MEMORY = 65_536


class _Columns:
    """One rule's sightings from every file of a run."""

    def __init__(self) -> None:
        self.paths: list[str] = []  # each file's shown path, in the order of arrival
        self.ends = array(NUMBERS)  # where each file's sightings end, counted over all sightings
        self._pair_ids = _PairIds()
        # The latest sightings (those before them are in _spilled):
        self.pair_ids = array(NUMBERS)  # per sighting: its (key, form), as an index into pairs
        self.numbers = array(NUMBERS)  # per sighting: count, line, column, end_line, end_column
        self._spilled: _Spill | None = None
        self._can_spill = True
        self.rows = 0  # sightings in all

    @property
    def pairs(self) -> list[tuple[str, str]]:
        """Every distinct (key, form), once, in the order of their indexes."""
        return list(self._pair_ids)

    def add(self, path: str, keys: tuple[str, ...], forms: tuple[str, ...], numbers: array) -> None:
        self.pair_ids.extend(map(self._pair_ids.__getitem__, zip(keys, forms)))  # new pairs numbered on the way
        self.numbers.extend(numbers if numbers.typecode == NUMBERS else array(NUMBERS, numbers))
        self.rows += len(keys)
        self.paths.append(path)
        self.ends.append(self.rows)
        if len(self.pair_ids) >= ROWS_IN_MEMORY:
            self._spill()

    def _spill(self) -> None:
        if not self._can_spill:
            return
        try:
            if self._spilled is None:
                self._spilled = _Spill()
            self._spilled.write(self.pair_ids, self.numbers)
        except OSError:
            # No temporary file to be had, or the disk is full: the rest stay in memory. A block
            # only partly written is not counted, so the blocks before it still read back whole.
            self._can_spill = False
            return
        self.pair_ids, self.numbers = array(NUMBERS), array(NUMBERS)

    def _blocks(self) -> Iterator[tuple[array, array]]:
        """(pair ids, numbers) of every sighting, in blocks, in the order they came."""
        if self._spilled is not None:
            yield from self._spilled.read()
        yield self.pair_ids, self.numbers

    def by_path(self, wanted: set[int] | None) -> dict[str, list[Sighting]]:
        new = tuple.__new__  # builds the tuple in C, without the named tuple's constructor
        pairs = self.pairs
        files = iter(zip(self.paths, self.ends))
        path, end = next(files, ("", 0))
        out: dict[str, list[Sighting]] = {}
        row = 0  # of the whole run
        for pair_ids, numbers in self._blocks():
            for i, pair_id in enumerate(pair_ids):
                while row >= end:  # this sighting is in a later file
                    path, end = next(files)
                if wanted is None or pair_id in wanted:
                    out.setdefault(path, []).append(new(Sighting, (*pairs[pair_id], *numbers[5 * i:5 * i + 5], "")))
                row += 1
        return out


class _Spill:
    """Blocks of sightings in a temporary file (deleted when closed, or when the run ends)."""

    def __init__(self) -> None:
        import tempfile  # 3 ms to import: only for a run that spills (tens of thousands of files)

        self._file = tempfile.TemporaryFile()
        self._rows: list[int] = []  # sightings in each block

    def write(self, pair_ids: array, numbers: array) -> None:
        pair_ids.tofile(self._file)
        numbers.tofile(self._file)
        self._rows.append(len(pair_ids))

    def read(self) -> Iterator[tuple[array, array]]:
        self._file.seek(0)
        for rows in self._rows:
            pair_ids, numbers = array(NUMBERS), array(NUMBERS)
            pair_ids.fromfile(self._file, rows)
            numbers.fromfile(self._file, 5 * rows)
            yield pair_ids, numbers
        self._file.seek(0, os.SEEK_END)  # more may be written after
