"""Name rules: variants in one article (NCN001), near-misses (NMS001), variants across files (NCN002)."""

from __future__ import annotations

import pytest

from tests.util import check_json, write

INTRO = "Harbour talks resume in Valdoria\n\n"


def _found(tmp_path, text: str, name: str = "a.txt", select: str = "name-misspelling,name-inconsistency"):
    path = write(tmp_path / name, text)
    _, findings = check_json("--select", select, "--unsafe-fixes", str(path))
    return findings


def test_hyphen_and_space_variant_reports_the_minority_with_the_majority_as_fix(tmp_path):
    text = (INTRO + "Envoy Ines Lind-Hartmann arrived on Monday.\n\n"
            "Lind-Hartmann said the talks would go on.\n\nLind Hartmann later left for the coast.\n")
    [f] = _found(tmp_path, text)
    assert (f["code"], f["category"], f["line"], f["column"], f["end_column"]) == ("NCN001", "name-inconsistency", 7, 1, 14)
    assert "'Lind-Hartmann'" in f["message"] and "2×" in f["message"]
    assert f["fix"]["replacement"] == "Lind-Hartmann"


def test_tie_reports_the_later_mention(tmp_path):
    text = INTRO + "The ferry left Zürich on Monday.\n\nIt reached Zurich again on Friday.\n"
    [f] = _found(tmp_path, text)
    assert (f["code"], f["line"]) == ("NCN001", 5)


@pytest.mark.parametrize("a, b", [("McDonald", "Mcdonald"), ("Gdańsk", "Gdansk")])
def test_case_and_diacritic_variants(tmp_path, a, b):
    text = INTRO + f"Officials in {a} agreed. The {a} office confirmed it. A {b} spokesman declined to comment.\n"
    [f] = _found(tmp_path, text)
    assert f["code"] == "NCN001" and f"'{b}'" in f["message"]


def test_title_case_compounds_and_ordinary_compounds_are_not_variants(tmp_path):
    text = (INTRO + "The Blu-Ray Disc Association met. Sales of Blu-ray players grew.\n\n"
            "High-Speed Rail was approved, and High Speed trains will run by May.\n")
    assert _found(tmp_path, text) == []


def test_aliases_are_not_variants_or_misspellings(tmp_path):
    text = (INTRO + "Officials in Kyiv met. Kyiv said talks went well. Kyiv hosted them.\n\n"
            "The Kiev office, as older maps call it, confirmed the date.\n\n"
            "Stepanakert, known as Khankendi to others, was quiet.\n")
    assert _found(tmp_path, text) == []


def test_config_aliases(tmp_path):
    write(tmp_path / "newslint.toml", 'name-aliases = [["Valdoria", "Valdornia"]]\n')
    text = INTRO + "Valdoria's envoy left, and Valdoria's army stayed. Aid reached Valdornia on Monday.\n"
    assert _found(tmp_path, text) == []


def test_near_miss_of_a_name_the_article_uses_more_often(tmp_path):
    text = (INTRO + "Envoy Petra Zakharova spoke first. Zakharova said aid was ready.\n\n"
            "Later Zakharva added that the corridor would stay open.\n")
    [f] = _found(tmp_path, text)
    assert (f["code"], f["category"], f["line"], f["column"]) == ("NMS001", "name-misspelling", 5, 7)
    assert f["fix"]["replacement"] == "Zakharova"


@pytest.mark.parametrize("wrong", ["Dujarirc", "Dujaric", "Dujarricc"])
def test_transposition_deletion_and_doubling(tmp_path, wrong):
    text = INTRO + f"Stephane Dujarric spoke. Dujarric said aid was ready. Later {wrong} added a note.\n"
    assert [f["code"] for f in _found(tmp_path, text)] == ["NMS001"]


def test_on_a_tie_the_spelling_of_a_known_place_is_the_right_one(tmp_path):
    # "Getaff" has the commoner English letter sequences, but "Getafe" is a town the gazetteer
    # knows: the unknown spelling is reported, whichever comes first.
    for first, second in (("Getaff", "Getafe"), ("Getafe", "Getaff")):
        text = INTRO + f"The side lost to {first} on Saturday. Fans of {second} cheered the result.\n"
        [f] = _found(tmp_path, text)
        assert f["code"] == "NMS001" and f["fix"]["replacement"] == "Getafe"
        assert text.splitlines()[2][f["column"] - 1:].startswith("Getaff")


