"""The results cache: a second run over unchanged files reads their findings instead of linting.

Like ruff's. Each linted file gets one small JSON entry in the cache folder (default
`.newslint_cache` in the project root: the config file's folder, or the current folder), named
by a hash of the file's absolute path, in 256 sub-folders so that no folder grows huge:

    .newslint_cache/CACHEDIR.TAG            tells backup tools to skip the folder
    .newslint_cache/.gitignore              `*`: git never sees the cache
    .newslint_cache/v1/3f/3f9c....json      one entry per linted file
    .newslint_cache/v1/runs/....json        the cross-file verdict of a big run (start_project)
    .newslint_cache/v1/regex-....json       the rule packs' compiled regexes (regexes.py)

An entry holds the key it was made with and what the report needs of the file: findings (with
fixes), the sightings of project rules (NCN002 judges them across files at the end of every
run) and the suppression comments (which may silence a project finding). It is used only when
the key still matches; the key hashes the file's bytes, its format and path, and the run key:

- newslint's version, the Python it runs on, and the size and modification time of every
  module of the installed newslint (so that editing a rule during development invalidates);
- the rule data: names, sizes and modification times of the files of the built-in `rules/`
  folder, and the contents of the user's rule packs;
- every setting that can change findings (all of them except output format, fail-on, the
  exclude globs and where the cache lives).

One entry per path keeps the cache the size of the repository: a changed file overwrites its
entry. Entries of deleted files stay until `newslint clean` (cleaning.py, which knows the names
above). Entries are written to a temporary file and renamed, so parallel workers and concurrent
runs never read half an entry. A corrupt entry or a folder that cannot be written is not an
error: the run lints without it and says so once on standard error.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
from array import array
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple, Sequence

try:  # the BLAKE2 module itself: hashlib would load OpenSSL too (3 ms of every run)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

import newslint
from newslint import sources, suppressions
from newslint.engine import FileResult, OnPart, Plan, lint_files
from newslint.findings import Finding, Fix, Position, Severity
from newslint.project import NUMBERS, Packed
from newslint.registry import builtin_rules_dir

DEFAULT_DIR = ".newslint_cache"
ENTRIES = "v1"  # the entry format; bump it when the layout of an entry changes
TAG_NAME = "CACHEDIR.TAG"
TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
       "# This file is a cache directory tag created by newslint.\n"
       "# For information about cache directory tags see https://bford.info/cachedir/\n")
GITIGNORE = "# Created by newslint: the whole folder is a cache.\n*\n"
PROJECT_MIN_FILES = 100  # runs of fewer files do not keep the project rules' verdict
# Settings that do not change what a file's findings are.
# Settings that change what is shown, not what is found (entries keep unsafe fixes too).
_NOT_IN_KEY = frozenset({"output_format", "fail_on", "exclude", "extend_exclude", "config_path", "cache_dir",
                         "unsafe_fixes"})


class Verdict(NamedTuple):
    """A run's stored project verdict: where it is, its findings (as JSON rows), and the shown
    paths of the files that had something to show in that run."""

    path: str
    rows: list
    shown: frozenset[str]


class Cache:
    """A cache folder, opened for one run. `problem` holds the first thing that went wrong."""

    def __init__(self, folder: Path, run_key: str, read: bool = True) -> None:
        self.folder = folder
        self.entries = entries_folder(folder)
        self.run_key = run_key
        self.read = read  # False with --fix: lint everything afresh, but still store the results
        self.write = True
        self.problem: str | None = None
        # The project rules' verdict (NCN002) over this run's files, when the cache has it.
        self.project_findings: list[Finding] | None = None
        self._project: tuple[str, str] | None = None  # (entry path, key) of this run's verdict

    # -- keys ---------------------------------------------------------------------------------
    def key(self, location: str, fmt: str, data: bytes) -> str:
        return self._key(location, fmt, blake2b(data, digest_size=20).hexdigest())

    def key_of_file(self, location: str, fmt: str, path: Path | str) -> str:
        """key() of the file's bytes, read a piece at a time (a 100 MB file is not held)."""
        digest = content_digest()
        with open(path, "rb", buffering=0) as file:  # read whole pieces: no buffer needed
            while piece := file.read(1 << 20):
                digest.update(piece)
        return self.key_of_digest(location, fmt, digest)

    def key_of_digest(self, location: str, fmt: str, digest) -> str:
        """key() of the bytes a content_digest() was given."""
        return self._key(location, fmt, digest.hexdigest())

    def _key(self, location: str, fmt: str, content: str) -> str:
        return _hash(self.run_key, fmt, location, content)

    def _entry_path(self, location: str) -> str:
        name = _hash(location)
        return os.path.join(self.entries, name[:2], name + ".json")

    # -- reading and writing ------------------------------------------------------------------
    def get(self, location: str, key: str, display: str) -> tuple[FileResult, str] | None:
        """The cached result and its project sightings, still as JSON: look_up decodes them only
        when the project rules must run."""
        entry = self._read(self._entry_path(location))
        if entry is None or entry.get("key") != key:
            return None  # none yet, or made for another content, config or version: a plain miss
        try:
            result = _result_from_json(entry, display)
            sightings = entry["sightings"]
            if not isinstance(sightings, str):
                raise TypeError
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):
            self._corrupt(self._entry_path(location))
            return None
        return result, sightings

    def _read(self, path: str) -> dict | None:
        try:
            with open(path, "rb", buffering=0) as file:
                raw = file.readall()
        except (FileNotFoundError, NotADirectoryError):
            return None  # never written (a folder that cannot be written says so on writing)
        except OSError as exc:
            self._note(f"cannot read cache entry {path}: {exc.strerror or exc}")
            return None
        try:
            entry = json.loads(raw)
            if not isinstance(entry, dict):
                raise TypeError
            return entry
        except (ValueError, TypeError):
            self._corrupt(path)
            return None

    def _corrupt(self, path: str) -> None:
        self._note(f"ignoring corrupt cache entry {path} (run 'newslint clean' to remove the cache)")

    def put(self, location: str, key: str, result: FileResult) -> None:
        # A rule that crashed should crash visibly again next time, and a file LanguageTool could
        # not check should be checked next time.
        if not result.errors and not result.grammar_error:
            self._store(self._entry_path(location), _result_to_json(result, key))

    def _store(self, path: str, entry: dict) -> None:
        if not self.write:
            return
        # surrogatepass: a file name that is not UTF-8 (os.fsdecode's surrogates) must come back
        # as it was, and json.loads reads bytes with surrogatepass.
        data = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
        temp = f"{path}.{os.getpid()}.tmp"
        try:
            try:
                _write(temp, data)
            except FileNotFoundError:  # the sub-folder is made on first use
                os.makedirs(os.path.dirname(temp), exist_ok=True)
                _write(temp, data)
            os.replace(temp, path)  # atomic: a reader sees the old entry or the new one
        except OSError as exc:
            self.write = False
            self._note(f"cannot write to the cache folder {self.folder}: {exc.strerror or exc}")
            try:
                os.unlink(temp)
            except OSError:
                pass

    # -- the project rules' verdict over a whole run --------------------------------------------
    # NCN002 judges every file's sightings together. When every file of a run is unchanged, so is
    # its verdict: it is stored per run (by the folder it ran in and the paths it was given) under
    # a key made of every file's key and shown path, and a warm run decodes no sightings at all.
    # Only for big runs (PROJECT_MIN_FILES): a small one judges in no time, and pre-commit, which
    # names different files each time, would leave a verdict behind per commit.
    def start_project(self, run_name: str, files: list[tuple[str, str, str]] | None) -> Verdict | None:
        """`files`: (shown path, location, key) of every file of the run (None when one could not
        be read). The verdict stored for this run, when it was made over these same files."""
        if files is None or len(files) < PROJECT_MIN_FILES:
            return None
        path = os.path.join(self.entries, "runs", _hash("project", run_name) + ".json")
        key = _hash(self.run_key, *("\0".join(f) for f in files))
        self._project = (path, key)
        entry = self._read(path)
        if entry is None or entry.get("key") != key:
            return None
        try:
            rows, shown = entry["findings"], entry["shown"]
            if not (isinstance(rows, list) and isinstance(shown, list)):
                raise TypeError
            return Verdict(path, rows, frozenset(shown))
        except (TypeError, KeyError):
            self._corrupt(path)
            return None

    def use_project(self, verdict: Verdict) -> None:
        """Take the stored verdict's findings as this run's (every file's entry was found)."""
        try:
            self.project_findings = [_finding_from_json(display, row) for display, row in verdict.rows]
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):
            self._corrupt(verdict.path)

    def store_project(self, findings: list[Finding], shown: Iterable[str]) -> None:
        """Keep the run's project findings, and which files (`shown` paths) had something to show:
        a warm run reads only those files' entries."""
        if self._project is not None and self.project_findings is None:
            path, key = self._project
            self._store(path, {"key": key, "findings": [[f.path, _finding_to_json(f)] for f in findings],
                               "shown": sorted(set(shown))})

    def take_problem(self) -> str | None:
        problem, self.problem = self.problem, None
        return problem

    def _note(self, problem: str) -> None:
        if self.problem is None:
            self.problem = problem


