"""Archive texts whose line breaks were lost or moved: a whole paper on one line, a text re-wrapped at
another width, a run-together paper hard-wrapped. Each gives the paragraphs of the text as archived."""

from __future__ import annotations

import textwrap
from pathlib import Path

from extractor.model import Segment
from extractor.pipeline import read_and_segment
from tests.badfiles import pdf

DATA = Path(__file__).resolve().parent / "data"


def segments(path: Path) -> list[Segment]:
    return read_and_segment(path, path.name, "text", None, "pdfium").segments


def rewritten(tmp_path: Path, source: Path, change: object) -> Path:
    path = tmp_path / source.name
    path.write_text(change(source.read_text(encoding="utf-8")), encoding="utf-8")  # type: ignore[operator]
    return path


def rewrapped(width: int) -> object:
    return lambda text: "\n".join("\n".join(textwrap.wrap(line, width)) if len(line) > width else line
                                  for line in text.split("\n"))


def body(found: list[Segment]) -> list[tuple[str, str, str, str]]:
    return [(s.kind, s.para, s.item, s.text) for s in found if s.kind in ("paragraph", "item", "table")]


def test_a_paper_on_one_line_with_its_contents_list(tmp_path: Path) -> None:
    source = DATA / "archive-new" / "GB292-TC-2.txt"
    found = segments(rewritten(tmp_path, source, lambda text: "  ".join(text.split("\n"))))
    assert [s.para for s in found if s.kind == "paragraph"] == [str(n) for n in range(1, 11)]
    lines = source.read_text(encoding="utf-8").split("\n")
    last = next(i for i, line in enumerate(lines) if line.startswith("IV. Points for guidance ...."))
    contents = " ".join(line for line in lines[lines.index("Contents"):last + 1] if line)
    assert contents.startswith("Contents Page I. Introduction ....") and contents.endswith("..... 3")
    assert [s.text for s in found if s.kind == "furniture" and s.text.startswith("Contents")] == [contents]


def test_a_paper_numbered_1_closing_bracket_on_one_line(tmp_path: Path) -> None:
    source = DATA / "archive-new" / "GB279-LILS-5.txt"
    found = segments(rewritten(tmp_path, source, lambda text: "  ".join(text.split("\n"))))
    assert [(s.kind, s.para, s.marker) for s in found if s.kind in ("paragraph", "item")] == [
        ("paragraph", "1", "1."), ("paragraph", "2", "2."), ("paragraph", "3", "3."), ("paragraph", "4", "4."),
        ("item", "4", "a)"), ("item", "4", "b)"), ("item", "4", "c)"), ("paragraph", "5", "5."),
        ("paragraph", "6", "6.")]


def test_a_run_together_paper_hard_wrapped(tmp_path: Path) -> None:
    source = DATA / "real-like" / "GB329-POL-9.txt"
    assert body(segments(rewritten(tmp_path, source, rewrapped(90)))) == body(segments(source))


def test_a_year_wrapped_to_the_start_of_a_line_is_no_paragraph_number(tmp_path: Path) -> None:
    source = DATA / "archive-new" / "GB.300-PV.txt"
    path = rewritten(tmp_path, source, rewrapped(60))
    assert "\n2007.\n" in path.read_text(encoding="utf-8") and "\n2007. It was" in path.read_text(encoding="utf-8")
    assert body(segments(path)) == body(segments(source))


def test_a_run_together_paper_printed_to_pdf(tmp_path: Path) -> None:
    """A flattened text printed to PDF: the geometry shows no paragraph starts; the plain-text layout cuts
    the lines at the numbers."""
    source = DATA / "real-like" / "GB329-POL-9.txt"
    printed = rewrapped(90)(source.read_text(encoding="utf-8")).split("\n")  # type: ignore[operator]
    path = tmp_path / "GB329-POL-9.pdf"
    path.write_bytes(pdf([printed[start:start + 40] for start in range(0, len(printed), 40)]))
    found = read_and_segment(path, path.name, "pdf", None, "pdfium").segments
    numbered = [(s.kind, s.para, s.marker) for s in found if s.para and s.kind in ("paragraph", "item")]
    assert numbered == [(s.kind, s.para, s.marker) for s in segments(source)
                        if s.para and s.kind in ("paragraph", "item")]
    assert numbered[0] == ("paragraph", "1", "1.") and numbered[-1][:2] == ("item", "8")


