#!/usr/bin/env python3
"""Speed of the spelling rules: the dictionary, suggestions, and whole runs with many unknown words.

1. Loading: importing pyspellchecker and building its English dictionary (newslint does it at the
   first document the spelling rules see), in a fresh interpreter, median of several runs.
2. Suggestions on random-letter words (seeded), which no known word is near, so every edit is
   tried: newslint's one-edit suggestion (speller.suggest, uncached) against pyspellchecker's
   `correction()` at distance 1 and at its default distance 2 (a small sample: it is slow).
3. Whole runs: the clean articles (default ../shared/data/bbc-news), and the same articles with
   random-letter garbage words injected (seeded, --garbage per 100 words). First in-process, one
   core: the time of the spelling rules alone over documents already read and split (what
   spelling adds to a run), with fresh caches each time. Then the `newslint check` program with
   every default rule, with `--ignore spelling`, and with the spelling rules only; best wall
   time of --repeat runs each, as benchmarks/bench_throughput.py times newslint.
4. If codespell is installed (the `bench` extra), how many of the misspellings in its list the
   spelling rules flag (the rest are words a rule accepts as known or formed from known words).

    python benchmarks/bench_spelling.py [--data DIR] [--limit N] [--garbage G] [--repeat R]

Prints its figures; exits 0 unless its arguments are wrong (it measures, it does not judge).
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newslint import speller  # noqa: E402
from newslint.unknown_words import known_word  # noqa: E402

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def garbage_word(rng: random.Random) -> str:
    return "".join(rng.choice(LETTERS) for _ in range(rng.randint(5, 11)))


def inject(text: str, rng: random.Random, per_hundred: float) -> tuple[str, int]:
    """The text with a garbage word after about `per_hundred` in every 100 words of its body."""
    lines = text.split("\n")
    count = 0
    for i, line in enumerate(lines[1:], start=1):  # the headline stays as it is
        words = line.split(" ")
        out = []
        for word in words:
            out.append(word)
            if word and rng.random() < per_hundred / 100:
                out.append(garbage_word(rng))
                count += 1
        lines[i] = " ".join(out)
    return "\n".join(lines), count


def load_time(runs: int) -> float:
    code = ("import time; t = time.perf_counter(); from spellchecker import SpellChecker; "
            "SpellChecker(language='en', distance=1); print(time.perf_counter() - t)")
    times = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                  check=True).stdout) for _ in range(runs)]
    return statistics.median(times)


def suggestion_speed(rng: random.Random, count: int, slow_count: int) -> None:
    words = [garbage_word(rng) for _ in range(count)]
    speller.dictionary()
    speller._suggestions.clear()
    start = time.perf_counter()
    for word in words:
        speller.suggest(word)
    ours = time.perf_counter() - start
    print(f"  newslint suggest (one edit, uncached): {count / ours:8.0f} words/s ({count} words)")
    from spellchecker import SpellChecker

    for distance, n in ((1, count), (2, slow_count)):
        if n <= 0:
            continue
        checker = SpellChecker(language="en", distance=distance)
        start = time.perf_counter()
        for word in words[:n]:
            checker.correction(word)
        took = time.perf_counter() - start
        print(f"  pyspellchecker correction(), distance {distance}: {n / took:8.1f} words/s ({n} words)")


def rule_seconds(folder: Path, repeat: int) -> tuple[float, int]:
    """Best time of SPL001 and SPL003 over every document of `folder`, and their findings."""
    from newslint import sources, unknown_words
    from newslint.checks.spelling import Misspelling, UnknownWord
    from newslint.rule import Context
    from newslint.sources.decoding import decode

    docs = []
    for path in sorted(folder.rglob("*.txt")):
        docs.extend(sources.load("text", str(path), decode(path.read_bytes()).text,
                                 sources.SourceOptions()).documents)
    for doc in docs:
        doc.sentences  # the other rules split sentences anyway
    rules, ctx = (Misspelling(), UnknownWord()), Context()
    best, found = None, 0
    for _ in range(repeat):
        speller._suggestions.clear()
        unknown_words.known_word.cache_clear()
        start = time.perf_counter()
        found = sum(len(list(rule.check(doc, ctx))) for doc in docs for rule in rules)
        took = time.perf_counter() - start
        best = took if best is None else min(best, took)
    return best, found


def newslint_program() -> str:
    local = Path(sysconfig.get_path("scripts")) / "newslint"
    return str(local) if local.is_file() else "newslint"


def best_time(cmd: list[str], cwd: Path, repeat: int) -> float:
    best = None
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        took = time.perf_counter() - start
        best = took if best is None else min(best, took)
    return best


def codespell_recall() -> None:
    try:
        import codespell_lib
    except ImportError:
        print("  codespell is not installed (pip install -e '.[bench]'): skipped")
        return
    path = Path(codespell_lib.__file__).parent / "data" / "dictionary.txt"
    total = flagged = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        wrong = line.partition("->")[0]
        if not (wrong.isalpha() and wrong.islower() and wrong.isascii()) or speller.is_known(wrong):
            continue  # the dictionary has the word: no spell checker of words can flag it
        total += 1
        flagged += not known_word(wrong)
    print(f"  codespell's misspellings unknown to the dictionary: {total}; flagged: {flagged} "
          f"({flagged / total:.1%}); accepted as known or formed from known words: {total - flagged}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "bbc-news")
    parser.add_argument("--limit", type=int, default=0, help="use only N articles (0: all)")
    parser.add_argument("--garbage", type=float, default=5.0, help="garbage words per 100 words (default 5)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing; the best is kept (default 3)")
    parser.add_argument("--suggest-words", type=int, default=2000)
    parser.add_argument("--slow-words", type=int, default=10,
                        help="words for pyspellchecker at distance 2 (about 5 a second; 0 skips it)")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)

    print("dictionary")
    print(f"  import pyspellchecker and build its English dictionary: {load_time(5) * 1000:.0f} ms "
          "(median of 5 fresh interpreters)")
    print("suggestions for random-letter words")
    suggestion_speed(rng, args.suggest_words, args.slow_words)
    print("typos")
    codespell_recall()

    if not args.data.is_dir():
        print(f"{args.data}: no such folder (the evaluation data is not part of the project); "
              "whole runs skipped")
        return 0
    files = sorted(p for p in args.data.rglob("*.txt") if p.name[0].isdigit())
    if args.limit:
        files = sorted(rng.sample(files, min(args.limit, len(files))))
    exe = newslint_program()
    with tempfile.TemporaryDirectory() as tmp:
        clean, dirty = Path(tmp) / "clean", Path(tmp) / "garbage"
        injected = words = 0
        for path in files:
            text = path.read_bytes().decode("utf-8", "replace")
            rel = path.relative_to(args.data)
            for folder, body in ((clean, text), (dirty, None)):
                if body is None:
                    body, n = inject(text, rng, args.garbage)
                    injected += n
                (folder / rel).parent.mkdir(parents=True, exist_ok=True)
                (folder / rel).write_text(body, encoding="utf-8")
            words += len(text.split())
        size = {f: sum(p.stat().st_size for p in f.rglob("*.txt")) for f in (clean, dirty)}
        print(f"whole runs: {len(files)} articles, {words} words; {injected} garbage words injected "
              f"({args.garbage:g} per 100 words, seed {args.seed}); best of {args.repeat}")
        speller.dictionary()
        print("  in-process, one core: SPL001 and SPL003 alone (caches emptied before each run)")
        for folder in (clean, dirty):
            took, found = rule_seconds(folder, args.repeat)
            print(f"    {folder.name:<9} {took:6.2f} s  {size[folder] / 1e6 / took:6.2f} MB/s  {found} findings")
        print(f"  the newslint program ({newslint_program()}), default --jobs")
        print(f"  {'corpus':<9} {'rules':<26} {'seconds':>8} {'MB/s':>6}")
        base = [exe, "check", "--format", "json", "--exit-zero", "--no-cache"]  # every run lints
        for folder in (clean, dirty):
            for label, extra in (("default, spelling ignored", ["--ignore", "spelling"]),
                                 ("default (with spelling)", []),
                                 ("spelling only", ["--select", "SPL001,SPL003"])):
                took = best_time(base + extra + ["."], folder, args.repeat)
                print(f"  {folder.name:<9} {label:<26} {took:>8.2f} {size[folder] / 1e6 / took:>6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
