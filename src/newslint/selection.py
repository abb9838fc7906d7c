"""Which rules run: select / extend-select / ignore, matched by code, code prefix, name or category.

As in ruff, the most specific selector that matches a rule decides: an exact code or name beats
a code prefix, a longer prefix beats a shorter one, and a prefix beats a category and ALL. On a
tie, ignore wins.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from newslint.errors import UsageError
from newslint.findings import CATEGORIES
from newslint.rule import Rule


def specificity(selector: str, rule: Rule) -> int:
    """How specifically `selector` names `rule`; 0 when it does not name it at all."""
    sel = selector.strip()
    if sel.upper() == "ALL":
        return 1
    if sel in CATEGORIES:
        return 2 if rule.category == sel else 0
    if sel == rule.name or sel.upper() == rule.code:
        return 100
    upper = sel.upper()
    if upper and rule.code.startswith(upper):
        return 2 + len(upper)
    return 0


def check_selectors(selectors: Iterable[str], rules: Sequence[Rule], where: str) -> None:
    """Raise UsageError for a selector that names no rule (a typo would silently do nothing)."""
    for sel in selectors:
        if not any(specificity(sel, r) for r in rules):
            raise UsageError(f"{where}: unknown rule selector {sel!r} (not a code, prefix, rule name or category)")


def matches(selectors: Iterable[str], rule: Rule) -> bool:
    return any(specificity(s, rule) for s in selectors)


def enabled_rules(rules: Sequence[Rule], select: Sequence[str] | None, extend_select: Sequence[str],
                  ignore: Sequence[str]) -> list[Rule]:
    chosen = []
    for rule in rules:
        best_on = 0 if select is not None else (1 if rule.default_enabled else 0)
        for sel in (*(select or ()), *extend_select):
            best_on = max(best_on, specificity(sel, rule))
        best_off = max((specificity(sel, rule) for sel in ignore), default=0)
        if best_on > best_off:
            chosen.append(rule)
    return chosen
