"""The Markdown source: what is prose, which kind of block it is, and where every character was.

Positions are checked as a user sees them: the line and column newslint prints for a finding.
The helpers at the top are shared with the HTML and JSON Lines source tests.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from newslint.document import Document
from newslint.sources import SourceOptions, load
from newslint.sources.prose import OBJECT
from tests.util import check_json, run_cli, write


# -- helpers shared by the source tests ----------------------------------------------------------
def lint(path: Path, text: str | bytes, *select: str, extra: tuple[str, ...] = ()) -> list[tuple]:
    """Write `text` to `path`, lint it with only `select`; (code, line, column) of each finding."""
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        write(path, text)
    status, findings = check_json("--select", ",".join(select), *extra, str(path))
    assert status in (0, 1)
    return [(f["code"], f["line"], f["column"]) for f in findings]


def findings_of(path: Path, text: str, *select: str) -> list[dict]:
    write(path, text)
    status, findings = check_json("--select", ",".join(select), str(path))
    assert status in (0, 1)
    return findings


def blocks(fmt: str, text: str, options: SourceOptions = SourceOptions()) -> list[tuple[str, int, str]]:
    """(kind, level, text) of the blocks of the first document."""
    doc = load(fmt, "x", text, options).documents[0]
    return [(b.kind, b.level, b.text) for b in doc.blocks]


def where(doc: Document, needle: str, nth: int = 0) -> tuple[int, int]:
    """File (line, column) of the nth occurrence of `needle` in the document's text."""
    offset = -1
    for _ in range(nth + 1):
        offset = doc.text.index(needle, offset + 1)
    return doc.position(offset)


def assert_maps_back(doc: Document, source: str) -> None:
    """Every document character copied from the file maps to that very character (white space
    may stand for other white space: a line break for "\\r\\n", a space for a collapsed run)."""
    smap = doc.source_map
    for start, src, length, src_length in zip(smap.doc_starts, smap.src_starts, smap.doc_lens, smap.src_lens):
        if length != src_length:
            assert src_length > 0 or doc.text[start:start + length].isspace()
            continue
        for got, want in zip(doc.text[start:start + length], source[src:src + length]):
            assert got == want or (got.isspace() and want.isspace()), (doc.text, start, src)


def load_one(fmt: str, text: str, options: SourceOptions = SourceOptions()) -> Document:
    docs = load(fmt, "x", text, options).documents
    assert len(docs) == 1
    assert_maps_back(docs[0], text)
    return docs[0]


# -- blocks and kinds ----------------------------------------------------------------------------
def test_blocks_have_the_kind_of_their_innermost_container():
    text = (
        "# Council meets\n\n"
        "The council met on Monday.\n\n"
        "## Budget\n\n"
        "- Harbour repairs\n"
        "  - Second pier\n"
        "1. First vote\n\n"
        "> The mayor spoke.\n"
        "> - Quoted item\n\n"
        "| Ward | Votes |\n|---|---|\n| North | Twelve |\n\n"
        "Closing words\n=============\n"
    )
    assert blocks("markdown", text) == [
        ("heading", 1, "Council meets"),
        ("paragraph", 0, "The council met on Monday."),
        ("heading", 2, "Budget"),
        ("list-item", 0, "Harbour repairs"),
        ("list-item", 0, "Second pier"),
        ("list-item", 0, "First vote"),
        ("quote", 0, "The mayor spoke."),
        ("list-item", 0, "Quoted item"),
        ("table-cell", 0, "Ward"), ("table-cell", 0, "Votes"),
        ("table-cell", 0, "North"), ("table-cell", 0, "Twelve"),
        ("heading", 1, "Closing words"),
    ]


def test_markers_and_prefixes_are_not_prose_but_positions_are_exact():
    text = "> > Nested quote text\n\n10. Ordered item\n\n   - Indented item\n\n## Closed heading ##\n"
    doc = load_one("markdown", text)
    assert [b.text for b in doc.blocks] == ["Nested quote text", "Ordered item", "Indented item", "Closed heading"]
    assert where(doc, "Nested") == (1, 5)
    assert where(doc, "Ordered") == (3, 5)
    assert where(doc, "Indented") == (5, 6)
    assert where(doc, "Closed") == (7, 4)


