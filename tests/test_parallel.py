"""--jobs: several processes give the same findings, in the same order, as one."""

from __future__ import annotations

import os

import pytest

import newslint.parallel
from tests.util import run_cli, write


def test_jobs_1_and_2_give_identical_findings(tmp_path):
    for i in range(12):
        dash = "Saint Aubin" if i == 5 else "Saint-Aubin"
        write(tmp_path / f"a{i:02}.txt", (
            f"Ferry talks, day {i}\n\nThe the {dash} ferry resumed on Monday, officials said.\n\n"
            "Talks went on. warning.\n\nLeave a Comment\n"
        ))
    one = run_cli("check", "--format", "json", "--jobs", "1", str(tmp_path))
    two = run_cli("check", "--format", "json", "--jobs", "2", str(tmp_path))
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout
    assert '"NCN002"' in one.stdout and '"MTA301"' in one.stdout


def test_jobs_must_be_positive(tmp_path):
    assert run_cli("check", "--jobs", "0", str(tmp_path)).exit_code == 2


def test_jobs_1_and_2_agree_on_every_format_in_text_output(tmp_path):
    """Text output shows source lines: the cross-file rule reads them again from the files."""
    for i in range(6):
        dash = "Saint Aubin" if i == 2 else "Saint-Aubin"
        write(tmp_path / f"m{i}.md", f"# Day {i}\n\n<!-- newslint-disable-next-line MTA301 -->\n"
                                     f"The the {dash} ferry resumed on Monday.\n\nLeave a Comment\n")
        write(tmp_path / f"h{i}.html", f"<p>The {dash} ferry resumed on Monday , officials said.</p>\n")
    write(tmp_path / "records.jsonl", '{"text": "The the Saint-Aubin ferry resumed."}\nnot json\n')
    runs = [run_cli("check", "--no-cache", "--jobs", jobs, str(tmp_path)) for jobs in ("1", "2")]
    assert runs[0].exit_code == runs[1].exit_code == 1
    assert runs[0].stdout == runs[1].stdout
    assert "NCN002" in runs[0].stdout and "INP004" in runs[0].stdout and "INP100" not in runs[0].stdout
    # The source lines under NCN002, read again from the files.
    assert "| <p>The Saint Aubin ferry resumed" in runs[0].stdout
    assert "| The the Saint Aubin ferry resumed" in runs[0].stdout


@pytest.mark.parametrize(("cores", "started"), [(2, 8), (100, 9)])
def test_jobs_are_capped_at_the_files_and_four_per_core(tmp_path, monkeypatch, cores, started):
    pids = tmp_path / "pids"
    pids.mkdir()
    real = newslint.parallel._start

    def start(plan, cache):  # each worker leaves its process id behind
        (pids / str(os.getpid())).touch()
        real(plan, cache)

    monkeypatch.setattr(newslint.parallel, "_start", start)
    monkeypatch.setattr(newslint.parallel, "default_jobs", lambda: cores)
    for i in range(9):
        write(tmp_path / "docs" / f"a{i}.txt", f"Day {i}\n\nThe the harbour reopened on Monday.\n")
    many = run_cli("check", "--no-cache", "--jobs", "200", str(tmp_path / "docs"))
    assert len(os.listdir(pids)) == started
    assert many.exit_code == 1 and many.stdout.count("MTA301") == 9
    assert many.stdout == run_cli("check", "--no-cache", "--jobs", "1", str(tmp_path / "docs")).stdout
