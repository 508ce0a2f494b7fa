"""``report.xlsx``: every table of a run in one workbook, ready to filter in a spreadsheet.

Each sheet has a bold header row that stays in view (frozen), an autofilter, and columns as wide as their
contents (within reason). A column whose cells are all whole numbers (paragraph numbers, offsets, values)
holds numbers; a date column ("2007-02-07", "2007-03") holds dates. Every other cell is text, neutralised
like the CSV files when a spreadsheet would read it as a formula.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from extractor.rows import safe_cell

DATE_COLUMNS = {"date", "session_date", "from_date", "to_date"}
NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")
DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
MONTH = re.compile(r"^(\d{4})-(\d{2})$")
MIN_WIDTH, MAX_WIDTH = 6, 60


@dataclass(frozen=True, slots=True)
class Sheet:
    name: str
    columns: Sequence[str]
    rows: Sequence[dict[str, Any]]


def render_workbook(sheets: Sequence[Sheet]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    for sheet in sheets:
        page = book.create_sheet(sheet.name[:31])
        page.append(list(sheet.columns))
        numeric = {c for c in sheet.columns if _numeric(sheet.rows, c)}
        for row in sheet.rows:
            cells = [_cell(row.get(c, ""), c, c in numeric) for c in sheet.columns]
            page.append([value for value, _ in cells])
            for cell, (_, number_format) in zip(page[page.max_row], cells, strict=True):
                if number_format:
                    cell.number_format = number_format
        for cell in page[1]:
            cell.font = Font(bold=True)
        page.freeze_panes = "A2"
        page.auto_filter.ref = page.dimensions
        for index, column in enumerate(sheet.columns, start=1):
            letter = get_column_letter(index)
            longest = max([len(str(column))] + [len(str(row.get(column, ""))) for row in sheet.rows[:2000]])
            page.column_dimensions[letter].width = min(MAX_WIDTH, max(MIN_WIDTH, longest + 2))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _numeric(rows: Sequence[dict[str, Any]], column: str) -> bool:
    values = [row.get(column, "") for row in rows]
    filled = [v for v in values if v not in ("", None)]
    return bool(filled) and all(isinstance(v, (int, float)) or (isinstance(v, str) and NUMBER.match(v))
                                for v in filled)


def _cell(value: Any, column: str, numeric: bool) -> tuple[Any, str]:
    """A cell's value and its number format ("" for the default)."""
    if value in ("", None):
        return None, ""
    if numeric:
        number = float(value)
        return (int(number) if number == int(number) else number), ""
    if column in DATE_COLUMNS and isinstance(value, str):
        day, month = DAY.match(value), MONTH.match(value)
        if day:
            return datetime(int(day.group(1)), int(day.group(2)), int(day.group(3))), "yyyy-mm-dd"
        if month:
            return datetime(int(month.group(1)), int(month.group(2)), 1), "yyyy-mm"
    return safe_cell(value), ""
