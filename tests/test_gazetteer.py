"""The gazetteer (rules/data/gazetteer.dat, newslint.gazetteer): known place names and near misses."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint import gazetteer
from newslint.gazetteer import Entry, fold, load, write

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "rules" / "data"


@pytest.fixture(scope="module")
def gaz():
    return load()


@pytest.mark.parametrize(("name", "key"), [
    ("Gdańsk", "gdansk"),
    ("GDAŃSK", "gdansk"),
    ("Nagorno-Karabakh", "nagorno karabakh"),
    ("Nagorno–Karabakh", "nagorno karabakh"),
    ("Côte d’Ivoire", "cote d'ivoire"),
    ("Xocavənd", "xocavand"),
    ("Łódź", "lodz"),
    ("  São   Paulo ", "sao paulo"),
    ("St. Petersburg", "st petersburg"),
])
def test_fold(name, key):
    assert fold(name) == key


@pytest.mark.parametrize(("name", "spelling"), [
    ("Khojavend", "Khojavend"),  # Azerbaijan, population about 3,700
    ("Tbilisi", "Tbilisi"),
    ("Gdańsk", "Gdańsk"),
    ("Gdansk", "Gdańsk"),  # the ASCII spelling maps to the spelling with diacritics
    ("gdansk", "Gdańsk"),
    ("Stepanakert", "Stepanakert"),  # an alternate name of Khankendi
    ("Port Harcourt", "Port Harcourt"),
    ("Azerbaijan", "Azerbaijan"),
    ("Côte d'Ivoire", "Côte d'Ivoire"),  # pycountry (ISO 3166-1)
    ("Cote d’Ivoire", "Côte d'Ivoire"),
    ("Russian Federation", "Russian Federation"),
    ("Xocavənd", "Xocavənd"),  # pycountry (ISO 3166-2): the district of Khojavend
    ("Bayern", "Bayern"),
    ("California", "California"),  # GeoNames US states
    ("Autauga County", "Autauga County"),
    ("Europe", "Europe"),
])
def test_known_names_and_their_spelling(gaz, name, spelling):
    assert gaz.knows(name)
    assert name in gaz.names
    assert gaz.primary(name) == spelling


def test_alternate_name_leads_to_its_place(gaz):
    entry = gaz.lookup("Stepanakert")
    assert entry.place == "Khankendi" and not entry.is_main
    assert gaz.place("Danzig") == "Gdańsk"
    assert gaz.lookup("Khojavend").is_main


def test_subdivision_names_without_their_local_type(gaz):
    # ISO 3166-2 writes "Guangdong Sheng" and "Gyeonggi-do"; English drops the type word
    for short, iso in [("Guangdong", "Guangdong Sheng"), ("Xinjiang", "Xinjiang Uygur Zizhiqu"),
                       ("Gyeonggi", "Gyeonggi-do")]:
        assert gaz.lookup(short).is_main and gaz.place(iso) == short


def test_weight_is_population_of_the_largest_place(gaz):
    assert gaz.lookup("Tbilisi").weight > 1_000_000
    assert 1_000 < gaz.lookup("Khojavend").weight < 10_000
    assert gaz.lookup("Azerbaijan").weight > gaz.lookup("Tbilisi").weight


def test_unknown_names(gaz):
    for name in ("Khojavind", "Forestier-Walker", "", "   ", "xqzzvw"):
        assert not gaz.knows(name)
        assert gaz.lookup(name) is None and gaz.primary(name) is None and gaz.place(name) is None
    assert 42 not in gaz.names


def test_words_of_multi_word_names(gaz):
    assert gaz.has_word("Dhabi") and not gaz.knows("Dhabi")  # Abu Dhabi
    assert gaz.has_word("Harcourt")
    assert gaz.has_word("Tbilisi")  # a name is a word of itself
    assert not gaz.has_word("Khojavind")


def test_choices_for_rapidfuzz(gaz):
    key = fold("Khojavind")
    start, choices = gaz.choices(key, spread=2)
    assert choices and all(c[0] == "k" and abs(len(c) - len(key)) <= 2 for c in choices)
    i = choices.index("khojavend")
    assert gaz.entry(start + i).spelling == "Khojavend"
    for i in (0, len(choices) // 2, len(choices) - 1):
        assert gaz.entry(start + i).key == choices[i]
    assert gaz.choices("") == (0, [])


def test_near_miss_found_with_rapidfuzz(gaz):
    fuzz = pytest.importorskip("rapidfuzz.fuzz")
    process = pytest.importorskip("rapidfuzz.process")
    for wrong, right in (("Khojavind", "Khojavend"), ("Stepanakret", "Stepanakert"), ("Gdnask", "Gdańsk")):
        key = fold(wrong)
        start, choices = gaz.choices(key)
        found = process.extract(key, choices, scorer=fuzz.ratio, score_cutoff=80, limit=3)
        assert gaz.entry(start + found[0][2]).spelling == right, found


def test_it_is_the_whole_gazetteer_not_a_short_list(gaz):
    assert len(gaz) > 400_000
    assert len(gaz.names) == len(gaz)
    assert any("GeoNames" in line and "CC BY 4.0" in line for line in gaz.header)


def test_load_reads_no_block_until_asked():
    fresh = load(DATA / gazetteer.DATA_FILE)  # its own cache entry: not the shared object
    assert fresh._names._keys == {} and fresh._words._keys == {}
    assert fresh.knows("Tbilisi")
    assert len(fresh._names._keys) == 1


def test_entry_out_of_range(gaz):
    for row in (len(gaz), -1):
        with pytest.raises(IndexError):
            gaz.entry(row)


def test_write_and_read_back(tmp_path):
    forms = [
        Entry("gdansk", "Gdańsk", 487371, "Gdańsk", True),
        Entry("danzig", "Danzig", 487371, "Gdańsk", False),
        Entry("port harcourt", "Port Harcourt", 2120000, "Port Harcourt", True),
        Entry("nagorno karabakh", "Nagorno-Karabakh", 150000, "Nagorno-Karabakh", True),
        Entry("cote d'ivoire", "Côte d'Ivoire", 25000000, "Ivory Coast", True),
    ]
    path = tmp_path / "g.dat"
    assert write(path, forms, ["test data"]) == (5, 7)
    small = load(path)
    assert small.header == ["# test data"]
    assert sorted(small.candidates) == sorted(f.key for f in forms)
    for form in forms:
        assert small.lookup(form.spelling) == form
    assert small.primary("Nagorno Karabakh") == "Nagorno-Karabakh"
    assert small.has_word("Karabakh") and small.has_word("Ivoire") and not small.has_word("d")
    assert "Danzig" in small.names and "Gdansk" in small.names and "Sopot" not in small.names


def test_write_refuses_inconsistent_forms(tmp_path):
    with pytest.raises(ValueError):
        write(tmp_path / "a.dat", [Entry("gdansk", "Gdańsk", 1, "Gdańsk", True)] * 2)
    with pytest.raises(ValueError):
        write(tmp_path / "b.dat", [Entry("gdynia", "Gdańsk", 1, "Gdańsk", True)])


def test_not_a_gazetteer_file(tmp_path):
    path = tmp_path / "x.dat"
    path.write_bytes(b"something else\f\n")
    with pytest.raises(ValueError):
        load(path)


def test_attribution_ships_next_to_the_data():
    text = (DATA / "GAZETTEER-ATTRIBUTION.md").read_text(encoding="utf-8")
    for needed in ("https://www.geonames.org/", "CC BY 4.0", "creativecommons.org/licenses/by/4.0",
                   "iso-codes", "LGPL", "scripts/build_gazetteer.py"):
        assert needed in text


def test_the_blocks_kept_stay_within_their_bound(monkeypatch):
    monkeypatch.setattr(gazetteer, "KEPT_ROWS", 3_000)
    fresh = load(DATA / gazetteer.DATA_FILE)  # its own cache entry: not the shared object
    names = ("Tbilisi", "Gdansk", "Stepanakert", "Baku", "Yerevan", "Kharkiv", "Mariupol", "Lyon")
    known = [fresh.knows(name) for name in names]
    kept = fresh._names._keys
    assert kept.rows == sum(map(len, kept.values())) <= 3_000 or len(kept) == 1
    assert len(kept) < len(names)  # blocks were let go ...
    assert [fresh.knows(name) for name in names] == known == [True] * len(names)  # ... and read again
    assert fresh.primary("gdansk") == "Gdańsk"
