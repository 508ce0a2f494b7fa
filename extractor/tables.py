"""The output tables: UTF-8 CSV with a header row, each written atomically.

Cells that come from documents and start with = + - @ (or a tab or carriage
return) are prefixed with an apostrophe, so that a spreadsheet shows them as
text instead of running them as formulas (CSV injection). The apostrophe is
the convention spreadsheets themselves use for "this is text".
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from extractor.pipeline import DocumentResult

DOCUMENT_COLUMNS = [
    "doc_id", "source_file", "sha256", "format", "symbol", "session", "session_date", "committee", "section",
    "segment", "committee_code", "purpose", "agenda_item", "title", "date", "language", "original_language",
    "layout", "author_unit", "related_documents", "pages", "paragraphs", "status", "message",
]
SEGMENT_COLUMNS = [
    "doc_id", "symbol", "seg_id", "kind", "para", "item", "marker", "section", "page_start", "page_end", "text",
    "footnote_refs",
]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> str:
    """A cell as text, neutralised when a spreadsheet would read it as a formula."""
    if value is None:
        return ""
    text = str(value)
    if text.startswith(FORMULA_START):
        return "'" + text
    return text


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> None:
    """Write a CSV next to its final place, then move it there in one step."""
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: safe_cell(row.get(key)) for key in columns})
    write_atomic(path, buffer.getvalue().encode("utf-8"))


def write_atomic(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def document_row(result: DocumentResult) -> dict[str, Any]:
    meta = result.meta
    return {
        "doc_id": result.doc_id, "source_file": result.source_file, "sha256": result.sha256,
        "format": result.format, "symbol": meta.symbol, "session": meta.session, "session_date": meta.session_date,
        "committee": meta.committee, "section": meta.section, "segment": meta.segment,
        "committee_code": meta.committee_code, "purpose": meta.purpose, "agenda_item": meta.agenda_item,
        "title": meta.title, "date": meta.date, "language": meta.language,
        "original_language": meta.original_language, "layout": meta.layout if result.segments else "",
        "author_unit": meta.author_unit, "related_documents": meta.related_documents,
        "pages": result.pages or "", "paragraphs": result.paragraphs if result.segments else "",
        "status": result.status, "message": result.message,
    }


def segment_rows(result: DocumentResult) -> Iterable[dict[str, Any]]:
    for seg in result.segments:
        refs = [{"marker": m, "offset": o, "footnote": target} for m, o, target in seg.footnote_refs]
        yield {
            "doc_id": seg.doc_id, "symbol": seg.symbol, "seg_id": seg.seg_id, "kind": seg.kind, "para": seg.para,
            "item": seg.item, "marker": seg.marker, "section": seg.section,
            "page_start": seg.page_start or "", "page_end": seg.page_end or "", "text": seg.text,
            "footnote_refs": json.dumps(refs, ensure_ascii=False) if refs else "",
        }


def write_tables(out: Path, results: list[DocumentResult]) -> list[Path]:
    documents, segments = out / "documents.csv", out / "segments.csv"
    write_csv(documents, DOCUMENT_COLUMNS, (document_row(r) for r in results))
    write_csv(segments, SEGMENT_COLUMNS, (row for r in results for row in segment_rows(r)))
    return [documents, segments]