def content_digest():
    """A hash to give a file's bytes to, piece by piece, for Cache.key_of_digest."""
    return blake2b(digest_size=20)


def _write(path: str, data: bytes) -> None:
    with open(path, "wb") as file:
        file.write(data)


def open_cache(plan: Plan, folder: Path, read: bool = True) -> Cache:
    """The cache for this run. When the folder cannot be made, `problem` says why and the cache
    does nothing; a folder that can be read but not written is only read."""
    cache = Cache(folder, run_key(plan), read)
    try:
        prepare_folder(folder)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        if folder.is_dir():
            cache.write = False
            cache.problem = f"cannot write to the cache folder {folder}: {reason}; it is only read"
        else:
            cache.read = cache.write = False
            cache.problem = f"cannot use the cache folder {folder}: {reason}; linting without a cache"
    return cache


def entries_folder(folder: Path) -> str:
    """Where a cache folder keeps its entries (and the store of compiled regexes)."""
    return os.path.join(folder, ENTRIES)


def default_folder(root: Path) -> Path:
    return root / DEFAULT_DIR


def prepare_folder(folder: Path) -> None:
    """Make the folder; a folder newslint makes gets a CACHEDIR.TAG and a .gitignore of `*`."""
    if folder.is_dir():
        if not os.access(folder, os.W_OK):
            raise PermissionError(13, "Permission denied")
        return
    try:
        folder.mkdir(parents=True)
    except FileExistsError:
        if folder.is_dir():
            return  # another worker made it a moment ago (LanguageTool's answers), and tags it
        raise
    (folder / TAG_NAME).write_text(TAG, encoding="utf-8")
    (folder / ".gitignore").write_text(GITIGNORE, encoding="utf-8")


