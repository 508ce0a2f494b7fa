"""Papers in the forms archives hold them, each form on a small hand-built input with its exact rows:
flattened text, web pages, transcriptions, committee reports (issue 8)."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from extractor.layout.grid import reading_order
from extractor.model import DocumentResult, Line, Span
from extractor.pipeline import read_and_segment
from extractor.read.sniff import sniff
from extractor.titleblock import title_fields


def read(tmp_path: Path, text: str, name: str = "GB999-MNE-1.txt") -> DocumentResult:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_and_segment(path, name, sniff(path))


def rows(result: DocumentResult, *kinds: str) -> list[tuple[str, str, str, str]]:
    return [(s.kind, s.para, s.item, s.text) for s in result.segments if not kinds or s.kind in kinds]


@pytest.mark.parametrize(("text", "fields"), [
    ("335th Session, Geneva, 14–28 March 2019 GB.335/POL/5",
     [("session", "335", "14–28 March 2019"), ("symbol", "", "")]),
    ("INTERNATIONAL LABOUR OFFICE GB.283/MNE/2 283rd Session",
     [("organ", "", ""), ("symbol", "", ""), ("session", "283", "")]),
    ("Governing Body Geneva, March 2002", [("organ", "", ""), ("place date", "", "March 2002")]),
    ("277th Session Geneva, March 2000 |", [("session", "277", "March 2000")]),
    ("Committee on Sectoral and Technical Meetings and Related Issues STM",
     [("committee", "Committee on Sectoral and Technical Meetings and Related Issues", ""), ("code", "STM", "")]),
    ("Date: 8 February 2019 Original: English", [("date", "", "8 February 2019"), ("original", "English", "")]),
    ("Related documents:GB.329/POL/9; GB.331/POL/3.", [("field", "GB.329/POL/9; GB.331/POL/3.", "")]),
    ("Report of the Committee on Legal Issues", [("text", "", "")]),
    ("Minutes of the 300th Session of the Governing Body", [("text", "", "")]),
])
def test_title_block_fields_in_any_arrangement(text: str, fields: list[tuple[str, str, str]]) -> None:
    assert [(f.kind, f.value, f.when) for f in title_fields(text)] == fields


def test_a_code_alone_on_its_line_follows_the_committee() -> None:
    assert [(f.kind, f.value) for f in title_fields("PFA |", "committee")] == [("code", "PFA")]
    assert [f.kind for f in title_fields("PFA")] == ["text"]


ONE_LINE = (
    "INTERNATIONAL LABOUR OFFICE Governing Body 329th Session, Geneva, 9–24 March 2017 GB.329/POL/9 "
    "Policy Development Section Multinational Enterprises Segment POL Date: 14 February 2017 Original: English "
    "NINTH ITEM ON THE AGENDA Promotional activities in 2016 Purpose of the document This paper reports on the "
    "activities of 2016. Author unit: Enterprises Department (ENTERPRISES). Related documents: GB.328/PV. "
    "Only a small number of copies of this GB document have been printed. Every GB document may be consulted "
    "online at www.ilo.org. Introduction 1. In November 2016, the Governing Body asked for a report.1 It covers "
    "2016 and the Government of Zambia was helped to 1 GB.328/PV, paragraph 512. "
    "GB329-POL_9_[ENTER-170203-1]-En.docx 1 GB.329/POL/9 include the principles in its policy. "
    "Draft decision 2. The Governing Body requests the Director-General to: (a) take into account the "
    "guidance; and (b) report in 2018.\n"
)


def test_a_whole_paper_on_one_line(tmp_path: Path) -> None:
    result = read(tmp_path, ONE_LINE, "GB329-POL-9.txt")
    meta = result.meta
    assert (meta.symbol, meta.session, meta.session_date, meta.committee_code, meta.date, meta.section,
            meta.segment, meta.title, meta.author_unit) == (
        "GB.329/POL/9", "329", "2017-03", "POL", "2017-02-14", "Policy Development Section",
        "Multinational Enterprises Segment", "Promotional activities in 2016", "Enterprises Department (ENTERPRISES).")
    assert rows(result, "heading", "paragraph", "item", "footnote", "furniture") == [
        ("heading", "", "", "Introduction"),
        ("paragraph", "1", "", "In November 2016, the Governing Body asked for a report. It covers 2016 and the "
                               "Government of Zambia was helped to include the principles in its policy."),
        ("heading", "", "", "Draft decision"),
        ("paragraph", "2", "", "The Governing Body requests the Director-General to:"),
        ("item", "2", "1", "(a) take into account the guidance; and"),
        ("item", "2", "2", "(b) report in 2018."),
        ("footnote", "", "", "GB.328/PV, paragraph 512."),
        ("furniture", "", "", "Only a small number of copies of this GB document have been printed. Every GB "
                              "document may be consulted online at www.ilo.org."),
        ("furniture", "", "", "GB329-POL_9_[ENTER-170203-1]-En.docx 1 GB.329/POL/9"),
    ]
    assert [s.footnote_refs for s in result.segments if s.para == "1"] == [[("1", 56, "fn1")]]


WEB_TEXT = """ILO is a specialized agency of the United Nations
ILO-en-strap

