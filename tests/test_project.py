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