def test_a_year_at_the_start_of_a_pdf_line_goes_on_with_its_sentence(tmp_path: Path) -> None:
    path = tmp_path / "GB298-MNE-2-1.pdf"
    path.write_bytes(pdf([["GB.298/MNE/2/1", "1. The Office held a forum on social auditing in March",
                           "2007. It was attended by 57 participants from five countries.",
                           "2. The Office met the IOE in Geneva in May 2007 and in June", "2008.",
                           "3. The Group met six times."]]))
    found = read_and_segment(path, path.name, "pdf", None, "pdfium").segments
    assert [(s.kind, s.para, s.text) for s in found if s.kind == "paragraph"] == [
        ("paragraph", "1", "The Office held a forum on social auditing in March 2007. It was attended by 57 "
         "participants from five countries."),
        ("paragraph", "2", "The Office met the IOE in Geneva in May 2007 and in June 2008."),
        ("paragraph", "3", "The Group met six times."),
    ]


def test_pdftotext_layout_output_keeps_paragraphs_and_page_footnotes() -> None:
    """``pdftotext -layout`` sets a page's footnote marker alone on its line and the note indented below,
    then the footer, a form feed and the running header (tests/data/forms/, from samples/GB298-MNE-2-1.pdf,
    poppler 22.12.0)."""
    found = segments(DATA / "forms" / "GB298-MNE-2-1-pdftotext-layout.txt")
    assert [s.para for s in found if s.kind == "paragraph"] == [str(n) for n in range(1, 11)]
    assert [(s.marker, s.text) for s in found if s.kind == "footnote"] == [
        ("1", "GB.295/MNE/3/1, GB.297/MNE/2/1."),
        *[(str(n), "[Footnote text not preserved in the source.]") for n in range(2, 6)]]
    assert [s.text for s in found if s.kind == "furniture"] == [
        "GB298-MNE-2-1-2007-02-0126-1-En.doc 1", "GB.298/MNE/2/1", "2 GB298-MNE-2-1-2007-02-0126-1-En.doc",
        "GB.298/MNE/2/1", "GB298-MNE-2-1-2007-02-0126-1-En.doc 3", "GB.298/MNE/2/1",
        "4 GB298-MNE-2-1-2007-02-0126-1-En.doc", "GB.298/MNE/2/1", "GB298-MNE-2-1-2007-02-0126-1-En.doc 5"]


def test_pdftotext_layout_two_columns_side_by_side_read_down_each_column() -> None:
    """A two-column page as ``pdftotext -layout`` writes it: both columns on each line, a gutter between
    (tests/data/forms/, from tests/data/archive-new/GB.320-POL-9.pdf, poppler 22.12.0)."""
    found = segments(DATA / "forms" / "GB.320-POL-9-pdftotext-layout.txt")
    numbered = [(s.kind, s.para, s.marker) for s in found if s.para and s.kind in ("paragraph", "item")]
    assert numbered == [*[("paragraph", str(n), f"{n}.") for n in range(1, 10)], ("item", "9", "(a)"),
                        ("item", "9", "(b)")]
    third = next(s.text for s in found if s.para == "3")
    assert third == ("In Viet Nam, the ILO Country Office for Viet Nam, in Hanoi, and the Viet Nam Chamber of Commerce "
                     "and Industry (VCCI) organized in December 2013 a workshop on the MNE Declaration for 45 managers "
                     "of foreign-owned enterprises in the electronics sector. The Viet Nam General Confederation of "
                     "Labour (VGCL) was associated with the workshop as co-organizer.")


