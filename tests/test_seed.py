"""The seed article of ../shared/fixtures: what each detector family must find there, and nothing more.

Skips when the fixtures folder is absent. Only findings are compared; no text is copied.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.util import check_json

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "fixtures" / "seed-article.txt"


@pytest.fixture(scope="module")
def seed_findings() -> list[dict]:
    if not SEED.is_file():
        pytest.skip(f"{SEED} is absent")
    status, findings = check_json(str(SEED))
    assert status == 1
    return findings


def _lines(findings, categories) -> set[int]:
    return {f["line"] for f in findings if f["category"] in categories}


def test_truncation_and_fragments(seed_findings):
    assert _lines(seed_findings, {"fragment"}) == {23, 29, 37, 41}
    assert _lines(seed_findings, {"truncation"}) <= {51, 52}  # only on the residue lines, if at all


def test_headline_and_question_subheading_are_left_alone(seed_findings):
    assert not [f for f in seed_findings if f["line"] in (3, 35)]


def test_residue(seed_findings):
    assert {1, 51, 54, 56} <= _lines(seed_findings, {"residue"})
