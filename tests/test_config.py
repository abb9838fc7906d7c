"""Configuration files, their discovery, and every key; bad config exits 2 naming file and key."""

from __future__ import annotations

import pytest

from tests.util import check_json, codes, run_cli, write

ARTICLE = "Home » News » World » Harbour reopens\n\nThe the harbour reopened on Monday.\n\nLeave a Comment\n"


def test_pyproject_tool_table_is_found_walking_up(tmp_path):
    write(tmp_path / "pyproject.toml", '[project]\nname = "site"\n\n[tool.newslint]\nignore = ["RES001"]\n')
    article = write(tmp_path / "content" / "posts" / "a.txt", ARTICLE)
    assert sorted(codes(check_json(str(article))[1])) == ["MTA301", "RES010"]


def test_pyproject_without_tool_table_is_passed_over_for_one_further_up(tmp_path):
    write(tmp_path / "newslint.toml", 'ignore = ["RES010"]\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    article = write(tmp_path / "sub" / "a.txt", ARTICLE)
    assert sorted(codes(check_json(str(article))[1])) == ["MTA301", "RES001"]


@pytest.mark.parametrize(
    "content, encoding, problem",
    [
        ('[tool.newslint]\nfail-on = "error\n', "utf-8", "invalid TOML"),
        ('[tool.newslint]\naccept = ["Mérida"]\n', "latin-1", "cannot read config file"),
        ('[tool.newslint.severity]\nRES001 = \n', "utf-8", "invalid TOML"),
    ],
)
def test_broken_pyproject_with_newslint_settings_exits_2(tmp_path, content, encoding, problem):
    # Not passed over for the config further up: that would lint with the wrong settings.
    write(tmp_path / "newslint.toml", 'select = ["RES"]\n')
    config = write(tmp_path / "site" / "pyproject.toml", content, encoding)
    article = write(tmp_path / "site" / "a.txt", ARTICLE)
    result = run_cli("check", str(article))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"newslint: error: {config}: {problem}"), lines


@pytest.mark.parametrize("content, encoding", [
    ('[project]\nname = "site\n', "utf-8"),
    ('[project]\ndescription = "Mérida"\n', "latin-1"),
])
def test_broken_pyproject_without_newslint_settings_is_passed_over(tmp_path, content, encoding):
    write(tmp_path / "newslint.toml", 'ignore = ["RES010"]\n')
    write(tmp_path / "sub" / "pyproject.toml", content, encoding)
    article = write(tmp_path / "sub" / "a.txt", ARTICLE)
    assert sorted(codes(check_json(str(article))[1])) == ["MTA301", "RES001"]


@pytest.mark.parametrize("name", ["newslint.toml", ".newslint.toml"])
def test_newslint_toml_files(tmp_path, name):
    write(tmp_path / name, 'select = ["residue"]\n')
    article = write(tmp_path / "a.txt", ARTICLE)
    assert sorted(codes(check_json(str(article))[1])) == ["RES001", "RES010"]


def test_config_option_overrides_discovery(tmp_path):
    write(tmp_path / "newslint.toml", 'select = ["residue"]\n')
    other = write(tmp_path / "elsewhere" / "strict.toml", 'select = ["MTA301"]\n')
    article = write(tmp_path / "a.txt", ARTICLE)
    assert codes(check_json("--config", str(other), str(article))[1]) == ["MTA301"]


def test_select_by_code_prefix_name_and_category(tmp_path):
    article = write(tmp_path / "a.txt", ARTICLE)
    assert codes(check_json("--select", "RES001", str(article))[1]) == ["RES001"]
    assert codes(check_json("--select", "RES0", str(article))[1]) == ["RES001", "RES010"]
    assert codes(check_json("--select", "repeated-word", str(article))[1]) == ["MTA301"]
    assert codes(check_json("--select", "mt-artifact", str(article))[1]) == ["MTA301"]
    assert codes(check_json("--select", "RES001,MTA301", str(article))[1]) == ["RES001", "MTA301"]


