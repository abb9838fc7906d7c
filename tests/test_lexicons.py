"""The word lists: the English dictionary is searched in its sorted file, and answers as its set would."""

from __future__ import annotations

import random

from newslint.lexicons import _SEARCHED_IN_PLACE, SortedWordFile, word_list
from newslint.registry import builtin_rules_dir


def _words(name: str) -> list[str]:
    text = (builtin_rules_dir() / "data" / f"{name}.txt").read_text(encoding="utf-8")
    return [line for line in text.split("\n") if line and not line.startswith("#")]


def test_lists_searched_in_place_are_sorted_one_word_per_line():
    for name in _SEARCHED_IN_PLACE:
        words = _words(name)
        assert words == sorted(words), f"{name}.txt must stay sorted: its build script sorts it"
        assert not any(ch.isspace() or ch == "#" for w in words for ch in w)
        assert len(set(words)) == len(words)


def test_search_agrees_with_the_set():
    data = (builtin_rules_dir() / "data" / "english-words.txt").read_bytes()
    searched, full = SortedWordFile(data), frozenset(_words("english-words"))
    rng = random.Random(7)
    probes = rng.sample(sorted(full), 500) + ["a", "zzzzzzzz", "", "Geneva", "geneva", "naïve", "the the",
                                               min(full), max(full), "#", "aa", "étude"]
    probes += [w[:-1] for w in rng.sample(sorted(full), 200)] + [w + "s" for w in rng.sample(sorted(full), 200)]
    for word in probes:
        assert (word in searched) == (word in full), word
    assert searched._set is None  # answered without building the set


def test_after_many_lookups_the_set_is_built_and_everything_else_works():
    searched = SortedWordFile(b"# comment\n# more\napple\nbanana\ncherry\n")
    searched.MAX_SEARCHES = 3
    assert "banana" in searched and "apple" in searched and "kiwi" not in searched
    assert searched._set is None
    assert "cherry" in searched and searched._set == frozenset({"apple", "banana", "cherry"})
    assert len(searched) == 3 and sorted(searched) == ["apple", "banana", "cherry"]
    assert searched | {"kiwi"} == frozenset({"apple", "banana", "cherry", "kiwi"})
    assert searched.issuperset({"apple"})
    assert 3 not in searched


def test_edge_lines():
    searched = SortedWordFile(b"#c\nb\nd\nf")  # no newline at the end
    assert [w in searched for w in ("a", "b", "c", "d", "e", "f", "g")] == [False, True, False, True, False, True, False]
    assert "x" not in SortedWordFile(b"# only a comment\n") and "x" not in SortedWordFile(b"")


def test_word_list_is_cached_and_small_lists_are_sets():
    assert word_list("english-words") is word_list("english-words")
    assert isinstance(word_list("particles"), frozenset)


def test_a_table_read_whole_answers_as_it_did_searched_in_place():
    from newslint.lexicons import SortedTable

    data = b"# counts\n# more\napple\t12\nbanana\t7\ncherry\t300\n"
    searched, whole = SortedTable(data), SortedTable(data)
    whole.MAX_SEARCHES = 0  # every lookup reads the table whole
    for word in ("apple", "banana", "cherry", "kiwi", ""):
        assert searched.get(word) == whole.get(word)
    assert whole.table == {"apple": 12, "banana": 7, "cherry": 300} and searched._dict is None


def test_a_table_line_that_is_not_word_tab_number_is_an_error():
    import pytest

    from newslint.lexicons import _parse_table

    assert _parse_table("# top\na\t1\n# between\nb\t2\n") == {"a": 1, "b": 2}
    for bad in ("a\t1\nnew york\t2\n", "a\t1\nb\n", "a\t1\nb\tmany\n"):
        with pytest.raises(ValueError):
            _parse_table(bad)
