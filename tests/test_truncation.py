"""Truncation rules (TRN001-TRN004): cut-off text is found, finished text of every kind is not."""

from __future__ import annotations

import pytest

from tests.util import positions

HEADLINE = "Harbour reopens after winter storms"
INTRO = "The harbour in Brackwater reopened on Monday after three weeks of repairs, the port authority said."


def _found(tmp_path, text: str, name: str = "a.txt") -> list[tuple[str, int, int]]:
    return positions(tmp_path, text, "truncation", name)


def test_paragraph_ending_on_a_function_word(tmp_path):
    text = f"{HEADLINE}\n\n{INTRO}\n\nThe first ferry will leave from the northern pier of\n\nTickets go on sale today.\n"
    assert _found(tmp_path, text) == [("TRN001", 5, 51)]


def test_article_ending_mid_word(tmp_path):
    text = f"{HEADLINE}\n\n{INTRO}\n\nAsked about the cost, the spokesman declin\n"
    [(code, line, column)] = _found(tmp_path, text)
    assert (code, line) == ("TRN001", 5)


def test_paragraph_ending_on_a_comma(tmp_path):
    text = f"{HEADLINE}\n\n{INTRO}\n\nThe mayor thanked the divers, the engineers and the crane crews,\n\nWork ends in May.\n"
    assert [c for c, _, _ in _found(tmp_path, text)] == ["TRN001"]


@pytest.mark.parametrize("ending", ["would…", "would...", "would […]", "would (...)"])
def test_cut_off_marker_at_the_end(tmp_path, ending):
    text = f"{HEADLINE}\n\n{INTRO}\n\nOfficials said the new quay {ending}\n"
    assert [c for c, _, _ in _found(tmp_path, text)] == ["TRN002"]


@pytest.mark.parametrize("marker", ["Read more", "Continue reading »"])
def test_read_more_marker(tmp_path, marker):
    text = f"{HEADLINE}\n\nThe harbour reopened on Monday after repairs. {marker}\n\nTickets go on sale today.\n"
    assert [(c, line) for c, line, _ in _found(tmp_path, text)] == [("TRN002", 3)]


def test_ellipsis_inside_an_article_is_style_not_a_cut(tmp_path):
    text = f"{HEADLINE}\n\nThe mayor paused... and then smiled.\n\nHe said the harbour was ready...\n\n{INTRO}\n"
    assert _found(tmp_path, text) == []


def test_unclosed_quotation_and_parenthesis(tmp_path):
    text = (f"{HEADLINE}\n\n{INTRO}\n\nThe mayor said: “We will rebuild the pier before the summer.\n\n"
            "Work starts next week (weather permitting.\n\nTickets go on sale today.\n")
    assert _found(tmp_path, text) == [("TRN003", 5, 17), ("TRN003", 7, 23)]


def test_quotation_continued_in_the_next_paragraph_is_not_unclosed(tmp_path):
    text = (f"{HEADLINE}\n\n“We will rebuild the pier before the summer.\n\n"
            "“Then we will dredge the channel,” the mayor said.\n")
    assert _found(tmp_path, text) == []


def test_sentence_split_by_a_paragraph_break(tmp_path):
    text = f"{HEADLINE}\n\n{INTRO}\n\nThe council said the new bridge\n\nwould open to traffic in May.\n"
    assert _found(tmp_path, text) == [("TRN004", 5, 26)]


@pytest.mark.parametrize(
    "text",
    [
        # headline and subheadings, short and unpunctuated
        f"{HEADLINE}\n\n{INTRO}\n\nWhat happens next\n\nRepairs continue until May.\n",
        # a question subheading
        f"{HEADLINE}\n\n{INTRO}\n\nWhy did the harbour close?\n\nStorms damaged the quay.\n",
        # byline and dateline
        f"{HEADLINE}\n\nBy Mara Lindqvist\n\nBRACKWATER (Valley News) - {INTRO}\n",
        # a line ending in a colon introduces a list
        f"{HEADLINE}\n\nThe council listed three reasons:\n\n- storm damage\n- silted channels\n- old cranes\n\nRepairs continue.\n",
        # sign-offs and credits at the end
        f"{HEADLINE}\n\n{INTRO}\n\nReporting by Mara Lindqvist; Editing by Tom Hale\n",
        f"{HEADLINE}\n\n{INTRO}\n\n(Valley News)\n",
        f"{HEADLINE}\n\n{INTRO}\n\nPhoto: Harbour Authority\n",
        f"{HEADLINE}\n\n{INTRO}\n\nMara Lindqvist is a reporter for the Valley News\n",
        f"{HEADLINE}\n\n{INTRO}\n\nCopyright 2026 Valley News. All rights reserved\n",
        # a credit line of names and a fixture line
        f"{HEADLINE}\n\n{INTRO}\n\nTom Hale (Brackwater), Ines Kerr (Lowmoor)\n",
    ],
    ids=["subheading", "question", "byline-dateline", "colon-list", "reporting-by", "source-credit",
         "photo-credit", "bio", "copyright", "credit-line"],
)
def test_finished_text_is_not_truncation(tmp_path, text):
    assert _found(tmp_path, text) == []


def test_markdown_headings_list_items_table_cells_and_captions_are_not_truncation(tmp_path):
    text = (
        "# Harbour reopens after winter storms\n\n"
        f"{INTRO}\n\n## What the council decided\n\n"
        "- dredge the northern channel\n- replace the old cranes of\n\n"
        "| Berth | Status |\n|---|---|\n| North | open again after |\n\n"
        "Repairs continue until May.\n"
    )
    assert _found(tmp_path, text, "a.md") == []


def test_html_caption_is_not_truncation(tmp_path):
    text = (f"<h1>{HEADLINE}</h1><p>{INTRO}</p><figure><img src='x.jpg'>"
            "<figcaption>The quay at dawn, seen from the</figcaption></figure><p>Repairs continue.</p>")
    assert _found(tmp_path, text, "a.html") == []


def test_single_headline_file_is_not_truncation(tmp_path):
    assert _found(tmp_path, f"{HEADLINE}\n") == []
