"""--jobs: several processes give the same findings, in the same order, as one."""

from __future__ import annotations

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
