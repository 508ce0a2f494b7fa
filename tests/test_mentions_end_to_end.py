"""A dev paper through the whole pipeline: exact mention rows for several paragraphs."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractor.cli import main
from extractor.tables import ACTIVITY_COLUMNS, MENTION_COLUMNS
from tests.conftest import SAMPLES


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("e2e")
    result = CliRunner().invoke(main, ["run", str(SAMPLES / "GB298-MNE-2-1.pdf"), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_mention_rows(output: Path) -> None:
    mentions = rows(output / "mentions.csv")
    assert list(mentions[0]) == MENTION_COLUMNS
    chosen = [(m["seg_id"], m["page"], m["type"], m["text"], m["norm"], int(m["start"]), int(m["end"]), m["method"])
              for m in mentions if m["seg_id"] in ("p2", "p6.1", "p9")]
    assert chosen == [
        ("p2", "1", "UNIT", "Coordination Group of the InFocus Initiative on CSR",
         "InFocus Initiative on CSR Coordination Group", 18, 69, "gazetteer:units.csv"),
        ("p2", "1", "PLACE", "Africa", "", 176, 182, "gazetteer:regions.csv"),
        ("p2", "1", "PLACE", "Asia", "", 184, 188, "gazetteer:regions.csv"),
        ("p2", "1", "PLACE", "Western Europe", "", 193, 207, "gazetteer:regions.csv"),
        ("p2", "1", "AMOUNT", "79", "79 members", 269, 271, "parse:count"),
        ("p6.1", "2", "PARTNER", "Better Cotton Initiative", "Better Cotton Initiative", 46, 70,
         "acronym:definition:gazetteer:partners.csv"),
        ("p6.1", "2", "PARTNER", "BCI", "Better Cotton Initiative", 72, 75, "acronym:use:gazetteer:partners.csv"),
        ("p6.1", "2", "DATE", "January 2007", "2007-01", 103, 115, "pattern:date-month"),
        ("p6.1", "2", "UNIT", "ACT/EMP", "ACT/EMP", 117, 124, "gazetteer:units.csv"),
        ("p6.1", "2", "UNIT", "ED/NORM", "ED/NORM", 126, 133, "gazetteer:units.csv"),
        ("p6.1", "2", "UNIT", "MULTI", "MULTI", 135, 140, "gazetteer:units.csv"),
        ("p6.1", "2", "UNIT", "SECTOR", "SECTOR", 146, 152, "gazetteer:units.csv"),
        ("p6.1", "2", "PARTNER", "BCI", "Better Cotton Initiative", 198, 201, "acronym:use:gazetteer:partners.csv"),
        ("p9", "4", "DATE", "2005–06", "2005/2006", 14, 21, "pattern:date-year-range"),
        ("p9", "4", "AMOUNT", "six training activities", "6 training activities", 44, 67, "parse:count"),
        ("p9", "4", "AMOUNT", "109 participants", "109 participants", 99, 115, "parse:count"),
        ("p9", "4", "AMOUNT", "Two main target groups", "2 target groups", 117, 139, "parse:count"),
        ("p9", "4", "PLACE", "Central Europe", "", 268, 282, "gazetteer:regions.csv"),
        ("p9", "4", "PLACE", "Russian Federation", "RU", 288, 306, "gazetteer:countries.csv"),
        ("p9", "4", "PLACE", "China", "CN", 311, 316, "gazetteer:countries.csv"),
    ]


def test_offsets_point_into_the_segment_text(output: Path) -> None:
    texts = {(s["doc_id"], s["seg_id"]): s["text"] for s in rows(output / "segments.csv")}
    for m in rows(output / "mentions.csv"):
        assert texts[(m["doc_id"], m["seg_id"])][int(m["start"]):int(m["end"])] == m["text"]
        assert m["text"] in m["sentence"]


def test_activity_rows(output: Path) -> None:
    activities = rows(output / "activities.csv")
    assert list(activities[0]) == ACTIVITY_COLUMNS
    by_seg = {a["seg_id"]: a for a in activities}
    assert {k: by_seg["p7.5"][k] for k in ("para", "item", "units", "partners", "places", "dates", "amounts")} == {
        "para": "7", "item": "5", "units": "ILO Office in Jakarta; MULTI",
        "partners": "United Nations Global Compact; United Nations Development Programme; APINDO",
        "places": "Jakarta (ID)", "dates": "", "amounts": "",
    }
    assert by_seg["p9"]["amounts"] == "6 training activities; 109 participants; 2 target groups"
