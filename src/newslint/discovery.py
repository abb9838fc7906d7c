"""Which files a run lints.

Named files are always linted. Folders are walked recursively for the known endings, skipping
hidden entries, what .gitignore files ignore (the folder's own and those above it up to the
repository root) and the `exclude` / `extend-exclude` globs from config.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pathspec

from newslint.sources import FORMATS

DEFAULT_EXCLUDE = ("node_modules/", "venv/", "__pycache__/", "site-packages/", "_site/", "public/")


@dataclass(frozen=True)
class Target:
    path: Path
    display: str  # the path as the user will see it


def discover(paths: list[str], exclude: tuple[str, ...], root: Path) -> tuple[list[Target], list[str]]:
    """(files to lint, paths that do not exist), in a stable order without duplicates."""
    excluded = pathspec.GitIgnoreSpec.from_lines([*DEFAULT_EXCLUDE, *exclude])
    targets: list[Target] = []
    missing: list[str] = []
    seen: set[Path] = set()

    def add(path: Path, display: str) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            targets.append(Target(path, display))

    for given in paths:
        path = Path(given)
        if path.is_file():
            add(path, given)
        elif path.is_dir():
            for file in _walk(path, excluded, root):
                add(file, os.path.join(given, os.path.relpath(file, path)) if given != "." else
                    os.path.relpath(file, path))
        else:
            missing.append(given)
    return targets, missing


def _walk(top: Path, excluded: pathspec.PathSpec, root: Path):
    root = root.resolve()
    # The .gitignore specs in force in each folder: its parents' plus its own.
    specs_of: dict[str, list] = {}
    for dirpath, dirnames, filenames in os.walk(top):
        here = Path(dirpath)
        inherited = specs_of.get(os.path.dirname(dirpath)) if dirpath != str(top) else None
        if inherited is None:
            inherited = _parent_gitignores(here.resolve())
        local = _read_gitignore(here)
        specs = inherited + [(here.resolve(), local)] if local else inherited
        specs_of[dirpath] = specs
        dirnames[:] = sorted(
            d for d in dirnames
            if not d.startswith(".") and not _ignored(here / d, True, specs, excluded, root)
        )
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            if os.path.splitext(name)[1].lower() not in FORMATS:
                continue
            file = here / name
            if not _ignored(file, False, specs, excluded, root):
                yield file


def _ignored(path: Path, is_dir: bool, specs, excluded: pathspec.PathSpec, root: Path) -> bool:
    absolute = path.resolve()
    suffix = "/" if is_dir else ""
    for base, spec in specs:
        try:
            rel = absolute.relative_to(base).as_posix()
        except ValueError:
            continue
        if spec.match_file(rel + suffix):
            return True
    try:
        rel_root = absolute.relative_to(root).as_posix()
    except ValueError:
        rel_root = path.as_posix()
    return excluded.match_file(rel_root + suffix)


def _read_gitignore(folder: Path) -> pathspec.PathSpec | None:
    try:
        lines = (folder / ".gitignore").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return pathspec.GitIgnoreSpec.from_lines(lines)


def _parent_gitignores(top: Path) -> list[tuple[Path, pathspec.PathSpec]]:
    """The .gitignore files of the folders above `top`, up to the repository root."""
    found = []
    for folder in top.parents:
        spec = _read_gitignore(folder)
        if spec:
            found.append((folder, spec))
        if (folder / ".git").exists():
            break
    return list(reversed(found))
