"""What a rule is: identity, documentation and a check over one document.

Code scheme: three capital letters naming the category, then three digits.

    TRN truncation        FRG fragment          NMS name-misspelling   NCN name-inconsistency
    MTA mt-artifact       RES residue           SPL spelling           GRM grammar
    INP input

Inside a category the hundreds group related rules (RES0xx line residue, RES1xx inline residue,
and so on); codes are never reused. Rule names are kebab-case and as stable as codes.

A rule with `subrules` reports findings whose code adds a sub-rule after a slash: GRM001 and
SPL900 report LanguageTool's matches as `GRM001/EN_A_VS_AN` (the form SARIF calls a hierarchical
rule id), so that one LanguageTool rule can be selected, ignored or suppressed on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Iterable, NamedTuple

from newslint.findings import CATEGORIES, Hit, Severity

if TYPE_CHECKING:
    from newslint.document import Document

CATEGORY_PREFIX = {
    "truncation": "TRN",
    "fragment": "FRG",
    "name-misspelling": "NMS",
    "name-inconsistency": "NCN",
    "mt-artifact": "MTA",
    "residue": "RES",
    "spelling": "SPL",
    "grammar": "GRM",
    "input": "INP",
}
CODE_RE = re.compile(r"^[A-Z]{3}\d{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class RuleDoc:
    """The documentation of a rule; `bad` and `good` are run as tests."""

    what: str
    why: str
    bad: str
    good: str
    # The file type the examples are written as (txt, md, html, jsonl).
    example_format: str = "txt"
    # How the examples are encoded on disk; only the input rules need anything but UTF-8.
    example_encoding: str = "utf-8"
    # Settings the examples are linted with (the body of a newslint.toml), for rules that do
    # nothing without them.
    example_config: str = ""


@dataclass(frozen=True)
class Context:
    """What rules may know beyond the document: the user's settings that concern them."""

    accept: frozenset[str] = frozenset()
    # Groups of names that are legitimately different (config `name-aliases`), folded.
    alias_groups: tuple[frozenset[str], ...] = ()
    # The spelling the text should use (config `dialect`): "en-US", "en-GB", "en-GB-oxendict",
    # or None for both.
    dialect: str | None = None
    # The codes of the rules this run has on: a rule may leave a case to another that reports
    # it better, but only when that one is on.
    enabled: frozenset[str] = frozenset()


class Rule:
    """A rule: subclass it, set the class attributes, implement `check`."""

    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str]  # one line, shown by `newslint rules`
    doc: ClassVar[RuleDoc]
    default_enabled: ClassVar[bool] = True
    fixable: ClassVar[bool] = False
    # "unsafe" where the fix is a guess that may be wrong: applied only with --unsafe-fixes.
    fix_applicability: ClassVar[str] = "safe"
    # Whether findings name a sub-rule after a slash (GRM001/EN_A_VS_AN: a LanguageTool rule).
    subrules: ClassVar[bool] = False
    # Where the rule comes from: "builtin", or the path of the rule pack that defines it.
    origin: str = "builtin"

    def check(self, doc: "Document", ctx: Context) -> Iterable[Hit]:
        raise NotImplementedError

    def prepare(self) -> None:
        """Build now what `check` would build at its first use (compiled patterns). Called before
        worker processes are started, which then inherit it instead of each building it."""

    def __repr__(self) -> str:
        return f"<Rule {self.code} {self.name}>"


class Sighting(NamedTuple):  # a tuple: a run over a corpus keeps hundreds of thousands
    """What a project rule keeps of one document: a form it saw, where, and how often."""

    key: str
    form: str
    count: int
    line: int
    column: int
    end_line: int
    end_column: int
    source_line: str


@dataclass(frozen=True)
class ProjectHit:
    """A finding of a project rule, already in file positions."""

    path: str
    sighting: Sighting
    message: str


class ProjectRule(Rule):
    """A rule over every file of a run: it looks at each document, then judges them together.

    `observe` returns a small list of Sightings per document (the documents themselves are gone
    by the end of the run); `finish` gets the sightings of every file, keyed by path.
    """

    # True when `finish` reports nothing for a key seen in one form only over the whole run, and
    # such a key changes nothing else: finish is then given only keys seen in several forms,
    # which keeps a run over a big corpus small (see project.py).
    only_variants: ClassVar[bool] = False

    def check(self, doc: "Document", ctx: Context) -> Iterable[Hit]:
        return ()

    def observe(self, doc: "Document", ctx: Context) -> list[Sighting]:
        raise NotImplementedError

    def finish(self, sightings: dict[str, list[Sighting]], ctx: Context) -> Iterable[ProjectHit]:
        raise NotImplementedError


def validate_identity(code: str, name: str, category: str) -> str | None:
    """Why a rule's code, name or category is invalid, or None when they are fine."""
    if category not in CATEGORIES:
        return f"unknown category {category!r} (one of: {', '.join(CATEGORIES)})"
    if not CODE_RE.match(code):
        return f"code {code!r} must be three capital letters and three digits, e.g. RES001"
    if code[:3] != CATEGORY_PREFIX[category]:
        return f"code {code!r} must start with {CATEGORY_PREFIX[category]} for category {category}"
    if not NAME_RE.match(name):
        return f"name {name!r} must be kebab-case (lowercase words joined by '-')"
    return None
