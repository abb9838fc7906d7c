"""The spelling rules read pyspellchecker's English dictionary from files exported by
scripts/build_english_words.py, searched in place: the export must be pyspellchecker's list, and
a search must answer as the dictionary would."""

from __future__ import annotations

import functools
import random

from newslint.lexicons import SortedTable, frequency_table, word_list
from newslint.registry import builtin_rules_dir


@functools.cache
def _pyspellchecker() -> dict[str, int]:
    from spellchecker import SpellChecker

    return dict(SpellChecker(language="en", distance=1).word_frequency.items())


def _exported(frequencies: dict[str, int]) -> dict[str, int]:
    """What the build script keeps: every word without white space or '#'."""
    return {w: f for w, f in frequencies.items() if w and not any(ch.isspace() or ch == "#" for ch in w)}


def test_the_exported_words_and_frequencies_are_pyspellcheckers():
    expected = _exported(_pyspellchecker())
    assert dict(SortedTable((builtin_rules_dir() / "data" / "english-frequencies.txt").read_bytes()).table) == expected
    assert set(word_list("english-words")) == set(expected)


def test_search_answers_as_the_dictionary_does():
    expected = _exported(_pyspellchecker())
    table = SortedTable((builtin_rules_dir() / "data" / "english-frequencies.txt").read_bytes())
    rng = random.Random(5)
    probes = rng.sample(sorted(expected), 300) + ["", "zzzzqq", "the", "a", "a's", "naïve", "#", "Geneva"]
    probes += [w + "x" for w in rng.sample(sorted(expected), 100)]
    for word in probes:
        assert table.get(word) == expected.get(word), word
        assert (word in table) == (word in expected), word
    assert table._dict is None  # answered without building the dict


def test_after_many_lookups_the_dict_is_built_and_answers_the_same():
    table = SortedTable(b"# comment\napple\t5\nbanana\t7\ncherry\t2\n")
    table.MAX_SEARCHES = 2
    assert table.get("banana") == 7 and table.get("kiwi") is None
    assert table._dict is None
    assert "cherry" in table  # one lookup too many: the dict
    assert table._dict == {"apple": 5, "banana": 7, "cherry": 2}
    assert table["cherry"] == 2 and len(table) == 3 and sorted(table) == ["apple", "banana", "cherry"]


def test_the_spelling_rules_read_the_table():
    from newslint import speller

    assert speller.dictionary() is frequency_table("english-frequencies")
    assert speller.suggest("recieve") == "receive"
