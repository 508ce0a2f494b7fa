"""Successive updates side by side: the series the papers form, what changed between them, and the numbers
that recur."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor.annotate.gazetteers import load_knowledge
from extractor.compare.changes import changes, matrix
from extractor.compare.papers import load_papers
from extractor.compare.series import SIMILAR, group_series
from extractor.compare.values import recurring_values
from extractor.identity import Identities, link
from extractor.model import Paper, Series


@dataclass(slots=True)
class Comparison:
    series: list[Series]
    changes: list[dict[str, str]]
    matrix: list[dict[str, Any]]
    values: list[dict[str, Any]]
    entities: list[dict[str, str]] = field(default_factory=list)


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
