"""All rules: the built-in Python rules, the built-in packs in rules/, and the user's packs."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from newslint import packs
from newslint.errors import ConfigError
from newslint.rule import Rule


def builtin_rules_dir() -> Path:
    """The rules/ data folder: inside the installed wheel, or at the top of a source checkout."""
    here = Path(__file__).resolve().parent
    installed = here / "_rules"
    if installed.is_dir():
        return installed
    return here.parent.parent / "rules"


def python_rules() -> list[Rule]:
    from newslint.checks import RULE_CLASSES

    return [cls() for cls in RULE_CLASSES]


def load_rules(user_packs: Iterable[Path] = ()) -> list[Rule]:
    """Every rule, sorted by code; raises ConfigError for a broken pack or a duplicate code."""
    rules = python_rules()
    for pack in sorted(builtin_rules_dir().glob("*.toml")):
        rules.extend(packs.load_pack(pack, lazy=True))
    for pack in user_packs:
        rules.extend(packs.load_pack(Path(pack)))
    seen: dict[str, Rule] = {}
    names: dict[str, Rule] = {}
    for rule in rules:
        for key, table in ((rule.code, seen), (rule.name, names)):
            if key in table:
                other = table[key]
                raise ConfigError(
                    f"{rule.origin}: rule {rule.code} ({rule.name}) reuses {key!r}, "
                    f"already used by {other.code} ({other.name}) from {other.origin}"
                )
            table[key] = rule
    return sorted(rules, key=lambda r: r.code)
