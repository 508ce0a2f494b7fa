"""A spaCy Doc's resolved spans as ``Mention`` rows, with where each stands and which rule found it."""

from __future__ import annotations

from spacy.tokens import Doc

from extractor.annotate.candidates import MENTIONS, sentence_bounds, sentence_of
from extractor.model import Mention, Segment


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
