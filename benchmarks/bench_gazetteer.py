#!/usr/bin/env python3
"""Load time and memory of the gazetteer (rules/data/gazetteer.dat), against `python -c pass`.

Every figure comes from the same run, so they can be compared: the machine's noise is the same.

1. Start-up, as wall time of whole programs (the median of --runs runs each):
   `python -c pass`; importing newslint.gazetteer; `load()`; `load()` and looking up every
   capitalised word of one small article (FILE, by default the seed article), with a near-miss
   search (rapidfuzz, if installed) for each word the gazetteer does not know; and
   `newslint check FILE` as it stands, and with --without's rules (those that use the
   gazetteer) ignored.
2. Inside one fresh process: the time of `load()`, the memory it takes (tracemalloc peak of
   Python allocations, and growth of the resident set size), then the same for the article's
   lookups, and for the worst case: every block decompressed (`candidates`).

    python benchmarks/bench_gazetteer.py [--file ARTICLE] [--runs 9] [--without NMS002]

Always exits 0 unless its own arguments are wrong: it measures, it does not judge.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = REPO.parent / "shared" / "fixtures" / "seed-article.txt"
FALLBACK = REPO / "examples" / "scraped-ferry.txt"

# Run inside a child process: the work a name rule would do on one article. argv: the article,
# then (JSON) the words an English dictionary does not know; the rule looks only those up.
WORKLOAD = r"""
import json, sys
from newslint.gazetteer import fold, load
try:
    from rapidfuzz import fuzz, process
except ImportError:
    process = None
words = json.loads(sys.argv[2])
gaz = load()
near = []
for word in words:
    if gaz.knows(word) or gaz.has_word(word) or process is None:
        continue
    key = fold(word)
    start, choices = gaz.choices(key, spread=2)
    for _, score, i in process.extract(key, choices, scorer=fuzz.ratio, score_cutoff=85, limit=1):
        near.append((word, gaz.entry(start + i).spelling, round(score)))
