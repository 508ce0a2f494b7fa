"""Running headers and footers: the symbol, the file name, page numbers,
the "printed in limited numbers" note. They leave the body and are kept as
furniture records."""

from __future__ import annotations

import re
from collections import Counter

from extractor.model import Line
from extractor.symbols import SYMBOL as GB_SYMBOL

PAGE_NUMBER = re.compile(r"^(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?$|^[ivxlc]{1,7}$", re.IGNORECASE)
# a running header's symbol ends the line without a full stop; a footnote citing a symbol ends with one
SYMBOL = GB_SYMBOL.pattern
SYMBOL_ONLY = re.compile(rf"^{SYMBOL}$")
SYMBOL_AND_PAGE = re.compile(rf"^(?:{SYMBOL}\s+(?:[-–]\s*)?(?:page\s+)?\d{{1,4}}|\d{{1,4}}\s+{SYMBOL})$", re.I)
FILE_NAME = re.compile(
    r"^[\w\[\]().\-]+\.(?:docx?|rtf|pdf|odt|wpd)$|^\S*-\d{4}-\d{2}-\d{4}-\d+-(?:En|Fr|Sp|Es)\b", re.I)
LIMITED_PRINT = re.compile(
    r"printed in limited numbers|environmental impact of the ILO|kindly bring their copies", re.I)
HEADER_BAND = 0.09
FOOTER_BAND = 0.91


def is_furniture_text(text: str) -> bool:
    """A line that is page furniture by its wording alone."""
    text = text.strip()
    return bool(
        PAGE_NUMBER.match(text)
        or SYMBOL_ONLY.match(text)
        or SYMBOL_AND_PAGE.match(text)
        or FILE_NAME.match(text)
        or LIMITED_PRINT.search(text)
    )


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", text.strip().lower())


def find_furniture(lines: list[Line], page_height: float, pages: int) -> set[int]:
    """Indexes of the lines that are running headers, footers or page numbers.

    A line counts when it sits in the top or bottom band of its page and either
    reads like furniture or repeats, digits aside, on several pages.
    """
    in_band: dict[int, str] = {}
    for index, line in enumerate(lines):
        if line.top < HEADER_BAND * page_height:
            in_band[index] = "header"
        elif line.bottom > FOOTER_BAND * page_height:
            in_band[index] = "footer"
    repeats = Counter((in_band[i], _shape(lines[i].text)) for i in in_band)
    pages_with = {key: len({lines[i].page for i in in_band if (in_band[i], _shape(lines[i].text)) == key})
                  for key in repeats}
    found = set()
    for index, band in in_band.items():
        text = lines[index].text
        if lines[index].spans and lines[index].spans[0].raised:
            continue  # a footnote, however much it looks like a header or repeats
        if band == "footer" and _continues_line_above(lines, index):
            continue  # the last line of a footnote ("see GB.318/PV.")
        repeated = pages >= 2 and pages_with[(band, _shape(text))] >= max(2, pages // 3)
        if is_furniture_text(text) or repeated:
            found.add(index)
    for index, line in enumerate(lines):
        if LIMITED_PRINT.search(line.text):
            found |= _same_note(lines, index)
    return found


def _continues_line_above(lines: list[Line], index: int) -> bool:
    line = lines[index]
    above = [other for other in lines if other.page == line.page and 0.5 * line.size < line.top - other.top]
    if not above:
        return False
    previous = max(above, key=lambda other: other.top)
    adjacent = line.top - previous.top <= 1.5 * max(line.size, 1.0)
    return adjacent and abs(previous.size - line.size) < 0.3 and not is_furniture_text(previous.text)


def _same_note(lines: list[Line], index: int) -> set[int]:
    """The lines set with the line at ``index`` as one small-print note."""
    note = {index}
    for step in (-1, 1):
        last = lines[index]
        j = index + step
        while 0 <= j < len(lines):
            line = lines[j]
            near = abs(line.top - last.top) <= 1.6 * max(line.size, 1.0)
            if line.page != last.page or abs(line.size - last.size) > 0.3 or not near:
                break
            note.add(j)
            last, j = line, j + step
    return note
