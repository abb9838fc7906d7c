"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run; `tool.driver.rules` documents every known rule, each result points at its rule by id and
index. Columns are counted in Unicode code points (`columnKind`), 1-based, end exclusive, as in
our findings.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import quote

from newslint import __version__
from newslint.findings import Finding, Position, Severity
from newslint.reporters import Report
from newslint.rule import Rule

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/newslint/"
SRCROOT = "%SRCROOT%"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render_sarif(report: Report) -> str:
    rules = list({r.code: r for r in report.rules}.values())  # unique by code, order kept
    index = {r.code: i for i, r in enumerate(rules)}
    run = {
        "tool": {"driver": {
            "name": "newslint",
            "version": __version__,
            "semanticVersion": __version__,
            "informationUri": INFORMATION_URI,
            "rules": [_rule(r) for r in rules],
        }},
        "invocations": [_invocation(report.notes)],
        "originalUriBaseIds": {SRCROOT: {"uri": _folder_uri(Path.cwd())}},
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, index) for f in report.findings],
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _invocation(notes: list[str]) -> dict:
    invocation: dict = {"executionSuccessful": True}
    if notes:  # things the run could not do
        invocation["toolExecutionNotifications"] = [{"level": "warning", "message": {"text": n}} for n in notes]
    return invocation


def _rule(rule: Rule) -> dict:
    d = rule.doc
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": d.what},
        "help": {
            "text": f"{d.what}\n\nWhy is this bad?\n{d.why}\n\nExample (flagged):\n{d.bad.rstrip()}\n\n"
                    f"Use instead:\n{d.good.rstrip()}\n",
            "markdown": f"## What it does\n\n{d.what}\n\n## Why is this bad?\n\n{d.why}\n\n## Example\n\n"
                        f"{_fenced(d.bad)}\n\nUse instead:\n\n{_fenced(d.good)}\n",
        },
        "defaultConfiguration": {"enabled": rule.default_enabled, "level": LEVELS[rule.severity]},
        "properties": {"category": rule.category, "tags": [rule.category], "fixable": rule.fixable},
    }


def _fenced(text: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text.rstrip()}\n{fence}"


def _result(f: Finding, index: dict[str, int]) -> dict:
    location = _artifact(f.path)
    # A LanguageTool finding's code, GRM001/EN_A_VS_AN, is what SARIF calls a hierarchical rule
    # id: a sub-rule of GRM001, whose entry in tool.driver.rules the index points at.
    result: dict = {"ruleId": f.code}
    if f.rule_code in index:
        result["ruleIndex"] = index[f.rule_code]
    result |= {
        "level": LEVELS[f.severity],
        "message": _message(f.message),
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": _region(f.start, f.end)}}],
        "properties": {"category": f.category, "rule": f.rule},
    }
    if f.languagetool:
        result["properties"]["languagetool"] = f.languagetool
    if f.fix:
        result["fixes"] = [{
            "description": _message(f"Replace with {f.fix.replacement!r}" if f.fix.replacement else "Delete"),
            "artifactChanges": [{"artifactLocation": location, "replacements": [{
                "deletedRegion": _region(f.fix.start, f.fix.end),
                "insertedContent": {"text": f.fix.replacement},
            }]}],
        }]
    return result


def _message(text: str) -> dict:
    """Braces are placeholder syntax in SARIF messages (§3.11.5): literal ones are doubled."""
    return {"text": text.replace("{", "{{").replace("}", "}}")}


def _region(start: Position, end: Position) -> dict:
    start_line, start_col = max(1, start.line), max(1, start.column)
    end_line, end_col = max(start_line, end.line), max(1, end.column)
    if end_line == start_line:
        end_col = max(end_col, start_col)
    return {"startLine": start_line, "startColumn": start_col, "endLine": end_line, "endColumn": end_col}


def _folder_uri(folder: Path) -> str:
    uri = folder.as_uri()
    return uri if uri.endswith("/") else uri + "/"


def _artifact(path: str) -> dict:
    """A relative path becomes a URI relative to %SRCROOT%; an absolute one a file: URI."""
    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}
    # os.fsencode: a file name that is not UTF-8 is quoted as the bytes it is (caf%E9.txt)
    return {"uri": quote(os.fsencode(path.replace(os.sep, "/")), safe="/"), "uriBaseId": SRCROOT}
