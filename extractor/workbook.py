"""``report.xlsx``: every table of a run in one workbook, ready to filter in a spreadsheet.

Each sheet has a bold header row that stays in view (frozen), an autofilter, and columns as wide as their
contents (within reason). A column whose cells are all whole numbers (paragraph numbers, offsets, values)
holds numbers; a date column ("2007-02-07", "2007-03") holds dates. Every other cell is a text cell, so
that nothing a paper says is read as a formula, a number or a link (the CSV files need an apostrophe for
that; a workbook does not). A table longer than a sheet can hold (1,048,575 rows) goes on over
"mentions (2)", "mentions (3)" …

The workbook is written here, as the few parts of the Office Open XML format (ECMA-376) it needs, and not
by a library: the libraries build an object per cell, and a run of 500 papers has a million cells (5 s
with XlsxWriter, 1.5 s here), which the run's last, serial step would wait for.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from xml.sax.saxutils import escape, quoteattr

DATE_COLUMNS = {"date", "session_date", "from_date", "to_date"}
NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")
DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
MONTH = re.compile(r"^(\d{4})-(\d{2})$")
MIN_WIDTH, MAX_WIDTH = 6, 60
MAX_ROWS = 1_048_575  # a sheet's rows, below its header
MAX_TEXT = 32_767  # characters a cell holds
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
EPOCH = date(1899, 12, 30)  # day 0 of a spreadsheet's dates
BOLD, DAY_STYLE, MONTH_STYLE = 1, 2, 3  # cell styles (styles.xml)
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


@dataclass(frozen=True, slots=True)
class Sheet:
    name: str
    columns: Sequence[str]
    rows: Sequence[dict[str, Any]]


@dataclass(frozen=True, slots=True)
class _Part:
    """A sheet of the workbook: a table, or the part of one that fits, with how each column is written."""

    name: str
    columns: Sequence[str]
    rows: Sequence[dict[str, Any]]
    writers: list[Any]
    widths: list[int]


def render_workbook(sheets: Sequence[Sheet]) -> bytes:
    """The workbook's bytes (an .xlsx package)."""
    parts = [part for sheet in sheets for part in _split(sheet)]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        package.writestr("[Content_Types].xml", _content_types(len(parts)))
        package.writestr("_rels/.rels", _XML + f'<Relationships xmlns="{_PACKAGE_RELS}"><Relationship Id="rId1" '
                         f'Type="{RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        package.writestr("xl/workbook.xml", _workbook(parts))
        package.writestr("xl/_rels/workbook.xml.rels", _workbook_relationships(len(parts)))
        package.writestr("xl/styles.xml", _STYLES)
        for number, sheet in enumerate(parts, start=1):
            package.writestr(f"xl/worksheets/sheet{number}.xml", "".join(_worksheet(sheet)))
    return buffer.getvalue()


def _split(sheet: Sheet) -> Iterator[_Part]:
    """The sheet, or its parts when it has more rows than a sheet holds (each column written the same
    way in every part)."""
    writers = [_writer(sheet.rows, name) for name in sheet.columns]
    widths = _widths(sheet)
    for index, start in enumerate(range(0, max(len(sheet.rows), 1), MAX_ROWS)):
        name = sheet.name[:31] if index == 0 else f"{sheet.name[:25]} ({index + 1})"
        yield _Part(name, sheet.columns, sheet.rows[start:start + MAX_ROWS], writers, widths)


def _worksheet(sheet: _Part) -> Iterator[str]:
    letters = [_column_letter(index) for index in range(len(sheet.columns))]
    last = f"{letters[-1]}{len(sheet.rows) + 1}" if letters else "A1"
    yield (_XML + f'<worksheet xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}"><dimension ref="A1:{last}"/>'
           '<sheetViews><sheetView tabSelected="0" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
           'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>')
    yield "<cols>" + "".join(f'<col min="{i}" max="{i}" width="{width}" customWidth="1"/>'
                             for i, width in enumerate(sheet.widths, start=1)) + "</cols><sheetData>"
    yield '<row r="1">' + "".join(_text(f"{letter}1", name, BOLD)
                                  for letter, name in zip(letters, sheet.columns, strict=True)) + "</row>"
    for number, row in enumerate(sheet.rows, start=2):
        cells = [write(f"{letter}{number}", row.get(name))
                 for letter, name, write in zip(letters, sheet.columns, sheet.writers, strict=True)]
        yield f'<row r="{number}">{"".join(cells)}</row>'
    yield f'</sheetData><autoFilter ref="A1:{last}"/></worksheet>'


def _writer(rows: Sequence[dict[str, Any]], column: str) -> Any:
    """How the column's cells are written: numbers, dates or text."""
    if _numeric(rows, column):
        return _number
    return _date if column in DATE_COLUMNS else _plain


def _numeric(rows: Sequence[dict[str, Any]], column: str) -> bool:
    filled = [v for v in (row.get(column, "") for row in rows) if v not in ("", None)]
    return bool(filled) and all(isinstance(v, (int, float)) or (isinstance(v, str) and NUMBER.match(v))
                                for v in filled)


def _number(reference: str, value: Any) -> str:
    if value in ("", None):
        return ""
    number = float(value)
    return f'<c r="{reference}"><v>{int(number) if number == int(number) else number}</v></c>'


def _date(reference: str, value: Any) -> str:
    """ "2007-02-07" a day, "2007-03" a month, each with its format; anything else as text."""
    text = "" if value is None else str(value)
    day, month = DAY.match(text), MONTH.match(text)
    try:
        if day:
            serial, style = (date(*map(int, day.groups())) - EPOCH).days, DAY_STYLE
        elif month:
            serial, style = (date(int(month.group(1)), int(month.group(2)), 1) - EPOCH).days, MONTH_STYLE
        else:
            return _plain(reference, value)
    except ValueError:  # "2007-13": no such month
        return _plain(reference, value)
    return f'<c r="{reference}" s="{style}"><v>{serial}</v></c>'


def _plain(reference: str, value: Any) -> str:
    return "" if value in ("", None) else _text(reference, str(value))


def _text(reference: str, text: str, style: int = 0) -> str:
    clean = escape(NOT_XML.sub("\ufffd", text[:MAX_TEXT]))
    styled = f' s="{style}"' if style else ""
    return f'<c r="{reference}"{styled} t="inlineStr"><is><t xml:space="preserve">{clean}</t></is></c>'


def _widths(sheet: Sheet) -> list[int]:
    return [min(MAX_WIDTH, max(MIN_WIDTH, 2 + max([len(name)] + [len(str(row.get(name, "")))
                                                                 for row in sheet.rows[:2000]])))
            for name in sheet.columns]


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _workbook(sheets: Sequence[_Part]) -> str:
    entries = "".join(f'<sheet name={quoteattr(sheet.name)} sheetId="{n}" r:id="rId{n}"/>'
                      for n, sheet in enumerate(sheets, start=1))
    filters = "".join(
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="{n}" hidden="1">'
        f"{escape(_quoted(sheet.name))}!$A$1:${_column_letter(max(len(sheet.columns) - 1, 0))}$"
        f"{len(sheet.rows) + 1}</definedName>" for n, sheet in enumerate(sheets))
    return (_XML + f'<workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}"><bookViews><workbookView/></bookViews>'
            f"<sheets>{entries}</sheets><definedNames>{filters}</definedNames></workbook>")


def _quoted(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def _workbook_relationships(count: int) -> str:
    sheets = "".join(f'<Relationship Id="rId{n}" Type="{RELATIONSHIPS}/worksheet" Target="worksheets/sheet{n}.xml"/>'
                     for n in range(1, count + 1))
    styles = f'<Relationship Id="rId{count + 1}" Type="{RELATIONSHIPS}/styles" Target="styles.xml"/>'
    return _XML + f'<Relationships xmlns="{_PACKAGE_RELS}">{sheets}{styles}</Relationships>'


def _content_types(count: int) -> str:
    sheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
    overrides = "".join(f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{sheet}"/>'
                        for n in range(1, count + 1))
    return (_XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            f"{overrides}</Types>")


_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
# cell styles: 0 plain, 1 bold (the header), 2 a day (yyyy-mm-dd), 3 a month (yyyy-mm)
_STYLES = (_XML + f'<styleSheet xmlns="{MAIN}">'
           '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>'
           '<numFmt numFmtId="165" formatCode="yyyy-mm"/></numFmts>'
           '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
           '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
           '<fills count="2"><fill><patternFill patternType="none"/></fill>'
           '<fill><patternFill patternType="gray125"/></fill></fills>'
           '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
           '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
           '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
           '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
           '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
           '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
           '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
           "</styleSheet>")
