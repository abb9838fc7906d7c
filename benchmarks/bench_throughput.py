#!/usr/bin/env python3
"""Throughput of newslint against peer prose linters: proselint, codespell and textlint.

Every tool is run as its command-line program, once per repeat, over the same list of files
(by default every file newslint reads under ../shared/data/bbc-news, seen from the repository
root), and the best wall time of the repeats is kept, since a machine is noisy. It prints one
table: tool, seconds, CPU seconds, MB/s, the ratio of newslint's time to the tool's, and how
many findings each printed. Then it times one small file: `newslint check` on one article
(the median-sized file) against `python -c "import click"` (the floor for any click program)
and `python -c pass`, the median of several runs each.

    python benchmarks/bench_throughput.py                      # all files, 3 repeats
    python benchmarks/bench_throughput.py --limit 200 --repeat 5
    python benchmarks/bench_throughput.py --data path/to/articles --tools newslint,codespell

Peers missing from the running environment are installed, unless --no-install is given, in
which case they are left out: proselint and codespell from PyPI with pip (the `bench` extra:
pip install -e ".[bench]"), textlint with its write-good rule from npm into a folder outside the
repository (--npm-dir, default ~/.cache/newslint-bench/npm). Always exits 0 unless its own
arguments are wrong: it measures, it does not judge.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from runenv import clean_env  # benchmarks/ is the script's own folder

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "bbc-news"
TOOLS = ("newslint", "proselint", "codespell", "textlint")
# The module each peer is installed as, and its PyPI name.
PEERS = {"proselint": ("proselint", "proselint"), "codespell": ("codespell_lib", "codespell")}
# Peers from npm, pinned so that runs compare alike, and the folder they are installed in.
NPM_PEERS = {"textlint": ["textlint@15.8.0", "textlint-rule-write-good@2.0.0"]}
DEFAULT_NPM_DIR = Path.home() / ".cache" / "newslint-bench" / "npm"
NPM_DIR = DEFAULT_NPM_DIR  # set from --npm-dir


# The rules newslint had before the truncation and fragment rules (issue 3) were added, and the
# variants that show what those rules cost: without them, and the earlier rule set with and
# without them.
ISSUE_2_RULES = "RES001,RES010,RES020,MTA301"
DEFAULT_VARIANTS = [
    "--ignore truncation,fragment",
    f"--select {ISSUE_2_RULES}",
    f"--select {ISSUE_2_RULES},truncation,fragment",
]


@dataclass
class Result:
    tool: str
    seconds: float | None = None  # best wall time
    cpu: float | None = None  # user + system CPU time of the child in the best run
    findings: int | None = None
    error: str | None = None


def scripts_dir() -> Path:
    return Path(sysconfig.get_path("scripts"))


def program(name: str) -> str | None:
    """The console script NAME of the running environment (or the npm folder), else the one on PATH."""
    suffix = ".exe" if os.name == "nt" else ""
    if name in NPM_PEERS:
        local = NPM_DIR / "node_modules" / ".bin" / name
        return str(local) if local.is_file() else None
    local = scripts_dir() / f"{name}{suffix}"
    if local.is_file():
        return str(local)
    return shutil.which(name)


def ensure_peers(tools: list[str], install: bool) -> list[str]:
    """The tools that can run; installs missing peers with pip unless install is False."""
    missing = [t for t in tools if t in PEERS and importlib.util.find_spec(PEERS[t][0]) is None]
    if missing and install:
        names = [PEERS[t][1] for t in missing]
        print(f"installing {', '.join(names)} from PyPI into {sys.prefix} ...", flush=True)
        proc = subprocess.run([sys.executable, "-m", "pip", "install", "-q", *names],
                              stdin=subprocess.DEVNULL)
        if proc.returncode != 0:
            print("pip install failed; the missing tools are left out", file=sys.stderr)
        importlib.invalidate_caches()
    for tool in tools:
        if tool in NPM_PEERS and program(tool) is None and install:
            install_npm_peer(tool)
    usable = []
    for tool in tools:
        if program(tool) is None:
            print(f"{tool}: not installed, left out", file=sys.stderr)
        else:
            usable.append(tool)
    return usable


def install_npm_peer(tool: str) -> None:
    """npm install TOOL's pinned packages into NPM_DIR; on failure the tool is left out."""
    npm = shutil.which("npm")
    if npm is None:
        print(f"{tool}: npm not found", file=sys.stderr)
        return
    NPM_DIR.mkdir(parents=True, exist_ok=True)
    if not (NPM_DIR / "package.json").exists():
        (NPM_DIR / "package.json").write_text('{"private": true}\n')
    print(f"installing {', '.join(NPM_PEERS[tool])} from npm into {NPM_DIR} ...", flush=True)
    proc = subprocess.run([npm, "install", "--no-audit", "--no-fund", "--silent", *NPM_PEERS[tool]],
                          cwd=NPM_DIR, stdin=subprocess.DEVNULL)
    if proc.returncode != 0:
        print(f"npm install of {tool} failed", file=sys.stderr)


