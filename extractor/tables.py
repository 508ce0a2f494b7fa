"""The output tables of a run: UTF-8 CSV with a header row, each written atomically and safe to open in
a spreadsheet (``extractor.rows``)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractor.annotate.gazetteers import load_knowledge
from extractor.identity import ENTITY_COLUMNS, Identities, acronyms_across_run, link
from extractor.model import DocumentResult
from extractor.overrides import REPORT_COLUMNS, Applied, Override, apply_with_report
from extractor.rows import as_text, write_csv

DOCUMENT_COLUMNS = [
    "doc_id", "source_file", "sha256", "format", "symbol", "session", "session_date", "committee", "section",
    "segment", "committee_code", "purpose", "agenda_item", "title", "date", "language", "original_language",
    "layout", "author_unit", "related_documents", "pages", "paragraphs", "status", "message",
]
SEGMENT_COLUMNS = [
    "doc_id", "symbol", "seg_id", "kind", "para", "item", "marker", "section", "page_start", "page_end", "text",
    "footnote_refs",
]
MENTION_COLUMNS = [
    "doc_id", "symbol", "session_date", "seg_id", "para", "item", "section", "page", "type", "text", "norm",
    "entity_id", "start", "end", "sentence", "method", "score", "correction",
]
ACTIVITY_TYPES = {"units": "UNIT", "partners": "PARTNER", "places": "PLACE", "dates": "DATE", "amounts": "AMOUNT"}
ACTIVITY_COLUMNS = ["doc_id", "symbol", "session_date", "seg_id", "para", "item", "section", *ACTIVITY_TYPES, "text"]
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


def mention_rows(result: DocumentResult) -> Iterable[dict[str, Any]]:
    for m in result.mentions:
        yield {
            "doc_id": result.doc_id, "symbol": result.meta.symbol, "session_date": result.meta.session_date,
            "seg_id": m.seg_id, "para": m.para, "item": m.item, "section": m.section, "page": m.page or "",
            "type": m.type, "text": m.text, "norm": m.norm, "start": m.start, "end": m.end,
            "sentence": m.sentence, "method": m.method, "score": m.score, "correction": "",
        }


def activity_rows(result: DocumentResult, by_segment: dict[tuple[str, str], list[dict[str, Any]]]
                  ) -> Iterable[dict[str, Any]]:
    """One row per paragraph and item, with the canonical values found in it."""
    for seg in result.segments:
        if seg.kind not in ("paragraph", "item"):
            continue
        found = by_segment.get((result.doc_id, seg.seg_id), [])
        row: dict[str, Any] = {
            "doc_id": result.doc_id, "symbol": result.meta.symbol, "session_date": result.meta.session_date,
            "seg_id": seg.seg_id, "para": seg.para, "item": seg.item, "section": seg.section, "text": seg.text,
        }
        for column, type_ in ACTIVITY_TYPES.items():
            values = [_activity_value(m) for m in found if m["type"] == type_]
            row[column] = "; ".join(dict.fromkeys(v for v in values if v))
        yield row


def _activity_value(mention: dict[str, Any]) -> str:
    if mention["type"] == "PLACE":
        return f"{mention['text']} ({mention['norm']})" if mention["norm"] else str(mention["text"])
    return str(mention["norm"] or mention["text"])


@dataclass(slots=True)
class Tables:
    """The rows of a run's tables, as written (for the comparison that follows without reading them back)."""

    documents: list[dict[str, Any]]
    segments: list[dict[str, Any]]
    mentions: list[dict[str, Any]]
    paths: list[Path]
    corrections: list[Applied]
    identities: Identities


TABLE_NAMES = ("documents", "segments", "mentions", "entities", "activities", "overrides-applied")


def write_tables(out: Path, results: list[DocumentResult], overrides: list[Override] | None = None) -> Tables:
    """documents, segments, mentions (corrections applied), entities, activities and overrides-applied CSV
    files in ``out``."""
    tables = build_tables(out, results, overrides)
    write_table_files(tables, results)
    return tables


def build_tables(out: Path, results: list[DocumentResult], overrides: list[Override] | None = None) -> Tables:
    """The tables' rows: mentions across the run's acronyms, corrected, linked to their entities."""
    documents = [document_row(r) for r in results]
    segments = [row for r in results for row in segment_rows(r)]
    found = [row for r in results for row in mention_rows(r)]
    across = acronyms_across_run(found, segments, {d["doc_id"]: d["session_date"] for d in documents})
    if across:  # in reading order among the others
        order = {(s["doc_id"], s["seg_id"]): index for index, s in enumerate(segments)}
        found = sorted(found + across, key=lambda m: (order.get((m["doc_id"], m["seg_id"]), 0), int(m["start"])))
    mentions, corrections = apply_with_report(
        found, overrides or [], as_text(segments) if overrides else [])
    identities = link(mentions, load_knowledge(), overrides)
    for mention, entity in zip(mentions, identities.by_mention, strict=True):
        mention["entity_id"] = entity
    paths = [out / f"{name}.csv" for name in TABLE_NAMES]
    return Tables(documents, segments, mentions, paths, corrections, identities)


def write_table_files(tables: Tables, results: list[DocumentResult]) -> None:
    paths = dict(zip(TABLE_NAMES, tables.paths, strict=True))
    by_segment: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for m in tables.mentions:
        by_segment.setdefault((m["doc_id"], m["seg_id"]), []).append(m)
    write_csv(paths["documents"], DOCUMENT_COLUMNS, tables.documents)
    write_csv(paths["segments"], SEGMENT_COLUMNS, tables.segments)
    write_csv(paths["mentions"], MENTION_COLUMNS, tables.mentions)
    write_csv(paths["entities"], ENTITY_COLUMNS, tables.identities.rows())
    write_csv(paths["activities"], ACTIVITY_COLUMNS, (row for r in results for row in activity_rows(r, by_segment)))
    write_csv(paths["overrides-applied"], REPORT_COLUMNS, (applied.row() for applied in tables.corrections))
