"""Helpers shared by the tests: run the real CLI and read its JSON findings."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from newslint.cli import main


def run_cli(*args: str, input: str | bytes | None = None):
    """Invoke `newslint ARGS` in-process; returns click's Result (exit_code, stdout, stderr)."""
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def check_json(*args: str, input: str | bytes | None = None) -> tuple[int, list[dict]]:
    """`newslint check --format json ARGS`: (exit status, findings)."""
    result = run_cli("check", "--format", "json", *args, input=input)
    findings = json.loads(result.stdout) if result.exit_code in (0, 1) else []
    return result.exit_code, findings


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def codes(findings: list[dict]) -> list[str]:
    return [f["code"] for f in findings]


def positions(tmp_path: Path, text: str, select: str, name: str = "a.txt") -> list[tuple[str, int, int]]:
    """Write `text` to a file, lint it with the rules `select` names: (code, line, column) each."""
    path = write(tmp_path / name, text)
    _, findings = check_json("--select", select, str(path))
    return [(f["code"], f["line"], f["column"]) for f in findings]