GB.267/12
267th Session
Geneva, November 1996

TWELFTH ITEM ON THE AGENDA

Report of the Subcommittee on Multinational Enterprises

1. The Subcommittee met under the chairmanship of Ms. K. Lindqvist (Government, Sweden).

2. The Subcommittee had two items before it:

  1. Promotional activities of the Office.
  2. Developments in other organizations.

Promotional activities, advisory services
and research by the Office
(First item on the agenda)

(a) Follow-up of the seminars
held in 1996(1)

3. Mr. T. Bergen (Worker, Norway) spoke.

Geneva, 21 November 1996.

(Signed) K. Lindqvist,
Chairperson and Reporter.

Point for decision: Paragraph 3.

\u00a0
(1)\u00a0 GB.267/MNE/1.
"""

WEB_PAGE = """<HTML><BODY>
<TABLE><TR><TD><FONT SIZE="1">ILO is a specialized agency of the United Nations</FONT></TD></TR>
<TR><TD><IMG SRC="strap.gif" ALT="ILO-en-strap"></TD></TR></TABLE>
<TABLE><TR><TD>&nbsp;</TD><TD><B>GB.267/12</B><BR>267th Session<BR>Geneva, November 1996</TD></TR></TABLE>
<P ALIGN="CENTER"><B>TWELFTH ITEM ON THE AGENDA</B></P>
<H3>Report of the Subcommittee on Multinational Enterprises</H3>
<P>1. The Subcommittee met under the chairmanship of Ms. K. Lindqvist (Government, Sweden).
<P>2. The Subcommittee had two items before it:
<OL><LI>Promotional activities of the Office.<LI>Developments in other organizations.</OL></P>
<P ALIGN="CENTER"><B>Promotional activities, advisory services<BR>and research by the Office</B><BR>(First item on the agenda)</P>
<P><I>(a) Follow-up of the seminars<BR>held in 1996<A HREF="#fn1">(1)</A></I></P>
<P>3. Mr. T. Bergen (Worker, Norway) spoke.</P>
<P>Geneva, 21 November 1996.</P>
<P>(Signed) K. Lindqvist,<BR>Chairperson and Reporter.</P>
<P><B>Point for decision: Paragraph 3.</B></P>
<HR><P><A NAME="fn1">(1)</A>&nbsp; GB.267/MNE/1.</P>
</BODY></HTML>"""

WEB_ROWS = [
    ("site", "", "", "ILO is a specialized agency of the United Nations"),
    ("title", "", "", "GB.267/12"), ("title", "", "", "267th Session"), ("title", "", "", "Geneva, November 1996"),
    ("title", "", "", "TWELFTH ITEM ON THE AGENDA"),
    ("title", "", "", "Report of the Subcommittee on Multinational Enterprises"),
    ("paragraph", "1", "", "The Subcommittee met under the chairmanship of Ms. K. Lindqvist (Government, Sweden)."),
    ("paragraph", "2", "", "The Subcommittee had two items before it:"),
    ("item", "2", "1", "Promotional activities of the Office."),
    ("item", "2", "2", "Developments in other organizations."),
    ("heading", "", "", "Promotional activities, advisory services and research by the Office"),
    ("heading", "", "", "(First item on the agenda)"),
    ("heading", "", "", "(a) Follow-up of the seminars held in 1996"),
    ("paragraph", "3", "", "Mr. T. Bergen (Worker, Norway) spoke."),
    ("closing", "", "", "Geneva, 21 November 1996."),
    ("closing", "", "", "(Signed) K. Lindqvist, Chairperson and Reporter."),
    ("closing", "", "", "Point for decision: Paragraph 3."),
    ("footnote", "", "", "GB.267/MNE/1."),
    ("furniture", "", "", "ILO-en-strap"),
]


def test_a_web_page_saved_as_text(tmp_path: Path) -> None:
    result = read(tmp_path, WEB_TEXT, "GB267-12.txt")
    assert (result.meta.symbol, result.meta.session, result.meta.session_date, result.meta.committee_code,
            result.meta.date) == ("GB.267/12", "267", "1996-11", "", "1996-11-21")
    assert [r for r in rows(result) if r[3].strip()] == WEB_ROWS
    assert [s.footnote_refs for s in result.segments if s.kind == "heading"][-1] == [("1", 42, "fn1")]


def test_the_web_page_itself_gives_the_same_segments(tmp_path: Path) -> None:
    result = read(tmp_path, WEB_PAGE, "gb267-12.htm")
    assert result.format == "html"
    assert [r for r in rows(result) if r[3].strip()] == WEB_ROWS
    assert [s.footnote_refs for s in result.segments if s.kind == "heading"][-1] == [("1", 42, "fn1")]


@pytest.mark.parametrize(("page", "name"), [
    (WEB_PAGE.replace("<HTML><BODY>", "<BODY>").replace("</BODY></HTML>", "</BODY>"), "body-only.htm"),
    ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
     '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n' + WEB_PAGE.replace("<HTML>", '<html xmlns='
     '"http://www.w3.org/1999/xhtml">').replace("</HTML>", "</html>"), "xhtml.htm"),
])
def test_a_page_without_its_wrapper_or_with_an_xml_declaration(tmp_path: Path, page: str, name: str) -> None:
    result = read(tmp_path, page, name)
    assert result.format == "html"
    assert [r for r in rows(result) if r[3].strip()] == WEB_ROWS


def test_a_page_exported_by_libreoffice_keeps_lists_notes_and_footer_apart(tmp_path: Path) -> None:
    """Numbered paragraphs as an <ol>, a dashed list inside one of them, a note linked back to its call,
    and the Word footer printed after the notes (tests/data/forms/GB331-POL-5-libreoffice.htm)."""
    page = (Path(__file__).resolve().parent / "data" / "forms" / "GB331-POL-5-libreoffice.htm").read_text(
        encoding="utf-8")
    result = read(tmp_path, page, "GB331-POL-5.htm")
    assert [(s.kind, s.para, s.item, s.text, s.footnote_refs) for s in result.segments] == [
        ("title", "", "", "INTERNATIONAL LABOUR OFFICE", []),
        ("title", "", "", "Governing Body", []),
        ("title", "", "", "331st Session, Geneva, 26 October–9 November 2017", []),
        ("heading", "", "", "Introduction", []),
        ("paragraph", "1", "", "The Office reported to the Governing Body in March 2017.", [("1", 56, "fn1")]),
        ("paragraph", "2", "", "ACT/EMP supported employers’ organizations:", []),
        ("item", "2", "1", "in Zambia, the ZFE held a seminar in Ndola;", []),
        ("item", "2", "2", "in Morocco, the CGEM met in Marrakesh.", []),
        ("paragraph", "3", "", "ACTRAV organized two workshops.", []),
        ("footnote", "", "", "GB.329/POL/7.", []),
        ("furniture", "", "", "GB.331/POL/5", []),
        ("furniture", "", "", "GB331-POL_5_[ENTER-171003-1]-En.docx", []),
    ]


def test_a_page_saved_by_word_in_windows_1252(tmp_path: Path) -> None:
    """Word's "Save as Web Page": numbers and dashes in conditional comments, notes linked both ways
    (tests/data/forms/GB298-MNE-2-1-word.htm)."""
    path = tmp_path / "GB298-MNE-2-1.htm"
    path.write_bytes((Path(__file__).resolve().parent / "data" / "forms" / "GB298-MNE-2-1-word.htm").read_bytes())
    result = read_and_segment(path, path.name, sniff(path))
    assert (result.meta.symbol, result.meta.session, result.meta.session_date, result.meta.committee_code) == (
        "GB.298/MNE/2/1", "298", "2007-03", "MNE")
    assert [(s.kind, s.para, s.item, s.text, s.footnote_refs) for s in result.segments if s.kind != "title"] == [
        ("paragraph", "1", "", "Membership of the Coordination Group has grown since the last report. Offices in "
         "Africa nominated focal persons.", [("1", 69, "fn1")]),
        ("paragraph", "2", "", "Newly reported activities include the following:", []),
        ("item", "2", "1", "A dialogue with the Better Cotton Initiative was held in London in January 2007.", []),
        ("item", "2", "2", "The Office in Jakarta trained 45 managers.", []),
        ("footnote", "", "", "GB.295/MNE/3/1, GB.297/MNE/2/1.", []),
    ]


def test_a_text_put_on_the_web_in_a_pre_block_keeps_its_lines(tmp_path: Path) -> None:
    page = f"<html><head><title>GB.267/12</title></head><body><pre>{html.escape(WEB_TEXT)}</pre></body></html>"
    result = read(tmp_path, page, "GB267-12.htm")
    assert result.format == "html"
    assert [r for r in rows(result) if r[3].strip()] == WEB_ROWS


def test_a_web_archive_path_gives_the_symbol(tmp_path: Path) -> None:
    folder = tmp_path / "gb267"
    folder.mkdir()
    path = folder / "mne-2.htm"
    path.write_text("<html><body><p>1. The Office reported.</p></body></html>", encoding="utf-8")
    result = read_and_segment(path, "gb267/mne-2.htm", "html")
    assert (result.meta.symbol, result.meta.session, result.meta.committee_code) == ("GB.267/MNE/2", "267", "MNE")


COMMITTEE_PAPER = """GB.277/PFA/9/2
| ||
277th Session Geneva, March 2000 |
Programme, Financial and Administrative Committee |
PFA |
NINTH ITEM ON THE AGENDA
Other financial and general questions
Subregional seminars on the Tripartite Declaration
of Principles concerning Multinational Enterprises
Contents
I. Seminars.................... 1
1. At its 276th Session, the Governing Body asked for the costs.
2. The estimates are as follows:
Duration
3 days
4 days
Gaborone
$41 500
$52 300
Total
$79 700
$100 200
3. It is proposed that observers be invited from the following organizations:
Airports Council International
International Air Transport Association
Geneva, 2 March 2000.
Points for decision:
Appendix
Report form
1. Please describe the service.
(a) If so, please specify them.
"""


def test_tables_lists_closings_and_an_appendix(tmp_path: Path) -> None:
    result = read(tmp_path, COMMITTEE_PAPER, "GB277-PFA-9-2.txt")
    meta = result.meta
    assert (meta.symbol, meta.session, meta.session_date, meta.committee, meta.committee_code, meta.date,
            meta.title) == ("GB.277/PFA/9/2", "277", "2000-03", "Programme, Financial and Administrative Committee",
                            "PFA", "2000-03-02",
                            "Subregional seminars on the Tripartite Declaration of Principles concerning "
                            "Multinational Enterprises")
    assert [(s.kind, s.para, s.item, s.marker, s.section, s.text) for s in result.segments
            if s.kind not in ("title", "furniture")] == [
        ("paragraph", "1", "", "1.", "", "At its 276th Session, the Governing Body asked for the costs."),
        ("paragraph", "2", "", "2.", "", "The estimates are as follows:"),
        ("table", "2", "", "", "", "Duration\t3 days\t4 days"),
        ("table", "2", "", "", "", "Gaborone\t$41 500\t$52 300"),
        ("table", "2", "", "", "", "Total\t$79 700\t$100 200"),
        ("paragraph", "3", "", "3.", "",
         "It is proposed that observers be invited from the following organizations:"),
        ("item", "3", "1", "", "", "Airports Council International"),
        ("item", "3", "2", "", "", "International Air Transport Association"),
        ("closing", "", "", "", "", "Geneva, 2 March 2000."),
        ("closing", "", "", "", "", "Points for decision:"),
        ("heading", "", "", "", "Appendix", "Appendix"),
        ("heading", "", "", "", "Appendix > Report form", "Report form"),
        ("appendix", "", "", "1", "Appendix > Report form", "1. Please describe the service."),
        ("appendix", "", "", "(a)", "Appendix > Report form", "(a) If so, please specify them."),
    ]
    assert result.paragraphs == 3
    assert [s.text for s in result.segments if s.kind == "furniture"] == [
        "| ||", "Contents", "I. Seminars.................... 1"]


TRANSCRIPTION = """Governing Body 323rd Session, Geneva, 12 27 March 2015

