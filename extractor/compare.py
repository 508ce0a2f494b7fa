"""Successive updates side by side: series of papers, what changed between them, numbers that recur.

A series is the papers of one body and subject, ordered by session date. The
body is the committee before November 2011 and the section's segment since
(``models/series.csv``: the MNE Subcommittee's updates go on as papers of the
Policy Development Section's Multinational Enterprises Segment). Within a
body, papers on the same subject are those whose texts and organizations
resemble each other's. Renders of one paper (its PDF, DOC and text) count once.
"""

from __future__ import annotations

import csv
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor.annotate.gazetteers import load_knowledge
from extractor.identity import Identities, link
from extractor.lexicon import word_list
from extractor.numbers_series import recurring_values
from extractor.overrides import Override, apply_overrides, load_overrides
from extractor.resources import models_dir

ENTITY_TYPES = ("UNIT", "PARTNER", "PLACE")
FORMAT_PREFERENCE = ["docx", "doc", "pdf", "rtf", "odt", "html", "text"]
SIMILAR = 0.2  # papers of one body whose subject similarity reaches this are one series


@dataclass(slots=True)
class Paper:
    symbol: str
    session_date: str
    date: str
    title: str
    body: str
    doc_id: str
    mentions: list[dict[str, str]] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)

    @property
    def sort_key(self) -> tuple[str, str, str]:
        return self.session_date or self.date or "9999", self.date, self.symbol


@dataclass(slots=True)
class Series:
    name: str
    papers: list[Paper]


@dataclass(slots=True)
class Comparison:
    series: list[Series]
    changes: list[dict[str, str]]
    matrix: list[dict[str, Any]]
    values: list[dict[str, Any]]
    entities: list[dict[str, str]] = field(default_factory=list)


