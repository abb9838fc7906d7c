"""Findings per document on real machine translation against human references, side by side.

Reads ../shared/data/wmt21/into_english_docs.jsonl (English output of the WMT21 ru-en, ja-en and
is-en systems, `kind` "hyp", and the human references, `kind` "ref"), lints every document
in-process with the default rules, and prints findings per document by category for each
language pair and kind. MT output should show more mt-artifact, fragment and truncation
findings than the references of the same source documents.

    python benchmarks/bench_mt.py [--data FILE] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newslint.config import Settings  # noqa: E402
from newslint.engine import lint_bytes, make_plan  # noqa: E402
from newslint.findings import CATEGORIES  # noqa: E402

SHOWN = ("mt-artifact", "fragment", "truncation", "name-misspelling", "name-inconsistency", "residue")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path,
                        default=ROOT.parent / "shared" / "data" / "wmt21" / "into_english_docs.jsonl")
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents (0: all)")
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"{args.data}: no such file (the evaluation data is not part of the project)")
        return 0
    plan = make_plan(Settings())
    docs: Counter[tuple[str, str]] = Counter()
    found: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    with open(args.data, encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if args.limit and n >= args.limit:
                break
            record = json.loads(line)
            group = (record["lp"], record["kind"])
            docs[group] += 1
            result = lint_bytes(record["text"].encode("utf-8"), "doc.txt", "text", plan)
            found[group].update(f.category for f in result.findings)
    print(f"{'pair':6} {'kind':4} {'docs':>5}  " + "  ".join(f"{c[:12]:>12}" for c in SHOWN) + "   all")
    for group in sorted(docs):
        counts = found[group]
        per_doc = [counts[c] / docs[group] for c in SHOWN]
        total = sum(counts[c] for c in CATEGORIES) / docs[group]
        print(f"{group[0]:6} {group[1]:4} {docs[group]:>5}  " + "  ".join(f"{v:>12.2f}" for v in per_doc)
              + f"  {total:5.2f}")
    print("(findings per document; hyp: machine translation, ref: human reference)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
