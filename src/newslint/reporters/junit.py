"""JUnit XML for CI dashboards: a test suite per file with findings, a failed test case per finding.

The report does not list the files that were clean, so a clean run is one passing test case named
"newslint" (CI dashboards then still show that the lint ran).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from itertools import groupby

from newslint.reporters import Report

# Characters XML 1.0 does not allow, even escaped; scraped text can contain them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def render_junit(report: Report) -> str:
    findings = report.findings
    root = ET.Element("testsuites", name="newslint", tests=str(max(1, len(findings))),
                      failures=str(len(findings)), errors="0")
    if not findings:
        suite = ET.SubElement(root, "testsuite", name="newslint", tests="1", failures="0", errors="0",
                              skipped="0")
        ET.SubElement(suite, "testcase", name="newslint", classname="newslint")
    for path, group in groupby(sorted(findings, key=lambda f: f.path), key=lambda f: f.path):
        group = list(group)
        suite = ET.SubElement(root, "testsuite", name=_clean(path), tests=str(len(group)),
                              failures=str(len(group)), errors="0", skipped="0")
        for f in group:
            case = ET.SubElement(suite, "testcase", name=_clean(f"{f.code} ({f.rule}) at {f.line}:{f.column}"),
                                 classname=_clean(path), file=_clean(path), line=str(f.line))
            failure = ET.SubElement(case, "failure", message=_clean(f.message), type=str(f.severity))
            failure.text = _clean(f"{f.path}:{f.line}:{f.column}: {f.code} {f.message}\n"
                                  f"rule: {f.rule}, category: {f.category}, severity: {f.severity}")
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
