"""The gazetteers in ``models/gazetteers/``: ILO units, partner organizations,
names that are neither, and places; loaded once per process.

Every form is kept with its canonical value, so that "IOE", "International
Organisation of Employers" and "International Organization of Employers"
all give the one canonical name that year-on-year tables count.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from extractor.folding import canonical_text, fold_name
from extractor.resources import models_dir
from extractor.rows import read_rows


@dataclass(frozen=True, slots=True)
class Entry:
    canonical: str
    type: str  # UNIT, PARTNER, IGNORE or PLACE
    form: str
    kind: str  # acronym, name, weak; for places country, region, city, subnational
    code: str = ""  # ISO 3166-1 alpha-2 for places
    ambiguous: bool = False  # a city name that is also a common word
    source: str = ""  # the gazetteer file


@dataclass(slots=True)
class Knowledge:
    entries: list[Entry] = field(default_factory=list)
    by_key: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    by_acronym: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    heads: dict[str, str] = field(default_factory=dict)  # organization head word -> UNIT, PARTNER or IGNORE
    # head word -> (rule, its word): what more than the head decides the type (org_heads.csv's rule columns)
    head_rules: dict[str, tuple[str, str]] = field(default_factory=dict)
    nationalities: set[str] = field(default_factory=set)
    # head words of things named after an organization: "United Nations House", "United Nations Day"
    things: set[str] = field(default_factory=set)
    languages: dict[str, str] = field(default_factory=dict)  # folded alias -> its language (aliases.csv)
    translations: dict[str, str] = field(default_factory=dict)  # a name's word in French, Spanish … -> English
    word_languages: dict[str, str] = field(default_factory=dict)  # that word -> its language
    romance_heads: frozenset[str] = frozenset()  # head words that open a name in French, Spanish or Portuguese

    def add(self, entry: Entry) -> None:
        self.entries.append(entry)
        if entry.kind == "acronym":
            self.by_acronym[entry.form].append(entry)
        else:
            self.by_key[fold_name(entry.form)].append(entry)

    def lookup(self, name: str, types: tuple[str, ...] = ("UNIT", "PARTNER", "IGNORE")) -> Entry | None:
        """The entry a full name or acronym stands for, strong forms first."""
        found = [e for e in self.by_acronym.get(name.strip(), []) if e.type in types]
        found += [e for e in self.by_key.get(fold_name(name), []) if e.type in types]
        found.sort(key=lambda e: e.kind == "weak")
        return found[0] if found else None

    def place_code(self, name: str) -> Entry | None:
        found = [e for e in self.by_key.get(fold_name(name), []) if e.type == "PLACE"]
        return found[0] if found else None


@lru_cache(maxsize=4)
def load_knowledge(root: str | None = None) -> Knowledge:
    """Every gazetteer of ``models/gazetteers/``, the organization heads and the name translations."""
    base = Path(root) if root else models_dir()
    knowledge = Knowledge()
    _add_organizations(knowledge, base / "gazetteers")
    _add_places(knowledge, base / "gazetteers")
    _add_words(knowledge, base)
    return knowledge


def _add_organizations(knowledge: Knowledge, gazetteers: Path) -> None:
    for filename, kind in (("units.csv", "UNIT"), ("partners.csv", "PARTNER")):
        for row in read_rows(gazetteers / filename):
            knowledge.add(Entry(canonical_text(row["canonical"]), kind, row["form"], row["kind"], source=filename))
    for row in read_rows(gazetteers / "aliases.csv"):  # names in other languages, and other names, of one body
        for form in (row["canonical"], row["alias"]):
            if knowledge.lookup(form, (row["type"],)) is None:
                knowledge.add(Entry(row["canonical"], row["type"], form, "name", source="aliases.csv"))
        knowledge.languages[fold_name(row["alias"])] = row["language"]
    for row in read_rows(gazetteers / "unit_lineage.csv"):  # the names a unit had before today's
        knowledge.add(Entry(row["canonical"], "UNIT", row["name"], "name", source="unit_lineage.csv"))
        if row["acronym"] and row["acronym"] != row["canonical"]:
            knowledge.add(Entry(row["canonical"], "UNIT", row["acronym"], "acronym", source="unit_lineage.csv"))
    for row in read_rows(gazetteers / "ignore.csv"):
        # "exact": only the phrase itself ("the Office"), not longer names that contain it
        source = "ignore.csv:exact" if row["scope"] == "exact" else "ignore.csv"
        knowledge.add(Entry(row["form"], "IGNORE", row["form"], "name", source=source))


def _add_places(knowledge: Knowledge, gazetteers: Path) -> None:
    for row in read_rows(gazetteers / "countries.csv"):
        knowledge.add(Entry(row["canonical"], "PLACE", row["name"], "country", row["code"], source="countries.csv"))
    for row in read_rows(gazetteers / "regions.csv"):
        knowledge.add(Entry(row["canonical"], "PLACE", row["name"], row["kind"], row["code"], source="regions.csv"))
    countries = {e.code: e.canonical for e in knowledge.entries if e.source == "countries.csv"}
    for row in read_rows(gazetteers / "country_names.csv"):  # "Sénégal", "Perú" in names written in those languages
        if row["code"] in countries:
            knowledge.add(Entry(countries[row["code"]], "PLACE", row["name"], "country", row["code"],
                                source="country_names.csv"))
            knowledge.languages[fold_name(row["name"])] = row["language"]
    for filename, kind in (("subdivisions.csv", "subnational"), ("cities.csv", "city")):  # ISO 3166-2; cities
        for row in read_rows(gazetteers / filename):
            knowledge.add(Entry(row["name"], "PLACE", row["name"], kind, row["code"], row["ambiguous"] == "1",
                                source=filename))


def _add_words(knowledge: Knowledge, base: Path) -> None:
    for row in read_rows(base / "patterns" / "org_heads.csv"):
        knowledge.heads[row["word"].lower()] = row["type"]
        if row.get("rule"):
            knowledge.head_rules[row["word"].lower()] = (row["rule"], row.get("rule_word", ""))
        if row.get("names_a_thing"):
            knowledge.things.add(row["word"].lower())
    knowledge.nationalities = {row["word"] for row in read_rows(base / "gazetteers" / "nationalities.csv")}
    for row in read_rows(base / "lexicon" / "translations.csv"):
        knowledge.translations[row["word"]] = row["english"]
        knowledge.word_languages[row["word"]] = row["language"]
    knowledge.romance_heads = frozenset(w for w, english in knowledge.translations.items()
                                        if knowledge.heads.get(english) in ("PARTNER", "UNIT"))