def test_soft_line_breaks_stay_line_breaks_and_lazy_lines_belong_to_the_quote():
    doc = load_one("markdown", "> First line of the quote\nlazy second line\n")
    assert doc.blocks[0].text == "First line of the quote\nlazy second line"
    assert doc.blocks[0].kind == "quote"
    assert where(doc, "lazy") == (2, 1)


def test_repeated_word_positions_in_every_kind_of_block(tmp_path):
    text = (
        "# Storm hits the the coast\n\n"          # heading
        "Officials said the the port shut.\n\n"   # paragraph
        "- Ferries and the the buses stopped\n"   # list item
        "  - Schools and the the shops closed\n"  # nested list item
        "\n> Residents said the the wind was loud.\n\n"
        "| Town | Damage |\n|---|---|\n| Rye | Roofs and the the walls |\n"
    )
    assert lint(tmp_path / "a.md", text, "MTA301") == [
        ("MTA301", 1, 14), ("MTA301", 3, 16), ("MTA301", 5, 15), ("MTA301", 6, 17),
        ("MTA301", 8, 18), ("MTA301", 12, 19),
    ]


def test_repeated_word_across_a_soft_line_break_ends_on_the_next_line(tmp_path):
    found = findings_of(tmp_path / "a.md", "The harbour reopened and the\nthe ferries sailed.\n", "MTA301")
    assert [(f["line"], f["column"], f["end_line"], f["end_column"]) for f in found] == [(1, 26, 2, 4)]


# -- what is not prose ---------------------------------------------------------------------------
def test_code_is_not_prose(tmp_path):
    text = (
        "Run the tool first.\n\n"
        "```\nthe the fenced\n```\n\n"
        "~~~text\nthe the tilde\n~~~\n\n"
        "    the the indented\n\n"
        "Type `the the` here, and keep the `x` the gap.\n"
    )
    assert lint(tmp_path / "a.md", text, "MTA301") == []
    doc = load_one("markdown", text)
    assert [b.text for b in doc.blocks] == ["Run the tool first.", f"Type {OBJECT} here, and keep the {OBJECT} the gap."]


def test_links_text_is_prose_but_targets_and_autolinks_are_not(tmp_path):
    text = (
        'Read [the the report](https://example.com/the-the "the the title") today.\n\n'
        "See <https://example.com/the/the> and [a reference][the the] link.\n\n"
        "[the the]: https://example.com/the\n"
    )
    assert lint(tmp_path / "a.md", text, "MTA301") == [("MTA301", 1, 7)]
    doc = load_one("markdown", text)
    assert [b.text for b in doc.blocks] == ["Read the the report today.", f"See {OBJECT} and a reference link."]


def test_images_are_not_prose_and_keep_the_words_around_them_apart(tmp_path):
    text = "![the the harbour](the-the.png)\n\nBoats and the ![a ferry](ferry.jpg) the quay.\n"
    assert lint(tmp_path / "a.md", text, "MTA301") == []
    assert blocks("markdown", text) == [("paragraph", 0, f"Boats and the {OBJECT} the quay.")]


def test_a_block_of_only_code_or_images_is_no_block_but_objects_next_to_words_stay():
    text = "`newslint` reads the file.\n\n![a](a.png) ![b](b.png)\n\nIt ends with `code`\n"
    assert blocks("markdown", text) == [
        ("paragraph", 0, f"{OBJECT} reads the file."), ("paragraph", 0, f"It ends with {OBJECT}")]


