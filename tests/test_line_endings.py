"""Old Mac line endings: a lone CR ends a line as LF and CRLF do, in every format, so findings
point at the right line; --fix keeps the endings byte for byte."""

from __future__ import annotations

import pytest

from newslint.document import LineIndex
from tests.test_source_markdown import lint
from tests.util import check_json, run_cli

CR_FILES = [
    ("a.txt", "One line.\rThe the second.\r", (2, 1)),
    ("a.md", "# Harbour\r\rOne line.\rThe the second.\r", (4, 1)),
    ("a.html", "<h1>Harbour</h1>\r<p>One line.</p>\r<p>\rThe ferry and the the quay.</p>\r", (4, 15)),
    ("a.jsonl", '{"text": "One line."}\r{"text": "The the second."}\r', (2, 11)),
]


@pytest.mark.parametrize(("name", "text", "where"), CR_FILES, ids=[c[0] for c in CR_FILES])
def test_lone_carriage_returns_end_lines(tmp_path, name, text, where):
    assert lint(tmp_path / name, text, "MTA301") == [("MTA301", *where)]


def test_mixed_line_endings_each_end_a_line(tmp_path):
    text = "First line.\r\nSecond line.\rThe the third.\nThe end.\r"
    assert lint(tmp_path / "a.txt", text, "MTA301") == [("MTA301", 3, 1)]
    shown = run_cli("check", "--select", "MTA301", str(tmp_path / "a.txt")).stdout
    assert "3 | The the third.\n" in shown
    html = "<p>First line.</p>\r\n<p>Second line.</p>\r<p>The end.</p>\n<p>The the fourth.</p>\r"
    assert lint(tmp_path / "a.html", html, "MTA301") == [("MTA301", 4, 4)]


def test_line_index_counts_cr_lf_and_crlf():
    idx = LineIndex("ab\rcd\r\nef\n\rgh")
    assert [idx.position(i) for i in (0, 3, 7, 10, 11)] == [(1, 1), (2, 1), (3, 1), (4, 1), (5, 1)]
    assert [idx.line_text(n) for n in range(1, 6)] == ["ab", "cd", "ef", "", "gh"]
    assert idx.span(3, 9) == (2, 1, 3, 3)


@pytest.mark.parametrize("name", ["a.txt", "a.md", "a.html"])
def test_fix_keeps_carriage_returns(tmp_path, name):
    text = {"a.txt": "One line.\rThe the second.\r\rLast line.\r",
            "a.md": "# Harbour\r\rOne line.\rThe the second.\r",
            "a.html": "<p>One line.</p>\r<p>The the second.</p>\r"}[name]
    path = tmp_path / name
    path.write_bytes(text.encode())
    status, found = check_json("--fix", "--select", "MTA301", str(path))
    assert status == 0 and found == []
    assert path.read_bytes() == text.replace("The the", "The").encode()


def test_front_matter_and_suppressions_with_carriage_returns(tmp_path):
    for front in ("---\rtitle: Ferry\rdate: 2024-05-01\r---\r", "+++\rtitle = 'Ferry'\rdate = 2024-05-01\r+++\r"):
        assert lint(tmp_path / "a.md", front + "\rThe ferry and the the quay.\r", "MTA301", "INP") == [
            ("MTA301", 6, 15)]
    text = "<!-- newslint-disable-next-line MTA301 -->\rThe ferry and the the quay.\r\rA bus and the the stop.\r"
    assert lint(tmp_path / "b.md", text, "MTA301", "INP") == [("MTA301", 4, 11)]
