"""Series: the papers of one body whose subjects resemble each other's, in session order."""

from __future__ import annotations

import math
import re
from collections import Counter

from extractor.lexicon import word_list
from extractor.model import Paper, Series

SIMILAR = 0.2  # papers of one body whose subject similarity reaches this are one series


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
