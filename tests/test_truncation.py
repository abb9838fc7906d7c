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


@pytest.mark.parametrize("marker", ["Read more", "Continue reading", "[...]"])
def test_a_marker_ending_the_article_is_one_finding_the_markers(tmp_path, marker):
    text = f"{HEADLINE}\n\n{INTRO}\n\nThe harbour reopened on Monday after repairs. {marker}\n"
    assert [(c, line) for c, line, _ in _found(tmp_path, text)] == [("TRN002", 5)]


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
        # a note in brackets after the last full sentence
        f"{HEADLINE}\n\n{INTRO} Ferries will run hourly. (Timetable as of 3 May)\n",
        # a closing quote spaced off the full stop, and one written German-style
        f"{HEADLINE}\n\n{INTRO}\n\n\"We will rebuild it by the summer. \"\n",
        f"{HEADLINE}\n\n{INTRO}\n\n„We will rebuild it by the summer.“\n",
        # a headline that ends on a quotation, whose last word is the speaker's
        f'Mayor speaks out: "This town knows what a harbour is"\n\n{INTRO}\n',
    ],
    ids=["subheading", "question", "byline-dateline", "colon-list", "reporting-by", "source-credit",
         "photo-credit", "bio", "copyright", "credit-line", "note-after-sentence", "spaced-quote",
         "german-quote", "quoted-headline"],
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


# --- Articles broken at many paragraph breaks (TRN005) and sentences split in three (TRN004) ---

MANGLED = (
    f"{HEADLINE}\n\n{INTRO}\n\n"
    "won the first race of the day in record time.\n\n"
    "Her sister finished second behind\n\n"
    "and took the relay title an hour later.\n\n"
    ", who trains in Hull, was third in the long jump.\n"
)


def test_many_broken_paragraph_starts_are_one_finding(tmp_path):
    found = positions(tmp_path, MANGLED, "truncation,fragment")
    assert found == [("TRN005", 5, 1)]


def test_broken_paragraphs_message_lists_the_other_lines(tmp_path):
    from tests.util import check_json, write

    path = write(tmp_path / "a.txt", MANGLED)
    _, findings = check_json("--select", "TRN005", str(path))
    assert "3 paragraphs start mid-sentence (also at lines 9, 11)" in findings[0]["message"]


def test_two_broken_starts_are_reported_one_by_one(tmp_path):
    text = (f"{HEADLINE}\n\n{INTRO}\n\nHer sister finished second behind\n\nthe champion from Leeds.\n\n"
            "The relay team set a record in\n\nthe final race of the day.\n")
    assert _found(tmp_path, text) == [("TRN004", 5, 28), ("TRN004", 9, 29)]


def test_sentence_split_in_three_is_one_finding(tmp_path):
    text = (f"{HEADLINE}\n\n{INTRO}\n\nThe minister said the role they took was that of an\n\n"
            "agent provocateur\n\nand nothing more.\n")
    assert _found(tmp_path, text) == [("TRN004", 5, 50)]


def test_paragraph_opening_with_a_bracketed_aside_is_not_a_split(tmp_path):
    text = "Leeds win the cup in extra time\n\n(after extra time, score at 90 minutes 1-1)\n\n" \
           "Leeds beat Hull in the final on Sunday.\n"
    assert _found(tmp_path, text) == []


# --- Closing lines that are not prose ---

@pytest.mark.parametrize("closing", [
    "Referee: P Dale (Kent)",
    "The Harbour Game is out now for the PC and the Mac",
    "The album is out on Monday",
    "You can hear more on the BBC World Service programme, Harbour Talk",
])
def test_closing_label_and_availability_lines_are_not_cut_paragraphs(tmp_path, closing):
    text = f"{HEADLINE}\n\n{INTRO}\n\nThe new quay will open in May, the port authority added.\n\n{closing}\n"
    assert _found(tmp_path, text) == []


def test_last_line_of_a_results_list_is_not_a_cut_paragraph(tmp_path):
    text = f"{HEADLINE}\n\n{INTRO}\n\nCUP WINNERS\n\nLeeds v Hull\n\nYork v Bath\n\nWinners meet in the final\n"
    assert _found(tmp_path, text) == []


def test_markup_left_after_the_full_stop_is_not_a_cut(tmp_path):
    text = f"{HEADLINE}\n\n{INTRO}\n\nThe crews worked through the night. br /&gt;\n\nWork ends in May.\n"
    assert _found(tmp_path, text) == []


def test_cut_article_ending_on_a_content_word_is_still_found(tmp_path):
    text = f"{HEADLINE}\n\n{INTRO}\n\nThe port authority said the new quay would serve the ferries and the fishing\n"
    assert [c for c, _, _ in _found(tmp_path, text)] == ["TRN001"]


# --- Quotations that run on, and emoticons ---

def test_quotation_resumed_after_a_paragraph_without_marks_is_not_unclosed(tmp_path):
    text = (f"{HEADLINE}\n\n{INTRO}\n\nThe mayor said: \"We owe the divers a great deal.\n\n"
            "They worked in the dark for weeks.\n\n\"We will not forget it.\"\n")
    assert _found(tmp_path, text) == []


def test_quotation_closed_in_a_later_paragraph_is_not_unclosed(tmp_path):
    text = (f"{HEADLINE}\n\n{INTRO}\n\nThe mayor said: \"We owe the divers a great deal.\n\n"
            "They worked in the dark for weeks and never complained.\"\n")
    assert _found(tmp_path, text) == []


def test_quotation_laid_out_a_sentence_a_paragraph_is_not_unclosed(tmp_path):
    # Transcripts and translated copy give each sentence of a long quotation its own paragraph.
    text = (f"{HEADLINE}\n\n{INTRO}\n\nThe mayor said: \"We owe the divers a great deal.\n\n"
            "They worked in the dark for weeks.\n\nThey never complained.\n\nThey slept on the quay.\n\n"
            "Their families waited.\n\nWe will not forget it.\"\n\nWork ends in May.\n")
    assert _found(tmp_path, text) == []


@pytest.mark.parametrize("paragraph", [
    '"We owe the divers a great deal, " the mayor said.',  # a closing quote spaced off its comma
    '"We owe the divers a great deal.“ The mayor left.',  # closed with "“", as German writes it
])
def test_closing_marks_machine_translation_misplaces_close_the_quotation(tmp_path, paragraph):
    text = f"{HEADLINE}\n\n{INTRO}\n\n{paragraph}\n\nWork ends in May.\n"
    assert _found(tmp_path, text) == []


def test_a_quotation_mark_spaced_off_its_word_still_opens_one(tmp_path):
    text = f"{HEADLINE}\n\n{INTRO}\n\nThe mayor said \" we owe the divers a great deal.\n\nWork ends in May.\n"
    assert [code for code, _, _ in _found(tmp_path, text)] == ["TRN003"]


def test_emoticon_bracket_is_not_an_unclosed_parenthesis(tmp_path):
    text = f"{HEADLINE}\n\n{INTRO}\n\nThe ferry is late again :-(\n\nWork ends in May.\n"
    assert _found(tmp_path, text) == []


def test_article_cut_right_after_an_opening_quote_is_unfinished(tmp_path):
    # A quotation mark spaced off a full stop closes a sentence; after a colon it opens one.
    text = f"{HEADLINE}\n\n{INTRO}\n\nThe mayor said: \"\n"
    assert [code for code, _, _ in _found(tmp_path, text)] == ["TRN001", "TRN003"]
