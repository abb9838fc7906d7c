"""The results cache: hits, what invalidates an entry, broken caches, --no-cache, `newslint clean`.

Whether a run read the cache is seen by counting the files given to the linter (`lint_texts`,
which a cache miss comes to) and by the entries' modification times; both runs in process, on fewer
files than make a process pool, unless the test is about --jobs.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import newslint
import newslint.cache
from newslint import regexes
from newslint.cache import TAG_NAME
from tests.util import check_json, run_cli, write

needs_regex_store = pytest.mark.skipif(not regexes.KEPT, reason="compiled patterns are kept on Python 3.11 and later")

BAD = "Harbour reopens\n\nThe harbour reopened on Monday after the the storm, officials said.\n"
CLEAN = "Harbour reopens\n\nThe harbour reopened on Monday after the storm, officials said.\n"


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def linted(monkeypatch) -> list[str]:
    """The display paths of the files actually linted (not answered from the cache)."""
    import newslint.engine

    calls: list[str] = []
    real = newslint.engine.lint_texts

    def counting(files, plan, *args, **kwargs):
        calls.extend(Path(display).name for _, display, _ in files)
        return real(files, plan, *args, **kwargs)

    monkeypatch.setattr(newslint.engine, "lint_texts", counting)  # every file linted, cache or not
    return calls


def _check(*args: str):
    result = run_cli("check", "--format", "json", *args)
    assert result.exit_code in (0, 1), result.stderr
    return result


def _entries(cache_dir: Path) -> dict[Path, int]:
    """The files' entries (not the runs' verdicts, not the regex store) and their modification times."""
    return {p: p.stat().st_mtime_ns for p in (cache_dir / "v1").glob("??/*.json")}


def _verdicts(cache_dir: Path) -> list[Path]:
    return sorted((cache_dir / "v1" / "runs").glob("*.json"))


def test_second_run_reads_the_cache(tmp_path, cache_dir, linted):
    write(tmp_path / "a.txt", BAD)
    write(tmp_path / "b.md", CLEAN)
    first = _check(str(tmp_path / "a.txt"), str(tmp_path / "b.md"))
    assert sorted(linted) == ["a.txt", "b.md"]
    entries = _entries(cache_dir)
    assert len(entries) == 2
    linted.clear()
    second = _check(str(tmp_path / "a.txt"), str(tmp_path / "b.md"))
    assert linted == []
    assert second.stdout == first.stdout and second.exit_code == first.exit_code == 1
    assert _entries(cache_dir) == entries  # read, not rewritten
    assert second.stderr == ""


def test_cached_findings_keep_fixes_and_source_lines(tmp_path, cache_dir, linted):
    write(tmp_path / "a.txt", BAD)
    cold = run_cli("check", "--format", "text", str(tmp_path))
    linted.clear()
    warm = run_cli("check", "--format", "text", str(tmp_path))
    assert linted == []
    assert warm.stdout == cold.stdout
    assert "[*]" in warm.stdout and "after the the storm" in warm.stdout


def test_cached_unsafe_fixes_stay_unsafe_and_the_option_is_not_part_of_the_key(tmp_path, cache_dir, linted):
    write(tmp_path / "a.txt", "Crews opened corridors to allow Civilians out of the valley.\n")
    cold = check_json("--select", "MTA101", str(tmp_path))[1]
    linted.clear()
    warm = check_json("--select", "MTA101", "--unsafe-fixes", str(tmp_path))[1]
    assert linted == []
    assert [f["fix"] for f in cold] == [None]
    assert [f["fix"]["applicability"] for f in warm] == ["unsafe"]


def test_output_format_is_not_part_of_the_key(tmp_path, cache_dir, linted):
    write(tmp_path / "a.txt", BAD)
    _check(str(tmp_path))
    linted.clear()
    assert "MTA301" in run_cli("check", "--format", "concise", str(tmp_path)).stdout
    assert linted == []


def test_a_changed_file_is_linted_again_and_the_others_are_not(tmp_path, cache_dir, linted):
    write(tmp_path / "a.txt", BAD)
    write(tmp_path / "b.txt", CLEAN)
    _check(str(tmp_path))
    linted.clear()
    write(tmp_path / "b.txt", BAD)
    findings = json.loads(_check(str(tmp_path)).stdout)
    assert linted == ["b.txt"]
    assert sorted(Path(f["path"]).name for f in findings) == ["a.txt", "b.txt"]
    assert len(_entries(cache_dir)) == 2  # one entry per file: a changed file replaces its own


@pytest.mark.parametrize("change", [
    ("--select", "MTA301"),
    ("--ignore", "RES"),
    ("--extend-select", "ALL"),
    ("--jsonl-field", "body"),
])
def test_settings_that_change_findings_invalidate(tmp_path, cache_dir, linted, change):
    write(tmp_path / "a.txt", BAD)
    _check(str(tmp_path))
    linted.clear()
    _check(*change, str(tmp_path))
    assert linted == ["a.txt"]


def test_config_file_edits_invalidate(tmp_path, cache_dir, linted):
    write(tmp_path / "newslint.toml", 'accept = ["Harbour"]\n')
    write(tmp_path / "a.txt", BAD)
    assert "MTA301" in _check(str(tmp_path)).stdout
    linted.clear()
    write(tmp_path / "newslint.toml", 'ignore = ["MTA301"]\n')
    assert "MTA301" not in _check(str(tmp_path)).stdout
    assert linted == ["a.txt"]
    linted.clear()
    write(tmp_path / "newslint.toml", 'ignore = ["MTA301"]\nfail-on = "error"\noutput-format = "concise"\n')
    _check(str(tmp_path))
    assert linted == []  # fail-on and output format do not change findings


def test_a_new_version_invalidates(tmp_path, cache_dir, linted, monkeypatch):
    write(tmp_path / "a.txt", BAD)
    _check(str(tmp_path))
    linted.clear()
    monkeypatch.setattr(newslint, "__version__", "99.0.0")
    _check(str(tmp_path))
    assert linted == ["a.txt"]


PACK = """\
[[rule]]
code = "RES901"
name = "house-harbour"
category = "residue"
kind = "existence"
message = "House style: '{match}'"
phrases = ["%s"]
what = "A word the house avoids."
why = "House style."
bad = "%s\\n"
good = "Nothing here.\\n"
"""


def test_an_edited_rule_pack_invalidates(tmp_path, cache_dir, linted):
    write(tmp_path / "newslint.toml", 'rule-packs = ["house.toml"]\n')
    pack = write(tmp_path / "house.toml", PACK % ("storm", "storm"))
    write(tmp_path / "a.txt", CLEAN)
    first = json.loads(_check(str(tmp_path / "a.txt")).stdout)
    assert [f["message"] for f in first if f["code"] == "RES901"] == ["House style: 'storm'"]
    linted.clear()
    pack.write_text(PACK % ("harbour", "harbour"), encoding="utf-8")
    second = json.loads(_check(str(tmp_path / "a.txt")).stdout)
    assert linted == ["a.txt"]
    assert [f["message"] for f in second if f["code"] == "RES901"] == ["House style: 'harbour'"]


def test_built_in_rule_data_is_part_of_the_key(monkeypatch):
    from newslint.cache import run_key
    from newslint.config import Settings
    from newslint.engine import make_plan

    plan = make_plan(Settings())
    before = run_key(plan)
    stamps = []
    real = newslint.cache._tree_stamp

    def touched(folder, endings):
        stamp = real(folder, endings)
        stamps.append(folder)
        return stamp + [("data/new-list.txt", 1, 1)] if endings is None else stamp

    monkeypatch.setattr(newslint.cache, "_tree_stamp", touched)
    assert run_key(plan) != before
    assert newslint.registry.builtin_rules_dir() in stamps


def test_a_corrupt_entry_is_ignored_with_one_warning(tmp_path, cache_dir, linted):
    write(tmp_path / "a.txt", BAD)
    write(tmp_path / "b.txt", BAD)
    first = _check(str(tmp_path))
    for entry in _entries(cache_dir):
        entry.write_bytes(b'{"key": "\x00 half an entr')
    linted.clear()
    second = _check(str(tmp_path))
    assert second.stdout == first.stdout
    assert sorted(linted) == ["a.txt", "b.txt"]
    warnings = second.stderr.splitlines()
    assert len(warnings) == 1 and warnings[0].startswith("newslint: warning: ignoring corrupt cache entry")
    linted.clear()
    third = _check(str(tmp_path))  # the entries were rewritten
    assert linted == [] and third.stderr == "" and third.stdout == first.stdout


def test_an_entry_of_the_wrong_shape_is_corrupt_too(tmp_path, cache_dir):
    write(tmp_path / "a.txt", BAD)
    first = _check(str(tmp_path))
    [entry] = _entries(cache_dir)
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["findings"] = [["not", "a", "finding"]]
    entry.write_text(json.dumps(data), encoding="utf-8")
    second = _check(str(tmp_path))
    assert second.stdout == first.stdout
    assert "corrupt cache entry" in second.stderr


def test_sightings_with_a_number_out_of_range_make_the_entry_corrupt(tmp_path, cache_dir, linted):
    write(tmp_path / "a.txt", BAD)
    first = _check(str(tmp_path / "a.txt"))
    [entry] = _entries(cache_dir)
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["sightings"] = json.dumps({"NCN002": [["harbour"], ["Harbour"], [1, -1, 1, 1, 9]]})
    entry.write_text(json.dumps(data), encoding="utf-8")
    write(tmp_path / "b.txt", CLEAN)
    linted.clear()
    second = _check(str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))  # new paths: the sightings are read
    assert sorted(linted) == ["a.txt", "b.txt"]
    assert "corrupt cache entry" in second.stderr
    assert [f for f in json.loads(second.stdout) if f["path"].endswith("a.txt")] == json.loads(first.stdout)


def test_a_cache_dir_that_cannot_be_made_is_ignored_with_one_warning(tmp_path, monkeypatch):
    blocker = write(tmp_path / "not-a-folder", "x")
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(blocker))
    write(tmp_path / "docs" / "a.txt", BAD)
    result = _check(str(tmp_path / "docs"))
    assert result.exit_code == 1 and "MTA301" in result.stdout
    [line] = result.stderr.splitlines()
    assert line.startswith("newslint: warning: cannot use the cache folder") and "without a cache" in line


def test_entries_that_cannot_be_written_give_one_warning(tmp_path, cache_dir):
    cache_dir.mkdir()
    (cache_dir / "v1").write_text("a file where the entries' folder should be", encoding="utf-8")
    for i in range(3):
        write(tmp_path / "docs" / f"a{i}.txt", BAD)
    result = _check(str(tmp_path / "docs"))
    assert result.exit_code == 1 and result.stdout.count("MTA301") == 3
    [line] = result.stderr.splitlines()
    assert line.startswith("newslint: warning: cannot write to the cache folder")


def test_no_cache_reads_and_writes_nothing(tmp_path, cache_dir, linted):
    write(tmp_path / "a.txt", BAD)
    _check("--no-cache", str(tmp_path))
    assert not cache_dir.exists()
    _check(str(tmp_path))
    linted.clear()
    _check("--no-cache", str(tmp_path))
    assert linted == ["a.txt"]  # an existing cache is not read either


def test_no_cache_from_the_environment(tmp_path, cache_dir, monkeypatch):
    monkeypatch.setenv("NEWSLINT_NO_CACHE", "1")
    write(tmp_path / "a.txt", BAD)
    _check(str(tmp_path))
    assert not cache_dir.exists()


def test_standard_input_is_not_cached(cache_dir):
    result = run_cli("check", "--format", "json", "-", input=BAD)
    assert "MTA301" in result.stdout
    assert not cache_dir.exists()


def test_default_folder_is_in_the_config_folder_with_tag_and_gitignore(tmp_path, monkeypatch):
    monkeypatch.delenv("NEWSLINT_CACHE_DIR")
    project = tmp_path / "site"
    write(project / "pyproject.toml", '[tool.newslint]\nignore = ["RES"]\n')
    write(project / "content" / "a.md", BAD)
    monkeypatch.chdir(tmp_path)
    _check(str(project / "content"))
    folder = project / ".newslint_cache"
    assert (folder / TAG_NAME).read_text(encoding="utf-8").startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (folder / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert len(list((folder / "v1").glob("??/*.json"))) == 1
    assert not (tmp_path / ".newslint_cache").exists()


def test_default_folder_without_config_is_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("NEWSLINT_CACHE_DIR")
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.txt", BAD)
    _check("a.txt")
    assert (tmp_path / ".newslint_cache" / TAG_NAME).is_file()


def test_cache_dir_setting_is_relative_to_the_config_file(tmp_path, monkeypatch):
    monkeypatch.delenv("NEWSLINT_CACHE_DIR")
    write(tmp_path / "newslint.toml", 'cache-dir = "build/lint-cache"\n')
    write(tmp_path / "a.txt", BAD)
    _check(str(tmp_path / "a.txt"))
    assert (tmp_path / "build" / "lint-cache" / TAG_NAME).is_file()
    # --cache-dir wins over the setting.
    _check("--cache-dir", str(tmp_path / "other"), str(tmp_path / "a.txt"))
    assert (tmp_path / "other" / TAG_NAME).is_file()


def test_cache_dir_setting_must_be_a_string(tmp_path):
    write(tmp_path / "newslint.toml", "cache-dir = 3\n")
    result = run_cli("check", "--config", str(tmp_path / "newslint.toml"), str(tmp_path))
    assert result.exit_code == 2 and "cache-dir" in result.stderr


@pytest.mark.parametrize("command", ["check", "clean"])
def test_an_empty_cache_dir_option_is_a_usage_error_not_the_default_folder(tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.txt", "The council met on Monday and agreed the budget.\n")
    result = run_cli(command, "--cache-dir", "", *(["a.txt"] if command == "check" else []))
    assert result.exit_code == 2
    assert result.stderr.strip() == "newslint: error: command line: --cache-dir: must be a non-empty folder path"
    assert not (tmp_path / ".newslint_cache").exists()


def test_clean_removes_the_cache_and_says_what(tmp_path, cache_dir):
    write(tmp_path / "a.txt", BAD)
    _check(str(tmp_path))
    result = run_cli("clean")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Removed {cache_dir} (") and "files" in result.stdout
    assert not cache_dir.exists()
    again = run_cli("clean")
    assert again.exit_code == 0 and "nothing to remove" in again.stdout


def test_clean_uses_the_config_cache_dir(tmp_path, monkeypatch):
    monkeypatch.delenv("NEWSLINT_CACHE_DIR")
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "newslint.toml", 'cache-dir = "lint-cache"\n')
    write(tmp_path / "a.txt", BAD)
    _check("a.txt")
    assert (tmp_path / "lint-cache").is_dir()
    assert run_cli("clean").exit_code == 0
    assert not (tmp_path / "lint-cache").exists()


def test_clean_keeps_a_folder_newslint_did_not_make(tmp_path, cache_dir):
    cache_dir.mkdir()
    keep = write(cache_dir / "notes.txt", "mine")
    write(tmp_path / "docs" / "a.txt", BAD)
    _check(str(tmp_path / "docs"))
    assert (cache_dir / "v1").is_dir() and not (cache_dir / TAG_NAME).exists()
    result = run_cli("clean")
    assert result.exit_code == 0 and "was not made by newslint and is kept" in result.stdout
    assert keep.is_file() and not (cache_dir / "v1").exists()


def _user_files(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): p.read_text(encoding="utf-8") for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("how", ["option", "config"])
def test_clean_of_the_current_folder_removes_only_newslints_files(tmp_path, monkeypatch, how):
    monkeypatch.delenv("NEWSLINT_CACHE_DIR")
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "v1" / "draft.md", "# Ferry talks\n\nA draft the user keeps in a folder named v1.\n")
    write(tmp_path / "a.txt", BAD)
    args = ("--cache-dir", ".") if how == "option" else ()
    if how == "config":
        write(tmp_path / "newslint.toml", 'cache-dir = "."\n')
    before = _user_files(tmp_path)
    nothing = run_cli("clean", *args)
    assert nothing.exit_code == 0 and nothing.stdout.startswith("No newslint cache files in ")
    assert nothing.stdout.endswith(": nothing to remove.\n")
    _check(*args, "a.txt")
    assert list((tmp_path / "v1").glob("??/*.json"))  # the entries sit beside the user's draft
    result = run_cli("clean", *args)
    assert result.exit_code == 0
    stored = 2 if regexes.KEPT else 1  # the file's entry, and the compiled patterns (Python 3.11+)
    assert result.stdout.startswith(f"Removed {stored} newslint cache files (") and "kept" in result.stdout
    assert _user_files(tmp_path) == before


def test_clean_leaves_a_folder_another_tool_tagged_alone(tmp_path, monkeypatch):
    shared = tmp_path / "shared"
    tag = write(shared / TAG_NAME, "Signature: 8a477f597d28d172789f06886806bc55\n"
                                   "# This file is a cache directory tag created by pytest.\n")
    write(shared / "other-tool-data.bin", "another tool's data")
    before = _user_files(shared)
    result = run_cli("clean", "--cache-dir", str(shared))
    assert result.exit_code == 0 and "nothing to remove" in result.stdout
    assert _user_files(shared) == before
    write(tmp_path / "a.txt", BAD)
    _check("--cache-dir", str(shared), str(tmp_path / "a.txt"))
    result = run_cli("clean", "--cache-dir", str(shared))
    assert result.exit_code == 0 and "was not made by newslint and is kept" in result.stdout
    assert _user_files(shared) == before and tag.is_file()


def test_clean_keeps_a_users_file_put_in_the_folder_newslint_made(tmp_path, cache_dir):
    write(tmp_path / "a.txt", BAD)
    _check(str(tmp_path / "a.txt"))
    keep = write(cache_dir / "v1" / "ab" / "notes.md", "mine")  # not named as newslint names entries
    result = run_cli("clean")
    assert result.exit_code == 0 and "holds files newslint did not write, which are kept" in result.stdout
    assert keep.read_text(encoding="utf-8") == "mine" and (cache_dir / TAG_NAME).is_file()
    assert not list((cache_dir / "v1").glob("??/*.json"))
    keep.unlink()
    again = run_cli("clean")
    assert again.stdout.startswith(f"Removed {cache_dir} (") and not cache_dir.exists()


@pytest.mark.usefixtures("small_runs_keep_verdicts")
def test_cross_file_names_with_a_warm_cache(tmp_path, cache_dir, linted):
    for i in range(12):
        dash = "Saint Aubin" if i == 5 else "Saint-Aubin"
        write(tmp_path / f"a{i:02}.md", f"# Ferry talks, day {i}\n\nThe {dash} ferry resumed on Monday, officials said.\n")
    cold_json = _check("--jobs", "1", str(tmp_path)).stdout
    cold_text = run_cli("check", "--jobs", "1", str(tmp_path)).stdout
    assert '"NCN002"' in cold_json
    linted.clear()
    assert _check("--jobs", "1", str(tmp_path)).stdout == cold_json
    assert run_cli("check", "--jobs", "1", str(tmp_path)).stdout == cold_text
    assert linted == []
    assert "The Saint Aubin ferry resumed" in cold_text  # the line, read again for the report


def test_a_suppression_comment_still_silences_a_cross_file_finding_from_the_cache(tmp_path, cache_dir, linted):
    for i in range(4):
        write(tmp_path / f"a{i}.md", "# Ferry\n\nThe Saint-Aubin ferry resumed on Monday, officials said.\n")
    write(tmp_path / "b.md", "# Ferry\n\n<!-- newslint-disable-file NCN002 -->\n"
                             "The Saint Aubin ferry resumed on Monday, officials said.\n")
    cold = _check("--select", "NCN002,INP", str(tmp_path)).stdout
    linted.clear()
    warm = _check("--select", "NCN002,INP", str(tmp_path)).stdout
    assert linted == [] and warm == cold
    assert '"NCN002"' not in warm


@pytest.fixture
def no_project_rules(monkeypatch):
    """Makes NCN002's cross-file judgement fail if it runs."""
    from newslint.checks.names import NameVariantAcrossFiles

    def boom(self, sightings, ctx):
        raise AssertionError("NCN002 judged the files again")

    def arm():
        monkeypatch.setattr(NameVariantAcrossFiles, "finish", boom)

    return arm


