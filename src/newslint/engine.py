"""The pipeline for one file: bytes -> text -> documents -> rule hits -> findings -> filters.
Files go through it a small group at a time (lint_files), each rule over the whole group.

When a LanguageTool server is configured, the grammar stage (src/newslint/grammar/) runs once per
file after the rules, over all of the file's documents, and its matches become findings of
GRM001 and SPL900 like any rule's hits. The engine knows nothing about output formats or the
command line; it returns FileResults.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from newslint import sources, suppressions
from newslint.config import Settings, read_accept_file
from newslint.discovery import Target
from newslint.document import Document, LineIndex
from newslint.findings import Finding, Fix, Hit, Position, Severity
from newslint.names import fold
from newslint.project import Packed, Packer, ProjectSightings
from newslint.registry import load_rules
from newslint.rule import Context, ProjectHit, ProjectRule, Rule
from newslint.selection import (check_selectors, enabled_rules, is_selected, matches, names_a_rule, specificity,
                                subrules_selected)
from newslint.sources.decoding import Decoded, decode
from newslint.sources.prose import readable

if TYPE_CHECKING:
    import pathspec

    from newslint.grammar.stage import GrammarMatch, GrammarStage


@dataclass
class Plan:
    """Everything fixed for one run: settings, the enabled rules and what they share."""

    settings: Settings
    all_rules: list[Rule]
    rules: list[Rule]
    context: Context
    source_options: sources.SourceOptions
    by_code: dict[str, Rule]
    per_file_ignores: list[tuple[pathspec.PathSpec, tuple[str, ...]]] = field(default_factory=list)
    grammar: "GrammarStage | None" = None  # only when a LanguageTool server is configured

    def enabled(self, code: str) -> bool:
        return any(r.code == code for r in self.rules)

    def rule_of(self, finding: Finding) -> Rule:
        return self.by_code[finding.rule_code]


def make_plan(settings: Settings) -> Plan:
    all_rules = load_rules(settings.rule_packs)
    where = str(settings.config_path) if settings.config_path else "command line"
    check_selectors((*(settings.select or ()), *settings.extend_select, *settings.ignore), all_rules, where)
    check_selectors((s for s, _ in settings.severity), all_rules, f"{where}: severity")
    for _, codes in settings.per_file_ignores:
        check_selectors(codes, all_rules, f"{where}: per-file-ignores")
    rules = enabled_rules(all_rules, settings.select, settings.extend_select, settings.ignore)
    if settings.per_file_ignores:
        import pathspec  # 15 ms to import: only when needed (a pre-commit run lints one file)
    plan = Plan(
        settings=settings,
        all_rules=all_rules,
        rules=rules,
        context=Context(
            accept=frozenset(settings.accept).union(*(read_accept_file(p) for p in settings.accept_files)),
            dialect=settings.dialect,
            alias_groups=tuple(frozenset(fold(n) for n in group) for group in settings.name_aliases),
            enabled=frozenset(rule.code for rule in rules),
        ),
        source_options=sources.SourceOptions(jsonl_text_field=settings.jsonl_text_field),
        by_code={r.code: r for r in all_rules},
        per_file_ignores=[
            (pathspec.GitIgnoreSpec.from_lines([glob]), codes)
            for glob, codes in settings.per_file_ignores
        ],
    )
    plan.grammar = _grammar_stage(settings, rules)
    return plan


def _grammar_stage(settings: Settings, rules: list[Rule]) -> "GrammarStage | None":
    """The grammar stage, when a server is configured and GRM001 or SPL900 is enabled."""
    lt_rules = [r for r in rules if r.subrules]
    if settings.languagetool.url is None or not lt_rules:
        return None
    from newslint.grammar.stage import GrammarStage  # not loaded at all when grammar is off

    named = [sub for r in lt_rules for sub in subrules_selected(r, settings.select, settings.extend_select)]
    return GrammarStage(settings.languagetool, settings.root, extra_enabled=named, cache_folder=settings.cache_dir)


@dataclass(slots=True)  # a big run holds one for every file
class FileResult:
    path: str
    findings: list[Finding]
    text: str | None = None  # the decoded file, for --fix
    encoding: str = "utf-8"
    fixable: bool = False  # whether --fix may rewrite this file
    errors: list[str] = field(default_factory=list)  # internal rule errors, for stderr
    # What project rules saw in this file (rule code -> sightings), and its suppression comments.
    # Sightings are packed (project.py) and keep no source line: a big run holds every file's.
    # finish_project reads the lines it needs again from `source`, the file (or from `text`).
    sightings: dict[str, Packed] = field(default_factory=dict)
    suppressions: suppressions.Suppressions | None = None
    grammar_error: str | None = None  # why LanguageTool did not check (all of) this file
    warnings: list[str] = field(default_factory=list)  # troubles that did not stop the run, for stderr
    source: Path | None = None


def read_bytes(path: Path) -> bytes:
    """The file's bytes. Unbuffered: a buffered reader (Path.read_bytes) costs twice as much on
    the small files of a corpus, for nothing, as the file is read whole."""
    with open(path, "rb", buffering=0) as file:
        return file.readall()


# Files are linted a group at a time, and each rule runs over every document of a group before
# the next rule does (_check_documents). A group is a few files, or one big one.
GROUP_FILES = 16
GROUP_BYTES = 256 * 1024
# Documents taken through the rules together: a streamed JSON Lines file is linted this many
# characters of records at a time.
BATCH_CHARS = 64 * 1024


def lint_file(path: Path, display: str, plan: Plan) -> FileResult:
    return next(lint_files([(path, display)], plan))


# What lint_files tells of a big file as it goes: the share of it done, and its findings so far.
OnPart = Callable[[float, int], None]


def lint_files(files: Iterable[tuple[Path, str]], plan: Plan,
               on_read: Callable[[Path, str, bytes], None] | None = None,
               on_part: OnPart | None = None) -> Iterator[FileResult]:
    """The result of each (path, shown path), in order; the files are read and linted a group at
    a time (lint_texts). `on_read(path, format, data)` is shown each file's bytes as they are
    read: the cache keys a file by them. `on_part` is told how far a JSON Lines file that is a
    group of its own has got, a batch of records at a time (for the progress line)."""
    group: list[FileResult | tuple[Path, Decoded, str, str]] = []
    size = 0
    for path, display in files:
        try:
            data = read_bytes(path)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            problem = sources.Problem("INP003", f"cannot read file: {reason}")
            group.append(FileResult(display, _input_findings(display, [problem], None, plan)))
            continue
        fmt = sources.format_of(str(path))
        if on_read is not None:
            on_read(path, fmt, data)
        size += len(data)
        group.append((path, decode(data), display, fmt))
        del data  # a big file's bytes need not stay beside its text while it is linted
        if len(group) >= GROUP_FILES or size >= GROUP_BYTES:
            yield from _lint_group(group, plan, on_part)
            group, size = [], 0
    yield from _lint_group(group, plan, on_part)


def _lint_group(group: list[FileResult | tuple[Path, Decoded, str, str]], plan: Plan,
                on_part: OnPart | None = None) -> Iterator[FileResult]:
    """The results of a group of files, read (a FileResult already: an unreadable file)."""
    readable_files = [item for item in group if not isinstance(item, FileResult)]
    linted = iter(lint_texts([(decoded, display, fmt) for _, decoded, display, fmt in readable_files], plan,
                             on_part=on_part))
    for item in group:
        if isinstance(item, FileResult):
            yield item
            continue
        result = next(linted)
        result.source = item[0]
        yield result


def lint_bytes(data: bytes, display: str, fmt: str, plan: Plan) -> FileResult:
    return lint_texts([(decode(data), display, fmt)], plan)[0]


def lint_texts(files: list[tuple[Decoded, str, str]], plan: Plan, first_line: int = 1,
               on_part: OnPart | None = None) -> list[FileResult]:
    """Lint files already turned into text (decoded, shown path, format), rule by rule over
    their documents a batch at a time (_check_documents). With `first_line`, the text is a
    piece of a JSON Lines file that starts at that line (pieces.py). `on_part`: see lint_files."""
    linting = [_FileLinting(decoded, display, fmt, plan, first_line) for decoded, display, fmt in files]
    batch: list[tuple[_FileLinting, Document]] = []
    chars = 0
    for file in linting:
        for doc in file.documents():
            batch.append((file, doc))
            chars += len(doc.text)
            if chars >= BATCH_CHARS:
                _check_documents(batch, plan)
                batch, chars = [], 0
                if on_part is not None and len(linting) == 1 and doc.record_line is not None:
                    on_part(doc.record_line / doc.lines.last_line, len(file.findings))
    _check_documents(batch, plan)
    return [file.result(plan) for file in linting]


def _check_documents(batch: list[tuple["_FileLinting", Document]], plan: Plan) -> None:
    """Every rule over every document of the batch, one rule after the other. Taking one rule
    over many documents keeps its code and data in the processor's caches: a run over a news
    corpus takes about 13 % less CPU than when each document goes through every rule in turn."""
    ctx = plan.context
    for rule in plan.rules:
        observe = rule.observe if isinstance(rule, ProjectRule) else None
        for file, doc in batch:
            try:
                if observe is not None:
                    # Packed at once: a JSON Lines file has many records, each with its sightings.
                    file.seen.add(rule.code, observe(doc, ctx))
                    continue
                for hit in rule.check(doc, ctx):
                    file.findings.append(_finding(doc, rule, hit, plan))
            except Exception as exc:  # a rule bug must not end the run
                file.errors.append(f"{file.display}: internal error in rule {rule.code} ({rule.name}): "
                                   f"{type(exc).__name__}: {exc}")


class _FileLinting:
    """One file from its text to its result: its documents, then what the rules found in them."""

    def __init__(self, decoded: Decoded, display: str, fmt: str, plan: Plan, first_line: int = 1) -> None:
        self.decoded, self.display, self.fmt = decoded, display, fmt
        self.findings: list[Finding] = []
        self.errors: list[str] = []
        self.seen = Packer()
        self.loaded: sources.Loaded | None = None
        if decoded.text is not None:
            # JSON Lines records are linted a batch at a time, unless LanguageTool is to batch
            # them together.
            self.loaded = sources.load(fmt, display, decoded.text, plan.source_options, stream=plan.grammar is None,
                                       first_line=first_line)

    def documents(self) -> Iterator[Document]:
        if self.loaded is None:
            return
        for doc in self.loaded.documents:
            doc.decoder_replacements = self.decoded.replaced
            yield doc

    def result(self, plan: Plan) -> FileResult:
        decoded, display, fmt, loaded = self.decoded, self.display, self.fmt, self.loaded
        if loaded is None:
            problem = sources.Problem("INP002", decoded.note)
            return FileResult(display, _input_findings(display, [problem], None, plan))
        text = decoded.text
        findings = self.findings
        lines = loaded.lines or (loaded.documents[0].lines if loaded.documents else LineIndex(text))
        problems: list[sources.Problem] = []
        if not decoded.clean:  # at the first replaced byte, if any: the user looks for it there
            where = lines.position(decoded.bad_at) if decoded.bad_at is not None else (1, 1)
            problems.append(sources.Problem("INP001", decoded.note, *where))
        grammar_error, warnings = None, []
        if plan.grammar is not None and loaded.documents:
            report = plan.grammar.check(loaded.documents)
            findings.extend(_grammar_findings(loaded.documents, report.matches, plan))
            grammar_error, warnings = report.error, report.warnings

        problems.extend(loaded.problems)  # a streamed source has found them all by now
        findings[:0] = _input_findings(display, problems, lines, plan)
        parsed = suppressions.parse(text, lines) if loaded.has_comments else None
        if parsed and parsed.directives:
            findings = _apply_suppressions(findings, parsed, lines, display, plan)
        findings = _without_prose_findings_on_furniture([f for f in findings if not _ignored_for_file(f, plan)])
        findings.sort(key=Finding.sort_key)
        fixable = decoded.clean and fmt != "jsonl"
        return FileResult(display, findings, text, decoded.encoding, fixable, self.errors, self.seen.packed(),
                          parsed, grammar_error, warnings)


class RunResults:
    """The result of every file of a run, in file order, kept as small as the end of the run allows.

    A file with nothing to show (no findings, errors, warnings, grammar trouble, suppression
    comments or sightings: most files of a corpus) is kept as its Target alone, not as a
    FileResult: a run over tens of thousands of files would otherwise hold one for each to the
    end. Such a file gets a FileResult again only if the project rules report something in it
    (`for_paths`)."""

    def __init__(self) -> None:
        self._slots: list[FileResult | Target] = []

    def add(self, result: FileResult, target: Target | None = None) -> None:
        """The next file's result; with its `target`, the target alone stands for an empty result."""
        empty = target is not None and not result.sightings and has_nothing_to_show(result)
        self._slots.append(target if empty else result)

    def __len__(self) -> int:
        """How many files were checked."""
        return len(self._slots)

    def shown(self) -> list[FileResult]:
        """The results of the files that have something to show, in file order."""
        return [slot for slot in self._slots if isinstance(slot, FileResult)]

    def replace(self, new_for_old: dict[int, FileResult]) -> None:
        """Put each new result in the place of the old one whose id() is its key (files linted
        again after --fix), in one pass over the run."""
        if new_for_old:
            self._slots = [new_for_old.get(id(slot), slot) for slot in self._slots]

    def for_paths(self, paths: set[str]) -> dict[str, FileResult]:
        """The result of each file shown as one of `paths`: an empty one is made (and kept) for a
        file that was kept as its target."""
        found: dict[str, FileResult] = {}
        if not paths:
            return found
        for i, slot in enumerate(self._slots):
            if isinstance(slot, FileResult):
                if slot.path in paths:
                    found[slot.path] = slot
            elif slot.display in paths:
                found[slot.display] = self._slots[i] = FileResult(slot.display, [], source=slot.path)
        return found


