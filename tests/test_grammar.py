"""Grammar through LanguageTool (GRM001, SPL900), against a fake LanguageTool server on 127.0.0.1.

The fake (tests/fake_languagetool.py) speaks LanguageTool's HTTP API with a few canned rules:
EN_A_VS_AN ("a extra", one replacement), MORFOLOGIK_RULE_EN_US (typos such as "recieve"),
IRREGARDLESS (two replacements) and COMMA_PARENTHESIS_WHITESPACE (" ,", off by default in newslint).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest

from newslint.grammar.duplicates import DISABLED_BY_DEFAULT
from newslint.registry import load_rules
from tests.fake_languagetool import FakeLanguageTool
from tests.util import run_cli, write
from tests.util import check_json as _check_json

REPO = Path(__file__).resolve().parent.parent
SARIF_SCHEMA = json.loads((REPO / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
ARTICLE = (
    "Harbour reopens\n"
    "\n"
    "The council approved a extra ferry for the winter, officials said.\n"
    "\n"
    "The mayor said residents would recieve a letter, irregardless of the cost.\n"
)


@pytest.fixture(autouse=True)
def _no_file_cache(monkeypatch):
    """These tests are about LanguageTool's own cache and requests: newslint's cache of whole
    files' findings would answer before the grammar stage is asked (it has tests of its own below)."""
    monkeypatch.setenv("NEWSLINT_NO_CACHE", "1")


@pytest.fixture
def lt():
    fake = FakeLanguageTool().start()
    yield fake
    fake.stop()


def project(folder: Path, url: str | None, **keys) -> Path:
    """A newslint.toml in `folder` with languagetool-url and the other `languagetool-*` keys given."""
    lines = [f'languagetool-url = "{url}"'] if url else []
    for key, value in keys.items():
        lines.append(f"{key.replace('_', '-')} = {json.dumps(value)}")
    return write(folder / "newslint.toml", "\n".join(lines) + "\n")


def check_json(*args, **kwargs):
    """newslint check, with the pyspellchecker rules off: these tests are about LanguageTool's."""
    return _check_json("--ignore", "SPL001,SPL002", *args, **kwargs)


def answers_folder() -> Path:
    """Where LanguageTool's answers go: inside the cache folder, which conftest sets per test."""
    return Path(os.environ["NEWSLINT_CACHE_DIR"]) / "languagetool"


LT = ("GRM001/", "SPL900/")  # the codes of LanguageTool's findings start so


def found(findings: list[dict], prefix: str | tuple[str, ...] = "") -> list[tuple[str, int, int]]:
    return [(f["code"], f["line"], f["column"]) for f in findings if f["code"].startswith(prefix)]