def test_a_title_misspelt_beside_another_name_is_no_other_person(tmp_path):
    # "President" is nobody's name: the name beside each mention does not make two people of it.
    text = (INTRO + "President Ilse Varga opened the port. Later President Varga thanked the crews.\n\n"
            "Presdent Horvath, her predecessor, sent a note.\n")
    [f] = _found(tmp_path, text)
    assert (f["code"], f["line"], f["column"]) == ("NMS001", 5, 1) and f["fix"]["replacement"] == "President"


def test_a_name_misspelt_at_the_head_of_a_compound(tmp_path):
    text = (INTRO + "Talks on Valdoria went on. Valdoria's envoy left.\n\n"
            "A Valdornia-based charity sent food.\n")
    [f] = _found(tmp_path, text)
    assert (f["code"], f["line"], f["column"], f["end_column"]) == ("NMS001", 5, 3, 12)
    assert f["fix"]["replacement"] == "Valdoria"
    fixed = text.replace("Valdornia-based", "Valdoria-based")
    assert _found(tmp_path, fixed) == []


def test_a_garbled_first_name_beside_another_surname_is_no_other_person(tmp_path):
    # "Patrik Berger" beside "Patrick Vieira" is another man; "Cahrles" has letters no name has.
    text = (INTRO + "Charles Wendt spoke first. Charles Wendt said the port would reopen.\n\n"
            "Cahrles Ostby, the harbour master, agreed.\n")
    [f] = _found(tmp_path, text)
    assert (f["code"], f["line"], f["column"]) == ("NMS001", 5, 1) and f["fix"]["replacement"] == "Charles"


@pytest.mark.parametrize(
    "text",
    [
        # inflections and demonyms
        "Armenia and Armenia's neighbours met. Armenian officials and Armenians abroad agreed.\n",
        # an ordinary word
        "The Bank said rates would hold. The Bank met on Monday. Banks agreed.\n",
        # two people who share a surname, or nearly
        "Gordon Brown spoke. Brown said the budget was fair. Brown left. Des Browne disagreed.\n",
        # distinct names, both well known
        "Austria and Australia signed. Austria said it was pleased. Austria's envoy left.\n",
        # different people with close first names
        "Elena Dementieva won. Elena Dementieva said so. Eleni Daniilidou lost.\n",
        # a foreign form of a given name, beside another surname
        "Patrick Vieira scored. Patrick Vieira ran on. Patrik Berger came off the bench.\n",
        # British and American spellings of one word in two names
        "The Harbour Organization met. The Organization said so. A Valdorian Organisation agreed.\n",
        # the main name of a city of a million people, beside a name one letter away
        "The Xinqing company said prices rose. Xinqing officials agreed. Traders in Xining did too.\n",
        # a Slavic village and the district named after it
        "Floods hit the Bryzhanovsky district. The Bryzhanovsky council met. The village of Bryzhanovka was cut off.\n",
        # a surname after a given name, one letter from a common word in a title
        "Hilda Walting won best actress for the play Waiting Rooms, which critics had praised.\n",
        # names in another language: an accent English does not write, a name that goes on in French
        "She flew to Paris on Monday. A columnist for El País wrote about the strike.\n",
        "The Music Institute in Cairo trained her. She later taught at the Institut du monde arabe.\n",
        "The Harbour Foundation paid. Funds also went to the Fondation pour l'Enfance in Lyon.\n",
        # a first name beside a surname one letter away: two people
        "Lawyer Gregory Lindqvist spoke. Lindqvist said so. Among the divers was Lindqist Amberg.\n",
        "Hollis Brenning directed it. Hollis Brenning said so. The set was built by Josef Holis.\n",
        # two first names before different surnames, one of them with a particle
        "Ruud van Hessel scored. Ruud van Hessel ran on. Ruudt Marstrand came off the bench.\n",
    ],
    ids=["demonyms", "ordinary-word", "other-person", "both-known", "other-first-name", "foreign-first-name",
         "dialect-spellings", "major-place", "slavic-place-adjective", "surname-after-given-name",
         "accented-foreign-name", "foreign-name-goes-on", "foreign-name-preposition",
         "first-name-beside-surname", "surname-beside-first-name", "surname-with-particle"],
)
def test_legitimately_close_words_are_not_misspellings(tmp_path, text):
    assert _found(tmp_path, INTRO + text) == []


