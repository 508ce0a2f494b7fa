"""The papers to compare, one per GB symbol: from a run's tables, or from the tables of run folders (with
their corrections applied, and their organizations and places linked across all the runs together).

Renders of one paper (its PDF, DOC and text) count once. A paper's body is its committee before November
2011 and its section's segment since (``models/series.csv``: the MNE Subcommittee's updates go on as papers
of the Policy Development Section's Multinational Enterprises Segment).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from extractor.annotate.gazetteers import load_knowledge
from extractor.identity import Identities, link
from extractor.model import Paper, Status
from extractor.overrides import Override, apply_overrides, load_overrides
from extractor.resources import models_dir
from extractor.rows import read_rows, read_table

FORMAT_PREFERENCE = ["docx", "doc", "pdf", "rtf", "odt", "html", "text"]




def load_papers(runs: list[Path], extra_overrides: Path | None = None) -> tuple[list[Paper], Identities]:
    """One Paper per symbol from run folders (documents, mentions and segments CSV), corrections applied, and
    the identities of their organizations and places, linked across all the runs together."""
    overrides: list[Override] = load_overrides(extra_overrides)
    documents, mentions, segments = [], [], []
    every_rule = list(overrides)
    for run in runs:
        documents += read_table(run / "documents.csv")
        segments += read_table(run / "segments.csv")
        rules = overrides + load_overrides(run / "overrides.csv")
        every_rule += rules[len(overrides):]
        mentions += apply_overrides(read_table(run / "mentions.csv"), rules, segments)
    identities = link(mentions, load_knowledge(), every_rule)
    for mention, entity in zip(mentions, identities.by_mention, strict=True):
        mention["entity_id"] = entity
    return papers_from(documents, segments, mentions), identities


def papers_from(documents: list[dict[str, Any]], segments: list[dict[str, Any]],
                mentions: list[dict[str, Any]]) -> list[Paper]:
    bodies = _bodies()
    chosen = one_render_per_symbol(documents, mentions)
    wanted = {doc["doc_id"] for doc in chosen}
    by_doc: dict[str, list[dict[str, str]]] = {}
    for mention in mentions:
        if mention["doc_id"] in wanted:
            by_doc.setdefault(mention["doc_id"], []).append({k: str(v) for k, v in mention.items()})
    texts: dict[str, list[str]] = {}
    for seg in segments:
        if seg["doc_id"] in wanted and seg["kind"] in ("paragraph", "item"):
            texts.setdefault(seg["doc_id"], []).append(str(seg["text"]))
    papers = []
    for doc in chosen:
        paper = Paper(doc["symbol"], doc["session_date"], doc["date"], doc["title"], _body(doc, bodies), doc["doc_id"])
        paper.mentions = by_doc.get(doc["doc_id"], [])
        paper.texts = texts.get(doc["doc_id"], [])
        papers.append(paper)
    return papers


def _bodies() -> dict[str, str]:
    return {row["name"].lower(): row["body"] for row in read_rows(models_dir() / "series.csv")}


def _body(doc: dict[str, str], bodies: dict[str, str]) -> str:
    for field_name in ("segment", "committee", "committee_code", "section"):
        value = doc.get(field_name, "").strip().lower()
        if value and value in bodies:
            return bodies[value]
    return doc.get("committee_code") or doc.get("committee") or doc.get("section") or "?"


def one_render_per_symbol(documents: list[dict[str, str]], mentions: list[dict[str, str]]) -> list[dict[str, str]]:
    """The file each paper is read from when it came as several (its PDF, DOC, text): the one with the most
    paragraphs, then mentions, then a session date, then the format most faithful to the paper."""
    counts = Counter(m["doc_id"] for m in mentions)
    best: dict[str, dict[str, str]] = {}
    for doc in documents:
        if not doc.get("symbol") or doc.get("status") not in (Status.OK, Status.FLAGGED):
            continue
        rank = (int(doc.get("paragraphs") or 0), counts[doc["doc_id"]], bool(doc.get("session_date")),
                -_format_rank(doc.get("format", "")))
        current = best.get(doc["symbol"])
        if current is None or rank > current["_rank"]:  # type: ignore[operator]
            best[doc["symbol"]] = {**doc, "_rank": rank}  # type: ignore[dict-item]
    return list(best.values())


def _format_rank(fmt: str) -> int:
    return FORMAT_PREFERENCE.index(fmt) if fmt in FORMAT_PREFERENCE else len(FORMAT_PREFERENCE)
