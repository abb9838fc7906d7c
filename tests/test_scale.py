"""Big inputs: JSON Lines records are linted as they are read, a batch at a time, and nothing a run keeps per file
grows with the file's size (timing is left to benchmarks/bench_scale.py)."""

from __future__ import annotations

import gc
import json
import weakref

from newslint import sources
from newslint.config import Settings
from newslint.engine import lint_bytes, make_plan
from newslint.sources import jsonl


def _records(n: int) -> bytes:
    lines = [json.dumps({"id": i, "text": f"Talks on the Saint-Aubin ferry resumed on day {i}. "
                                          "The the council said so."}) for i in range(n)]
    lines.insert(3, "not json")
    return ("\n".join(lines) + "\n").encode("utf-8")


def test_streamed_records_are_built_one_at_a_time_and_problems_come_as_they_are_read():
    text = _records(5).decode("utf-8")
    loaded = sources.load("jsonl", "a.jsonl", text, sources.SourceOptions(), stream=True)
    assert loaded.lines is not None and loaded.problems == []
    docs = iter(loaded.documents)
    assert [next(docs).record_line for _ in range(3)] == [1, 2, 3]
    assert loaded.problems == []
    assert next(docs).record_line == 5  # line 4 is not JSON ...
    assert [p.line for p in loaded.problems] == [4]  # ... and was reported on the way


def test_record_documents_are_linted_a_batch_at_a_time_and_let_go(monkeypatch):
    import newslint.engine

    # A batch of two records' text (each about 75 characters): the 40 records take 20 batches.
    monkeypatch.setattr(newslint.engine, "BATCH_CHARS", 150)
    alive: list[weakref.ref] = []
    most = 0
    real = jsonl._documents

    def watched(*args):
        nonlocal most
        for doc in real(*args):
            gc.collect()
            most = max(most, sum(1 for ref in alive if ref() is not None))
            alive.append(weakref.ref(doc))
            yield doc

    monkeypatch.setattr(jsonl, "_documents", watched)
    result = lint_bytes(_records(40), "a.jsonl", "jsonl", make_plan(Settings()))
    assert most <= 2  # at most the batch being linted
    assert [f.code for f in result.findings].count("MTA301") == 40
    assert [f.line for f in result.findings if f.code == "INP004"] == [4]


def test_project_sightings_are_packed_without_source_lines():
    from newslint.project import unpack

    result = lint_bytes(_records(3), "a.jsonl", "jsonl", make_plan(Settings()))
    keys, forms, numbers = result.sightings["NCN002"]
    assert len(numbers) == 5 * len(keys) == 5 * len(forms) and "Saint-Aubin" in forms
    assert keys[forms.index("Saint-Aubin")] is keys[forms.index("Saint-Aubin", forms.index("Saint-Aubin") + 1)]
    assert all(s.source_line == "" for s in unpack(result.sightings)["NCN002"])
