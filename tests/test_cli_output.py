"""What a user sees from `newslint check`: every output format and the output options, run through
the real CLI over small articles."""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from tests.util import run_cli, write

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

# Four findings, one of them (MTA301) with a fix. Only these rules run, so that rules added later do
# not change what the tests expect.
ARTICLE = (
    "Home » News » World » Harbour reopens after storm\n"
    "The harbour reopened on Monday after the the storm, officials said.\n"
    "\n"
    "#harbour #storm #port\n"
    "\n"
    "Leave a Comment\n"
)
CLEAN = "The harbour reopened on Monday after a week of repairs, the port authority said.\n"
SELECT = ("--select", "RES001,RES010,RES020,MTA301")
CONTRACT = ("path", "line", "column", "end_line", "end_column", "code", "rule", "category", "severity",
            "message", "fix")
ANSI = "\x1b["


def expected_findings(path: str) -> list[dict]:
    def finding(line, column, end_column, code, rule, category, message, fix=None):
        return {"path": path, "line": line, "column": column, "end_line": line, "end_column": end_column,
                "code": code, "rule": rule, "category": category, "severity": "warning",
                "message": message, "fix": fix}

    return [
        finding(1, 1, 22, "RES001", "breadcrumb", "residue",
                "Breadcrumb trail left by the scraper: 'Home » News » World »'"),
        finding(2, 38, 45, "MTA301", "repeated-word", "mt-artifact", "Repeated word 'the'",
                {"replacement": "the", "line": 2, "column": 38, "end_line": 2, "end_column": 45,
                 "applicability": "safe"}),
        finding(4, 1, 22, "RES020", "hashtag-line", "residue", "Line of hashtags left by the scraper"),
        finding(6, 1, 16, "RES010", "comment-widget", "residue",
                "Comment-widget text left by the scraper: 'Leave a Comment'"),
    ]


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A content folder, made the current folder so that paths print as the user typed them."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "clean.txt", CLEAN)
    return tmp_path


def check(*args: str):
    return run_cli("check", *SELECT, *args)


def contract(findings: list[dict]) -> list[dict]:
    """The contract fields of each finding (other fields may be added)."""
    assert all(set(CONTRACT) <= set(f) for f in findings)
    return [{k: f[k] for k in CONTRACT} for f in findings]


# --- JSON -------------------------------------------------------------------------------------

def test_json_has_exactly_the_contract_fields_and_values(repo):
    result = check("--format", "json", "a.txt")
    assert result.exit_code == 1
    assert contract(json.loads(result.stdout)) == expected_findings("a.txt")
    assert result.stderr == ""


def test_json_field_order_and_types(repo):
    findings = json.loads(check("--output-format", "json", "a.txt").stdout)
    assert list(findings[0])[:len(CONTRACT)] == list(CONTRACT)
    for f in findings:
        assert all(isinstance(f[k], int) for k in ("line", "column", "end_line", "end_column"))
        assert f["severity"] in ("error", "warning", "info")


def test_json_clean_file_is_an_empty_array_and_exit_0(repo):
    result = check("--format", "json", "clean.txt")
    assert (result.exit_code, result.stdout) == (0, "[]\n")


def test_json_path_keeps_the_folder_as_given(repo):
    write(repo / "news" / "b.txt", "Leave a Comment\n")
    findings = json.loads(check("--format", "json", "news").stdout)
    assert [f["path"] for f in findings] == [str(Path("news") / "b.txt")]


def test_exit_2_for_missing_path_unknown_format_and_bad_config(repo):
    assert check("--format", "json", "nope.txt").exit_code == 2
    assert check("--format", "yaml", "a.txt").exit_code == 2
    write(repo / "newslint.toml", 'output-format = "xml"\n')
    result = check("a.txt")
    assert result.exit_code == 2 and "output-format" in result.stderr


def test_output_format_from_config(repo):
    write(repo / "newslint.toml", 'output-format = "json"\n')
    assert contract(json.loads(check("a.txt").stdout)) == expected_findings("a.txt")


# --- text and concise -------------------------------------------------------------------------