def test_most_specific_selector_wins(tmp_path):
    article = write(tmp_path / "a.txt", ARTICLE)
    # The category is ignored but one of its rules is selected by code: the code wins.
    found = codes(check_json("--ignore", "residue", "--extend-select", "RES010", str(article))[1])
    assert sorted(found) == ["MTA301", "RES010"]
    # A code in ignore beats a prefix in select.
    found = codes(check_json("--select", "RES", "--ignore", "RES010", str(article))[1])
    assert found == ["RES001"]


def test_extend_select_adds_to_config_select(tmp_path):
    write(tmp_path / "newslint.toml", 'select = ["RES001"]\nextend-select = ["MTA301"]\n')
    article = write(tmp_path / "a.txt", ARTICLE)
    assert codes(check_json(str(article))[1]) == ["RES001", "MTA301"]


def test_per_file_ignores(tmp_path):
    write(tmp_path / "newslint.toml", '[per-file-ignores]\n"archive/**" = ["residue"]\n"*.md" = ["MTA301"]\n')
    write(tmp_path / "archive" / "old.txt", ARTICLE)
    write(tmp_path / "new.txt", ARTICLE)
    _, findings = check_json(str(tmp_path))
    by_file = {}
    for f in findings:
        by_file.setdefault(f["path"].split("/")[-1], []).append(f["code"])
    assert by_file == {"old.txt": ["MTA301"], "new.txt": ["RES001", "MTA301", "RES010"]}


def test_severity_override_and_fail_on(tmp_path):
    write(tmp_path / "newslint.toml", 'fail-on = "error"\n[severity]\nresidue = "info"\nMTA301 = "error"\n')
    article = write(tmp_path / "a.txt", ARTICLE)
    status, findings = check_json(str(article))
    assert {f["code"]: f["severity"] for f in findings} == {"RES001": "info", "MTA301": "error", "RES010": "info"}
    assert status == 1
    clean_of_errors = write(tmp_path / "b.txt", "Leave a Comment\n")
    assert check_json(str(clean_of_errors))[0] == 0  # only info findings, fail-on error


def test_fail_on_option_overrides_config(tmp_path):
    article = write(tmp_path / "a.txt", "Leave a Comment\n")
    assert check_json("--fail-on", "error", str(article))[0] == 0
    assert check_json("--fail-on", "info", str(article))[0] == 1


def test_output_format_from_config(tmp_path):
    write(tmp_path / "newslint.toml", 'output-format = "concise"\n')
    article = write(tmp_path / "a.txt", "Leave a Comment\n")
    result = run_cli("check", str(article))
    assert result.stdout.startswith(f"{article}:1:1: RES010 ")
    assert "|" not in result.stdout  # concise: no source snippet


def test_jsonl_text_field_from_config(tmp_path):
    write(tmp_path / "newslint.toml", 'jsonl-text-field = "body"\n')
    data = write(tmp_path / "a.jsonl", '{"body": "Leave a Comment"}\n')
    assert codes(check_json(str(data))[1]) == ["RES010"]


@pytest.mark.parametrize(
    "content, problem",
    [
        ('selekt = ["RES"]\n', "unknown key 'selekt'"),
        ('select = "RES"\n', "key 'select': must be a list of strings"),
        ('fail-on = "fatal"\n', "key 'fail-on'"),
        ('output-format = "xml"\n', "key 'output-format'"),
        ('select = ["NOPE42"]\n', "unknown rule selector 'NOPE42'"),
        ('[severity]\nRES001 = "loud"\n', "severity.RES001"),
        ('per-file-ignores = ["x"]\n', "key 'per-file-ignores'"),
        ("select = [\n", "invalid TOML"),
        ('rule-packs = ["missing.toml"]\n', "rule pack not found"),
        ('unsafe-fixes = "yes"\n', "key 'unsafe-fixes': must be true or false"),
        ("tool = 5\n", "'tool' must be a table"),
        (r"exclude = ['drafts/', 'keep\']" "\n", r"key 'exclude': invalid glob 'keep\\': a backslash at its end"),
        (r"extend-exclude = ['\']" "\n", r"key 'extend-exclude': invalid glob '\\'"),
        (r"per-file-ignores = {'wire\' = ['RES']}" "\n", r"key 'per-file-ignores': invalid glob 'wire\\'"),
        ("exclude = ['!']\n", "key 'exclude': invalid glob '!': not a gitignore-style pattern"),
        ('tool = "newslint"\n', "'tool' must be a table"),
        ("[tool]\nnewslint = [1]\n", "'tool.newslint' must be a table of settings"),
        ('[[tool.newslint]]\nselect = ["RES"]\n', "'tool.newslint' must be a table of settings"),
    ],
)
def test_bad_config_exits_2_naming_file_and_key(tmp_path, content, problem):
    config = write(tmp_path / "newslint.toml", content)
    article = write(tmp_path / "a.txt", ARTICLE)
    result = run_cli("check", str(article))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(config) in lines[0] and problem in lines[0], lines


