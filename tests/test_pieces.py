"""A big JSON Lines file is cut into pieces that the workers lint apart (pieces.py): the run must
report exactly what it reports when one process lints the file whole."""

from __future__ import annotations

import json
import os

import pytest

import newslint.parallel
from newslint import pieces
from tests.util import run_cli, write


def _record(text: str, **extra) -> str:
    return json.dumps({"id": extra.pop("id", 0), "text": text, **extra}, ensure_ascii=False)


def _records(count: int) -> list[str]:
    """Records of every kind the JSON Lines reader tells apart, over and over."""
    out = []
    for i in range(count):
        kind = i % 9
        if kind == 0:
            out.append(_record(f"Ferry talks, day {i}\n\nThe the Saint-Aubin ferry resumed on Monday.", id=i))
        elif kind == 1:
            out.append(_record(f"Harbour works\n\nThe goverment rebuilt the harbour , engineers said on day {i}.", id=i))
        elif kind == 2:
            out.append("not json at all")
        elif kind == 3:
            out.append(json.dumps({"id": i, "body": "no text field"}))
        elif kind == 4:
            out.append('{"id": %d, "text": "Caf\\u00e9 owners met.\\n\\nA lone \\ud800 half stayed."}' % i)
        elif kind == 5:  # paragraphs cut at the start: TRN005 names their lines in its message
            out.append(_record("Quarry vote\n\nthe council, which met late.\n\nand the owners, who left.\n\n"
                               "but the workers stayed on.\n\nThe vote is on Friday.", id=i))
        elif kind == 6:
            out.append("")  # a blank line
        elif kind == 7:
            out.append(_record(f"Bridge vote\n\nThe Saint Aubin bridge opened on day {i}. warning.", id=i))
        else:
            out.append(_record("Talks went on, and Velkoviczka spoke. Velkoviczka left. Velkovizcka returned.", id=i))
    return out


@pytest.fixture
def small_pieces(monkeypatch):
    """Pieces of a few hundred bytes, so that a file of a few kilobytes is cut into many."""
    monkeypatch.setattr(pieces, "PIECE_BYTES", 700)
    monkeypatch.setattr(pieces, "SPLIT_MIN_BYTES", 1400)
    cuts = []
    real_cut = pieces.cut

    def cut(path, *args, **kwargs):
        found = real_cut(path, *args, **kwargs)
        cuts.append((os.path.basename(path), found))
        return found

    monkeypatch.setattr(pieces, "cut", cut)
    linted_whole = []
    real_store = newslint.parallel.lint_and_store

    def lint_and_store(files, *args):  # in the parent: the whole-file fallback, or a small run
        linted_whole.extend(os.path.basename(str(path)) for path, _ in files)
        return real_store(files, *args)

    monkeypatch.setattr(newslint.parallel, "lint_and_store", lint_and_store)
    return cuts, linted_whole


def _both(folder, *options, linted_whole=None):
    """--jobs 1, then --jobs 2 (the files the parent linted whole, if asked, are those of this run)."""
    one = run_cli("check", "--no-cache", *options, "--jobs", "1", str(folder))
    if linted_whole is not None:
        linted_whole.clear()
    two = run_cli("check", "--no-cache", *options, "--jobs", "2", str(folder))
    assert one.exit_code == two.exit_code == 1
    return one, two


def test_a_big_file_in_pieces_reports_what_it_reports_whole(tmp_path, small_pieces):
    cuts, linted_whole = small_pieces
    lines = _records(60) + [_record("Storm warning\n\nThe Port Vila harbour closed on Monday.", id=60)]
    (tmp_path / "corpus.jsonl").write_bytes(b"\xef\xbb\xbf" + "\n".join(lines).encode() + b"\n")
    for i in range(2):  # the house style of the name, which the last piece's record breaks (NCN002)
        write(tmp_path / f"note{i}.txt", "Ferry talks\n\nThe Port-Vila harbour reopened on Monday.\n")
    for options in (("--format", "json"), ()):  # text output: the source line under each finding
        one, two = _both(tmp_path, *options, linted_whole=linted_whole)
        assert one.stdout == two.stdout
    findings = json.loads(_both(tmp_path, "--format", "json", linted_whole=linted_whole)[0].stdout)
    found = {(f["code"], f["line"]) for f in findings}
    # Every kind of record is reported on its own line, far into the file.
    assert {("MTA301", 55), ("INP004", 57), ("INP004", 58), ("INP006", 59), ("SPL001", 56), ("TRN005", 60),
            ("NCN002", 61)} <= found
    assert any(f["code"] == "TRN005" and "also at lines 60, 60" in f["message"] for f in findings)
    # It was cut (into pieces of a few records each), and no piece needed the whole file linted.
    assert cuts and all(name == "corpus.jsonl" for name, _ in cuts)
    assert len(cuts[-1][1]) >= 5
    assert "corpus.jsonl" not in linted_whole