def has_nothing_to_show(result: FileResult) -> bool:
    """Whether the end of the run needs nothing of `result` but its project sightings (and its
    path and file, which the run's Target has): no findings, errors, warnings or grammar
    trouble, no suppression comments (which may silence a project finding), no text (--fix)."""
    return not (result.findings or result.errors or result.warnings or result.grammar_error
                or result.text is not None or result.suppressions is not None)


# What a residue finding that starts a line says of it: the line is page furniture, not prose.
_PROSE_CATEGORIES = frozenset({"truncation", "fragment"})


def _without_prose_findings_on_furniture(findings: list[Finding]) -> list[Finding]:
    """A line a residue rule reports from its first column ("Already a subscriber? Log in") is
    page furniture: a truncation or fragment finding on it would report the furniture again, as
    a cut-off sentence."""
    furniture = {f.start.line for f in findings if f.category == "residue" and f.start.column == 1}
    if not furniture:
        return findings
    return [f for f in findings if f.category not in _PROSE_CATEGORIES or f.start.line not in furniture]


def finish_project(results: RunResults, plan: Plan, seen: ProjectSightings | None = None) -> list[Finding]:
    """Run the project rules over what they saw in every file; add their findings to the files
    (and return them). `seen` holds the sightings a big run has already taken out of its results
    (the command line does, as they arrive); those still in a result are added to it here."""
    seen = seen if seen is not None else ProjectSightings()
    for result in results.shown():
        seen.take_from(result)
    hits: list[tuple[ProjectRule, ProjectHit]] = []
    for rule in plan.rules:
        if not isinstance(rule, ProjectRule):
            continue
        sightings = seen.for_rule(rule)
        if sightings:
            hits.extend((rule, hit) for hit in rule.finish(sightings, plan.context))
    by_path = results.for_paths({hit.path for _, hit in hits})
    excerpts = _project_excerpts([hit for _, hit in hits], by_path)
    added: list[Finding] = []
    for (rule, hit), excerpt in zip(hits, excerpts):
        result = by_path[hit.path]
        s = hit.sighting
        finding = _new_finding(hit.path, Position(s.line, s.column), Position(s.end_line, s.end_column),
                               rule, plan, hit.message, excerpt)
        if result.suppressions and result.suppressions.suppresses(finding, rule, mark=False):
            continue
        if not _ignored_for_file(finding, plan):
            added.append(finding)
    add_findings(results, added)
    return added


