"""Spelling on clean, edited news: how often the default rules report a word, and which reports are
real typos of the text.

Runs newslint once over each corpus folder of ../shared/data (seen from the project root) with
the default rules, and keeps the spelling findings. The folder holds third-party text that is
never copied into the project: these tests skip when it is absent, and they name findings only
by path, line and the flagged word, never by the article's sentences.

The BBC articles are edited, but not free of typos: 110 findings are real misspellings of the
text ("accomodate", "definately", "wtih", "thefirst" for "the first"), each checked by hand
against the article and listed below. Three more slips make words of their own, which a word
list cannot tell from the word: "manged" for "managed" (the past of "mange"), "realties" and
"cannisters" (words of SCOWL's size-80 lists, rules/data/scowl-rare-words.txt); a slip that
makes a real word is for grammar checking. Real typos alone come to 0.049 findings per
article, so the measure of the rules is what they report beyond them: false positives (slang,
coinages, British forms no list has) must stay under 0.005 per article, every listed typo must
still be found, and everything together at most 0.05 per article (issue 6's target). The
typos were not made to vanish, nor the false positives, by teaching the rules words of the
corpus: the word lists are built from public sources (rules/data/README.md), and the rules'
exceptions are general classes (src/newslint/unknown_words.py, word_formation.py,
spelling_words.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.util import run_cli

pytestmark = pytest.mark.corpus

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
BBC = DATA / "bbc-news"
WMT_SOURCES = DATA / "wmt21" / "en_source_docs"
SEED = DATA.parent / "fixtures" / "seed-article.txt"

MAX_FALSE_POSITIVES_PER_ARTICLE = 0.005
MAX_FINDINGS_PER_ARTICLE = 0.05

# Real misspellings in the BBC text: (file, line, word as reported).
BBC_REAL_TYPOS = {
    ("business/027.txt", 11, "spokeman"), ("business/065.txt", 11, "politicial"),
    ("business/069.txt", 9, "offically"), ("business/095.txt", 5, "annoucement"),
    ("business/163.txt", 9, "stategist"), ("business/215.txt", 9, "accomodate"),
    ("business/262.txt", 13, "analsyts"), ("business/296.txt", 11, "consenus"),
    ("business/378.txt", 5, "thay"), ("business/433.txt", 5, "evalution"),
    ("business/491.txt", 7, "prefering"), ("business/494.txt", 9, "accomodate"),
    ("entertainment/016.txt", 9, "aiport"), ("entertainment/071.txt", 5, "croooner"),
    ("entertainment/097.txt", 9, "inwhich"), ("entertainment/118.txt", 7, "accoustic"),
    ("entertainment/164.txt", 7, "beloned"), ("entertainment/171.txt", 5, "legisation"),
    ("entertainment/171.txt", 5, "politcians"), ("entertainment/177.txt", 7, "daugher"),
    ("entertainment/191.txt", 9, "varirty"), ("entertainment/197.txt", 15, "commited"),
    ("entertainment/197.txt", 17, "ledgendary"), ("entertainment/205.txt", 3, "wholescale"),
    ("entertainment/214.txt", 13, "epipsodes"), ("entertainment/223.txt", 7, "folllowing"),
    ("entertainment/228.txt", 7, "sucessor"), ("entertainment/253.txt", 53, "catergory"),
    ("entertainment/253.txt", 95, "presneted"), ("entertainment/253.txt", 113, "embarassment"),
    ("entertainment/253.txt", 123, "appelas"), ("entertainment/253.txt", 129, "ridiculuous"),
    ("entertainment/253.txt", 135, "redifining"), ("entertainment/253.txt", 137, "artisic"),
    ("entertainment/256.txt", 33, "isnt"), ("entertainment/256.txt", 47, "dont"),
    ("entertainment/256.txt", 51, "puting"), ("entertainment/256.txt", 53, "irrelevent"),
    ("entertainment/256.txt", 59, "comapnies"), ("entertainment/256.txt", 59, "condesending"),
    ("entertainment/294.txt", 7, "conjuction"),
    ("entertainment/325.txt", 5, "surburban"), ("entertainment/353.txt", 39, "grearest"),
    ("entertainment/353.txt", 45, "apalling"), ("entertainment/353.txt", 49, "everthing"),
    ("entertainment/353.txt", 57, "pludering"), ("entertainment/353.txt", 87, "wouldnt"),
    ("entertainment/353.txt", 95, "targetted"), ("entertainment/366.txt", 7, "conterfeit"),
    ("politics/006.txt", 7, "thefirst"), ("politics/076.txt", 9, "resonsible"),
    ("politics/099.txt", 9, "theirfamilies"), ("politics/137.txt", 15, "hunstman"),
    ("politics/155.txt", 11, "outling"), ("politics/158.txt", 5, "emmissions"),
    ("politics/160.txt", 11, "possibilty"), ("politics/201.txt", 7, "campaiging"),
    ("politics/202.txt", 5, "responsibilty"), ("politics/377.txt", 9, "pheremones"),
    ("politics/392.txt", 5, "missionairies"), ("sport/002.txt", 5, "currentily"),
    ("sport/030.txt", 9, "probem"), ("sport/050.txt", 5, "motorcyle"),
    ("sport/058.txt", 5, "hundreth"), ("sport/076.txt", 5, "lasp"),
    ("sport/080.txt", 5, "reponse"), ("sport/080.txt", 5, "spearate"),
    ("sport/081.txt", 5, "refered"), ("sport/115.txt", 5, "targetting"),
    ("sport/146.txt", 5, "dispossesed"), ("sport/157.txt", 3, "peformance"),
    ("sport/185.txt", 5, "anouncing"),
    ("sport/232.txt", 7, "amibition"), ("sport/247.txt", 7, "confirned"),
    ("sport/251.txt", 9, "dea"), ("sport/264.txt", 5, "amibitions"),
    ("sport/266.txt", 5, "propostition"), ("sport/285.txt", 7, "cente"),
    ("sport/347.txt", 5, "Wer'e"),
    ("sport/301.txt", 5, "wtih"), ("sport/308.txt", 5, "inury"), ("sport/320.txt", 13, "bas"),
    ("sport/364.txt", 5, "finsihed"), ("sport/364.txt", 7, "beileve"),
    ("sport/371.txt", 13, "reflecion"),
    ("sport/391.txt", 11, "aftewards"), ("sport/413.txt", 5, "ultimitely"),
    ("sport/413.txt", 7, "adaptibility"), ("sport/413.txt", 7, "targetting"),
    ("sport/442.txt", 3, "competitve"), ("sport/466.txt", 5, "competitve"),
    ("tech/009.txt", 11, "emenating"), ("tech/009.txt", 11, "surprisngly"),
    ("tech/009.txt", 29, "noteboook"), ("tech/009.txt", 39, "anyhting"),
    ("tech/100.txt", 9, "ambitous"), ("tech/114.txt", 11, "restructuing"),
    ("tech/268.txt", 13, "aboutroughly"), ("tech/268.txt", 13, "toprevent"),
    ("tech/278.txt", 13, "tantilising"), ("tech/316.txt", 9, "particuarly"),
    ("tech/379.txt", 47, "noteboook"), ("tech/401.txt", 29, "definately"),
    ("tech/401.txt", 31, "sorround"), ("tech/401.txt", 37, "adiction"),
    ("tech/401.txt", 53, "marrage"), ("tech/401.txt", 59, "upto"),
    ("tech/401.txt", 79, "relasing"), ("tech/401.txt", 83, "dont"),
    ("tech/401.txt", 83, "enviroment"),
}


def _spelling(folder: Path) -> list[dict]:
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent (evaluation data is not part of the project)")
    result = run_cli("check", "--format", "json", "--exit-zero", str(folder))
    assert result.exit_code == 0, result.stderr
    return [f for f in json.loads(result.stdout) if f["category"] == "spelling"]


def _articles(folder: Path) -> int:
    return sum(1 for p in folder.rglob("*.txt") if p.name[0].isdigit())


def _key(finding: dict, root: Path) -> tuple[str, int, str]:
    rel = Path(finding["path"]).resolve().relative_to(root.resolve()).as_posix()
    # The word between the first quote and the quote that closes it ("'Wer'e'; did you mean …").
    return rel, finding["line"], re.match(r"[^']*'(.*?)'(?=;|$|\s)", finding["message"]).group(1)


@pytest.fixture(scope="module")
def bbc() -> dict[tuple[str, int, str], dict]:
    return {_key(f, BBC): f for f in _spelling(BBC)}


def test_bbc_false_positives_are_rare(bbc):
    false = {k: f for k, f in bbc.items() if k not in BBC_REAL_TYPOS}
    rate = len(false) / _articles(BBC)
    assert rate <= MAX_FALSE_POSITIVES_PER_ARTICLE, (
        f"{len(false)} spelling findings that are not real typos ({rate:.3f} per article):\n"
        + "\n".join(f"  {path}:{line}: {f['code']} {f['message']}" for (path, line, _), f in sorted(false.items())))


def test_bbc_real_typos_are_found(bbc):
    missing = BBC_REAL_TYPOS - set(bbc)
    assert not missing, "real typos in the BBC text no longer reported:\n" + "\n".join(
        f"  {path}:{line}: {word}" for path, line, word in sorted(missing))


def test_bbc_findings_per_article(bbc):
    rate = len(bbc) / _articles(BBC)
    assert rate <= MAX_FINDINGS_PER_ARTICLE, f"{len(bbc)} spelling findings, {rate:.3f} per article"


def test_wmt21_english_sources(tmp_path):
    findings = _spelling(WMT_SOURCES)
    rate = len(findings) / sum(1 for _ in WMT_SOURCES.glob("*.txt"))
    assert rate <= MAX_FINDINGS_PER_ARTICLE, f"{len(findings)} findings ({rate:.3f} per document):\n" + "\n".join(
        f"  {Path(f['path']).name}:{f['line']}:{f['column']}: {f['code']} {f['message']}" for f in findings)


def test_seed_article_has_no_spelling_finding():
    if not SEED.is_file():
        pytest.skip(f"{SEED} is absent")
    result = run_cli("check", "--format", "json", "--exit-zero", "--extend-select", "SPL003", str(SEED))
    assert [f for f in json.loads(result.stdout) if f["category"] == "spelling"] == []
