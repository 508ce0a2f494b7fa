"""Analysts' corrections, the review page in a real browser, escaping and formula injection."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractor.cli import main
from extractor.overrides import Override, OverrideError, apply_overrides, load_overrides
from extractor.review import highlight
from extractor.rows import safe_cell
from tests.conftest import SAMPLES, needs_soffice

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PAPER = """GB.399/MNE/1

1. The Subregional Office for South Asia met the IOE in Dhaka in May 2010 <script>window.hacked = 1</script>.

2. =HYPERLINK("http://example.org") was typed by someone; 40 participants attended in Lima.
"""


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_overrides(path: Path, rows: list[str]) -> None:
    path.write_text("symbol,para,type,text,action,new_type,norm,note\n" + "\n".join(rows) + "\n", encoding="utf-8")


@pytest.fixture()
def run_folder(tmp_path: Path) -> Path:
    paper = tmp_path / "GB399-MNE-1.txt"
    paper.write_text(PAPER, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["run", str(paper), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out


def test_run_leaves_an_overrides_template(run_folder: Path) -> None:
    assert (run_folder / "overrides.csv").read_text(encoding="utf-8") == (
        "symbol,para,type,text,action,new_type,norm,note\n")


def test_overrides_drop_relabel_and_add_and_survive_reruns(run_folder: Path, tmp_path: Path) -> None:
    before = {(m["para"], m["type"], m["text"]) for m in read(run_folder / "mentions.csv")}
    assert ("1", "PARTNER", "IOE") in before and ("2", "PLACE", "Lima") in before
    write_overrides(run_folder / "overrides.csv", [
        "GB.399/MNE/1,1,PARTNER,IOE,drop,,,not meant here",
        "GB.399/MNE/1,2,PLACE,Lima,relabel,PLACE,PE,",
        "GB.399/MNE/1,1,DATE,May,add,,2010-05,the model missed it",
    ])
    for _ in range(2):  # a re-run applies the same corrections once
        result = CliRunner().invoke(main, ["run", str(tmp_path / "GB399-MNE-1.txt"), "--out", str(run_folder),
                                           "--quiet"])
        assert result.exit_code == 0, result.output
        rows = read(run_folder / "mentions.csv")
        found = [(m["para"], m["type"], m["text"], m["norm"], m["method"], m["correction"]) for m in rows
                 if m["correction"]]
        assert found == [
            ("2", "PLACE", "Lima", "PE", "gazetteer:cities.csv", "relabel (overrides.csv line 3)"),
            ("1", "DATE", "May", "2010-05", "override", "add (overrides.csv line 4): the model missed it"),
        ]
        assert not any(m["text"] == "IOE" for m in rows)
        added = next(m for m in rows if m["method"] == "override")
        text = next(s["text"] for s in read(run_folder / "segments.csv") if s["seg_id"] == "p1")
        assert text[int(added["start"]):int(added["end"])] == "May"


def test_bad_overrides_are_a_clear_error(run_folder: Path) -> None:
    write_overrides(run_folder / "overrides.csv", ["GB.399/MNE/1,1,PARTNER,IOE,delete,,,"])
    with pytest.raises(OverrideError, match="action must be one of drop, relabel, add, same, different"):
        load_overrides(run_folder / "overrides.csv")
    result = CliRunner().invoke(main, ["review", str(run_folder), "--out", str(run_folder / "r.html")])
    assert result.exit_code == 2 and "overrides.csv:2: action must be one of" in result.output


def test_apply_overrides_matches_despite_case_and_quotes() -> None:
    mentions = [{"symbol": "GB.1/X/1", "para": "3", "type": "PARTNER", "text": "Employers’ Federation", "norm": "x"}]
    rule = Override("GB.1/X/1", "3", "PARTNER", "employers' federation", "drop")
    assert apply_overrides(mentions, [rule]) == []


def test_csv_cells_never_start_a_formula(run_folder: Path) -> None:
    texts = [s["text"] for s in read(run_folder / "segments.csv") if s["seg_id"] == "p2"]
    assert texts == ["'=HYPERLINK(\"http://example.org\") was typed by someone; 40 participants attended in Lima."]
    assert [safe_cell(v) for v in ("=1+1", "+A1", "-2", "@SUM", "\tx", "ok", 3)] == [
        "'=1+1", "'+A1", "'-2", "'@SUM", "'\tx", "ok", "3"]


def test_highlight_escapes_and_nests() -> None:
    text = "The Office for <Mexico> and Cuba"
    mentions = [{"start": "4", "end": "32", "type": "UNIT", "norm": "x"},
                {"start": "15", "end": "23", "type": "PLACE", "norm": "MX"}]
    assert highlight(text, mentions) == (
        "The <mark class='t-UNIT' title='UNIT: x'>Office for <mark class='t-PLACE' title='PLACE: MX'>"
        "&lt;Mexico&gt;</mark> and Cuba</mark>")


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (./scripts/setup installs it)")
def test_review_pages_in_chromium(run_folder: Path, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    write_overrides(run_folder / "overrides.csv", ["GB.399/MNE/1,2,PLACE,Lima,relabel,PLACE,PE,checked"])
    folder = tmp_path / "review"
    result = CliRunner().invoke(main, ["review", str(run_folder), "--out", str(folder)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.iterdir()) == ["GB.399-MNE-1.html", "index.html"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"])
        page = browser.new_page()
        page.goto((folder / "index.html").as_uri())
        assert page.inner_text("#shown") == "1 of 1 papers"
        page.fill("#paper-filter", "GB.400")
        assert page.inner_text("#shown") == "0 of 1 papers"
        page.fill("#paper-filter", "gb.399")
        page.click("#papers a")
        assert page.url.endswith("/GB.399-MNE-1.html")
        marks = page.eval_on_selector_all("section.paper mark", "ms => ms.map(m => [m.className, m.textContent])")
        assert ["t-UNIT", "Subregional Office for South Asia"] in marks
        assert ["t-PLACE", "South Asia"] in marks and ["t-PARTNER", "IOE"] in marks
        assert ["t-PLACE corrected", "Lima"] in marks
        assert page.evaluate("window.hacked") is None
        assert "<script>window.hacked = 1</script>" in page.inner_text("#seg-GB399-MNE-1-txt-p1")
        visible = "rows => rows.filter(r => !r.hidden).map(r => r.dataset.type + ':' + r.cells[3].textContent)"
        total = len(page.eval_on_selector_all("#mentions tbody tr", visible))
        page.select_option("#type-filter", "PLACE")
        assert page.eval_on_selector_all("#mentions tbody tr", visible) == [
            "PLACE:South Asia", "PLACE:Dhaka", "PLACE:Lima"]
        page.fill("#text-filter", "dha")
        assert page.eval_on_selector_all("#mentions tbody tr", visible) == ["PLACE:Dhaka"]
        assert page.inner_text("#shown") == f"1 of {total} mentions"
        page.select_option("#type-filter", "")
        page.fill("#text-filter", "organisation of employers")  # the normalised name of "IOE"
        assert page.eval_on_selector_all("#mentions tbody tr", visible) == ["PARTNER:IOE"]
        row = page.eval_on_selector("#mentions tbody tr:not([hidden])", "r => r.id")
        page.click(f"#{row}")
        assert page.eval_on_selector_all(".seg.outlined", "ss => ss.map(s => s.id)") == ["seg-GB399-MNE-1-txt-p1"]
        page.click(".seg.outlined a.back")
        assert page.evaluate("location.hash") == f"#{row}"
        assert page.eval_on_selector_all(".seg.outlined", "ss => ss.length") == 0
        browser.close()


def test_review_of_the_dev_paper_marks_every_mention(tmp_path: Path) -> None:
    out = tmp_path / "run"
    assert CliRunner().invoke(main, ["run", str(SAMPLES / "GB298-MNE-2-1.pdf"), "--out", str(out), "--quiet"]).exit_code == 0
    page = (out / "review" / "GB.298-MNE-2-1.html").read_text(encoding="utf-8")
    assert page.count("<mark class='t-") == len(read(out / "mentions.csv"))
    assert len(page.encode("utf-8")) < 300_000


@needs_soffice
def test_each_correction_lands_in_every_file_of_its_paper(tmp_path: Path) -> None:
    renders = ["GB298-MNE-2-1.pdf", "GB298-MNE-2-1.docx", "GB298-MNE-2-1.doc"]
    out = tmp_path / "out"
    out.mkdir()
    write_overrides(out / "overrides.csv", [
        "GB.298/MNE/2/1,6,PARTNER,BCI,drop,,,not the initiative here",
        "GB.298/MNE/2/1,2,AMOUNT,79,relabel,,79 focal persons,",
        "GB.298/MNE/2/1,3,UNIT,Group,add,,InFocus Initiative on CSR Coordination Group,",
        ",,PARTNER,Brands Ethical Working Group,same,,Social Compliance Forum,one forum",
        ",,UNIT,Subregional Office for South Asia,different,,Subregional Office for Southern Africa,",
        "GB.298/MNE/2/1,3,PARTNER,Acme Corporation,drop,,,",
        "GB.298/MNE/2/1,3,PARTNER,Nowhere Foundation,add,,,",
    ])
    result = CliRunner().invoke(main, ["run", *[str(SAMPLES / r) for r in renders], "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert [line for line in result.output.splitlines() if line.startswith("warning")] == [
        "warning: overrides.csv line 7: drop PARTNER 'Acme Corporation' in GB.298/MNE/2/1 para 3 matched nothing",
        "warning: overrides.csv line 8: add PARTNER 'Nowhere Foundation': the text is not in paragraph 3 of "
        "GB.298/MNE/2/1",
    ]
    mentions = read(out / "mentions.csv")
    segments = {(s["doc_id"], s["seg_id"]): s["text"] for s in read(out / "segments.csv")}
    for render in renders:
        mine = [m for m in mentions if m["doc_id"] == render]
        assert not [m for m in mine if m["para"] == "6" and m["text"] == "BCI"]
        assert [m["norm"] for m in mine if m["type"] == "AMOUNT" and m["text"] == "79"] == ["79 focal persons"]
        added = [m for m in mine if m["method"] == "override"]
        assert [(m["para"], m["type"], m["text"], m["norm"]) for m in added] == [
            ("3", "UNIT", "Group", "InFocus Initiative on CSR Coordination Group")]
        assert segments[(render, added[0]["seg_id"])][int(added[0]["start"]):int(added[0]["end"])] == "Group"
        ids = {m["text"]: m["entity_id"] for m in mine}
        assert ids["Brands Ethical Working Group"] == ids["Social Compliance Forum"]
        assert ids["Subregional Office for South Asia"] != ids["Subregional Office for Southern Africa"]
    report = [(r["line"], r["action"], r["status"], r["count"]) for r in read(out / "overrides-applied.csv")]
    assert report == [("2", "drop", "applied", "6"), ("3", "relabel", "applied", "3"), ("4", "add", "applied", "3"),
                      ("5", "same", "applied", "6"), ("6", "different", "applied", "6"),
                      ("7", "drop", "unmatched", "0"), ("8", "add", "refused", "0")]


def test_a_malformed_overrides_file_is_a_usage_error_listing_every_bad_line(tmp_path: Path) -> None:
    paper = tmp_path / "GB399-MNE-1.txt"
    paper.write_text(PAPER, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    write_overrides(out / "overrides.csv", ["GB.399/MNE/1,1,PARTNER,IOE,delete,,,", "GB.399/MNE/1,1,PARTNER,IOE,drop,,,",
                                            ",,PARTNER,IOE,same,,,", "GB.399/MNE/1,1,ORG,IOE,drop,,,"])
    result = CliRunner().invoke(main, ["run", str(paper), "--out", str(out), "--quiet"])
    path = out / "overrides.csv"
    assert result.exit_code == 2
    assert result.output == (
        f"Error: 3 bad lines in {path}:\n"
        f"{path}:2: action must be one of drop, relabel, add, same, different, not 'delete'\n"
        f"{path}:4: same needs type, text and norm (the two names)\n"
        f"{path}:5: type must be one of UNIT, PARTNER, DATE, PLACE, AMOUNT, not 'ORG'\n")
