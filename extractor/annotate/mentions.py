"""Mentions: what the pipeline found, with where it stands and which rule found it."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from extractor.annotate.candidates import MENTIONS, sentence_bounds, sentence_of
from extractor.model import Segment


@dataclass(slots=True)
class Mention:
    seg_id: str
    para: str
    item: str
    section: str
    page: int
    type: str
    text: str
    norm: str
    start: int  # character offsets in the segment's text
    end: int
    sentence: str
    method: str
    score: str = ""  # the rules and this model give none; kept for methods that do


def mentions_of(doc: Doc, segment: Segment) -> list[Mention]:
    found = []
    bounds = sentence_bounds(doc)
    for span in doc.spans.get(MENTIONS, []):
        start, end = sentence_of(bounds, span.start)
        sentence = doc[start:max(end, span.end)].text
        found.append(Mention(
            seg_id=segment.seg_id, para=segment.para, item=segment.item, section=segment.section,
            page=segment.page_start, type=span.label_, text=span.text, norm=span.kb_id_,
            start=span.start_char, end=span.end_char, sentence=sentence.strip(), method=span.id_,
        ))
    return found