def test_a_name_written_with_its_own_letters_and_spelt_out_is_still_reported(tmp_path):
    # "El País" beside "Paris" is another name; "Bjørndal" beside "Bjorndal" is one name written two ways
    text = INTRO + "Coach Bjorndal spoke. Bjorndal said the team was ready. Later Bjørndal left.\n"
    [f] = _found(tmp_path, text)
    assert f["code"] == "NMS001" and f["fix"]["replacement"] == "Bjorndal"


def test_a_misspelling_the_gazetteer_lists_as_another_name_is_still_reported(tmp_path):
    # GeoNames keeps misspellings among a city's other names: only main names are excused
    text = INTRO + "The London office said prices rose. London traders agreed. Traders in Londn waited.\n"
    assert [f["code"] for f in _found(tmp_path, text)] == ["NMS001"]


def test_hashtags_are_not_mentions(tmp_path):
    text = INTRO + "Nagorno-Karabakh talks went on. Nagorno-Karabakh is quiet.\n\n#NagornoKarabakh #talks\n"
    assert _found(tmp_path, text) == []


def test_name_variant_across_files(tmp_path):
    majority = "Talks on the Saint-Aubin ferry resumed on Monday, officials said.\n"
    for i in range(4):
        write(tmp_path / "articles" / f"ok{i}.md", f"# Ferry talks {i}\n\n{majority}")
    write(tmp_path / "articles" / "odd.md", "# Ferry talks\n\nTalks on the Saint Aubin ferry resumed on Monday, officials said.\n")
    _, findings = check_json("--select", "NCN002", str(tmp_path / "articles"))
    assert [(f["path"].split("/")[-1], f["code"], f["line"], f["column"]) for f in findings] == [("odd.md", "NCN002", 3, 14)]
    assert "'Saint-Aubin' in 4 other files" in findings[0]["message"]


def test_cross_file_rule_leaves_files_with_both_forms_to_ncn001(tmp_path):
    for i in range(3):
        write(tmp_path / f"ok{i}.txt", "Talks on the Saint-Aubin ferry resumed on Monday, officials said.\n")
    write(tmp_path / "both.txt", "The Saint-Aubin ferry left. The Saint-Aubin quay shut. The Saint Aubin crew waited.\n")
    _, findings = check_json("--select", "name-inconsistency", str(tmp_path))
    assert [(f["path"].split("/")[-1], f["code"]) for f in findings] == [("both.txt", "NCN001")]


def _across_files(tmp_path, majority: str, minority: str) -> list[str]:
    """NCN002's findings (file names) for three files with one form and one with the other."""
    for i in range(3):
        write(tmp_path / f"ok{i}.txt", f"On Monday {majority} said the ferry would sail again, aides said.\n")
    write(tmp_path / "odd.txt", f"On Monday {minority} said the ferry would sail again, aides said.\n")
    _, findings = check_json("--select", "NCN002", str(tmp_path))
    return [f["path"].split("/")[-1] for f in findings]


@pytest.mark.parametrize("majority, minority", [
    ("MacDonald", "Macdonald"),  # different families spell one surname differently
    ("Martinez", "Martínez"),
    ("the North East", "the Northeast"),  # ordinary words, and the closed form is one too
    ("the Saturday Night show", "the Saturday-night show"),  # a day is an ordinary word too
])
def test_across_files_not_variants(tmp_path, majority, minority):
    assert _across_files(tmp_path, majority, minority) == []


@pytest.mark.parametrize("majority, minority", [
    ("Walkerton", "WalkerTon"),  # no person's name: a house style
    ("the Star Harbour", "the Starharbour"),  # ordinary words, but the closed form is no word
    ("the Sun Dial", "the SunDial"),  # a capital inside: a brand's spelling
])
def test_across_files_variants(tmp_path, majority, minority):
    assert _across_files(tmp_path, majority, minority) == ["odd.txt"]


def test_cross_file_finding_can_be_suppressed_in_the_file(tmp_path):
    for i in range(3):
        write(tmp_path / f"ok{i}.md", "Talks on the Saint-Aubin ferry resumed on Monday, officials said.\n")
    write(tmp_path / "odd.md", "<!-- newslint-disable-file NCN002 -->\nTalks on the Saint Aubin ferry resumed on Monday.\n")
    _, findings = check_json("--select", "NCN002", str(tmp_path))
    assert findings == []


