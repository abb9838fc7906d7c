"""The command line: parse options, load config, wire sources, engine and reporters together."""

from __future__ import annotations

import gc
import json
import os
import re
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import click

from newslint import __version__, progress, regexes
from newslint.cache import Cache, default_folder, entries_folder, lint_and_store, open_cache
from newslint.config import DIALECTS, OUTPUT_FORMATS, Settings, find_config, load_settings
from newslint.discovery import discover
from newslint.engine import FileResult, Plan, RunResults, add_findings, finish_project, lint_bytes, make_plan
from newslint.errors import UsageError
from newslint.findings import Finding, Severity
from newslint.fixes import applicable, apply_fixes, withhold_unsafe, withhold_unwritable
from newslint.grammar.settings import ENV_VAR as LANGUAGETOOL_ENV_VAR
from newslint.grammar.settings import normalize_url
from newslint.parallel import default_jobs, lint_files
from newslint.project import ProjectSightings
from newslint.registry import load_rules
from newslint.reporters import Report, render
from newslint.sources import format_of

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
# SARIF, JUnit and GitHub's commands describe findings; counts per rule have no place in them.
STATISTICS_FORMATS = ("text", "concise", "json")


def _fail(message: str) -> "click.exceptions.Exit":
    click.echo(f"newslint: error: {message}", err=True)
    return click.exceptions.Exit(EXIT_USAGE)


def _refuse_empty(value: str | None, option: str, what: str) -> None:
    """An option given as '' would silently mean its default (the default cache folder, the
    `text` field). An empty NEWSLINT_CACHE_DIR never gets here: click reads it as unset."""
    if value == "":
        raise UsageError(f"command line: {option}: must be a non-empty {what}")


def _split(values: tuple[str, ...], option: str) -> tuple[str, ...] | None:
    """`--select A,B --select C` -> (A, B, C); None when the option was not given. A value with
    no selector in it ('' or ',') is an error, as an empty selector in the config is: it would
    silently select no rule."""
    if not values:
        return None
    selectors: list[str] = []
    for value in values:
        parts = [part.strip() for part in value.split(",") if part.strip()]
        if not parts:
            raise UsageError(f"command line: {option} {value!r} names no rule (give codes, prefixes, "
                             "rule names or categories)")
        selectors.extend(parts)
    return tuple(selectors)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="newslint")
def main() -> None:
    """newslint: a linter for news prose."""
    try:
        os.getcwd()  # paths are shown, and the config looked for, from the current folder
    except OSError as error:
        raise _fail(f"the current folder cannot be read ({error.strerror}); cd to a folder that exists")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Use this config file.")
@click.option("--select", multiple=True, help="Rules to enable: codes, prefixes, names or categories (comma-separated).")
@click.option("--extend-select", multiple=True, help="Rules to enable on top of the selected ones.")
@click.option("--ignore", multiple=True, help="Rules to disable (added to the config's ignore list).")
@click.option("--output-format", "--format", "output_format", type=click.Choice(OUTPUT_FORMATS),
              help="Output format (default: text, or output-format in config).")
@click.option("--output-file", "-o", type=click.Path(dir_okay=False), help="Write the report to this file.")
@click.option("--statistics", is_flag=True, help="Show counts per rule instead of the findings.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--quiet", "-q", is_flag=True, help="Print findings only: no summary.")
@click.option("--fix", is_flag=True, help="Apply safe fixes to the files (UTF-8 text, Markdown, HTML).")
@click.option("--unsafe-fixes/--no-unsafe-fixes", default=None,
              help="Also offer, and with --fix apply, fixes that are guesses (a near-miss name, a calque).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]),
              help="Lowest severity that makes the exit status 1 (default: warning).")
@click.option("--stdin-filename", help="With '-': the path to show, and whose ending picks the format.")
@click.option("--jsonl-field", help="The field of a JSON Lines record that holds the article text "
                                    "(a dotted name reaches into nested objects: article.body).")
