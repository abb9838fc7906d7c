"""The calques pack (MTA201-MTA205) through the CLI: positions, fixes and --fix.

Every text here is invented. Positions are 1-based line and column in the file as written.
"""

from __future__ import annotations

import pytest

from tests.util import check_json, run_cli, write


def _findings(tmp_path, text: str, name: str = "a.txt") -> list[dict]:
    path = write(tmp_path / name, text)
    status, findings = check_json("--select", "MTA2", "--unsafe-fixes", str(path))
    assert status in (0, 1)
    return findings


def test_position_and_fix_of_a_russian_calque(tmp_path):
    text = "The mayor spoke first.\nTwo shops closed on the territory of the market on Friday.\n"
    [finding] = _findings(tmp_path, text)
    assert (finding["code"], finding["line"], finding["column"]) == ("MTA201", 2, 18)
    assert finding["rule"] == "calque-russian" and finding["category"] == "mt-artifact"
    assert finding["fix"]["replacement"] == "in"
    assert "'on the territory of'" in finding["message"] and "'in'" in finding["message"]


def test_leading_capital_is_kept_in_the_fix(tmp_path):
    [finding] = _findings(tmp_path, "In the frame of the deal, taxes fell.\n")
    assert (finding["code"], finding["line"], finding["column"]) == ("MTA205", 1, 1)
    assert finding["fix"]["replacement"] == "As part of"


@pytest.mark.parametrize("text, code, replacement", [
    ("She has lived here since three years.\n", "MTA202", "for three years"),
    ("He made a photo of the crowd.\n", "MTA202", "took a photo"),
    ("The town will realize a project to fix the bridge.\n", "MTA203", "carry out a project"),
    ("Staff will give full play to their skills.\n", "MTA204", "make full use of"),
    ("Roads will reopen in the case of need.\n", "MTA205", "if necessary"),
    ("That is the view, according to the information of the agency.\n", "MTA205", "according to"),
    ("The bridge was put into exploitation in May.\n", "MTA201", "put into operation"),
    ("Roads will be repaired in the first turn, the mayor said.\n", "MTA201", "first of all"),
    ("He became a letter from the tax office.\n", "MTA202", "received a letter from"),
    ("The port was built with the aim to increase trade.\n", "MTA202", "with the aim of"),
    ("The mayor assisted to the ceremony on Friday.\n", "MTA203", "attended the ceremony"),
    ("Residents were told to open the light at dusk.\n", "MTA204", "turn on the light"),
    ("The ferry has been idle since two weeks.\n", "MTA202", "for two weeks"),
    ("The mayor spoke the past Monday about the bridge.\n", "MTA203", "last Monday"),
    ("The plan was praised by the actual president of the club.\n", "MTA203", "the current president"),
    ("Employees of the police closed the road.\n", "MTA201", "Police officers"),
    ("The two sides carried out a meeting in the port.\n", "MTA201", "held a meeting"),
])
def test_each_language_rule_fires_with_its_fix(tmp_path, text, code, replacement):
    [finding] = _findings(tmp_path, text)
    assert finding["code"] == code and finding["fix"]["replacement"] == replacement


def test_phrases_span_line_breaks_and_any_case(tmp_path):
    [finding] = _findings(tmp_path, "Results are expected IN THE NEAREST\nTIME, officials said.\n")
    assert (finding["code"], finding["line"], finding["column"]) == ("MTA201", 1, 22)
    assert "'IN THE NEAREST TIME'" in finding["message"]  # a message is one line


def test_all_caps_match_gets_a_capitalised_fix(tmp_path):
    [finding] = _findings(tmp_path, "Results are expected IN THE NEAREST TIME, officials said.\n")
    assert finding["fix"]["replacement"] == "Soon"


def test_fine_english_is_not_flagged(tmp_path):
    text = (
        "The council will take a decision on the so-called harbour plan in the course of the day.\n\n"
        "She has lived here since 2019 and was in the right frame of mind to take a photo.\n\n"
        "He realized the project was late, depending on whom you ask, and it was in a frame of the film.\n\n"
        "Volunteers assist to the end of the season, and the crew closed the lighthouse in May.\n\n"
        "In the first turning on the left, she became a letter carrier with the aim of saving money.\n\n"
        "The actual cost was higher, and the fans made sport of the referee for the past week.\n\n"
        "This past Monday the queue grew, and she took part in the work of the panel.\n"
    )
    assert _findings(tmp_path, text) == []


def test_calque_fixes_are_unsafe_they_say_what_the_phrase_probably_means(tmp_path):
    text = "Since three years, the club made a photo in the frame of the festival.\n"
    path = write(tmp_path / "a.txt", text)
    result = run_cli("check", "--select", "MTA2", "--fix", str(path))
    assert result.exit_code == 1 and path.read_text() == text
    assert "3 more with --unsafe-fixes." in result.stdout and "[*]" not in result.stdout
    _, [finding, *_] = check_json("--select", "MTA2", str(path))
    assert finding["fix"] is None  # the JSON contract: `fix` only where a safe fix exists
    result = run_cli("check", "--select", "MTA2", "--fix", "--unsafe-fixes", str(path))
    assert result.exit_code == 0
    assert path.read_text() == "For three years, the club took a photo as part of the festival.\n"