def test_pieces_cover_the_file_from_line_end_to_line_end(tmp_path):
    lines = [f"line {i} " + "x" * (i * 37 % 300) for i in range(200)]
    lines[50] = "y" * 2000  # one line longer than a piece: its piece is longer
    path = tmp_path / "a.jsonl"
    data = "\n".join(lines).encode()  # no line break at the very end
    path.write_bytes(data)
    found = pieces.cut(str(path), piece_bytes=1000)
    assert len(found) > 10
    assert found[0].start == 0 and found[-1].end == len(data)
    for before, after in zip(found, found[1:]):
        assert before.end == after.start and data[after.start - 1:after.start] == b"\n"
    for piece in found:
        assert piece.first_line == data.count(b"\n", 0, piece.start) + 1


@pytest.mark.parametrize("data", [b'{"text": "A."}\r\n' * 10, b"\xff\xfe" + '{"text": "A."}\n'.encode("utf-16-le") * 10])
def test_a_file_with_carriage_returns_or_in_utf16_is_not_cut(tmp_path, data):
    path = tmp_path / "a.jsonl"
    path.write_bytes(data)
    assert pieces.cut(str(path), piece_bytes=20) is None


@pytest.mark.parametrize("name, data", [
    ("crlf.jsonl", "\r\n".join(_records(40)).encode()),  # not cut: a worker lints it whole
    ("latin.jsonl", "\n".join(_records(40)).encode() + b'\n{"text": "The caf\xe9 opened."}\n'),  # a piece fails
])
def test_a_file_that_cannot_be_cut_or_read_in_pieces_is_linted_whole(tmp_path, small_pieces, name, data):
    (tmp_path / name).write_bytes(data)
    one, two = _both(tmp_path, "--format", "json", linted_whole=small_pieces[1])
    assert one.stdout == two.stdout
    if name == "latin.jsonl":
        assert '"INP001"' in one.stdout  # decoded as another encoding, as the whole file is
        assert small_pieces[1] == ["latin.jsonl"]  # the pieces were linted, then the whole file
    else:
        assert small_pieces[0] == [("crlf.jsonl", None)] and small_pieces[1] == []


def test_a_file_linted_in_pieces_is_cached_whole(tmp_path, small_pieces):
    data = tmp_path / "data"
    write(data / "corpus.jsonl", "\n".join(_records(30)) + "\n")
    cache = ["--cache-dir", str(tmp_path / "cache"), "--format", "json"]
    cuts, linted_whole = small_pieces
    cold = run_cli("check", *cache, "--jobs", "2", str(data))
    assert len(cuts) == 1 and linted_whole == []  # cut, and linted in pieces
    warm = run_cli("check", *cache, "--jobs", "1", str(data))
    assert linted_whole == []  # --jobs 1 lints in this process: the cache had the whole file's result
    whole = run_cli("check", "--no-cache", "--format", "json", "--jobs", "1", str(data))
    assert cold.stdout == warm.stdout == whole.stdout


def test_big_and_small_files_of_every_format_in_one_run_come_in_file_order(tmp_path, small_pieces):
    """Pieces of two big files among whole files, blank lines at the cuts, a line longer than a
    piece: the report is the one process's, file by file in order."""
    records = _records(40)
    write(tmp_path / "a-big.jsonl", "\n\n".join(records) + "\n\n\n")  # blank lines wherever the cuts fall
    long_record = _record("Harbour works\n\n" + "The the harbour reopened on Monday. " * 60, id=99)
    write(tmp_path / "b-long.jsonl", long_record + "\n" + "\n".join(records[:10]) + "\n")
    for i in range(3):
        write(tmp_path / f"c{i}.txt", f"Ferry talks, day {i}\n\nThe the Saint-Aubin ferry resumed.\n")
    write(tmp_path / "d.md", "# Quarry\n\nThe council , which met late, voted.\n")
    write(tmp_path / "e-small.jsonl", records[0] + "\n")
    for options in (("--format", "json"), ()):
        one, two = _both(tmp_path, *options, linted_whole=small_pieces[1])
        assert one.stdout == two.stdout
        assert small_pieces[1] == []  # every piece linted as a piece: no file linted whole again
    findings = json.loads(_both(tmp_path, "--format", "json")[0].stdout)
    order = list(dict.fromkeys(os.path.basename(f["path"]) for f in findings))
    assert order == ["a-big.jsonl", "b-long.jsonl", "c0.txt", "c1.txt", "c2.txt", "d.md", "e-small.jsonl"]
    assert {name for name, _ in small_pieces[0]} == {"a-big.jsonl", "b-long.jsonl"}
    assert "MTA301" in {f["code"] for f in findings if f["path"].endswith("b-long.jsonl") and f["line"] == 1}
