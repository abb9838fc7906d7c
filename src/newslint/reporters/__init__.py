"""Reporters turn findings into text for people or machines. They know nothing about rules'
internals: only Findings, the rule list (for documentation) and a few run facts."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module

from newslint.findings import Finding
from newslint.rule import Rule


@dataclass
class Report:
    findings: list[Finding]
    files_checked: int
    rules: list[Rule]  # every known rule, for formats that carry rule docs
    fixed: int = 0
    withheld_fixes: int = 0  # unsafe fixes not offered (no --unsafe-fixes)
    notes: list[str] = field(default_factory=list)  # things the run could not do
    color: bool = False


# Format -> (module, function); a module is imported only when its format is used.
_RENDERERS = {
    "text": ("text", "render_text"),
    "concise": ("text", "render_concise"),
    "json": ("json", "render_json"),
    "sarif": ("sarif", "render_sarif"),
    "github": ("github", "render_github"),
    "junit": ("junit", "render_junit"),
}


def render(fmt: str, report: Report) -> str:
    module, function = _RENDERERS[fmt]
    return getattr(import_module(f"newslint.reporters.{module}"), function)(report)
