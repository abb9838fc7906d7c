"""The run-wide store of project-rule sightings: compact, and only variant keys for NCN002."""

from __future__ import annotations

from newslint.project import ProjectSightings, pack
from newslint.rule import ProjectRule, Sighting


class Variants(ProjectRule):
    code = "NCN999"
    only_variants = True


class Everything(ProjectRule):
    code = "NCN998"


def _s(key: str, form: str, line: int = 1, column: int = 5000) -> Sighting:
    return Sighting(key, form, 2, line, column, line, column + len(form), "the source line")


def test_keeps_every_number_and_drops_the_source_line():
    seen = ProjectSightings()
    seen.add("a.txt", pack({"NCN998": [_s("saintaubin", "Saint-Aubin", 3, 70000)]}))
    assert seen.for_rule(Everything()) == {
        "a.txt": [Sighting("saintaubin", "Saint-Aubin", 2, 3, 70000, 3, 70011, "")]}


def test_only_keys_seen_in_several_forms_reach_a_variants_rule():
    seen = ProjectSightings()
    seen.add("a.txt", pack({"NCN999": [_s("saintaubin", "Saint-Aubin"), _s("geneva", "Geneva")]}))
    seen.add("b.txt", pack({"NCN999": [_s("saintaubin", "Saint-Aubin"), _s("geneva", "Geneva")]}))
    assert seen.for_rule(Variants()) == {}
    seen.add("c.txt", pack({"NCN999": [_s("saintaubin", "Saint Aubin"), _s("harbour", "Harbour")]}))
    got = seen.for_rule(Variants())
    assert {path: [s.form for s in rows] for path, rows in got.items()} == {
        "a.txt": ["Saint-Aubin"], "b.txt": ["Saint-Aubin"], "c.txt": ["Saint Aubin"]}


def test_other_rules_and_empty_lists():
    seen = ProjectSightings()
    seen.add("a.txt", pack({"NCN998": [], "NCN999": [_s("x", "X")]}))
    assert seen.for_rule(Everything()) == {}
    assert [s.form for s in seen.for_rule(type("Other", (Everything,), {"code": "NCN999"})())["a.txt"]] == ["X"]


def test_pack_and_unpack_round_trip():
    from newslint.project import pack, unpack

    sightings = {"NCN998": [_s("a", "A", 1, 2), _s("b", "B", 300, 70000)], "NCN999": []}
    assert unpack(pack(sightings)) == {"NCN998": [s._replace(source_line="") for s in sightings["NCN998"]]}


def test_sightings_beyond_the_bound_wait_in_a_file_and_come_back_alike(monkeypatch):
    import newslint.project

    def run() -> tuple[dict, dict, ProjectSightings]:
        seen = ProjectSightings()
        for i in range(40):
            form = "Saint Aubin" if i == 17 else "Saint-Aubin"
            rows = [_s("saintaubin", form, line, line * 3) for line in range(1, 4)]
            if i % 5:  # some files see no other name: their rows are fewer
                rows.append(_s(f"town{i % 3}", f"Town{i % 3}", 9, 1))
            seen.add(f"f{i:02}.txt", pack({"NCN999": rows, "NCN998": rows}))
        return seen.for_rule(Variants()), seen.for_rule(Everything()), seen

    in_memory = run()
    monkeypatch.setattr(newslint.project, "ROWS_IN_MEMORY", 7)
    spilled = run()
    assert spilled[:2] == in_memory[:2]
    assert set(in_memory[0]) == {f"f{i:02}.txt" for i in range(40)}
    assert len(in_memory[1]["f01.txt"]) == 4 and len(in_memory[1]["f05.txt"]) == 3
    columns = spilled[2]._rules["NCN998"]
    assert len(columns.pair_ids) < 7 and columns.rows == 40 * 3 + 32  # the rest wait in the file


def test_a_spill_that_fails_keeps_the_rest_in_memory(monkeypatch):
    # A full disk while NCN002's sightings go to their temporary file: the run goes on with
    # them in memory, and every sighting is still there at the end.
    import newslint.project

    def run() -> dict:
        seen = ProjectSightings()
        for i in range(30):
            rows = [_s("saintaubin", "Saint-Aubin", line, 1) for line in range(1, 4)]
            seen.add(f"f{i:02}.txt", pack({"NCN998": rows}))
        return seen.for_rule(Everything())

    in_memory = run()
    monkeypatch.setattr(newslint.project, "ROWS_IN_MEMORY", 7)
    writes = []

    def write(self, pair_ids, numbers):
        writes.append(len(pair_ids))
        if len(writes) > 2:
            raise OSError(28, "No space left on device")
        original(self, pair_ids, numbers)

    original = newslint.project._Spill.write
    monkeypatch.setattr(newslint.project._Spill, "write", write)
    assert run() == in_memory
    assert len(writes) == 3  # after the failure no more is written
