"""Document metadata from both title-block eras, closing lines, running headers and file names."""

from __future__ import annotations

import pytest

from extractor.dates import normalise_date, session_month
from extractor.metadata import detect_language
from extractor.symbols import find_symbols, parse_symbol, symbol_from_file_name
from tests.conftest import needs_soffice, processed

CLASSIC = {"symbol": "GB.298/MNE/2/1", "session": "298", "session_date": "2007-03",
           "committee": "Subcommittee on Multinational Enterprises", "committee_code": "MNE",
           "purpose": "FOR INFORMATION", "agenda_item": "SECOND ITEM ON THE AGENDA",
           "title": "Update on CSR-related activities of the ILO", "date": "2007-02-07", "language": "en",
           "layout": "classic"}
POST_2011 = {"symbol": "GB.319/POL/6", "session": "319", "session_date": "2013-10", "committee": "",
             "section": "Policy Development Section", "segment": "Multinational Enterprises Segment",
             "committee_code": "POL", "agenda_item": "SIXTH ITEM ON THE AGENDA",
             "title": "Promotional activities concerning the MNE Declaration in global supply chains and "
                      "collaboration with other organizations",
             "date": "2013-09-20", "original_language": "English", "language": "en", "layout": "2011",
             "author_unit": "Enterprises Department (ENTERPRISES), Multinational Enterprises and "
                            "Enterprise Engagement Unit (MULTI).",
             "related_documents": "GB.316/POL/8; GB.317/POL/8; GB.318/PV."}


@pytest.mark.parametrize("name", ["GB298-MNE-2-1.pdf", "GB298-MNE-2-1-margin.pdf", "GB298-MNE-2-1.docx",
                                  pytest.param("GB298-MNE-2-1.doc", marks=needs_soffice),
                                  pytest.param("GB298-MNE-2-1-typed.doc", marks=needs_soffice)])
def test_classic_title_block(name: str) -> None:
    meta = processed(name).meta
    assert {key: getattr(meta, key) for key in CLASSIC} == CLASSIC


@pytest.mark.parametrize("name", ["GB319-POL-6.pdf", "GB319-POL-6.docx",
                                  pytest.param("GB319-POL-6.doc", marks=needs_soffice)])
def test_post_2011_title_block_and_purpose_box(name: str) -> None:
    result = processed(name)
    assert {key: getattr(result.meta, key) for key in POST_2011} == POST_2011
    summary = [s.text for s in result.segments if s.kind == "summary"]
    assert len(summary) == 1 and summary[0].startswith("This document reports on the activities undertaken")
    assert summary[0].endswith("(draft decision in paragraph 21).")


def test_text_without_title_block_takes_symbol_from_running_header() -> None:
    meta = processed("GB298-MNE-2-1.txt").meta
    assert (meta.symbol, meta.session_date, meta.date, meta.committee_code) == ("GB.298/MNE/2/1", "", "2007-02-07", "MNE")


def test_gb300_dates() -> None:
    meta = processed("GB300-MNE-3.pdf").meta
    assert (meta.symbol, meta.session_date, meta.date, meta.agenda_item) == (
        "GB.300/MNE/3", "2007-11", "2007-10-05", "THIRD ITEM ON THE AGENDA")


@pytest.mark.parametrize(("text", "iso"), [
    ("7 February 2007", "2007-02-07"), ("Geneva, 7 February 2007.", "2007-02-07"), ("March 2007", "2007-03"),
    ("Geneva, 16–31 October 2013", "2013-10-16/2013-10-31"), ("1er mars 2010", "2010-03-01"),
    ("12 27 March 2015", "2015-03-12/2015-03-27"), ("17, 18 and 24 March 1997", "1997-03-17/1997-03-24"),
    ("11 and 12 November 1996", "1996-11-11/1996-11-12"), ("November-December 2001", "2001-11/2001-12"),
    ("2010 14", "2010/2014"), ("from 1990 to 2002", "1990/2002"), ("2007", "2007"), ("no date here", ""),
])
def test_one_date_parser(text: str, iso: str) -> None:
    assert normalise_date(text) == iso


@pytest.mark.parametrize(("text", "month"), [
    ("Geneva, November 1996", "1996-11"), ("14–28 March 2019", "2019-03"), ("12 27 March 2015", "2015-03"),
    ("27 October–10 November 2016", "2016-11"), ("Genève, mars 2010", "2010-03"), ("no date", ""),
])
def test_a_session_is_known_by_the_month_it_ends_in(text: str, month: str) -> None:
    assert session_month(text) == month


