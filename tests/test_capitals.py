"""MTA101: common nouns capitalised mid-sentence, and the capitals news prose keeps."""

from __future__ import annotations

import pytest

from tests.util import check_json, positions, write


def test_capitalised_common_nouns_are_flagged_with_a_lowercase_fix(tmp_path):
    text = ("Officials opened corridors to allow Civilians evacuated.\n\n"
            "Mines were laid and Landmines were brought into the valley.\n")
    assert positions(tmp_path, text, "MTA101") == [("MTA101", 1, 37), ("MTA101", 3, 21)]
    _, findings = check_json("--select", "MTA101", "--unsafe-fixes", str(tmp_path / "a.txt"))
    assert [f["fix"]["replacement"] for f in findings] == ["civilians", "landmines"]
    assert {f["fix"]["applicability"] for f in findings} == {"unsafe"}  # the word may be a title
    _, findings = check_json("--select", "MTA101", str(tmp_path / "a.txt"))
    assert [f["fix"] for f in findings] == [None, None]


@pytest.mark.parametrize("sentence", [
    "The bill passed the Senate on Monday and went to the President for signature.",
    "Officials said the Pope would visit the region in May.",
    "Trucks reached the Lachin Corridor on Monday.",
    "Civilians were evacuated on Monday.",
    "The message was clear: Civilians must leave.",
    "He said “Civilians first” and left.",
    "Talks were held in Geneva on Monday.",
])
def test_capitals_news_prose_keeps(tmp_path, sentence):
    assert positions(tmp_path, f"Border talks resume\n\n{sentence}\n", "MTA101") == []


def test_headings_are_not_checked(tmp_path):
    write(tmp_path / "a.md", "# Talks allow Civilians home\n\nThe talks went on.\n")
    assert check_json("--select", "MTA101", str(tmp_path / "a.md"))[1] == []


@pytest.mark.parametrize("sentence", [
    "A spokesman for the Department of Work and Pensions said the office would close.",
    "The harbour comedy Sideways won the audience prize on Sunday.",
    "The money raised went to the housing charity Shelter on Monday.",
])
def test_names_of_institutions_and_works_are_not_flagged(tmp_path, sentence):
    assert _mta101(tmp_path, sentence) == []


def test_a_word_joined_to_a_title_that_ends_in_a_number_is_part_of_a_title_run(tmp_path):
    assert _mta101(tmp_path, "She presented the radio shows Studio 54 and Landmines in the 1990s.") == []
    # A number alone is no title: the capital is still a slip.
    assert _mta101(tmp_path, "She sold the farm in 2004 and Landmines were found in the valley.") != []


def test_capitalised_noun_after_a_verb_is_still_flagged(tmp_path):
    assert _mta101(tmp_path, "The ministry opened corridors to allow Farmhands evacuated.") != []


@pytest.mark.parametrize("sentence", [
    "The favourite for the prize is Strangers star Mina Okafor, critics said.",
    "Prints by local artists went on sale at the gallery's yearly Sketches auction.",
])
def test_a_title_used_as_a_label_before_a_noun_is_not_flagged(tmp_path, sentence):
    assert _mta101(tmp_path, sentence) == []


@pytest.mark.parametrize("sentence", [
    "Officials said many Farmhands said the harvest was late.",
    "The ministry said that Landmines were found near the road.",
    "The report said some Ferries in the fleet were old.",
])
def test_a_capitalised_noun_before_its_verb_or_a_small_word_is_still_flagged(tmp_path, sentence):
    assert _mta101(tmp_path, sentence) != []


@pytest.mark.parametrize("sentence", [
    "After the storm, many Farmers said their crops were lost.",   # the issue's own example
    "The police said several Vehicles were damaged in the crash.",
    "Aid reached thousands of Refugees in the camps on Monday.",
])
def test_a_counted_noun_is_a_common_noun_even_if_english_also_uses_it_as_a_name(tmp_path, sentence):
    # "Farmers" is also an insurer's name, and a town in the gazetteer; after "many" it is neither.
    assert _mta101(tmp_path, sentence) != []


