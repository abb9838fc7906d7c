"""Linting many files on several processes.

Each worker is forked with the run's Plan already built (rules compiled, word lists loaded as
they are needed), lints whole files and sends back their FileResults. Results are handed on in the
order of the files as they arrive, so `--jobs 1` and `--jobs N` report the same findings in the
same order, and the caller need not hold every file's result to sort them.

With a cache, the parent first takes from it every file that is unchanged; only the others are
linted (and their entries written by whoever lints them). A warm run starts no workers at all.

A big JSON Lines file is cut into pieces that the workers lint like files (pieces.py); the parent
puts their results together, in place of the file, and writes its cache entry.
"""

from __future__ import annotations

import os
from collections import deque
from pathlib import Path
from typing import Iterator

from newslint import pieces, regexes, sources
from newslint.cache import Cache, content_digest, lint_and_store, look_up
from newslint.discovery import Target
from newslint.engine import FileResult, OnPart, Plan, has_nothing_to_show

# Below this many files a pool costs more than it saves.
MIN_FILES_FOR_POOL = 8
# Linting keeps a core busy; only LanguageTool's requests wait. More workers than this per core
# (or than files) would only cost memory and start-up: `-j 200` must not start 200 processes.
MAX_JOBS_PER_CORE = 4
MAX_CHUNK = 16  # files a worker is sent at a time
CHUNKS_IN_FLIGHT = 8  # per worker: chunks sent before the parent waits for the first one back

_plan: Plan | None = None
_cache: Cache | None = None
_keep_text = False


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def workers(jobs: int, files: int) -> int:
    """How many processes lint `files` files when `jobs` are asked for."""
    return max(1, min(jobs, files, MAX_JOBS_PER_CORE * default_jobs()))


def lint_files(targets: list[Target], plan: Plan, jobs: int, keep_text: bool, cache: Cache | None = None,
               run_name: str | None = None, on_part: OnPart | None = None) -> Iterator[tuple[Target, FileResult]]:
    """Lint every target, and give each with its result in the targets' order, as soon as the
    results before it are in: the caller keeps only what it needs of each. With `keep_text` the
    decoded text stays in the results (for --fix); `run_name` names the run for the cache's
    project verdict (see cache.look_up)."""
    cached = look_up(cache, targets, run_name) if cache is not None else None
    todo = targets if cached is None else [t for t, result in zip(targets, cached) if result is None]
    linted = _lint(todo, plan, jobs, keep_text, cache, on_part)
    for i, target in enumerate(targets):
        result = cached[i] if cached is not None else None
        if result is None:
            result = next(linted)
            # A worker sends no path back (see _work): the target's own objects are shared instead.
            result.path, result.source = target.display, target.path
        else:
            cached[i] = None  # type: ignore[index]  # the caller has it now
        yield target, result
    next(linted, None)  # lets _lint end its pool now, not when the generator is collected


def _lint(targets: list[Target], plan: Plan, jobs: int, keep_text: bool,
          cache: Cache | None, on_part: OnPart | None = None) -> Iterator[FileResult]:
    big = _big_files(targets, plan, keep_text) if jobs > 1 and _can_fork() else {}
    units = len(targets) - len(big) + sum(size // pieces.PIECE_BYTES for size in big.values())
    jobs = workers(jobs, units)
    if jobs <= 1 or (units < MIN_FILES_FOR_POOL and not big) or not _can_fork():
        for result in lint_and_store([(t.path, t.display) for t in targets], plan, cache, on_part):
            if not keep_text:
                result.text = None  # a big run must not keep every file's text
            yield result
        return
    import multiprocessing  # with concurrent.futures, 10 ms to import: only for a pool
    from concurrent.futures import ProcessPoolExecutor

    # What the rules build at first use is built once, here: every worker inherits it, and the
    # compiled patterns go to the store (regexes.py), which sees only this process's patterns.
    for rule in plan.rules:
        try:
            rule.prepare()
        except Exception:  # noqa: BLE001 - a rule bug: its check meets it again and reports it per file
            pass
    regexes.keep_unused()

    context = multiprocessing.get_context("fork")  # the workers inherit plan and cache, nothing is pickled
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start,
                             initargs=(plan, cache, keep_text)) as pool:
        # A few tasks are in flight at a time, taken back in order: the parent never holds the
        # work, or the results, of the whole run.
        waiting: deque = deque()
        for work, args, take in _tasks(targets, big, jobs, plan, cache, on_part):
            waiting.append((pool.submit(work, *args), take))
            if len(waiting) == CHUNKS_IN_FLIGHT * jobs:
                future, take = waiting.popleft()
                yield from take(future.result())
        while waiting:
            future, take = waiting.popleft()
            yield from take(future.result())


def _big_files(targets: list[Target], plan: Plan, keep_text: bool) -> dict[int, int]:
    """Index -> size of the targets to cut into pieces (pieces.py): JSON Lines files of
    SPLIT_MIN_BYTES or more, unless the whole text is wanted (--fix) or LanguageTool is to check
    a file's records together."""
    if keep_text or plan.grammar is not None:
        return {}
    out = {}
    for i, target in enumerate(targets):
        if sources.format_of(target.file) == "jsonl":
            try:
                size = os.stat(target.file).st_size
            except OSError:
                continue  # linting reports it
            if size >= pieces.SPLIT_MIN_BYTES:
                out[i] = size
    return out


