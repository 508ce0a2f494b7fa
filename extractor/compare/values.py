"""Numbers that recur from one update to the next: 6 -> 9 training activities, 79 -> 94 members.

A measure is what an amount counts and who does it, whatever the wording:

- who: the unit or partner named nearest before the amount in its sentence, else the first in its
  paragraph, else in its section's heading (the Turin Centre's training activities, the Coordination
  Group's members); none when the paper names none ("the service responded to 230 requests");
- what: its noun, read through ``models/lexicon/measures.csv`` ("enquiries", "requests" and "queries" are
  one measure, queries); money is "funding" in its currency, shares are "percent";
- when: the reference period, the date nearest to it in its sentence ("In the period 2005–06, the Centre
  organized six training activities" is 2005/2006), else the paper's own date.

A measure recurs when two or more papers of a series report it. Each row names its measure, its unit,
its period and its source (paper, paragraph, segment).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from extractor.model import Paper, Series
from extractor.resources import models_dir
from extractor.rows import read_rows

MONEY = re.compile(r"^([\d.]+)\s+([A-Z]{3})$")
COUNT = re.compile(r"^([\d.]+)\s*(.*)$")


@cache
def measure_words() -> dict[str, str]:
    """A counted noun's last word -> the measure it names (``models/lexicon/measures.csv``)."""
    return {row["word"]: row["measure"] for row in read_rows(models_dir() / "lexicon" / "measures.csv")}


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
    if not noun:
        return None
    last = noun.split()[-1]
    return measure_words().get(last, last), float(count.group(1)), noun


def _subject(mention: dict[str, str], paper: Paper, names: dict[str, str]) -> tuple[str, str]:
    """(name, entity_id) of what an amount measures: the first unit or partner of its paragraph, or else of
    its section's heading."""
    orgs = [m for m in paper.mentions if m["type"] in ("UNIT", "PARTNER")]
    at = int(mention.get("start") or 0)
    in_sentence = [m for m in _same_sentence(orgs, mention) if int(m.get("start") or 0) < at]
    in_paragraph = [m for m in orgs if m["para"] and m["para"] == mention["para"]]
    in_heading = [m for m in orgs if m["seg_id"].startswith("h") and m["section"] == mention["section"]]
    if not (in_sentence or in_paragraph or in_heading):
        return "", ""
    chosen = in_sentence[-1] if in_sentence else (in_paragraph or in_heading)[0]
    entity = chosen.get("entity_id", "")
    return names.get(entity, chosen["norm"]), entity


def _same_sentence(found: list[dict[str, str]], mention: dict[str, str]) -> list[dict[str, str]]:
    return [m for m in found if m["seg_id"] == mention["seg_id"] and m.get("sentence") == mention.get("sentence")
            and m.get("doc_id") == mention.get("doc_id")]


def _period(mention: dict[str, str], paper: Paper) -> str:
    """The date nearest to an amount in its sentence, else the paper's own date."""
    dates = _same_sentence([m for m in paper.mentions if m["type"] == "DATE" and m["norm"]], mention)
    if dates:
        at = int(mention.get("start") or 0)
        return min(dates, key=lambda d: abs(int(d.get("start") or 0) - at))["norm"]
    return paper.date or paper.session_date


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
            "unit": unit, "period": _period(mention, paper), "seg_id": mention.get("seg_id", ""),
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
