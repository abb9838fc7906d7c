"""The JSON contract of DESIGN.md: one array, one object per finding."""

from __future__ import annotations

import json

from newslint.reporters import Report


def render_json(report: Report) -> str:
    return json.dumps([f.to_json() for f in report.findings], ensure_ascii=False, indent=2) + "\n"
