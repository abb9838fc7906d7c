"""GitHub Actions workflow commands: one `::warning file=…,line=…::message` line per finding.

Escaping follows the actions toolkit (packages/core/src/command.ts): in the message `%`, CR and LF
become %25, %0D, %0A; in property values `:` and `,` also become %3A and %2C.
"""

from __future__ import annotations

import os

from newslint.findings import Finding, Severity
from newslint.reporters import Report

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report) -> str:
    return "".join(_command(f) + "\n" for f in report.findings)


def _command(f: Finding) -> str:
    props = {
        "file": f.path.replace(os.sep, "/"),
        "line": f.start.line,
        "col": f.start.column,
        "endLine": f.end.line,
        "endColumn": f.end.column,
        "title": f"{f.code} ({f.rule})",
    }
    joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in props.items())
    return f"::{COMMANDS[f.severity]} {joined}::{escape_data(f.message)}"