# -- linting through the cache ----------------------------------------------------------------
# The parent asks the cache first (`look_up`); only the misses are linted, by the workers or by
# the parent itself (`lint_and_store`), so a warm run starts no process pool at all.
def look_up(cache: Cache, targets: list, run_name: str | None) -> list[FileResult | None]:
    """The cached result of each target (None: lint it). `run_name` names the run for the
    project rules' verdict (None: do not use it, e.g. when standard input is linted too)."""
    if not cache.read:
        return [None] * len(targets)
    keys: list[tuple[str, str] | None] = []  # (location, key) of each target; None: unreadable
    for target in targets:
        location = os.path.abspath(target.file)  # per-file-ignores depend on where the file is
        try:
            keys.append((location, cache.key_of_file(location, sources.format_of(target.file), target.file)))
        except OSError:
            keys.append(None)  # linting reports the file as unreadable
    files = [(target.display, *key) for target, key in zip(targets, keys) if key is not None]
    verdict = None
    if run_name is not None:
        verdict = cache.start_project(run_name, files if len(files) == len(targets) else None)
    # With this run's verdict, a file that had nothing to show then has nothing now (same
    # content, settings and rules): its entry is not even read. Most files of a corpus are so.
    shown = verdict.shown if verdict is not None else None
    found: list[tuple[FileResult, str] | None | object] = [
        None if key is None
        else _QUIET if shown is not None and target.display not in shown
        else cache.get(*key, target.display)
        for target, key in zip(targets, keys)]
    if verdict is not None and all(hit is not None for hit in found):
        cache.use_project(verdict)
    if shown is not None and cache.project_findings is None:
        # A file's entry was missing: the project rules judge again, and need every sighting.
        found = [cache.get(*key, target.display) if hit is _QUIET else hit
                 for target, key, hit in zip(targets, keys, found)]
    results: list[FileResult | None] = []
    for target, hit in zip(targets, found):
        if hit is None or hit is _QUIET:
            results.append(None if hit is None else FileResult(target.display, []))
            continue
        result, sightings = hit  # type: ignore[misc]
        if cache.project_findings is None:  # the project rules will run: they need the sightings
            try:
                result.sightings = _sightings_from_json(sightings)
            except (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError):
                cache._corrupt(cache._entry_path(os.path.abspath(target.file)))
                results.append(None)
                continue
        result.source = target.path
        results.append(result)
    return results


_QUIET = object()  # look_up: a file the run's verdict shows had nothing to show


def lint_and_store(files: Sequence[tuple[Path, str]], plan: Plan, cache: Cache | None,
                   on_part: OnPart | None = None) -> Iterator[FileResult]:
    """lint_files, and each result written to the cache for next time."""
    if cache is None or not cache.write:
        yield from lint_files(files, plan, on_part=on_part)
        return
    keys: dict[Path, tuple[str, str]] = {}

    def keep_key(path: Path, fmt: str, data: bytes) -> None:
        # The bytes linted are the bytes hashed, even if the file changes meanwhile.
        location = os.path.abspath(path)
        keys[path] = (location, cache.key(location, fmt, data))

    for (path, _), result in zip(files, lint_files(files, plan, keep_key, on_part)):
        entry = keys.pop(path, None)
        if entry is not None:  # None: unreadable, nothing to cache
            cache.put(*entry, result)
        yield result