def test_messages_show_an_object_as_an_ellipsis_and_keep_their_positions(tmp_path):
    text = "Inline `code` the span.\n\nShe said the ![map](m.png) the new road opens on Monday.\n"
    found = findings_of(tmp_path / "a.md", text, "FRG002", "MTA301")
    assert [(f["code"], f["line"], f["column"], f["end_column"], f["message"]) for f in found] == [
        ("FRG002", 1, 1, 24, "Sentence without a verb: 'Inline … the span.'")]
    html = findings_of(tmp_path / "a.html", "<p>Inline <code>code</code> the span.</p>\n", "FRG002")
    assert [(f["column"], f["end_column"], f["message"]) for f in html] == [
        (4, 38, "Sentence without a verb: 'Inline … the span.'")]
    for fmt in ("text", "concise", "sarif", "github", "junit"):
        assert OBJECT not in run_cli("check", "--format", fmt, "--select", "FRG002", str(tmp_path / "a.md")).stdout


def test_raw_html_blocks_and_inline_html_are_not_prose(tmp_path):
    text = (
        "<div class=\"widget\">\nthe the widget text\n</div>\n\n"
        "Council <span title=\"the the\">approved</span> the plan.<br>Then it adjourned.\n"
    )
    assert lint(tmp_path / "a.md", text, "MTA301") == []
    assert blocks("markdown", text) == [("paragraph", 0, "Council approved the plan.\nThen it adjourned.")]


# -- escapes and entities ------------------------------------------------------------------------
def test_entities_and_escapes_are_decoded_and_map_to_what_is_written(tmp_path):
    text = "Caf&eacute; owners &amp; \\*staff\\* said the the door was shut.\n"
    doc = load_one("markdown", text)
    assert doc.blocks[0].text == "Café owners & *staff* said the the door was shut."
    assert where(doc, "é") == (1, 4)
    assert where(doc, "&") == (1, 20)
    assert where(doc, "*") == (1, 26)
    assert lint(tmp_path / "a.md", text, "MTA301") == [("MTA301", 1, 41)]


def test_hard_breaks_are_line_breaks(tmp_path):
    text = "Home » News » Local\\\nFerry returns after storm\n\nThe quay reopened.  \nLeave a Comment\n"
    assert blocks("markdown", text)[0][2] == "Home » News » Local\nFerry returns after storm"
    assert lint(tmp_path / "a.md", text, "RES001", "RES010") == [("RES001", 1, 1), ("RES010", 5, 1)]


# -- front matter --------------------------------------------------------------------------------
YAML_FRONT = "---\ntitle: Home » News » the the\ntags: [harbour, ferry]\n---\n"
TOML_FRONT = '+++\ntitle = "the the harbour"\ndraft = false\n+++\n'


@pytest.mark.parametrize("front", [YAML_FRONT, TOML_FRONT], ids=["yaml", "toml"])
def test_front_matter_is_not_prose(tmp_path, front):
    text = front + "\nThe ferry and the the quay.\n"
    assert lint(tmp_path / "a.md", text, "MTA301", "RES001", "INP005") == [("MTA301", 6, 15)]
    assert blocks("markdown", text) == [("paragraph", 0, "The ferry and the the quay.")]


def test_broken_yaml_front_matter_is_reported_where_it_breaks_and_still_skipped(tmp_path):
    text = "---\ntitle: Ferry\ntags: [harbour, ferry\n---\n\nThe ferry and the the quay.\n"
    found = findings_of(tmp_path / "a.md", text, "MTA301", "INP005")
    assert [(f["code"], f["line"], f["column"]) for f in found] == [("INP005", 3, 7), ("MTA301", 6, 15)]
    inp = found[0]
    assert inp["category"] == "input" and inp["severity"] == "error"
    assert "not valid YAML" in inp["message"]


def test_broken_toml_front_matter_is_reported_with_its_line(tmp_path):
    text = '+++\ntitle = "Ferry"\ndate = not a date\n+++\n\nThe ferry and the the quay.\n'
    found = findings_of(tmp_path / "a.md", text, "MTA301", "INP005")
    assert [(f["code"], f["line"]) for f in found] == [("INP005", 3), ("MTA301", 6)]
    assert "not valid TOML" in found[0]["message"]


