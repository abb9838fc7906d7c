"""Linting many files on several processes.

Each worker is forked with the run's Plan already built (rules compiled, word lists loaded as
they are needed), lints whole files and sends back their FileResults. Results come back in the
order of the files, so `--jobs 1` and `--jobs N` report the same findings in the same order.
Every file goes through the cache (when there is one): a worker reads the entry or lints the file
and writes the entry, so warm and cold runs alike are spread over the workers.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable, Iterator

from newslint.cache import Cache, lint_file_cached
from newslint.discovery import Target
from newslint.engine import FileResult, Plan

# Below this many files a pool costs more than it saves.
MIN_FILES_FOR_POOL = 8

_plan: Plan | None = None
_cache: Cache | None = None


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def lint_files(targets: list[Target], plan: Plan, jobs: int, keep_text: bool, cache: Cache | None = None,
               on_result: Callable[[FileResult], None] | None = None) -> list[FileResult]:
    """Lint every target; with `keep_text` the decoded text stays in the results (for --fix).
    `on_result` is called with each result as it arrives (the progress bar)."""
    results = []
    for result in _results(targets, plan, jobs, keep_text, cache):
        _share_strings(result)
        results.append(result)
        if on_result is not None:
            on_result(result)
    return results


def _results(targets: list[Target], plan: Plan, jobs: int, keep_text: bool,
             cache: Cache | None) -> Iterator[FileResult]:
    if jobs <= 1 or len(targets) < MIN_FILES_FOR_POOL or "fork" not in multiprocessing.get_all_start_methods():
        for t in targets:
            result = lint_file_cached(t.path, t.display, plan, cache)
            if not keep_text:
                result.text = None  # a big run must not keep every file's text
            yield result
        return
    context = multiprocessing.get_context("fork")  # the workers inherit plan and cache, nothing is pickled
    chunk = max(1, min(64, len(targets) // (jobs * 8)))
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start,
                             initargs=(plan, cache)) as pool:
        work = [(t.path, t.display, keep_text) for t in targets]
        for result, problem in pool.map(_lint, work, chunksize=chunk):
            if problem and cache is not None and cache.problem is None:
                cache.problem = problem  # the parent reports the first one
            yield result


def _share_strings(result: FileResult) -> None:
    """One copy of each name key and form for the whole run: the sightings of a big corpus repeat
    the same names in thousands of files, and the parent keeps them all until the end."""
    for code, seen in result.sightings.items():
        result.sightings[code] = [s._replace(key=sys.intern(s.key), form=sys.intern(s.form)) for s in seen]


def _start(plan: Plan, cache: Cache | None) -> None:
    global _plan, _cache
    _plan, _cache = plan, cache


def _lint(work: tuple[Path, str, bool]) -> tuple[FileResult, str | None]:
    path, display, keep_text = work
    result = lint_file_cached(path, display, _plan, _cache)
    if not keep_text:
        result.text = None  # the whole file need not travel back to the parent
    return result, (_cache.take_problem() if _cache is not None else None)
