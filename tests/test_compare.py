"""Series, changes between consecutive papers, recurring numbers, and the comparison files."""

from __future__ import annotations

import csv
import json
import re
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from extractor.annotate.gazetteers import load_knowledge
from extractor.cli import main
from extractor.compare.changes import changes
from extractor.compare.series import group_series
from extractor.compare.values import recurring_values
from extractor.identity import link
from extractor.model import Paper, Series
from tests.conftest import GOLD, SAMPLES


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def paper(symbol: str, date: str, entities: dict[str, list[tuple[str, str]]], body: str = "MNE") -> Paper:
    mentions = [{"type": t, "norm": norm, "text": norm, "para": para, "seg_id": f"p{para}", "section": "",
                 "symbol": symbol, "session_date": date} for t, pairs in entities.items() for norm, para in pairs]
    return Paper(symbol, date, "", "Update on CSR", body, symbol, mentions, ["corporate social responsibility"] * 5)


A = paper("GB.1/MNE/1", "2007-03", {"UNIT": [("MULTI", "6"), ("ED/NORM", "6")], "PARTNER": [("IOE", "6")]})
B = paper("GB.2/MNE/1", "2007-11", {"UNIT": [("MULTI", "6"), ("ACTRAV", "7")], "PARTNER": [("IOE", "3")]})
C = paper("GB.3/POL/1", "2008-03", {"UNIT": [("ED/NORM", "2"), ("ACTRAV", "4")]})


def names(*papers: Paper) -> dict[str, str]:
    """Link the papers' mentions, as a run does, and give each entity_id its canonical name."""
    mentions = [m for p in papers for m in p.mentions]
    identities = link(mentions, load_knowledge())
    for mention, entity in zip(mentions, identities.by_mention, strict=True):
        mention["entity_id"] = entity
    return {e.entity_id: e.canonical for e in identities.entities}


def statuses(rows: list[dict[str, str]]) -> list[tuple[str, str, str, str, str]]:
    return [(r["type"], r["entity"], r["status"], r["from_paras"], r["to_paras"]) for r in rows]


def test_a_paper_compared_with_itself_only_continues() -> None:
    rows = changes(Series("s", [A, A]), names(A))
    assert {r["status"] for r in rows} == {"continuing"}


def test_swapping_the_order_swaps_new_and_dropped() -> None:
    forward = statuses(changes(Series("s", [A, B]), names(A, B)))
    backward = statuses(changes(Series("s", [B, A]), names(A, B)))
    assert forward == [("UNIT", "ACTRAV", "new", "", "7"), ("UNIT", "ED/NORM", "dropped", "6", ""),
                       ("UNIT", "MULTI", "continuing", "6", "6"),
                       ("PARTNER", "International Organisation of Employers", "continuing", "6", "3")]
    swap = {"new": "dropped", "dropped": "new", "continuing": "continuing"}
    assert backward == [(t, e, swap[s], b, a) for t, e, s, a, b in forward]


def test_an_entity_absent_from_the_previous_paper_but_seen_before_is_returning() -> None:
    rows = changes(Series("s", [A, B, C]), names(A, B, C))
    last = [(r["entity"], r["status"]) for r in rows if r["to_symbol"] == "GB.3/POL/1" and r["type"] == "UNIT"]
    assert last == [("ACTRAV", "continuing"), ("ED/NORM", "returning"), ("MULTI", "dropped")]


def test_series_group_by_body_across_the_2011_change_and_keep_other_bodies_apart() -> None:
    tc = paper("GB.4/TC/1", "2007-11", {"UNIT": [("PARDEV", "1")]}, body="TC")
    found = group_series([C, tc, B, A])
    assert [(s.name.split(":")[0], [p.symbol for p in s.papers]) for s in found] == [
        ("MNE", ["GB.1/MNE/1", "GB.2/MNE/1", "GB.3/POL/1"]), ("TC", ["GB.4/TC/1"])]


@pytest.fixture(scope="module")
def pair_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    outs = {}
    for name, files in {"298-300": ["GB298-MNE-2-1.pdf", "GB300-MNE-3.doc"],
                        "300-319": ["GB300-MNE-3.pdf", "GB319-POL-6.docx"]}.items():
        out = tmp_path_factory.mktemp(name)
        result = CliRunner().invoke(main, ["run", *[str(SAMPLES / f) for f in files], "--out", str(out), "--quiet"])
        assert result.exit_code == 0, result.output
        outs[name] = out
    return outs


