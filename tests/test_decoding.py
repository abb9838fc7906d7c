"""Bytes to text: UTF-8 silently, anything else decoded and reported (INP001), binary skipped (INP002)."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from newslint.sources.decoding import decode
from tests.test_source_markdown import lint
from tests.util import check_json, run_cli

SENTENCE = "The café in Zürich reopened, and the the owner said “welcome” to all.\n"
BBC_LATIN1 = Path(__file__).resolve().parents[2] / "shared" / "data" / "bbc-news" / "sport" / "199.txt"


def test_utf8_is_clean():
    decoded = decode(SENTENCE.encode("utf-8"))
    assert (decoded.text, decoded.encoding, decoded.clean, decoded.note) == (SENTENCE, "utf-8", True, "")


def test_utf8_byte_order_mark_is_dropped_and_clean():
    decoded = decode(codecs.BOM_UTF8 + SENTENCE.encode("utf-8"))
    assert decoded.text == SENTENCE and decoded.clean and decoded.encoding == "utf-8-sig"


def test_utf8_bom_file_has_columns_counted_after_the_mark(tmp_path):
    path = tmp_path / "a.txt"
    assert lint(path, codecs.BOM_UTF8 + SENTENCE.encode(), "MTA301", "INP001") == [
        ("MTA301", 1, SENTENCE.index("the the") + 1)]


def test_latin1_is_decoded_and_reported_with_its_encoding(tmp_path):
    text = SENTENCE.replace("“", '"').replace("”", '"')
    decoded = decode(text.encode("latin-1"))
    assert decoded.text == text and not decoded.clean
    assert decoded.encoding in ("cp1252", "iso8859_1", "iso8859_15")
    assert decoded.encoding in decoded.note and "not UTF-8" in decoded.note
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("latin-1"))
    _, found = check_json("--select", "MTA301,INP001", str(path))
    assert [(f["code"], f["line"], f["column"]) for f in found] == [
        ("INP001", 1, 1), ("MTA301", 1, text.index("the the") + 1)]
    assert decoded.encoding in found[0]["message"]


def test_windows_1252_quotes_are_decoded_as_quotes():
    decoded = decode(SENTENCE.encode("cp1252"))
    assert decoded.text == SENTENCE and decoded.encoding == "cp1252" and not decoded.clean


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_byte_order_mark(tmp_path, codec):
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    data = bom + SENTENCE.encode(codec)
    decoded = decode(data)
    assert decoded.text == SENTENCE and not decoded.clean and "UTF-16" in decoded.note
    path = tmp_path / "a.md"
    path.write_bytes(data)
    _, found = check_json("--select", "MTA301,INP001", str(path))
    assert [(f["code"], f["line"], f["column"]) for f in found] == [
        ("INP001", 1, 1), ("MTA301", 1, SENTENCE.index("the the") + 1)]
    assert "UTF-16" in found[0]["message"]


def test_binary_file_is_skipped_and_reported(tmp_path):
    data = b"PK\x03\x04\x00\x00the the binary\x00\xff\xfe"
    decoded = decode(data)
    assert decoded.text is None and "binary" in decoded.note
    (tmp_path / "a.txt").write_bytes(data)
    (tmp_path / "b.txt").write_text(SENTENCE, encoding="utf-8")
    status, found = check_json(str(tmp_path))
    assert status == 1
    assert sorted((Path(f["path"]).name, f["code"]) for f in found if f["code"] in ("INP002", "MTA301")) == [
        ("a.txt", "INP002"), ("b.txt", "MTA301")]
    assert not [f for f in found if Path(f["path"]).name == "a.txt" and f["code"] != "INP002"]


def test_jsonl_in_latin1_keeps_its_columns(tmp_path):
    line = '{"text": "Caf\u00e9 owners said the the door was shut."}\n'
    path = tmp_path / "a.jsonl"
    path.write_bytes(line.encode("latin-1"))
    _, found = check_json("--select", "MTA301,INP001", str(path))
    assert [(f["code"], f["column"]) for f in found] == [("INP001", 1), ("MTA301", line.index("the the") + 1)]


def test_real_iso_8859_1_article():
    if not BBC_LATIN1.exists():
        pytest.skip(f"{BBC_LATIN1} is absent")
    data = BBC_LATIN1.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    decoded = decode(data)
    assert not decoded.clean and decoded.encoding in ("cp1252", "iso8859_1", "iso8859_15")
    assert decoded.text == data.decode("iso-8859-1")  # the pound signs come out as pound signs
    assert "£" in decoded.text
    status, found = check_json("--select", "INP001", str(BBC_LATIN1))
    assert status == 1
    assert [f["code"] for f in found] == ["INP001"] and decoded.encoding in found[0]["message"]


STRAY = "Café owners left the the dock.\nPrice \ufffd rose, and the the quay shut.\n"
STRAY_BYTES = STRAY.encode("utf-8").replace("\ufffd".encode(), b"\xa3")  # one Latin-1 pound sign


def test_utf8_with_a_stray_byte_is_read_as_utf8_with_the_byte_replaced():
    decoded = decode(STRAY_BYTES)
    assert decoded.text == STRAY and decoded.encoding == "utf-8" and not decoded.clean
    assert "0xa3" in decoded.note and f"offset {STRAY_BYTES.index(0xA3)}" in decoded.note


def test_stray_byte_is_reported_where_it_is_and_columns_after_it_hold(tmp_path):
    path = tmp_path / "m.txt"
    path.write_bytes(STRAY_BYTES)
    _, found = check_json("--select", "MTA301,INP001", str(path))
    second = STRAY.splitlines()[1]
    assert [(f["code"], f["line"], f["column"]) for f in found] == [
        ("MTA301", 1, STRAY.index("the the") + 1),
        ("INP001", 2, second.index("\ufffd") + 1), ("MTA301", 2, second.index("the the") + 1)]
    assert "U+FFFD" in found[1]["message"] and "UTF-8" in found[1]["message"]
    shown = run_cli("check", "--select", "MTA301", str(path)).stdout
    assert "1 | Café owners left the the dock." in shown


def test_a_stray_byte_is_one_input_finding_not_also_a_lost_character(tmp_path):
    # The U+FFFD newslint's decoding put in is reported by INP001 alone; a U+FFFD the file holds
    # itself is text that lost a character before newslint saw it: RES100.
    path = tmp_path / "m.txt"
    path.write_bytes(STRAY_BYTES)
    assert [f["code"] for f in check_json("--select", "RES100,INP001", str(path))[1]] == ["INP001"]
    path.write_bytes(STRAY_BYTES + "The \ufffd mark stayed.\n".encode())
    found = check_json("--select", "RES100,INP001", str(path))[1]
    assert [(f["code"], f["line"]) for f in found] == [("INP001", 2), ("RES100", 2), ("RES100", 3)]


def test_utf8_file_with_a_stray_byte_is_not_rewritten_by_fix(tmp_path):
    path = tmp_path / "m.md"
    path.write_bytes(STRAY_BYTES)
    status, found = check_json("--fix", "--select", "MTA301,INP001", str(path))
    assert path.read_bytes() == STRAY_BYTES
    assert [f["code"] for f in found] == ["MTA301", "INP001", "MTA301"]


def test_utf8_byte_order_mark_with_a_stray_byte_is_read_as_utf8():
    decoded = decode(codecs.BOM_UTF8 + STRAY_BYTES)
    assert decoded.text == STRAY and decoded.encoding == "utf-8-sig" and not decoded.clean
    # A mark before Latin-1 text does not make it UTF-8: no byte of it reads as UTF-8.
    decoded = decode(codecs.BOM_UTF8 + "Crème brûlée was served.\n".encode("latin-1"))
    assert decoded.text == "Crème brûlée was served.\n" and decoded.encoding != "utf-8-sig"


def test_windows_1252_article_with_one_chance_utf8_sequence_stays_windows_1252():
    # "É…" (0xC9 0x85) is a valid UTF-8 character by chance; the many other accented bytes are not.
    article = ("Le café de la gare a rouvert. Le chef a préparé une crème brûlée et des crêpes pour "
               "les élèves du lycée, comme chaque ÉTÉ… dit-il.\n")
    decoded = decode(article.encode("cp1252"))
    assert decoded.text == article and decoded.encoding == "cp1252" and decoded.bad_at is None