def _ferry_files(folder: Path, odd: int = 5) -> None:
    for i in range(12):
        dash = "Saint Aubin" if i == odd else "Saint-Aubin"
        write(folder / f"a{i:02}.txt", f"Ferry talks, day {i}\n\nThe {dash} ferry resumed on Monday, officials said.\n")


@pytest.fixture
def small_runs_keep_verdicts(monkeypatch):
    monkeypatch.setattr(newslint.cache, "PROJECT_MIN_FILES", 2)


def test_small_runs_keep_no_verdict(tmp_path, cache_dir):
    _ferry_files(tmp_path)
    _check(str(tmp_path))
    assert not (cache_dir / "v1" / "runs").exists()


@pytest.mark.usefixtures("small_runs_keep_verdicts")
def test_the_cross_file_verdict_of_an_unchanged_run_comes_from_the_cache(tmp_path, cache_dir, no_project_rules):
    _ferry_files(tmp_path / "docs")
    cold = _check("--jobs", "1", str(tmp_path / "docs"))
    assert '"NCN002"' in cold.stdout and len(_verdicts(cache_dir)) == 1
    no_project_rules()
    warm = _check("--jobs", "1", str(tmp_path / "docs"))
    assert warm.stdout == cold.stdout and warm.stderr == ""
    text = run_cli("check", "--jobs", "1", str(tmp_path / "docs")).stdout
    assert "| The Saint Aubin ferry resumed" in text