@pytest.mark.parametrize(("run", "expected"), [("298-300", "GB298-to-GB300"), ("300-319", "GB300-to-GB319")])
def test_changes_match_the_expected_sets(pair_runs: dict[str, Path], run: str, expected: str) -> None:
    want = json.loads((GOLD / f"{expected}.expected.json").read_text(encoding="utf-8"))
    rows = read(pair_runs[run] / "changes.csv")
    assert {(r["from_symbol"], r["to_symbol"]) for r in rows} == {(want["from"]["doc"], want["to"]["doc"])}
    for type_, key in (("UNIT", "UNIT"), ("PARTNER", "PARTNER"), ("PLACE", "PLACE_by_name")):
        for status in ("new", "dropped", "continuing"):
            got = sorted(r["entity"] for r in rows if r["type"] == type_ and r["status"] == status)
            assert got == sorted(want[key][status]), (type_, status)


def test_changes_say_where_each_entity_is_mentioned(pair_runs: dict[str, Path]) -> None:
    rows = {(r["type"], r["entity"]): r for r in read(pair_runs["298-300"] / "changes.csv")}
    assert (rows[("UNIT", "ACTRAV")]["from_paras"], rows[("UNIT", "ACTRAV")]["to_paras"]) == ("", "6, 7")
    itc = rows[("UNIT", "ITC-ILO")]
    assert (itc["status"], itc["from_paras"], itc["to_paras"]) == ("continuing", "1, other", "1, 2, 7, other")


def test_series_values_hold_the_recurring_numbers(pair_runs: dict[str, Path]) -> None:
    values = [(r["symbol"], r["measure"], r["value"], r["unit"], r["para"], r["note"])
              for r in read(pair_runs["298-300"] / "series.csv")]
    for row in [
        ("GB.298/MNE/2/1", "InFocus Initiative on CSR Coordination Group: members", "79", "members", "2", ""),
        ("GB.300/MNE/3", "InFocus Initiative on CSR Coordination Group: members", "94", "members", "2", ""),
        ("GB.298/MNE/2/1", "ITC-ILO: activities", "6", "training activities", "9", ""),
        ("GB.300/MNE/3", "ITC-ILO: activities", "9", "training activities", "9", ""),
        ("GB.298/MNE/2/1", "ITC-ILO: participants", "109", "participants", "9", ""),
        ("GB.300/MNE/3", "ITC-ILO: participants", "187", "participants", "9", ""),
        ("GB.298/MNE/2/1", "ITC-ILO: funding", "300000", "USD", "8", ""),
        ("GB.300/MNE/3", "ITC-ILO: funding", "150000", "EUR", "8", ""),
        ("GB.300/MNE/3", "InFocus Initiative on CSR Coordination Group: members", "79", "members", "2",
         "restates the previous update's figure"),
    ]:
        assert row in values
    periods = {(r["symbol"], r["value"]): r["period"] for r in read(pair_runs["298-300"] / "series.csv")
               if r["measure"].startswith("ITC-ILO: ") and r["unit"] != "USD" and r["unit"] != "EUR"}
    assert periods == {("GB.298/MNE/2/1", "6"): "2005/2006", ("GB.298/MNE/2/1", "109"): "2005/2006",
                       ("GB.300/MNE/3", "9"): "2007", ("GB.300/MNE/3", "187"): "2007"}
    later = [(r["symbol"], r["value"]) for r in read(pair_runs["300-319"] / "series.csv")
             if r["measure"] in ("ITC-ILO: activities", "ITC-ILO: participants")]
    assert later == [("GB.300/MNE/3", "9"), ("GB.300/MNE/3", "187"), ("GB.319/POL/6", "24"),
                     ("GB.319/POL/6", "538"), ("GB.319/POL/6", "14"), ("GB.319/POL/6", "318")]


