"""Inline suppression comments in Markdown and HTML, and the rules about unused ones."""

from __future__ import annotations

from tests.util import check_json, write


def _lines(findings, code=None):
    return [(f["code"], f["line"]) for f in findings if code is None or f["code"] == code]


def test_disable_next_line_by_code_and_by_name(tmp_path):
    path = write(tmp_path / "a.md", (
        "<!-- newslint-disable-next-line MTA301 -->\n"
        "The the council met.\n\n"
        "<!-- newslint-disable-next-line repeated-word -->\n\n"
        "The the mayor spoke.\n\n"
        "The the clerk wrote.\n"
    ))
    assert _lines(check_json(str(path))[1]) == [("MTA301", 8)]


def test_disable_enable_range(tmp_path):
    path = write(tmp_path / "a.md", (
        "The the first vote passed.\n\n"
        "<!-- newslint-disable mt-artifact -->\n\n"
        "The the second vote failed.\n\n"
        "<!-- newslint-enable -->\n\n"
        "The the third vote passed.\n"
    ))
    assert _lines(check_json(str(path))[1]) == [("MTA301", 1), ("MTA301", 9)]


def test_enable_of_one_code_keeps_the_other_disabled(tmp_path):
    path = write(tmp_path / "a.md", (
        "<!-- newslint-disable MTA301, RES010 -->\n\n"
        "The the first vote passed.\n\n"
        "<!-- newslint-enable MTA301 -->\n\n"
        "The the second vote failed.\n\n"
        "Leave a Comment\n"
    ))
    assert _lines(check_json(str(path))[1]) == [("MTA301", 7)]


def test_disable_without_codes_suppresses_everything(tmp_path):
    path = write(tmp_path / "a.md", "<!-- newslint-disable -->\n\nThe the first vote passed.\n\nLeave a Comment\n")
    assert check_json(str(path)) == (0, [])


def test_file_level_disable(tmp_path):
    path = write(tmp_path / "a.md", "The the first vote passed.\n\nLeave a Comment\n\n<!-- newslint-disable-file residue -->\n")
    assert _lines(check_json(str(path))[1]) == [("MTA301", 1)]


def test_html_comments(tmp_path):
    path = write(tmp_path / "a.html", (
        "<html><body>\n<!-- newslint-disable-next-line MTA301 -->\n<p>The the council met.</p>\n"
        "<p>The the mayor spoke.</p>\n</body></html>\n"
    ))
    assert _lines(check_json(str(path))[1]) == [("MTA301", 4)]


def test_unused_suppression_is_reported_at_the_comment(tmp_path):
    path = write(tmp_path / "a.md", "The council met on Monday.\n\n<!-- newslint-disable-next-line MTA301 -->\nThe mayor spoke on Tuesday.\n")
    status, findings = check_json(str(path))
    assert status == 1
    [f] = findings
    assert (f["code"], f["rule"], f["category"], f["line"], f["column"]) == ("INP100", "unused-suppression", "input", 3, 1)
    assert "MTA301" in f["message"]


def test_only_the_unused_code_of_a_comment_is_reported(tmp_path):
    path = write(tmp_path / "a.md", "<!-- newslint-disable-next-line MTA301, RES010 -->\nThe the council met on Monday.\n")
    [f] = check_json(str(path))[1]
    assert f["code"] == "INP100" and "RES010" in f["message"]


def test_unknown_code_in_suppression(tmp_path):
    path = write(tmp_path / "a.md", "<!-- newslint-disable-next-line RES999 -->\nThe council met on Monday.\n")
    [f] = check_json(str(path))[1]
    assert (f["code"], f["line"]) == ("INP101", 1)


def test_unused_suppression_rule_can_be_ignored_and_suppressed(tmp_path):
    path = write(tmp_path / "a.md", "<!-- newslint-disable-next-line MTA301 -->\nThe council met on Monday.\n")
    assert check_json("--ignore", "INP100", str(path)) == (0, [])
    path2 = write(tmp_path / "b.md", (
        "<!-- newslint-disable-file unused-suppression -->\n"
        "<!-- newslint-disable-next-line MTA301 -->\nThe council met on Monday.\n"
    ))
    assert check_json(str(path2)) == (0, [])


def test_comments_are_not_directives_in_plain_text(tmp_path):
    # In .txt files an HTML comment is just text: no suppression.
    path = write(tmp_path / "a.txt", "<!-- newslint-disable -->\n\nThe the council met.\n")
    assert _lines(check_json(str(path))[1], "MTA301") == [("MTA301", 3)]
