"""Rules as data: TOML rule packs.

A pack is a TOML file holding `[[rule]]` tables. Two kinds exist:

- existence: report every match of `patterns` (regular expressions) or `phrases` (literal
  phrases matched on word boundaries);
- substitution: `swap` maps a wrong phrase (or, with `regex = true`, a pattern) to the right one;
  every match is reported with the right phrase as a fix.

Every entry has code, name, category, kind, message and the doc fields what, why, bad and good;
optional keys are severity, scope (line, sentence, block, heading), ignore-case, block-kinds,
where, enabled, summary, and for substitutions fix (safe, unsafe). The format is documented in the README ("Rule packs").
"""

from __future__ import annotations

import re
import string
from functools import cached_property
from pathlib import Path
from typing import Iterable, Iterator

from newslint.document import BLOCK_KINDS, HEADING, Document, folded
from newslint.errors import ConfigError, read_toml
from newslint.findings import Hit, Severity, shorten
from newslint.rule import Context, Rule, RuleDoc, validate_identity

SCOPES = ("line", "sentence", "block", "heading")
KINDS = ("existence", "substitution")
# "reported": only articles written as reported news, not columns, reviews or readers' comments
# in the first person (see structure.first_person), whose informal punctuation is their own.
VOICES = ("any", "reported")
# "middle": not the article's first or last block, where a title or a sign-off belongs.
WHERES = ("anywhere", "middle")
# "unsafe": the right phrase is what the wrong one probably means, not surely (a calque).
FIX_APPLICABILITIES = ("safe", "unsafe")
_COMMON_KEYS = {
    "code", "name", "category", "kind", "message", "severity", "scope", "ignore-case",
    "block-kinds", "enabled", "summary", "what", "why", "bad", "good", "example-format", "requires",
    "voice", "where",
}
_KIND_KEYS = {"existence": {"patterns", "phrases"}, "substitution": {"swap", "regex", "fix"}}
_REQUIRED = ("code", "name", "category", "kind", "message", "what", "why", "bad", "good")