@pytest.mark.parametrize(("name", "symbol"), [
    ("GB298-MNE-2-1-2007-02-0126-1-En.doc", "GB.298/MNE/2/1"), ("GB298-MNE-2-1.txt", "GB.298/MNE/2/1"),
    ("GB326-POL_8_[ENTER-160119-1]-En.docx", "GB.326/POL/8"), ("GB300-MNE-3.pdf", "GB.300/MNE/3"),
    ("GB264-STM-3.txt", "GB.264/STM/3"), ("GB335-POL_5_[ENTER-190128-1]-En.docx", "GB.335/POL/5"),
    ("GB283-MNE-2-2002-02-0131-1-EN.Doc", "GB.283/MNE/2"), ("GB310_PV-Final-[2011-04-0012-1]-En.doc", "GB.310/PV"),
    ("archive/gb267/mne-2.htm", "GB.267/MNE/2"), ("archive/gb267/gb-12.htm", "GB.267/12"),
    ("GB276-4-Rev1.txt", "GB.276/4(Rev.1)"), ("GB298-MNE-2-1-margin.pdf", "GB.298/MNE/2/1"),
    ("GB.282-MNE-3.txt", "GB.282/MNE/3"), ("report.pdf", ""), ("archive/notes/mne-2.htm", ""),
])
def test_symbol_from_file_name(name: str, symbol: str) -> None:
    assert symbol_from_file_name(name) == symbol


@pytest.mark.parametrize(("text", "symbol", "session", "body"), [
    ("GB.267/12", "GB.267/12", 267, ""), ("GB.298/MNE/2/1", "GB.298/MNE/2/1", 298, "MNE"),
    ("GB.276/4(Rev.1)", "GB.276/4(Rev.1)", 276, ""), ("GB.310/PV", "GB.310/PV", 310, ""),
    ("GB.329/POL/PV/Draft", "GB.329/POL/PV/Draft", 329, "POL"), ("GB.300/MNE/3 (Add.1)", "GB.300/MNE/3(Add.1)", 300, "MNE"),
    ("GB.286/4(&Corr.)", "GB.286/4(&Corr.)", 286, ""), ("GB.318/PV. Next", "GB.318/PV", 318, ""),
])
def test_one_symbol_grammar(text: str, symbol: str, session: int, body: str) -> None:
    parsed = parse_symbol(text)
    assert parsed is not None and (str(parsed), parsed.session, parsed.body) == (symbol, session, body)


def test_symbols_in_running_text_and_related_documents() -> None:
    assert find_symbols("Related documents:GB.329/POL/9; GB.331/POL/3. See GB.267/MNE/1.") == [
        "GB.329/POL/9", "GB.331/POL/3", "GB.267/MNE/1"]
    assert parse_symbol("GB 298") is None


def test_detect_language() -> None:
    assert detect_language("The Office and the partners of the ILO met in Geneva to discuss the plan for the year.") == "en"
    assert detect_language("Le Bureau et les partenaires de l'OIT se sont réunis pour la mise en œuvre des programmes du Conseil et de la Commission.") == "fr"
    assert detect_language("La Oficina y los interlocutores de la OIT se reunieron para el examen de las actividades del programa y los proyectos.") == "es"


def test_title_block_in_flattened_text() -> None:
    from pathlib import Path

    from extractor.pipeline import read_and_segment

    paper = Path(__file__).parent / "data" / "heldout" / "GB.328-POL-4.txt"
    result = read_and_segment(paper, paper.name, "text")
    meta = result.meta
    assert (meta.symbol, meta.session, meta.session_date, meta.date, meta.section, meta.segment,
            meta.original_language, meta.agenda_item, meta.author_unit, meta.layout) == (
        "GB.328/POL/4", "328", "2016-11", "2016-10-12", "Policy Development Section",
        "Multinational Enterprises Segment", "English", "FOURTH ITEM ON THE AGENDA",
        "Enterprises Department (ENTERPRISES).", "2011")
    assert meta.title.startswith("Promotional activities concerning the MNE Declaration: Regional follow-up")
    assert [s.kind for s in result.segments[:10]] == ["title"] * 8 + ["title", "summary"]
