"""The document model: blocks, the map back to the file, sentences and words shared by rules."""

from __future__ import annotations

from newslint.document import DocumentBuilder, LineIndex, SourceMap
from newslint.sources import SourceOptions, load


def test_plain_text_blocks_and_positions():
    text = "Headline here\n\nFirst paragraph wraps\nonto a second line.\n\n\nLast one.\n"
    doc = load("text", "a.txt", text, SourceOptions()).documents[0]
    assert [b.text for b in doc.blocks] == ["Headline here", "First paragraph wraps\nonto a second line.", "Last one."]
    onto = doc.text.index("onto")
    assert doc.position(onto) == (4, 1)
    assert doc.position(doc.text.index("Last")) == (7, 1)


def test_unwrapped_lines_are_paragraphs_of_their_own():
    long_line = "A paragraph that is clearly longer than any hand-wrapped line would be, written by a scraper that never wraps its output."
    text = f"{long_line}\n{long_line}\nShort tail line.\n"
    doc = load("text", "a.txt", text, SourceOptions()).documents[0]
    assert len(doc.blocks) == 3 and doc.blocks[2].text == "Short tail line."
    assert doc.position(doc.blocks[2].start) == (3, 1)


def test_crlf_positions():
    doc = load("text", "a.txt", "One.\r\n\r\nTwo words.\r\n", SourceOptions()).documents[0]
    assert [b.text for b in doc.blocks] == ["One.", "Two words."]
    assert doc.position(doc.text.index("words")) == (3, 5)


def test_sentences_and_words_are_computed_once_and_linked():
    doc = load("text", "a.txt", "One two. Three four.\n\nFive.\n", SourceOptions()).documents[0]
    assert [s.text for s in doc.sentences] == ["One two.", "Three four.", "Five."]
    assert [s.block for s in doc.sentences] == [0, 0, 1]
    assert doc.sentences is doc.sentences
    assert [w.text for w in doc.words_of(doc.sentences[1])] == ["Three", "four"]
    assert [w.sentence for w in doc.words] == [0, 0, 1, 1, 2]


def test_source_map_atomic_segments_and_contiguity():
    smap = SourceMap()
    smap.add(0, 10, 4, 4)  # "Tom " copied from offset 10
    smap.add(4, 14, 1, 5)  # "&" from "&amp;"
    smap.add(5, 19, 6, 6)  # " Jerry"
    assert smap.to_source(2) == 12
    assert smap.to_source(4) == 14 and smap.to_source_end(5) == 19
    assert smap.to_source(6) == 20
    assert smap.is_contiguous(0, 4) and smap.is_contiguous(5, 11)
    assert not smap.is_contiguous(3, 6)


def test_source_span_agrees_with_start_and_end_mapped_apart():
    smap = SourceMap()
    smap.add(0, 10, 4, 4)  # "Tom " copied from offset 10
    smap.add(4, 14, 1, 5)  # "&" from "&amp;"
    smap.add(5, 19, 6, 6)  # " Jerry"
    smap.add(12, 30, 3, 3)  # after a gap in the document
    for start in range(0, 16):
        for end in range(start, 17):
            assert smap.to_source_span(start, end) == (smap.to_source(start), smap.to_source_end(end)), (start, end)
    assert SourceMap().to_source_span(3, 7) == (3, 7)


def test_span_positions_agree_with_span_position_one_by_one():
    # An HTML entity (an atomic segment), wrapped lines, CRLF, and spans in and out of order.
    text = "<p>Tom &amp; Jerry met\r\nthe Smiths.</p>\n\n<p>Then Tom left &amp; ran.</p>\n"
    doc = load("html", "a.html", text, SourceOptions()).documents[0]
    n = len(doc.text)
    spans = [(start, end) for start in range(n + 1) for end in range(start - 1, n + 2)]
    expected = [doc.span_position(start, end) for start, end in spans]
    assert doc.span_positions(spans) == expected
    assert doc.span_positions(spans[::-1]) == expected[::-1]


def test_builder_drops_blank_blocks_and_maps_synthetic_text():
    source = "alpha\n   \nbeta"
    b = DocumentBuilder("x", source, "text")
    b.add("alpha", 0)
    b.end_block()
    b.add("   ", 6)
    b.end_block()
    b.add("beta", 10)
    b.add_synthetic(" ")
    b.end_block()
    doc = b.build()
    assert doc.text == "alpha\n\nbeta "
    assert [blk.text for blk in doc.blocks] == ["alpha", "beta"]
    assert doc.position(doc.text.index("beta")) == (3, 1)


def test_line_index():
    idx = LineIndex("ab\ncd\r\nef")
    assert idx.position(0) == (1, 1) and idx.position(4) == (2, 2) and idx.position(7) == (3, 1)
    assert idx.line_text(2) == "cd"


def test_line_index_span_agrees_with_both_ends_placed_apart():
    text = "ab\ncd\r\n\nef\n"
    idx = LineIndex(text)
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            assert idx.span(start, end) == (*idx.position(start), *idx.position(end)), (start, end)


def test_line_index_excerpt_keeps_a_short_line_whole_and_a_window_of_a_long_one():
    from newslint.findings import EXCERPT_WIDTH

    idx = LineIndex("short line\r\n" + "x" * 5000 + "\n")
    assert idx.excerpt(1, 3) == ("short line", 0, 10)  # as line_text: no line break
    line = idx.line_text(2)
    for column in (1, 150, 2500, 4990, 5001, 9999):
        text, start, length = idx.excerpt(2, column)
        assert length == 5000 and len(text) == EXCERPT_WIDTH and text == line[start:start + len(text)]
        assert start <= max(column - 1, 0) - 40 or start == 0 or start + len(text) == length


def test_line_index_is_blank_agrees_with_line_text():
    idx = LineIndex("a\n \t\r\n\n\u3000\u00a0\n x \r\n\r\r")
    assert [idx.is_blank(n) for n in range(1, len(idx.starts) + 1)] == \
        [not idx.line_text(n).strip() for n in range(1, len(idx.starts) + 1)] == \
        [False, True, True, True, False, True, True, True]  # a lone CR ends a line too


def test_span_positions_of_a_record_deep_in_its_file_do_not_walk_from_the_first_line():
    # A JSON Lines record's document shares the LineIndex of the whole file: walking its lines
    # from the first for every record made a 100 MB file quadratic.
    import json
    import re

    text = "".join(json.dumps({"text": f"Talks in Valdoria, day {i}. Valdoria agreed."}) + "\n" for i in range(5000))
    *_, doc = load("jsonl", "a.jsonl", text, SourceOptions()).documents

    class CountingList(list):
        reads = 0

        def __getitem__(self, index):
            CountingList.reads += 1
            return super().__getitem__(index)

    doc.lines.starts = CountingList(doc.lines.starts)
    spans = [(m.start(), m.end()) for m in re.finditer("Valdoria", doc.text)]
    assert doc.span_positions(spans) == [doc.span_position(*span) for span in spans]
    CountingList.reads = 0
    assert [line for line, *_ in doc.span_positions(spans)] == [5000, 5000]
    assert CountingList.reads < 100  # a binary search and a few steps, not 5,000
