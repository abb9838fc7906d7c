"""Word lists shipped in rules/data/, loaded on first use and kept for the run.

Only the rules that need a list load it, so a run with those rules off never pays for it.
"""

from __future__ import annotations

from functools import cache

from newslint.registry import builtin_rules_dir


@cache
def word_list(name: str) -> frozenset[str]:
    """The words of rules/data/NAME.txt: separated by white space, `#` starts a comment."""
    path = builtin_rules_dir() / "data" / f"{name}.txt"
    words: set[str] = set()
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            words.update(line.split("#", 1)[0].split())
    return frozenset(words)