def read_csv(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return [{k: (v or "").removeprefix("'") if k in ("text", "sentence") else (v or "")
                 for k, v in row.items()} for row in csv.DictReader(handle)]


def load_papers(runs: list[Path], extra_overrides: Path | None = None) -> tuple[list[Paper], Identities]:
    """One Paper per symbol from run folders (documents, mentions and segments CSV), corrections applied, and
    the identities of their organizations and places, linked across all the runs together."""
    overrides: list[Override] = load_overrides(extra_overrides)
    documents, mentions, segments = [], [], []
    every_rule = list(overrides)
    for run in runs:
        documents += read_csv(run / "documents.csv")
        segments += read_csv(run / "segments.csv")
        rules = overrides + load_overrides(run / "overrides.csv")
        every_rule += rules[len(overrides):]
        mentions += apply_overrides(read_csv(run / "mentions.csv"), rules, segments)
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
    with (models_dir() / "series.csv").open(encoding="utf-8", newline="") as handle:
        return {row["name"].lower(): row["body"] for row in csv.DictReader(handle)}


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
        if not doc.get("symbol") or doc.get("status") not in ("ok", "flagged"):
            continue
        rank = (int(doc.get("paragraphs") or 0), counts[doc["doc_id"]], bool(doc.get("session_date")),
                -_format_rank(doc.get("format", "")))
        current = best.get(doc["symbol"])
        if current is None or rank > current["_rank"]:  # type: ignore[operator]
            best[doc["symbol"]] = {**doc, "_rank": rank}  # type: ignore[dict-item]
    return list(best.values())


def _format_rank(fmt: str) -> int:
    return FORMAT_PREFERENCE.index(fmt) if fmt in FORMAT_PREFERENCE else len(FORMAT_PREFERENCE)


def group_series(papers: list[Paper], threshold: float = SIMILAR) -> list[Series]:
    """Series: papers of one body linked by subject similarity, each ordered by session date."""
    series: list[Series] = []
    by_body: dict[str, list[Paper]] = {}
    for paper in papers:
        by_body.setdefault(paper.body, []).append(paper)
    for body, members in sorted(by_body.items()):
        vectors = {p.symbol: _vector(p) for p in members}
        groups: list[list[Paper]] = []
        for paper in sorted(members, key=lambda p: p.sort_key):
            linked = [g for g in groups if any(subject_similarity(paper, other, vectors) >= threshold for other in g)]
            merged = [paper] + [p for g in linked for p in g]
            groups = [g for g in groups if g not in linked] + [merged]
        for group in groups:
            ordered = sorted(group, key=lambda p: p.sort_key)
            series.append(Series(f"{body}: {ordered[0].title or ordered[0].symbol}", ordered))
    return sorted(series, key=lambda s: s.name)


def subject_similarity(a: Paper, b: Paper, vectors: dict[str, Counter[str]]) -> float:
    """Half how alike the words are (cosine), half how alike the units and partners are (Jaccard)."""
    words = _cosine(vectors[a.symbol], vectors[b.symbol])
    orgs_a = {m["norm"] for m in a.mentions if m["type"] in ("UNIT", "PARTNER")}
    orgs_b = {m["norm"] for m in b.mentions if m["type"] in ("UNIT", "PARTNER")}
    orgs = len(orgs_a & orgs_b) / len(orgs_a | orgs_b) if orgs_a | orgs_b else 0.0
    return 0.5 * words + 0.5 * orgs


def _vector(paper: Paper) -> Counter[str]:
    words = re.findall(r"[a-z]{4,}", " ".join([*paper.texts, paper.title]).lower())
    stopwords = word_list("subject_stopword")
    return Counter(w for w in words if w not in stopwords)


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    dot = sum(a[w] * b[w] for w in a.keys() & b.keys())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def _entities(paper: Paper, type_: str) -> dict[str, list[str]]:
    """The paper's entities of a type (by entity_id), with the paragraphs that name each."""
    found: dict[str, list[str]] = {}
    for mention in paper.mentions:
        if mention["type"] == type_ and mention.get("entity_id"):
            paras = found.setdefault(mention["entity_id"], [])
            para = mention["para"] or "other"
            if para not in paras:
                paras.append(para)
    return found


def changes(series: Series, names: dict[str, str]) -> list[dict[str, str]]:
    """For each pair of consecutive papers: new, dropped, continuing and returning entities."""
    rows = []
    for index in range(1, len(series.papers)):
        before, after = series.papers[index - 1], series.papers[index]
        for type_ in ENTITY_TYPES:
            old, new = _entities(before, type_), _entities(after, type_)
            earlier = {e for p in series.papers[:index - 1] for e in _entities(p, type_)}
            for entity in sorted(old.keys() | new.keys(), key=lambda e: names[e].lower()):
                if entity in old and entity in new:
                    status = "continuing"
                elif entity in new:
                    status = "returning" if entity in earlier else "new"
                else:
                    status = "dropped"
                rows.append({
                    "series": series.name, "type": type_, "entity": names[entity], "entity_id": entity,
                    "status": status,
                    "from_symbol": before.symbol, "to_symbol": after.symbol,
                    "from_date": before.session_date, "to_date": after.session_date,
                    "from_paras": ", ".join(_sorted_paras(old.get(entity, []))),
                    "to_paras": ", ".join(_sorted_paras(new.get(entity, []))),
                })
    return rows


def _sorted_paras(paras: list[str]) -> list[str]:
    return sorted(paras, key=lambda p: (not p.isdigit(), int(p) if p.isdigit() else 0, p))


def matrix(series: Series, names: dict[str, str]) -> list[dict[str, Any]]:
    """Entity x paper: how many mentions, in how many paragraphs."""
    mentions: dict[tuple[str, str], Counter[str]] = {}
    paragraphs: dict[tuple[str, str], dict[str, set[str]]] = {}
    for paper in series.papers:
        for mention in paper.mentions:
            if mention["type"] in ENTITY_TYPES and mention.get("entity_id"):
                key = (mention["type"], mention["entity_id"])
                mentions.setdefault(key, Counter())[paper.symbol] += 1
                paragraphs.setdefault(key, {}).setdefault(paper.symbol, set()).add(mention["para"] or "other")
    rows = []
    for key in sorted(mentions, key=lambda k: (k[0], names[k[1]].lower())):
        row: dict[str, Any] = {"series": series.name, "type": key[0], "entity": names[key[1]], "entity_id": key[1]}
        for paper in series.papers:
            row[f"{paper.symbol} mentions"] = mentions[key][paper.symbol]
            row[f"{paper.symbol} paragraphs"] = len(paragraphs[key].get(paper.symbol, set()))
        rows.append(row)
    return rows


def compare(runs: list[Path], overrides: Path | None = None, threshold: float = SIMILAR) -> Comparison:
    papers, identities = load_papers(runs, overrides)
    return compare_papers(papers, threshold, identities)


def compare_papers(papers: list[Paper], threshold: float = SIMILAR, identities: Identities | None = None
                   ) -> Comparison:
    """Series, changes, matrix and recurring values; ``identities`` are the run's (linked again when absent)."""
    series = [s for s in group_series(papers, threshold) if len(s.papers) >= 2]
    if not series:
        return Comparison(series=[], changes=[], matrix=[], values=[])
    if identities is None:
        mentions = [m for paper in papers for m in paper.mentions]
        identities = link(mentions, load_knowledge())
        for mention, entity in zip(mentions, identities.by_mention, strict=True):
            mention["entity_id"] = entity
    names = {e.entity_id: e.canonical for e in identities.entities}
    result = Comparison(series=series, changes=[], matrix=[], values=[], entities=identities.rows())
    for one in series:
        result.changes += changes(one, names)
        result.matrix += matrix(one, names)
        result.values += recurring_values(one, names)
    return result