def test_pdftotext_raw_output_keeps_items_across_the_page_break() -> None:
    """``pdftotext -raw``: no indents, a note's marker alone above its text, the footer, a form feed and
    the running header in the middle of a list (tests/data/forms/, from samples/GB300-MNE-3.pdf)."""
    found = segments(DATA / "forms" / "GB300-MNE-3-pdftotext-raw.txt")
    assert [(s.kind, s.para, s.item) for s in found if s.kind in ("paragraph", "item")] == [
        *[("paragraph", str(n), "") for n in range(1, 7)], *[("item", "6", str(n)) for n in range(1, 6)],
        ("paragraph", "7", ""), *[("item", "7", str(n)) for n in range(1, 5)],
        *[("paragraph", str(n), "") for n in range(8, 11)]]
    assert [(s.marker, s.text) for s in found if s.kind == "footnote"] == [
        ("1", "GB.298/MNE/2/1."),
        ("2", "The standard is being drafted by a working group of experts nominated by national standards bodies "
              "and liaison organizations; its publication is not expected before 2009."),
        ("3", "Figures as at 31 August 2007.")]
    assert [s.text for s in found if s.kind == "furniture"] == [
        "GB300-MNE-3-2007-10-0058-1-En.doc 1", "GB.300/MNE/3", "2 GB300-MNE-3-2007-10-0058-1-En.doc",
        "GB.300/MNE/3", "GB300-MNE-3-2007-10-0058-1-En.doc 3", "GB.300/MNE/3", "4 GB300-MNE-3-2007-10-0058-1-En.doc"]


def test_a_note_over_two_lines_does_not_shift_the_next_pages_note_numbers(tmp_path: Path) -> None:
    path = tmp_path / "GB301-PFA-9.txt"
    path.write_text("INTERNATIONAL LABOUR OFFICE\nGB.301/PFA/9\n301st Session\nGeneva, March 2008\n\n"
                    "1. The Office reported on the promotion of the MNE Declaration. It met\n"
                    "the IOE and the ITUC in Geneva in May 2007.\n\n"
                    "1 GB.298/MNE/2/1 and GB.298/PV, paragraphs 402 to 417, and the report of the\n"
                    "mission to the region.\n\n"
                    "GB301-PFA-9-2008-02-0087-1-En.doc     1\n\fGB.301/PFA/9\n\n"
                    "2. The Office trained 45 participants from 12 countries in Turin.\n\n"
                    "2 Figures at 31 August 2007.\n\n"
                    "GB301-PFA-9-2008-02-0087-1-En.doc     2\n", encoding="utf-8")
    found = segments(path)
    assert [(s.marker, s.page_start, s.text) for s in found if s.kind == "footnote"] == [
        ("1", 1, "GB.298/MNE/2/1 and GB.298/PV, paragraphs 402 to 417, and the report of the mission to the region."),
        ("2", 2, "Figures at 31 August 2007.")]


def test_notes_above_a_page_number_set_between_them_and_the_footer(tmp_path: Path) -> None:
    path = tmp_path / "GB304-ESP-4.txt"
    path.write_text("INTERNATIONAL LABOUR OFFICE\nGB.304/ESP/4\n304th Session\nGeneva, March 2009\n\n"
                    "1. Output will fall in 2009, the IMF expects.1 Workers in the informal economy have\n"
                    "no benefits to fall back on.\n"
                    "1\n     International Monetary Fund: World Economic Outlook Update (Washington, DC, 2009).\n\n"
                    "                                  -1-\n"
                    "GB304-ESP-4-2009-02-0042-1-En.doc\n\f                                  GB.304/ESP/4\n\n"
                    "2. Remittances are expected to decline in 2009.\n", encoding="utf-8")
    found = segments(path)
    assert [(s.kind, s.para, s.marker, s.text) for s in found if s.kind in ("paragraph", "footnote")] == [
        ("paragraph", "1", "1.", "Output will fall in 2009, the IMF expects. Workers in the informal economy have no "
         "benefits to fall back on."),
        ("paragraph", "2", "2.", "Remittances are expected to decline in 2009."),
        ("footnote", "", "1", "International Monetary Fund: World Economic Outlook Update (Washington, DC, 2009)."),
    ]


def test_dashed_items_after_a_colon_in_a_paper_on_one_line(tmp_path: Path) -> None:
    source = DATA / "heldout" / "GB.282-MNE-3.txt"
    found = segments(rewritten(tmp_path, source, lambda text: " ".join(text.split("\n"))))
    items = [(s.para, s.marker) for s in found if s.kind == "item"]
    assert items == [(s.para, s.marker) for s in segments(source) if s.kind == "item"]
    assert [para for para, _ in items] == ["5"] * 4 + ["12"] * 5
    notes = [(s.marker, s.text) for s in found if s.kind == "footnote"]
    assert notes == [(s.marker, s.text) for s in segments(source) if s.kind == "footnote"]
    assert [marker for marker, _ in notes] == ["1", "2", "3", "4", "5", "6"]  # two spaces before a note's number
