"""Name rules on clean news (../shared/data; skipped when absent): recall on injected
misspellings and the rate of findings on untouched articles. Figures print with `pytest -s`."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.util import run_cli

pytestmark = pytest.mark.corpus

ROOT = Path(__file__).resolve().parents[1]
BBC = ROOT.parent / "shared" / "data" / "bbc-news"
WMT_SOURCES = ROOT.parent / "shared" / "data" / "wmt21" / "en_source_docs"


def test_injected_misspellings_are_found():
    """benchmarks/bench_names.py over every BBC article with a name used twice: at least 90 %."""
    if not BBC.is_dir():
        pytest.skip("bbc-news is absent")
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_names.py"), "--limit", "0"],
                          capture_output=True, text=True, timeout=600)
    print(proc.stdout[-1500:])
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr


# Every name finding on the BBC articles, checked by hand against the article: (file, line, code,
# the form reported). Most are real slips of the BBC text: a name misspelt beside its right
# spelling ("DaimerChrysler", "Cheslea", "Rodick"), one name written two ways in an article
# ("Kilroy Silk" / "Kilroy-Silk", "Worldcom" / "WorldCom"), or two ways across the corpus
# ("Playstation" in a few files, "PlayStation" in 25). A real slip reported with the wrong
# spelling as the fix (on a 1:1 tie, the later form is reported: "Peston") counts as real here.
BBC_REAL = [
    ("business/001.txt", 1, "NCN001", "Time Warner"),
    ("business/001.txt", 7, "NCN001", "Time Warner"),
    ("business/001.txt", 9, "NCN001", "Time Warner"),
    ("business/036.txt", 5, "NCN002", "Worldcom"),
    ("business/059.txt", 1, "NCN001", "Worldcom"),
    ("business/087.txt", 1, "NCN002", "Worldcom"),
    ("business/089.txt", 7, "NCN002", "JPMorgan"),
    ("business/117.txt", 15, "NMS001", "DaimerChrysler"),
    ("business/139.txt", 7, "NCN002", "Hartz-IV"),
    ("business/140.txt", 5, "NMS001", "Arcleor"),
    ("business/162.txt", 7, "NCN001", "Worldcom"),
    ("business/188.txt", 5, "NCN002", "Worldcom"),
    ("business/196.txt", 1, "NCN001", "Worldcom"),
    ("business/196.txt", 5, "NCN001", "Worldcom"),
    ("business/200.txt", 15, "NMS001", "Barrioneuvo"),
    ("business/202.txt", 7, "NCN002", "Worldcom"),
    ("business/209.txt", 11, "NCN001", "JP Morgan"),
    ("business/229.txt", 13, "NCN001", "JP Morgan"),
    ("business/250.txt", 5, "NCN002", "Hewlett-Packard"),
    ("business/251.txt", 5, "NCN002", "Worldcom"),
    ("business/254.txt", 7, "NCN002", "Game Cube"),
    ("business/254.txt", 7, "NCN002", "Playstation"),
    ("business/254.txt", 7, "NCN002", "X-Box"),
    ("business/269.txt", 7, "NCN002", "Asia-Pacific"),
    ("business/284.txt", 5, "NCN002", "Blackwatch"),
    ("business/294.txt", 9, "NCN002", "Clearview"),
    ("business/297.txt", 7, "NCN002", "Asia-Pacific"),
    ("business/299.txt", 11, "NMS001", "Yuganskneftgas"),
    ("business/309.txt", 7, "NMS001", "AztraZeneca"),
    ("business/324.txt", 9, "NMS001", "Yuganksneftegas"),
    ("business/327.txt", 11, "NMS001", "Satifex"),
    ("business/380.txt", 7, "NMS001", "Chadha"),
    ("business/406.txt", 11, "NCN002", "Net Ratings"),
    ("business/426.txt", 9, "NMS001", "Iliaronov"),
    ("business/447.txt", 7, "NCN002", "Game Cube"),
    ("business/447.txt", 7, "NCN002", "Playstation"),
    ("business/447.txt", 7, "NCN002", "X-Box"),
    ("business/464.txt", 5, "NCN002", "EBay"),
    ("business/468.txt", 5, "NMS001", "Barrot"),
    ("business/508.txt", 7, "NCN002", "Sarbanes Oxley"),
    ("entertainment/066.txt", 7, "NCN002", "Spiderman"),
    ("entertainment/123.txt", 5, "NCN002", "Sony BMG"),
    ("entertainment/207.txt", 9, "NMS001", "Pascuale"),
    ("entertainment/240.txt", 7, "NCN002", "Sony BMG"),
    ("entertainment/256.txt", 39, "NCN002", "Outkast"),
    ("entertainment/346.txt", 7, "NCN002", "Lloyd-Webber"),
    ("entertainment/347.txt", 3, "NCN002", "Goldeneye"),
    ("entertainment/353.txt", 99, "NMS001", "Chorton"),
    ("politics/024.txt", 5, "NMS002", "Narobi"),
    ("politics/053.txt", 5, "NMS001", "Viktor"),
    ("politics/099.txt", 13, "NMS001", "Peston"),
    ("politics/267.txt", 15, "NCN001", "Kilroy Silk"),
    ("politics/293.txt", 47, "NCN001", "Euro-Sceptic"),
    ("politics/293.txt", 55, "NCN001", "Kilroy Silk"),
    ("politics/293.txt", 69, "NCN001", "Kilroy Silk"),
    ("politics/325.txt", 7, "NCN001", "Kilroy-Silk"),
    ("sport/044.txt", 3, "NCN002", "Co-Operative"),
    ("sport/058.txt", 13, "NMS001", "McIlroy"),
    ("sport/060.txt", 3, "NMS002", "Sheffied"),
    ("sport/083.txt", 5, "NCN002", "EdinburghInternational"),
    ("sport/095.txt", 9, "NMS001", "Heinze"),
    ("sport/104.txt", 9, "NMS001", "Ferrerira"),
    ("sport/195.txt", 5, "NMS001", "Hassell"),
    ("sport/195.txt", 7, "NMS001", "Hassall"),
    ("sport/246.txt", 5, "NMS001", "Faregas"),
    ("sport/247.txt", 3, "NMS001", "Socieded"),
    ("sport/261.txt", 5, "NMS001", "Villareal"),
    ("sport/269.txt", 9, "NCN001", "Sinama Pongolle"),
    ("sport/278.txt", 3, "NMS001", "Cheslea"),
    ("sport/293.txt", 5, "NMS001", "Mayerholfer"),
    ("sport/364.txt", 5, "NMS002", "Blomefontein"),
    ("sport/432.txt", 7, "NMS001", "Daveport"),
    ("sport/438.txt", 7, "NMS001", "Daveport"),
    ("sport/442.txt", 5, "NMS001", "Thaliand"),
    ("sport/451.txt", 5, "NMS001", "Scrichapan"),
    ("sport/486.txt", 9, "NMS001", "Rodick"),
    ("tech/009.txt", 9, "NCN002", "Tivo"),
    ("tech/020.txt", 9, "NCN002", "Websidestory"),
    ("tech/030.txt", 5, "NCN002", "Computer Implemented"),
    ("tech/035.txt", 13, "NMS001", "Mojtaba"),
    ("tech/043.txt", 9, "NCN001", "Rip Guard"),
    ("tech/045.txt", 3, "NCN002", "Playstation"),
    ("tech/049.txt", 7, "NCN001", "PayPal"),
    ("tech/059.txt", 11, "NCN002", "SonyEricsson"),
    ("tech/069.txt", 9, "NCN002", "Noone"),
    ("tech/084.txt", 9, "NCN002", "Game Boy"),
    ("tech/092.txt", 13, "NCN002", "KaZaa"),
    ("tech/192.txt", 5, "NCN002", "In-Stat"),
    ("tech/195.txt", 13, "NCN002", "Bit Torrent"),
    ("tech/198.txt", 5, "NCN002", "SonyEricsson"),
    ("tech/205.txt", 9, "NCN002", "WiFi"),
    ("tech/242.txt", 7, "NCN002", "Asia-Pacific"),
    ("tech/249.txt", 9, "NMS001", "Entopia"),
    ("tech/256.txt", 9, "NMS001", "Kudja"),
    ("tech/265.txt", 7, "NCN002", "BandAid"),
    ("tech/273.txt", 7, "NCN001", "CAN-Spam"),
    ("tech/280.txt", 7, "NCN002", "Eastenders"),
    ("tech/300.txt", 7, "NCN002", "Macworld"),
    ("tech/322.txt", 11, "NCN002", "SonyEricsson"),
    ("tech/326.txt", 9, "NCN001", "Rip Guard"),
    ("tech/340.txt", 7, "NCN001", "PayPal"),
    ("tech/341.txt", 3, "NCN002", "Playstation"),
    ("tech/347.txt", 11, "NCN001", "CeBIT"),
    ("tech/348.txt", 7, "NCN002", "HD DVDs"),
    ("tech/348.txt", 9, "NCN002", "Playstation"),
    ("tech/355.txt", 7, "NCN001", "PowerPage"),
    ("tech/355.txt", 7, "NCN002", "Apple Insider"),
    ("tech/359.txt", 11, "NCN002", "Spiderman"),
    ("tech/379.txt", 9, "NCN002", "Tivo"),
    ("tech/379.txt", 19, "NCN001", "MiniDisc"),
    ("tech/379.txt", 25, "NCN001", "TiVO"),
    ("tech/379.txt", 25, "NCN002", "TiVO"),
    ("tech/395.txt", 1, "NCN001", "Cebit"),
    ("tech/395.txt", 3, "NCN001", "Cebit"),
    ("tech/401.txt", 17, "NMS001", "MMOPRGs"),
    ("tech/401.txt", 67, "NCN001", "Everquest"),
]

# The findings that are wrong: two different names one or two letters apart, or an ordinary word
# inside another name ("Liffe", an exchange, is no "Standard Life"; "Leroi", a surname, is no
# French "Le Roi"). Fixing one of them removes it from here; a new one must not appear.
BBC_FALSE = [
    ("business/118.txt", 3, "NMS001", "Telekom"),
    ("business/220.txt", 9, "NMS001", "Liffe"),
    ("business/474.txt", 5, "NCN002", "Jetstar"),
    ("entertainment/015.txt", 5, "NCN002", "Leroi"),
    ("entertainment/290.txt", 5, "NCN002", "Bright Side"),
    ("entertainment/316.txt", 9, "NMS001", "Chocolat"),
    ("sport/110.txt", 5, "NCN002", "Jean Pierre"),
    ("sport/205.txt", 69, "NMS001", "Nottm"),
]

MAX_FALSE_PER_ARTICLE = 0.005


def _name_findings(folder: Path) -> list[tuple[str, int, str, str]]:
    """(path under the folder, line, code, form reported) of every name finding of one run."""
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    result = run_cli("check", "--select", "name-inconsistency,name-misspelling", "--format", "json",
                     "--exit-zero", str(folder))
    assert result.exit_code == 0, result.stderr
    return [(Path(f["path"]).resolve().relative_to(folder.resolve()).as_posix(), f["line"], f["code"],
             f["message"].split("'")[1]) for f in json.loads(result.stdout)]


def test_name_findings_on_clean_bbc_articles_are_the_checked_ones():
    found = Counter(_name_findings(BBC))
    real, false = Counter(BBC_REAL), Counter(BBC_FALSE)
    unexpected = found - real - false
    articles = [p for p in BBC.rglob("*.txt") if p.name[0].isdigit()]
    false_found = sum((found & false).values())
    print(f"\nname findings on BBC: {sum(found.values())} in {len(articles)} articles "
          f"({sum(found.values()) / len(articles):.4f} per article); real slips of the text "
          f"{sum((found & real).values())}, false {false_found} ({false_found / len(articles):.4f} per article): "
          f"{dict(Counter(code for _, _, code, _ in found.elements()))}")
    assert not unexpected, "name findings no one has checked (real slip or false?):\n" + "\n".join(
        f"  {path}:{line}: {code} {form}" for path, line, code, form in sorted(unexpected))
    missing = real - found
    assert not missing, "real slips of the BBC text no longer reported:\n" + "\n".join(
        f"  {path}:{line}: {code} {form}" for path, line, code, form in sorted(missing))
    assert false_found / len(articles) <= MAX_FALSE_PER_ARTICLE


def test_name_findings_on_wmt21_english_sources():
    """One real slip ("Ayodya" beside "Ayodhya"); "LeGend" (a boy's name) beside the operation
    named "Legend" after him is two spellings of two names, a known false finding."""
    found = set(_name_findings(WMT_SOURCES))
    assert ("seattle_times.253485.txt", 17, "NMS001", "Ayodya") in found
    assert found <= {("seattle_times.253485.txt", 17, "NMS001", "Ayodya"),
                     ("foxnews.106543.txt", 17, "NCN001", "LeGend")}