def article_files(data: Path, limit: int | None) -> list[Path]:
    """The files newslint reads under DATA (by its table of endings), sorted; a spread-out subset
    of LIMIT files when asked, so that every sub-folder is represented."""
    from newslint.sources import FORMATS

    files = sorted(p for p in data.rglob("*")
                   if p.is_file() and p.suffix.lower() in FORMATS
                   and not any(part.startswith(".") for part in p.relative_to(data).parts))
    if limit is not None and 0 < limit < len(files):
        step = len(files) / limit
        files = [files[int(i * step)] for i in range(limit)]
    return files


def proselint_command(exe: str) -> list[str]:
    """proselint >= 0.16 lints with `proselint check PATHS`; older releases with `proselint PATHS`."""
    help_text = subprocess.run([exe, "--help"], capture_output=True, text=True,
                               stdin=subprocess.DEVNULL).stdout
    return [exe, "check"] if "check" in help_text.split("commands:")[-1] else [exe]


def command(tool: str) -> tuple[list[str], set[int]]:
    """The command line before the file names, and the exit codes that mean 'ran fine'."""
    exe = program(tool)
    assert exe is not None
    if tool == "newslint":
        return [exe, "check", "--format", "json", "--exit-zero", "--no-cache"], {0}  # every run lints
    if tool == "proselint":
        return proselint_command(exe), {0, 1}  # 1: it found something
    if tool == "codespell":
        return [exe], {0, 65}  # 65: it found misspellings
    if tool == "textlint":
        # One line per problem; 1: it found something.
        return [exe, "--rule", "write-good", "--format", "unix"], {0, 1}
    raise ValueError(tool)


def count_findings(tool: str, output: str) -> int | None:
    if tool == "newslint":
        try:
            return len(json.loads(output))
        except ValueError:
            return None
    if tool == "textlint":  # its last line counts the problems: not one itself
        return sum(1 for line in output.splitlines() if ": " in line and "[" in line)
    return sum(1 for line in output.splitlines() if line.strip())