def test_text_is_the_default_first_line_path_line_col_code_message(repo):
    result = check("a.txt")
    assert result.exit_code == 1
    out = result.stdout
    assert out.startswith("a.txt:1:1: RES001 Breadcrumb trail left by the scraper: 'Home » News » World »'\n")
    assert "a.txt:2:38: MTA301 [*] Repeated word 'the'\n" in out
    assert "a.txt:6:1: RES010 Comment-widget text left by the scraper: 'Leave a Comment'\n" in out
    assert out.endswith("Found 4 findings (4 warnings) in 1 file. 1 fixable with --fix.\n")


def test_text_underlines_the_span_under_the_source_line(repo):
    out = check("a.txt").stdout
    block = out.split("a.txt:2:38: MTA301 [*] Repeated word 'the'\n")[1].split("\n\n")[0]
    assert block.splitlines() == [
        "  |",
        "2 | The harbour reopened on Monday after the the storm, officials said.",
        "  | " + " " * 37 + "^" * 7,
    ]


def test_text_clean_run_says_so(repo):
    result = check("clean.txt")
    assert (result.exit_code, result.stdout) == (0, "All checked: no findings in 1 file.\n")


def test_concise_is_one_line_per_finding_and_a_summary(repo):
    result = check("--format", "concise", "a.txt")
    assert result.stdout.splitlines() == [
        "a.txt:1:1: RES001 Breadcrumb trail left by the scraper: 'Home » News » World »'",
        "a.txt:2:38: MTA301 [*] Repeated word 'the'",
        "a.txt:4:1: RES020 Line of hashtags left by the scraper",
        "a.txt:6:1: RES010 Comment-widget text left by the scraper: 'Leave a Comment'",
        "Found 4 findings (4 warnings) in 1 file. 1 fixable with --fix.",
    ]


# --- SARIF ------------------------------------------------------------------------------------

def sarif(*args: str) -> dict:
    result = check("--format", "sarif", *args)
    assert result.exit_code in (0, 1), result.output
    log = json.loads(result.stdout)
    jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER).validate(log)
    return log


def test_sarif_validates_and_documents_every_rule(repo):
    log = sarif("a.txt")
    assert log["version"] == "2.1.0"
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "newslint" and driver["version"]
    assert driver["informationUri"].startswith("https://")
    listed = json.loads(run_cli("rules", "--format", "json").stdout)
    assert [r["id"] for r in driver["rules"]] == [r["code"] for r in listed]
    by_id = {r["id"]: r for r in driver["rules"]}
    mta = by_id["MTA301"]
    assert mta["name"] == "repeated-word"
    assert mta["shortDescription"]["text"] == next(r["summary"] for r in listed if r["code"] == "MTA301")
    assert mta["fullDescription"]["text"]
    assert mta["defaultConfiguration"]["level"] == "warning"
    assert mta["properties"]["category"] == "mt-artifact"
    assert "Why is this bad?" in mta["help"]["text"] and "Use instead" in mta["help"]["markdown"]
    assert {r["id"]: r["defaultConfiguration"]["level"] for r in driver["rules"]}["INP003"] == "error"


