"""Reporters on findings made by hand: the cases articles rarely produce (tabs, wide characters,
long lines, spans over several lines, control characters, every severity, odd paths)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from newslint.findings import Finding, Fix, Position, Severity
from newslint.registry import load_rules
from newslint.reporters import Report, render
from newslint.reporters.github import escape_data, escape_property

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
RULES = load_rules()


def finding(line=1, col=1, end_line=None, end_col=None, *, path="a.txt", code="RES001", rule="breadcrumb",
            category="residue", severity=Severity.WARNING, message="Something is off", fix=None,
            source_line="") -> Finding:
    end = Position(end_line or line, end_col or col + 1)
    return Finding(path, Position(line, col), end, code, rule, category, severity, message, fix, source_line)


def report(*findings: Finding, color=False, notes=()) -> Report:
    return Report(list(findings), files_checked=1, rules=RULES, notes=list(notes), color=color)


def snippet(f: Finding) -> tuple[str, str]:
    """The (source line, marker line) of a finding's text output, without the gutter."""
    lines = render("text", report(f)).splitlines()
    return lines[2].split(" | ", 1)[1], lines[3].split(" | ", 1)[1]


# --- text -------------------------------------------------------------------------------------

def test_text_first_line_and_gutter():
    f = finding(12, 5, 12, 12, message="Repeated word 'the'", source_line="See the the end.")
    assert render("text", report(f)).splitlines()[:4] == [
        "a.txt:12:5: RES001 Repeated word 'the'",
        "   |",
        "12 | See the the end.",
        "   |     ^^^^^^^",
    ]


def test_text_tabs_are_expanded_and_the_marker_follows():
    shown, marker = snippet(finding(1, 3, 1, 10, source_line="\t\tThe the end"))
    assert "\t" not in shown and shown == " " * 8 + "The the end"
    assert marker == " " * 8 + "^" * 7


def test_text_wide_characters_take_two_columns():
    shown, marker = snippet(finding(1, 4, 1, 11, source_line="東京 the the end"))
    assert shown == "東京 the the end"
    assert marker == " " * 5 + "^" * 7


def test_text_combining_marks_take_no_column():
    shown, marker = snippet(finding(1, 7, 1, 10, source_line="Cafe\u0301 a a."))
    assert marker == " " * 5 + "^" * 3


def test_text_long_line_is_cut_around_the_span():
    line = "word " * 100 + "the the" + " more" * 100
    start = line.index("the the") + 1
    shown, marker = snippet(finding(1, start, 1, start + 7, source_line=line))
    assert len(shown) <= 162 and shown.startswith("…") and shown.endswith("…")
    at = marker.index("^")
    assert shown[at:at + 7] == "the the" and marker[at:] == "^" * 7


def test_text_long_line_of_wide_characters_is_cut_with_the_marker_under_the_span():
    line = "語 " * 100 + "the the" + " 語" * 100
    start = line.index("the the") + 1
    shown, marker = snippet(finding(1, start, 1, start + 7, source_line=line))
    assert shown.startswith("…") and shown.endswith("…")
    before = shown[:shown.index("the the")]
    assert marker == " " * (len(before) + before.count("語")) + "^" * 7  # 語 takes two columns


def test_text_span_at_the_end_of_a_long_line():
    line = "x" * 300 + " end"
    shown, marker = snippet(finding(1, len(line) + 1, 1, len(line) + 1, source_line=line))
    assert shown.startswith("…") and shown.endswith(" end") and marker == " " * len(shown) + "^"


def test_text_span_over_several_lines_is_underlined_to_the_end_of_the_first():
    shown, marker = snippet(finding(3, 5, 5, 2, source_line="The quote runs on"))
    assert marker == " " * 4 + "^" * (len("The quote runs on") - 4)


def test_text_empty_span_gets_one_caret():
    assert snippet(finding(1, 4, 1, 4, source_line="abc"))[1] == "   ^"


def test_text_control_characters_do_not_reach_the_terminal():
    f = finding(1, 1, 1, 6, message="Odd \x1b[2J text", source_line="Leave\x1b[31m a Comment")
    out = render("text", report(f))
    assert "\x1b" not in out
    shown, marker = snippet(f)
    assert shown == "Leave\ufffd[31m a Comment" and marker == "^" * 5


