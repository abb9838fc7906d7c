"""LanguageTool's answers on disk, so that a re-run sends nothing for text it has already sent.

One small JSON file per piece of text, named by a SHA-256 of everything the answer depends on: the
cache format, the server, the language, the rules and categories enabled and disabled, and the
text itself. A file is written under a temporary name and renamed into place, so parallel workers
and interrupted runs never leave half an entry. A cache that cannot be read or written is a
warning, never a failure: the run goes on and asks the server.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

FORMAT = 1  # bump when the stored fields change: old entries are then simply never found


@dataclass(frozen=True)
class StoredMatch:
    """One LanguageTool match, in characters of its piece's text."""

    start: int
    end: int
    rule: str  # LanguageTool's rule id, e.g. EN_A_VS_AN
    category: str  # LanguageTool's category id, e.g. GRAMMAR, TYPOS
    issue: str  # LanguageTool's issue type, e.g. grammar, misspelling
    message: str
    replacements: tuple[str, ...] = ()


class ResultCache:
    def __init__(self, folder: Path, fingerprint: dict, made_by_newslint: Path | None = None) -> None:
        self.folder = folder
        # The folder that, when newslint makes it, gets newslint's CACHEDIR.TAG and .gitignore:
        # the main cache folder the answers live in, so that git never sees them either.
        self._made_by_newslint = made_by_newslint
        self._prepared = False
        self._salt = json.dumps({"format": FORMAT, **fingerprint}, sort_keys=True)
        self.enabled = True
        self.warnings: list[str] = []  # collected here, reported by the caller once per run
        self._warned: set[str] = set()

    def key(self, text: str) -> str:
        return hashlib.sha256(f"{self._salt}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()

    def get(self, key: str) -> list[StoredMatch] | None:
        """The stored matches for `key`, or None when there are none (or they cannot be read)."""
        if not self.enabled:
            return None
        path = self._path(key)
        try:
            data = path.read_text(encoding="utf-8")
        except (FileNotFoundError, NotADirectoryError):
            return None  # not cached yet (or the folder cannot exist: put() will say so)
        except OSError as exc:
            self._give_up(f"cannot read the LanguageTool cache in {self.folder}: {exc.strerror or exc}")
            return None
        try:
            entry = json.loads(data)
            matches = [StoredMatch(**{**m, "replacements": tuple(m["replacements"])}) for m in entry["matches"]]
            if not all(_well_formed(m) for m in matches):
                raise ValueError("damaged entry")
            return matches
        except (ValueError, TypeError, KeyError):
            # A damaged entry is asked for again and overwritten; the rest of the cache is fine.
            self._warn(f"ignored damaged entries of the LanguageTool cache in {self.folder}")
            return None

    def put(self, key: str, matches: list[StoredMatch]) -> None:
        if not self.enabled:
            return
        path = self._path(key)
        data = json.dumps({"matches": [asdict(m) for m in matches]}, ensure_ascii=False)
        try:
            if not self._prepared and self._made_by_newslint is not None:
                from newslint.cache import prepare_folder

                prepare_folder(self._made_by_newslint)
                self._prepared = True
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    handle.write(data)
                os.replace(tmp, path)
            except BaseException:
                os.unlink(tmp)
                raise
        except OSError as exc:
            self._give_up(f"cannot write the LanguageTool cache in {self.folder}: {exc.strerror or exc}")

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key[2:]}.json"  # 256 folders keep each one small

    def _give_up(self, message: str) -> None:
        self.enabled = False
        self._warn(message + "; going on without it")

    def _warn(self, message: str) -> None:
        if message not in self._warned:
            self._warned.add(message)
            self.warnings.append(message)


def _well_formed(m: StoredMatch) -> bool:
    return (isinstance(m.start, int) and isinstance(m.end, int) and 0 <= m.start <= m.end
            and all(isinstance(v, str) for v in (m.rule, m.category, m.issue, m.message, *m.replacements)))