def add_findings(results: RunResults, findings: list[Finding]) -> None:
    """Give each finding to the result of its file, and keep every file's findings in order."""
    by_path = results.for_paths({finding.path for finding in findings})
    for finding in findings:
        by_path[finding.path].findings.append(finding)
    for result in results.shown():
        result.findings.sort(key=Finding.sort_key)


def _grammar_findings(documents: list[Document], matches: list["GrammarMatch"], plan: Plan) -> list[Finding]:
    """LanguageTool's matches as findings: typo rules are SPL900, everything else GRM001."""
    out = []
    settings = plan.settings
    for g in matches:
        m = g.match
        rule = plan.by_code["SPL900" if m.category == "TYPOS" or m.issue == "misspelling" else "GRM001"]
        code = f"{rule.code}/{m.rule}"
        if rule not in plan.rules or not is_selected(rule, settings.select, settings.extend_select,
                                                       settings.ignore, code):
            continue
        message = m.message
        if m.replacements:
            shown = ", ".join(repr(r) for r in m.replacements[:5])
            message += f" (suggestion{'s' if len(m.replacements) > 1 else ''}: {shown})"
        replacement = m.replacements[0] if len(m.replacements) == 1 else None
        finding = _finding(documents[g.doc], rule, Hit(g.start, g.end, message, replacement), plan, code)
        finding.languagetool = {"rule": m.rule, "category": m.category, "replacements": list(m.replacements)}
        out.append(finding)
    return out