@click.option("--dialect", type=click.Choice(DIALECTS),
              help="Spelling to expect: the other dialect's spellings are findings (default: both are fine).")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour in text output.")
@click.option("--jobs", "-j", type=click.IntRange(min=1),
              help="Processes to lint with (default: the number of cores; at most one per file and four per core).")
@click.option("--languagetool", "languagetool_url", metavar="URL",
              help=f"LanguageTool server for grammar (GRM001, SPL900), or 'local'; overrides "
                   f"{LANGUAGETOOL_ENV_VAR} and languagetool-url.")
@click.option("--no-cache", is_flag=True, envvar="NEWSLINT_NO_CACHE",
              help="Neither read nor write the cache.")
@click.option("--cache-dir", type=click.Path(), envvar="NEWSLINT_CACHE_DIR",
              help="Where the cache lives (default: .newslint_cache in the project root).")
def check(paths, config_path, select, extend_select, ignore, output_format, output_file, statistics,
          exit_zero, quiet, fix, unsafe_fixes, fail_on, stdin_filename, jsonl_field, color, jobs, languagetool_url, dialect,
          no_cache, cache_dir) -> None:
    """Lint PATHS (files or folders; '-' reads standard input). Default: the current folder."""
    paths = list(paths) or ["."]
    try:
        settings = _settings(paths, config_path)
        _refuse_empty(jsonl_field, "--jsonl-field", "field name")
        _refuse_empty(cache_dir, "--cache-dir", "folder path")
        settings = settings.merged(
            select=_split(select, "--select"),
            extend_select=(settings.extend_select + (_split(extend_select, "--extend-select") or ())),
            ignore=(settings.ignore + (_split(ignore, "--ignore") or ())),
            output_format=output_format,
            fail_on=Severity.parse(fail_on) if fail_on else None,
            jsonl_text_field=jsonl_field,
            languagetool=_languagetool(settings, languagetool_url),
            dialect=dialect,
            cache_dir=Path(cache_dir) if cache_dir else None,
            unsafe_fixes=unsafe_fixes,
        )
        if statistics and settings.output_format not in STATISTICS_FORMATS:
            raise UsageError(_statistics_refused(settings, given=output_format is not None))
        # The store of compiled regular expressions is read before the rules are made: their
        # modules compile patterns as they are imported (regexes.py).
        regexes.use(None if no_cache else entries_folder(settings.cache_dir or default_folder(settings.root)))
        plan = make_plan(settings)
    except UsageError as exc:
        raise _fail(str(exc)) from None
    if plan.grammar is not None:
        plan.grammar.start()  # a local LanguageTool starts here, before any worker is forked
        click.get_current_context().call_on_close(plan.grammar.close)
    _tune_gc()

    file_paths = [p for p in paths if p != "-"]
    targets, bad_paths = discover(file_paths, settings.exclude + settings.extend_exclude, settings.root)
    for problem in bad_paths:
        click.echo(f"newslint: error: {problem}", err=True)
    if output_file and _is_linted(output_file, targets):
        raise _fail(f"{output_file}: the output file is one of the files to lint; the report would overwrite it")

    results = RunResults()
    if "-" in paths:
        results.add(_lint_stdin(stdin_filename, plan))  # standard input is never cached
    # With --fix every file is linted afresh (its fixes need the text), and the results stored.
    cache = None if no_cache or not targets else open_cache(
        plan, settings.cache_dir or default_folder(settings.root), read=not fix)
    if cache is None or not (cache.read and cache.write):
        regexes.use(None)  # no cache this run: the compiled regexes are not kept either
    bar = None
    if progress.wanted(sys.stderr.isatty(), os.environ, settings.output_format, quiet):
        bar = progress.Progress(len(targets))
    # Each file's sightings for NCN002 go into `seen` as they arrive, kept small; with --fix
    # they stay in the results, as a fixed file is linted again.
    seen = ProjectSightings()
    try:
        # The cross-file verdict of a run over the same paths can come from the cache too.
        run_name = None if "-" in paths or fix else "\0".join([os.getcwd(), *paths])
        for target, result in lint_files(targets, plan, 1 if fix else (jobs or default_jobs()), keep_text=fix,
                                         cache=cache, run_name=run_name, on_part=bar.part if bar else None):
            if bar:
                bar.update(result)
            if fix:
                results.add(result)  # every result is kept: --fix needs the texts
                continue
            seen.take_from(result)
            results.add(result, target)
    finally:
        if bar:
            bar.close()

    fixed = 0
    if fix:
        fixed = _fix(results, targets, plan, cache, settings.unsafe_fixes)
    if cache is not None and cache.project_findings is not None:
        add_findings(results, cache.project_findings)
    else:
        project = finish_project(results, plan, seen)  # after fixing, so it judges the files as they now are
        if cache is not None:
            cache.store_project(project, (result.path for result in results.shown()))
    regexes.save()
    if cache is not None and cache.problem:
        click.echo(f"newslint: warning: {cache.problem}", err=True)

    shown = results.shown()
    for result in shown:
        for error in result.errors:
            click.echo(f"newslint: {error}", err=True)
    notes = _grammar_notes(shown, len(results))
    withhold_unwritable(shown)
    findings = [f for r in shown for f in r.findings]
    withheld = 0 if settings.unsafe_fixes else withhold_unsafe(findings)
    report = Report(findings, len(results), plan.all_rules, fixed=fixed, withheld_fixes=withheld, notes=notes,
                    color=_use_color(color, output_file))
    text = _statistics(findings, settings.output_format) if statistics else render(settings.output_format, report)
    if quiet and settings.output_format in ("text", "concise") and not statistics:
        text = "".join(line + "\n" for line in text.splitlines()[:-1]) if findings else ""
    _write(text, output_file)

    if bad_paths:
        raise click.exceptions.Exit(EXIT_USAGE)
    failing = any(f.severity >= settings.fail_on for f in findings)
    raise click.exceptions.Exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_CLEAN)