@pytest.mark.usefixtures("small_runs_keep_verdicts")
def test_a_changed_file_makes_the_project_rules_judge_again(tmp_path, cache_dir):
    _ferry_files(tmp_path)
    cold = json.loads(_check(str(tmp_path)).stdout)
    assert [Path(f["path"]).name for f in cold if f["code"] == "NCN002"] == ["a05.txt"]
    write(tmp_path / "a05.txt", "Ferry talks, day 5\n\nThe Saint-Aubin ferry resumed on Monday.\n")
    write(tmp_path / "a07.txt", "Ferry talks, day 7\n\nThe Saint Aubin ferry resumed on Monday.\n")
    warm = json.loads(_check(str(tmp_path)).stdout)
    assert [Path(f["path"]).name for f in warm if f["code"] == "NCN002"] == ["a07.txt"]
    (tmp_path / "a07.txt").unlink()  # a file fewer: judged again too
    assert [f for f in json.loads(_check(str(tmp_path)).stdout) if f["code"] == "NCN002"] == []


@pytest.mark.usefixtures("small_runs_keep_verdicts")
def test_the_verdict_follows_the_paths_as_shown(tmp_path, cache_dir, monkeypatch):
    _ferry_files(tmp_path / "docs")
    monkeypatch.chdir(tmp_path)
    relative = json.loads(_check("docs").stdout)
    absolute = json.loads(_check(str(tmp_path / "docs")).stdout)
    [rel] = [f for f in relative if f["code"] == "NCN002"]
    [abs_] = [f for f in absolute if f["code"] == "NCN002"]
    assert rel["path"] == "docs/a05.txt" and "(e.g. docs/a00.txt)" in rel["message"]
    assert abs_["path"] == str(tmp_path / "docs" / "a05.txt") and str(tmp_path) in abs_["message"]


