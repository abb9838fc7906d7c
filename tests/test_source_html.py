"""The HTML source: block elements become blocks, page furniture and code do not, broken markup
never stops it, and every word keeps its exact position although white space collapses."""

from __future__ import annotations

from newslint.sources import SourceOptions, load
from newslint.sources.prose import OBJECT
from tests.test_source_markdown import assert_maps_back, blocks, findings_of, lint, load_one, where

PAGE = """<!DOCTYPE html>
<html>
<head>
  <title>Ferry returns | The the Gazette</title>
  <style>p { color: red } /* the the */</style>
  <script>var s = "the the <p>not text</p>";</script>
</head>
<body>
<nav><a href="/">Home</a> » <a href="/news">News</a> » Local</nav>
<article>
  <h1>Ferry returns after storm</h1>
  <p>The ferry
     returned on Monday, the <em>port authority</em> said.</p>
  <h3>What happens next</h3>
  <ul><li>Repairs to the pier</li><li>A new timetable</li></ul>
  <blockquote><p>We are glad, said the captain.</p></blockquote>
  <figure><img src="ferry.jpg" alt="the the ferry"><figcaption>The ferry at the quay.</figcaption></figure>
  <table><tr><th>Day</th><td>Sailings</td></tr></table>
  <dl><dt>Fare</dt><dd>Unchanged</dd></dl>
  <pre>the the preformatted</pre>
  <noscript>the the enable scripts</noscript>
  <template><p>the the template</p></template>
  <svg><text>the the svg</text></svg>
  <p hidden>the the hidden</p>
  <!-- the the comment -->
</article>
</body>
</html>
"""


def test_block_elements_become_blocks_of_their_kind():
    doc = load_one("html", PAGE)
    assert [(b.kind, b.level, b.text) for b in doc.blocks] == [
        ("heading", 1, "Ferry returns after storm"),
        ("paragraph", 0, "The ferry returned on Monday, the port authority said."),
        ("heading", 3, "What happens next"),
        ("list-item", 0, "Repairs to the pier"),
        ("list-item", 0, "A new timetable"),
        ("quote", 0, "We are glad, said the captain."),
        ("caption", 0, "The ferry at the quay."),
        ("table-cell", 0, "Day"), ("table-cell", 0, "Sailings"),
        ("list-item", 0, "Fare"), ("list-item", 0, "Unchanged"),
    ]


def test_head_scripts_styles_nav_code_comments_and_hidden_elements_are_not_prose(tmp_path):
    assert lint(tmp_path / "a.html", PAGE, "MTA301", "RES001") == []


def test_collapsed_white_space_keeps_every_word_in_place():
    doc = load_one("html", PAGE)
    assert where(doc, "returned") == (13, 6)
    assert where(doc, "port") == (13, 34)
    assert where(doc, "Unchanged") == (19, 24)


def test_repeated_word_across_collapsed_white_space_and_tags(tmp_path):
    text = "<p>Officials said the\n      the port shut.</p>\n<p>Then <b>the</b> <i>the</i> quay.</p>\n"
    found = findings_of(tmp_path / "a.html", text, "MTA301")
    assert [(f["line"], f["column"], f["end_line"], f["end_column"]) for f in found] == [
        (1, 19, 2, 10), (3, 12, 3, 26)]


def test_entities_are_decoded_and_point_at_the_entity(tmp_path):
    text = "<p>Caf&eacute; owners &amp; staff said&nbsp;the the door &#8220;stuck&#x201D;.</p>\n"
    doc = load_one("html", text)
    assert doc.blocks[0].text == "Café owners & staff said\u00a0the the door “stuck”."
    assert where(doc, "é") == (1, 7)
    assert where(doc, "&") == (1, 23)
    assert where(doc, "”") == (1, 70)
    assert lint(tmp_path / "a.html", text, "MTA301") == [("MTA301", 1, 45)]


def test_inline_code_and_images_keep_the_words_around_them_apart(tmp_path):
    text = "<p>Type the <code>the</code> the command, or the <img src=x.png> the picture.</p>\n"
    assert lint(tmp_path / "a.html", text, "MTA301") == []
    assert blocks("html", text) == [("paragraph", 0, f"Type the {OBJECT} the command, or the {OBJECT} the picture.")]


