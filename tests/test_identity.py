"""One identity per organization, unit and place across papers: each linking kind on two small papers with
two names and one entity_id, the analyst's same/different, and ids that are the same in any run."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from extractor.annotate.gazetteers import load_knowledge
from extractor.cli import main
from extractor.identity import Identities, acronyms_across_run, entity_id, link
from extractor.overrides import Override


def mention(symbol: str, type_: str, text: str, norm: str = "", method: str = "chunk+heads:foundation",
            para: str = "1", start: int = 0) -> dict[str, Any]:
    return {"doc_id": f"{symbol}.txt", "symbol": symbol, "session_date": {"GB.1/X/1": "2007-03"}.get(symbol, "2008-03"),
            "seg_id": f"p{para}", "para": para, "type": type_, "text": text, "norm": norm or text, "method": method,
            "start": start, "end": start + len(text)}


def ids(identities: Identities) -> list[str]:
    return identities.by_mention


def entity(identities: Identities, canonical: str) -> dict[str, str]:
    return next(row for row in identities.rows() if row["canonical"] == canonical)


def entity_of(identities: Identities, index: int) -> dict[str, str]:
    """The entities.csv row of the ``index``-th mention's entity."""
    return next(row for row in identities.rows() if row["entity_id"] == identities.by_mention[index])


def test_an_acronym_defined_in_one_paper_is_found_and_joined_in_the_next() -> None:
    first = [mention("GB.1/X/1", "PARTNER", "Zimbabwe Congress of Trade Unions", method="acronym:definition:heads:unions"),
             mention("GB.1/X/1", "PARTNER", "ZCTU", "Zimbabwe Congress of Trade Unions", "acronym:use:heads:unions",
                     start=35)]
    segments = [{"doc_id": "GB.2/X/1.txt", "symbol": "GB.2/X/1", "seg_id": "p3", "kind": "paragraph", "para": "3",
                 "text": "The ZCTU and the ZCTU-led unions met; ZCTUs did not."}]
    found = acronyms_across_run(first, segments, {"GB.2/X/1.txt": "2008-03"})
    assert [(m["symbol"], m["para"], m["text"], m["norm"], m["start"], m["method"]) for m in found] == [
        ("GB.2/X/1", "3", "ZCTU", "Zimbabwe Congress of Trade Unions", 4, "acronym:run:GB.1/X/1 para 1")]
    identities = link(first + found, load_knowledge())
    assert len(set(ids(identities))) == 1
    row = entity(identities, "Zimbabwe Congress of Trade Unions")
    assert (row["aliases"], row["first_seen"], row["last_seen"], row["linked_by"]) == (
        "ZCTU (2); Zimbabwe Congress of Trade Unions (1)", "GB.1/X/1 (2007-03)", "GB.2/X/1 (2008-03)",
        "acronym ZCTU defined in GB.1/X/1 para 1")


def test_a_name_in_another_language_from_the_alias_table() -> None:
    rows = [mention("GB.1/X/1", "PARTNER", "Fundación ONCE", "ONCE Foundation", "gazetteer:aliases.csv"),
            mention("GB.2/X/1", "PARTNER", "ONCE Foundation", "ONCE Foundation", "gazetteer:aliases.csv")]
    identities = link(rows, load_knowledge())
    assert ids(identities) == [entity_id("PARTNER", "once foundation")] * 2
    row = entity(identities, "ONCE Foundation")
    assert (row["languages"], row["linked_by"]) == ("en; es", "alias table (Fundación ONCE)")


def test_names_alike_once_their_head_words_are_translated() -> None:
    rows = [mention("GB.1/X/1", "PARTNER", "Fundação Getulio Vargas"),
            mention("GB.2/X/1", "PARTNER", "Getulio Vargas Foundation")]
    identities = link(rows, load_knowledge())
    assert len(set(ids(identities))) == 1
    assert (entity_of(identities, 0)["canonical"], entity_of(identities, 0)["linked_by"]) == (
        "Getulio Vargas Foundation", "head-word translation (getulio vargas foundation = fundação getulio vargas)")


def test_country_name_variants_share_the_iso_code() -> None:
    rows = [mention("GB.1/X/1", "PLACE", "Vietnam", "VN", "gazetteer:countries.csv"),
            mention("GB.2/X/1", "PLACE", "Viet Nam", "VN", "gazetteer:countries.csv"),
            mention("GB.2/X/1", "PLACE", "Turkey", "TR", "gazetteer:countries.csv"),
            mention("GB.1/X/1", "PLACE", "Türkiye", "TR", "gazetteer:countries.csv"),
            mention("GB.1/X/1", "PLACE", "Hanoi", "VN", "gazetteer:cities.csv")]
    identities = link(rows, load_knowledge())
    assert [(r["canonical"], r["norm"]) for r in identities.rows()] == [("Hanoi", "VN"), ("Türkiye", "TR"),
                                                                      ("Viet Nam", "VN")]
    assert ids(identities)[0] == ids(identities)[1] == entity_id("PLACE", "VN")


