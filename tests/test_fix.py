"""--fix rewrites files with safe fixes only, keeps everything else byte for byte."""

from __future__ import annotations

from tests.util import check_json, run_cli, write


def test_fix_rewrites_and_reports_what_is_left(tmp_path):
    path = write(tmp_path / "a.txt", "The the council met.\n\nLeave a Comment\n")
    result = run_cli("check", "--fix", str(path))
    assert path.read_text() == "The council met.\n\nLeave a Comment\n"
    assert result.exit_code == 1  # the comment widget has no fix and is still reported
    assert "Fixed 1 finding" in result.stdout and "RES010" in result.stdout and "MTA301" not in result.stdout


def test_fix_keeps_crlf_and_bom(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbfThe mayor spoke first.\r\nThe the council met later.\r\n")
    assert run_cli("check", "--fix", str(path)).exit_code == 0
    assert path.read_bytes() == b"\xef\xbb\xbfThe mayor spoke first.\r\nThe council met later.\r\n"


def test_fix_in_markdown_keeps_markup(tmp_path):
    path = write(tmp_path / "a.md", "---\ntitle: x\n---\n\n# The the title\n\nSome **bold** and and `code code`.\n")
    run_cli("check", "--fix", str(path))
    assert path.read_text() == "---\ntitle: x\n---\n\n# The title\n\nSome **bold** and `code code`.\n"


def test_no_fix_without_flag_and_json_describes_the_fix(tmp_path):
    path = write(tmp_path / "a.txt", "Prices rose sharply.\nThe the council met.\n")
    _, [finding] = check_json(str(path))
    assert path.read_text() == "Prices rose sharply.\nThe the council met.\n"
    assert finding["fix"] == {"replacement": "The", "line": 2, "column": 1, "end_line": 2, "end_column": 8,
                              "applicability": "safe"}


def test_non_utf8_file_is_never_rewritten_nor_offered_a_fix(tmp_path):
    path = tmp_path / "a.txt"
    original = "Caf\u00e9 owners met. The the council met.\n".encode("latin-1")
    path.write_bytes(original)
    for args in (["--fix"], []):
        result = run_cli("check", *args, str(path))
        assert path.read_bytes() == original
        assert result.exit_code == 1 and "MTA301 Repeated word" in result.stdout
        assert "[*]" not in result.stdout and "fixable" not in result.stdout
    assert "Fixed" not in result.stdout
    _, findings = check_json(str(path))
    assert [f["fix"] for f in findings if f["code"] == "MTA301"] == [None]
    statistics = run_cli("check", "--statistics", str(path)).stdout
    assert "MTA301  repeated-word" in statistics and "[*]" not in statistics


def test_stdin_is_not_written_nor_offered_a_fix(tmp_path):
    for args in (["--fix"], [], ["--stdin-filename", "a.md"]):
        result = run_cli("check", *args, "-", input="The the council met.\n")
        assert result.exit_code == 1 and "MTA301 Repeated word" in result.stdout
        assert "[*]" not in result.stdout and "fixable" not in result.stdout


def test_a_fix_offered_in_one_file_is_withheld_only_in_the_file_fix_cannot_write(tmp_path):
    utf8 = write(tmp_path / "a.txt", "The the council met.\n")
    latin = write(tmp_path / "b.txt", "Caf\u00e9 owners met. The the council met.\n", encoding="latin-1")
    result = run_cli("check", str(utf8), str(latin))
    assert result.stdout.count("MTA301 [*]") == 1 and "1 fixable with --fix." in result.stdout