@pytest.fixture
def entries_read(monkeypatch) -> list[str]:
    """The names of the files whose cache entries a run reads (by the shown path asked for)."""
    names: list[str] = []
    real = newslint.cache.Cache.get

    def counting(self, location, key, display):
        names.append(Path(display).name)
        return real(self, location, key, display)

    monkeypatch.setattr(newslint.cache.Cache, "get", counting)
    return names


@pytest.mark.usefixtures("small_runs_keep_verdicts")
def test_a_warm_run_reads_the_entries_of_the_files_with_something_to_show_only(tmp_path, cache_dir, entries_read):
    _ferry_files(tmp_path)
    write(tmp_path / "a03.txt", "Ferry talks, day 3\n\nThe the Saint-Aubin ferry resumed on Monday.\n")
    write(tmp_path / "a08.md", "# Day 8\n\n<!-- newslint-disable-next-line MTA301 -->\nThe Saint-Aubin ferry sailed.\n")
    cold = _check(str(tmp_path))
    entries_read.clear()
    warm = _check(str(tmp_path))
    assert warm.stdout == cold.stdout and warm.stderr == ""
    # a03: its own finding; a05: NCN002's; a08: a suppression comment (its INP100 finding).
    assert sorted(entries_read) == ["a03.txt", "a05.txt", "a08.md"]
    assert {Path(f["path"]).name for f in json.loads(warm.stdout)} == {"a03.txt", "a05.txt", "a08.md"}


