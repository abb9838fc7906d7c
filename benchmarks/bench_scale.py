#!/usr/bin/env python3
"""Scale: newslint's wall time and peak memory as the input grows, and the run-time targets of
issue 7, in one table.

Every figure comes from `newslint check` run as a program, as a user runs it:

- the corpus (default ../shared/data/bbc-news) copied 1x, 4x and 16x (hard links in a temporary
  folder, so the copies cost no disk): time should grow linearly, memory stay flat;
- a 100 MB JSON Lines file of the corpus's articles repeated, and single articles of 1, 5 and
  20 MB (the corpus's paragraphs run together): seconds per MB should stay flat;
- `--jobs 1` against `--jobs 2` on the corpus: throughput ratio;
- the cache: a first run that fills a new cache against a second run over the unchanged corpus;
- one small file (pre-commit) against `python -c "import click"`, with what each part costs
  (imports, rules, word lists, gazetteer, linting) measured inside one process;
- throughput on the corpus against proselint, textlint with write-good and codespell, timed as
  bench_throughput.py times them (which installs the peers that are missing, unless
  --no-install).

Peak memory is measured two ways while the run goes on, by reading /proc every 20 ms: the sum of
the proportional set size (PSS: shared pages divided among the processes that share them) over
newslint and all its worker processes, and the largest resident set (RSS) of any one of them
(from wait4, exact). Inputs are built in a temporary folder that is removed at the end; nothing
of the corpus is printed.

    python benchmarks/bench_scale.py                    # everything (about 10 minutes on 2 cores)
    python benchmarks/bench_scale.py --quick            # smaller inputs, for a first look
    python benchmarks/bench_scale.py --only corpus,cache --copies 1,4

Runs on Linux (it reads /proc); elsewhere memory shows as "-". Exits 0 whatever it measures.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from runenv import clean_env  # benchmarks/ is the script's own folder

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "bbc-news"
SECTIONS = ("peers", "corpus", "jsonl", "article", "jobs", "cache", "small")
# Issue 7's throughput targets against the peers bench_throughput.py times: newslint at least
# this many times as fast (a ratio below 1: at most that many times slower).
PEER_TARGETS = {"proselint": 10.0, "textlint": 3.0, "codespell": 0.5}


# -- running newslint and watching its memory ---------------------------------------------------
@dataclass
class Run:
    seconds: float
    code: int
    stdout: str
    max_rss_mb: float | None  # the largest single process (wait4)
    peak_pss_mb: float | None  # the whole process tree, sampled
    cpu: float = 0.0  # user + system seconds of newslint and its workers


def newslint_exe() -> str:
    local = Path(sysconfig.get_path("scripts")) / "newslint"
    return str(local) if local.is_file() else (shutil.which("newslint") or "newslint")


def _children(pid: int) -> list[int]:
    found = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                found.extend(int(c) for c in f.read().split())
    except OSError:
        pass
    return found


def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(_children(p))
    return out


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run(cmd: list[str], cwd: Path | None = None, sample: bool = True) -> Run:
    output = tempfile.TemporaryFile()  # a file, not a pipe: a big report must not block the run
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=clean_env(), stdin=subprocess.DEVNULL, stdout=output,
                            stderr=subprocess.DEVNULL)
    peak = 0
    can_sample = sample and os.path.isdir("/proc/self")
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if can_sample:
            peak = max(peak, sum(_pss_kb(p) for p in _tree(proc.pid)))
        time.sleep(0.02)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    output.seek(0)
    out = output.read().decode("utf-8", "replace")
    output.close()
    return Run(seconds, proc.returncode, out, usage.ru_maxrss / 1024 if usage.ru_maxrss else None,
               peak / 1024 if peak else None, usage.ru_utime + usage.ru_stime)


def check(args: list[str], cwd: Path | None = None, sample: bool = True) -> Run:
    result = run([newslint_exe(), "check", "--format", "json", "--exit-zero", *args], cwd, sample)
    if result.code != 0:
        raise SystemExit(f"newslint {' '.join(args)} exited {result.code}")
    return result


def findings(result: Run) -> int:
    try:
        return len(json.loads(result.stdout))
    except ValueError:
        return -1


# -- inputs -------------------------------------------------------------------------------------
def corpus_files(data: Path) -> list[Path]:
    """The files newslint reads in the corpus folder (by its table of endings)."""
    from newslint.sources import FORMATS

    return sorted(p for p in data.rglob("*") if p.is_file() and p.suffix.lower() in FORMATS
                  and not any(part.startswith(".") for part in p.relative_to(data).parts))


def copies(data: Path, n: int, into: Path) -> Path:
    """n copies of the corpus side by side, as hard links (real copies where links fail)."""
    top = into / f"corpus-x{n}"
    for i in range(n):
        dest = top / f"copy{i:02}"
        for src in corpus_files(data):
            target = dest / src.relative_to(data)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(src, target)
            except OSError:
                shutil.copyfile(src, target)
    return top


def articles(data: Path) -> list[str]:
    out = []
    for path in corpus_files(data):
        try:
            out.append(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            continue
    return out


def jsonl_file(texts: list[str], mb: float, into: Path) -> Path:
    path = into / f"articles-{mb:g}mb.jsonl"
    size, i = 0, 0
    with open(path, "w", encoding="utf-8") as f:
        while size < mb * 1e6:
            line = json.dumps({"id": i, "text": texts[i % len(texts)]}) + "\n"
            f.write(line)
            size += len(line.encode("utf-8"))
            i += 1
    return path


def long_article(texts: list[str], mb: float, into: Path) -> Path:
    """One article of `mb` MB: the corpus's articles' paragraphs run together (headlines left out)."""
    path = into / f"article-{mb:g}mb.txt"
    size, i = 0, 0
    with open(path, "w", encoding="utf-8") as f:
        while size < mb * 1e6:
            body = texts[i % len(texts)].split("\n", 1)[-1].strip() + "\n\n"
            f.write(body)
            size += len(body.encode("utf-8"))
            i += 1
    return path


def size_mb(path: Path) -> float:
    """The MB newslint reads: the file, or the files of the folder it lints (not, say, a cache
    folder or a README left in it)."""
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(p.stat().st_size for p in corpus_files(path)) / 1e6


# -- the table ----------------------------------------------------------------------------------
@dataclass
class Row:
    case: str
    mb: float | None = None
    files: int | None = None
    run: Run | None = None
    seconds: float | None = None  # when not from `run` (a median)
    note: str = ""
    extra: list[str] = field(default_factory=list)

    @property
    def secs(self) -> float | None:
        return self.seconds if self.seconds is not None else (self.run.seconds if self.run else None)


def fmt(value: float | None, spec: str) -> str:
    width = int(spec.split(".")[0].rstrip("df") or 0)
    return "-".rjust(width) if value is None else format(value, spec)


def print_table(rows: list[Row]) -> None:
    header = (f"{'case':<34} {'input MB':>9} {'files':>6} {'seconds':>8} {'cpu s':>7} {'MB/s':>6} {'s/MB':>6} "
              f"{'peak MB':>8} {'max RSS':>8}  vs target")
    print(header)
    print("-" * len(header))
    for r in rows:
        secs = r.secs
        mbps = r.mb / secs if r.mb and secs else None
        spmb = secs / r.mb if r.mb and secs else None
        pss = r.run.peak_pss_mb if r.run else None
        rss = r.run.max_rss_mb if r.run else None
        cpu = r.run.cpu if r.run else None
        print(f"{r.case:<34} {fmt(r.mb, '9.1f')} {fmt(r.files, '6d')} {fmt(secs, '8.2f')} {fmt(cpu, '7.2f')} "
              f"{fmt(mbps, '6.2f')} {fmt(spmb, '6.3f')} {fmt(pss, '8.0f')} {fmt(rss, '8.0f')}  {r.note}")
        for line in r.extra:
            print(f"  {line}")
    print("(seconds: wall time; cpu s: user + system time of newslint and its workers; peak MB: summed "
          "PSS of newslint and its workers, sampled every 20 ms; max RSS: the largest single process; "
          "s/MB: seconds per MB of input)")


# -- the sections -------------------------------------------------------------------------------
def section_peers(data: Path, install: bool) -> list[Row]:
    """Throughput on the corpus against the peer linters, timed as bench_throughput.py times them
    (best of 3, every file name on one command line), with the targets of PEER_TARGETS."""
    import bench_throughput as peers

    tools = peers.ensure_peers(list(peers.TOOLS), install)
    files = peers.article_files(data, None)
    names = [str(p.relative_to(data)) for p in files]
    mb = sum(p.stat().st_size for p in files) / 1e6
    timed = {tool: peers.measure(tool, names, data, 3) for tool in tools}
    ours = timed.get("newslint")
    rows = []
    for tool, result in timed.items():
        run = None if result.seconds is None else Run(result.seconds, 0, "", None, None, result.cpu or 0.0)
        row = Row(f"throughput: {tool} (best of 3)", mb, len(files), run, note=result.error or "")
        target = PEER_TARGETS.get(tool)
        if target and run and ours and ours.seconds:
            speed = result.seconds / ours.seconds
            met = speed >= target
            said = (f"newslint {speed:.2f}x as fast" if speed >= 1 else f"newslint {1 / speed:.2f}x slower")
            goal = f">= {target:g}x as fast" if target >= 1 else f"<= {1 / target:g}x slower"
            row.note = f"{said} (target {goal}): {'ok' if met else 'UNDER' if target >= 1 else 'OVER'}"
        rows.append(row)
    return rows


def section_corpus(data: Path, work: Path, counts: list[int]) -> list[Row]:
    rows = []
    base: Row | None = None
    for n in counts:
        top = copies(data, n, work)
        files = len(corpus_files(top))
        result = check(["--no-cache", str(top)])
        row = Row(f"corpus x{n} (--no-cache)", size_mb(top), files, result)
        if base is None:
            base = row
            row.note = f"{findings(result)} findings; peak <= 300 MB at x1: {'ok' if (result.peak_pss_mb or 0) <= 300 else 'OVER'}"
        else:
            time_ratio = result.seconds / base.run.seconds
            mem_ratio = (result.peak_pss_mb or 0) / (base.run.peak_pss_mb or 1)
            row.note = (f"time {time_ratio:.1f}x for {n}x input ({time_ratio / n:.2f} per copy), "
                        f"memory {mem_ratio:.2f}x of x1")
        rows.append(row)
        shutil.rmtree(top)
    return rows


def section_jsonl(texts: list[str], work: Path, mb: float, reference: float | None) -> list[Row]:
    """The file of `mb` MB, and one a tenth its size first: seconds per MB must stay flat
    between them (a step that grows with the record's place in the file would not)."""
    rows, small_spmb = [], None
    for size in (mb / 10, mb):
        path = jsonl_file(texts, size, work)
        result = check(["--no-cache", str(path)])
        row = Row(f"JSON Lines {size:g} MB (one file)", size_mb(path), 1, result)
        spmb = result.seconds / row.mb
        row.note = f"{findings(result)} findings"
        if small_spmb is None:
            small_spmb = spmb
            row.note += "; s/MB reference for JSON Lines"
        else:
            ratio = spmb / small_spmb
            row.note += f"; s/MB {ratio:.2f}x the {size / 10:g} MB file's (target <= 2x): {'ok' if ratio <= 2 else 'OVER'}"
        if reference:
            row.note += f"; {spmb / reference:.2f}x the 1 MB article's"
        rows.append(row)
        if size == mb:
            # The default run cuts the file into pieces for the workers (pieces.py); one process
            # lints it whole.
            whole = check(["--no-cache", "--jobs", "1", str(path)])
            same = "same findings" if whole.stdout == result.stdout else "FINDINGS DIFFER"
            rows.append(Row(f"JSON Lines {size:g} MB, --jobs 1", row.mb, 1, whole,
                            note=f"linted whole by one process; the default run above is "
                                 f"{whole.seconds / result.seconds:.2f}x as fast; {same}"))
        path.unlink()
    return rows


def section_articles(texts: list[str], work: Path, sizes: list[float]) -> tuple[list[Row], float | None]:
    rows, first = [], None
    for mb in sizes:
        path = long_article(texts, mb, work)
        result = check(["--no-cache", str(path)])
        row = Row(f"one article of {mb:g} MB", size_mb(path), 1, result)
        spmb = result.seconds / row.mb
        if first is None:
            first = spmb
            row.note = "s/MB reference"
        else:
            ratio = spmb / first
            row.note = f"s/MB {ratio:.2f}x the {sizes[0]:g} MB one (target <= 2x): {'ok' if ratio <= 2 else 'OVER'}"
        rows.append(row)
        path.unlink()
    return rows, first


def best(args: list[str], times: int) -> Run:
    """The fastest of several runs (a shared machine is noisy; the best is the least disturbed)."""
    return min((check(args) for _ in range(times)), key=lambda r: r.seconds)


def section_jobs(data: Path) -> list[Row]:
    ones, twos = [], []
    # Timed without the memory sampler (the corpus rows give the memory). Its reads of
    # /proc/PID/smaps_rollup cost about 0.7 ms per 150 MB process, some 5-10 % of a core: taken
    # from the two workers of --jobs 2 on a two-core machine, from an idle core for --jobs 1.
    for _ in range(3):  # alternated, so that a busy spell of the machine hits both alike
        ones.append(check(["--no-cache", "--jobs", "1", str(data)], sample=False))
        twos.append(check(["--no-cache", "--jobs", "2", str(data)], sample=False))
    one, two = (min(runs, key=lambda r: r.seconds) for runs in (ones, twos))
    mb, files = size_mb(data), len(corpus_files(data))
    ratio = one.seconds / two.seconds
    same = "same findings" if one.stdout == two.stdout else "FINDINGS DIFFER"
    return [Row("corpus --jobs 1 (best of 3)", mb, files, one),
            Row("corpus --jobs 2 (best of 3)", mb, files, two,
                note=f"throughput {ratio:.2f}x of --jobs 1 (target >= 1.7x): {'ok' if ratio >= 1.7 else 'UNDER'}; "
                     f"{two.cpu / one.cpu:.2f}x its CPU; {same}")]


def section_cache(data: Path, work: Path) -> list[Row]:
    colds = []
    for i in range(2):  # each into a new cache folder
        folder = work / f"cache{i}"
        colds.append(check(["--cache-dir", str(folder), str(data)]))
    cold = min(colds, key=lambda r: r.seconds)
    warm = best(["--cache-dir", str(folder), str(data)], 3)
    mb, files = size_mb(data), len(corpus_files(data))
    share = warm.seconds / cold.seconds
    cache_mb = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6
    cache_files = sum(1 for p in folder.rglob("*") if p.is_file())
    same = "same findings" if cold.stdout == warm.stdout else "FINDINGS DIFFER"
    return [Row("corpus, cache cold (best of 2)", mb, files, cold,
                note=f"fills a new cache: {cache_files} files, {cache_mb:.1f} MB"),
            Row("corpus, cache warm (best of 3)", mb, files, warm,
                note=f"{100 * share:.1f} % of the cold run (target <= 10 %): {'ok' if share <= 0.10 else 'OVER'}; {same}")]


COMPONENTS = r'''
import json, sys, time
from pathlib import Path
t = time.perf_counter
out = {}
a = t(); import click; out["import click"] = t() - a
a = t(); import newslint.cli; out["import newslint.cli (beyond click)"] = t() - a
from newslint.config import Settings
from newslint.engine import make_plan, lint_file
a = t(); plan = make_plan(Settings()); out["rules: Python rules and rule packs (make_plan)"] = t() - a
from newslint import lexicons
for name in ("english-words", "lowercase-nouns", "nouns", "finite-verbs", "adjectives", "mostly-verbs"):
    a = t(); lexicons.word_list(name); out[f"word list {name}"] = t() - a
a = t(); lexicons.word_frequencies("common-words"); out["word frequencies common-words"] = t() - a
a = t(); from newslint import gazetteer; g = gazetteer.load(); out["gazetteer load"] = t() - a
a = t(); g.knows("Geneva"); g.knows("Tbilisi"); out["gazetteer: two lookups"] = t() - a
a = t(); lint_file(Path(sys.argv[1]), "x", plan); out["lint the file (data above loaded)"] = t() - a
print(json.dumps(out))
'''


def section_small(data: Path, work: Path, runs: int) -> list[Row]:
    files = corpus_files(data)
    one = sorted(files, key=lambda p: (p.stat().st_size, str(p)))[len(files) // 2]
    text = one.read_bytes()
    changed = work / "small" / one.name  # a copy, edited before every run: pre-commit lints changed files
    changed.parent.mkdir(parents=True, exist_ok=True)
    cache = ["--cache-dir", str(work / "small-cache")]
    check(["--no-cache", str(one)], sample=False)  # writes .pyc files of a checkout, if any
    changed.write_bytes(text)
    check([*cache, str(changed)], sample=False)  # fills the cache's store of compiled regexes
    # Interleaved, so that a busy moment of the machine hits all alike.
    times: dict[str, list[float]] = {"cache": [], "no-cache": [], "click": [], "pass": []}
    for i in range(runs):
        changed.write_bytes(text + b"\n" * (i + 1))
        times["cache"].append(check([*cache, str(changed)], sample=False).seconds)
        times["no-cache"].append(check(["--no-cache", str(one)], sample=False).seconds)
        times["click"].append(run([sys.executable, "-c", "import click"], sample=False).seconds)
        times["pass"].append(run([sys.executable, "-c", "pass"], sample=False).seconds)
    nl, bare_nl, click, bare = (statistics.median(times[k]) for k in ("cache", "no-cache", "click", "pass"))
    parts = subprocess.run([sys.executable, "-c", COMPONENTS, str(one)], env=clean_env(), capture_output=True,
                           text=True)
    extra = []
    try:
        for name, seconds in json.loads(parts.stdout).items():
            extra.append(f"  {name:<52} {seconds * 1000:7.1f} ms")
    except ValueError:
        extra.append(f"  (component timings failed: {parts.stderr.strip().splitlines()[-1:]})")

    def verdict(seconds: float) -> str:
        ratio = seconds / click
        return f"{ratio:.1f}x python -c 'import click' (target <= 3x): {'ok' if ratio <= 3 else 'OVER'}"

    return [
        Row(f"one small file, {len(text)} bytes, edited", None, 1, seconds=nl,
            note=f"median of {runs}; as pre-commit runs it (cache on, the file changed); {verdict(nl)}"),
        Row("the same file, --no-cache", None, 1, seconds=bare_nl,
            note=f"no store of compiled regexes either; {verdict(bare_nl)}"),
        Row('python -c "import click"', seconds=click, note=f"median of {runs}, interleaved with the above"),
        Row('python -c "pass"', seconds=bare,
            extra=["in one process, first use of each, no cache (word lists and the gazetteer load on first",
                   "use, only for the rules that need them; a lint of one file pays for those its rules touch):",
                   *extra]),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the corpus (default: ../shared/data/bbc-news)")
    parser.add_argument("--copies", default="1,4,16", help="corpus copies to time (default: 1,4,16)")
    parser.add_argument("--jsonl-mb", type=float, default=100, help="size of the JSON Lines file (default: 100)")
    parser.add_argument("--article-mb", default="1,5,20", help="sizes of the single articles (default: 1,5,20)")
    parser.add_argument("--small-runs", type=int, default=9, help="runs for the small-file medians (default: 9)")
    parser.add_argument("--only", help=f"comma-separated sections: {','.join(SECTIONS)} (default: all)")
    parser.add_argument("--quick", action="store_true", help="copies 1,2,4; JSON Lines 10 MB; articles 0.5,1,2 MB")
    parser.add_argument("--tmp", type=Path, help="where to build the inputs (default: the system's temporary folder)")
    parser.add_argument("--no-install", action="store_true",
                        help="peers: leave out a peer that is not installed instead of installing it (pip, npm)")
    args = parser.parse_args(argv)
    if args.quick:
        args.copies, args.jsonl_mb, args.article_mb = "1,2,4", 10, "0.5,1,2"
    sections = set(args.only.split(",")) if args.only else set(SECTIONS)
    unknown = sections - set(SECTIONS)
    if unknown:
        parser.error(f"unknown sections: {', '.join(sorted(unknown))}")
    data = args.data.resolve()
    if not data.is_dir():
        print(f"no corpus at {data}: pass --data DIR", file=sys.stderr)
        return 0
    version = subprocess.run([newslint_exe(), "--version"], capture_output=True, text=True).stdout.strip()
    print(f"{version}; python {sys.version.split()[0]}; {os.cpu_count()} cores; corpus {data} "
          f"({len(corpus_files(data))} files, {size_mb(data):.1f} MB)", flush=True)

    start_load = os.getloadavg()
    rows: list[Row] = []
    texts = articles(data) if sections & {"jsonl", "article"} else []
    with tempfile.TemporaryDirectory(prefix="newslint-scale-", dir=args.tmp) as tmp:
        work = Path(tmp)
        if "peers" in sections:
            rows += section_peers(data, install=not args.no_install)
            print("  peers done", flush=True)
        if "corpus" in sections:
            rows += section_corpus(data, work, [int(n) for n in args.copies.split(",")])
            print("  corpus done", flush=True)
        reference = None
        if "article" in sections:
            article_rows, reference = section_articles(texts, work, [float(m) for m in args.article_mb.split(",")])
            print("  articles done", flush=True)
        if "jsonl" in sections:
            rows += section_jsonl(texts, work, args.jsonl_mb, reference)
            print("  JSON Lines done", flush=True)
        if "article" in sections:
            rows += article_rows
        if "jobs" in sections:
            rows += section_jobs(data)
            print("  jobs done", flush=True)
        if "cache" in sections:
            rows += section_cache(data, work)
            print("  cache done", flush=True)
        if "small" in sections:
            rows += section_small(data, work, args.small_runs)
    print()
    print_table(rows)
    print(f"load average (1, 5, 15 min) at the end: {', '.join(f'{x:.2f}' for x in os.getloadavg())} "
          f"on {os.cpu_count()} cores; at the start: {', '.join(f'{x:.2f}' for x in start_load)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