def test_text_blank_source_line_has_no_snippet():
    out = render("text", report(finding(2, 1, source_line="")))
    assert out == "a.txt:2:1: RES001 Something is off\n\nFound 1 finding (1 warning) in 1 file.\n"


def test_text_colour_only_when_asked():
    fs = [finding(1, 1, 1, 4, severity=s, source_line="abc def") for s in Severity]
    assert "\x1b[" not in render("text", report(*fs))
    out = render("text", report(*fs, color=True))
    assert "\x1b[36mRES001" in out and "\x1b[33mRES001" in out and "\x1b[31mRES001" in out
    assert "\x1b[36m^^^\x1b[0m" in out  # info is cyan in the marker too
    assert re.sub(r"\x1b\[[0-9;]*m", "", out) == render("text", report(*fs))


def test_text_summary_counts_severities_fixes_and_notes():
    fix = Fix(0, 3, "x", Position(1, 1), Position(1, 4))
    out = render("concise", report(finding(severity=Severity.ERROR, fix=fix), finding(severity=Severity.INFO),
                                   finding(severity=Severity.INFO), notes=["LanguageTool was not reachable."]))
    assert out.splitlines()[-1] == ("Found 3 findings (1 error, 2 infos) in 1 file. 1 fixable with --fix. "
                                    "LanguageTool was not reachable.")
    assert out.splitlines()[0] == "a.txt:1:1: RES001 [*] Something is off"


# --- JSON -------------------------------------------------------------------------------------

def test_json_keeps_non_ascii_text_and_the_fix():
    fix = Fix(0, 7, "the", Position(1, 1), Position(1, 8))
    out = render("json", report(finding(1, 1, 1, 8, message="Wort „the“", fix=fix)))
    assert "„the“" in out and out.endswith("]\n")
    [f] = json.loads(out)
    assert f["fix"] == {"replacement": "the", "line": 1, "column": 1, "end_line": 1, "end_column": 8,
                        "applicability": "safe"}
    assert render("json", report()) == "[]\n"


# --- SARIF ------------------------------------------------------------------------------------

def sarif(*findings: Finding, notes=()) -> dict:
    log = json.loads(render("sarif", report(*findings, notes=notes)))
    jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER).validate(log)
    return log


def test_sarif_schema_rejects_a_broken_log():
    """The schema is really checked: a region at column 0 is invalid."""
    log = sarif(finding())
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] = 0
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(log, SCHEMA)


def test_sarif_absolute_path_is_a_file_uri(tmp_path):
    path = tmp_path / "my story.txt"
    location = sarif(finding(path=str(path)))["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": path.as_uri()}
    assert location["artifactLocation"]["uri"].endswith("/my%20story.txt")


def test_sarif_levels_and_rule_index():
    fs = [finding(severity=Severity.ERROR, code="MTA301", rule="repeated-word", category="mt-artifact"),
          finding(severity=Severity.INFO, code="RES010", rule="comment-widget")]
    run = sarif(*fs)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["level"] for r in run["results"]] == ["error", "note"]
    assert [rules[r["ruleIndex"]]["id"] for r in run["results"]] == ["MTA301", "RES010"]
    assert len({r["id"] for r in rules}) == len(rules) == len(RULES)


def test_sarif_braces_in_messages_are_doubled():
    message = sarif(finding(message="Stray {placeholder}"))["runs"][0]["results"][0]["message"]["text"]
    assert message == "Stray {{placeholder}}"


def test_sarif_multi_line_and_empty_regions():
    results = sarif(finding(3, 5, 4, 2), finding(2, 9, 2, 9))["runs"][0]["results"]
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in results]
    assert regions == [{"startLine": 3, "startColumn": 5, "endLine": 4, "endColumn": 2},
                       {"startLine": 2, "startColumn": 9, "endLine": 2, "endColumn": 9}]


def test_sarif_deletion_fix():
    fix = Fix(10, 14, "", Position(2, 3), Position(2, 7))
    [result] = sarif(finding(2, 3, 2, 7, fix=fix))["runs"][0]["results"]
    assert result["fixes"][0]["description"]["text"] == "Delete"
    assert result["fixes"][0]["artifactChanges"][0]["replacements"] == [{
        "deletedRegion": {"startLine": 2, "startColumn": 3, "endLine": 2, "endColumn": 7},
        "insertedContent": {"text": ""}}]