def run_once(cmd: list[str], cwd: Path) -> tuple[float, float, int, str, str]:
    """(wall seconds, child CPU seconds, exit code, stdout, stderr)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run(cmd, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=clean_env())
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        out.seek(0)
        err.seek(0)
        return (wall, cpu, proc.returncode, out.read().decode("utf-8", "replace"),
                err.read().decode("utf-8", "replace"))


def measure(tool: str, names: list[str], cwd: Path, repeat: int, extra: list[str] | None = None) -> Result:
    """Best of REPEAT runs of TOOL over the files; EXTRA: more newslint options (a variant)."""
    result = Result(tool if not extra else f"newslint {' '.join(extra)}")
    cmd, ok = command(tool)
    cmd = cmd + (extra or [])
    for i in range(repeat):
        wall, cpu, code, out, err = run_once(cmd + names, cwd)
        if code not in ok:
            result.error = f"exit {code}: {(err or out).strip().splitlines()[-1:] or ''}"
            return result
        if result.seconds is None or wall < result.seconds:
            result.seconds, result.cpu = wall, cpu
            result.findings = count_findings(tool, out)
        print(f"  {tool} run {i + 1}/{repeat}: {wall:.2f} s", flush=True)
    return result


def median_wall(cmd: list[str], cwd: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        wall, _cpu, _code, _out, _err = run_once(cmd, cwd)
        times.append(wall)
    return statistics.median(times)


def human_mb(n: int) -> str:
    return f"{n / 1e6:.2f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help="folder of articles (default: ../shared/data/bbc-news from the repository root)")
    parser.add_argument("--limit", type=int, default=None, metavar="N",
                        help="use N files spread over the folder, for every tool (default: all)")
    parser.add_argument("--repeat", type=int, default=3, metavar="R",
                        help="runs per tool; the best is kept (default: 3)")
    parser.add_argument("--small-runs", type=int, default=9, metavar="N",
                        help="runs for the one-file timing; the median is kept (default: 9)")
    parser.add_argument("--tools", default=",".join(TOOLS),
                        help=f"comma-separated tools to time (default: {','.join(TOOLS)})")
    parser.add_argument("--variant", action="append", metavar="OPTIONS",
                        help="also time newslint with these options (repeatable), e.g. "
                             "--variant='--ignore truncation,fragment'; default: the two variants "
                             "that show what the truncation and fragment rules cost (see below)")
    parser.add_argument("--no-variants", action="store_true", help="time no newslint variants")
    parser.add_argument("--no-install", action="store_true",
                        help="leave out missing peers instead of installing them (pip, npm)")
    parser.add_argument("--npm-dir", type=Path, default=DEFAULT_NPM_DIR,
                        help=f"folder for the npm peers (default: {DEFAULT_NPM_DIR})")
    args = parser.parse_args(argv)
    global NPM_DIR
    NPM_DIR = args.npm_dir.expanduser().resolve()

    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    unknown = [t for t in tools if t not in TOOLS]
    if unknown:
        parser.error(f"unknown tools: {', '.join(unknown)} (known: {', '.join(TOOLS)})")
    if args.repeat < 1 or args.small_runs < 1:
        parser.error("--repeat and --small-runs must be at least 1")
    data = args.data.resolve()
    if not data.is_dir():
        print(f"no data folder at {data}: pass --data DIR", file=sys.stderr)
        return 0
    files = article_files(data, args.limit)
    if not files:
        print(f"no files newslint reads under {data}", file=sys.stderr)
        return 0
    tools = ensure_peers(tools, install=not args.no_install)
    names = [str(p.relative_to(data)) for p in files]
    total = sum(p.stat().st_size for p in files)

    versions = {}
    for tool in tools:
        proc = subprocess.run([program(tool), "--version"] if tool != "proselint"
                              else [program(tool), "version"],
                              capture_output=True, text=True, stdin=subprocess.DEVNULL)
        versions[tool] = (proc.stdout or proc.stderr).strip().splitlines()[-1:] or ["?"]
    print(f"data: {data}")
    print(f"files: {len(files)} ({human_mb(total)}); repeats: {args.repeat}; "
          f"cores: {os.cpu_count()}; python {sys.version.split()[0]}")
    for tool in tools:
        print(f"  {tool}: {versions[tool][0]}")
    print(flush=True)

    results = [measure(tool, names, data, args.repeat) for tool in tools]
    variants = [] if args.no_variants or "newslint" not in tools else (args.variant or DEFAULT_VARIANTS)
    results += [measure("newslint", names, data, args.repeat, v.split()) for v in variants]
    base = next((r for r in results if r.tool == "newslint" and r.seconds), None)

    print()
    width = max(len(r.tool) for r in results)
    header = f"{'tool':<{width}} {'seconds':>8} {'cpu s':>7} {'MB/s':>7} {'newslint/tool':>13} {'findings':>9}"
    print(header)
    print("-" * len(header))
    for r in results:
        if r.seconds is None:
            print(f"{r.tool:<{width}} failed: {r.error}")
            continue
        ratio = f"{base.seconds / r.seconds:.2f}" if base else "-"
        findings = "?" if r.findings is None else str(r.findings)
        print(f"{r.tool:<{width}} {r.seconds:>8.2f} {r.cpu:>7.2f} {total / 1e6 / r.seconds:>7.2f} "
              f"{ratio:>13} {findings:>9}")
    print("(seconds: best wall time of the repeats; newslint/tool: newslint's time divided by the "
          "tool's, above 1 means newslint is slower; findings: newslint's JSON findings, the "
          "peers' output lines)")
    timed = {r.tool: r.seconds for r in results if r.seconds}
    without, before, after = (timed.get(f"newslint {v}") for v in DEFAULT_VARIANTS)
    if base and without:
        print(f"truncation and fragment rules, all other default rules on: {without / base.seconds:.2f}x "
              f"the throughput without them")
    if before and after:
        print(f"truncation and fragment rules over the rule set before them ({ISSUE_2_RULES}): "
              f"{before / after:.2f}x the throughput")

    if "newslint" in tools:
        # A typical article: the median-sized file of the set.
        one = sorted(files, key=lambda p: (p.stat().st_size, str(p)))[len(files) // 2]
        print()
        print(f"one small file: {one.relative_to(data)} ({one.stat().st_size} bytes), "
              f"median of {args.small_runs} runs")
        nl_cmd, _ = command("newslint")
        rows = [
            ("newslint check (one file)", nl_cmd + [str(one.relative_to(data))]),
            ('python -c "import click"', [sys.executable, "-c", "import click"]),
            ('python -c "pass"', [sys.executable, "-c", "pass"]),
        ]
        timings = {label: median_wall(cmd, data, args.small_runs) for label, cmd in rows}
        for label, seconds in timings.items():
            print(f"  {label:<28} {seconds * 1000:>7.0f} ms")
        click_floor = timings['python -c "import click"']
        nl = timings["newslint check (one file)"]
        print(f"  newslint over the click floor: {(nl - click_floor) * 1000:.0f} ms "
              f"({nl / click_floor:.1f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
