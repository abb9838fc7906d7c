"""The progress line: when a run gets one, what it shows, and that it stays off stderr otherwise."""

from __future__ import annotations

import io

import pytest

from newslint import progress
from newslint.engine import FileResult
from tests.util import run_cli, write


@pytest.mark.parametrize("tty, env, fmt, quiet, expected", [
    (True, {}, "text", False, True),
    (True, {}, "concise", False, True),
    (False, {}, "text", False, False),  # a pipe or a file
    (True, {"CI": "true"}, "text", False, False),
    (True, {"CI": ""}, "text", False, True),  # CI set but empty is not CI
    (True, {}, "json", False, False),
    (True, {}, "sarif", False, False),
    (True, {}, "github", False, False),
    (True, {}, "junit", False, False),
    (True, {}, "text", True, False),  # --quiet
])
def test_when_a_run_gets_a_progress_line(tty, env, fmt, quiet, expected):
    assert progress.wanted(tty, env, fmt, quiet) is expected


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _result(findings: int = 0) -> FileResult:
    return FileResult("a.txt", [object()] * findings)  # only counted


def test_nothing_is_drawn_in_the_first_second_and_nothing_is_left_behind():
    out, clock = io.StringIO(), Clock()
    bar = progress.Progress(3, out, clock)
    clock.now += 0.5
    bar.update(_result(2))
    bar.close()
    assert out.getvalue() == ""


def test_a_long_run_shows_files_and_findings_then_wipes_the_line():
    out, clock = io.StringIO(), Clock()
    bar = progress.Progress(4, out, clock)
    bar.update(_result(1))
    clock.now += 1.5
    bar.update(_result(2))
    shown = out.getvalue()
    assert "2/4 files, 3 findings so far" in shown and "[############------------]" in shown
    clock.now += 0.01
    bar.update(_result())  # too soon after the last redraw
    assert out.getvalue() == shown
    clock.now += 0.2
    bar.update(_result())
    assert "4/4 files" in out.getvalue()
    bar.close()
    assert out.getvalue().endswith("\r") and out.getvalue().rsplit("\r", 2)[-2].strip() == ""


def test_non_terminal_runs_write_nothing_to_stderr(tmp_path, monkeypatch):
    monkeypatch.setattr(progress, "DELAY", 0.0)  # would draw at once, were stderr a terminal
    for i in range(10):
        write(tmp_path / f"a{i}.txt", "The the harbour reopened.\n")
    for fmt in ("text", "json"):
        result = run_cli("check", "--format", fmt, str(tmp_path))
        assert result.exit_code == 1
        assert result.stderr == ""


def test_a_terminal_run_draws_on_stderr_only(tmp_path, monkeypatch):
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.setattr(progress, "INTERVAL", 0.0)
    monkeypatch.setattr(progress, "wanted", lambda *args: True)
    for i in range(3):
        write(tmp_path / f"a{i}.txt", "The the harbour reopened.\n")
    result = run_cli("check", "--format", "concise", str(tmp_path))
    assert "3/3 files, 3 findings so far" in result.stderr
    assert "files," not in result.stdout


def test_a_big_file_shows_how_far_it_has_got():
    out, clock = io.StringIO(), Clock()
    bar = progress.Progress(2, out, clock)
    clock.now += 1.5
    bar.update(_result(1))
    clock.now += 0.2
    bar.part(0.5, 3)  # half of the second file, three findings in it so far
    assert "1/2 files (50% of the next), 4 findings so far" in out.getvalue()
    assert "[##################------]" in out.getvalue()
    clock.now += 0.2
    bar.update(_result(5))
    assert out.getvalue().rsplit("\r", 1)[-1].startswith("[########################] 2/2 files, 6 findings")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_run_over_one_big_json_lines_file_shows_its_progress(tmp_path, monkeypatch, jobs):
    """One process lints it a batch of records at a time; several, a piece at a time."""
    from newslint import engine, pieces

    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.setattr(progress, "INTERVAL", 0.0)
    monkeypatch.setattr(progress, "wanted", lambda *args: True)
    monkeypatch.setattr(engine, "BATCH_CHARS", 200)
    monkeypatch.setattr(pieces, "PIECE_BYTES", 600)
    monkeypatch.setattr(pieces, "SPLIT_MIN_BYTES", 1200)
    records = [f'{{"text": "Day {i}: the the harbour reopened on Monday, officials said."}}' for i in range(60)]
    write(tmp_path / "corpus.jsonl", "\n".join(records) + "\n")
    result = run_cli("check", "--no-cache", "--jobs", jobs, "--format", "concise", str(tmp_path))
    assert result.exit_code == 1 and result.stdout.count("MTA301") == 60
    assert "0/1 files (" in result.stderr and "% of the next), " in result.stderr
    assert "1/1 files, 60 findings so far" in result.stderr