def test_sarif_rule_help_has_the_examples():
    rules = {r["id"]: r for r in sarif()["runs"][0]["tool"]["driver"]["rules"]}
    doc = next(r for r in RULES if r.code == "RES001").doc
    help_ = rules["RES001"]["help"]
    assert doc.bad.strip() in help_["text"] and doc.good.strip() in help_["text"]
    assert f"```text\n{doc.bad.strip()}\n```" in help_["markdown"]


def test_sarif_notes_are_tool_notifications():
    invocation = sarif(notes=["LanguageTool was not reachable."])["runs"][0]["invocations"][0]
    assert invocation["toolExecutionNotifications"] == [
        {"level": "warning", "message": {"text": "LanguageTool was not reachable."}}]


# --- GitHub -----------------------------------------------------------------------------------

def test_github_escaping_rules():
    assert escape_data("100%\r\nnext: a, b") == "100%25%0D%0Anext: a, b"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"


def test_github_commands_by_severity_and_one_line_each():
    fs = [finding(severity=Severity.ERROR, message="two\nlines"), finding(severity=Severity.WARNING),
          finding(severity=Severity.INFO)]
    lines = render("github", report(*fs)).splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == ["::error", "::warning", "::notice"]
    assert lines[0].endswith("::two%0Alines")
    assert render("github", report()) == ""


# --- JUnit ------------------------------------------------------------------------------------

def test_junit_escapes_markup_and_drops_characters_xml_cannot_hold():
    f = finding(message='Tag <b> & "quote" \x0b\x00 end', path="a&b.txt")
    root = ET.fromstring(render("junit", report(f)).encode("utf-8"))
    [suite] = root.findall("testsuite")
    assert suite.get("name") == "a&b.txt"
    failure = suite.find("testcase/failure")
    assert failure.get("message") == 'Tag <b> & "quote" \ufffd\ufffd end'
    assert failure.get("type") == "warning"
    assert "a&b.txt:1:1: RES001 Tag <b>" in failure.text


def test_junit_counts_per_file():
    fs = [finding(path="a.txt"), finding(2, path="a.txt"), finding(path="b.txt")]
    root = ET.fromstring(render("junit", report(*fs)).encode("utf-8"))
    assert (root.get("tests"), root.get("failures")) == ("3", "3")
    assert {s.get("name"): s.get("failures") for s in root.findall("testsuite")} == {"a.txt": "2", "b.txt": "1"}


@pytest.mark.parametrize("line, span", [
    ("word " * 3000 + "the the" + " more" * 3000, "the the"),  # far into a long line
    ("the the" + " more" * 3000, "the the"),  # at its start
    ("word " * 3000 + "the the", "the the"),  # at its end
    ("語\t" * 2000 + "the the" + " 語" * 2000, "the the"),  # tabs and wide characters
    ("x " * 300 + "the the", "the the"),  # a line just longer than the excerpt
])
def test_text_shows_a_long_line_from_the_excerpt_a_finding_keeps_as_from_the_whole_line(line, span):
    from newslint.document import LineIndex
    from newslint.findings import EXCERPT_WIDTH

    start = line.index(span) + 1
    whole = finding(7, start, 7, start + len(span), source_line=line)
    text, offset, length = LineIndex("\n" * 6 + line + "\n").excerpt(7, start)
    kept = finding(7, start, 7, start + len(span), source_line=text)
    kept.source_start, kept.line_length = offset, length
    assert len(kept.source_line) <= EXCERPT_WIDTH < len(line)
    assert render("text", report(kept)) == render("text", report(whole))
    shown, marker = snippet(kept)
    at = marker.index("^")
    assert marker[at:] == "^" * len(span) and shown.startswith("…") != line.startswith(span)
    if line.isascii():
        assert shown[at:at + len(span)] == span


def test_text_span_running_past_the_excerpt_is_underlined_to_the_end_of_the_window():
    line = "a " * 1000 + "b" * 3000
    start = line.index("b") + 1
    whole = finding(1, start, 1, len(line) + 1, source_line=line)
    kept = finding(1, start, 1, len(line) + 1, source_line=line[start - 201:start + 199])
    kept.source_start, kept.line_length = start - 201, len(line)
    assert render("text", report(kept)) == render("text", report(whole))
    assert snippet(kept)[1].endswith("^" * 120)
