"""The JSON Lines source: one document per record, findings at the record's line and at the
column of the character inside the JSON string, malformed lines reported and skipped."""

from __future__ import annotations

import json
import random

from newslint.sources import SourceOptions, load
from tests.test_source_markdown import assert_maps_back, findings_of, lint
from tests.util import check_json, run_cli, write


def record(text: str, **fields) -> str:
    return json.dumps({"id": 1, **fields, "text": text})


def test_each_record_is_a_document_with_its_line():
    text = record("First article.") + "\n\n" + record("Second article.\n\nIts second paragraph.") + "\n"
    loaded = load("jsonl", "a.jsonl", text, SourceOptions())
    assert [d.record_line for d in loaded.documents] == [1, 3]
    assert [[b.text for b in d.blocks] for d in loaded.documents] == [
        ["First article."], ["Second article.", "Its second paragraph."]]
    assert loaded.documents[0].lines is loaded.documents[1].lines  # one index of the whole file
    assert not loaded.has_comments and not loaded.problems
    for doc in loaded.documents:
        assert_maps_back(doc, text)


def test_findings_point_at_the_record_line_and_the_column_in_the_string(tmp_path):
    line1 = '{"id": 7, "text": "The ferry and the the quay."}'
    line2 = '{"text": "Quay reopened.\\n\\nOfficials said the the port shut.", "id": 8}'
    assert lint(tmp_path / "a.jsonl", f"{line1}\n{line2}\n", "MTA301") == [
        ("MTA301", 1, line1.index("the the") + 1), ("MTA301", 2, line2.index("the the") + 1)]


def test_escapes_before_a_finding_do_not_shift_its_column(tmp_path):
    # \" \u00e9 \ud83d\ude00 (one emoji as a surrogate pair) \\ \t and \n all stand for one character.
    line = ('{"text": "\\"Caf\\u00e9\\" \\ud83d\\ude00 a\\\\b\\tc.\\nHome \\u00bb News \\u00bb Local\\n'
            'Officials said the the port shut."}')
    doc = load("jsonl", "a.jsonl", line, SourceOptions()).documents[0]
    assert doc.blocks[0].text == '"Café" 😀 a\\b\tc.\nHome » News » Local\nOfficials said the the port shut.'
    assert_maps_back(doc, line)
    assert doc.position(doc.text.index("é")) == (1, line.index("\\u00e9") + 1)
    assert doc.position(doc.text.index("😀")) == (1, line.index("\\ud83d") + 1)
    found = lint(tmp_path / "a.jsonl", line + "\n", "MTA301", "RES001")
    assert found == [("RES001", 1, line.index("Home") + 1), ("MTA301", 1, line.index("the the") + 1)]


def test_a_message_quoting_text_over_line_breaks_is_one_line(tmp_path):
    # A record's text keeps its line breaks; the text output is one line a finding all the same.
    text = ("Harbour news\n\nThe ferry left at noon and the crew said the sea was calm.\n\n"
            "the harbour master said\nthe boats would wait\nfor the tide and the crew\nwould then leave the bay\n")
    path = write(tmp_path / "a.jsonl", json.dumps({"text": text}) + "\n")
    [finding] = [f for f in check_json(str(path))[1] if f["code"] == "FRG003"]
    assert finding["message"].startswith("Sentence starts in lowercase: 'the harbour master said the boats would ")
    assert "\n" not in finding["message"] and finding["message"].endswith("…'")
    shown = run_cli("check", "--format", "concise", "--select", "FRG003", str(path)).stdout
    assert len(shown.strip().splitlines()) == 2  # the finding and the summary


def test_long_unwrapped_lines_are_paragraphs_as_in_plain_text():
    long_line = "A paragraph that is clearly longer than any hand-wrapped line would be, written by a scraper."
    text = json.dumps({"text": f"{long_line} More words.\n{long_line} Other words.\nShort line."})
    assert [b.text for b in load("jsonl", "a.jsonl", text, SourceOptions()).documents[0].blocks] == [
        f"{long_line} More words.", f"{long_line} Other words.", "Short line."]


