"""Printed lines that share a row: two text columns, and tables.

A PDF reader gives a page's lines in top-to-bottom order, each row cut where a wide gap stands. Two
kinds of page set several lines on one row:

- a page in two columns (minutes, reports): long lines left and right of the page's middle. They are
  read as a printed page is read: the left column down, then the right, between the full-width parts
  (title block, headings across both columns);
- a table: short cells on each row, two rows or more. Each row becomes one line of the ``table`` region,
  its cells joined by tabs, so that the row becomes one table segment with its cells kept apart.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby

from extractor.layout.assemble import PARA_NUMBER
from extractor.model import Line, Span

ROW_TOLERANCE = 2.0  # points: lines whose tops differ by less share a row
COLUMN_SHARE = 0.3  # a column's line spans at least this share of the page's text width
CELL_SHARE = 0.45  # a table cell is narrower than this share of the text width
MIN_COLUMN_LINES = 6


def reading_order(lines: list[Line]) -> list[Line]:
    """Lines of two-column pages put in reading order; other pages as they are."""
    return per_page(lines, _page_order)


def per_page(lines: list[Line], arrange: Callable[[list[Line]], list[Line]]) -> list[Line]:
    """``arrange`` applied to each page's lines in turn."""
    out: list[Line] = []
    for _, group in groupby(lines, key=lambda line: line.page):
        out.extend(arrange(list(group)))
    return out


def _page_order(lines: list[Line]) -> list[Line]:
    if not lines:
        return lines
    left_edge = min(line.x0 for line in lines)
    right_edge = max(line.x1 for line in lines)
    width = right_edge - left_edge
    middle = left_edge + width / 2
    long_lines = [line for line in lines if line.x1 - line.x0 >= COLUMN_SHARE * width]
    left = [line for line in long_lines if line.x1 <= middle]
    right = [line for line in long_lines if line.x0 >= middle]
    if len(left) < MIN_COLUMN_LINES or len(right) < MIN_COLUMN_LINES:
        return lines
    top = min(line.top for line in right) - ROW_TOLERANCE  # above the columns (the title block): as printed
    ordered = sorted(lines, key=lambda line: (line.top, line.x0))
    out: list[Line] = [line for line in ordered if line.top < top]
    band: list[Line] = []
    for line in (line for line in ordered if line.top >= top):
        if line.x0 < middle < line.x1:  # across both columns: the band of columns above it is done
            out.extend(_columns(band, middle))
            band = []
            out.append(line)
        else:
            band.append(line)
    return out + _columns(band, middle)


def _columns(band: list[Line], middle: float) -> list[Line]:
    return [line for line in band if line.x1 <= middle] + [line for line in band if line.x1 > middle]


def table_rows(lines: list[Line], text_width: float) -> list[Line]:
    """Rows of two short cells or more, two rows or more in a row, after the first numbered paragraph,
    become one ``table`` line each."""
    rows = _rows(lines)
    out: list[Line] = []
    numbered = False
    index = 0
    while index < len(rows):
        numbered = numbered or any(PARA_NUMBER.match(line.text) for line in rows[index])
        end = index
        while numbered and end < len(rows) and _is_table_row(rows[end], text_width):
            end += 1
        if end - index >= 2:
            out.extend(_row_line(row) for row in rows[index:end])
            index = end
        else:
            out.extend(rows[index])
            index += 1
    return out


def _rows(lines: list[Line]) -> list[list[Line]]:
    rows: list[list[Line]] = []
    for line in lines:
        last = rows[-1][-1] if rows else None
        if last is not None and last.page == line.page and abs(line.top - last.top) < ROW_TOLERANCE:
            rows[-1].append(line)
        else:
            rows.append([line])
    return rows


def _is_table_row(row: list[Line], text_width: float) -> bool:
    return len(row) >= 2 and all(line.x1 - line.x0 < CELL_SHARE * text_width for line in row)


def _row_line(row: list[Line]) -> Line:
    spans: list[Span] = []
    for index, cell in enumerate(sorted(row, key=lambda line: line.x0)):
        if index:
            spans.append(Span("\t", cell.size))
        spans.extend(cell.spans)
    first = row[0]
    return Line(spans=spans, page=first.page, top=first.top, bottom=max(line.bottom for line in row),
                region="table")
