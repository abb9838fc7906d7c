"""Recall of the name rules on names misspelled on purpose.

Takes clean articles (default ../shared/data/bbc-news, a seeded sample), finds in each one the
capitalised names it uses at least twice mid-sentence, and misspells one mention of one of them
(seeded): a substituted letter (a keyboard neighbour or another vowel), two adjacent letters
transposed, a letter dropped, a letter doubled, a hyphen changed ("A-B" -> "A B", or "A B" ->
"A-B" for a two-word name the article writes at least twice) or a diacritic dropped. The first
letter of a name (and of each part of a hyphenated name) is never touched, and nothing else in
the article changes. The misspelled article is linted with the name-misspelling and
name-inconsistency rules only; a misspelling counts as found when a finding of either category
starts on its line and its column range covers the misspelled word's first column. The same
articles unchanged give the false-alarm rate on clean text.

    python benchmarks/bench_names.py [--data DIR] [--limit N] [--seed S] [--min-recall R] [--show N]
    python benchmarks/bench_names.py --kind hyphen  # only one kind of misspelling
    python benchmarks/bench_names.py --dry-run      # print the misspellings only, lint nothing

Exit status 0 when recall is at least --min-recall (default 0.9), else 1; 0 with a message when
the data folder is absent or no name rule exists yet.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newslint.config import Settings  # noqa: E402
from newslint.engine import lint_bytes, make_plan  # noqa: E402
from newslint.errors import UsageError  # noqa: E402
from newslint.registry import load_rules  # noqa: E402
from newslint.sources.decoding import decode  # noqa: E402

CATEGORIES = ("name-misspelling", "name-inconsistency")
KINDS = ("substitution", "transposition", "deletion", "doubling", "hyphen", "diacritic")

# A word of letters, possibly hyphen-joined ("Nagorno-Karabakh").
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# What may come right before a word that is not the first of its sentence: a letter or digit
# (the previous word ended without punctuation), a comma, a semicolon, a closing bracket, "%".
MID_SENTENCE_BEFORE = re.compile(r"[^\W_]|[,;)%]")
# Words that start a title rather than a two-word name ("President Bush" never becomes "President-Bush").
ROLES = frozenset("""President Premier Prime Minister Chancellor Secretary General Senator Governor Judge
    Justice King Queen Prince Princess Pope Professor Captain Chairman Chief Director Commissioner""".split())
# Capitalised, but dates rather than names: a misspelt month is the spelling rules' business.
NOT_NAMES = frozenset("""January February March April May June July August September October November
    December Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split())
VOWELS = "aeiou"
KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _keyboard_neighbours() -> dict[str, str]:
    where = {ch: (r, c) for r, row in enumerate(KEYBOARD) for c, ch in enumerate(row)}
    out = {}
    for ch, (r, c) in where.items():
        near = []
        for other, (r2, c2) in where.items():
            # Same row, next key; or the row above/below, the keys that touch (rows are staggered).
            if (r2 == r and abs(c2 - c) == 1) or (abs(r2 - r) == 1 and c2 - c in ((0, 1) if r2 < r else (-1, 0))):
                near.append(other)
        out[ch] = "".join(sorted(near))
    return out


NEIGHBOURS = _keyboard_neighbours()


@dataclass(frozen=True)
class Site:
    """One mid-sentence mention of a name: [start, end) in the article text."""

    name: str
    start: int
    end: int
    following: str | None  # the capitalised word after it, when the two stand alone ("Forestier Walker")


@dataclass(frozen=True)
class Mutation:
    kind: str
    original: str  # the text replaced ...
    mutated: str  # ... by this
    start: int  # offset of `original` in the article
    target: int  # offset whose column a finding must cover: the first letter of the changed word
    others: int  # how many other mentions of the original name the article keeps (anywhere)


