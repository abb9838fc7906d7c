"""Spacing around punctuation (MTA110-MTA113) and duplicated sentences and paragraphs (MTA302-303)."""

from __future__ import annotations

import pytest

from tests.util import positions, run_cli, write


@pytest.mark.parametrize("text, expected", [
    ("The minister said , adding that talks went on.\n", [("MTA110", 1, 18)]),
    ("Talks were held in Moscow ; they failed.\n", [("MTA110", 1, 26)]),
    ("The statement ( issued on Monday ) was brief.\n", [("MTA111", 1, 16), ("MTA111", 1, 33)]),
    ("The talks,which began on Monday, went on.\n", [("MTA112", 1, 10)]),
    ("The minister said,, adding that talks went on.\n", [("MTA113", 1, 18)]),
    ("The plan was fair ,the mayor said.\n", [("MTA110", 1, 18)]),  # the space on the wrong side
])
def test_spacing_findings(tmp_path, text, expected):
    assert positions(tmp_path, text, "MTA110,MTA111,MTA112,MTA113") == expected


@pytest.mark.parametrize("text", [
    "About 1,000 people attended (most of them from the valley).\n",
    "The match ended in a draw . . . or so it seemed.\n",
    "He waited... and then left.\n",
    "Was it fair? Yes!\n",
    "The axes were labelled x ,y on the chart.\n",  # a single letter after the comma: symbols
])
def test_correct_spacing_is_not_flagged(tmp_path, text):
    assert positions(tmp_path, text, "MTA110,MTA111,MTA112,MTA113") == []


def test_spacing_fixes(tmp_path):
    path = write(tmp_path / "a.txt", "The minister said , adding ( on Monday ) that talks,which began, went on.\n")
    run_cli("check", "--fix", "--select", "MTA110,MTA111,MTA112", str(path))
    assert path.read_text() == "The minister said, adding (on Monday) that talks, which began, went on.\n"


def test_duplicated_sentence_and_paragraph(tmp_path):
    sentence = "The council approved the new harbour budget on Monday evening."
    paragraph = "Residents said they welcomed the plan and hoped that work would start before the summer."
    text = f"{sentence} Work starts in May.\n\n{paragraph}\n\nIt was, {sentence}\n\n{paragraph}\n"
    found = positions(tmp_path, text, "MTA302,MTA303")
    assert found == [("MTA303", 7, 1)]  # "It was, …" is a different sentence
    text2 = f"{sentence} Work starts in May.\n\nLater that week: {sentence}\n\nOthers agreed. {sentence}\n"
    assert positions(tmp_path, text2, "MTA302,MTA303") == [("MTA302", 5, 16)]


def test_copies_that_differ_in_case_and_white_space_are_still_repeats(tmp_path):
    # The copy breaks its line, doubles a space and shouts a word: folded, it is the same text.
    sentence = "The council approved the new harbour budget on Monday evening."
    copy = "The council approved the NEW harbour  budget\non Monday evening."
    text = f"{sentence} Work starts in May.\n\nOthers agreed. {copy}\n"
    assert positions(tmp_path, text, "MTA302,MTA303") == [("MTA302", 3, 16)]
    paragraph = "Residents said they welcomed the plan and hoped that work would start before the summer."
    text = f"{paragraph}\n\nWork starts in May.\n\n{paragraph.upper()}\n\n{paragraph.replace(' ', '   ')}\n"
    assert positions(tmp_path, text, "MTA302,MTA303") == [("MTA303", 5, 1), ("MTA303", 7, 1)]


def test_short_sentences_may_repeat(tmp_path):
    assert positions(tmp_path, "He declined to comment.\n\nShe declined too. He declined to comment.\n",
                     "MTA302,MTA303") == []


def test_spacing_rules_leave_first_person_comments_alone(tmp_path):
    from tests.util import positions

    comments = ("I think the ferry is a disgrace !!! I waited for hours .\n\n"
                "My children were cold , and I told the crew so.\n\nI will not go again.\n")
    assert positions(tmp_path, comments, "MTA110,MTA113") == []
    report = "The ferry was late , the operator said on Monday.\n"
    assert [c for c, _, _ in positions(tmp_path, report, "MTA110,MTA113")] == ["MTA110"]


def test_a_space_on_the_wrong_side_of_a_comma_moves_after_it_with_fix(tmp_path):
    path = write(tmp_path / "a.txt", "The plan was fair ,the mayor said.\n")
    run_cli("check", "--fix", "--select", "MTA110", str(path))
    assert path.read_text(encoding="utf-8") == "The plan was fair, the mayor said.\n"