def test_malformed_lines_are_reported_and_the_rest_is_linted(tmp_path):
    lines = [
        '{"text": "The ferry and the the quay."}',
        '{"text": "unterminated',
        '["an", "array"]',
        '{"id": 3, "body": "no text field"}',
        '{"id": 4, "text": 42}',
        '{"id": 5, "text": null}',
        "",
        '{"text": "A bus and the the stop."}',
    ]
    path = write(tmp_path / "a.jsonl", "\n".join(lines) + "\n")
    status, found = check_json("--select", "MTA301,INP004", str(path))
    assert status == 1
    def col(line: int, needle: str) -> int:
        return lines[line - 1].index(needle) + 1

    assert [(f["code"], f["line"], f["column"]) for f in found] == [
        ("MTA301", 1, col(1, "the the")), ("INP004", 2, col(2, '"unterminated')), ("INP004", 3, 1),
        ("INP004", 4, 1), ("INP004", 5, col(5, "42")), ("INP004", 6, col(6, "null")),
        ("MTA301", 8, col(8, "the the"))]
    messages = [f["message"] for f in found if f["code"] == "INP004"]
    assert "not valid JSON" in messages[0] and "Unterminated string" in messages[0]
    assert "array, not a JSON object" in messages[1]
    assert "no 'text' field" in messages[2] and "'body'" in messages[2]
    assert "is a number, not a string" in messages[3]
    assert "is null, not a string" in messages[4]
    assert all(f["severity"] == "error" and f["category"] == "input" for f in found if f["code"] == "INP004")


def test_custom_text_field_from_the_command_line_and_config(tmp_path):
    text = '{"title": "the the title", "body": "Officials said the the port shut."}\n'
    path = write(tmp_path / "a.jsonl", text)
    col = text.index("the the port") + 1
    assert lint(path, text, "MTA301", "INP004", extra=("--jsonl-field", "body")) == [("MTA301", 1, col)]
    write(tmp_path / "newslint.toml", 'jsonl-text-field = "body"\n')
    assert lint(path, text, "MTA301", "INP004") == [("MTA301", 1, col)]
    options = SourceOptions(jsonl_text_field="title")
    assert load("jsonl", "a.jsonl", text, options).documents[0].blocks[0].text == "the the title"


def test_a_dotted_field_is_a_path_into_nested_objects(tmp_path):
    text = ('{"id": 7, "article": {"title": "Port news", "body": "Officials said the the port shut."}}\n'
            '{"id": 8, "article": {"title": "Port news"}}\n'
            '{"id": 9, "article.body": "A flat key: the the quay reopened.", "article": {"body": "Nested."}}\n')
    path = write(tmp_path / "a.jsonl", text)
    lines = text.splitlines()
    found = check_json("--jsonl-field", "article.body", "--select", "MTA301,INP004", str(path))[1]
    assert [(f["code"], f["line"], f["column"]) for f in found] == [
        ("MTA301", 1, lines[0].index("the the port") + 1),
        ("INP004", 2, 1),
        ("MTA301", 3, lines[2].index("the the quay") + 1)]  # a key with the dot in it comes first
    assert found[1]["message"] == "record has no 'article.body' field (its fields: 'id', 'article')"


def test_a_dotted_path_that_ends_on_an_object_is_not_text():
    text = '{"a": {"b": {"c": "Deep text here."}}}\n'
    [doc] = load("jsonl", "a.jsonl", text, SourceOptions(jsonl_text_field="a.b.c")).documents
    assert doc.blocks[0].text == "Deep text here." and doc.position(doc.blocks[0].start) == (1, text.index("Deep") + 1)
    loaded = load("jsonl", "a.jsonl", text, SourceOptions(jsonl_text_field="a.b"))
    assert loaded.documents == [] and "'a.b' field is an object, not a string" in loaded.problems[0].message


def test_only_the_top_level_field_counts_and_the_last_duplicate_wins():
    text = '{"meta": {"text": "nested"}, "text": "first", "note": "\\"text\\": no", "text": "Last one."}'
    [doc] = load("jsonl", "a.jsonl", text, SourceOptions()).documents
    assert doc.blocks[0].text == "Last one."
    assert doc.position(doc.blocks[0].start) == (1, text.index("Last") + 1)


def test_crlf_and_byte_order_mark(tmp_path):
    text = '{"text": "The ferry and the the quay."}\r\n\r\n{"text": "A bus and the the stop."}\r\n'
    assert lint(tmp_path / "a.jsonl", b"\xef\xbb\xbf" + text.encode(), "MTA301", "INP") == [
        ("MTA301", 1, 25), ("MTA301", 3, 21)]
    # A text that still holds the mark (not decoded by newslint): the mark is skipped, not an error.
    loaded = load("jsonl", "a.jsonl", "\ufeff" + text, SourceOptions())
    assert not loaded.problems
    assert loaded.documents[0].position(loaded.documents[0].blocks[0].start) == (1, 12)


