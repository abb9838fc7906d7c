"""Which files a run lints.

Named files are always linted. Folders are walked recursively for the known endings, skipping
hidden entries, what .gitignore files ignore (the folder's own and those above it up to the
repository root) and the `exclude` / `extend-exclude` globs from config.

Only regular files are articles: a FIFO (or a socket, a device) named like one would block the
run forever when read. Named on the command line it is an error; in a folder it is passed over.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from newslint.globs import gitignore_spec
from newslint.sources import FORMATS

if TYPE_CHECKING:
    import pathspec

DEFAULT_EXCLUDE = ("node_modules/", "venv/", "__pycache__/", "site-packages/", "_site/", "public/")


@dataclass(frozen=True, slots=True)
class Target:
    """A file to lint. A run holds one for every file to its end, so it keeps the path as a
    string, not as a Path (which costs about 300 bytes more): `path` makes the Path when asked."""

    file: str  # the path to open
    display: str  # the path as the user will see it (most often the same string as `file`)

    @property
    def path(self) -> Path:
        return Path(self.file)


def discover(paths: list[str], exclude: tuple[str, ...], root: Path) -> tuple[list[Target], list[str]]:
    """(files to lint, what is wrong with the paths that cannot be linted: "PATH: problem"), in
    a stable order without duplicates."""
    excluded = None  # made for the first folder: named files need no globs (pathspec is slow to import)
    targets: list[Target] = []
    problems: list[str] = []
    seen: set[str] = set()

    def add(path: Path, display: str, key: str) -> None:
        if key not in seen:
            seen.add(key)
            file = str(path)
            targets.append(Target(file, file if display == file else display))  # one string when they agree

    for given in paths:
        path = Path(given)
        if path.is_file():
            add(path, given, os.path.realpath(path))
        elif path.is_dir():
            if excluded is None:
                excluded = _Excluded([*DEFAULT_EXCLUDE, *exclude])
            # String work, not a realpath and a relpath per file: a corpus has many thousands.
            real_top, top = os.path.realpath(path), str(path)
            for file in _walk(path, excluded, root):
                rel = _inside(str(file), top) or os.path.relpath(file, path)
                # os.walk enters no linked folder, so only a linked file needs resolving.
                key = os.path.realpath(file) if os.path.islink(file) else os.path.join(real_top, rel)
                add(file, os.path.join(given, rel) if given != "." else rel, key)
        elif path.exists():
            problems.append(f"{given}: not a regular file ({_kind(path)})")
        else:
            problems.append(f"{given}: no such file or folder")
    return targets, problems


def _kind(path: Path) -> str:
    mode = path.stat().st_mode
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a file or folder"


def _inside(file: str, top: str) -> str | None:
    """`file` relative to the folder `top` it was found in, when it is spelled from `top`."""
    if top == ".":
        return None if file.startswith(("/", "../")) else file
    prefix = top.rstrip("/") + "/"
    return file[len(prefix):] if file.startswith(prefix) else None


def _walk(top: Path, excluded: _Excluded, root: Path):
    root_str = str(root.resolve())
    # The .gitignore specs in force in each folder, as (absolute folder, spec): its parents' and its own.
    specs_of: dict[str, list] = {}
    for dirpath, dirnames, filenames in os.walk(top):
        here = Path(dirpath)
        here_abs = str(here.resolve())
        inherited = specs_of.get(os.path.dirname(dirpath)) if dirpath != str(top) else None
        if inherited is None:
            inherited = [(str(base), spec) for base, spec in _parent_gitignores(Path(here_abs))]
        local = _read_gitignore(here)
        specs = inherited + [(here_abs, local)] if local else inherited
        specs_of[dirpath] = specs
        dirnames[:] = sorted(
            d for d in dirnames
            if not d.startswith(".") and not _ignored(f"{here_abs}/{d}", True, specs, excluded, root_str)
        )
        names = [n for n in filenames if not n.startswith(".") and os.path.splitext(n)[1].lower() in FORMATS]
        if names:
            unusual = _not_regular(dirpath)
            names = [n for n in names if n not in unusual]
        for name in sorted(names):
            if not _ignored(f"{here_abs}/{name}", False, specs, excluded, root_str):
                yield here / name


def _not_regular(folder: str) -> set[str]:
    """The names in `folder` that are neither folders nor regular files (nor links to either):
    FIFOs, sockets, devices. The folder's listing tells each entry's type, so this costs no
    system call per file; a link is followed (one that leads nowhere is kept, and reported as
    unreadable when read)."""
    found = set()
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                try:
                    dangling = entry.is_symlink() and not os.path.exists(entry.path)
                    if not (entry.is_file() or entry.is_dir() or dangling):
                        found.add(entry.name)
                except OSError:
                    continue
    except OSError:
        pass
    return found


def _relative(path: str, base: str) -> str | None:
    """`path` relative to the folder `base` (both absolute), or None when it is not inside."""
    if path.startswith(base.rstrip("/") + "/"):
        return path[len(base.rstrip("/")) + 1:]
    return None


# A glob that names a folder and nothing else ("node_modules/", "drafts/"): gitignore matches
# it as a folder of that name at any depth, so its name is all there is to compare.
_FOLDER_NAME = re.compile(r"[^*?\[\]!/\\#\s][^*?\[\]/\\\s]*/")


class _Excluded:
    """The `exclude` globs. Those ending in "/" match folders only, and a folder they match is
    never entered: a file need only be tested against the others (often none, which spares a
    corpus of thousands of files as many pattern tests). When every glob is a plain folder name
    (the defaults are), names are compared and pathspec is not imported at all (15 ms)."""

    def __init__(self, globs: list[str]) -> None:
        self.folder_names: frozenset[str] | None = None
        if all(_FOLDER_NAME.fullmatch(g) for g in globs):
            self.folder_names = frozenset(g[:-1] for g in globs)
            self.files = None
            return
        import pathspec  # slow to import: only for globs that need it

        self.any = pathspec.GitIgnoreSpec.from_lines(globs)
        file_globs = [g for g in globs if not g.rstrip().endswith("/")]
        self.files = pathspec.GitIgnoreSpec.from_lines(file_globs) if file_globs else None

    def match(self, path: str, is_dir: bool) -> bool:
        if is_dir:
            if self.folder_names is not None:
                return path.rpartition("/")[2] in self.folder_names
            return self.any.match_file(path + "/")
        return self.files is not None and self.files.match_file(path)


def _ignored(absolute: str, is_dir: bool, specs, excluded: _Excluded, root: str) -> bool:
    suffix = "/" if is_dir else ""
    for base, spec in specs:
        rel = _relative(absolute, base)
        if rel is not None and spec.match_file(rel + suffix):
            return True
    rel_root = _relative(absolute, root)
    return excluded.match(rel_root if rel_root is not None else absolute, is_dir)


def _read_gitignore(folder: Path) -> pathspec.PathSpec | None:
    try:
        lines = (folder / ".gitignore").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return gitignore_spec(lines)  # a line git would pass over (`foo\`) is left out, not a crash


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
