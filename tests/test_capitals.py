"""MTA101: common nouns capitalised mid-sentence, and the capitals news prose keeps."""

from __future__ import annotations

import pytest

from tests.util import check_json, positions, write


def test_capitalised_common_nouns_are_flagged_with_a_lowercase_fix(tmp_path):
    text = ("Officials opened corridors to allow Civilians evacuated.\n\n"
            "Mines were laid and Landmines were brought into the valley.\n")
    assert positions(tmp_path, text, "MTA101") == [("MTA101", 1, 37), ("MTA101", 3, 21)]
    _, findings = check_json("--select", "MTA101", str(tmp_path / "a.txt"))
    assert [f["fix"]["replacement"] for f in findings] == ["civilians", "landmines"]


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
