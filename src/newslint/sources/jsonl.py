"""JSON Lines: one article per line, in a string field (`text`, or `jsonl-text-field`, which
may be a dotted path into nested objects: "article.body").

Each record becomes its own Document; all share one LineIndex of the whole file and carry the
record's line number. Inside the text, blocks are split as in plain text. Findings point at the
record's line and at the column of the character inside the JSON string literal: the literal is
located by walking the top-level object with the json module's own (C) scanner, and escapes
(`\\n`, `\\"`, `\\u00e9`, surrogate pairs) each map as a whole to what is written in the file.

A line that is not valid JSON, not an object, or whose field is missing or not a string is an
INP004 problem; the other records are linted. Blank lines are skipped. A lone surrogate escape
(`\\ud800` without its other half) is read as U+FFFD and reported as INP006: a string holding
one cannot be written as UTF-8, to the cache or to any report.
"""

from __future__ import annotations

import json
import re
from json.decoder import scanstring
from typing import Iterator

from newslint.document import PARAGRAPH, Document, DocumentBuilder, LineIndex
from newslint.sources import Loaded, Problem, SourceOptions
from newslint.sources.prose import OffsetMap
from newslint.sources.text import add_plain_text

_WS = re.compile(r"[ \t\n\r]*")  # white space as JSON defines it
_scan_value = json.scanner.make_scanner(json.JSONDecoder())
# One escape in a JSON string; each stands for exactly one character (a surrogate pair too).
_ESCAPE = re.compile(r"\\(?:u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)")
# After json has joined every pair, a surrogate left in a string is a lone one.
_SURROGATE = re.compile("[\ud800-\udfff]")
_TYPE_NAMES = {dict: "an object", list: "an array", str: "a string", int: "a number",
               float: "a number", bool: "a boolean", type(None): "null"}


class _NotARecord(Exception):
    """The line cannot be read as a record; the message says why."""

    def __init__(self, message: str, column: int = 1) -> None:
        super().__init__(message)
        self.column = column


def load(path: str, text: str, options: SourceOptions, stream: bool = False, first_line: int = 1) -> Loaded:
    """The records of `text`: a whole file, or the piece of one that starts at line `first_line`."""
    lines = LineIndex(text, first_line)
    loaded = Loaded([], lines=lines)
    documents = _documents(path, text, lines, options, loaded.problems)
    loaded.documents = documents if stream else list(documents)
    return loaded


def _documents(path: str, text: str, lines: LineIndex, options: SourceOptions,
               problems: list[Problem]) -> Iterator[Document]:
    for number, start, line in _lines(text, lines):
        try:
            value, literal_start, literal_end = _field_literal(line, options.jsonl_text_field)
        except _NotARecord as exc:
            column = start - lines.line_start(number) + exc.column  # counts a skipped byte-order mark
            problems.append(Problem("INP004", str(exc), number, column))
            continue
        builder = DocumentBuilder(path, text, "jsonl", lines=lines)
        smap = _string_map(line, literal_start, literal_end, len(value), start)
        if _SURROGATE.search(value):
            problems.append(_lone_surrogates(value, smap, text, lines, options.jsonl_text_field))
            value = _SURROGATE.sub("\ufffd", value)  # one character for one: the map still holds
        add_plain_text(_MappedBuilder(builder, smap), value, 0)
        yield builder.build(record_line=number)


def _lines(text: str, lines: LineIndex) -> Iterator[tuple[int, int, str]]:
    """(1-based number, file offset, text) of each line that is not blank, as the file's
    LineIndex ends them (a JSON string holds no raw CR or LF, so no record is cut). One line at
    a time, not text.split(): a 100 MB file would be held twice."""
    for number in range(lines.first_line, lines.last_line + 1):
        start, length = lines.bounds(number)
        line = text[start:start + length]
        if number == 1 and line.startswith("\ufeff"):
            line, start = line[1:], start + 1
        if line.strip():
            yield number, start, line


def _field_literal(line: str, field: str) -> tuple[str, int, int]:
    """The field's string value and the span of its literal (quotes included) in `line`. A
    field not in the record whose name has dots is a path into nested objects: "content.body"."""
    idx = _WS.match(line).end()
    if not line.startswith("{", idx):
        raise _not_a_record(line)
    try:
        fields, end = _object_fields(line, idx)
        if _WS.match(line, end).end() != len(line):
            raise ValueError
    except (ValueError, StopIteration, RecursionError):  # json.JSONDecodeError is a ValueError
        raise _not_a_record(line) from None
    found = _look_up(line, fields, field)
    if found is None:
        raise _NotARecord(f"record has no {field!r} field (its fields: {_names(fields)})")
    value, start, end = found
    if not isinstance(value, str):
        raise _NotARecord(f"record's {field!r} field is {_TYPE_NAMES.get(type(value), 'not a string')}, "
                          "not a string", start + 1)
    return value, start, end


