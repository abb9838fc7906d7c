"""`newslint clean`: remove from a cache folder what newslint wrote there, and nothing else.

A cache folder may be one the user already had (`cache-dir = "."`, a folder shared with other
tools), so nothing is removed because of the folder it is in: only files named the way newslint
names its own (cache.py's entries, runs and regex store, the LanguageTool answers of
grammar/cache.py), then the sub-folders newslint makes once they are empty. The folder itself,
its CACHEDIR.TAG and .gitignore go only when newslint's tag marks it as made by newslint and
nothing else is left in it. Symbolic links are never followed.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import NamedTuple

from newslint.cache import ENTRIES, GITIGNORE, TAG, TAG_NAME
from newslint.grammar.stage import LANGUAGETOOL_FOLDER


class _Layout(NamedTuple):
    """What newslint writes in one folder: files named so, named sub-folders, and the 256
    two-hex-digit sub-folders that keep each one small."""

    files: re.Pattern | None = None
    folders: dict[str, "_Layout"] = {}
    fan_out: "_Layout | None" = None


_HASHED = re.compile(r"[0-9a-f]{40}\.json(\.\d+\.tmp)?")  # cache._hash names, and their temporaries
_LAYOUT = _Layout(folders={
    ENTRIES: _Layout(
        files=re.compile(r"regex-[\w.-]+\.json(\.\d+\.tmp)?"),  # regexes.py's store
        folders={"runs": _Layout(files=_HASHED)},  # the project rules' verdicts
        fan_out=_Layout(files=_HASHED),  # one entry per linted file
    ),
    LANGUAGETOOL_FOLDER: _Layout(  # LanguageTool's answers, there by default
        fan_out=_Layout(files=re.compile(r"[0-9a-f]{62}\.json|\.tmp-[a-z0-9_]+")),
    ),
})
_HEX_NAME = re.compile(r"[0-9a-f]{2}")


def clean(folder: Path) -> str:
    """Remove newslint's files from the cache folder; returns what was done, for the user."""
    if not folder.is_dir():
        return f"No cache at {folder}: nothing to remove."
    files: list[str] = []
    folders: list[str] = []
    _collect(str(folder), _LAYOUT, files, folders)
    size = sum(_size_of(path) for path in files)
    for path in files:
        _unlink(path)
    for path in folders:  # deepest first; one that holds anything else stays
        try:
            os.rmdir(path)
        except OSError:
            pass
    count = len(files)
    tag, ignore = folder / TAG_NAME, folder / ".gitignore"
    # newslint's tag: its first two lines name newslint (another tool's has the same first line).
    made = not folder.is_symlink() and (_read(tag) or "").splitlines()[:2] == TAG.splitlines()[:2]
    left = {p.name for p in folder.iterdir()}
    if made and left <= {TAG_NAME, ".gitignore"} and (ignore.name not in left or _read(ignore) == GITIGNORE):
        for mark in (tag, ignore):
            if mark.name in left:
                size += _size_of(str(mark))
                count += 1
                _unlink(str(mark))
        folder.rmdir()
        return f"Removed {folder} ({count} files, {_size(size)})."
    if not count:
        return f"No newslint cache files in {folder}: nothing to remove."
    removed = f"Removed {count} newslint cache files ({_size(size)}) from {folder}"
    if made:
        return f"{removed}; it holds files newslint did not write, which are kept."
    return f"{removed}; {folder} was not made by newslint and is kept."


def _collect(folder: str, layout: _Layout, files: list[str], folders: list[str]) -> None:
    """Into `files`, the files in `folder` that `layout` names; into `folders`, its sub-folders
    that newslint makes, deepest first."""
    with os.scandir(folder) as entries:
        found = list(entries)
    for entry in found:
        if entry.is_dir(follow_symlinks=False):
            inner = layout.folders.get(entry.name) or (layout.fan_out if _HEX_NAME.fullmatch(entry.name) else None)
            if inner is not None:
                _collect(entry.path, inner, files, folders)
                folders.append(entry.path)
        elif entry.is_file(follow_symlinks=False) and layout.files and layout.files.fullmatch(entry.name):
            files.append(entry.path)


def _read(path: Path) -> str | None:
    """The text of the file at `path`; None for anything else (a link, a folder, no file)."""
    if path.is_symlink() or not path.is_file():
        return None
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass  # a concurrent clean got there first


def _size_of(path: str) -> int:
    try:
        return os.lstat(path).st_size
    except OSError:
        return 0


def _size(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{size / 1e3:.1f} kB"