def _languagetool(settings: Settings, option: str | None):
    """The LanguageTool settings with the server from --languagetool, else the environment, else config."""
    for value, where in ((option, "--languagetool"), (os.environ.get(LANGUAGETOOL_ENV_VAR), LANGUAGETOOL_ENV_VAR)):
        if value:
            try:
                return replace(settings.languagetool, url=normalize_url(value))
            except ValueError as exc:
                raise UsageError(f"{where}: {exc}") from None
    return None


def _grammar_notes(results: list[FileResult], files: int) -> list[str]:
    """Print the grammar stage's troubles once each; say in the summary what went unchecked.
    `results` are those with something to show, of the run's `files`."""
    for warning in dict.fromkeys(w for r in results for w in r.warnings):
        click.echo(f"newslint: warning: {warning}", err=True)
    failed = [r for r in results if r.grammar_error]
    if not failed:
        return []
    # Every process reports the same failure for each file it could not check: one line is enough.
    click.echo(f"newslint: error: {failed[0].grammar_error}; grammar was not checked", err=True)
    where = "" if len(failed) == files else f" in {len(failed)} of {files} files"
    return [f"Grammar was not checked{where}: LanguageTool failed (see the error above)."]


def _tune_gc() -> None:
    """Linting makes millions of small objects (words, spans, mentions) that live as long as their
    document. With the default thresholds the collector runs every 700 allocations and its full
    passes grow with the heap, which made a 4 MB article 1.4x slower per MB than a small one.
    What the plan holds is never garbage: freeze it (forked workers then also keep its pages
    shared); and collect less often. Reference cycles are still collected."""
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(50_000, 10, 10)

    def restore() -> None:  # for callers that run the command in-process, as the tests do
        gc.set_threshold(*threshold)
        gc.unfreeze()

    click.get_current_context().call_on_close(restore)


def _settings(paths: list[str], config_path: str | None) -> Settings:
    if config_path:
        return load_settings(Path(config_path))
    first = next((p for p in paths if p != "-" and os.path.exists(p)), ".")
    return load_settings(find_config(Path(first)))


