"""Running headers, footers and page numbers found on hand-built pages."""

from __future__ import annotations

from extractor.layout.furniture import find_furniture, is_furniture_text
from extractor.model import Line, Span

HEIGHT = 842.0


def line(text: str, page: int, top: float, size: float = 12.0, raised_marker: str = "") -> Line:
    spans = [Span(raised_marker, size * 0.6, raised=True)] if raised_marker else []
    spans.append(Span(text, size))
    return Line(spans=spans, page=page, top=top, bottom=top + size)


def page(number: int) -> list[Line]:
    return [
        line("GB.298/MNE/2/1", number, 35),
        line(f"Body text on page {number} goes on.", number, 100),
        line(f"More body text on page {number}.", number, 116),
        line("1 GB.295/MNE/3/1.", number, 760, 10.0) if number == 1 else line("text", number, 130),
        line(str(number), number, 792),
        line("GB298-MNE-2-1-2007-02-0126-1-En.doc", number, 796, 8.0),
    ]


def test_headers_footers_and_page_numbers_are_furniture() -> None:
    lines = page(1) + page(2) + page(3)
    found = {lines[i].text for i in find_furniture(lines, HEIGHT, 3)}
    assert found == {"GB.298/MNE/2/1", "1", "2", "3", "GB298-MNE-2-1-2007-02-0126-1-En.doc"}


def test_a_footnote_in_the_footer_band_is_not_furniture() -> None:
    lines = [line("Body", 1, 100), line("GB.298/MNE/2/1.", 1, 770, 10.0, raised_marker="1"),
             line("see GB.318/PV.", 1, 782, 10.0)]
    assert find_furniture(lines, HEIGHT, 1) == set()


def test_footnote_continuation_that_looks_like_a_symbol_is_kept() -> None:
    lines = [line("Body", 1, 100), line("The Director-General reported; see", 1, 758, 10.0, raised_marker="2"),
             line("GB.318/PV.", 1, 770, 10.0), line("1", 1, 792)]
    assert {lines[i].text for i in find_furniture(lines, HEIGHT, 1)} == {"1"}


def test_text_repeated_in_the_footer_band_of_many_pages_is_furniture() -> None:
    lines = [line("Printed on recycled paper", p, 800, 8.0) for p in (1, 2, 3)]
    lines += [line(f"body {p}", p, 300) for p in (1, 2, 3)]
    assert {lines[i].page for i in find_furniture(lines, HEIGHT, 3)} == {1, 2, 3}


def test_limited_print_note_leaves_with_all_its_lines() -> None:
    lines = [line("Body", 1, 300), line("This GB document is printed in limited numbers to minimize the", 1, 700, 8.0),
             line("environmental impact of the ILO's activities and processes,", 1, 710, 8.0),
             line("contribute to climate neutrality and improve efficiency.", 1, 720, 8.0)]
    assert find_furniture(lines, HEIGHT, 1) == {1, 2, 3}


def test_furniture_wording() -> None:
    assert is_furniture_text("GB.319/POL/6")
    assert is_furniture_text("GB319-POL_6_[ENTER-130910-1]-En.docx")
    assert is_furniture_text("- 4 -")
    assert is_furniture_text("GB.300/MNE/3 3")
    assert not is_furniture_text("GB.295/MNE/3/1, GB.297/MNE/2/1.")
    assert not is_furniture_text("79 members")
