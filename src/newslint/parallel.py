"""Linting many files on several processes.

Each worker is forked with the run's Plan already built (rules compiled, word lists loaded as
they are needed), lints whole files and sends back their FileResults. Results come back in the
order of the files, so `--jobs 1` and `--jobs N` report the same findings in the same order.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from newslint.discovery import Target
from newslint.engine import FileResult, Plan, lint_file

# Below this many files a pool costs more than it saves.
MIN_FILES_FOR_POOL = 8

_plan: Plan | None = None


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def lint_files(targets: list[Target], plan: Plan, jobs: int, keep_text: bool) -> list[FileResult]:
    """Lint every target; with `keep_text` the decoded text stays in the results (for --fix)."""
    if jobs <= 1 or len(targets) < MIN_FILES_FOR_POOL or "fork" not in multiprocessing.get_all_start_methods():
        return [lint_file(t.path, t.display, plan) for t in targets]
    context = multiprocessing.get_context("fork")  # the workers inherit the plan, nothing is pickled
    chunk = max(1, min(64, len(targets) // (jobs * 8)))
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start, initargs=(plan,)) as pool:
        work = [(t.path, t.display, keep_text) for t in targets]
        return list(pool.map(_lint, work, chunksize=chunk))


def _start(plan: Plan) -> None:
    global _plan
    _plan = plan


def _lint(work: tuple[Path, str, bool]) -> FileResult:
    path, display, keep_text = work
    result = lint_file(path, display, _plan)
    if not keep_text:
        result.text = None  # the whole file need not travel back to the parent
    return result