@pytest.mark.usefixtures("small_runs_keep_verdicts")
def test_a_missing_entry_of_a_file_with_findings_makes_the_run_judge_again(tmp_path, cache_dir, entries_read):
    _ferry_files(tmp_path)
    cold = _check(str(tmp_path))
    assert '"NCN002"' in cold.stdout
    shown_entry = newslint.cache.Cache(cache_dir, "")._entry_path(os.path.abspath(tmp_path / "a05.txt"))
    Path(shown_entry).unlink()
    entries_read.clear()
    warm = _check(str(tmp_path))
    assert warm.stdout == cold.stdout and warm.stderr == ""
    # a05's entry first (missing: it is linted again), then every other for its sightings.
    assert entries_read[0] == "a05.txt" and sorted(entries_read[1:]) == [f"a{i:02}.txt" for i in range(12) if i != 5]


@pytest.mark.usefixtures("small_runs_keep_verdicts")
def test_a_corrupt_verdict_is_ignored_with_one_warning(tmp_path, cache_dir):
    _ferry_files(tmp_path)
    cold = _check(str(tmp_path))
    [verdict] = _verdicts(cache_dir)
    verdict.write_text('{"key": 1, "findings": ', encoding="utf-8")
    warm = _check(str(tmp_path))
    assert warm.stdout == cold.stdout
    assert warm.stderr.startswith("newslint: warning: ignoring corrupt cache entry") and warm.stderr.count("\n") == 1