def test_a_place_misspelt_against_the_articles_own_spelling_is_one_finding(tmp_path):
    # NMS001 (the article writes "Tbilisi") and NMS002 (the gazetteer knows Tbilisi) would both
    # report "Tiblisi"; the article's own spelling is the better evidence. With NMS001 off,
    # NMS002 still reports it.
    text = INTRO + "The firm opened an office in Tbilisi on Monday. Staff in Tiblisi said the rent was high.\n"
    assert [f["code"] for f in _found(tmp_path, text)] == ["NMS001"]
    path = write(tmp_path / "b.txt", text)
    _, findings = check_json("--select", "name-misspelling", "--ignore", "NMS001", str(path))
    assert [f["code"] for f in findings] == ["NMS002"]


def test_place_near_miss_from_the_gazetteer(tmp_path):
    text = INTRO + "Six people were hurt in two accidents in the Khojavind region on Monday.\n"
    [f] = _found(tmp_path, text, select="NMS002")
    assert (f["code"], f["category"], f["line"], f["column"]) == ("NMS002", "name-misspelling", 3, 46)
    assert f["fix"]["replacement"] == "Khojavend"


def test_gazetteer_other_name_that_is_a_misspelling(tmp_path):
    [f] = _found(tmp_path, INTRO + "The envoy flew on to talks in Tiblisi on Tuesday.\n", select="NMS002")
    assert f["fix"]["replacement"] == "Tbilisi"


def test_place_suggested_is_as_close_as_the_form_that_matched(tmp_path):
    # "Karsun" is the main name of a Russian town and also another name of Carson, California,
    # the bigger place: one edit from "Karasun", but Carson is not a spelling of it.
    [f] = _found(tmp_path, INTRO + "Floods reached the Karasun district on Monday.\n", select="NMS002")
    from rapidfuzz.distance import OSA

    assert f["fix"]["replacement"] != "Carson"
    assert OSA.distance("karasun", f["fix"]["replacement"].lower()) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "Six people were hurt in the Khojavend region on Monday.",  # the right spelling
        "The Valdoriak region and the Valdoriak coast were hit.",  # the article's own name, twice
        "The envoy met Petra Zakharova in the capital.",  # no place word beside it
        "Shares in Deutsche Bank rose.",  # an ending, not a slip ("Deutsch")
        "The plant in Trollhaettan will close.",  # transliteration of Trollhättan
    ],
)
def test_place_near_miss_leaves_alone(tmp_path, sentence):
    assert _found(tmp_path, INTRO + sentence + "\n", select="NMS002") == []


def test_place_near_miss_respects_accept(tmp_path):
    write(tmp_path / "newslint.toml", 'accept = ["Khojavind"]\n')
    assert _found(tmp_path, INTRO + "Two accidents in the Khojavind region.\n", select="NMS002") == []


LINEUP_PROSE = (INTRO + "Horgan scored twice for the harbour side on Sunday.\n\n"
                "Horgan later said the pitch was heavy.\n\n")


def test_two_common_surnames_in_a_line_up_are_two_players(tmp_path):
    text = LINEUP_PROSE + "Harbour: Dale, Moss, Kerr, Horan, Hale, Horgan, Lind, Webb.\n"
    assert [f["code"] for f in _found(tmp_path, text)] == []


def test_the_same_near_miss_in_prose_is_still_reported(tmp_path):
    text = LINEUP_PROSE + "Horan was taken off after an hour.\n"
    [f] = _found(tmp_path, text)
    assert (f["code"], f["line"], f["column"], f["fix"]["replacement"]) == ("NMS001", 7, 1, "Horgan")


def test_fold_gives_ascii_names_the_key_the_full_folding_gives():
    import re as _re
    import unicodedata

    from newslint.names import fold

    def full(text: str) -> str:  # the folding every name gets, diacritics and all
        bare = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
        return _re.sub(r"[\s\-‐‑–.]", "", bare).replace("’", "'").casefold()

    names = ["Forestier-Walker", "Forestier Walker", "McDonald", "St. Albans", "O'Neill", "Ho\tChi\nMinh",
             "Saint-Aubin-sur-Mer", "A\x1cB", "Zürich", "Zurich", "Ba’ath", "Nagorno‑Karabakh"]
    names += ["".join(chr(c) for c in range(start, start + 16)) for start in range(0, 128, 16)]
    for name in names:
        assert fold(name) == full(name), repr(name)
    assert fold("Zürich") == fold("Zurich") == "zurich" and fold("Ba’ath") == fold("Ba'ath")