def test_a_fuzzy_join_says_its_score_and_short_names_are_never_joined() -> None:
    rows = [mention("GB.1/X/1", "PARTNER", "Zimbabwe Congress of Trade Unions"),
            mention("GB.2/X/1", "PARTNER", "Zimbabwe Congress of Trades Unions"),
            mention("GB.1/X/1", "PARTNER", "ABC Union"), mention("GB.2/X/1", "PARTNER", "ABD Union")]
    identities = link(rows, load_knowledge())
    assert len(set(ids(identities)[:2])) == 1 and ids(identities)[2] != ids(identities)[3]
    assert entity_of(identities, 0)["linked_by"] == (
        "fuzzy 0.98 (zimbabwe congress of trade unions ~ zimbabwe congress of trades unions)")


def test_an_analysts_same_and_different() -> None:
    rows = [mention("GB.1/X/1", "PARTNER", "Zimbabwe Congress of Trade Unions"),
            mention("GB.2/X/1", "PARTNER", "Zimbabwe Congress of Trades Unions"),
            mention("GB.1/X/1", "PARTNER", "Acme Mining Company"), mention("GB.2/X/1", "PARTNER", "Acme Holdings")]
    rules = [Override("", "", "PARTNER", "Zimbabwe Congress of Trade Unions", "different",
                      norm="Zimbabwe Congress of Trades Unions", line=2),
             Override("", "", "PARTNER", "Acme Holdings", "same", norm="Acme Mining Company", line=3)]
    identities = link(rows, load_knowledge(), rules)
    found = ids(identities)
    assert found[0] != found[1] and found[2] == found[3]
    assert entity_of(identities, 3)["linked_by"] == "same (overrides.csv line 3)"


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_entity_ids_are_the_same_in_two_runs_in_different_folders(tmp_path: Path) -> None:
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "GB301-MNE-2.txt").write_text(
        "GB.301/MNE/2\n\n1. The Zimbabwe Congress of Trade Unions (ZCTU) met the IOE in Harare.\n", encoding="utf-8")
    (papers / "GB303-MNE-1.txt").write_text("GB.303/MNE/1\n\n1. The ZCTU met the IOE in Viet Nam.\n", encoding="utf-8")
    tables = []
    for name in ("first", "second"):
        result = CliRunner().invoke(main, ["run", str(papers), "--out", str(tmp_path / name), "--quiet"])
        assert result.exit_code == 0, result.output
        tables.append(read(tmp_path / name / "entities.csv"))
    assert tables[0] == tables[1]
    assert [(r["entity_id"], r["canonical"], r["papers"]) for r in tables[0]] == [
        (entity_id("PARTNER", "international organisation of employers"), "International Organisation of Employers",
         "GB.301/MNE/2; GB.303/MNE/1"),
        (entity_id("PARTNER", "zimbabwe congress of trade unions"), "Zimbabwe Congress of Trade Unions",
         "GB.301/MNE/2; GB.303/MNE/1"),
        (entity_id("PLACE", "harare"), "Harare", "GB.301/MNE/2"),
        (entity_id("PLACE", "VN"), "Viet Nam", "GB.303/MNE/1"),
        (entity_id("PLACE", "ZW"), "Zimbabwe", "GB.301/MNE/2"),
    ]
    mentions = read(tmp_path / "first" / "mentions.csv")
    assert {m["entity_id"] for m in mentions if m["text"] == "ZCTU"} == {tables[0][1]["entity_id"]}


def test_a_unit_under_its_former_name_then_its_new_one_is_continuing(tmp_path: Path) -> None:
    papers = tmp_path / "papers"
    papers.mkdir()
    for symbol, header, unit in (
            ("GB.298/MNE/2/1", "298th Session\nGeneva, March 2007\nSubcommittee on Multinational Enterprises",
             "Multinational Enterprises Programme"),
            ("GB.317/POL/8", "317th Session, Geneva, 6–28 March 2013\nPolicy Development Section\n"
                             "Multinational Enterprises Segment", "Multinational Enterprises and Enterprise Engagement Unit")):
        name = symbol.replace("GB.", "GB").replace("/", "-") + ".txt"
        (papers / name).write_text(
            f"{symbol}\n{header}\n\n"
            f"1. The {unit} promoted the MNE Declaration with the IOE in Kenya.\n\n"
            f"2. The {unit} trained employers in Kenya on the MNE Declaration.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["run", str(papers), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    changes = [(r["type"], r["entity"], r["status"], r["from_paras"], r["to_paras"]) for r in read(out / "changes.csv")]
    assert ("UNIT", "MULTI", "continuing", "1, 2", "1, 2") in changes