def _project_excerpts(hits: list[ProjectHit], by_path: dict[str, FileResult]) -> list[tuple[str, int, int]]:
    """The excerpt of its source line (LineIndex.excerpt) for each project hit. Each file with
    hits is read again once, and let go before the next: a big run does not hold every file."""
    out: list[tuple[str, int, int]] = [("", 0, -1)] * len(hits)
    of_path: dict[str, list[int]] = {}
    for i, hit in enumerate(hits):
        of_path.setdefault(hit.path, []).append(i)
    for path, indices in of_path.items():
        result = by_path[path]
        text = result.text
        if text is None and result.source is not None:
            try:
                text = decode(result.source.read_bytes()).text
            except OSError:
                text = None
        if text is None:
            continue
        lines = LineIndex(text)
        for i in indices:
            s = hits[i].sighting
            if 0 < s.line <= lines.last_line:
                out[i] = lines.excerpt(s.line, s.column)
    return out


def _finding(doc: Document, rule: Rule, hit: Hit, plan: Plan, code: str | None = None) -> Finding:
    src_start, src_end = doc.source_span(hit.start, hit.end)
    line, column, end_line, end_column = doc.lines.span(src_start, src_end)
    start, end = Position(line, column), Position(end_line, end_column)
    fix = None
    if (hit.replacement is not None and rule.fixable and doc.fmt != "jsonl"
            and doc.source_map.is_contiguous(hit.start, hit.end)):
        fix = Fix(src_start, src_end, hit.replacement, start, end, rule.fix_applicability)
    return _new_finding(doc.path, start, end, rule, plan, hit.message, doc.lines.excerpt(line, column),
                        fix, code)