def test_sarif_results_locations_and_fix(repo):
    run = sarif("a.txt")["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert [r["ruleId"] for r in results] == ["RES001", "MTA301", "RES020", "RES010"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)
    mta = results[1]
    assert mta["level"] == "warning"
    assert mta["message"]["text"] == "Repeated word 'the'"
    loc = mta["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "a.txt", "uriBaseId": "%SRCROOT%"}
    assert loc["region"] == {"startLine": 2, "startColumn": 38, "endLine": 2, "endColumn": 45}
    change = mta["fixes"][0]["artifactChanges"][0]
    assert change["artifactLocation"]["uri"] == "a.txt"
    assert change["replacements"] == [{
        "deletedRegion": {"startLine": 2, "startColumn": 38, "endLine": 2, "endColumn": 45},
        "insertedContent": {"text": "the"},
    }]
    assert all("fixes" not in r for r in results if r["ruleId"] != "MTA301")
    assert run["columnKind"] == "unicodeCodePoints"


def test_sarif_uri_is_relative_with_forward_slashes_and_encoded(repo):
    write(repo / "news" / "my story.txt", "Leave a Comment\n")
    run = sarif("news")["runs"][0]
    assert run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "news/my%20story.txt"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")


def test_sarif_levels_follow_configured_severity(repo):
    write(repo / "newslint.toml", '[severity]\nresidue = "info"\nMTA301 = "error"\n')
    results = sarif("a.txt")["runs"][0]["results"]
    assert [r["level"] for r in results] == ["note", "error", "note", "note"]


def test_sarif_clean_run_has_empty_results(repo):
    assert sarif("clean.txt")["runs"][0]["results"] == []


# --- GitHub annotations -----------------------------------------------------------------------

COMMAND = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def unescape(text: str, prop: bool = False) -> str:
    if prop:
        text = text.replace("%3A", ":").replace("%2C", ",")
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def parse_github(output: str) -> list[tuple[str, dict, str]]:
    commands = []
    for line in output.splitlines():
        match = COMMAND.match(line)
        assert match, line
        props = dict(p.split("=", 1) for p in match[2].split(","))
        commands.append((match[1], {k: unescape(v, prop=True) for k, v in props.items()}, unescape(match[3])))
    return commands


def test_github_one_annotation_per_finding_that_parses_back(repo):
    result = check("--format", "github", "a.txt")
    assert result.exit_code == 1
    commands = parse_github(result.stdout)
    as_json = expected_findings("a.txt")
    assert [c[0] for c in commands] == ["warning"] * 4
    for (_, props, message), f in zip(commands, as_json, strict=True):
        assert props == {"file": "a.txt", "line": str(f["line"]), "col": str(f["column"]),
                         "endLine": str(f["end_line"]), "endColumn": str(f["end_column"]),
                         "title": f"{f['code']} ({f['rule']})"}
        assert message == f["message"]


def test_github_escapes_percent_comma_and_colon(repo):
    write(repo / "sport, 100%: live.txt", "Home » Sport, 100%: live » Final score\n")
    out = check("--format", "github", "sport, 100%: live.txt").stdout
    assert out == ("::warning file=sport%2C 100%25%3A live.txt,line=1,col=1,endLine=1,endColumn=27,"
                   "title=RES001 (breadcrumb)::Breadcrumb trail left by the scraper: 'Home » Sport, 100%25: live »'\n")
    [(_, props, message)] = parse_github(out)
    assert props["file"] == "sport, 100%: live.txt"
    assert message == "Breadcrumb trail left by the scraper: 'Home » Sport, 100%: live »'"


def test_github_severity_commands(repo):
    write(repo / "newslint.toml", '[severity]\nresidue = "info"\nMTA301 = "error"\n')
    commands = parse_github(check("--format", "github", "a.txt").stdout)
    assert [(c[0], c[1]["title"].split()[0]) for c in commands] == [
        ("notice", "RES001"), ("error", "MTA301"), ("notice", "RES020"), ("notice", "RES010")]


def test_github_clean_run_prints_nothing(repo):
    result = check("--format", "github", "clean.txt")
    assert (result.exit_code, result.stdout) == (0, "")


# --- JUnit ------------------------------------------------------------------------------------

def test_junit_suite_per_file_and_failure_per_finding(repo):
    write(repo / "b.txt", "Leave a Comment\n")
    result = check("--format", "junit", "a.txt", "b.txt", "clean.txt")
    assert result.exit_code == 1
    root = ET.fromstring(result.stdout.encode("utf-8"))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures")) == ("5", "5")
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"a.txt", "b.txt"}
    assert len(suites["a.txt"].findall("testcase/failure")) == 4
    assert len(suites["b.txt"].findall("testcase/failure")) == 1
    messages = [f.get("message") for f in suites["a.txt"].iter("failure")]
    assert messages == [f["message"] for f in expected_findings("a.txt")]
    first = suites["a.txt"].find("testcase")
    assert first.get("name").startswith("RES001 (breadcrumb)") and first.get("line") == "1"


def test_junit_clean_run_is_one_passing_test(repo):
    result = check("--format", "junit", "clean.txt")
    assert result.exit_code == 0
    root = ET.fromstring(result.stdout.encode("utf-8"))
    cases = list(root.iter("testcase"))
    assert [c.get("name") for c in cases] == ["newslint"]
    assert not list(root.iter("failure")) and root.get("failures") == "0"


# --- --statistics -----------------------------------------------------------------------------

def test_statistics_table_counts_per_rule(repo):
    write(repo / "b.txt", "Home » News » Local » Fair opens\n")
    result = check("--statistics", "a.txt", "b.txt")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "2  RES001  breadcrumb",
        "1  MTA301  [*] repeated-word",
        "1  RES010  comment-widget",
        "1  RES020  hashtag-line",
    ]