def test_matrix_report_and_workbook(pair_runs: dict[str, Path]) -> None:
    out = pair_runs["298-300"]
    matrix = {(r["type"], r["entity"]): r for r in read(out / "matrix.csv")}
    multi = matrix[("UNIT", "MULTI")]
    assert (multi["GB.298/MNE/2/1 mentions"], multi["GB.298/MNE/2/1 paragraphs"],
            multi["GB.300/MNE/3 mentions"], multi["GB.300/MNE/3 paragraphs"]) == ("3", "2", "4", "2")
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<svg" in html and "ITC-ILO: participants (participants)" in html and "<script" not in html
    participants = html[html.index("ITC-ILO: participants (participants)"):].split("</figure>")[0]
    assert re.findall(r"<a href='([^']+)'><circle cx='([\d.]+)'.*?<title>([^<]+)</title>", participants) == [
        ("review/GB.298-MNE-2-1.html#seg-GB298-MNE-2-1-pdf-p9", "40.0", "GB.298/MNE/2/1 para 9: 109 participants, 2005/2006"),
        ("review/GB.300-MNE-3.html#seg-GB300-MNE-3-doc-p9", "400.0", "GB.300/MNE/3 para 9: 187 participants, 2007")]
    assert "ITC-ILO: funding (EUR)" in html and "ITC-ILO: funding (USD)" in html
    assert ("<li style='color:#2e7d32'>ACTRAV <small>(GB.300/MNE/3 ¶ <a href='review/GB.300-MNE-3.html#seg-GB300-MNE-3-"
            "doc-p6'>6</a>, <a href='review/GB.300-MNE-3.html#seg-GB300-MNE-3-doc-p7'>7</a>)</small></li>") in html
    workbook = load_workbook(out / "report.xlsx")
    assert workbook.sheetnames == ["documents", "mentions", "entities", "changes", "series", "matrix"]
    for sheet in workbook.worksheets:
        assert (sheet.freeze_panes, sheet["A1"].font.bold, sheet.auto_filter.ref) == ("A2", True, sheet.dimensions)
    documents, mentions = workbook["documents"], workbook["mentions"]
    columns = {cell.value: cell.column_letter for cell in documents[1]}
    first = {name: documents[f"{letter}2"] for name, letter in columns.items()}
    assert (first["doc_id"].value, first["date"].value, first["date"].number_format) == (
        "GB298-MNE-2-1.pdf", datetime(2007, 2, 7), "yyyy-mm-dd")
    assert (first["session_date"].value, first["session_date"].number_format) == (datetime(2007, 3, 1), "yyyy-mm")
    assert (first["paragraphs"].value, first["pages"].value) == (10, 5)
    para = {cell.value: cell.column_letter for cell in mentions[1]}["para"]
    assert {type(cell.value) for cell in mentions[para][1:]} == {int, type(None)}
    assert int(documents.column_dimensions[columns["title"]].width) == 45  # 45 characters, plus Excel's padding


def test_compare_command_on_run_folders(pair_runs: dict[str, Path], tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["compare", str(pair_runs["298-300"]), str(pair_runs["300-319"]),
                                       "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("1 series of 3 papers;")
    pairs = {(r["from_symbol"], r["to_symbol"]) for r in read(tmp_path / "changes.csv")}
    assert pairs == {("GB.298/MNE/2/1", "GB.300/MNE/3"), ("GB.300/MNE/3", "GB.319/POL/6")}
    returning = {r["entity"] for r in read(tmp_path / "changes.csv") if r["status"] == "returning"}
    assert {"Bangladesh", "South Asia", "United Kingdom"} <= returning


def test_compare_refuses_a_folder_that_is_not_a_run(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["compare", str(tmp_path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "not a run output folder" in result.output


def counted(symbol: str, date: str, para: str, sentence: str, amount: str, norm: str, period: str = "") -> Paper:
    start = sentence.index(amount)
    mentions = [{"doc_id": symbol, "symbol": symbol, "session_date": date, "seg_id": f"p{para}", "para": para,
                 "section": "", "type": "AMOUNT", "text": amount, "norm": norm, "start": str(start),
                 "end": str(start + len(amount)), "sentence": sentence, "entity_id": ""}]
    if period:
        at = sentence.index(period)
        mentions.append({**mentions[0], "type": "DATE", "text": period, "norm": period, "start": str(at)})
    return Paper(symbol, date, f"{date}-15", "Helpdesk", "POL", symbol, mentions, ["helpdesk business queries"] * 5)


def test_a_measure_recurs_however_each_paper_words_it() -> None:
    first = counted("GB.320/POL/9", "2014-03", "6", "The help service received 56 enquiries in 2013.", "56 enquiries",
                    "56 enquiries", "2013")
    second = counted("GB.323/POL/7", "2015-03", "3", "The service responded to 230 requests.", "230 requests",
                     "230 requests")
    rows = recurring_values(Series("POL: Helpdesk", [first, second]))
    assert [(r["symbol"], r["measure"], r["value"], r["unit"], r["period"], r["para"], r["seg_id"]) for r in rows] == [
        ("GB.320/POL/9", "queries", 56, "enquiries", "2013", "6", "p6"),
        ("GB.323/POL/7", "queries", 230, "requests", "2015-03-15", "3", "p3"),
    ]


def test_the_time_axis_places_papers_by_their_session_dates() -> None:
    from extractor.compare.report import TimeAxis

    axis = TimeAxis(["2007-03", "2007-11", "2013-10"])
    assert [round(axis.x(d, 0, 100), 1) for d in ("2007-03", "2007-11", "2013-10")] == [0.0, 10.1, 100.0]
