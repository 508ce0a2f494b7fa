"""What changed between consecutive papers of a series: entities new, dropped, continuing and returning,
and the entity x paper matrix of mentions and paragraphs."""

from __future__ import annotations

from collections import Counter
from typing import Any

from extractor.model import Paper, Series

ENTITY_TYPES = ("UNIT", "PARTNER", "PLACE")


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