def name_sites(text: str, body_start: int) -> list[Site]:
    """Capitalised words of at least five letters that are not the first word of a sentence."""
    sites = []
    for m in WORD.finditer(text, body_start):
        start, word = m.start(), m.group(0)
        # Keep the leading capitalised parts of a compound: "Labour" of "Labour-led".
        parts = word.split("-")
        keep = 0
        while keep < len(parts) and parts[keep][:1].isupper():
            keep += 1
        if keep == 0:
            continue
        word = "-".join(parts[:keep])
        end = start + len(word)
        if start > 0 and text[start - 1] in "'’":  # "O'Neill" and the like: not a whole word
            continue
        if word.isupper() or word in NOT_NAMES or sum(ch.isalpha() for ch in word) < 5:
            continue
        line_start = text.rfind("\n", 0, start) + 1
        before = text[line_start:start]
        if not before.endswith(" "):  # first on its line, or after a quote or bracket
            continue
        before = before.rstrip()
        if not before or not MID_SENTENCE_BEFORE.fullmatch(before[-1]):
            continue
        # A two-word name standing alone ("Forestier Walker", not "Consumer Electronics Show"):
        # the word before is not capitalised, nor is the one after the second word.
        nxt = re.match(r" ([^\W\d_]+)\b(?![-'’]?[^\W\d_])( [A-Z])?", text[end:end + 60])
        prev = re.search(r"([^\W\d_]+)\W*$", before)
        following = None
        if (nxt and nxt.group(1)[0].isupper() and not nxt.group(1).isupper() and not nxt.group(2)
                and prev and not prev.group(1)[0].isupper() and word not in ROLES):
            following = nxt.group(1)
        sites.append(Site(word, start, end, following))
    return sites


def _segments(name: str) -> list[tuple[int, str]]:
    """The hyphen-separated parts of a name with their offsets in it."""
    out, pos = [], 0
    for part in name.split("-"):
        out.append((pos, part))
        pos += len(part) + 1
    return out


def _same_case(letter: str, like: str) -> str:
    return letter.upper() if like.isupper() else letter


def letter_edits(name: str, kind: str) -> list[tuple[str, int]]:
    """Every misspelling of `name` of this kind, each with the offset of the changed part's start."""
    out = []
    for base, seg in _segments(name):
        n = len(seg)
        interior = range(1, n - 1)  # never the first letter, nor the last

        def put(new_seg: str) -> None:
            out.append((name[:base] + new_seg + name[base + n:], base))

        for i in interior:
            ch, low = seg[i], seg[i].lower()
            if not ch.isalpha():
                continue
            if kind == "substitution":
                subs = set(NEIGHBOURS.get(low, ""))
                if low in VOWELS:
                    subs |= set(VOWELS)
                for sub in sorted(subs - {low}):
                    put(seg[:i] + _same_case(sub, ch) + seg[i + 1:])
            elif kind == "transposition":
                if i + 1 < n - 1 and seg[i + 1].isalpha() and seg[i + 1].lower() != low:
                    put(seg[:i] + seg[i + 1] + seg[i] + seg[i + 2:])
            elif kind == "deletion":
                put(seg[:i] + seg[i + 1:])
            elif kind == "doubling":
                if seg[i - 1].lower() != low and seg[i + 1].lower() != low:  # no tripled letters
                    put(seg[:i] + ch + seg[i:])
    return out


def diacritic_edits(name: str) -> list[tuple[str, int]]:
    out = []
    for base, seg in _segments(name):
        for i in range(1, len(seg)):
            bare = "".join(c for c in unicodedata.normalize("NFD", seg[i]) if not unicodedata.combining(c))
            if bare != seg[i] and len(bare) == 1:
                out.append((name[:base] + seg[:i] + bare + seg[i + 1:], base))
    return out


def _occurrences(text: str, phrase: str) -> int:
    return len(re.findall(rf"(?<![^\W\d_]){re.escape(phrase)}(?![^\W\d_])", text))


def site_edits(text: str, site: Site, words: set[str]) -> dict[str, list[tuple[str, str, int]]]:
    """kind -> every (original, misspelled, offset of the changed word in original) at this site."""
    name = site.name
    edits = {kind: [(name, new, off) for new, off in letter_edits(name, kind)] for kind in KINDS[:4]}
    hyphen = []
    if "-" in name:
        hyphen = [(name, name[:i] + " " + name[i + 1:], 0) for i, ch in enumerate(name) if ch == "-"]
    elif site.following and _occurrences(text, f"{name} {site.following}") >= 2:
        hyphen = [(f"{name} {site.following}", f"{name}-{site.following}", 0)]
    edits["hyphen"] = hyphen
    edits["diacritic"] = [(name, new, off) for new, off in diacritic_edits(name)]
    # A "misspelling" that is another word of the article is not one.
    return {kind: [e for e in found if e[1] not in words] for kind, found in edits.items()}


