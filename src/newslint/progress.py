"""A progress line on standard error for long runs on a terminal: files done, findings so far.

It appears only after about a second (a quick run never flickers), is redrawn at most ten times
a second, and is wiped before the report is printed. `wanted()` decides whether a run gets one.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Mapping, TextIO

from newslint.engine import FileResult

# Formats read by programs: a progress line would only be noise in their logs.
MACHINE_FORMATS = frozenset({"json", "sarif", "github", "junit"})
DELAY = 1.0  # seconds before the line first appears
INTERVAL = 0.1  # seconds between redraws
WIDTH = 24  # characters of the bar itself


def wanted(stderr_is_tty: bool, env: Mapping[str, str], output_format: str, quiet: bool) -> bool:
    """Whether to show progress: on a terminal, outside CI, for people's formats, unless --quiet."""
    return stderr_is_tty and not env.get("CI") and output_format not in MACHINE_FORMATS and not quiet


class Progress:
    """Call `update` with each FileResult (and `part` as a big file gets on), then `close`."""

    def __init__(self, total: int, stream: TextIO | None = None, clock=time.monotonic) -> None:
        self.total = total
        self.stream = stream or sys.stderr
        self.clock = clock
        self.start = clock()
        self.last_draw: float | None = None
        self.done = 0
        self.findings = 0
        # How far the next file has got, and its findings so far: a big JSON Lines file (one
        # file of a million records would otherwise show nothing until it is done).
        self.fraction = 0.0
        self.part_findings = 0

    def update(self, result: FileResult) -> None:
        self.done += 1
        self.findings += len(result.findings)
        self.fraction, self.part_findings = 0.0, 0
        self._redraw()

    def part(self, fraction: float, findings: int) -> None:
        """The next file is `fraction` done, with `findings` so far (engine.OnPart)."""
        self.fraction, self.part_findings = fraction, findings
        self._redraw()

    def _redraw(self) -> None:
        now = self.clock()
        if now - self.start < DELAY or (self.last_draw is not None and now - self.last_draw < INTERVAL):
            return
        self.last_draw = now
        self._draw(self.line())

    def line(self) -> str:
        filled = int(WIDTH * (self.done + self.fraction) // max(self.total, 1))
        bar = "#" * filled + "-" * (WIDTH - filled)
        findings = self.findings + self.part_findings
        found = f"{findings} finding{'s' if findings != 1 else ''}"
        within = f" ({self.fraction:.0%} of the next)" if self.fraction else ""
        return f"[{bar}] {self.done}/{self.total} files{within}, {found} so far"

    def close(self) -> None:
        """Wipe the line, if it was ever drawn, so that the report starts on a clean line."""
        if self.last_draw is not None:
            self._draw("")
            self.last_draw = None

    def _draw(self, text: str) -> None:
        width = _columns() - 1
        self.stream.write("\r" + text[:width].ljust(width) + ("\r" if not text else ""))
        self.stream.flush()


def _columns() -> int:
    try:
        return os.get_terminal_size(sys.stderr.fileno()).columns
    except (OSError, ValueError):
        return 80
