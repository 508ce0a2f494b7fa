"""Every label, id and code in the data files under models/ is valid."""

from __future__ import annotations

import csv
import json

import pycountry
import pytest

from extractor.annotate.nlp import load_pipeline, register_components
from extractor.resources import models_dir, pipeline_config

MODELS = models_dir()
CODES = {c.alpha_2 for c in pycountry.countries} | {"XK"}


def rows(name: str) -> list[dict[str, str]]:
    with (MODELS / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("name", ["gazetteers/units.csv", "gazetteers/partners.csv"])
def test_organization_gazetteers(name: str) -> None:
    data = rows(name)
    assert data
    for row in data:
        assert row["canonical"].strip() == row["canonical"] and row["canonical"], row
        assert row["form"].strip() == row["form"] and row["form"], row
        assert row["kind"] in ("acronym", "name", "weak"), row
        assert "’" not in row["canonical"], "canonical values use straight apostrophes"
    pairs = [(r["canonical"], r["form"]) for r in data]
    assert len(pairs) == len(set(pairs))


def test_an_acronym_means_one_thing_in_each_gazetteer() -> None:
    for name in ("gazetteers/units.csv", "gazetteers/partners.csv"):
        meaning: dict[str, str] = {}
        for row in rows(name):
            if row["kind"] == "acronym":
                assert meaning.setdefault(row["form"], row["canonical"]) == row["canonical"], row


@pytest.mark.parametrize("name", ["gazetteers/countries.csv", "gazetteers/cities.csv"])
def test_place_codes_are_iso_3166(name: str) -> None:
    for row in rows(name):
        assert row["code"] in CODES, row


def test_regions() -> None:
    for row in rows("gazetteers/regions.csv"):
        assert row["kind"] in ("region", "subnational"), row
        assert (row["code"] == "") == (row["kind"] == "region"), row
        assert row["code"] == "" or row["code"] in CODES, row


def test_org_heads_and_ignore_list() -> None:
    for row in rows("patterns/org_heads.csv"):
        assert row["type"] in ("UNIT", "PARTNER", "IGNORE") and row["word"] == row["word"].lower(), row
    assert all(row["form"] and row["reason"] for row in rows("gazetteers/ignore.csv"))


@pytest.mark.parametrize(("name", "labels"), [("patterns/dates.jsonl", {"DATE"}), ("patterns/amounts.jsonl", {"AMOUNT"}),
                                              ("patterns/units.jsonl", {"UNIT"})])
def test_pattern_files(name: str, labels: set[str]) -> None:
    lines = [json.loads(line) for line in (MODELS / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    ids = [rule["id"] for rule in lines]
    assert len(ids) == len(set(ids))
    for rule in lines:
        assert rule["label"] in labels
        assert ("regex" in rule) != ("pattern" in rule)


def test_pipeline_config_names_registered_components() -> None:
    register_components()
    from spacy.language import Language

    config = pipeline_config(MODELS)
    for name in config["nlp"]["pipeline"]:
        assert Language.has_factory(config["components"][name]["factory"]), name
        assert config["components"][name].get("models", str(MODELS)) == str(MODELS)


def test_every_component_module_is_an_entry_point_in_the_config() -> None:
    import pkgutil
    import tomllib
    from pathlib import Path

    from extractor.annotate import components

    project = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
    entry_points = project["project"]["entry-points"]["spacy_factories"]
    modules = {m.name for m in pkgutil.iter_modules(components.__path__)}
    assert {target.split(":")[0].rsplit(".", 1)[1] for target in entry_points.values()} == modules
    assert sorted(entry_points) == sorted(pipeline_config(MODELS)["nlp"]["pipeline"])


def test_pipeline_order_satisfies_every_requirement() -> None:
    nlp = load_pipeline()
    analysis = nlp.analyze_pipes(pretty=True)
    assert analysis["problems"] == {name: [] for name in nlp.pipe_names}
    assert nlp.pipe_names[-12:] == list(pipeline_config(MODELS)["nlp"]["pipeline"])
    assert analysis["summary"]["gb_model_ner"]["assigns"] == ["doc.ents"]


def test_lexicon_is_lower_case_compounds() -> None:
    lines = (MODELS / "lexicon" / "hyphenated.txt").read_text(encoding="utf-8").splitlines()
    for line in lines:
        if line and not line.startswith("#"):
            assert "-" in line and " " not in line, line


def test_unit_lineage_names_known_units_and_forward_years() -> None:
    units = {row["canonical"] for row in rows("gazetteers/units.csv")}
    lineage = rows("gazetteers/unit_lineage.csv")
    assert lineage
    for row in lineage:
        assert row["canonical"] in units, row
        assert row["name"].strip() == row["name"] and row["name"], row
        years = [int(row[key]) for key in ("from", "to") if row[key]]
        assert all(1919 <= year <= 2100 for year in years) and years == sorted(years), row


def test_furniture_patterns_match_their_examples() -> None:
    import re

    for line in (MODELS / "patterns" / "furniture.jsonl").read_text(encoding="utf-8").splitlines():
        rule = json.loads(line)
        assert rule["kind"] in ("site", "furniture"), rule
        assert re.match(rule["regex"], rule["example"]), rule


def test_person_patterns_are_valid_matcher_patterns() -> None:
    from spacy.lang.en import English
    from spacy.matcher import Matcher

    matcher = Matcher(English().vocab, validate=True)
    for line in (MODELS / "patterns" / "persons.jsonl").read_text(encoding="utf-8").splitlines():
        rule = json.loads(line)
        matcher.add(rule["id"], [rule["pattern"]])
        assert rule["example"] and rule["note"]


@pytest.mark.parametrize("name", ["patterns/dates.jsonl", "patterns/amounts.jsonl"])
def test_every_regex_pattern_matches_its_example(name: str) -> None:
    import re

    from extractor.annotate.regex_rules import expand

    for line in (MODELS / name).read_text(encoding="utf-8").splitlines():
        rule = json.loads(line)
        example = re.sub(r"\s*\(.*\)$", "", rule["example"])  # "12 September (the year is …)"
        assert re.search(expand(rule["regex"]), example), rule["id"]


@pytest.mark.parametrize("name", ["patterns/units.jsonl", "patterns/persons.jsonl"])
def test_every_token_pattern_matches_its_example(name: str) -> None:
    import spacy
    from spacy.matcher import Matcher

    nlp = spacy.blank("en")
    for line in (MODELS / name).read_text(encoding="utf-8").splitlines():
        rule = json.loads(line)
        matcher = Matcher(nlp.vocab, validate=True)
        matcher.add(rule["id"], [rule["pattern"]])
        assert matcher(nlp.make_doc(rule["example"].split(",")[0])), rule["id"]


def test_word_lists_have_a_note_and_no_duplicates() -> None:
    entries = rows("lexicon/words.csv")
    lists: dict[str, list[str]] = {}
    for row in entries:
        lists.setdefault(row["list"], []).append(row["word"])
    for name, words in lists.items():
        assert len(words) == len(set(words)), name
        assert next(r for r in entries if r["list"] == name)["note"], f"{name} has no note"
    assert {"sentence_start", "name_connector", "not_counted_after", "always_capitalised", "subject_stopword",
            "article_name", "unit_head"} <= set(lists)


def test_lexicon_tables() -> None:
    import pycountry

    codes = {c.alpha_3 for c in pycountry.currencies}
    assert all(row["code"] in codes and row["symbol"] in ("0", "1") for row in rows("lexicon/currencies.csv"))
    months = rows("lexicon/months.csv")
    assert sorted({(m["language"], int(m["number"])) for m in months}) == [
        (language, n) for language in ("en", "es", "fr") for n in range(1, 13)]
    numbers = rows("lexicon/numbers.csv")
    assert all(row["kind"] in ("unit", "ten", "scale") and float(row["value"]) >= 0 for row in numbers)


def test_head_word_rules_are_known_and_complete() -> None:
    from extractor.annotate.organization_types import HEAD_RULES

    ruled = [row for row in rows("patterns/org_heads.csv") if row["rule"]]
    assert sorted(row["word"] for row in ruled) == ["board", "bureau", "committee", "department", "group", "office",
                                                    "team"]
    for row in ruled:
        assert row["rule"] in {*HEAD_RULES, "min-words"}, row
        if row["rule"] in ("needs-word", "national-only"):
            assert row["rule_word"][:1].isupper(), row
        if row["rule"] == "min-words":
            assert row["rule_word"].isdigit(), row