def _new_finding(path: str, start: Position, end: Position, rule: Rule, plan: Plan, message: str,
                 excerpt: tuple[str, int, int], fix: Fix | None = None, code: str | None = None) -> Finding:
    """A finding of `rule` (or of its sub-rule `code`), with the excerpt of its line
    (LineIndex.excerpt: the text kept, where it starts in the line, the line's length)."""
    source_line, source_start, line_length = excerpt
    return Finding(path, start, end, code or rule.code, rule.name, rule.category, _severity(rule, plan, code),
                   readable(message), fix, source_line, source_start=source_start, line_length=line_length)


def _severity(rule: Rule, plan: Plan, code: str | None = None) -> Severity:
    best, level = 0, rule.severity
    for selector, override in plan.settings.severity:
        score = specificity(selector, rule, code)
        if score > best:
            best, level = score, override
    return level


def _input_findings(display: str, problems: list[sources.Problem], lines: LineIndex | None,
                    plan: Plan) -> list[Finding]:
    out = []
    for problem in problems:
        rule = plan.by_code[problem.code]
        if rule not in plan.rules:
            continue
        pos = Position(problem.line, problem.column)
        excerpt = (lines.excerpt(problem.line, problem.column)
                   if lines and lines.first_line <= problem.line <= lines.last_line
                   else ("", 0, -1))
        out.append(_new_finding(display, pos, pos, rule, plan, problem.message, excerpt))
    return out


def _apply_suppressions(findings: list[Finding], parsed: suppressions.Suppressions, lines: LineIndex,
                        display: str, plan: Plan) -> list[Finding]:
    kept = [f for f in findings if not parsed.suppresses(f, plan.rule_of(f))]
    unused_rule, unknown_rule = plan.by_code["INP100"], plan.by_code["INP101"]
    extra: list[Finding] = []
    for directive in parsed.directives:
        for sel in directive.selectors:
            if sel.used:
                continue
            known = sel.text == suppressions.ALL or names_a_rule(sel.text, plan.all_rules)
            rule = unused_rule if known else unknown_rule
            if rule not in plan.rules:
                continue
            what = "every rule" if sel.text == suppressions.ALL else sel.text
            message = (f"Suppression of {what} suppresses nothing" if known
                       else f"Suppression names unknown rule {sel.text!r}")
            start = Position(directive.line, directive.column)
            end = Position(directive.end_line, directive.end_column)
            extra.append(_new_finding(display, start, end, rule, plan, message,
                                      lines.excerpt(directive.line, directive.column)))
    # A file-level or surrounding suppression may silence these too (without counting as use).
    extra = [f for f in extra if not parsed.suppresses(f, plan.rule_of(f), mark=False)]
    return kept + extra


def _ignored_for_file(finding: Finding, plan: Plan) -> bool:
    if not plan.per_file_ignores:
        return False
    rel = _relative_to_root(finding.path, plan.settings.root)
    rule = plan.rule_of(finding)
    return any(spec.match_file(rel) and matches(codes, rule, finding.code) for spec, codes in plan.per_file_ignores)


def _relative_to_root(path: str, root: Path) -> str:
    try:
        return Path(os.path.abspath(path)).relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()
