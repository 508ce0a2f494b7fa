"""Regenerate models/gazetteers/subdivisions.csv and country_names.csv from pycountry (offline).

    .venv/bin/python tools/build_subdivisions.py

- subdivisions.csv: the administrative areas of ISO 3166-2 that papers name as places (provinces,
  states, regions, departments, governorates …; not districts, municipalities or counties, which are too
  many and too often common words), with their country's code. Names are kept as ISO writes them and, when
  they carry diacritics, also without ("Bình Dương", "Binh Duong"). A one-word name that is also a common
  English word (a lower-case entry of the hunspell en_US dictionary, or a very frequent word the dictionary
  does not know as a name) is left out when it is very common ("Centre", "Central", "Coast") and marked
  ambiguous otherwise ("Meta"): the pipeline then takes it only where the statistical model also sees a
  place. A name that is a city of the same country in cities.csv is left to the city.
- country_names.csv: the countries' names in French, Spanish and Portuguese (pycountry's translations of
  ISO 3166-1), for names of organizations and places written in those languages inside English papers
  ("Sénégal", "Perú", "Costa do Marfim").

The CSV files are committed; the pipeline reads them, not pycountry.
"""

from __future__ import annotations

import csv
import gettext
import re
import unicodedata
from pathlib import Path

import pycountry
from wordfreq import zipf_frequency

OUT = Path(__file__).resolve().parent.parent / "models" / "gazetteers"
AREA_TYPES = {
    "Province", "Region", "State", "Department", "Governorate", "Prefecture", "Autonomous region",
    "Autonomous community", "Autonomous province", "Regional state", "Land", "Voivodship", "Oblast", "Emirate",
    "Union territory", "Republic", "Division", "Canton", "Administrative region", "Territory",
    "Federal district", "Capital district", "Autonomous republic", "Geographical region",
}
COMMON = 3.0  # a translated country name at least this common in English is left out
VERY_COMMON = 4.0  # a one-word area name this common in English, and a common word, is left out
HUNSPELL = Path("/usr/share/hunspell/en_US.dic")
LANGUAGES = ("fr", "es", "pt")


def ascii_form(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in folded if not unicodedata.combining(c))


def dictionary() -> tuple[set[str], set[str]]:
    """(lower-case words, capitalised names) of the hunspell en_US dictionary."""
    lower, names = set(), set()
    for line in HUNSPELL.read_text(encoding="utf-8", errors="replace").splitlines()[1:]:
        word = line.split("/")[0]
        (names if word[:1].isupper() else lower).add(word.lower())
    return lower, names


def common_word(name: str, lower: set[str], names: set[str]) -> tuple[bool, float]:
    key = ascii_form(name).lower()
    frequency = zipf_frequency(key, "en", wordlist="small")
    return key in lower or (frequency >= 4.5 and key not in names), frequency


def subdivision_rows() -> list[dict[str, str]]:
    countries = {c.name.lower() for c in pycountry.countries}
    with (OUT / "cities.csv").open(encoding="utf-8", newline="") as handle:
        cities = {(row["name"], row["code"]) for row in csv.DictReader(handle)}
    lower, names = dictionary()
    rows: dict[tuple[str, str], dict[str, str]] = {}
    for area in pycountry.subdivisions:
        if area.type not in AREA_TYPES:
            continue
        name = re.sub(r"\s*\(.*?\)\s*", " ", area.name).strip()  # "Ilocos (Region I)" -> "Ilocos"
        if len(name) < 4 or name.lower() in countries:
            continue
        single = " " not in name and "-" not in name
        common, frequency = common_word(name, lower, names) if single else (False, 0.0)
        if common and frequency >= VERY_COMMON:
            continue
        ambiguous = common
        for form in dict.fromkeys((name, ascii_form(name))):
            if (form, area.country_code) in cities:
                continue
            rows[(form, area.country_code)] = {"name": form, "code": area.country_code, "subdivision": area.code,
                                               "type": area.type.lower(), "ambiguous": "1" if ambiguous else "0"}
    return sorted(rows.values(), key=lambda r: (r["code"], r["name"]))


def country_name_rows() -> list[dict[str, str]]:
    english = {c.name.lower() for c in pycountry.countries}
    rows = []
    for language in LANGUAGES:
        translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
        for country in pycountry.countries:
            for english_name in {country.name, getattr(country, "common_name", country.name)}:
                name = translation.gettext(english_name)
                common = zipf_frequency(name.lower(), "en", wordlist="small") >= COMMON
                if name != english_name and name.lower() not in english and not common:
                    rows.append({"name": name, "code": country.alpha_2, "language": language})
    unique = {(r["name"], r["code"]): r for r in rows}
    return sorted(unique.values(), key=lambda r: (r["code"], r["language"], r["name"]))


def write(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    write(OUT / "subdivisions.csv", subdivision_rows())
    write(OUT / "country_names.csv", country_name_rows())


if __name__ == "__main__":
    main()
