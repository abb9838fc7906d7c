"""MTA301 repeated-word through the CLI: what it flags, what English doubles on purpose, and --fix."""

from __future__ import annotations

import pytest

from tests.util import check_json, run_cli, write


def lint(tmp_path, text: str, name: str = "article.txt") -> list[dict]:
    path = write(tmp_path / name, text)
    status, findings = check_json("--select", "MTA301", str(path))
    assert status == (1 if findings else 0)
    return findings


@pytest.mark.parametrize("text, word", [
    ("The minister said the the budget would be cut.", "the"),
    ("The the council met on Monday.", "The"),
    ("THE THE COUNCIL MET ON MONDAY", "THE"),
    ("It is is a test of the new ferry.", "is"),
    ("He went to to the market.", "to"),
    ("It's it's a long way to the harbour.", "It's"),
    ("The so-called so-called plan was dropped.", "so-called"),
    ("She said a a plan was ready.", "a"),
    ("Officials said that the council council would meet.", "council"),
    ("He waited for for the bus.", "for"),
    ("They met in in the hall.", "in"),
    ("On On Monday the council met.", "On"),
    ("I I think so, the mayor said.", "I"),
    ("The plan (the the final draft) was dropped.", "the"),
    ("He called it “the the best ferry” on Monday.", "the"),
])
def test_doubled_words_are_flagged(tmp_path, text, word):
    [f] = lint(tmp_path, text + "\n")
    assert (f["code"], f["rule"], f["category"]) == ("MTA301", "repeated-word", "mt-artifact")
    assert f["message"] == f"Repeated word '{word}'"
    assert f["fix"]["replacement"] == word


@pytest.mark.parametrize("text", [
    "I think that that is a problem.",
    "If I had had time, I would have gone.",
    "What it is is a scandal, she said.",
    "All it was was a mistake.",
    "Add to this this new rule on fishing quotas.",
    "Duran Duran played in Walla Walla last night.",
    "They flew on to Bora Bora and then to Pago Pago.",
    "Baden-Baden hosted the talks.",
    "New York, New York is her favourite song.",
    '"Bye bye," she said as the ferry left.',
    "It was a very very long day.",
    "I'm really really nervous, the captain said.",
    'The crowd chanted "go go go" as the boat came in.',
    "Spend Spend Spend opened in London.",
    "The senior law lord Lord Alder spoke first.",
    "Will will decide on Friday, his sister said.",
    "General M M Rao and Air Marshal R K S Rana met.",
    "A A Milne wrote it.",
    "The vote was 1 1 after the first round, and 2004 2004 is not a word.",
    "The moment I had waited for for years arrived.",
    "It was a role she was cast in in 2004.",
    "It is the situation we have been placed in in the past year.",
    "The motion was voted on on the eve of the summit.",
    'Is that a salad or a "salad salad"?',
    "Knock knock, who is there?",
    "Boutros Boutros-Ghali spoke.",
    "The ferry left.\n\nThe ferry came back.",
])
def test_legitimate_doubles_are_not_flagged(tmp_path, text):
    assert lint(tmp_path, text + "\n") == []


def test_paragraph_end_and_start_are_not_a_pair(tmp_path):
    assert lint(tmp_path, "The boat sailed to the\n\nthe harbour was empty.\n") == []


def test_position_and_fix_span(tmp_path):
    text = "Prices rose.\nThe harbour reopened on Monday after the the storm, officials said.\n"
    [f] = lint(tmp_path, text)
    assert (f["line"], f["column"], f["end_line"], f["end_column"]) == (2, 38, 2, 45)
    assert f["fix"] == {"replacement": "the", "line": 2, "column": 38, "end_line": 2, "end_column": 45,
                        "applicability": "safe"}


def test_pair_across_a_line_break(tmp_path):
    text = "The council said that it would approve the\nthe budget for the harbour on Monday.\n"
    [f] = lint(tmp_path, text)
    assert (f["line"], f["column"], f["end_line"], f["end_column"]) == (1, 40, 2, 4)
    assert f["message"] == "Repeated word 'the'"


def test_fix_removes_the_second_copy(tmp_path):
    path = write(tmp_path / "a.txt",
                 "The the council met.\n\nThe mayor said the the budget was was ready,\nand and that that was all.\n")
    result = run_cli("check", "--select", "MTA301", "--fix", str(path))
    assert result.exit_code == 0, result.stdout
    assert path.read_text(encoding="utf-8") == (
        "The council met.\n\nThe mayor said the budget was ready,\nand that that was all.\n")


def test_fix_across_a_line_break_never_damages_the_file(tmp_path):
    # The plain-text source joins hard-wrapped lines with a line break of its own, so a span
    # across one is not a verbatim slice of the file and the engine may decline to fix it; if
    # it does fix it, the first copy is kept.
    original = "The council will approve the\nthe budget on Monday.\n"
    path = write(tmp_path / "a.txt", original)
    run_cli("check", "--select", "MTA301", "--fix", str(path))
    assert path.read_text(encoding="utf-8") in (original, "The council will approve the budget on Monday.\n")


def test_markdown_positions_and_fix(tmp_path):
    md = "---\ntitle: Harbour\n---\n\n# The the harbour\n\nThe ferry came back to to port, and *Duran Duran* played.\n"
    found = lint(tmp_path, md, "a.md")
    assert [(f["line"], f["column"], f["end_column"]) for f in found] == [(5, 3, 10), (7, 21, 26)]
    path = tmp_path / "a.md"
    run_cli("check", "--select", "MTA301", "--fix", str(path))
    assert path.read_text(encoding="utf-8") == (
        "---\ntitle: Harbour\n---\n\n# The harbour\n\nThe ferry came back to port, and *Duran Duran* played.\n")