def test_jobs_2_with_a_warm_cache_gives_the_same_findings(tmp_path, cache_dir):
    for i in range(12):
        dash = "Saint Aubin" if i == 5 else "Saint-Aubin"
        write(tmp_path / f"a{i:02}.txt", f"Ferry talks, day {i}\n\nThe the {dash} ferry resumed on Monday.\n")
    cold = _check("--jobs", "2", str(tmp_path))
    entries = _entries(cache_dir)
    assert len(entries) == 12
    warm = _check("--jobs", "2", str(tmp_path))
    one = _check("--jobs", "1", "--no-cache", str(tmp_path))
    assert cold.stdout == warm.stdout == one.stdout
    assert _entries(cache_dir) == entries


def test_fix_lints_afresh_and_stores_what_is_left(tmp_path, cache_dir, linted):
    path = write(tmp_path / "a.txt", BAD)
    _check(str(tmp_path))
    linted.clear()
    fixed = run_cli("check", "--fix", "--format", "json", str(tmp_path))
    assert fixed.exit_code == 0 and json.loads(fixed.stdout) == []
    assert path.read_text(encoding="utf-8") == CLEAN
    assert linted == ["a.txt", "a.txt"]  # not read from the cache; linted again after fixing
    linted.clear()
    assert json.loads(_check(str(tmp_path)).stdout) == []
    assert linted == []  # the fixed file's findings were stored


