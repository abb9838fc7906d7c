"""--jobs: several processes give the same findings, in the same order, as one."""

from __future__ import annotations

import json
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

    def start(plan, cache, keep_text):  # each worker leaves its process id behind
        (pids / str(os.getpid())).touch()
        real(plan, cache, keep_text)

    monkeypatch.setattr(newslint.parallel, "_start", start)
    monkeypatch.setattr(newslint.parallel, "default_jobs", lambda: cores)
    for i in range(9):
        write(tmp_path / "docs" / f"a{i}.txt", f"Day {i}\n\nThe the harbour reopened on Monday.\n")
    many = run_cli("check", "--no-cache", "--jobs", "200", str(tmp_path / "docs"))
    assert len(os.listdir(pids)) == started
    assert many.exit_code == 1 and many.stdout.count("MTA301") == 9
    assert many.stdout == run_cli("check", "--no-cache", "--jobs", "1", str(tmp_path / "docs")).stdout


def _corpus(folder, files=12):
    """`files` articles; the sixth spells the ferry's name another way (NCN002 reports it)."""
    for i in range(files):
        dash = "Saint Aubin" if i == 5 else "Saint-Aubin"
        write(folder / f"a{i:02}.txt", f"Ferry talks, day {i}\n\nThe {dash} ferry resumed on Monday.\n")


def test_results_come_in_file_order_as_they_arrive_with_two_jobs(tmp_path):
    from newslint.config import Settings
    from newslint.discovery import discover
    from newslint.engine import make_plan

    _corpus(tmp_path)
    targets, _ = discover([str(tmp_path)], (), tmp_path)
    stream = newslint.parallel.lint_files(targets, make_plan(Settings()), 2, keep_text=False)
    first_target, first = next(stream)  # handed on before the rest are asked for
    assert first_target is targets[0] and first.path == targets[0].display
    rest = list(stream)
    assert [target for target, _ in rest] == targets[1:]
    assert [result.path for _, result in rest] == [t.display for t in targets[1:]]


def test_a_run_keeps_a_result_only_for_files_with_something_to_show(tmp_path):
    from newslint.discovery import Target
    from newslint.engine import FileResult, RunResults
    from newslint.findings import Finding, Position, Severity

    def finding(path):
        return Finding(path, Position(1, 1), Position(1, 2), "MTA301", "x", "mt-artifact", Severity.WARNING, "m")

    results = RunResults()
    results.add(FileResult("-", []))  # standard input: no target, always kept
    targets = [Target(str(tmp_path / f"{i}.txt"), f"{i}.txt") for i in range(5)]
    for target in targets:
        found = [finding(target.display)] if target.display == "3.txt" else []
        results.add(FileResult(target.display, found, source=target.path), target)
    assert len(results) == 6
    assert [r.path for r in results.shown()] == ["-", "3.txt"]
    # A project finding in a file kept as its target alone gets a result, in the file's place.
    made = results.for_paths({"1.txt"})
    assert made["1.txt"].source == targets[1].path
    assert [r.path for r in results.shown()] == ["-", "1.txt", "3.txt"]
    assert results.for_paths({"1.txt"})["1.txt"] is made["1.txt"]


def test_a_project_finding_in_a_file_with_no_other_finding_keeps_its_place(tmp_path):
    _corpus(tmp_path)
    runs = [run_cli("check", "--no-cache", "--format", "json", "--jobs", jobs, str(tmp_path)) for jobs in ("1", "2")]
    assert runs[0].stdout == runs[1].stdout
    findings = json.loads(runs[0].stdout)
    assert [(f["code"], os.path.basename(f["path"])) for f in findings] == [("NCN002", "a05.txt")]
    summary = run_cli("check", "--no-cache", "--jobs", "2", str(tmp_path)).stdout.splitlines()[-1]
    assert "in 12 files" in summary


