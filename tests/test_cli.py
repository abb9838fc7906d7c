"""The `check` command as a user runs it: exit status, paths, stdin, errors, other commands."""

from __future__ import annotations

import json
import os
import threading

import pytest

from newslint import __version__
from tests.util import check_json, codes, run_cli, write

BREADCRUMB = "Home » News » World » Harbour reopens after storm\n"
CLEAN = "The harbour reopened on Monday after a week of repairs, the port authority said.\n"


def test_version():
    result = run_cli("--version")
    assert result.exit_code == 0
    assert __version__ in result.stdout


def test_python_dash_m_runs(tmp_path):
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "newslint", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and __version__ in proc.stdout


def test_exit_status_is_1_with_findings_and_0_without(tmp_path):
    bad = write(tmp_path / "bad.txt", BREADCRUMB)
    good = write(tmp_path / "good.txt", CLEAN)
    assert check_json(str(bad))[0] == 1
    assert check_json(str(good)) == (0, [])


def test_text_output_has_path_line_col_code(tmp_path):
    bad = write(tmp_path / "bad.txt", CLEAN + "\nLeave a Comment\n")
    result = run_cli("check", str(bad))
    assert result.exit_code == 1
    assert f"{bad}:3:1: RES010 " in result.stdout


def test_missing_path_exits_2_with_one_line_and_still_lints_the_rest(tmp_path):
    bad = write(tmp_path / "bad.txt", BREADCRUMB)
    result = run_cli("check", "--format", "json", str(tmp_path / "nope.txt"), str(bad))
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [f"newslint: error: {tmp_path / 'nope.txt'}: no such file or folder"]
    assert codes(json.loads(result.stdout)) == ["RES001"]