def test_a_file_a_rule_crashed_on_is_not_cached(tmp_path, cache_dir, monkeypatch):
    from newslint.checks.repeated_word import RepeatedWord

    def boom(self, doc, ctx):
        raise RuntimeError("boom")

    monkeypatch.setattr(RepeatedWord, "check", boom)
    write(tmp_path / "a.txt", BAD)
    result = run_cli("check", str(tmp_path))
    assert "internal error in rule MTA301" in result.stderr
    assert _entries(cache_dir) == {}
    again = run_cli("check", str(tmp_path))
    assert "internal error in rule MTA301" in again.stderr  # shown again, not hidden by the cache


def test_entries_are_written_atomically(tmp_path, cache_dir):
    write(tmp_path / "a.txt", BAD)
    _check(str(tmp_path))
    names = [p.name for p in (cache_dir / "v1").rglob("*") if p.is_file()]
    assert names and all(name.endswith(".json") for name in names)  # no temporary file left
    assert os.listdir(cache_dir / "v1")  # fanned out in sub-folders


def _store(cache_dir: Path) -> Path:
    [store] = (cache_dir / "v1").glob("regex-*.json")
    return store


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    """The patterns this process parses (compiles) from now on: none comes from the store."""
    import newslint.regexes

    patterns: list[str] = []
    real = newslint.regexes._parser.parse

    def counting(pattern, *args, **kwargs):
        patterns.append(pattern)
        return real(pattern, *args, **kwargs)

    monkeypatch.setattr(newslint.regexes._parser, "parse", counting)
    return patterns


@needs_regex_store
def test_compiled_regexes_are_kept_and_reused(tmp_path, cache_dir, parsed):
    write(tmp_path / "a.txt", "Home » News » Harbour reopens\n\n" + BAD)
    cold = _check(str(tmp_path / "a.txt"))
    store = json.loads(_store(cache_dir).read_text(encoding="utf-8"))
    assert len(store["patterns"]) >= 10 and len(parsed) >= 10  # the residue and spacing packs at least
    parsed.clear()
    write(tmp_path / "a.txt", "Home » News » Harbour reopens\n\n" + BAD + "\n")  # linted again
    warm = _check(str(tmp_path / "a.txt"))
    assert warm.stdout == cold.stdout and "RES001" in warm.stdout
    assert parsed == []  # every pattern came from the store


@needs_regex_store
def test_patterns_compiled_for_worker_processes_are_kept_too(tmp_path, cache_dir, parsed):
    """Workers inherit the rules' patterns from the process that starts them, which compiles
    them first: so the store has them after a run with --jobs 2, and a later run of one file
    (pre-commit) compiles nothing."""
    for i in range(10):
        write(tmp_path / f"a{i}.txt", "Home » News » Harbour reopens\n\n" + BAD)
    parallel = _check("--jobs", "2", str(tmp_path))
    assert "RES001" in parallel.stdout
    parsed.clear()
    write(tmp_path / "a0.txt", "Home » News » Harbour reopens\n\n" + BAD + "\n")  # linted again
    one = _check(str(tmp_path / "a0.txt"))
    assert "RES001" in one.stdout and "MTA301" in one.stdout
    assert parsed == []


