"""CSV rows, the one way the project reads and writes them: output tables written atomically and safe
to open in a spreadsheet, read back as they were; data tables of ``models/`` read as dicts.

Cells that come from documents and start with = + - @ (or a tab or carriage return) are written with an
apostrophe before them, so that a spreadsheet shows them as text instead of running them as formulas
(CSV injection): the apostrophe is the convention spreadsheets themselves use for "this is text".
Reading a table back removes it again.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from extractor.files import write_atomic

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> str:
    """A cell as text, neutralised when a spreadsheet would read it as a formula."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def unsafe_cell(value: str | None) -> str:
    """A cell as it was before ``safe_cell``."""
    text = value or ""
    return text[1:] if text.startswith("'") and text[1:2] and text[1:].startswith(FORMULA_START) else text


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> None:
    """Write a CSV next to its final place, then move it there in one step."""
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: safe_cell(row.get(key)) for key in columns})
    write_atomic(path, buffer.getvalue().encode("utf-8"))


def read_table(path: Path) -> list[dict[str, str]]:
    """An output table of a run, cells as written before ``safe_cell``; none when the file is missing."""
    if not path.exists():
        return []
    return [{key: unsafe_cell(value) for key, value in row.items()} for row in read_rows(path)]


def read_rows(path: Path) -> list[dict[str, str]]:
    """A CSV file's rows as they stand (a data file of ``models/``, or one an analyst wrote)."""
    return read_rows_with_header(path)[1]


def read_rows_with_header(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Its header and rows; a byte-order mark (from a spreadsheet's "CSV UTF-8") is dropped."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = [{key: value or "" for key, value in row.items()} for row in reader]
        return list(reader.fieldnames or []), rows


def as_text(rows: Iterable[dict[str, Any]]) -> list[dict[str, str]]:
    """Rows with every value as text (None as empty), as they would read back from their CSV."""
    return [{key: "" if value is None else str(value) for key, value in row.items()} for row in rows]
