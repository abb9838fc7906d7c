"""The README documents every rule, and its rule table is the one `newslint rules` prints."""

from __future__ import annotations

from pathlib import Path

from tests.util import run_cli

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_rule_table_is_current():
    table = run_cli("rules", "--format", "markdown").stdout.strip()
    text = README.read_text(encoding="utf-8")
    assert table in text, "README rule table is stale: paste `newslint rules --format markdown` into it"


def test_readme_quick_start_test_command_matches_ci():
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pytest" in README.read_text(encoding="utf-8")
    assert "python -m pytest" in ci