def mutate(text: str, body_start: int, rng: random.Random, only: str | None = None) -> Mutation | None:
    """One misspelled mention of a name the article uses at least twice mid-sentence.

    A name, then one of its mentions, then a kind among those that apply there, then one edit of
    that kind, each chosen by `rng`. With `only`, the first name and mention (in a seeded order)
    where that kind applies.
    """
    by_name: dict[str, list[Site]] = {}
    for site in name_sites(text, body_start):
        by_name.setdefault(site.name, []).append(site)
    names = sorted(n for n, s in by_name.items() if len(s) >= 2)
    if not names:
        return None
    words = set(WORD.findall(text)) | {p for w in WORD.findall(text) for p in w.split("-")}
    if only is None:
        site = rng.choice(by_name[rng.choice(names)])
        edits = site_edits(text, site, words)
        kinds = [k for k in KINDS if edits[k]]
        if not kinds:
            return None
        kind = rng.choice(kinds)
    else:
        candidates = [s for n in names for s in by_name[n]]
        rng.shuffle(candidates)
        for site in candidates:
            edits = site_edits(text, site, words)
            if edits[only]:
                break
        else:
            return None
        kind = only
    original, mutated, off = rng.choice(edits[kind])
    others = _occurrences(text, original) - 1
    return Mutation(kind, original, mutated, site.start, site.start + off, others)


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and character column of an offset."""
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def covers(finding, line: int, column: int) -> bool:
    if finding.start.line != line or finding.start.column > column:
        return False
    end = finding.end
    return end.line > line or end.column > column or (end == finding.start and finding.start.column == column)


def available_categories() -> tuple[str, ...]:
    present = {r.category for r in load_rules(())}
    return tuple(c for c in CATEGORIES if c in present)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "bbc-news")
    parser.add_argument("--limit", type=int, default=300, help="use N articles, a seeded sample (0: all)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--min-recall", type=float, default=0.9)
    parser.add_argument("--show", type=int, default=10, help="how many missed misspellings to print")
    parser.add_argument("--kind", choices=KINDS,
                        help="make only this kind of misspelling (articles where it does not apply are skipped)")
    parser.add_argument("--dry-run", action="store_true",
                        help="print the misspellings made (file, kind, original -> misspelled) and lint nothing")
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"{args.data}: no such folder (the evaluation data is not part of the project); nothing measured")
        return 0
    files = sorted(f for f in args.data.rglob("*.txt") if f.name[0].isdigit())
    rng = random.Random(args.seed)
    if args.limit:
        files = sorted(rng.sample(files, min(args.limit, len(files))))

    plan = None
    if not args.dry_run:
        selected = available_categories()
        if not selected:
            print(f"no rule of category {' or '.join(CATEGORIES)} exists yet; nothing measured")
            return 0
        for missing in sorted(set(CATEGORIES) - set(selected)):
            print(f"note: no rule of category {missing} exists yet; linting with {', '.join(selected)} only")
        try:
            plan = make_plan(Settings(select=selected))
        except UsageError as exc:
            print(f"cannot select the name rules ({exc}); nothing measured")
            return 0

    began = time.perf_counter()
    records: list[tuple[Mutation, bool]] = []  # each misspelling made, and whether it was found
    clean_findings = clean_flagged = 0
    missed: list[str] = []
    errors: list[str] = []
    for path in files:
        decoded = decode(path.read_bytes())  # as newslint reads it (sport/199.txt is not UTF-8)
        if decoded.text is None:
            continue
        text = decoded.text
        body_start = text.find("\n") + 1 if "\n" in text else len(text)  # line 1 is the headline
        mutation = mutate(text, body_start, rng, args.kind)
        if mutation is None:
            continue
        rel = path.relative_to(args.data).as_posix()
        line, column = position(text, mutation.target)
        others = f"{mutation.others} other mention{'s' if mutation.others != 1 else ''}"
        if args.dry_run:
            print(f"{rel}:{line}:{column}: {mutation.kind:13} {mutation.original} -> {mutation.mutated}  ({others})")
            records.append((mutation, False))
            continue
        end = mutation.start + len(mutation.original)
        mutated_text = text[:mutation.start] + mutation.mutated + text[end:]
        # Both linted as UTF-8, so that the only difference between them is the misspelling.
        result = lint_bytes(mutated_text.encode("utf-8"), str(path), "text", plan)
        clean = lint_bytes(text.encode("utf-8"), str(path), "text", plan)
        errors.extend(result.errors + clean.errors)
        hit = any(covers(f, line, column) for f in result.findings)
        records.append((mutation, hit))
        if not hit:
            elsewhere = sorted({_span(mutated_text, f) for f in result.findings} - {""})
            note = f"; flagged instead: {', '.join(elsewhere[:3])}" if elsewhere else ""
            missed.append(f"{rel}:{line}:{column}: {mutation.kind}: {mutation.original} -> {mutation.mutated}"
                          f" ({others}){note}")
        clean_findings += len(clean.findings)
        clean_flagged += bool(clean.findings)
    seconds = time.perf_counter() - began
    used = len(records)
    if args.dry_run:
        print(f"{used} articles misspelled out of {len(files)}")
        return 0

    def rate(rows: list[tuple[Mutation, bool]]) -> str:
        hits = sum(hit for _, hit in rows)
        return f"{hits:4} / {len(rows):<4} ({hits / len(rows):.3f})" if rows else "   - / 0"

    hits = sum(hit for _, hit in records)
    recall = hits / used if used else 0.0
    why = f"where a {args.kind} change applies" if args.kind else "with a name used twice mid-sentence"
    print(f"articles used: {used} of {len(files)} sampled (those {why})")
    print("misspellings found, by kind:")
    for kind in KINDS:
        rows = [r for r in records if r[0].kind == kind]
        why_none = "not asked for" if args.kind and kind != args.kind else "no name here allows it"
        print(f"  {kind:28} {rate(rows)}" + ("" if rows else f"  (none made: {why_none})"))
    print("by how often the article keeps the right spelling:")
    print(f"  {'once (a 1:1 tie)':28} {rate([r for r in records if r[0].others <= 1])}")
    print(f"  {'twice or more':28} {rate([r for r in records if r[0].others >= 2])}")
    english = _english_words({r[0].original for r in records})
    print("by whether pyspellchecker's English word list has the name:")
    print(f"  {'yes (Blair, Europe, Energy)':28} {rate([r for r in records if r[0].original in english])}")
    print(f"  {'no (rarer names)':28} {rate([r for r in records if r[0].original not in english])}")
    print(f"recall: {hits} / {used} = {recall:.3f} (minimum {args.min_recall})")
    print(f"clean articles: {clean_findings} name findings in {used} articles "
          f"({clean_findings / max(used, 1):.3f} per article; {clean_flagged} articles with any)")
    print(f"time: {seconds:.1f} s for {2 * used} lints")
    if errors:
        print(f"internal rule errors: {len(errors)}, the first: {errors[0]}")
    if missed and args.show:
        print(f"a sample of misses ({min(args.show, len(missed))} of {len(missed)}):")
        for item in missed[:args.show]:
            print(f"  {item}")
    return 0 if recall >= args.min_recall else 1


def _english_words(names: set[str]) -> set[str]:
    """The names pyspellchecker's English word list has, every word of them (it holds many names too)."""
    try:
        from spellchecker import SpellChecker
    except ImportError:  # pragma: no cover - a declared dependency
        return set()
    parts = {n: re.split(r"[ -]", n.lower()) for n in names}  # "Federal Reserve": both words
    known = SpellChecker().known(p for ps in parts.values() for p in ps)
    return {n for n, ps in parts.items() if all(p in known for p in ps)}


def _span(text: str, finding) -> str:
    """The flagged words, when they are a name-sized span on one line (never a whole sentence)."""
    if finding.end.line != finding.start.line:
        return ""
    line_start = sum(len(row) + 1 for row in text.split("\n")[:finding.start.line - 1])
    span = text[line_start + finding.start.column - 1:line_start + finding.end.column - 1]
    return span if 0 < len(span.split()) <= 3 and len(span) <= 40 else ""


if __name__ == "__main__":
    sys.exit(main())
