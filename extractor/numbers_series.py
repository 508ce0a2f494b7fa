"""Numbers that recur from one update to the next: 6 -> 9 training activities, 79 -> 94 members.

Each amount is measured against its subject: the first unit or partner named
in its paragraph, or else in its section's heading (the Turin Centre's
training activities, the Coordination Group's members), and against what it
counts (its noun; money is "funding" in its currency, shares are "percent").
A measure recurs when two or more papers of a series report it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extractor.compare import Paper, Series

MONEY = re.compile(r"^([\d.]+)\s+([A-Z]{3})$")
COUNT = re.compile(r"^([\d.]+)\s*(.*)$")


def _measure(mention: dict[str, str]) -> tuple[str, float, str] | None:
    """(what is counted, value, unit) of an AMOUNT norm."""
    norm = mention.get("norm", "")
    money = MONEY.match(norm)
    if money:
        return "funding", float(money.group(1)), money.group(2)
    count = COUNT.match(norm)
    if not count:
        return None
    noun = count.group(2).strip().lower()
    if noun == "percent":
        return "share", float(count.group(1)), "percent"
    return (noun.split()[-1] if noun else "", float(count.group(1)), noun) if noun else None


def _subject(mention: dict[str, str], paper: Paper, names: dict[str, str]) -> tuple[str, str]:
    """(name, entity_id) of what an amount measures: the first unit or partner of its paragraph, or else of
    its section's heading."""
    orgs = [m for m in paper.mentions if m["type"] in ("UNIT", "PARTNER")]
    in_paragraph = [m for m in orgs if m["para"] and m["para"] == mention["para"]]
    in_heading = [m for m in orgs if m["seg_id"].startswith("h") and m["section"] == mention["section"]]
    if not (in_paragraph or in_heading):
        return "", ""
    chosen = (in_paragraph or in_heading)[0]
    entity = chosen.get("entity_id", "")
    return names.get(entity, chosen["norm"]), entity


def measures(paper: Paper, names: dict[str, str] | None = None) -> list[dict[str, Any]]:
    rows = []
    for mention in paper.mentions:
        if mention["type"] != "AMOUNT" or not mention["para"]:
            continue
        measured = _measure(mention)
        if measured is None:
            continue
        what, value, unit = measured
        subject, entity = _subject(mention, paper, names or {})
        rows.append({
            "measure": f"{subject}: {what}" if subject else what, "entity_id": entity, "value": _number(value),
            "unit": unit,
            "symbol": paper.symbol, "session_date": paper.session_date, "para": mention["para"],
            "text": mention.get("sentence") or mention["text"],
        })
    return rows


def _number(value: float) -> int | float:
    return int(value) if value == int(value) else value


def recurring_values(series: Series, names: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """The values of every measure that two or more papers of the series report, paper by paper."""
    per_paper = [measures(paper, names) for paper in series.papers]
    papers_with: dict[str, int] = {}
    for rows in per_paper:
        for measure in {str(r["measure"]) for r in rows}:
            papers_with[measure] = papers_with.get(measure, 0) + 1
    out = []
    previous: dict[str, set[object]] = {}
    for rows in per_paper:
        current: dict[str, set[object]] = {}
        for row in rows:
            measure = str(row["measure"])
            if papers_with.get(measure, 0) < 2:
                continue
            restated = row["value"] in previous.get(measure, set())
            note = "restates the previous update's figure" if restated else ""
            out.append({"series": series.name, **row, "note": note})
            current.setdefault(measure, set()).add(row["value"])
        previous = {**previous, **current}
    return out