@needs_regex_store
def test_a_broken_regex_store_is_rewritten(tmp_path, cache_dir):
    write(tmp_path / "a.txt", "Home » News » Harbour reopens\n\n" + BAD)
    cold = _check(str(tmp_path / "a.txt"))
    store_path = _store(cache_dir)
    store = json.loads(store_path.read_text(encoding="utf-8"))
    for parts in store["patterns"].values():
        parts[1] = [1, 2, 3]  # code the C matcher refuses
    store_path.write_text(json.dumps(store), encoding="utf-8")
    write(tmp_path / "a.txt", "Home » News » Harbour reopens\n\n" + BAD + "\n")  # linted again
    assert _check(str(tmp_path / "a.txt")).stdout == cold.stdout
    store_path.write_text("{not json", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Home » World » Storm\n\n" + BAD, encoding="utf-8")
    again = _check(str(tmp_path / "a.txt"))
    assert "RES001" in again.stdout and again.stderr == ""
    assert json.loads(store_path.read_text(encoding="utf-8"))["patterns"]


def _not_utf8_name(folder: Path, text: str) -> Path:
    """A file whose name is not UTF-8 (Python gives it as surrogates); skips where none can exist."""
    folder.mkdir(parents=True, exist_ok=True)
    try:
        return write(folder / os.fsdecode(b"caf\xe9.txt"), text)
    except (OSError, UnicodeError):
        pytest.skip("this file system takes UTF-8 names only")


@pytest.mark.usefixtures("small_runs_keep_verdicts")
def test_a_verdict_naming_a_file_whose_name_is_not_utf8_is_kept(tmp_path, cache_dir):
    _ferry_files(tmp_path, odd=-1)
    _not_utf8_name(tmp_path, "Ferry talks\n\nThe Saint Aubin ferry resumed on Monday, officials said.\n")
    cold = _check(str(tmp_path))
    assert [f["code"] for f in json.loads(cold.stdout) if "caf" in f["path"]] == ["NCN002"]
    assert len(_verdicts(cache_dir)) == 1 and cold.stderr == ""
    warm = _check(str(tmp_path))
    assert warm.stdout == cold.stdout and warm.stderr == ""


def _one_long_line(n: int) -> str:
    """n distinct sentences, each with a doubled word, on one line: a finding every 60 characters."""
    return " ".join(f"The ferry number {i} left the the harbour on time." for i in range(n)) + "\n"


@pytest.mark.parametrize("name", ["long.txt", "long.jsonl"])
def test_findings_on_one_long_line_keep_an_excerpt_of_it_not_the_whole_line(tmp_path, cache_dir, linted, name):
    from newslint.findings import EXCERPT_WIDTH

    text = _one_long_line(800)  # a line of 40,000 characters with 800 findings
    write(tmp_path / name, json.dumps({"text": text.rstrip("\n")}) + "\n" if name.endswith(".jsonl") else text)
    cold = run_cli("check", "--select", "MTA301", str(tmp_path))
    assert cold.stdout.endswith("Found 800 findings (800 warnings) in 1 file." + (" 800 fixable with --fix.\n"
                                                                                   if name.endswith(".txt") else "\n"))
    (entry,) = _entries(cache_dir)
    stored = json.loads(entry.read_text(encoding="utf-8"))["findings"]
    assert len(stored) == 800 and all(len(row[10]) <= EXCERPT_WIDTH for row in stored)
    assert entry.stat().st_size < 800 * 1024  # the whole line with every finding: 33 MB
    linted.clear()
    warm = run_cli("check", "--select", "MTA301", str(tmp_path))
    assert linted == [] and warm.stdout == cold.stdout


def test_a_folder_another_process_makes_first_is_not_an_error(tmp_path, monkeypatch):
    # Two workers may both find LanguageTool's cache folder missing and make it at once: the
    # second's mkdir meets the first's folder, which is fine, not a reason to give the cache up.
    from newslint.cache import prepare_folder

    folder = tmp_path / "cache"
    real_mkdir = Path.mkdir

    def racing_mkdir(self, *args, **kwargs):
        real_mkdir(self, *args, **kwargs)  # the other worker wins the race ...
        raise FileExistsError(17, "File exists")  # ... and this one's mkdir then fails

    monkeypatch.setattr(Path, "mkdir", racing_mkdir)
    prepare_folder(folder)
    assert folder.is_dir()
    monkeypatch.setattr(Path, "mkdir", real_mkdir)
    (tmp_path / "file").write_text("x")
    with pytest.raises(FileExistsError):
        prepare_folder(tmp_path / "file")  # a file in the way is still an error