def test_both_before_a_capital_is_no_count(tmp_path):
    assert _mta101(tmp_path, "Shares in both Value and the pension fund fell on Monday.") == []


def test_a_name_capitalised_in_the_singular_and_the_plural_is_a_name(tmp_path):
    text = ("The deal with Carpets will give the flooring group a foothold in the north.\n\n"
            "The chairman, who will stay on as Carpet chief executive, said the offer was fair.\n")
    assert _mta101(tmp_path, text) == []


@pytest.mark.parametrize("sentence", [
    "The striker scored his first Premiership goal on Saturday.",
    "The winger was sold by Spurs in the summer.",
    "The game maker Blizzard said that the servers were full.",
])
def test_words_english_often_capitalises_are_not_flagged(tmp_path, sentence):
    """rules/data/often-capitalised.txt: words written with a capital at least three times as
    often as the typical common noun (a league, a club, a firm)."""
    assert _mta101(tmp_path, sentence) == []


def test_a_word_the_article_always_capitalises_is_a_name_there(tmp_path):
    # "intellectual" is no lowercase use of "intellect"
    text = ("The lobby group Intellect met ministers on Monday.\n\n"
            "Officials said Intellect would publish advice on intellectual property next week.\n")
    assert _mta101(tmp_path, text) == []


def test_a_word_also_written_in_lowercase_is_a_common_noun(tmp_path):
    text = ("The lobby group Intellect met ministers on Monday.\n\n"
            "Officials said Intellect would test the intellect of the new ministers.\n")
    assert _mta101(tmp_path, text) != []


def test_whether_a_word_is_written_in_lowercase_is_asked_once_a_word(tmp_path, monkeypatch):
    from newslint.checks import capitals

    asked = []
    real = capitals._written_in_lowercase
    monkeypatch.setattr(capitals, "_written_in_lowercase", lambda text, lower: asked.append(lower) or real(text, lower))
    text = "".join(f"Officials said Intellect would meet group {i} on Monday. " for i in range(200))
    assert _mta101(tmp_path, "Lobby talks\n\n" + text + "\n") == []
    assert asked == ["intellect"]  # each search is over the whole text


def test_first_person_comments_are_not_flagged(tmp_path):
    text = ("I think the ferry is a disgrace. I waited for hours.\n\nI have never seen such Chaos at a "
            "harbour. My children were cold.\n\nI will not go again, and I told them so.\n")
    assert _mta101(tmp_path, text) == []


def _mta101(tmp_path, text: str) -> list:
    return positions(tmp_path, f"Border talks resume\n\n{text}\n", "MTA101")


def test_an_article_that_capitalises_nouns_throughout_has_its_weaker_capitals_flagged_too(tmp_path):
    # "Refugees", "Houses", "Children" are also names in English (a charity, a band, a
    # newspaper), so one alone is left; three in one article are German-style capitals.
    text = ("Ferry service resumes\n\n"
            "The army agreed to allow Refugees to leave the valley on Tuesday.\n\n"
            "The council promised new Houses for the families of the flood.\n\n"
            "She said the Children were safe at the school.\n")
    assert positions(tmp_path, text, "MTA101") == [("MTA101", 3, 26), ("MTA101", 5, 26), ("MTA101", 7, 14)]


@pytest.mark.parametrize("text", [
    # one or two nouns that English also writes as names: a magazine, a newspaper
    "The director told Variety the film would open in May.\n\nShe said the Children were safe at home.\n",
    "The army agreed to allow Refugees to leave the valley on Tuesday.\n",
])
def test_one_or_two_capitals_that_may_be_names_are_left_alone(tmp_path, text):
    assert positions(tmp_path, "Ferry service resumes\n\n" + text, "MTA101") == []
