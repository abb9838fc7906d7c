"""The grammar stage: LanguageTool over the prose of one file, with the cache in front of it.

One GrammarStage serves a whole run. The engine calls `check` once per file, after the rules,
with the file's documents (a JSON Lines file has many; their paragraphs share requests). With
`--jobs`, every worker process has its own copy and connects on its first cache miss.

When LanguageTool fails, the stage stops asking it for the rest of the run (in that process): one
slow or dead server must not cost a timeout per file. Text already in the cache is still checked.
Each file's report says whether some of its text went unchecked, and why; the command line
prints that once and says in the summary that grammar was not checked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from newslint.document import Document
from newslint.grammar import batching
from newslint.grammar.cache import ResultCache, StoredMatch
from newslint.grammar.duplicates import DISABLED_BY_DEFAULT
from newslint.grammar.settings import LOCAL, LanguageToolSettings

LANGUAGETOOL_FOLDER = "languagetool"  # inside the cache folder


@dataclass(frozen=True)
class GrammarMatch:
    doc: int  # index of the document in its file
    start: int  # offsets in the document's text
    end: int
    match: StoredMatch


@dataclass
class GrammarReport:
    matches: list[GrammarMatch] = field(default_factory=list)
    error: str | None = None  # why some of the file's text was not checked
    warnings: list[str] = field(default_factory=list)  # the cache's troubles


class GrammarStage:
    def __init__(self, settings: LanguageToolSettings, root: Path, extra_enabled: Sequence[str] = (),
                 cache_folder: Path | None = None) -> None:
        self.settings = settings
        self.url = settings.url  # for LOCAL, the real URL once start() has started the server
        # What LanguageTool is asked to check: the user's rules and categories, the LanguageTool
        # rules named in --select/--extend-select, minus our duplicates unless enabled again.
        enabled = sorted({r.upper() for r in (*settings.enabled_rules, *extra_enabled)})
        disabled = sorted((set(DISABLED_BY_DEFAULT) | {r.upper() for r in settings.disabled_rules}) - set(enabled))
        self.options = {
            "enabled_rules": tuple(enabled),
            "disabled_rules": tuple(disabled),
            "enabled_categories": tuple(sorted(c.upper() for c in settings.enabled_categories)),
            "disabled_categories": tuple(sorted(c.upper() for c in settings.disabled_categories)),
        }
        # Answers go to languagetool-cache-dir, else into the run's cache folder (cache-dir, else
        # .newslint_cache under the root), which they share with the file entries and `clean`.
        from newslint.cache import default_folder

        main_folder = cache_folder or default_folder(root)
        folder = settings.cache_dir or (main_folder / LANGUAGETOOL_FOLDER)
        made_by_newslint = settings.cache_dir or main_folder
        # LOCAL, not the port it happens to get, so that local runs share their cache.
        fingerprint = {"server": settings.url, "language": settings.language, **self.options}
        self.cache = ResultCache(folder, fingerprint, made_by_newslint)
        self._client = None
        self._local = None
        self.failure: str | None = None  # set once LanguageTool has failed in this process

    @property
    def where(self) -> str:
        return "the local LanguageTool" if self.settings.url == LOCAL else f"LanguageTool at {self.settings.url}"

    def start(self) -> None:
        """Start a local server, in the main process, before any worker is forked."""
        if self.settings.url != LOCAL or self._local or self.failure:
            return
        from newslint.grammar.client import LanguageToolUnavailable, LocalServer

        try:
            self._local = LocalServer(self.settings.language, self.settings.timeout)
            self.url = self._local.url
        except LanguageToolUnavailable as exc:
            self.failure = f"{self.where}: {exc}"

    def close(self) -> None:
        if self._local is not None:
            self._local.close()
            self._local = None

    def check(self, documents: Sequence[Document]) -> GrammarReport:
        pieces = batching.pieces(documents, self.settings.request_size)
        keys = [self.cache.key(piece.text) for piece in pieces]
        answers: dict[str, list[StoredMatch]] = {}  # cache key -> LanguageTool's matches
        missing: dict[str, batching.Piece] = {}  # cache key -> a piece with that text (sent once)
        for piece, key in zip(pieces, keys):
            if key in answers or key in missing:
                continue
            cached = self.cache.get(key)
            if cached is None:
                missing[key] = piece
            else:
                answers[key] = cached
        if missing:
            answers.update(self._ask(missing))

        report = GrammarReport()
        if any(key not in answers for key in keys):
            report.error = self.failure
        for piece, key in zip(pieces, keys):
            for m in answers.get(key, ()):
                report.matches.append(GrammarMatch(piece.doc, piece.start + m.start, piece.start + m.end, m))
        report.warnings, self.cache.warnings = self.cache.warnings, []
        return report

    def _ask(self, missing: dict[str, batching.Piece]) -> dict[str, list[StoredMatch]]:
        """Send the missing pieces in requests; store and return what comes back, by cache key."""
        answers: dict[str, list[StoredMatch]] = {}
        keys = iter(missing)  # the batches hold the pieces in this same order
        for batch in batching.batches(missing.values(), self.settings.request_size):
            client = self._connected()
            if client is None:
                break
            from newslint.grammar.client import LanguageToolUnavailable  # loaded by _connected

            text, starts = batching.join(batch)
            try:
                answer = client.check(text)
            except LanguageToolUnavailable as exc:
                self.failure = f"{self.where}: {exc}"
                break
            per_piece: list[list[StoredMatch]] = [[] for _ in batch]
            for m in answer:
                place = batching.locate(m.start, m.end, batch, starts)
                if place is not None:
                    j, start, end = place
                    per_piece[j].append(StoredMatch(start, end, m.rule, m.category, m.issue, m.message,
                                                    m.replacements))
            for matches in per_piece:
                key = next(keys)
                answers[key] = matches
                self.cache.put(key, matches)
        return answers

    def _connected(self):
        """The client, connected on first use; None once LanguageTool has failed."""
        if self.failure is not None:
            return None
        if self._client is None:
            from newslint.grammar.client import Client, LanguageToolUnavailable

            try:
                self._client = Client(self.url, self.settings.language, self.settings.timeout, **self.options)
            except LanguageToolUnavailable as exc:
                self.failure = f"{self.where}: {exc}"
        return self._client
