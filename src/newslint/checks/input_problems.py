"""Rules of category `input`: the file could not be read as intended.

The engine and the sources emit these (as `Problem`s); the classes here give them identity and
documentation so that they can be selected, ignored, explained and tested like any other rule.
"""

from __future__ import annotations

from newslint.findings import Severity
from newslint.rule import Rule, RuleDoc


class EngineEmitted(Rule):
    """A rule whose findings come from reading the file, not from a check over a document."""

    category = "input"

    def check(self, doc, ctx):
        return ()


class NotUtf8(EngineEmitted):
    code = "INP001"
    name = "not-utf8"
    severity = Severity.WARNING
    summary = "File is not UTF-8; it was decoded another way"
    doc = RuleDoc(
        what="A file that is not valid UTF-8. newslint detects the encoding, decodes the file with "
             "it and lints it, and says which encoding it used. A UTF-8 file with a few stray bytes "
             "is read as UTF-8 with those bytes replaced by U+FFFD, reported at the first of them.",
        why="Other tools will read the file as UTF-8 and show mojibake; a guessed encoding can be "
            "wrong. Convert the file to UTF-8. newslint never rewrites such a file with --fix.",
        bad="The café in Zürich reopened on Monday, the owner said.\n",
        good="The café in Zürich reopened on Monday, the owner said.\n",
        example_encoding="latin-1",
    )


class BinaryFile(EngineEmitted):
    code = "INP002"
    name = "binary-file"
    severity = Severity.WARNING
    summary = "File is binary and was skipped"
    doc = RuleDoc(
        what="A file that contains NUL bytes near its start, so it is not text.",
        why="A binary file with a text ending (an image saved as .txt, a compressed export) cannot "
            "be linted; it is skipped and reported so that it is not silently ignored.",
        bad="PK\x00\x03\x04 compressed data\n",
        good="A plain article about the harbour reopening.\n",
    )


class UnreadableFile(EngineEmitted):
    code = "INP003"
    name = "unreadable-file"
    severity = Severity.ERROR
    summary = "File could not be read"
    doc = RuleDoc(
        what="A file that the operating system would not let newslint read (permissions, a "
             "broken link, an I/O error).",
        why="A file that is never read is never checked; the run goes on with the other files.",
        bad="(a file without read permission)",
        good="(a readable file)",
    )


class MalformedJsonLine(EngineEmitted):
    code = "INP004"
    name = "malformed-json-line"
    severity = Severity.ERROR
    summary = "A JSON Lines record is not valid JSON or has no text field"
    doc = RuleDoc(
        what="A line of a .jsonl file that is not a JSON object, or whose text field (`text`, or "
             "`jsonl-text-field` in config) is missing or not a string.",
        why="The record's article is not linted. The other records are.",
        bad='{"id": 1, "text": "The council met on Monday."}\n{"id": 2, "text": "unterminated\n',
        good='{"id": 1, "text": "The council met on Monday."}\n',
        example_format="jsonl",
    )


class MalformedFrontMatter(EngineEmitted):
    code = "INP005"
    name = "malformed-front-matter"
    severity = Severity.ERROR
    summary = "Front matter of a Markdown file is not valid YAML or TOML, or is not closed"
    doc = RuleDoc(
        what="A Markdown file whose front matter (between --- or +++ lines at the top) cannot be "
             "parsed, or is never closed.",
        why="Static-site generators will fail on it or publish it as text. newslint treats the "
            "block as front matter anyway, so that it is not linted as prose.",
        bad="---\ntitle: [unclosed\n---\n\nThe council met on Monday.\n",
        good="---\ntitle: Council meets\n---\n\nThe council met on Monday.\n",
        example_format="md",
    )


class LoneSurrogate(EngineEmitted):
    code = "INP006"
    name = "lone-surrogate"
    severity = Severity.WARNING
    summary = "A JSON Lines record's text holds a lone surrogate escape (half of a UTF-16 pair)"
    doc = RuleDoc(
        what="A JSON Lines record whose text has a `\\uD800`-`\\uDFFF` escape that is not half of a "
             "surrogate pair: not a character at all. newslint reads it as U+FFFD (the replacement "
             "character) and lints the rest of the record.",
        why="Scrapers and tools that cut strings by UTF-16 units leave these behind. Such a string "
            "cannot be written as UTF-8, so most tools downstream fail on it or drop the record; "
            "the character it was meant to be is lost. Fix the data where it was produced.",
        bad='{"id": 1, "text": "Fans cheered \\ud83d as the band came on."}\n',
        good='{"id": 1, "text": "Fans cheered \\ud83d\\ude00 as the band came on."}\n',
        example_format="jsonl",
    )


INPUT_RULES = [NotUtf8, BinaryFile, UnreadableFile, MalformedJsonLine, MalformedFrontMatter, LoneSurrogate]