class PackRule(Rule):
    """One `[[rule]]` entry of a pack."""

    def __init__(self, entry: dict, origin: str, pattern: re.Pattern | tuple[str, int], swaps: dict[str, str] | None,
                 swap_patterns: list[str] | None, anchored: bool = False,
                 literals: tuple[str, ...] = (), requires: tuple[str, ...] = (),
                 reported_only: bool = False, swap_templates: dict[int, re.Pattern] | None = None) -> None:
        self.code = entry["code"]
        self.name = entry["name"]
        self.category = entry["category"]
        self.kind = entry["kind"]
        self.severity = Severity.parse(entry.get("severity", "warning"))
        self.scope = entry.get("scope", "sentence")
        self.block_kinds = frozenset(entry.get("block-kinds", ()))
        self.middle_only = entry.get("where", "anywhere") == "middle"
        self.default_enabled = entry.get("enabled", True)
        self.message = entry["message"]
        self.summary = entry.get("summary") or entry["what"].strip().split("\n")[0]
        self.doc = RuleDoc(entry["what"].strip(), entry["why"].strip(), entry["bad"], entry["good"],
                           entry.get("example-format", "txt"))
        self.fixable = self.kind == "substitution"
        self.fix_applicability = entry.get("fix", "safe")
        self.origin = origin
        if isinstance(pattern, re.Pattern):
            self.pattern = pattern
        else:
            self._source = pattern  # (regex, flags), compiled on first use
        self.anchored = anchored
        self.literals = literals
        # The phrases by their key word (see _present_literals); those without one are always tried.
        self._literals_by_key: dict[str, list[str]] = {}
        self._unkeyed_literals: list[str] = []
        for phrase in literals:
            key = _key_word(phrase)
            if key is None:
                self._unkeyed_literals.append(phrase)
            else:
                self._literals_by_key.setdefault(key, []).append(phrase)
        self._literal_keys = frozenset(self._literals_by_key)
        self.requires = requires  # the rule can match only where one of these strings is
        # Three strings or more are looked for in one scan, as one regex of them all (" ," " ;"
        # " :" ...: Python's re finds the spaces, then tries the marks), not a scan for each.
        self._requires_pattern = (re.compile("|".join(map(re.escape, requires)))
                                  if len(requires) >= 3 else None)
        self.reported_only = reported_only  # voice = "reported": not in first-person articles
        self.swaps = swaps  # lowercased literal -> replacement
        self.swap_patterns = swap_patterns
        # Regex swaps whose replacement refers to groups (\1, \g<name>): index -> its own pattern.
        self.swap_templates = swap_templates or {}

    @cached_property
    def pattern(self) -> re.Pattern:
        # Built-in packs compile lazily: a run that never needs a rule (a literal-phrase rule
        # whose phrases are in no document, or a warm cache) never pays for its regex.
        from newslint import regexes  # compiled code kept in the cache folder, when there is one

        return regexes.compile(*self._source)

    def prepare(self) -> None:
        self.pattern  # noqa: B018 - compiled (or taken from the store) now

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        # Literal phrases: skip the document unless one of them is in it at all. A substring
        # test per phrase is far cheaper than a long alternation tried at every position.
        present = None
        if self.literals:
            present = self._present_literals(doc)
            if not present:
                return
        if self.requires and not self._has_a_required_string(doc.text):
            return
        if not self._may_match(doc):
            return
        for offset, m in self._matches(doc, present):
            if m.end() == m.start():
                continue
            if self.reported_only and doc.first_person:
                return  # asked at the first match only: it costs more than most patterns
            matched = m.group(0)
            replacement = self._replacement(m) if self.kind == "substitution" else None
            message = self.message.format(match=shorten(matched), replacement=shorten(replacement or ""))
            yield Hit(offset + m.start(), offset + m.end(), message, replacement)

    def _has_a_required_string(self, text: str) -> bool:
        if self._requires_pattern is not None:
            return self._requires_pattern.search(text) is not None
        return any(needle in text for needle in self.requires)

    def _may_match(self, doc: Document) -> bool:
        """Whether the pattern matches anywhere in the document's lines or blocks, asked in one
        C-level pass (map over the texts) where the rule reads them all: most documents match
        no pack rule, and walking the pieces in Python cost more than the regex. False means
        _matches finds nothing; True, that it may."""
        if self.middle_only or self.block_kinds or self.scope not in ("line", "block"):
            return True  # only some pieces: _matches walks them
        texts = doc.line_texts if self.scope == "line" else doc.block_texts
        find = self.pattern.match if self.anchored else self.pattern.search
        return any(map(find, texts))

    def _matches(self, doc: Document, present: list[str] | None = None) -> Iterator[tuple[int, re.Match]]:
        """(offset of the piece, match in the piece), in document order; with `present`, the
        literal phrases the document has, only in the pieces that have one of them (a long
        alternation tried at every position of a long article costs seconds)."""
        pieces = self._pieces(doc)
        if present is not None:
            pieces = [(offset, text) for offset, text in pieces
                      if any(phrase in folded(text) for phrase in present)]
        if self.anchored:  # a pattern anchored at the start matches once per piece, at its start: no scan
            match = self.pattern.match
            for offset, text in pieces:
                m = match(text)
                if m is not None:
                    yield offset, m
            return
        finditer = self.pattern.finditer
        for offset, text in pieces:
            for m in finditer(text):
                yield offset, m

    def _present_literals(self, doc: Document) -> list[str]:
        """The literal phrases that are in the document's text, case and white space aside."""
        # A phrase can be in the text only if its key word is one of the text's words, or a
        # piece of one (Document.word_counts, which the spelling rule builds anyway, and
        # word_pieces): set intersections find the phrases worth a substring search.
        text = doc.folded_text
        keys = self._literal_keys
        # keys() & set: one lookup per key word; frozenset.intersection(dict) would go through
        # every word of the document instead.
        present = [phrase for key in (doc.word_counts.keys() & keys) | (doc.word_pieces & keys)
                   for phrase in self._literals_by_key[key] if phrase in text]
        return present + [phrase for phrase in self._unkeyed_literals if phrase in text]

    def _pieces(self, doc: Document) -> Iterable[tuple[int, str]]:
        blocks = doc.blocks[1:-1] if self.middle_only else doc.blocks
        if self.scope == "heading":
            blocks = [b for b in blocks if b.kind == HEADING]
        if self.block_kinds:
            blocks = [b for b in blocks if b.kind in self.block_kinds]
        if self.scope == "sentence":
            indexes = {b.index for b in blocks}
            return ((s.start, s.text) for s in doc.sentences if s.block in indexes)
        if self.scope == "line":
            return _lines(blocks)
        return ((b.start, b.text) for b in blocks)

    def _replacement(self, m: re.Match) -> str:
        matched = m.group(0)
        if self.swaps is not None:
            right = self.swaps[_fold(matched)]
        else:
            which = next(name for name, value in m.groupdict().items()
                         if value is not None and name.startswith("_swap"))
            index = int(which[len("_swap"):])
            right = self.swap_patterns[index]
            own = self.swap_templates.get(index)
            if own is not None:
                # In the combined regex the swap's groups are numbered after those before it:
                # the swap's own pattern, matched again where it matched, numbers them as written
                # (a lookbehind still sees the text before the match).
                right = own.match(m.string, m.start()).expand(right)
        if matched[:1].isupper() and right[:1].islower():
            right = right[:1].upper() + right[1:]
        return right


