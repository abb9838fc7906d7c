"""Gitignore-style globs (.gitignore files, `exclude`, `per-file-ignores`) that pathspec can read.

pathspec raises on a few lines git takes quietly: a trailing backslash (`foo\\`), which escapes
nothing, and a lone `!`. Git lets such a .gitignore line match nothing, and so does newslint; a
glob the user wrote in the configuration is a config error instead, so that a typo is not
silently an exclusion of nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    import pathspec


def gitignore_spec(lines: list[str]) -> pathspec.PathSpec:
    """The lines of a .gitignore file as one spec, less those pathspec cannot read."""
    import pathspec  # slow to import: only when a folder is walked or a glob configured

    try:
        return pathspec.GitIgnoreSpec.from_lines(lines)
    except ValueError:  # rare: only now are the lines tried one by one
        return pathspec.GitIgnoreSpec.from_lines([line for line in lines if _readable(line)])


def bad_glob(globs: Iterable[str]) -> str | None:
    """The first glob pathspec cannot read, or None."""
    return next((glob for glob in globs if not _readable(glob)), None)


def why_bad(glob: str) -> str:
    """A short reason for a glob bad_glob returned."""
    if glob.endswith("\\"):
        return "a backslash at its end escapes nothing"
    return "not a gitignore-style pattern"


def _readable(glob: str) -> bool:
    import pathspec

    try:
        pathspec.GitIgnoreSpec.from_lines([glob])
    except ValueError:  # pathspec's GitIgnorePatternError
        return False
    return True
