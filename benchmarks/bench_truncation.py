"""Recall of the truncation rules on articles cut short on purpose.

Takes clean articles (default ../shared/data/bbc-news), cuts each one's last paragraph at a
random word boundary (seeded) that is not already the end of a sentence, lints the cut article
with the truncation rules only, and counts the cuts that are found: a truncation finding on the
last paragraph's line. The same articles uncut give the false-alarm rate on last paragraphs.

    python benchmarks/bench_truncation.py [--data DIR] [--limit N] [--seed S]

Exit status 0 when recall is at least --min-recall (default 0.95), else 1.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newslint.config import Settings  # noqa: E402
from newslint.engine import lint_bytes, make_plan  # noqa: E402

SENTENCE_END = re.compile(r"""[.!?…:]["'”’)\]]*$""")


def cut_article(text: str, rng: random.Random) -> tuple[str, int] | None:
    """The article with its last paragraph cut mid-sentence, and the 1-based line of that paragraph."""
    body = text.rstrip()
    start = body.rfind("\n\n") + 2 if "\n\n" in body else 0
    last = body[start:]
    words = list(re.finditer(r"\S+", last))
    cuts = [m.end() for m in words[:-1] if not SENTENCE_END.search(m.group(0))]
    if not cuts:
        return None
    cut = rng.choice(cuts)
    return body[:start] + last[:cut] + "\n", body[:start].count("\n") + 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "bbc-news")
    parser.add_argument("--limit", type=int, default=0, help="use only N articles (0: all)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--min-recall", type=float, default=0.95)
    parser.add_argument("--show", type=int, default=10, help="how many missed cuts to print")
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"{args.data}: no such folder (the evaluation data is not part of the project)")
        return 0
    files = sorted(args.data.rglob("*.txt"))
    files = [f for f in files if f.name[0].isdigit()]
    rng = random.Random(args.seed)
    if args.limit:
        files = sorted(rng.sample(files, min(args.limit, len(files))))
    plan = make_plan(Settings(select=("truncation",)))

    found = tried = false_alarms = 0
    missed: list[str] = []
    for path in files:
        text = path.read_bytes().decode("utf-8", errors="replace")
        made = cut_article(text, rng)
        if made is None:
            continue
        cut_text, line = made
        tried += 1
        result = lint_bytes(cut_text.encode("utf-8"), str(path), "text", plan)
        if any(f.line >= line for f in result.findings):
            found += 1
        else:
            missed.append(f"{path.relative_to(args.data)}: …{cut_text.rstrip()[-50:]!r}")
        clean = lint_bytes(text.encode("utf-8"), str(path), "text", plan)
        false_alarms += any(f.line >= line for f in clean.findings)

    recall = found / tried if tried else 0.0
    print(f"articles cut: {tried}")
    print(f"cuts found:   {found} (recall {recall:.3f})")
    print(f"uncut articles flagged on their last paragraph: {false_alarms} ({false_alarms / max(tried, 1):.4f})")
    if missed:
        print("a sample of missed cuts:")
        for line in missed[:args.show]:
            print(f"  {line}")
    return 0 if recall >= args.min_recall else 1


if __name__ == "__main__":
    sys.exit(main())