def test_statistics_as_json(repo):
    write(repo / "b.txt", "Home » News » Local » Fair opens\n")
    result = check("--statistics", "--format", "json", "a.txt", "b.txt")
    assert json.loads(result.stdout) == [
        {"code": "RES001", "name": "breadcrumb", "count": 2, "fixable": 0},
        {"code": "MTA301", "name": "repeated-word", "count": 1, "fixable": 1},
        {"code": "RES010", "name": "comment-widget", "count": 1, "fixable": 0},
        {"code": "RES020", "name": "hashtag-line", "count": 1, "fixable": 0},
    ]


def test_statistics_of_clean_run(repo):
    assert check("--statistics", "clean.txt").stdout == ""
    assert json.loads(check("--statistics", "--format", "json", "clean.txt").stdout) == []


@pytest.mark.parametrize("fmt", ["sarif", "junit", "github"])
def test_statistics_in_a_format_without_a_place_for_them_exits_2(repo, fmt):
    result = check("--statistics", "--format", fmt, "-o", f"report.{fmt}", "a.txt")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (f"newslint: error: command line: --statistics cannot be written as {fmt}: "
                             "use --format text, concise or json\n")
    assert not (repo / f"report.{fmt}").exists()


def test_statistics_with_a_machine_format_from_the_config_names_the_config(repo):
    config = write(repo / "newslint.toml", 'output-format = "sarif"\n')
    result = check("--statistics", "a.txt")
    assert result.exit_code == 2
    assert f"--statistics cannot be written as sarif (output-format in {config})" in result.stderr
    assert check("--statistics", "--format", "text", "a.txt").stdout == check("--statistics", "--format", "concise", "a.txt").stdout


# --- --output-file, --exit-zero, --quiet, --fail-on -------------------------------------------

@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit"])
def test_output_file_gets_the_report_and_stdout_stays_empty(repo, fmt):
    result = check("--format", fmt, "--output-file", "report.out", "a.txt")
    assert result.exit_code == 1
    assert result.stdout == ""
    written = (repo / "report.out").read_text(encoding="utf-8")
    assert written == check("--format", fmt, "a.txt").stdout
    assert ANSI not in written


def test_output_file_short_option_with_json(repo):
    result = check("--format", "json", "-o", "report.json", "a.txt")
    assert result.stdout == ""
    assert contract(json.loads((repo / "report.json").read_text(encoding="utf-8"))) == expected_findings("a.txt")


def test_output_file_that_cannot_be_written_is_exit_2(repo):
    result = check("--output-file", str(repo / "a.txt" / "report.txt"), "a.txt")  # a.txt is a file
    assert result.exit_code == 2 and "cannot write output" in result.stderr


@pytest.mark.parametrize("output", ["a.txt", "./a.txt", "{repo}/a.txt", "link.txt"])
def test_output_file_that_is_an_input_is_refused(repo, output):
    (repo / "link.txt").hardlink_to(repo / "a.txt")
    output = output.format(repo=repo)
    result = check("-o", output, "clean.txt", ".")  # a.txt is found in the folder
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (f"newslint: error: {output}: the output file is one of the files to lint; "
                             "the report would overwrite it\n")
    assert (repo / "a.txt").read_text(encoding="utf-8") == ARTICLE
    assert check("-o", "a.txt", "--fix", "a.txt").exit_code == 2
    assert (repo / "a.txt").read_text(encoding="utf-8") == ARTICLE


def test_exit_zero_keeps_the_findings(repo):
    result = check("--exit-zero", "--format", "json", "a.txt")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)) == 4


def test_exit_zero_does_not_hide_usage_errors(repo):
    assert check("--exit-zero", "nope.txt").exit_code == 2


@pytest.mark.parametrize("fmt", ["text", "concise"])
def test_quiet_prints_findings_without_summary(repo, fmt):
    result = check("--quiet", "--format", fmt, "a.txt")
    assert result.exit_code == 1
    assert "a.txt:1:1: RES001" in result.stdout
    assert "Found" not in result.stdout and "fixable with --fix" not in result.stdout
    quiet_clean = check("-q", "--format", fmt, "clean.txt")
    assert (quiet_clean.exit_code, quiet_clean.stdout) == (0, "")