_PLAIN_WORD = re.compile(r"\w+")


def _key_word(phrase: str) -> str | None:
    """The longest word of a folded phrase that is a whole run of letters and digits wherever
    the phrase matches (_phrase_regex): an inner word, between white space, or a word at an end
    that is a word edge. So it is one of the text's words, or a piece of one ("lethal" in
    "non-lethal outcome"): Document.word_counts or word_pieces has it. None when the phrase has
    no such word of three letters or more."""
    words = phrase.split()
    whole = words[1:-1]
    left, right = _word_edge(phrase[:1]), _word_edge(phrase[-1:])
    if len(words) == 1:
        whole = words if left and right else []
    else:
        whole += [words[0]] * left + [words[-1]] * right
    key = max((w for w in whole if _PLAIN_WORD.fullmatch(w)), key=len, default="")
    return key if len(key) >= 3 else None


def _word_edge(end: str) -> bool:
    """Whether a phrase that starts (or ends) with `end` has a word edge there (_phrase_regex)."""
    return end.isalnum() or end == "_"


def _lines(blocks) -> Iterator[tuple[int, str]]:
    for block in blocks:
        if "\n" not in block.text:
            yield block.start, block.text  # most blocks are one line: no copy
            continue
        offset = block.start
        for line in block.text.split("\n"):
            yield offset, line
            offset += len(line) + 1


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower())


def _phrase_regex(phrase: str) -> str:
    """A literal phrase as a regex: spaces match any white space, word edges are enforced."""
    body = r"\s+".join(re.escape(part) for part in phrase.split())
    left = r"(?<!\w)" if _word_edge(phrase[:1]) else ""
    right = r"(?!\w)" if _word_edge(phrase[-1:]) else ""
    return f"{left}{body}{right}"


def load_pack(path: Path, lazy: bool = False) -> list[PackRule]:
    """Load one pack; any problem is a ConfigError naming the file and the entry.

    With `lazy` (the built-in packs, whose regexes the tests compile) the combined regex of each
    rule is compiled on first use instead of here; a user's pack is compiled now, so that a bad
    regex stops the run before any file is linted."""
    data = read_toml(path, "rule pack")
    unknown_top = set(data) - {"rule", "pack"}
    if unknown_top:
        raise ConfigError(f"{path}: unknown top-level key {sorted(unknown_top)[0]!r} (use [[rule]] tables)")
    entries = data.get("rule", [])
    if not isinstance(entries, list):
        raise ConfigError(f"{path}: 'rule' must be an array of tables ([[rule]])")
    return [_build(entry, i, path, lazy) for i, entry in enumerate(entries, 1)]


