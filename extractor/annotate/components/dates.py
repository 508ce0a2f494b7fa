"""Component ``gb_dates``: calendar expressions found by the patterns in
``models/patterns/dates.jsonl``, normalised to ISO 8601 (ranges as start/end).

Each pattern may carry attributes that the component reads (never its id):

- ``needs_year``: the date is written without its year ("12 September"); it takes the nearest
  year written in the paragraph, and is dropped when there is none;
- ``unless_counting``: a number that counts the noun after it ("2000 workers", "2010 14 countries")
  is not a date;
- a named group ``value`` in the regex: only that part of the match is the date
  ("Convention, 1948" -> 1948).

A range must run forwards ("2010 14" is 2010/2014; "2014 10" is no date), and a number inside a
document symbol or a reference ("COM(2001) 366") is not a year.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor.annotate import candidates
from extractor.annotate.regex_rules import load_regex_rules
from extractor.dates import normalise_date


class Dates:
    def __init__(self, nlp: Language, patterns: str, models: str = "") -> None:
        self.rules = load_regex_rules(patterns, models)

    def __call__(self, doc: Doc) -> Doc:
        taken: list[tuple[int, int]] = []
        text = doc.text  # Doc.text joins the tokens on every access
        for rule in self.rules:  # the file lists the longest forms first
            for match in rule.regex.finditer(text):
                start, end = match.span("value") if "value" in rule.regex.groupindex else match.span()
                if any(start < e and s < end for s, e in taken):
                    continue
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is None or (rule.unless_counting and _counts_something(span)):
                    continue
                if re.search(r"[A-Za-z]\($", text[max(0, start - 4):start]):
                    continue  # inside a reference such as "COM(2001) 366"
                year = _nearest_year(text, start) if rule.needs_year else ""
                if rule.needs_year and not year:
                    continue  # "12 September" with no year anywhere near: too uncertain to report
                norm = normalise_date(text[start:end], year)
                if "/" in norm and norm.split("/")[0] >= norm.split("/")[1]:
                    continue  # a range that runs backwards is two numbers, not a range
                taken.append((start, end))
                candidates.add(doc, span, "DATE", norm, f"pattern:{rule.id}")
        return doc


def _nearest_year(text: str, offset: int) -> str:
    """The year written closest before a date that has none (else the closest after)."""
    years = [(m.start(), m.group(0)) for m in re.finditer(r"\b(?:19|20)\d{2}\b", text)]
    before = [y for start, y in years if start < offset]
    after = [y for start, y in years if start > offset]
    return before[-1] if before else (after[0] if after else "")


def _counts_something(span: Span) -> bool:
    token = span[-1]
    following = span.doc[token.i + 1] if token.i + 1 < len(span.doc) else None
    counted = token.dep_ == "nummod" and token.head.tag_ == "NNS" and token.head.i == token.i + 1
    return counted or (following is not None and following.tag_ == "NNS" and len(span) > 1)


@Language.factory("gb_dates", default_config={"patterns": "patterns/dates.jsonl", "models": ""},
                  requires=["token.tag", "token.dep", "token.head"], assigns=["doc.spans"])
def make_dates(nlp: Language, name: str, patterns: str, models: str) -> Dates:
    return Dates(nlp, patterns, models)
