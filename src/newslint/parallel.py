"""Linting many files on several processes.

Each worker is forked with the run's Plan already built (rules compiled, word lists loaded as
they are needed), lints whole files and sends back their FileResults. Results are handed on in the
order of the files as they arrive, so `--jobs 1` and `--jobs N` report the same findings in the
same order, and the caller need not hold every file's result to sort them.

With a cache, the parent first takes from it every file that is unchanged; only the others are
linted (and their entries written by whoever lints them). A warm run starts no workers at all.
"""

from __future__ import annotations

import os
from collections import deque
from pathlib import Path
from typing import Iterator

from newslint import regexes
from newslint.cache import Cache, lint_and_store, look_up
from newslint.discovery import Target
from newslint.engine import FileResult, Plan, has_nothing_to_show

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
               run_name: str | None = None) -> Iterator[tuple[Target, FileResult]]:
    """Lint every target, and give each with its result in the targets' order, as soon as the
    results before it are in: the caller keeps only what it needs of each. With `keep_text` the
    decoded text stays in the results (for --fix); `run_name` names the run for the cache's
    project verdict (see cache.look_up)."""
    cached = look_up(cache, targets, run_name) if cache is not None else None
    todo = targets if cached is None else [t for t, result in zip(targets, cached) if result is None]
    linted = _lint(todo, plan, jobs, keep_text, cache)
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
          cache: Cache | None) -> Iterator[FileResult]:
    jobs = workers(jobs, len(targets))
    if jobs <= 1 or len(targets) < MIN_FILES_FOR_POOL or not _can_fork():
        for result in lint_and_store([(t.path, t.display) for t in targets], plan, cache):
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
        # A few chunks are in flight at a time, taken back in order: the parent never holds the
        # work, or the results, of the whole run.
        waiting: deque = deque()
        for start, end in _chunks(len(targets), jobs):
            waiting.append(pool.submit(_work, [(t.file, t.display) for t in targets[start:end]]))
            if len(waiting) == CHUNKS_IN_FLIGHT * jobs:
                yield from _taken(waiting.popleft().result(), cache)
        while waiting:
            yield from _taken(waiting.popleft().result(), cache)


def _chunks(files: int, jobs: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each chunk of files a worker lints at a time. Small chunks: sending one
    costs a fraction of a millisecond, and at the end of the run a worker with a big last chunk
    would leave the other cores idle."""
    size = max(1, min(MAX_CHUNK, files // (jobs * 16)))
    return ((start, min(files, start + size)) for start in range(0, files, size))


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