def _object_fields(line: str, idx: int) -> tuple[dict[str, tuple[object, int, int]], int]:
    """The fields of the object whose "{" is at `idx`: key -> (value, start, end of its literal;
    the last duplicate wins, as in json.loads), and where the object ends."""
    fields: dict[str, tuple[object, int, int]] = {}
    idx = _WS.match(line, idx + 1).end()
    if line.startswith("}", idx):
        return fields, idx + 1
    while True:
        if not line.startswith('"', idx):
            raise ValueError
        key, idx = scanstring(line, idx + 1)
        idx = _WS.match(line, idx).end()
        if not line.startswith(":", idx):
            raise ValueError
        idx = _WS.match(line, idx + 1).end()
        value, end = _scan_value(line, idx)
        fields[key] = (value, idx, end)  # a duplicate key: the last value, as in json.loads
        idx = _WS.match(line, end).end()
        if line.startswith("}", idx):
            return fields, idx + 1
        if not line.startswith(",", idx):
            raise ValueError
        idx = _WS.match(line, idx + 1).end()


def _look_up(line: str, fields: dict[str, tuple[object, int, int]], field: str) -> tuple[object, int, int] | None:
    """`field` in `fields`, or, when it is not there, the dotted path it names through nested
    objects (the longest key that is a prefix first: "a.b.c" may be key "a.b", then "c")."""
    if field in fields:
        return fields[field]
    for cut in reversed([i for i, ch in enumerate(field) if ch == "."]):
        head, rest = field[:cut], field[cut + 1:]
        if head in fields and isinstance(fields[head][0], dict) and rest:
            nested, _ = _object_fields(line, fields[head][1])
            found = _look_up(line, nested, rest)
            if found is not None:
                return found
    return None


def _names(fields: dict) -> str:
    keys = list(fields)
    return (", ".join(repr(k) for k in keys[:8]) + (", ..." if len(keys) > 8 else "")) or "none"


def _lone_surrogates(value: str, smap: OffsetMap, text: str, lines: LineIndex, field: str) -> Problem:
    """INP006 at the escape of the first lone surrogate in the record's text."""
    found = _SURROGATE.findall(value)
    offset = smap.source(value.index(found[0]))
    escape = text[offset:offset + 6]  # as written: "\\ud800" or "\\uD800"
    line, column = lines.position(offset)
    what = (f"a lone surrogate '{escape}' (half of a UTF-16 pair, not a character)" if len(found) == 1
            else f"{len(found)} lone surrogates (halves of UTF-16 pairs, not characters), the first '{escape}'")
    return Problem("INP006", f"record's {field!r} field holds {what}: read as U+FFFD", line, column)


def _not_a_record(line: str) -> _NotARecord:
    """Why the line is not a record, in json's own words when it is not JSON at all."""
    try:
        value = json.loads(line)
    except RecursionError:
        return _NotARecord("line is not readable JSON: nested too deeply")
    except json.JSONDecodeError as exc:
        where = "column" if exc.msg.endswith(" at") else "at column"  # "Unterminated string starting at"
        return _NotARecord(f"line is not valid JSON: {exc.msg} {where} {exc.colno}", exc.colno)
    return _NotARecord(f"record is {_TYPE_NAMES.get(type(value), 'not an object')}, not a JSON object")


def _string_map(line: str, literal_start: int, literal_end: int, length: int, line_start: int) -> OffsetMap:
    """Offsets in the decoded string -> file offsets, escape by escape."""
    smap = OffsetMap()
    raw_start, raw_end = literal_start + 1, literal_end - 1
    base = line_start
    pos, decoded = raw_start, 0
    for m in _ESCAPE.finditer(line, raw_start, raw_end):
        verbatim = m.start() - pos
        smap.add(decoded, base + pos, verbatim)
        smap.add(decoded + verbatim, base + m.start(), 1, m.end() - m.start())
        decoded += verbatim + 1
        pos = m.end()
    smap.add(decoded, base + pos, raw_end - pos)
    if decoded + raw_end - pos != length:  # cannot happen for valid JSON; never mis-point if it does
        smap = OffsetMap()
        smap.add(0, base + literal_start, length, literal_end - literal_start)
    return smap


class _MappedBuilder:
    """Lets the plain-text splitter write a decoded string: offsets in the string become file spans."""

    def __init__(self, builder: DocumentBuilder, smap: OffsetMap) -> None:
        self.builder = builder
        self.smap = smap

    def add(self, text: str, start: int) -> None:
        self.smap.emit(text, start, self.builder.add, self.builder.add_atomic)

    def add_synthetic(self, text: str) -> None:
        self.builder.add_synthetic(text)

    def end_block(self, kind: str = PARAGRAPH, level: int = 0) -> None:
        self.builder.end_block(kind, level)