def test_br_is_a_line_break_and_two_end_the_paragraph(tmp_path):
    text = "<div>Home » News » Local<br>Ferry returns<br/><br />The quay reopened.<br>\nLeave a Comment</div>\n"
    assert blocks("html", text) == [
        ("paragraph", 0, "Home » News » Local\nFerry returns"),
        ("paragraph", 0, "The quay reopened.\nLeave a Comment"),
    ]
    assert lint(tmp_path / "a.html", text, "RES001", "RES010") == [("RES001", 1, 6), ("RES010", 2, 1)]


def test_unclosed_and_stray_tags_follow_the_html_rules():
    text = (
        "<p>First paragraph<p>Second paragraph</p></p>Loose text"
        "<ul><li>One<li>Two<ul><li>Inner</ul><li>Three</ul>"
        "<table><tr><td>A<td>B<tr><td>C</table>"
        "<h2>Heading<h3>Sub</h3>"
    )
    assert blocks("html", text) == [
        ("paragraph", 0, "First paragraph"), ("paragraph", 0, "Second paragraph"),
        ("paragraph", 0, "Loose text"),
        ("list-item", 0, "One"), ("list-item", 0, "Two"), ("list-item", 0, "Inner"), ("list-item", 0, "Three"),
        ("table-cell", 0, "A"), ("table-cell", 0, "B"), ("table-cell", 0, "C"),
        ("heading", 2, "Heading"), ("heading", 3, "Sub"),
    ]


def test_missing_head_end_tag_does_not_hide_the_body():
    assert blocks("html", "<html><head><meta charset=utf-8><title>T</title><p>Body text.") == [
        ("paragraph", 0, "Body text.")]


def test_truncated_file_yields_what_it_has_and_never_fails():
    text = "<html><body><h1>Ferry</h1><p>The ferry &amp; the <a href='x'>quay</a> reopened.<!-- c -->\n<p class=\"a"
    for end in range(len(text) + 1):
        for doc in load("html", "x.html", text[:end], SourceOptions()).documents:
            assert_maps_back(doc, text[:end])
    assert blocks("html", text) == [("heading", 1, "Ferry"), ("paragraph", 0, "The ferry & the quay reopened.")]


def test_a_bare_ampersand_hash_does_not_turn_the_rest_into_text(tmp_path):
    # html.parser stops at "&#" with no number after it; what follows is still markup.
    for ref in ("&#;", "&#", "&#x;", "&#x"):
        text = (f"<html><body>\n<p>Readers sent the code {ref} to the paper on Monday.</p>\n"
                "<p>The new budget was approved by the the council.</p>\n</body")
        assert blocks("html", text) == [
            ("paragraph", 0, f"Readers sent the code {ref} to the paper on Monday."),
            ("paragraph", 0, "The new budget was approved by the the council.")], ref
        found = lint(tmp_path / "a.html", text, "MTA301", "TRN001", "RES110")
        assert found == [("MTA301", 3, text.splitlines()[2].index("the the") + 1)], ref
        for end in range(len(text) - 12, len(text) + 1):  # cut anywhere in the last paragraph
            for doc in load("html", "x.html", text[:end], SourceOptions()).documents:
                assert "<" not in doc.text and "body" not in doc.text, text[:end]
                assert_maps_back(doc, text[:end])


def test_unclosed_script_or_comment_swallow_the_rest_quietly():
    assert blocks("html", "<p>Before.</p><script>var x = '<p>the the</p>'") == [("paragraph", 0, "Before.")]
    assert blocks("html", "<p>Before.</p><!-- never closed <p>the the</p>")[0] == ("paragraph", 0, "Before.")


def test_crlf_and_byte_order_mark(tmp_path):
    text = "<p>The ferry and\r\nthe the quay.</p>\r\n<p>Next.</p>\r\n"
    assert lint(tmp_path / "a.html", b"\xef\xbb\xbf" + text.encode(), "MTA301", "INP") == [("MTA301", 2, 1)]
    doc = load_one("html", "\ufeff" + text)
    assert [b.text for b in doc.blocks] == ["The ferry and the the quay.", "Next."]
    assert where(doc, "Next") == (3, 4)


def test_suppression_comments_apply_in_html(tmp_path):
    text = "<!-- newslint-disable-next-line MTA301 -->\n<p>The ferry and the the quay.</p>\n<p>A bus and the the stop.</p>\n"
    assert lint(tmp_path / "a.html", text, "MTA301") == [("MTA301", 3, 14)]
    assert load("html", "x.html", text, SourceOptions()).has_comments