def test_jsonl_findings_offer_no_fix(tmp_path):
    found = findings_of(tmp_path / "a.jsonl", '{"text": "The ferry and the the quay."}\n', "MTA301")
    assert [f["fix"] for f in found] == [None]


def test_every_character_of_random_strings_points_at_itself_or_its_escape():
    rng = random.Random(7)
    alphabet = 'ab "\\/\t\n\r\x01é€😀\u2028'
    for ensure_ascii in (True, False):
        for _ in range(200):
            value = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30)))
            line = json.dumps({"n": 1, "text": value}, ensure_ascii=ensure_ascii)
            for doc in load("jsonl", "a.jsonl", line, SourceOptions()).documents:
                assert_maps_back(doc, line)
                for i, ch in enumerate(doc.text):
                    src = doc.source_map.to_source(i)
                    assert line[src] == ch or line[src] == "\\" or ch.isspace(), (value, i)


def test_deeply_nested_line_is_reported_not_a_crash():
    text = '{"a": ' + "[" * 100_000 + '\n{"text": "The quay reopened."}\n'
    loaded = load("jsonl", "a.jsonl", text, SourceOptions())
    assert [(p.code, p.line) for p in loaded.problems] == [("INP004", 1)]
    assert [d.record_line for d in loaded.documents] == [2]


SURROGATE_LINE = '{"id": 1, "text": "A \\ud800 lone surrogate and the the end."}'


def test_lone_surrogate_is_read_as_a_replacement_character_and_reported(tmp_path):
    # Scraped data often holds half of a UTF-16 pair; such a string cannot be written as UTF-8.
    path = write(tmp_path / "s.jsonl", SURROGATE_LINE + "\n")
    escape, repeated = SURROGATE_LINE.index("\\ud800") + 1, SURROGATE_LINE.index("the the") + 1
    for _ in range(2):  # the second run reads the findings from the cache
        status, found = check_json("--select", "MTA301,INP", str(path))
        assert status == 1
        assert [(f["code"], f["line"], f["column"]) for f in found] == [
            ("INP006", 1, escape), ("MTA301", 1, repeated)]
        assert "'\\ud800'" in found[0]["message"] and "U+FFFD" in found[0]["message"]
        assert found[0]["severity"] == "warning" and found[0]["category"] == "input"
    [doc] = load("jsonl", "s.jsonl", SURROGATE_LINE, SourceOptions()).documents
    assert doc.text == "A \ufffd lone surrogate and the the end."
    assert doc.position(doc.text.index("\ufffd")) == (1, escape)


def test_lone_surrogate_is_safe_in_every_output_format(tmp_path):
    path = write(tmp_path / "s.jsonl", SURROGATE_LINE + "\n")
    out = tmp_path / "report.out"
    for fmt in ("text", "concise", "json", "sarif", "github", "junit"):
        for extra in ((), ("--no-cache",), ("--output-file", str(out))):
            result = run_cli("check", "--format", fmt, "--select", "MTA301,INP", *extra, str(path))
            assert result.exit_code == 1, (fmt, extra, result.output)
            shown = out.read_text(encoding="utf-8") if extra and extra[0] == "--output-file" else result.stdout
            assert "INP006" in shown and "MTA301" in shown, (fmt, extra)


def test_lone_surrogates_in_a_chosen_field_and_in_a_field_name(tmp_path):
    lines = [
        '{"body": "Low \\uDC00 then high \\ud83d at the end \\ud83d", "text": "x"}',
        '{"te\\ud800xt": "no text field here"}',
    ]
    path = write(tmp_path / "s.jsonl", "\n".join(lines) + "\n")
    status, found = check_json("--select", "INP", "--jsonl-field", "body", str(path))
    assert status == 1
    assert [(f["code"], f["line"], f["column"]) for f in found] == [
        ("INP006", 1, lines[0].index("\\uDC00") + 1), ("INP004", 2, 1)]
    assert "3 lone surrogates" in found[0]["message"] and "'body'" in found[0]["message"]
    assert "\\ud800" in found[1]["message"]  # the field name, escaped as json writes it


def test_surrogate_pair_is_one_character_and_not_reported(tmp_path):
    line = '{"text": "Fans cheered \\ud83d\\ude00 and the the band played."}'
    [doc] = load("jsonl", "p.jsonl", line, SourceOptions()).documents
    assert doc.text == "Fans cheered 😀 and the the band played."
    assert lint(tmp_path / "p.jsonl", line + "\n", "MTA301", "INP") == [("MTA301", 1, line.index("the the") + 1)]