def test_a_deleted_current_folder_is_one_error_line_not_a_traceback(tmp_path):
    import subprocess
    import sys

    gone = tmp_path / "gone"
    gone.mkdir()
    article = write(tmp_path / "a.txt", CLEAN)
    # The child removes its own current folder, then runs newslint from it.
    script = ("import os, sys; os.chdir(sys.argv[1]); os.rmdir(sys.argv[1]); "
              "from newslint.cli import main; sys.argv = ['newslint', 'check', sys.argv[2]]; main()")
    result = subprocess.run([sys.executable, "-c", script, str(gone), str(article)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "newslint: error: the current folder cannot be read (No such file or directory); cd to a folder that exists"]


@pytest.fixture
def fifo(tmp_path):
    """A FIFO named like an article. Should newslint open it to read (it would wait for a writer
    forever), a writer comes every few seconds, so that the test fails instead of hanging."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    path = tmp_path / "fifo.txt"
    os.mkfifo(path)
    done = threading.Event()

    def writer() -> None:
        while not done.wait(5):
            try:
                os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))  # the reader sees an empty file
            except OSError:
                pass  # nobody is reading it

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    yield path
    done.set()
    thread.join()


def test_a_named_fifo_is_not_a_regular_file_and_the_rest_is_linted(tmp_path, fifo):
    bad = write(tmp_path / "bad.txt", BREADCRUMB)
    result = run_cli("check", "--format", "json", str(fifo), str(bad))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"newslint: error: {fifo}: not a regular file (a FIFO)"]
    assert codes(json.loads(result.stdout)) == ["RES001"]


def test_a_fifo_in_a_folder_is_passed_over(tmp_path, fifo):
    write(tmp_path / "bad.txt", BREADCRUMB)
    # A link to a regular file is linted (its target is in a hidden folder, which is not walked).
    (tmp_path / "link.md").symlink_to(write(tmp_path / ".drafts" / "c.txt", BREADCRUMB))
    result = run_cli("check", "--format", "json", str(tmp_path))
    assert result.exit_code == 1 and result.stderr == ""
    assert sorted(os.path.basename(f["path"]) for f in json.loads(result.stdout)) == ["bad.txt", "link.md"]
    assert run_cli("check", str(tmp_path)).stdout.endswith(" in 2 files.\n")  # the FIFO is not counted


def test_folder_is_walked_for_known_endings_only(tmp_path):
    write(tmp_path / "a.txt", BREADCRUMB)
    write(tmp_path / "sub" / "b.md", BREADCRUMB)
    write(tmp_path / "sub" / "c.py", BREADCRUMB)
    write(tmp_path / ".hidden" / "d.txt", BREADCRUMB)
    status, findings = check_json(str(tmp_path))
    assert status == 1
    assert sorted(os.path.relpath(f["path"], tmp_path) for f in findings) == ["a.txt", os.path.join("sub", "b.md")]


def test_gitignored_and_excluded_files_are_skipped_but_named_files_are_linted(tmp_path):
    write(tmp_path / ".gitignore", "drafts/\n*.tmp.txt\n")
    write(tmp_path / "drafts" / "a.txt", BREADCRUMB)
    write(tmp_path / "b.tmp.txt", BREADCRUMB)
    write(tmp_path / "archive" / "old.txt", BREADCRUMB)
    write(tmp_path / "c.txt", BREADCRUMB)
    write(tmp_path / "newslint.toml", 'exclude = ["archive/"]\n')
    _, findings = check_json(str(tmp_path))
    assert [os.path.basename(f["path"]) for f in findings] == ["c.txt"]
    # A file named on the command line is always linted.
    _, findings = check_json(str(tmp_path / "drafts" / "a.txt"))
    assert codes(findings) == ["RES001"]


def test_gitignore_lines_that_escape_nothing_are_passed_over_as_git_does(tmp_path):
    # A trailing backslash or a lone "!" makes git pass over the line, not the whole file.
    write(tmp_path / ".gitignore", "drafts\\\n\\\n!\n*.tmp.txt\n")
    write(tmp_path / "sub" / ".gitignore", "old\\\n")
    write(tmp_path / "a.tmp.txt", BREADCRUMB)  # the good line still ignores it
    write(tmp_path / "c.txt", BREADCRUMB)
    write(tmp_path / "drafts" / "x.txt", BREADCRUMB)
    write(tmp_path / "sub" / "old" / "y.txt", BREADCRUMB)
    status, findings = check_json(str(tmp_path))
    assert status == 1
    assert sorted(os.path.relpath(f["path"], tmp_path) for f in findings) == [
        "c.txt", os.path.join("drafts", "x.txt"), os.path.join("sub", "old", "y.txt")]


def test_exclude_globs_for_files_and_for_folders(tmp_path):
    for name in ("keep.txt", "notes.draft.txt", "wire/keep.txt", "wire/raw/x.txt", "raw.txt"):
        write(tmp_path / name, BREADCRUMB)
    write(tmp_path / "newslint.toml", 'exclude = ["*.draft.txt", "raw/"]\n')
    _, findings = check_json(str(tmp_path))
    # "raw/" is a folder pattern: the file raw.txt stays; "*.draft.txt" matches files anywhere.
    assert sorted(os.path.relpath(f["path"], tmp_path) for f in findings) == [
        "keep.txt", "raw.txt", os.path.join("wire", "keep.txt")]


def test_folder_name_excludes_match_folders_of_that_name_at_any_depth_and_no_file(tmp_path):
    for name in ("keep.txt", "raw.txt", "wire/raw/x.txt", "raw/y.txt", "a/b/node_modules/z.txt", "wire/rawer/k.txt"):
        write(tmp_path / name, BREADCRUMB)
    write(tmp_path / "newslint.toml", 'exclude = ["raw/"]\n')
    _, findings = check_json(str(tmp_path))
    assert sorted(os.path.relpath(f["path"], tmp_path) for f in findings) == [
        "keep.txt", "raw.txt", os.path.join("wire", "rawer", "k.txt")]


def test_unknown_ending_named_explicitly_is_read_as_text(tmp_path):
    path = write(tmp_path / "article.body", BREADCRUMB)
    assert codes(check_json(str(path))[1]) == ["RES001"]


def test_stdin_with_stdin_filename(tmp_path):
    status, findings = check_json("--stdin-filename", "story.txt", "-", input=BREADCRUMB)
    assert status == 1
    assert findings[0]["path"] == "story.txt" and findings[0]["line"] == 1


def test_stdin_without_filename_is_shown_as_dash():
    _, findings = check_json("-", input="The the harbour reopened.\n")
    assert [(f["path"], f["code"]) for f in findings] == [("-", "MTA301")]


def test_binary_file_is_skipped_with_input_finding_and_others_go_on(tmp_path):
    write(tmp_path / "a.txt", BREADCRUMB)
    (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    status, findings = check_json(str(tmp_path))
    assert status == 1
    assert sorted((os.path.basename(f["path"]), f["code"], f["category"]) for f in findings) == [
        ("a.txt", "RES001", "residue"), ("b.txt", "INP002", "input")]


def test_latin1_file_is_linted_and_reported(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(("Caf\u00e9 owners said the the harbour reopened.\n").encode("latin-1"))
    _, findings = check_json(str(path))
    assert sorted(codes(findings)) == ["INP001", "MTA301"]
    inp = next(f for f in findings if f["code"] == "INP001")
    assert "cp1252" in inp["message"] or "8859" in inp["message"]
    rep = next(f for f in findings if f["code"] == "MTA301")
    assert (rep["line"], rep["column"]) == (1, 18)


def test_unreadable_file_is_an_input_finding(tmp_path, monkeypatch):
    path = write(tmp_path / "locked.txt", CLEAN)

    # Tests may run as root, whom file modes do not stop: the engine's reader is denied instead.
    def deny(file, *args, **kwargs):
        if str(file).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied")
        return open(file, *args, **kwargs)

    monkeypatch.setattr("newslint.engine.open", deny, raising=False)
    status, findings = check_json(str(path))
    assert status == 1
    assert [(f["code"], f["category"], f["severity"]) for f in findings] == [("INP003", "input", "error")]
    assert "Permission denied" in findings[0]["message"]


def test_rules_command_lists_every_rule_as_table_and_json():
    table = run_cli("rules")
    assert table.exit_code == 0 and "RES001" in table.stdout and "repeated-word" in table.stdout
    listed = json.loads(run_cli("rules", "--format", "json").stdout)
    assert {"code", "name", "category", "severity", "summary"} <= set(listed[0])
    assert {r["code"] for r in listed} >= {"RES001", "MTA301", "INP001"}


def test_explain_by_code_and_by_name():
    by_code = run_cli("explain", "MTA301")
    by_name = run_cli("explain", "repeated-word")
    assert by_code.exit_code == 0 and by_code.stdout == by_name.stdout
    for heading in ("What it does", "Why is this bad?", "Example (flagged)", "Use instead"):
        assert heading in by_code.stdout


def test_explain_unknown_rule_exits_2():
    result = run_cli("explain", "XYZ999")
    assert result.exit_code == 2 and "unknown rule" in result.stderr


def test_unknown_option_value_exits_2(tmp_path):
    assert run_cli("check", "--output-format", "xml", str(tmp_path)).exit_code == 2


@pytest.mark.parametrize(("name", "linted"), [
    ("a.md", True), ("A.TXT", True), ("notes.v2.md", True), ("page.html", True), ("feed.jsonl", True),
    (".md", False), ("archive.tar.gz", False), ("readme", False), ("dots.", False),
])
def test_a_folder_is_walked_for_the_known_endings_only(tmp_path, name, linted):
    write(tmp_path / "d" / name, "The harbour reopened on Monday after the the storm.\n")
    status, findings = check_json(str(tmp_path / "d"))
    assert (status, bool(findings)) == ((1, True) if linted else (0, False))