# -- the run key ------------------------------------------------------------------------------
def run_key(plan: Plan) -> str:
    """Everything besides the file itself that decides its findings, hashed once per run."""
    settings = {f.name: getattr(plan.settings, f.name) for f in dataclasses.fields(plan.settings)
                if f.name not in _NOT_IN_KEY}
    parts = {
        "newslint": newslint.__version__,
        "python": sys.implementation.cache_tag,
        "code": _tree_stamp(Path(newslint.__file__).parent, (".py",)),
        "rules": _tree_stamp(builtin_rules_dir(), None),
        "packs": [_file_digest(Path(p)) for p in plan.settings.rule_packs],
        "accept-files": [_file_digest(Path(p)) for p in plan.settings.accept_files],
        "settings": settings,
    }
    return _hash(json.dumps(parts, sort_keys=True, default=str))


def _tree_stamp(folder: Path, endings: tuple[str, ...] | None) -> list:
    """Names, sizes and modification times of the files under `folder`: cheap, no file is read."""
    stamp = []
    for dirpath, dirnames, files in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(files):
            if endings is None or name.endswith(endings):
                full = os.path.join(dirpath, name)
                try:
                    st = os.stat(full)
                except OSError:
                    continue
                stamp.append((os.path.relpath(full, folder), st.st_size, st.st_mtime_ns))
    return stamp


def _file_digest(path: Path) -> str:
    try:
        return blake2b(path.read_bytes(), digest_size=20).hexdigest()
    except OSError:
        return "unreadable"


def _hash(*parts: str) -> str:
    return blake2b("\0".join(parts).encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()


# -- entries as JSON --------------------------------------------------------------------------
# Findings are stored without their path (the same file may be named differently next time).
def _result_to_json(result: FileResult, key: str) -> dict:
    return {
        "key": key,
        "encoding": result.encoding,
        "fixable": result.fixable,
        "findings": [_finding_to_json(f) for f in result.findings],
        # A string of JSON inside the entry: a warm run with the project verdict cached skips it.
        "sightings": json.dumps({code: [keys, forms, numbers.tolist()]
                                 for code, (keys, forms, numbers) in result.sightings.items()},
                                ensure_ascii=False, separators=(",", ":")),
        "suppressions": None if result.suppressions is None else [
            [d.kind, d.line, d.column, d.end_line, d.end_column,
             [[s.text, s.first_line, s.last_line, s.used] for s in d.selectors]]
            for d in result.suppressions.directives
        ],
    }


def _finding_to_json(f: Finding) -> list:
    fix = None if f.fix is None else [f.fix.start_offset, f.fix.end_offset, f.fix.replacement,
                                      f.fix.start.line, f.fix.start.column, f.fix.end.line, f.fix.end.column,
                                      f.fix.applicability]
    return [f.start.line, f.start.column, f.end.line, f.end.column, f.code, f.rule, f.category,
            int(f.severity), f.message, fix, f.source_line, f.languagetool, f.source_start, f.line_length]


intern = sys.intern  # one copy of each name key and form for the whole run, as for linted files


def _result_from_json(entry: dict, display: str) -> FileResult:
    findings = [_finding_from_json(display, row) for row in entry["findings"]]
    parsed = None
    if entry["suppressions"] is not None:
        directives = []
        for kind, line, column, end_line, end_column, selectors in entry["suppressions"]:
            directive = suppressions.Directive(kind, line, column, end_line, end_column)
            directive.selectors = [suppressions.Selector(text, directive, first, last, used)
                                   for text, first, last, used in selectors]
            directives.append(directive)
        parsed = suppressions.Suppressions(directives)
    return FileResult(display, findings, None, entry["encoding"], entry["fixable"], [], {}, parsed)


def _finding_from_json(display: str, row: list) -> Finding:
    (sl, sc, el, ec, code, rule, category, severity, message, fix, source_line, languagetool, source_start,
     line_length) = row
    if fix is not None:
        so, eo, replacement, fsl, fsc, fel, fec, applicability = fix
        fix = Fix(so, eo, replacement, Position(fsl, fsc), Position(fel, fec), applicability)
    finding = Finding(display, Position(sl, sc), Position(el, ec), code, rule, category,
                      Severity(severity), message, fix, source_line, source_start=source_start,
                      line_length=line_length)
    finding.languagetool = languagetool
    return finding


def _sightings_from_json(text: str) -> dict[str, Packed]:
    packed = {}
    for code, (keys, forms, numbers) in json.loads(text).items():
        if not (len(keys) == len(forms) and len(numbers) == 5 * len(keys)):
            raise ValueError("columns of different lengths")
        packed[code] = (tuple(map(intern, keys)), tuple(map(intern, forms)), array(NUMBERS, numbers))
    return packed