def test_yaml_front_matter_with_an_impossible_value_is_reported():
    loaded = load("markdown", "x.md", "---\ndate: 2024-13-45\n---\n\nBody.\n", SourceOptions())
    assert [(p.code, p.line) for p in loaded.problems] == [("INP005", 2)]
    assert "month must be in 1..12" in loaded.problems[0].message


def test_yaml_front_matter_that_is_not_a_mapping_is_reported():
    loaded = load("markdown", "x.md", "---\njust a sentence\n---\n\nBody.\n", SourceOptions())
    [problem] = loaded.problems
    assert (problem.code, problem.line) == ("INP005", 2)
    assert "not a mapping" in problem.message


def test_unclosed_front_matter_is_reported_and_skipped_to_the_first_blank_line(tmp_path):
    text = "---\ntitle: the the ferry\n\nThe ferry and the the quay.\n"
    found = findings_of(tmp_path / "a.md", text, "MTA301", "INP005")
    assert [(f["code"], f["line"], f["column"]) for f in found] == [("INP005", 1, 1), ("MTA301", 4, 15)]
    assert "never closed" in found[0]["message"]


def test_a_rule_later_in_the_file_is_not_front_matter():
    assert blocks("markdown", "Intro line.\n\n---\n\ntitle: not front matter\n") == [
        ("paragraph", 0, "Intro line."), ("paragraph", 0, "title: not front matter")]


# -- line endings, byte-order mark, suppressions -------------------------------------------------
def test_crlf_positions_and_fix_keep_the_line_endings(tmp_path):
    text = "---\r\ntitle: Ferry\r\n---\r\n\r\n# Ferry and the the news\r\n\r\n- The ferry and the\r\n  the quay reopened.\r\n"
    path = tmp_path / "a.md"
    found = findings_of(path, text, "MTA301")
    assert [(f["line"], f["column"], f["end_line"], f["end_column"]) for f in found] == [(5, 13, 5, 20), (7, 17, 8, 6)]
    # Only the pair on one line is fixable: the other spans a line break and a list indentation.
    assert [f["fix"] is not None for f in found] == [True, False]
    doc = load_one("markdown", text)
    assert where(doc, "quay") == (8, 7)
    assert doc.blocks[-1].text == "The ferry and the\nthe quay reopened."
    check_json("--select", "MTA301", "--fix", str(path))
    assert path.read_bytes().decode() == text.replace("the the news", "the news")


def test_byte_order_mark_is_not_text_and_front_matter_after_it_is_found(tmp_path):
    text = "---\ntitle: Ferry\n---\n\nThe ferry and the the quay.\n"
    assert lint(tmp_path / "a.md", b"\xef\xbb\xbf" + text.encode(), "MTA301", "INP") == [("MTA301", 5, 15)]
    # A text that still holds the mark (not decoded by newslint) is read the same way.
    doc = load_one("markdown", "\ufeff" + text)
    assert [b.text for b in doc.blocks] == ["The ferry and the the quay."]


def test_suppression_comments_apply_in_markdown(tmp_path):
    text = "<!-- newslint-disable-next-line MTA301 -->\nThe ferry and the the quay.\n\nA bus and the the stop.\n"
    assert lint(tmp_path / "a.md", text, "MTA301") == [("MTA301", 4, 11)]
    assert load("markdown", "x.md", text, SourceOptions()).has_comments


# -- robustness ----------------------------------------------------------------------------------
PIECES = ["the", " ", "  ", "\n", "\r\n", "\n\n", "*", "_", "**", "`", "``", "[", "]", "(", ")", "![", "<",
          ">", "&amp;", "&#233;", "\\", "\\*", "> ", "- ", "1. ", "# ", "|", "---", "\t", "http://x.org",
          "<b>", "</b>", "<!--", "-->", '"', "é", "😀", "+++", "```", "    ", "<br>", "&", "word", "#"]


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_random_markup_never_fails_and_always_maps_back(fmt):
    rng = random.Random(20240611)
    for _ in range(400):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 40)))
        for doc in load(fmt, "x", text, SourceOptions()).documents:
            assert_maps_back(doc, text)