Size: px
Start display at page:

Download "Governing Body 323rd Session, Geneva, 12 27 March 2015"

Transcription

1 INTERNATIONAL LABOUR OFFICE Governing Body 323rd Session, Geneva, 12 27 March 2015 GB.323/POL/7 POL Date: 13 February 2015 Original: English SEVENTH ITEM ON THE AGENDA The ILO Helpdesk for Business: review Purpose of the document This paper reviews the Helpdesk. Author unit: Enterprises Department (ENTERPRISES).

2

3 Introduction 1. The Helpdesk was set up in 2009 to give company managers free answers on international labour standards. It is run by the Bureau for Employers Activities and the ILO Country Office for China and Mongolia in GB323-POL_7_[ENTER-150202-1]-En.docx 1

4 GB.323/POL/7 Beijing, which answered 1,126 queries over the period 2010 14 for the ILO s partners. 2 GB323-POL_7_[ENTER-150202-1]-En.docx
"""


def test_a_transcription_page_by_page(tmp_path: Path) -> None:
    result = read(tmp_path, TRANSCRIPTION, "GB323-POL-7.txt")
    meta = result.meta
    assert (meta.symbol, meta.session, meta.session_date, meta.date) == ("GB.323/POL/7", "323", "2015-03", "2015-02-13")
    assert [(s.kind, s.para, s.page_start, s.text) for s in result.segments if s.kind in ("heading", "paragraph")] == [
        ("heading", "", 3, "Introduction"),
        ("paragraph", "1", 3, "The Helpdesk was set up in 2009 to give company managers free answers on international "
                              "labour standards. It is run by the Bureau for Employers Activities and the ILO Country "
                              "Office for China and Mongolia in Beijing, which answered 1,126 queries over the period "
                              "2010 14 for the ILO s partners."),
    ]
    assert [(s.kind, s.text) for s in result.segments if s.kind in ("site", "furniture")] == [
        ("site", 'Download "Governing Body 323rd Session, Geneva, 12 27 March 2015"'),
        ("furniture", "GB323-POL_7_[ENTER-150202-1]-En.docx 1"),
        ("furniture", "2 GB323-POL_7_[ENTER-150202-1]-En.docx"),
        ("furniture", "Size: px"), ("furniture", "Start display at page:"), ("furniture", "Transcription"),
    ]


def test_paragraph_numbers_alone_and_furniture_lines_inside_a_sentence(tmp_path: Path) -> None:
    text = ("GB.335/POL/5\nIntroduction\n1.\nThe regional report will be sent in\nGB.335/POL/5\n"
            "GB335-POL_5_[ENTER-190128-1]-En.docx 3\nSeptember 2019 to Bangkok.\nNext steps\n2.\nThe Office will report.\n")
    result = read(tmp_path, text, "GB335-POL_5_[ENTER-190128-1]-En.txt")
    assert rows(result, "heading", "paragraph") == [
        ("heading", "", "", "Introduction"),
        ("paragraph", "1", "", "The regional report will be sent in September 2019 to Bangkok."),
        ("heading", "", "", "Next steps"),
        ("paragraph", "2", "", "The Office will report."),
    ]


def test_numbered_and_roman_sub_headings(tmp_path: Path) -> None:
    text = ("GB.283/MNE/2\n\nI. Promotional activities\n\n1. Subregional activities\n\n"
            "1. Since the Subcommittee last met, the Office has continued.\n\n2. The first seminar was held.\n\n"
            "2. Activities with employers' and workers' organizations\n\n3. ACT/EMP prepared a guide.\n\n"
            "Geneva, 12 February 2002.\n\nSubmitted for information.\n")
    result = read(tmp_path, text, "GB283-MNE-2.txt")
    assert [(s.kind, s.para, s.section, s.text) for s in result.segments if s.kind != "title"] == [
        ("heading", "", "I. Promotional activities", "I. Promotional activities"),
        ("heading", "", "I. Promotional activities > 1. Subregional activities", "1. Subregional activities"),
        ("paragraph", "1", "I. Promotional activities > 1. Subregional activities",
         "Since the Subcommittee last met, the Office has continued."),
        ("paragraph", "2", "I. Promotional activities > 1. Subregional activities", "The first seminar was held."),
        ("heading", "", "I. Promotional activities > 2. Activities with employers' and workers' organizations",
         "2. Activities with employers' and workers' organizations"),
        ("paragraph", "3", "I. Promotional activities > 2. Activities with employers' and workers' organizations",
         "ACT/EMP prepared a guide."),
        ("closing", "", "I. Promotional activities > 2. Activities with employers' and workers' organizations",
         "Geneva, 12 February 2002."),
        ("closing", "", "I. Promotional activities > 2. Activities with employers' and workers' organizations",
         "Submitted for information."),
    ]
    assert result.meta.date == "2002-02-12"


def docx(path: Path, body: str) -> Path:
    """A minimal DOCX: ``body`` is the XML inside <w:body>."""
    import zipfile

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", (
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            '</Types>'))
        archive.writestr("_rels/.rels", (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="word/document.xml"/></Relationships>'))
        archive.writestr("word/document.xml", f'<?xml version="1.0"?><w:document xmlns:w="{w}"><w:body>{body}'
                                              '</w:body></w:document>')
    return path


def paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def word_table(rows: list[list[str]]) -> str:
    cells = "".join("<w:tr>" + "".join(f"<w:tc>{paragraph(c)}</w:tc>" for c in row) + "</w:tr>" for row in rows)
    return f"<w:tbl>{cells}</w:tbl>"


def test_a_word_table_after_the_title_block_gives_one_row_a_segment(tmp_path: Path) -> None:
    body = (word_table([["INTERNATIONAL LABOUR OFFICE", "GB.282/PFA/12"], ["Governing Body", "282nd Session"],
                        ["", "Geneva, November 2001"]])
            + paragraph("1. The costs are estimated as follows:")
            + word_table([["Item", "2002", "2003"], ["Seminars", "$12 500", "$14 000"], ["Total", "$12 500", "$14 000"]])
            + paragraph("2. The Committee may wish to approve them."))
    path = docx(tmp_path / "GB282-PFA-12.docx", body)
    result = read_and_segment(path, path.name, "docx")
    assert (result.meta.symbol, result.meta.session, result.meta.session_date) == ("GB.282/PFA/12", "282", "2001-11")
    assert [(s.kind, s.para, s.text) for s in result.segments if s.kind != "title"] == [
        ("paragraph", "1", "The costs are estimated as follows:"),
        ("table", "1", "Item\t2002\t2003"),
        ("table", "1", "Seminars\t$12 500\t$14 000"),
        ("table", "1", "Total\t$12 500\t$14 000"),
        ("paragraph", "2", "The Committee may wish to approve them."),
    ]


FORMS = Path(__file__).resolve().parent / "data" / "forms"


def test_a_pdf_table_gives_one_row_a_segment_with_its_cells_apart() -> None:
    path = FORMS / "GB282-PFA-12-table.pdf"  # made by LibreOffice from a Word table
    result = read_and_segment(path, path.name, "pdf")
    assert [(s.kind, s.para, s.seg_id, s.text) for s in result.segments if s.kind == "table"] == [
        ("table", "1", "p1.r1", "Item\t2002\t2003"),
        ("table", "1", "p1.r2", "Seminars in Gaborone\t$12 500\t$14 000"),
        ("table", "1", "p1.r3", "Documents\t$2 300\t$2 700"),
        ("table", "1", "p1.r4", "Total\t$14 800\t$16 700"),
    ]
    assert [s.para for s in result.segments if s.kind == "paragraph"] == ["1", "2"]


def printed(text: str, top: float, x0: float, x1: float, page: int = 1) -> Line:
    return Line(spans=[Span(text, 10.0, x0=x0, x1=x1)], page=page, top=top, bottom=top + 10, region="body")


def test_a_two_column_page_is_read_column_by_column() -> None:
    title = printed("Minutes of the 300th Session of the Governing Body", 50, 72, 520)
    left = [printed(f"left {n}", 100 + 12 * n, 72, 290) for n in range(7)]
    right = [printed(f"right {n}", 100 + 12 * n, 305, 520) for n in range(7)]
    note = printed("1 A footnote across the page.", 700, 72, 520)
    lines = sorted([title, *left, *right, note], key=lambda line: (line.top, line.x0))
    assert [line.text for line in reading_order(lines)] == (
        [title.text] + [line.text for line in left] + [line.text for line in right] + [note.text])


def test_a_page_of_one_column_keeps_its_order() -> None:
    lines = [printed(f"line {n}", 100 + 12 * n, 72, 520) for n in range(10)]
    assert reading_order(lines) == lines


def test_paragraphs_numbered_with_a_parenthesis(tmp_path: Path) -> None:
    text = ("GB.279/LILS/5\n279th Session\nGeneva, November 2000\n\n1) The Committee examined the reports.\n\n"
            "2) It noted that:\na) two States replied;\nb) one did not.\n\n3) It recommends approval.\n\n"
            "Geneva, 20 October 2000.\n")
    result = read(tmp_path, text, "GB279-LILS-5.txt")
    assert [(s.kind, s.para, s.item, s.marker, s.text) for s in result.segments if s.kind in ("paragraph", "item")] == [
        ("paragraph", "1", "", "1.", "The Committee examined the reports."),
        ("paragraph", "2", "", "2.", "It noted that:"),
        ("item", "2", "1", "a)", "a) two States replied;"),
        ("item", "2", "2", "b)", "b) one did not."),
        ("paragraph", "3", "", "3.", "It recommends approval."),
    ]
    assert (result.meta.committee_code, result.meta.date) == ("LILS", "2000-10-20")


def test_minutes_number_paragraphs_past_a_thousand(tmp_path: Path) -> None:
    paragraphs = "\n\n".join(f"{n}. Mr. A. Speaker (Government, Kenya) spoke on item {n}." for n in range(998, 1003))
    result = read(tmp_path, f"GB.310/PV\n\nThird item on the agenda\n\n{paragraphs}\n", "GB310_PV-Final-[2011-04-0012-1]-En.txt")
    assert [s.para for s in result.segments if s.kind == "paragraph"] == ["998", "999", "1000", "1001", "1002"]
    assert (result.meta.symbol, result.meta.session, result.meta.committee_code) == ("GB.310/PV", "310", "")


def test_a_budget_annex_table_after_the_closing(tmp_path: Path) -> None:
    text = ("1. The costs are set out in the annex.\n\nGeneva, 2 March 2000.\n\nAnnex\n\nEstimated costs\n\n"
            "Item\n2000\n2001\nSeminars\n$41 500\n$52 300\nTotal\n$41 500\n$52 300\n")
    result = read(tmp_path, text, "GB277-PFA-9.txt")
    assert [(s.kind, s.para, s.section, s.text) for s in result.segments if s.kind != "title"] == [
        ("paragraph", "1", "", "The costs are set out in the annex."),
        ("closing", "", "", "Geneva, 2 March 2000."),
        ("heading", "", "Annex", "Annex"),
        ("heading", "", "Annex > Estimated costs", "Estimated costs"),
        ("table", "", "Annex > Estimated costs", "Item\t2000\t2001"),
        ("table", "", "Annex > Estimated costs", "Seminars\t$41 500\t$52 300"),
        ("table", "", "Annex > Estimated costs", "Total\t$41 500\t$52 300"),
    ]