def where(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """1-based (line, column) of the nth occurrence of `needle` in `text`."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


def dead_url() -> str:
    """The URL of a port on which nothing listens."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("newslint: error:")]


# --- findings, codes and positions -------------------------------------------------------------

def test_findings_carry_the_languagetool_rule_in_their_code(tmp_path, lt):
    project(tmp_path, lt.url)
    path = write(tmp_path / "a.txt", ARTICLE)
    status, findings = check_json(str(path))
    assert status == 1
    assert found(findings, LT) == [
        ("GRM001/EN_A_VS_AN", *where(ARTICLE, "a extra")),
        ("SPL900/MORFOLOGIK_RULE_EN_US", *where(ARTICLE, "recieve")),
        ("GRM001/IRREGARDLESS", *where(ARTICLE, "irregardless")),
    ]
    by_code = {f["code"]: f for f in findings}
    a_an = by_code["GRM001/EN_A_VS_AN"]
    assert (a_an["rule"], a_an["category"], a_an["severity"]) == ("languagetool-grammar", "grammar", "warning")
    assert a_an["end_column"] == a_an["column"] + 1
    assert a_an["message"].startswith("Use “an” instead of ‘a’")
    assert a_an["message"].endswith("(suggestion: 'an')")
    assert a_an["languagetool"] == {"rule": "EN_A_VS_AN", "category": "GRAMMAR", "replacements": ["an"]}
    assert a_an["fix"]["replacement"] == "an"
    typo = by_code["SPL900/MORFOLOGIK_RULE_EN_US"]
    assert (typo["rule"], typo["category"]) == ("languagetool-typo", "spelling")
    assert typo["end_column"] - typo["column"] == len("recieve")
    # Two or more suggestions: kept in the message and the JSON, but no fix.
    other = by_code["GRM001/IRREGARDLESS"]
    assert other["fix"] is None and other["languagetool"]["replacements"] == ["regardless", "irrespective"]
    assert other["message"].endswith("(suggestions: 'regardless', 'irrespective')")


def test_offsets_after_characters_outside_the_basic_plane(tmp_path, lt):
    # LanguageTool counts UTF-16 code units; an emoji is two of them and one column.
    text = "Fans 😀😀 cheered as a eagle landed near the goverment building.\n"
    project(tmp_path, lt.url)
    path = write(tmp_path / "a.txt", text)
    findings = check_json(str(path))[1]
    assert found(findings, LT) == [
        ("GRM001/EN_A_VS_AN", *where(text, "a eagle")),
        ("SPL900/MORFOLOGIK_RULE_EN_US", *where(text, "goverment")),
    ]
    typo = next(f for f in findings if f["code"].startswith("SPL"))
    assert typo["end_column"] - typo["column"] == len("goverment")


def test_markdown_positions_and_what_is_not_prose(tmp_path, lt):
    text = (
        "---\n"
        "title: A extra story about a eagle\n"
        "---\n"
        "\n"
        "# Harbour news\n"
        "\n"
        "The **council** approved [a extra ferry](https://example.org/a-extra) on Monday.\n"
        "\n"
        "```\n"
        "a extra line of code\n"
        "```\n"
        "\n"
        "- Residents will recieve a award by post.\n"
        "\n"
        "> They called it a ordinary day, officials said.\n"
    )
    project(tmp_path, lt.url)
    path = write(tmp_path / "a.md", text)
    findings = check_json(str(path))[1]
    assert found(findings, LT) == [
        ("GRM001/EN_A_VS_AN", *where(text, "a extra ferry")),
        ("SPL900/MORFOLOGIK_RULE_EN_US", *where(text, "recieve")),
        ("GRM001/EN_A_VS_AN", *where(text, "a award")),
        ("GRM001/EN_A_VS_AN", *where(text, "a ordinary")),
    ]
    sent = "".join(form["text"] for form in lt.checks())
    assert "title" not in sent and "code" not in sent and "example.org" not in sent


def test_html_positions_after_entities_and_markup(tmp_path, lt):
    text = (
        "<html><head><title>A extra title</title></head><body>\n"
        "<p>Tom &amp; Ann approved <em>a extra</em> ferry.</p>\n"
        "<script>var note = 'a extra';</script>\n"
        "<p>Caf&eacute; owners will recieve a apology.</p>\n"
        "</body></html>\n"
    )
    project(tmp_path, lt.url)
    path = write(tmp_path / "a.html", text)
    findings = check_json(str(path))[1]
    assert found(findings, LT) == [
        ("GRM001/EN_A_VS_AN", *where(text, "a extra</em>")),
        ("SPL900/MORFOLOGIK_RULE_EN_US", *where(text, "recieve")),
        ("GRM001/EN_A_VS_AN", *where(text, "a apology")),
    ]


def test_json_lines_records_share_requests_and_keep_their_own_positions(tmp_path, lt):
    text = (
        '{"id": 1, "text": "The council approved a extra ferry."}\n'
        '{"id": 2, "text": "Line one.\\nResidents will recieve it."}\n'
    )
    project(tmp_path, lt.url)
    path = write(tmp_path / "a.jsonl", text)
    findings = check_json(str(path))[1]
    assert found(findings, LT) == [
        ("GRM001/EN_A_VS_AN", *where(text, "a extra")),
        ("SPL900/MORFOLOGIK_RULE_EN_US", *where(text, "recieve")),
    ]
    assert len(lt.checks()) == 1
    assert all(f["fix"] is None for f in findings)  # --fix never rewrites JSON Lines


def test_documented_examples(tmp_path, lt):
    project(tmp_path, lt.url)
    for rule in (r for r in load_rules() if r.code in ("GRM001", "SPL900")):
        bad = write(tmp_path / f"bad-{rule.code}.txt", rule.doc.bad)
        good = write(tmp_path / f"good-{rule.code}.txt", rule.doc.good)
        assert [f["rule"] for f in check_json("--select", rule.code, str(bad))[1]] == [rule.name]
        assert check_json("--select", rule.code, str(good))[1] == []


# --- what is sent --------------------------------------------------------------------------------

def test_duplicates_of_newslint_rules_are_sent_as_disabled_rules(tmp_path, lt):
    project(tmp_path, lt.url)
    path = write(tmp_path / "a.txt", "The ferry left late , officials said.\n")
    findings = check_json(str(path))[1]
    form = lt.checks()[0]
    assert set(form["disabledRules"].split(",")) == set(DISABLED_BY_DEFAULT)
    assert form["language"] == "en-US" and "enabledRules" not in form
    assert [f["code"] for f in findings] == ["MTA110"]  # newslint's own rule, not LanguageTool's twin


def test_languagetool_rules_and_categories_from_config(tmp_path, lt):
    project(tmp_path, lt.url, languagetool_enabled_rules=["COMMA_PARENTHESIS_WHITESPACE"],
            languagetool_disabled_rules=["IRREGARDLESS"], languagetool_enabled_categories=["STYLE"],
            languagetool_disabled_categories=["CASING", "TYPOGRAPHY"], languagetool_language="en-GB")
    path = write(tmp_path / "a.txt", "The ferry left late , irregardless of the weather.\n")
    findings = check_json(str(path))[1]
    form = lt.checks()[0]
    assert form["enabledRules"] == "COMMA_PARENTHESIS_WHITESPACE"
    disabled = set(form["disabledRules"].split(","))
    assert "IRREGARDLESS" in disabled and "COMMA_PARENTHESIS_WHITESPACE" not in disabled
    assert form["enabledCategories"] == "STYLE"
    assert set(form["disabledCategories"].split(",")) == {"CASING", "TYPOGRAPHY"}
    assert form["language"] == "en-GB"
    assert sorted(f["code"] for f in findings) == ["GRM001/COMMA_PARENTHESIS_WHITESPACE", "MTA110"]


def test_batching_keeps_every_request_under_the_size_limit(tmp_path, lt):
    paragraphs = [f"Paragraph {i} says the council approved a extra ferry for route {i} after a long "
                  f"debate about timetables, fares and the winter schedule of the island services."
                  for i in range(14)]
    # One paragraph alone is larger than a request: it is cut between sentences.
    paragraphs.append(" ".join(f"Sentence {i} of the long paragraph is here." for i in range(60))
                      + " At the end they saw a eagle.")
    text = "\n\n".join(paragraphs) + "\n"
    project(tmp_path, lt.url, languagetool_request_size=1000)
    path = write(tmp_path / "a.txt", text)
    findings = check_json(str(path))[1]
    sizes = [len(form["text"].encode("utf-8")) for form in lt.checks()]
    assert len(sizes) >= 5 and max(sizes) <= 1000, sizes
    expected = [("GRM001/EN_A_VS_AN", *where(text, "a extra", i)) for i in range(14)]
    expected.append(("GRM001/EN_A_VS_AN", *where(text, "a eagle")))
    assert found(findings, "GRM") == expected


def test_a_rule_that_is_off_sends_nothing(tmp_path, lt):
    project(tmp_path, lt.url)
    path = write(tmp_path / "a.txt", ARTICLE)
    findings = check_json("--ignore", "GRM001,SPL900", str(path))[1]
    assert lt.requests == [] and not found(findings, "GRM")


def test_no_server_configured_means_no_grammar(tmp_path, monkeypatch):
    monkeypatch.delenv("NEWSLINT_LANGUAGETOOL_URL", raising=False)
    path = write(tmp_path / "a.txt", ARTICLE)
    status, findings = check_json("--select", "GRM001,SPL900", str(path))
    assert (status, findings) == (0, [])


# --- the cache -----------------------------------------------------------------------------------

def test_second_run_sends_nothing_and_a_changed_paragraph_only_itself(tmp_path, lt):
    project(tmp_path, lt.url)
    path = write(tmp_path / "a.txt", ARTICLE)
    first = check_json(str(path))[1]
    assert len(lt.checks()) == 1
    assert list(answers_folder().rglob("*.json"))

    lt.requests.clear()
    assert check_json(str(path))[1] == first
    assert lt.requests == []  # not even the list of languages

    changed = ARTICLE.replace("residents would recieve", "residents would recieve a answer and")
    write(path, changed)
    findings = check_json(str(path))[1]
    checks = lt.checks()
    assert [form["text"] for form in checks] == [changed.strip().split("\n\n")[-1]]
    assert ("GRM001/EN_A_VS_AN", *where(changed, "a answer")) in found(findings)


def test_cache_answers_when_the_server_is_gone(tmp_path, lt):
    project(tmp_path, lt.url)
    path = write(tmp_path / "a.txt", ARTICLE)
    first = run_cli("check", "--ignore", "SPL001,SPL002", "--format", "json", str(path))
    lt.stop()
    again = run_cli("check", "--ignore", "SPL001,SPL002", "--format", "json", str(path))
    assert again.stdout == first.stdout and again.stderr == ""


def test_clean_removes_the_answers_in_the_default_cache_folder(tmp_path, lt, monkeypatch):
    monkeypatch.delenv("NEWSLINT_NO_CACHE")
    monkeypatch.delenv("NEWSLINT_CACHE_DIR")
    monkeypatch.chdir(tmp_path)
    project(tmp_path, lt.url)
    write(tmp_path / "a.txt", ARTICLE)
    check_json("a.txt")
    folder = tmp_path / ".newslint_cache"
    assert list((folder / "languagetool").rglob("*.json")) and list((folder / "v1").rglob("*.json"))
    result = run_cli("clean")
    assert result.exit_code == 0 and result.stdout.startswith(f"Removed {folder} (")
    assert not folder.exists()


def test_answers_made_under_no_cache_go_to_a_tagged_and_git_ignored_folder(tmp_path, lt, monkeypatch):
    # --no-cache is about whole files' findings; LanguageTool's answers are kept all the same,
    # and the folder made for them must not show up in git any more than the file cache does.
    monkeypatch.delenv("NEWSLINT_CACHE_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    project(tmp_path, lt.url)
    write(tmp_path / "a.txt", ARTICLE)
    check_json("--no-cache", "a.txt")
    folder = tmp_path / ".newslint_cache"
    assert list((folder / "languagetool").rglob("*.json"))
    assert not (folder / "v1").exists()
    assert (folder / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert (folder / ".gitignore").read_text().splitlines()[-1] == "*"


def test_cache_dir_takes_the_answers_too_and_clean_removes_them(tmp_path, lt, monkeypatch):
    monkeypatch.delenv("NEWSLINT_NO_CACHE")
    monkeypatch.delenv("NEWSLINT_CACHE_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    project(tmp_path, lt.url)
    write(tmp_path / "a.txt", ARTICLE)
    check_json("--cache-dir", "build/lint", "a.txt")
    assert not (tmp_path / ".newslint_cache").exists()
    folder = tmp_path / "build" / "lint"
    assert list((folder / "languagetool").rglob("*.json"))
    lt.requests.clear()
    check_json("--cache-dir", "build/lint", "a.txt")
    assert lt.requests == []
    assert run_cli("clean", "--cache-dir", "build/lint").exit_code == 0
    assert not folder.exists()


def test_file_cache_keeps_grammar_findings_whole(tmp_path, lt, monkeypatch):
    monkeypatch.delenv("NEWSLINT_NO_CACHE")
    project(tmp_path, lt.url)
    path = write(tmp_path / "a.txt", ARTICLE)
    first = check_json(str(path))[1]
    assert found(first, LT) and all("languagetool" in f for f in first if f["code"].startswith(LT))
    lt.requests.clear()
    assert check_json(str(path))[1] == first  # the same findings, LanguageTool's details included
    assert lt.requests == []


def test_file_cache_does_not_keep_a_file_languagetool_could_not_check(tmp_path, lt, monkeypatch):
    monkeypatch.delenv("NEWSLINT_NO_CACHE")
    project(tmp_path, lt.url)
    path = write(tmp_path / "a.txt", ARTICLE)
    lt.mode = "error500"
    assert not found(check_json(str(path))[1], LT)
    lt.mode = "ok"  # the server is well again: the file is checked, not answered from the cache
    assert found(check_json(str(path))[1], LT) == [
        ("GRM001/EN_A_VS_AN", *where(ARTICLE, "a extra")),
        ("SPL900/MORFOLOGIK_RULE_EN_US", *where(ARTICLE, "recieve")),
        ("GRM001/IRREGARDLESS", *where(ARTICLE, "irregardless")),
    ]


def test_settings_are_part_of_the_cache_key(tmp_path, lt):
    project(tmp_path, lt.url)
    path = write(tmp_path / "a.txt", ARTICLE)
    check_json(str(path))
    project(tmp_path, lt.url, languagetool_disabled_rules=["IRREGARDLESS"])
    lt.requests.clear()
    findings = check_json(str(path))[1]
    assert len(lt.checks()) == 1 and "GRM001/IRREGARDLESS" not in [f["code"] for f in findings]


def test_damaged_cache_entries_are_a_warning_and_asked_again(tmp_path, lt):
    project(tmp_path, lt.url)
    path = write(tmp_path / "a.txt", ARTICLE)
    first = check_json(str(path))[1]
    for entry in answers_folder().rglob("*.json"):
        entry.write_text('{"matches": [{"start": "x"', encoding="utf-8")
    lt.requests.clear()
    result = run_cli("check", "--ignore", "SPL001,SPL002", "--format", "json", str(path))
    assert json.loads(result.stdout) == first
    assert len(lt.checks()) == 1
    assert result.stderr.count("newslint: warning:") == 1 and "damaged" in result.stderr
    lt.requests.clear()
    check_json(str(path))
    assert lt.requests == []  # the damaged entries were written again


def test_unwritable_cache_is_a_warning_not_a_failure(tmp_path, lt):
    write(tmp_path / "blocker", "a file where the cache folder should be\n")
    project(tmp_path, lt.url, languagetool_cache_dir="blocker/languagetool")
    path = write(tmp_path / "a.txt", ARTICLE)
    result = run_cli("check", "--ignore", "SPL001,SPL002", "--format", "json", str(path))
    assert result.exit_code == 1
    assert len([f for f in json.loads(result.stdout) if f["code"].startswith(("GRM", "SPL"))]) == 3
    warnings = [line for line in result.stderr.splitlines() if line.startswith("newslint: warning:")]
    assert len(warnings) == 1 and "cannot write the LanguageTool cache" in warnings[0]
    assert not error_lines(result.stderr)


# --- a server that fails -------------------------------------------------------------------------

def _failing_run(tmp_path, url, *extra_files, **keys):
    project(tmp_path, url, **keys)
    paths = [write(tmp_path / "a.txt", "Home » News » World » Harbour\n\n" + ARTICLE)]
    paths += [write(tmp_path / name, ARTICLE) for name in extra_files]
    started = time.monotonic()
    result = run_cli("check", "--format", "concise", *map(str, paths))
    return result, time.monotonic() - started


def test_server_down_is_one_error_line_and_the_other_rules_still_run(tmp_path):
    url = dead_url()
    result, _ = _failing_run(tmp_path, url, "b.txt", "c.txt")
    assert error_lines(result.stderr) == [
        f"newslint: error: LanguageTool at {url}/: cannot connect (connection refused); grammar was not checked"]
    assert "RES001" in result.stdout and "GRM001" not in result.stdout
    assert result.stdout.rstrip().endswith("Grammar was not checked: LanguageTool failed (see the error above).")
    assert result.exit_code == 1  # decided by the other findings, as always


def test_server_down_with_clean_text_exits_0(tmp_path):
    project(tmp_path, dead_url())
    path = write(tmp_path / "a.txt", "The council met on Monday.\n")
    result = run_cli("check", str(path))
    assert result.exit_code == 0 and len(error_lines(result.stderr)) == 1
    assert "Grammar was not checked" in result.stdout


def test_server_that_times_out(tmp_path, lt):
    lt.mode, lt.delay = "slow", 3.0
    result, elapsed = _failing_run(tmp_path, lt.url, "b.txt", "c.txt", languagetool_timeout=0.3)
    assert error_lines(result.stderr) == [
        f"newslint: error: LanguageTool at {lt.url}/: no answer within 0.3 s; grammar was not checked"]
    assert "RES001" in result.stdout
    # After the first failure no other file waits: language-tool-python tries a request twice.
    assert len(lt.checks()) <= 2 and elapsed < 2.5


@pytest.mark.parametrize("mode, says", [
    ("malformed", "sent an answer that is not JSON: '{\"matches\": [{\"message\":'"),
    ("error500", "sent an answer that is not JSON: 'Error: Internal Error: java.lang.RuntimeException'"),
    ("not-languagetool", "sent JSON that is not a LanguageTool answer"),
])
def test_server_with_a_broken_answer(tmp_path, lt, mode, says):
    lt.mode = mode
    result, _ = _failing_run(tmp_path, lt.url, "b.txt")
    assert error_lines(result.stderr) == [
        f"newslint: error: LanguageTool at {lt.url}/: {says}; grammar was not checked"]
    assert "RES001" in result.stdout and "GRM001" not in result.stdout
    assert len(lt.checks()) == 1  # the second file is not sent after the first failure


@pytest.mark.parametrize("mode", ["error500", "malformed", "not-languagetool"])
def test_server_whose_language_list_fails(tmp_path, lt, mode):
    lt.languages_mode = mode
    result, _ = _failing_run(tmp_path, lt.url)
    assert len(error_lines(result.stderr)) == 1 and "RES001" in result.stdout
    assert lt.checks() == []


def test_language_the_server_does_not_know(tmp_path, lt):
    result, _ = _failing_run(tmp_path, lt.url, languagetool_language="xx-YY")
    assert error_lines(result.stderr) == [
        f"newslint: error: LanguageTool at {lt.url}/: does not support the language 'xx-YY'; grammar was not checked"]


def test_some_files_unchecked_are_counted_in_the_summary(tmp_path, lt):
    project(tmp_path, lt.url)
    write(tmp_path / "a.txt", ARTICLE)
    check_json(str(tmp_path / "a.txt"))  # a.txt is now in the cache
    lt.stop()
    write(tmp_path / "b.txt", "A new article about a eagle.\n")
    result = run_cli("check", "--format", "concise", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert "GRM001/EN_A_VS_AN" in result.stdout  # from the cache
    assert "Grammar was not checked in 1 of 2 files" in result.stdout
    assert len(error_lines(result.stderr)) == 1


def test_local_languagetool_is_never_downloaded(tmp_path, monkeypatch):
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "nothing-here"))
    project(tmp_path, "local")
    path = write(tmp_path / "a.txt", ARTICLE)
    started = time.monotonic()
    result = run_cli("check", str(path))
    assert time.monotonic() - started < 10
    assert error_lines(result.stderr) == [
        f"newslint: error: the local LanguageTool: no LanguageTool installed by language-tool-python in "
        f"{tmp_path / 'nothing-here'} (newslint never downloads it); grammar was not checked"]
    assert not (tmp_path / "nothing-here").exists()


# --- selecting, ignoring, suppressing one LanguageTool rule --------------------------------------

@pytest.mark.parametrize("args, expected", [
    (["--ignore", "GRM001/EN_A_VS_AN"], ["GRM001/IRREGARDLESS", "SPL900/MORFOLOGIK_RULE_EN_US"]),
    (["--select", "GRM001/EN_A_VS_AN"], ["GRM001/EN_A_VS_AN"]),
    (["--select", "languagetool-grammar/en_a_vs_an"], ["GRM001/EN_A_VS_AN"]),
    (["--ignore", "GRM001", "--extend-select", "GRM001/IRREGARDLESS"],
     ["GRM001/IRREGARDLESS", "SPL900/MORFOLOGIK_RULE_EN_US"]),
    (["--select", "grammar"], ["GRM001/EN_A_VS_AN", "GRM001/IRREGARDLESS"]),
    (["--ignore", "spelling"], ["GRM001/EN_A_VS_AN", "GRM001/IRREGARDLESS"]),
    (["--ignore", "SPL900/MORFOLOGIK_RULE_EN_US,GRM001/IRREGARDLESS"], ["GRM001/EN_A_VS_AN"]),
])
def test_select_and_ignore_by_languagetool_rule(tmp_path, lt, args, expected):
    project(tmp_path, lt.url)
    path = write(tmp_path / "a.txt", ARTICLE)
    findings = check_json(*args, str(path))[1]
    assert sorted(f["code"] for f in findings if f["code"].startswith(("GRM", "SPL"))) == expected


def test_selecting_one_languagetool_rule_asks_languagetool_for_it(tmp_path, lt):
    project(tmp_path, lt.url)
    path = write(tmp_path / "a.txt", "The ferry left late , officials said.\n")
    findings = check_json("--select", "GRM001/COMMA_PARENTHESIS_WHITESPACE", str(path))[1]
    form = lt.checks()[0]
    assert form["enabledRules"] == "COMMA_PARENTHESIS_WHITESPACE"
    assert "COMMA_PARENTHESIS_WHITESPACE" not in form["disabledRules"].split(",")
    assert [f["code"] for f in findings] == ["GRM001/COMMA_PARENTHESIS_WHITESPACE"]


def test_unknown_rule_before_the_slash_is_a_usage_error(tmp_path, lt):
    project(tmp_path, lt.url)
    path = write(tmp_path / "a.txt", ARTICLE)
    for selector in ("XYZ001/EN_A_VS_AN", "MTA301/EN_A_VS_AN", "GRM001/"):
        result = run_cli("check", "--select", selector, str(path))
        assert result.exit_code == 2 and "unknown rule selector" in result.stderr


def test_severity_and_per_file_ignores_by_languagetool_rule(tmp_path, lt):
    project(tmp_path, lt.url)
    with (tmp_path / "newslint.toml").open("a", encoding="utf-8") as config:
        config.write('\n[severity]\n"GRM001/IRREGARDLESS" = "info"\n"SPL900" = "error"\n'
                     '\n[per-file-ignores]\n"drafts/*" = ["GRM001/EN_A_VS_AN"]\n')
    path = write(tmp_path / "a.txt", ARTICLE)
    draft = write(tmp_path / "drafts" / "b.txt", ARTICLE)
    findings = check_json(str(path), str(draft))[1]
    severity = {(Path(f["path"]).name, f["code"]): f["severity"] for f in findings}
    assert severity == {
        ("a.txt", "GRM001/EN_A_VS_AN"): "warning",
        ("a.txt", "GRM001/IRREGARDLESS"): "info",
        ("a.txt", "SPL900/MORFOLOGIK_RULE_EN_US"): "error",
        ("b.txt", "GRM001/IRREGARDLESS"): "info",
        ("b.txt", "SPL900/MORFOLOGIK_RULE_EN_US"): "error",
    }


def test_inline_suppression_of_one_languagetool_rule(tmp_path, lt):
    text = (
        "<!-- newslint-disable-next-line GRM001/EN_A_VS_AN -->\n"
        "The council approved a extra ferry, irregardless of cost.\n"
        "\n"
        "<!-- newslint-disable-next-line languagetool-typo/MORFOLOGIK_RULE_EN_US -->\n"
        "Residents will recieve a eagle.\n"
        "\n"
        "<!-- newslint-disable-next-line GRM001/NO_SUCH_RULE -->\n"
        "The council met on Monday.\n"
    )
    project(tmp_path, lt.url)
    path = write(tmp_path / "a.md", text)
    findings = check_json(str(path))[1]
    assert [(f["code"], f["line"]) for f in findings] == [
        ("GRM001/IRREGARDLESS", 2),
        ("GRM001/EN_A_VS_AN", 5),
        ("INP100", 7),  # a known rule that suppressed nothing, not an unknown code
    ]


# --- fixes, output formats, the command line -----------------------------------------------------

def test_fix_applies_exactly_one_replacement(tmp_path, lt):
    project(tmp_path, lt.url)
    path = write(tmp_path / "a.txt", ARTICLE)
    result = run_cli("check", "--fix", "--format", "concise", str(path))
    # A typo rule's one suggestion is a guess: applied only with --unsafe-fixes.
    assert path.read_text(encoding="utf-8") == ARTICLE.replace("a extra", "an extra")
    assert "Fixed 1 finding." in result.stdout and "1 more with --unsafe-fixes." in result.stdout
    result = run_cli("check", "--fix", "--unsafe-fixes", "--format", "concise", str(path))
    assert path.read_text(encoding="utf-8") == ARTICLE.replace("a extra", "an extra").replace("recieve", "receive")
    assert "Fixed 1 finding." in result.stdout
    assert [f["code"] for f in check_json(str(path))[1]] == ["GRM001/IRREGARDLESS"]


def test_sarif_names_the_languagetool_rule_as_a_sub_rule(tmp_path, lt):
    project(tmp_path, lt.url)
    path = write(tmp_path / "a.txt", ARTICLE)
    log = json.loads(run_cli("check", "--format", "sarif", str(path)).stdout)
    jsonschema.validate(log, SARIF_SCHEMA)
    run = log["runs"][0]
    result = next(r for r in run["results"] if r["ruleId"] == "GRM001/EN_A_VS_AN")
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "GRM001"
    assert result["properties"]["languagetool"]["rule"] == "EN_A_VS_AN"


def test_server_from_environment_and_option(tmp_path, lt, monkeypatch):
    path = write(tmp_path / "a.txt", ARTICLE)
    project(tmp_path, None)  # no languagetool-url, but a config so that the cache stays in tmp_path
    monkeypatch.setenv("NEWSLINT_LANGUAGETOOL_URL", lt.url + "/v2")
    assert "GRM001/EN_A_VS_AN" in [f["code"] for f in check_json(str(path))[1]]
    # The option wins over the environment (and here points at nothing).
    url = dead_url()
    result = run_cli("check", "--languagetool", url, str(tmp_path / "a.txt"))
    assert "cannot connect" in result.stderr


@pytest.mark.parametrize("where, value", [("option", "ftp://example.org"), ("env", "localhost:8081"),
                                          ("config", "not a url")])
def test_bad_server_url_is_a_usage_error(tmp_path, monkeypatch, where, value):
    path = write(tmp_path / "a.txt", ARTICLE)
    monkeypatch.delenv("NEWSLINT_LANGUAGETOOL_URL", raising=False)
    args = ["check", str(path)]
    if where == "option":
        args[1:1] = ["--languagetool", value]
    elif where == "env":
        monkeypatch.setenv("NEWSLINT_LANGUAGETOOL_URL", value)
    else:
        project(tmp_path, value)
    result = run_cli(*args)
    assert result.exit_code == 2
    assert {"option": "--languagetool", "env": "NEWSLINT_LANGUAGETOOL_URL", "config": "languagetool-url"}[where] \
        in result.stderr


@pytest.mark.parametrize("key, value", [("languagetool-timeout", 0), ("languagetool-request-size", 10),
                                        ("languagetool-disabled-rules", "EN_A_VS_AN"),
                                        ("languagetool-language", ""), ("languagetool-cache-dir", 3),
                                        ("languagetool-colour", "x")])
def test_bad_languagetool_keys(tmp_path, key, value):
    write(tmp_path / "newslint.toml", f"{key} = {json.dumps(value)}\n")
    result = run_cli("check", str(write(tmp_path / "a.txt", ARTICLE)))
    assert result.exit_code == 2 and key in result.stderr


# The fake server is a thread of this test's process, which the workers are forked from: Python
# 3.12 and later warn of that fork. newslint's own process has no other thread when it forks.
@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_jobs_give_the_same_grammar_findings(tmp_path, lt):
    project(tmp_path, lt.url)
    for i in range(10):
        write(tmp_path / f"a{i:02}.txt", ARTICLE.replace("winter", f"winter of year {i}"))
    two = run_cli("check", "--ignore", "SPL001,SPL002", "--format", "json", "--jobs", "2", str(tmp_path))
    assert len(lt.checks()) == 10
    one = run_cli("check", "--ignore", "SPL001,SPL002", "--format", "json", "--jobs", "1", str(tmp_path))
    assert two.stdout == one.stdout and two.stdout.count("GRM001/EN_A_VS_AN") == 10


# --- nothing of it when it is off ----------------------------------------------------------------

_PROBE = (
    "import sys\n"
    "from newslint.cli import main\n"
    "try:\n"
    "    main(sys.argv[1:])\n"
    "except SystemExit:\n"
    "    pass\n"
    "loaded = sorted(m for m in sys.modules if m.startswith(('language_tool_python', 'requests', "
    "'newslint.grammar.stage', 'newslint.grammar.client')))\n"
    "print('LOADED', loaded, file=sys.stderr)\n"
)


def _loaded_modules(*args: str, cwd: Path, env: dict | None = None) -> list[str]:
    proc = subprocess.run([sys.executable, "-c", _PROBE, *args], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=60)
    line = next(line for line in proc.stderr.splitlines() if line.startswith("LOADED"))
    return eval(line[len("LOADED "):])  # a printed list of strings


def test_grammar_off_imports_nothing_of_it(tmp_path, monkeypatch):
    path = write(tmp_path / "a.txt", ARTICLE)
    env = {k: v for k, v in __import__("os").environ.items() if k != "NEWSLINT_LANGUAGETOOL_URL"}
    assert _loaded_modules("check", str(path), cwd=tmp_path, env=env) == []


def test_a_run_answered_from_the_cache_never_loads_language_tool_python(tmp_path, lt):
    project(tmp_path, lt.url)
    path = write(tmp_path / "a.txt", ARTICLE)
    check_json(str(path))
    assert _loaded_modules("check", str(path), cwd=tmp_path) == ["newslint.grammar.stage"]


def _fastest(*args: str, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, *args], capture_output=True, timeout=60)
        times.append(time.perf_counter() - started)
    return min(times)


def test_a_paragraph_repeated_in_a_file_is_sent_once(tmp_path, lt):
    project(tmp_path, lt.url)
    text = "Leave a eagle alone.\n\nThe ferry left.\n\nLeave a eagle alone.\n"
    path = write(tmp_path / "a.txt", text)
    findings = check_json(str(path))[1]
    assert [form["text"] for form in lt.checks()] == ["Leave a eagle alone.\n\nThe ferry left."]
    assert found(findings, LT) == [("GRM001/EN_A_VS_AN", 1, 7), ("GRM001/EN_A_VS_AN", 5, 7)]
