"""Word lists shipped in rules/data/, loaded on first use and kept for the run.

Only the rules that need a list load it, so a run with those rules off never pays for it.
"""

from __future__ import annotations

import re
from functools import cache

from newslint.registry import builtin_rules_dir


_COMMENT = re.compile(r"#[^\n]*")


@cache
def word_list(name: str) -> frozenset[str]:
    """The words of rules/data/NAME.txt: separated by white space, `#` starts a comment."""
    path = builtin_rules_dir() / "data" / f"{name}.txt"
    text = _COMMENT.sub("", path.read_text(encoding="utf-8"))
    return frozenset(text.split())


@cache
def word_frequencies(name: str) -> dict[str, int]:
    """rules/data/NAME.txt as a mapping: one `word<TAB>number` per line, `#` starts a comment."""
    path = builtin_rules_dir() / "data" / f"{name}.txt"
    pairs = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#"))
    return {word: int(number) for word, number in pairs}