def _lint_stdin(stdin_filename: str | None, plan: Plan) -> FileResult:
    display = stdin_filename or "-"
    fmt = format_of(display)
    data = sys.stdin.buffer.read()
    result = lint_bytes(data, display, fmt, plan)
    result.fixable = False  # nothing to write back to
    return result


def _fix(results: RunResults, targets, plan: Plan, cache: Cache | None, unsafe: bool) -> int:
    """Apply fixes (with `unsafe`, the unsafe ones too) file by file, write the files back, lint
    them again (in `results`), and tell how many fixes were applied."""
    path_of = {t.display: t.path for t in targets}
    total = 0
    relinted: dict[int, FileResult] = {}
    for result in results.shown():
        path = path_of.get(result.path)
        if path is None or not result.fixable or not applicable(result.findings, unsafe):
            continue
        new_text, applied = apply_fixes(result.text, result.findings, unsafe)
        try:
            path.write_bytes(new_text.encode("utf-8-sig" if result.encoding == "utf-8-sig" else "utf-8"))
        except OSError as exc:
            click.echo(f"newslint: error: {result.path}: cannot write fixes: {exc.strerror or exc}", err=True)
            continue
        total += applied
        relinted[id(result)] = next(lint_and_store([(path, result.path)], plan, cache))
    results.replace(relinted)
    return total


def _is_linted(output_file: str, targets) -> bool:
    """Whether `output_file` is one of the files to lint (by any name, or a hard link to one)."""
    try:
        out = os.stat(output_file)
    except OSError:
        return False  # not there yet: no input to overwrite
    for target in targets:
        try:
            if os.path.samestat(out, os.stat(target.file)):
                return True
        except OSError:
            continue  # linting reports it
    return False


def _use_color(choice: str, output_file: str | None) -> bool:
    if choice != "auto":
        return choice == "always"
    if output_file or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def _statistics_refused(settings: Settings, given: bool) -> str:
    fmt = settings.output_format
    where = "" if given else f" (output-format in {settings.config_path})"
    return (f"command line: --statistics cannot be written as {fmt}{where}: "
            f"use --format {', '.join(STATISTICS_FORMATS[:-1])} or {STATISTICS_FORMATS[-1]}")


def _statistics(findings: list[Finding], fmt: str) -> str:
    counts = Counter((f.code, f.rule) for f in findings)
    fixable = Counter(f.code for f in findings if f.fix)
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if fmt == "json":
        return json.dumps([{"code": c, "name": n, "count": k, "fixable": fixable[c]} for (c, n), k in rows],
                          indent=2) + "\n"
    width = max((len(str(k)) for _, k in rows), default=1)
    return "".join(f"{k:>{width}}  {c}  {'[*] ' if fixable[c] else ''}{n}\n" for (c, n), k in rows)


def _write(text: str, output_file: str | None) -> None:
    # A file name that is not UTF-8 comes as surrogates (os.fsdecode): it is written as its own
    # bytes, as `ls` prints it, to a file and to any terminal (a UTF-8 locale's stdout is strict).
    if output_file:
        try:
            Path(output_file).write_text(text, encoding="utf-8", errors="surrogateescape")
        except OSError as exc:
            raise _fail(f"{output_file}: cannot write output: {exc.strerror or exc}") from None
    elif not _NAME_BYTES.search(text):
        click.echo(text, nl=False, color=True)  # colour was decided by --color; do not strip it
    else:
        click.echo(text.encode("utf-8", "surrogateescape"), nl=False, color=True)


@main.command()
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Use this config file.")
@click.option("--cache-dir", type=click.Path(), envvar="NEWSLINT_CACHE_DIR",
              help="The cache folder to clean (default: the one `check` uses from here).")
