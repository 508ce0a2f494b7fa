"""Candidate mentions: spans in the ``gb_candidates`` group that ``gb_resolve`` arbitrates.

A candidate's ``label_`` is its type (UNIT, PARTNER, PLACE, DATE, AMOUNT, or
IGNORE for names that are neither), ``kb_id_`` its normalised value and
``id_`` the rule that found it ("gazetteer:partners.csv", "pattern:office-regional",
"acronym:definition:…", "ner:ORG"), so every result can say where it came from.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

CANDIDATES = "gb_candidates"
MENTIONS = "gb_mentions"
STRENGTH = {"acronym": 5, "gazetteer": 4, "pattern": 3, "rule": 3, "heads": 2, "chunk": 2, "parse": 2, "ner": 1}


def add(doc: Doc, span: Span | None, label: str, norm: str, method: str) -> Span | None:
    if span is None or not span.text.strip():
        return None
    candidate = Span(doc, span.start, span.end, label=label, kb_id=norm, span_id=method)
    if CANDIDATES not in doc.spans:
        doc.spans[CANDIDATES] = []
    doc.spans[CANDIDATES].append(candidate)
    return candidate


def candidates(doc: Doc, label: str | None = None) -> list[Span]:
    found = list(doc.spans[CANDIDATES]) if CANDIDATES in doc.spans else []
    return [s for s in found if label is None or s.label_ == label]


def strength(span: Span) -> int:
    return STRENGTH.get(span.id_.split(":", 1)[0], 1)


def overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token indexes of each sentence, computed once (``Token.sent`` walks the doc every call)."""
    if not doc.has_annotation("SENT_START"):
        return [(0, len(doc))]
    return [(sent.start, sent.end) for sent in doc.sents]


def sentence_of(bounds: list[tuple[int, int]], index: int) -> tuple[int, int]:
    position = bisect_right([start for start, _ in bounds], index) - 1
    return bounds[max(position, 0)]