def _tasks(targets: list[Target], big: dict[int, int], jobs: int, plan: Plan,
           cache: Cache | None, on_part: OnPart | None) -> Iterator[tuple]:
    """(function, its arguments, what turns its return into FileResults) for each task, in the
    order of the targets: chunks of whole files, and the pieces of each big file."""
    # Small chunks: sending one costs a fraction of a millisecond, and at the end of the run a
    # worker with a big last chunk would leave the other cores idle.
    size = max(1, min(MAX_CHUNK, len(targets) // (jobs * 16)))
    chunk: list[Target] = []
    for i, target in enumerate(targets):
        if i in big:
            if chunk:
                yield _chunk_task(chunk, cache)
                chunk = []
            yield from _piece_tasks(target, plan, cache, on_part)
            continue
        chunk.append(target)
        if len(chunk) == size:
            yield _chunk_task(chunk, cache)
            chunk = []
    if chunk:
        yield _chunk_task(chunk, cache)


def _chunk_task(chunk: list[Target], cache: Cache | None) -> tuple:
    """The task of linting a chunk of whole files (_work)."""
    return _work, ([(t.file, t.display) for t in chunk],), lambda done: _taken(done, cache)


def _piece_tasks(target: Target, plan: Plan, cache: Cache | None, on_part: OnPart | None) -> Iterator[tuple]:
    """The tasks of one big file's pieces; the last one's taker gives the file's result (the
    whole file linted here when a piece could not be, see pieces.py). `on_part` hears of each
    piece taken."""
    storing = cache is not None and cache.write
    digest = content_digest() if storing else None
    try:
        before = os.stat(target.file)
        cut = pieces.cut(target.file, digest)
    except OSError:
        cut = None
    if not cut:  # not to be cut after all: linted whole, by a worker
        yield _chunk_task([target], cache)
        return
    joined = pieces.Joined()
    taken, failed = 0, False

    def take(piece_result: FileResult | None) -> Iterator[FileResult]:
        nonlocal taken, failed
        taken += 1
        if piece_result is None:
            failed = True
        elif not failed:
            joined.add(piece_result)
        if taken < len(cut):
            if on_part is not None:
                on_part(taken / len(cut), len(joined.findings))
            return
        if failed:
            for whole in lint_and_store([(target.path, target.display)], plan, cache):
                whole.text = None
                yield whole
            return
        merged = joined.result()
        if storing and _unchanged(target.file, before):
            location = os.path.abspath(target.file)
            cache.put(location, cache.key_of_digest(location, "jsonl", digest), merged)  # type: ignore[union-attr]
        yield merged

    for piece in cut:
        yield _work_piece, (target.file, target.display, piece), take


def _unchanged(path: str, before: os.stat_result) -> bool:
    """The file is as it was when it was cut (the pieces read what was hashed)."""
    try:
        now = os.stat(path)
    except OSError:
        return False
    return (now.st_size, now.st_mtime_ns) == (before.st_size, before.st_mtime_ns)


def _taken(chunk: list[tuple[FileResult | dict, str | None]], cache: Cache | None) -> Iterator[FileResult]:
    """The results of a chunk, as FileResults (see _work)."""
    for result, problem in chunk:
        if problem and cache is not None and cache.problem is None:
            cache.problem = problem  # the parent reports the first one
        yield result if isinstance(result, FileResult) else FileResult("", [], sightings=result)


def _can_fork() -> bool:
    return hasattr(os, "fork")  # where multiprocessing offers the "fork" start method


def _start(plan: Plan, cache: Cache | None, keep_text: bool) -> None:
    global _plan, _cache, _keep_text
    _plan, _cache, _keep_text = plan, cache, keep_text


def _work(chunk: list[tuple[str, str]]) -> list[tuple[FileResult | dict, str | None]]:
    """Lint a chunk of (path, shown path); per file, its result and the cache's problem, if any.
    A file with nothing to show but its project sightings (most files) is sent as its sightings
    alone: a whole FileResult costs the parent far more to unpickle."""
    out: list[tuple[FileResult | dict, str | None]] = []
    for result in lint_and_store([(Path(path), display) for path, display in chunk], _plan, _cache):
        problem = _cache.take_problem() if _cache is not None else None
        if not _keep_text:
            result.text = None  # the whole file need not travel back to the parent
            if has_nothing_to_show(result):
                out.append((result.sightings, problem))
                continue
        result.path, result.source = "", None  # the parent has them (lint_files puts them back)
        out.append((result, problem))
    return out


def _work_piece(path: str, display: str, piece: pieces.Piece) -> FileResult | None:
    """Lint one piece of a big file (pieces.py); None: the file is to be linted whole."""
    result = pieces.lint_piece(path, display, piece, _plan)
    if result is not None:
        result.path = ""  # the parent has it (lint_files puts it back)
    return result