def _build(entry: dict, index: int, path: Path, lazy: bool = False) -> PackRule:
    code = entry.get("code") if isinstance(entry, dict) else None
    label = f"{path}: rule #{index}" + (f" ({code})" if isinstance(code, str) else "")

    def fail(problem: str) -> ConfigError:
        return ConfigError(f"{label}: {problem}")

    if not isinstance(entry, dict):
        raise fail("must be a table")
    for key in _REQUIRED:
        if key not in entry:
            raise fail(f"missing key {key!r}")
    kind = _one_of(entry, "kind", KINDS, None, fail)
    unknown = set(entry) - _COMMON_KEYS - _KIND_KEYS[kind]
    if unknown:
        raise fail(f"unknown key {sorted(unknown)[0]!r}")
    for key in ("code", "name", "category", "message", "what", "why", "bad", "good"):
        if not isinstance(entry[key], str):
            raise fail(f"{key!r} must be a string")
    problem = validate_identity(entry["code"], entry["name"], entry["category"])
    if problem:
        raise fail(problem)
    try:
        Severity.parse(str(entry.get("severity", "warning")))
    except ValueError as exc:
        raise fail(str(exc)) from None
    _one_of(entry, "scope", SCOPES, "sentence", fail)
    bad_kinds = set(_strings(entry, "block-kinds", fail)) - set(BLOCK_KINDS)
    if bad_kinds:
        raise fail(f"unknown block kind {sorted(bad_kinds)[0]!r} (one of: {', '.join(BLOCK_KINDS)})")
    for key in ("ignore-case", "enabled", "regex"):
        if key in entry and not isinstance(entry[key], bool):
            raise fail(f"{key!r} must be true or false")
    problem = _placeholder_problem(entry["message"])
    if problem:
        raise fail(f"bad placeholder in message ({problem}); use {{match}} or {{replacement}}")
    flags = re.IGNORECASE if entry.get("ignore-case", False) else 0
    swaps = swap_patterns = None
    swap_templates: dict[int, re.Pattern] = {}
    if kind == "existence":
        alternatives = _strings(entry, "patterns", fail) + [_phrase_regex(p) for p in _strings(entry, "phrases", fail)]
        if not alternatives:
            raise fail("an existence rule needs 'patterns' or 'phrases'")
    else:
        swap = entry.get("swap")
        if not isinstance(swap, dict) or not swap or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in swap.items()
        ):
            raise fail("a substitution rule needs 'swap', a table of \"wrong\" = \"right\" strings")
        if entry.get("regex", False):
            for regex in swap if not lazy else ():
                _compile(regex, flags, fail)
            # Each pattern becomes a named group, so a match tells which swap it was, even for
            # patterns with lookarounds that cannot match the matched text on its own.
            swap_patterns = list(swap.values())
            for i, (regex, right) in enumerate(swap.items()):
                if "\\" in right:  # a template, as for re.sub: its group references are checked now
                    swap_templates[i] = _template_pattern(regex, right, flags, fail)
            alternatives = [f"(?P<_swap{i}>{regex})" for i, regex in enumerate(swap)]
        else:
            if not flags:
                flags = re.IGNORECASE  # literal swaps match any case and keep a leading capital
            swaps = {_fold(k): v for k, v in swap.items()}
            alternatives = [_phrase_regex(k) for k in swap]
    # Longest alternatives first, so that the longest phrase wins at a position.
    alternatives.sort(key=len, reverse=True)
    source = "|".join(f"(?:{a})" for a in alternatives)
    try:
        pattern = (source, flags) if lazy else re.compile(source, flags)
    except re.error:
        for regex in alternatives:
            _compile(regex, flags, fail)  # names the broken one
        raise fail("the patterns do not combine into one regular expression") from None
    anchored = all(_anchored_at_start(a) for a in alternatives)
    # When every alternative is a literal phrase, keep the phrases for a quick test.
    if kind == "existence":
        literal_phrases = [] if entry.get("patterns") else _strings(entry, "phrases", fail)
    else:
        literal_phrases = [] if entry.get("regex", False) else list(swap)
    literals = tuple(" ".join(p.lower().split()) for p in literal_phrases)
    requires = tuple(_strings(entry, "requires", fail))
    voice = _one_of(entry, "voice", VOICES, "any", fail)
    _one_of(entry, "where", WHERES, "anywhere", fail)
    _one_of(entry, "fix", FIX_APPLICABILITIES, "safe", fail)
    return PackRule(entry, str(path), pattern, swaps, swap_patterns, anchored, literals, requires,
                    voice == "reported", swap_templates)


_LEADING_GROUP = re.compile(r"^(?:\s|\(\?[a-zA-Z]*:|\(\?:|#[^\n]*\n)*")


def _anchored_at_start(regex: str) -> bool:
    """Whether the pattern can only match at the start of the text (it begins with ^)."""
    return regex[_LEADING_GROUP.match(regex).end():].startswith("^")


def _one_of(entry: dict, key: str, allowed: tuple[str, ...], default: str | None, fail) -> str:
    """The entry's value for `key` (or `default`), which must be one of `allowed`."""
    value = entry.get(key, default)
    if value not in allowed:
        raise fail(f"unknown {key} {value!r} (one of: {', '.join(allowed)})")
    return value


def _strings(entry: dict, key: str, fail) -> list[str]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise fail(f"{key!r} must be a list of non-empty strings")
    return list(value)


def _placeholder_problem(message: str) -> str | None:
    """What in `message` is not plain text, {match} or {replacement}, or None. Any other field
    (`{match.__class__}`, `{match[0]}`, `{match!r}`, `{match:>9}`) would print Python, not prose."""
    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(message)
                  if name is not None]
    except ValueError as exc:  # an unpaired brace
        return str(exc)
    for name, spec, conversion in fields:
        if name not in ("match", "replacement") or spec or conversion:
            return repr("{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}")
    return None


def _template_pattern(regex: str, right: str, flags: int, fail) -> re.Pattern:
    """The swap's own pattern, once its replacement is known to be a valid template for it."""
    pattern = _compile(regex, flags, fail)
    try:
        pattern.sub(right, "")  # the template is parsed, and its groups looked up, before any match
    except (re.error, IndexError) as exc:  # IndexError: an unknown group name
        raise fail(f"bad replacement {right!r} for {regex!r}: {exc}") from None
    return pattern


def _compile(regex: str, flags: int, fail) -> re.Pattern:
    try:
        return re.compile(regex, flags)
    except re.error as exc:
        raise fail(f"invalid regular expression {regex!r}: {exc}") from None
