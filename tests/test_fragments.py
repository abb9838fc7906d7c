"""Fragment rules (FRG001-FRG003): stubs, verbless sentences and lowercase starts, and what is not."""

from __future__ import annotations

import pytest

from tests.util import check_json, positions, write

HEADLINE = "Border crossing closes for the winter"
FULL = "The ministry confirmed the closure of the northern border crossing on Monday."


def _found(tmp_path, text: str, name: str = "a.txt") -> list[tuple[str, int, int]]:
    return positions(tmp_path, text, "fragment", name)


def test_one_word_lowercase_stub_after_a_full_sentence(tmp_path):
    found = _found(tmp_path, f"{HEADLINE}\n\n{FULL} warning.\n")
    column = len(FULL) + 2
    assert found == [("FRG001", 3, column), ("FRG003", 3, column)]


@pytest.mark.parametrize("stub", ["did.", "Carried out.", "Patrol."])
def test_stranded_verb_forms_are_stubs(tmp_path, stub):
    # a finite form or a participle on its own is not a command, unlike "Listen."
    assert [code for code, *_ in _found(tmp_path, f"{HEADLINE}\n\n{FULL} {stub}\n")][:1] == ["FRG001"]


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
        "And always.",  # two words, the same
        "But never again.",
        "Many fear the worst.",
        "Listen.",  # a command is a whole sentence
        "Cold. Wet. Dark.",  # stubs in a row: a writer's rhythm
    ],
)
def test_sentences_that_are_not_fragments(tmp_path, sentence):
    assert _found(tmp_path, f"{HEADLINE}\n\n{FULL} {sentence}\n") == []


def test_brand_names_numbers_and_particles_may_start_lowercase(tmp_path):
    text = (f"{HEADLINE}\n\n{FULL}\n\niPhone sales rose in the region last year.\n\n"
            "eBay said it would open a new office.\n\nde Vries declined to comment on the plan.\n\n"
            "3 people were hurt in the queue.\n")
    assert _found(tmp_path, text) == []


def test_a_lowercase_brand_the_article_writes_so_elsewhere_may_start_a_sentence(tmp_path):
    text = (f"{HEADLINE}\n\nThe privacy group zorvik filed the complaint in May.\n\n"
            "zorvik welcomed the ruling on Friday. meanwhile the border stayed shut, and meanwhile "
            "trade fell.\n")
    # a word the dictionary knows lost its capital; the brand did not
    assert _found(tmp_path, text) == [("FRG003", 5, 39)]
    alone = f"{HEADLINE}\n\n{FULL}\n\nzorvik welcomed the ruling on Friday.\n"
    assert _found(tmp_path, alone) == [("FRG003", 5, 1)]


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


# --- Voice: columns, reviews and readers' comments use fragments on purpose ---

COMMENTS = (
    "Your views on the winter closure\n\n"
    "I cross the border every week for work. Not a chance I can afford the detour.\n\n"
    "My family lives on the other side. A sad day for the region.\n\n"
    "I think the ministry is right. Safety first.\n\n"
    "I have waited for this for years. Good riddance.\n\n"
    "The guards were always polite to me. Shame.\n"
)


def test_fragments_in_first_person_writing_are_not_flagged(tmp_path):
    assert [c for c, _, _ in _found(tmp_path, COMMENTS) if c in ("FRG001", "FRG002")] == []


def test_the_same_fragment_in_reported_news_is_flagged(tmp_path):
    text = f"{HEADLINE}\n\n{FULL} A sad day for the region.\n"
    assert [c for c, _, _ in _found(tmp_path, text)] == ["FRG002"]


def test_fragment_in_the_writers_own_voice_is_not_flagged(tmp_path):
    text = f"{HEADLINE}\n\n{FULL} For me, the saddest day of the year.\n"
    assert _found(tmp_path, text) == []


@pytest.mark.parametrize("answer", [
    "Will the crossing reopen in spring? In part, certainly.",
    "The guards waited for news... Nothing for hours.",
    "No doubt about that.",
    "Some resort to the mountain pass instead.",
    "The old crossing - a relic of the war - the busiest in the north.",
])
def test_answers_trailing_thoughts_idioms_and_appositions_are_not_verbless(tmp_path, answer):
    assert _found(tmp_path, f"{HEADLINE}\n\n{FULL} {answer}\n") == []


@pytest.mark.parametrize("pair", [
    "On a calm day the ferry carries 400 cars. On a stormy day, barely a dozen.",
    "Last winter the port employed three hundred dockers. Last summer, just a handful of them.",
])
def test_a_sentence_that_leaves_out_the_verb_of_the_one_before_is_not_verbless(tmp_path, pair):
    assert _found(tmp_path, f"{HEADLINE}\n\n{pair}\n") == []


def test_a_verbless_piece_that_does_not_echo_its_neighbour_is_still_flagged(tmp_path):
    text = f"{HEADLINE}\n\nOn Monday the crossing closed for the winter. A new chapter, for the whole region.\n"
    assert [code for code, _, _ in _found(tmp_path, text)] == ["FRG002"]


def test_a_sentence_in_another_language_is_untranslated_text_not_a_verbless_sentence(tmp_path):
    text = (f"{HEADLINE}\n\n{FULL} El ministro dijo que las negociaciones continuarán la próxima semana. "
            "The next round is due in May.\n")
    path = write(tmp_path / "a.txt", text)
    assert [f["code"] for f in check_json("--select", "fragment,MTA402", str(path))[1]] == ["MTA402"]


def test_stray_full_stop_is_one_finding(tmp_path):
    text = f"{HEADLINE}\n\n{FULL} Overall. traffic fell by a third.\n"
    assert [c for c, _, _ in _found(tmp_path, text)] == ["FRG003"]


def test_bracketed_aside_may_start_in_lowercase(tmp_path):
    text = f"{HEADLINE}\n\n{FULL} (see the map below.) Traffic fell by a third.\n"
    assert _found(tmp_path, text) == []


def test_dotted_abbreviation_before_a_lowercase_word_does_not_end_the_sentence(tmp_path):
    text = f"{HEADLINE}\n\nFans want cartoons such as M.A.S.K. made into films.\n"
    assert _found(tmp_path, text) == []


def test_paragraph_start_of_a_broken_sentence_is_not_a_fragment(tmp_path):
    # The break is reported by TRN004; the piece after it is not also a verbless sentence.
    text = f"{HEADLINE}\n\n{FULL} Trade stopped at the crossing of\n\nthe northern province.\n"
    assert _found(tmp_path, text) == []