def clean(config_path: str | None, cache_dir: str | None) -> None:
    """Remove what newslint cached (.newslint_cache, or cache-dir from the config); other files stay."""
    try:
        _refuse_empty(cache_dir, "--cache-dir", "folder path")
        settings = _settings(["."], config_path)
    except UsageError as exc:
        raise _fail(str(exc)) from None
    from newslint.cleaning import clean as clean_cache  # imports the grammar stage: only here

    folder = Path(cache_dir) if cache_dir else (settings.cache_dir or default_folder(settings.root))
    try:
        click.echo(clean_cache(folder))
    except OSError as exc:
        raise _fail(f"{folder}: cannot remove the cache: {exc.strerror or exc}") from None


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "markdown"]), default="table", show_default=True)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Include this config's rule packs.")
def rules_command(fmt: str, config_path: str | None) -> None:
    """List every rule: code, name, category, severity, summary."""
    rules = _all_rules(config_path)
    if fmt == "markdown":
        click.echo("| code | name | category | severity | fix | summary |\n|---|---|---|---|---|---|")
        for r in rules:
            default = "" if r.default_enabled else " (off by default)"
            click.echo(f"| `{r.code}` | `{r.name}` | {r.category} | {r.severity} | "
                       f"{_fix_kind(r)} | {r.summary}{default} |")
        return
    if fmt == "json":
        click.echo(json.dumps([
            {"code": r.code, "name": r.name, "category": r.category, "severity": str(r.severity),
             "enabled_by_default": r.default_enabled, "fixable": r.fixable,
             "fix_applicability": r.fix_applicability if r.fixable else None, "summary": r.summary,
             "origin": r.origin}
            for r in rules
        ], indent=2))
        return
    name_w = max(len(r.name) for r in rules)
    cat_w = max(len(r.category) for r in rules)
    for r in rules:
        flags = _FIX_FLAGS[_fix_kind(r)] + (" " if r.default_enabled else "-")
        click.echo(f"{r.code}  {r.name:<{name_w}}  {r.category:<{cat_w}}  {str(r.severity):<7} {flags} {r.summary}")
    click.echo("\n* fixable with --fix   + fixable with --fix --unsafe-fixes   "
               "- off by default (enable with --select or extend-select)")


# The surrogates os.fsdecode makes of the bytes of a file name that is not UTF-8.
_NAME_BYTES = re.compile("[\udc80-\udcff]")
_FIX_FLAGS = {"safe": "*", "unsafe": "+", "": " "}


def _fix_kind(rule) -> str:
    """"safe", "unsafe" (a fix that is a guess, applied with --unsafe-fixes) or "" (no fix)."""
    return rule.fix_applicability if rule.fixable else ""


@main.command()
@click.argument("rule")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Include this config's rule packs.")
def explain(rule: str, config_path: str | None) -> None:
    """Show the documentation of RULE (a code such as RES001, or a name such as repeated-word)."""
    rules = _all_rules(config_path)
    found = next((r for r in rules if r.code == rule.upper() or r.name == rule), None)
    if found is None:
        raise _fail(f"unknown rule {rule!r} (see 'newslint rules')")
    d = found.doc
    click.echo(f"{found.code} ({found.name})\n")
    click.echo(f"Category: {found.category}    Severity: {found.severity}    "
               f"Fixable: {_FIXABLE_TEXT[_fix_kind(found)]}    "
               f"Enabled by default: {'yes' if found.default_enabled else 'no'}")
    if found.origin != "builtin":
        click.echo(f"Defined in: {found.origin}")
    click.echo(f"\nWhat it does\n  {d.what}\n\nWhy is this bad?\n  {d.why}\n")
    if d.example_config:
        click.echo("Examples linted with this configuration\n" + _indent(d.example_config))
    click.echo("Example (flagged)\n" + _indent(d.bad) + "\nUse instead\n" + _indent(d.good))


_FIXABLE_TEXT = {"safe": "yes", "unsafe": "with --unsafe-fixes", "": "no"}


def _indent(text: str) -> str:
    return "".join(f"    {line}\n" for line in text.rstrip("\n").split("\n"))


def _all_rules(config_path: str | None):
    try:
        settings = load_settings(Path(config_path)) if config_path else load_settings(find_config(Path(".")))
        return load_rules(settings.rule_packs)
    except UsageError as exc:
        raise _fail(str(exc)) from None
