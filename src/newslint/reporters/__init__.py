"""Reporters turn findings into text for people or machines. They know nothing about rules'
internals: only Findings, the rule list (for documentation) and a few run facts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from newslint.findings import Finding
from newslint.rule import Rule


@dataclass
class Report:
    findings: list[Finding]
    files_checked: int
    rules: list[Rule]  # every known rule, for formats that carry rule docs
    fixed: int = 0
    notes: list[str] = field(default_factory=list)  # things the run could not do
    color: bool = False


def render(fmt: str, report: Report) -> str:
    return _RENDERERS[fmt]()(report)


def _text() -> Callable[[Report], str]:
    from newslint.reporters.text import render_text
    return render_text


def _concise() -> Callable[[Report], str]:
    from newslint.reporters.text import render_concise
    return render_concise


def _json() -> Callable[[Report], str]:
    from newslint.reporters.json import render_json
    return render_json


def _sarif() -> Callable[[Report], str]:
    from newslint.reporters.sarif import render_sarif
    return render_sarif


def _github() -> Callable[[Report], str]:
    from newslint.reporters.github import render_github
    return render_github


def _junit() -> Callable[[Report], str]:
    from newslint.reporters.junit import render_junit
    return render_junit


_RENDERERS = {"text": _text, "concise": _concise, "json": _json, "sarif": _sarif,
              "github": _github, "junit": _junit}