def test_bad_pyproject_key_names_the_table(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.newslint]\nignroe = ["RES"]\n')
    article = write(tmp_path / "a.txt", ARTICLE)
    result = run_cli("check", str(article))
    assert result.exit_code == 2
    assert "pyproject.toml: [tool.newslint]: unknown key 'ignroe'" in result.stderr


@pytest.mark.parametrize(
    "content, problem",
    [
        ("[tool]\nnewslint = 5\n", "'tool.newslint' must be a table of settings"),
        ('[tool]\nnewslint = "strict"\n', "'tool.newslint' must be a table of settings"),
        ('[[tool.newslint]]\nselect = ["RES"]\n', "'tool.newslint' must be a table of settings"),
    ],
)
def test_pyproject_newslint_of_another_shape_exits_2(tmp_path, content, problem):
    config = write(tmp_path / "pyproject.toml", content)
    article = write(tmp_path / "a.txt", ARTICLE)
    for args in ((), ("--config", str(config))):
        result = run_cli("check", *args, str(article))
        assert result.exit_code == 2
        assert result.stderr == f"newslint: error: {config}: {problem} ([tool.newslint])\n"


def test_pyproject_tool_that_is_not_a_table_exits_2_when_named(tmp_path):
    # Found by the walk up it has no newslint settings and is passed over; named, it is an error.
    config = write(tmp_path / "pyproject.toml", 'tool = "x"\n')
    article = write(tmp_path / "a.txt", ARTICLE)
    assert run_cli("check", str(article)).exit_code == 1
    result = run_cli("check", "--config", str(config), str(article))
    assert result.exit_code == 2
    assert result.stderr == f"newslint: error: {config}: 'tool' must be a table, such as [tool.newslint]\n"


def test_unknown_selector_on_command_line_exits_2(tmp_path):
    article = write(tmp_path / "a.txt", ARTICLE)
    result = run_cli("check", "--select", "RES999x", str(article))
    assert result.exit_code == 2 and "unknown rule selector 'RES999x'" in result.stderr


@pytest.mark.parametrize("option", ["--select", "--extend-select", "--ignore"])
@pytest.mark.parametrize("value", ["", ",", " , "])
def test_an_empty_selector_list_on_the_command_line_exits_2(tmp_path, option, value):
    article = write(tmp_path / "a.txt", ARTICLE)
    result = run_cli("check", option, value, str(article))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (f"newslint: error: command line: {option} {value!r} names no rule "
                             "(give codes, prefixes, rule names or categories)\n")


def test_an_empty_jsonl_field_on_the_command_line_exits_2(tmp_path):
    data = write(tmp_path / "a.jsonl", '{"text": "Leave a Comment"}\n')
    result = run_cli("check", "--jsonl-field", "", str(data))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == "newslint: error: command line: --jsonl-field: must be a non-empty field name\n"


def test_missing_config_option_file_exits_2(tmp_path):
    result = run_cli("check", "--config", str(tmp_path / "nope.toml"), str(tmp_path))
    assert result.exit_code == 2 and "config file not found" in result.stderr
