"""Two text columns set side by side on the lines of a flattened page, as ``pdftotext -layout`` writes a
two-column PDF: "1.   At its 317th Session …          December 2013 a workshop on the MNE".

A page is in two columns when many of its lines hold a wide run of spaces (a gutter) after their first
few words, with text after it starting near one column. Such lines are cut at the gutter; the page then
reads the left column down and the right one, between the full-width lines (the title block above the
columns, a heading across both).
"""

from __future__ import annotations

import re

from extractor.layout.grid import per_page
from extractor.model import Line, Span

GUTTER = re.compile(r"\S( {3,})(?=\S)")
SPACES = re.compile(r"(?:^| {2,}) *(?=\S)")
MIN_LEFT = 20  # characters: a gutter starts further right than a hanging number's spaces
COLUMN_SPREAD = 12  # characters: right-column lines start within this of the leftmost (hanging numbers)
MIN_SHARE = 0.3  # of a page's lines, at least, are cut for the page to be in columns
MIN_LINES = 5
PROSE_WIDTH = 25  # characters a line, at least, in a column of text
PROSE_LETTERS = 0.6  # of its characters


def split_text_columns(lines: list[Line]) -> list[Line]:
    return per_page(lines, _page)


def _page(lines: list[Line]) -> list[Line]:
    ends = [(line, start) for line in lines if (start := _gutter_end(line.text)) is not None]
    starts = sorted(start for _, start in ends)
    filled = [line for line in lines if line.text.strip()]
    if len(starts) < max(MIN_LINES, MIN_SHARE * len(filled)) or not _prose([line.text[start:] for line, start in ends]):
        return lines
    column = _column_start(starts)
    out: list[Line] = []
    left: list[Line] = []
    right: list[Line] = []
    for line in lines:
        start = _cut(line.text, column)
        if start is not None:
            if line.text[:start].strip():
                left.append(_piece(line, line.text[:start].rstrip()))
            right.append(_piece(line, " " * (start - column) + line.text[start:].rstrip()))
        elif len(line.text.rstrip()) <= column - 2 and (left or right):
            left.append(line)  # a left-column line with nothing beside it
        else:
            out.extend(_flush(left, right))
            left, right = [], []
            out.append(line)
    return out + _flush(left, right)


def _prose(pieces: list[str]) -> bool:
    """Text beside the gutter that is a column of prose, not a table's cells ("41 500   62 300")."""
    text = " ".join(piece.strip() for piece in pieces)
    letters = sum(1 for c in text if c.isalpha())
    return len(text) >= PROSE_WIDTH * len(pieces) and letters >= PROSE_LETTERS * len(text)


def _gutter_end(text: str) -> int | None:
    """Where the text after a wide gutter (after the line's first words) starts, or None."""
    for match in GUTTER.finditer(text):
        if match.start(1) >= MIN_LEFT:
            return match.end(1)
    return None


def _cut(text: str, column: int) -> int | None:
    """Where this line's right-column text starts: after spaces ending near the column's edge, with the
    left text (if any) ending before it."""
    for match in SPACES.finditer(text):
        if column <= match.end() <= column + COLUMN_SPREAD and match.start() <= column - 2:
            return match.end()
    return None


def _column_start(starts: list[int]) -> int:
    """The right column's left edge: the start with the most starts within the spread to its right."""
    return max(starts, key=lambda s: (sum(1 for t in starts if s <= t <= s + COLUMN_SPREAD), -s))


def _flush(left: list[Line], right: list[Line]) -> list[Line]:
    if not right:
        return left
    blank = Line(spans=[Span("")], page=left[-1].page if left else right[0].page, top=0.0)
    return [*left, blank, *right]


def _piece(line: Line, text: str) -> Line:
    return Line(spans=[Span(text)], page=line.page, top=line.top, region=line.region)
