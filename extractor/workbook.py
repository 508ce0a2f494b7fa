"""``report.xlsx``: every table of a run in one workbook, ready to filter in a spreadsheet.

Each sheet has a bold header row that stays in view (frozen), an autofilter, and columns as wide as their
contents (within reason). A column whose cells are all whole numbers (paragraph numbers, offsets, values)
holds numbers; a date column ("2007-02-07", "2007-03") holds dates. Every other cell is a text cell, so
that nothing a paper says is read as a formula, a number or a link (the CSV files need an apostrophe for
that; a workbook does not).
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

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
    """The workbook's bytes. Written by XlsxWriter, which streams rows about three times faster than
    openpyxl builds them; strings are written as strings, never read as formulas, numbers or links."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_numbers": False, "strings_to_urls": False})
    formats = {"": None, "bold": book.add_format({"bold": True}),
               "yyyy-mm-dd": book.add_format({"num_format": "yyyy-mm-dd"}),
               "yyyy-mm": book.add_format({"num_format": "yyyy-mm"})}
    for sheet in sheets:
        page = book.add_worksheet(sheet.name[:31])
        page.write_row(0, 0, list(sheet.columns), formats["bold"])
        _write_columns(page, sheet, formats)
        page.freeze_panes(1, 0)
        page.autofilter(0, 0, len(sheet.rows), len(sheet.columns) - 1)
        for index, heading in enumerate(sheet.columns):
            longest = max([len(heading)] + [len(str(row.get(heading, ""))) for row in sheet.rows[:2000]])
            page.set_column(index, index, min(MAX_WIDTH, max(MIN_WIDTH, longest + 2)))
    book.close()
    return buffer.getvalue()


def _write_columns(page: Any, sheet: Sheet, formats: dict[str, Any]) -> None:
    """Column by column, each with the one writer its cells need (XlsxWriter's ``write`` would guess the
    type of every cell again)."""
    for column, name in enumerate(sheet.columns):
        numeric = _numeric(sheet.rows, name)
        write_number, write_string, write_datetime = page.write_number, page.write_string, page.write_datetime
        for number, row in enumerate(sheet.rows, start=1):
            value = row.get(name, "")
            if value in ("", None):
                continue
            if numeric:
                write_number(number, column, float(value))
                continue
            cell, number_format = _cell(value, name, False) if name in DATE_COLUMNS else (str(value), "")
            if number_format:
                write_datetime(number, column, cell, formats[number_format])
            else:
                write_string(number, column, cell)


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
    return str(value), ""  # a text cell: "=1+1" from a paper stays text, never a formula
