"""The sentence splitter on hard news cases: abbreviations, initials, decimals, quotes, ellipses."""

from __future__ import annotations

import pytest

from newslint.segment import split_sentences, word_spans

# Each case: the sentences, joined by one space, must come back as they were.
CASES = [
    ["Gov. Lena Marsh signed the bill on Tuesday.", "It takes effect in May."],
    ["Sen. Ortiz and Rep. Kline voted against it.", "The motion failed."],
    ["Dr. Amal Reyes leads the team.", "She joined in 2019."],
    ["The U.S. economy grew 2.4% in the quarter.", "Analysts had expected less."],
    ["Prices rose 3.5 per cent in Jan. and fell in Feb.", "Nobody was surprised."],
    ["The meeting starts at 9 a.m. on Friday.", "Doors open earlier."],
    ["He lives at No. 10 in the old town.", "His neighbours complained."],
    ["J. R. Castell wrote the report.", "It ran to 90 pages."],
    ["Shares in Harlow Corp. fell sharply.", "Traders were nervous."],
    ["“Why now?” she asked.", "Nobody answered."],
    ["“We will not give up,” he said.", "The crowd cheered."],
    ["The talks were, he said, “productive.”", "A deal may follow."],
    ["It was over... or so it seemed.", "Then the rain came."],
    ["The vote is on Nov. 3 this year.", "Turnout may be low."],
    ["The firm, founded by Mr. Odell, employs 400 people.", "Most work in Leeds."],
    ["Temperatures hit 41.2C in the south.", "Records fell."],
    ["Is this the end?", "Not yet, officials say."],
    ["Stop!", "The guard shouted it twice."],
    ["The plan (announced on Monday) was dropped.", "Critics welcomed that."],
    ["Ms. Varga met Prof. Lind at St. Mary's.", "They spoke for an hour."],
    ["The U.K. and the E.U. signed the deal.", "It covers fishing."],
    ["He moved to the U.S. in 1998.", "He never returned."],
    ["The company made $1.2bn last year.", "Profits doubled."],
    ["The gen. secretary resigned.", "A successor is sought."],
    ["Capt. Hale and Lt. Moss were decorated.", "Both served abroad."],
    ["Visit example.com for details.", "Tickets are free."],
    ["The score was 2-1 at half time.", "It ended 3-1."],
    ["The article ends with no full stop"],
    ["Officials arrived on Monday.", "meanwhile the talks went on"],
    ["The drug, approved by the F.D.A. last year, works.", "Doctors agree."],
    ["Col. Ivanov denied it, e.g. in interviews.", "He was later cleared."],
    ["She said: “Never again.”", "Then she left."],
    ["The act (Sec. 4) applies.", "Lawyers disagree."],
    ["Inflation hit 9.1%.", "It was the highest since 1981."],
    ["The bill passed 52-48.", "Sen. Kim voted yes."],
    ["Mt. Elgon erupted centuries ago.", "It is now quiet."],
    ["He spoke to the A.P. on Monday.", "The interview was brief."],
    ["The fire spread over 300 sq. metres of the depot.", "Nobody was hurt."],
    ["The church of Sts. Anna and Joachim reopened.", "Crowds came."],
]


@pytest.mark.parametrize("sentences", CASES, ids=[c[0][:30] for c in CASES])
def test_split(sentences):
    text = " ".join(sentences)
    assert [text[a:b] for a, b in split_sentences(text)] == sentences


def test_spans_exclude_surrounding_space_and_cover_line_breaks():
    text = "  First one.\nSecond one.  "
    assert [text[a:b] for a, b in split_sentences(text)] == ["First one.", "Second one."]


def test_words_keep_inner_apostrophes_hyphens_and_dots():
    text = "Azerbaijan’s so-called U.S.-backed plan, 28-year-old O'Neill's"
    assert [text[a:b] for a, b in word_spans(text)] == ["Azerbaijan’s", "so-called", "U.S.-backed", "plan",
                                                       "28-year-old", "O'Neill's"]