def test_a_worker_sends_a_file_with_nothing_to_show_as_its_sightings_alone(tmp_path):
    from newslint.config import Settings
    from newslint.engine import FileResult, make_plan

    clean = write(tmp_path / "clean.txt", "Ferry talks\n\nThe Saint-Aubin ferry resumed on Monday.\n")
    flagged = write(tmp_path / "flagged.txt", "Ferry talks\n\nThe the Saint-Aubin ferry resumed on Monday.\n")
    newslint.parallel._start(make_plan(Settings()), None, False)
    try:
        (quiet, _), (loud, _) = newslint.parallel._work([(str(clean), "clean.txt"), (str(flagged), "flagged.txt")])
    finally:
        newslint.parallel._start(None, None, False)
    assert isinstance(quiet, dict) and "NCN002" in quiet  # the packed sightings, nothing else
    assert isinstance(loud, FileResult) and [f.code for f in loud.findings] == ["MTA301"]
    assert loud.text is None and loud.path == "" and loud.source is None  # the parent has them


def test_files_linted_in_one_group_report_what_each_reports_alone(tmp_path, monkeypatch):
    """The engine runs each rule over a group of files' documents before the next rule; what a
    rule works out about one document (repeated paragraphs, unknown words, names) must stay
    that document's."""
    import newslint.engine

    repeated = "The quarry will close in March, the owners said.\n\n"
    write(tmp_path / "a.txt", "Quarry to close\n\n" + repeated + "Workers were told on Friday.\n\n" + repeated)
    write(tmp_path / "b.txt", "Bridge vote\n\nCouncillor Marta Velkoviczka voted for the bridge. Velkoviczka said "
                              "it was overdue. Velkoviczka later left. Velkovizcka did not take questions.\n")
    write(tmp_path / "c.txt", "Harbour works\n\nThe goverment rebuilt the harbour after the storm, engineers said.\n")
    write(tmp_path / "d.jsonl", '{"text": "Talks resumed on Monday. warning."}\n'
                                '{"text": "The the ferry sailed at noon."}\n')
    write(tmp_path / "e.txt", "Caf\xe9 reopens\n\nThe caf\xe9 reopened on Monday.\n", encoding="latin-1")
    (tmp_path / "f.txt").write_bytes(b"\x00\x01\x02binary\x00")
    write(tmp_path / "g.md", "# Quarry\n\n" + repeated + "<!-- newslint-disable-next-line SPL001 -->\nThe goverment paid.\n\n")
    write(tmp_path / "c0-locked.txt", "Harbour works\n\nThe harbour reopened.\n")

    def deny(file, *args, **kwargs):  # tests may run as root, whom file modes do not stop
        if str(file).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied")
        return open(file, *args, **kwargs)

    monkeypatch.setattr("newslint.engine.open", deny, raising=False)
    together = run_cli("check", "--format", "json", "--no-cache", "--jobs", "1", str(tmp_path))
    monkeypatch.setattr(newslint.engine, "GROUP_FILES", 1)
    alone = run_cli("check", "--format", "json", "--no-cache", "--jobs", "1", str(tmp_path))
    assert together.exit_code == alone.exit_code == 1
    assert together.stdout == alone.stdout
    found = {(os.path.basename(f["path"]), f["code"]) for f in json.loads(together.stdout)}
    assert {("a.txt", "MTA302"), ("b.txt", "NMS001"), ("c.txt", "SPL001"), ("d.jsonl", "MTA301"),
            ("d.jsonl", "FRG001"), ("e.txt", "INP001"), ("f.txt", "INP002"), ("c0-locked.txt", "INP003")} <= found
    assert not any(name == "g.md" for name, _ in found)


def test_a_rule_that_fails_to_prepare_for_the_workers_is_reported_per_file_and_the_run_goes_on(tmp_path, monkeypatch):
    from newslint.checks.untranslated import ForeignScript

    def boom(self, *args):
        raise RuntimeError("boom")

    monkeypatch.setattr(ForeignScript, "prepare", boom)
    monkeypatch.setattr(ForeignScript, "check", boom)
    for i in range(10):
        write(tmp_path / f"a{i}.txt", f"Ferry talks, day {i}\n\nThe the ferry resumed on Monday.\n")
    result = run_cli("check", "--format", "json", "--no-cache", "--jobs", "2", str(tmp_path))
    assert result.exit_code == 1
    assert [f["code"] for f in json.loads(result.stdout)] == ["MTA301"] * 10
    assert result.stderr.count("internal error in rule MTA401 (foreign-script): RuntimeError: boom") == 10