"""


def unknown_words(article: Path) -> tuple[list[str], str]:
    """Distinct capitalised words of the article (possessive 's dropped) of 5 letters or more
    that pyspellchecker's English dictionary does not know (all of them without pyspellchecker)."""
    text = article.read_text(encoding="utf-8", errors="replace")
    words = {re.sub(r"[’']s$", "", w) for w in re.findall(r"\b[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*", text)}
    words = {w for w in words if len(w) >= 5}
    try:
        from spellchecker import SpellChecker
    except ImportError:
        return sorted(words), "every capitalised word (pyspellchecker is not installed)"
    english = SpellChecker()
    return sorted(w for w in words if w.lower() not in english), "pyspellchecker's English dictionary"


MEASURE = r"""
import json, os, sys, time, tracemalloc

def rss():
    try:
        import psutil
        return psutil.Process().memory_info().rss
    except ImportError:
        pass
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, AttributeError):
        return None

def step(name, action, out):
    before = rss()
    if TRACE:
        tracemalloc.start()
    start = time.perf_counter()
    result = action()
    seconds = time.perf_counter() - start
    if TRACE:
        out[name] = {"traced_peak_mb": tracemalloc.get_traced_memory()[1] / 1e6}
        tracemalloc.stop()
    else:
        after = rss()
        out[name] = {"ms": seconds * 1000, "rss_delta_mb": None if before is None else (after - before) / 1e6}
    return result

out = {}
# imported before measuring: the CLI imports the registry anyway, and rapidfuzz is the rule's
import newslint.registry
import newslint.gazetteer as gazetteer
try:
    import rapidfuzz.process
except ImportError:
    pass
gaz = step("load()", gazetteer.load, out)
out["forms"] = len(gaz)
out["file_mb"] = os.path.getsize(newslint.registry.builtin_rules_dir() / "data" / gazetteer.DATA_FILE) / 1e6
code = compile(WORKLOAD, "workload", "exec")
env = {"__name__": "workload"}
sys.argv = ["workload", FILE, WORDS]
step("one article's lookups", lambda: exec(code, env), out)
out["lookups"] = len(env["words"])
out["near_misses"] = env["near"]
out["blocks_open"] = len(gaz._names._keys) + len(gaz._names._info) + len(gaz._words._keys)
step("every block (candidates)", lambda: gaz.candidates, out)
print(json.dumps(out))
"""


def measure(article: str, words: str, trace: bool) -> dict | None:
    source = f"FILE, WORDS, TRACE = {article!r}, {words!r}, {trace}\nWORKLOAD = {WORKLOAD!r}\n{MEASURE}"
    proc = subprocess.run([sys.executable, "-c", source], cwd=REPO, capture_output=True, text=True)
    if proc.returncode:
        print(proc.stderr, file=sys.stderr)
        return None
    return json.loads(proc.stdout)


def median_seconds(command: list[str], runs: int) -> float | None:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(command, cwd=REPO, capture_output=True)
        times.append(time.perf_counter() - start)
        if proc.returncode not in (0, 1):
            return None
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--file", type=Path, default=SEED if SEED.is_file() else FALLBACK,
                        help="a small article (default: the seed article, else an example)")
    parser.add_argument("--runs", type=int, default=9, help="runs per start-up timing (median kept)")
    parser.add_argument("--without", metavar="CODES", default="",
                        help="also time `newslint check --ignore CODES`: the rules that use the gazetteer")
    args = parser.parse_args()
    if not args.file.is_file():
        parser.error(f"no such file: {args.file}")
    article = str(args.file.resolve())
    python = sys.executable
    env_path = str(REPO / "src")
    os.environ["PYTHONPATH"] = env_path + os.pathsep + os.environ.get("PYTHONPATH", "")

    unknown, how = unknown_words(args.file)
    words = json.dumps(unknown)
    print(f"article: {args.file} ({args.file.stat().st_size} bytes); python {sys.version.split()[0]}")
    print(f"words looked up: {len(unknown)} capitalised words not in {how}")
    print(f"\nstart-up, median of {args.runs} runs:")
    programs = [
        ("python -c pass", "pass"),
        ("import newslint.registry, .gazetteer", "import newslint.registry, newslint.gazetteer"),
        ("  + load()", "import newslint.registry\nfrom newslint.gazetteer import load\nload()"),
        ("import newslint.registry, rapidfuzz", "import newslint.registry, newslint.gazetteer, rapidfuzz.process"),
        ("  + load() + one article's lookups", f"import newslint.registry\n{WORKLOAD}"),
    ]
    commands = [(label, [python, "-c", code, article, words]) for label, code in programs]
    newslint = shutil.which("newslint", path=str(Path(python).parent)) or shutil.which("newslint")
    if newslint:
        commands.append(("newslint check ARTICLE", [newslint, "check", "--exit-zero", "--no-cache", article]))
        if args.without:
            commands.append((f"  --ignore {args.without}",
                             [newslint, "check", "--exit-zero", "--no-cache", "--ignore", args.without, article]))
    floor = None
    for label, command in commands:
        seconds = median_seconds(command, args.runs)
        if seconds is None:
            print(f"  {label:40} failed")
            continue
        floor = floor or seconds
        print(f"  {label:40} {seconds * 1000:7.1f} ms   {seconds / floor:5.1f}x python -c pass")

    timed, traced = measure(article, words, False), measure(article, words, True)
    if timed is None or traced is None:
        return 0
    print(f"\nin one process ({timed['forms']} name forms, file {timed['file_mb']:.2f} MB; "
          f"newslint.registry and rapidfuzz already imported):")
    for name in ("load()", "one article's lookups", "every block (candidates)"):
        rss = timed[name]["rss_delta_mb"]
        rss = "n/a" if rss is None else f"{rss:5.1f} MB"
        print(f"  {name:26} {timed[name]['ms']:7.1f} ms   RSS +{rss}   "
              f"tracemalloc peak {traced[name]['traced_peak_mb']:5.1f} MB")
    print(f"  the article: {timed['lookups']} words looked up, {timed['blocks_open']} blocks opened; "
          f"near misses: {timed['near_misses'] or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