def test_quiet_does_not_change_json(repo):
    assert check("-q", "--format", "json", "a.txt").stdout == check("--format", "json", "a.txt").stdout


def test_fail_on_error_with_only_warnings_exits_0(repo):
    result = check("--fail-on", "error", "a.txt")
    assert result.exit_code == 0
    assert "a.txt:1:1: RES001" in result.stdout  # still reported


def test_fail_on_error_with_an_error_exits_1(repo):
    write(repo / "newslint.toml", '[severity]\nMTA301 = "error"\n')
    assert check("--fail-on", "error", "a.txt").exit_code == 1


def test_fail_on_info_counts_info_findings(repo):
    write(repo / "newslint.toml", '[severity]\nresidue = "info"\nMTA301 = "info"\n')
    assert check("a.txt").exit_code == 0  # default: fail on warning
    assert check("--fail-on", "info", "a.txt").exit_code == 1


# --- colour -----------------------------------------------------------------------------------

def test_no_colour_when_not_a_terminal(repo):
    assert ANSI not in check("a.txt").stdout  # CliRunner's stdout is not a terminal


@pytest.mark.parametrize("fmt", ["text", "concise"])
def test_color_never_and_always(repo, fmt):
    assert ANSI not in check("--color", "never", "--format", fmt, "a.txt").stdout
    out = check("--color", "always", "--format", fmt, "a.txt").stdout
    assert "\x1b[33mRES001\x1b[0m" in out  # warning codes are yellow
    assert re.sub(r"\x1b\[[0-9;]*m", "", out) == check("--color", "never", "--format", fmt, "a.txt").stdout


def test_color_env_variables(repo, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert ANSI in check("a.txt").stdout
    monkeypatch.setenv("NO_COLOR", "1")
    assert ANSI not in check("a.txt").stdout
    assert ANSI in check("--color", "always", "a.txt").stdout


@pytest.mark.parametrize("fmt", ["json", "sarif", "github", "junit"])
def test_machine_formats_never_have_colour(repo, fmt):
    assert ANSI not in check("--color", "always", "--format", fmt, "a.txt").stdout


def test_a_file_name_that_is_not_utf8_is_shown_in_every_format(tmp_path, monkeypatch):
    name = os.fsdecode(b"caf\xe9.txt")  # what Python makes of a Latin-1 file name
    try:
        write(tmp_path / name, ARTICLE)
    except (OSError, UnicodeError):
        pytest.skip("this file system takes UTF-8 names only")
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "report.out"
    for fmt in ("text", "concise", "json", "sarif", "github", "junit"):
        printed = run_cli("check", "--format", fmt, *SELECT, name)
        written = run_cli("check", "--format", fmt, *SELECT, "--output-file", str(out), name)
        assert printed.exit_code == written.exit_code == 1, fmt
        assert out.read_bytes() == printed.stdout_bytes, fmt  # the name's own bytes, as on standard output
    sarif = json.loads(run_cli("check", "--format", "sarif", *SELECT, name).stdout)
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in sarif["runs"][0]["results"]} == {"caf%E9.txt"}


@pytest.mark.parametrize("name", ["long.txt", "long.jsonl"])
def test_text_marks_a_finding_far_into_a_long_line(repo, name):
    sentences = [f"The ferry number {i} left the harbour on time." for i in range(2000)]
    sentences[1500] = "The ferry left after the the storm had passed."
    line = " ".join(sentences)
    write(repo / name, json.dumps({"text": line}) + "\n" if name.endswith(".jsonl") else line + "\n")
    out = run_cli("check", "--no-cache", "--select", "MTA301", name).stdout
    head, gutter, shown, marker = out.splitlines()[:4]
    column = (json.dumps({"text": line}) if name.endswith(".jsonl") else line).index("the the") + 1
    assert column > 70_000 and head.startswith(f"{name}:1:{column}: MTA301 ")
    shown, marker = shown.split(" | ", 1)[1], marker.split(" | ", 1)[1]
    assert shown.startswith("…") and shown.endswith("…") and len(shown) == 162
    at = marker.index("^")
    assert marker == " " * at + "^" * 7 and shown[at:at + 7] == "the the"
