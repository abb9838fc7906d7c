"""Fragment rules (FRG001-FRG003): stubs, verbless sentences and lowercase starts, and what is not."""

from __future__ import annotations

import pytest

from tests.util import positions

HEADLINE = "Border crossing closes for the winter"
FULL = "The ministry confirmed the closure of the northern border crossing on Monday."


def _found(tmp_path, text: str, name: str = "a.txt") -> list[tuple[str, int, int]]:
    return positions(tmp_path, text, "fragment", name)


def test_one_word_lowercase_stub_after_a_full_sentence(tmp_path):
    found = _found(tmp_path, f"{HEADLINE}\n\n{FULL} warning.\n")
    column = len(FULL) + 2
    assert found == [("FRG001", 3, column), ("FRG003", 3, column)]


def test_two_word_stub_split_off_the_previous_sentence(tmp_path):
    text = f"{HEADLINE}\n\nThe crossing is run by the regional guard. Guards patrol.\n"
    assert _found(tmp_path, text) == [("FRG001", 3, 44)]


@pytest.mark.parametrize("fragment", [
    "The beginning of a long dispute.",
    "A new chapter for the region.",
    "Not without controversy.",
    "The start of a large-scale evacuation.",
])
def test_verbless_sentence(tmp_path, fragment):
    text = f"{HEADLINE}\n\n{FULL} {fragment}\n"
    assert _found(tmp_path, text) == [("FRG002", 3, len(FULL) + 2)]


def test_lowercase_subheading_and_sentence_and_paragraph(tmp_path):
    text = (f"{HEADLINE}\n\n{FULL}\n\ndecades of tension\n\n"
            "Talks began on Monday. meanwhile the queues grew longer.\n\n"
            "the prime minister said the crossing would reopen in spring.\n")
    assert _found(tmp_path, text) == [("FRG003", 5, 1), ("FRG003", 7, 24), ("FRG003", 9, 1)]


@pytest.mark.parametrize(
    "sentence",
    [
        "“Never again,” she said.",  # a short quoted sentence
        "“Why?” she asked.",
        "He refused.",  # a pronoun and its verb
        "Yes.",  # a reply
        "Officials said it would reopen in March, April or May.",
        "Three people were hurt.",
        "In 2019, the crossing handled 4,000 lorries a day.",
        "Trade fell sharply.",
        "He said: the plan had failed.",  # continues after a colon
        "The iPhone app and eBay listings were suspended.",
        "She met de Vries and van Dijk on Monday.",
        "What a night.",  # an exclamation, written on purpose
        "But not for long.",  # a deliberate fragment opened by a conjunction
        "Many fear the worst.",
    ],
)
def test_sentences_that_are_not_fragments(tmp_path, sentence):
    assert _found(tmp_path, f"{HEADLINE}\n\n{FULL} {sentence}\n") == []


def test_brand_names_numbers_and_particles_may_start_lowercase(tmp_path):
    text = (f"{HEADLINE}\n\n{FULL}\n\niPhone sales rose in the region last year.\n\n"
            "eBay said it would open a new office.\n\nde Vries declined to comment on the plan.\n\n"
            "3 people were hurt in the queue.\n")
    assert _found(tmp_path, text) == []


@pytest.mark.parametrize(
    "block",
    [
        "By Mara Lindqvist",  # byline
        "Photo: Border Guard",  # credit
        "Reporting by Mara Lindqvist; Editing by Tom Hale.",  # sign-off
        "- lorries\n- buses\n- cars",  # list items
    ],
)
def test_bylines_credits_sign_offs_and_lists_are_not_fragments(tmp_path, block):
    assert _found(tmp_path, f"{HEADLINE}\n\n{FULL}\n\n{block}\n") == []


def test_headings_and_list_items_in_markdown_are_not_fragments(tmp_path):
    text = (f"# {HEADLINE}\n\n{FULL}\n\n## The background\n\n- lorries queue for hours.\n- Long delays.\n\n"
            "> Yes.\n")
    assert _found(tmp_path, text, "a.md") == []


def test_interview_answers(tmp_path):
    text = f"{HEADLINE}\n\nWill the crossing reopen soon?\n\nNo. Not before March, the ministry said.\n"
    assert _found(tmp_path, text) == []
