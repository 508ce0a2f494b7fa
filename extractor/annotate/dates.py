"""Component ``gb_dates``: calendar expressions found by the patterns in
``models/patterns/dates.jsonl``, normalised to ISO 8601 (ranges as start/end).

A four-digit number that counts something ("2000 workers") is not a year;
nor is a number inside a document symbol or a standard ("ISO 26000").
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor.annotate import candidates
from extractor.dates import DASH, MONTH, normalise_date
from extractor.resources import models_dir


def load_regex_rules(patterns: str, models: str) -> list[tuple[str, str, re.Pattern[str]]]:
    path = Path(patterns) if Path(patterns).is_absolute() else (Path(models) if models else models_dir()) / patterns
    rules = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rule = json.loads(line)
            regex = rule["regex"].replace("{MONTH}", MONTH).replace("{DASH}", DASH)
            rules.append((rule["id"], rule.get("kind", rule["label"]), re.compile(regex)))
    return rules


class Dates:
    def __init__(self, nlp: Language, patterns: str, models: str = "") -> None:
        self.rules = load_regex_rules(patterns, models)

    def __call__(self, doc: Doc) -> Doc:
        taken: list[tuple[int, int]] = []
        text = doc.text  # Doc.text joins the tokens on every access
        for rule, _, regex in self.rules:  # the file lists the longest forms first
            for match in regex.finditer(text):
                if any(match.start() < end and start < match.end() for start, end in taken):
                    continue
                span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
                if span is None or (rule == "date-year" and _counts_something(span)):
                    continue
                if re.search(r"[A-Za-z]\($", text[max(0, match.start() - 4):match.start()]):
                    continue  # inside a reference such as "COM(2001) 366"
                taken.append((match.start(), match.end()))
                year = _nearest_year(text, match.start()) if rule == "date-day-month-no-year" else ""
                if rule == "date-day-month-no-year" and not year:
                    continue  # "12 September" with no year anywhere near: too uncertain to report
                candidates.add(doc, span, "DATE", normalise_date(match.group(0), year), f"pattern:{rule}")
        return doc


def _nearest_year(text: str, offset: int) -> str:
    """The year written closest before a date that has none (else the closest after)."""
    years = [(m.start(), m.group(0)) for m in re.finditer(r"\b(?:19|20)\d{2}\b", text)]
    before = [y for start, y in years if start < offset]
    after = [y for start, y in years if start > offset]
    return before[-1] if before else (after[0] if after else "")


def _counts_something(span: Span) -> bool:
    token = span[0]
    return token.dep_ == "nummod" and token.head.tag_ == "NNS" and token.head.i == token.i + 1


@Language.factory("gb_dates", default_config={"patterns": "patterns/dates.jsonl", "models": ""})
def make_dates(nlp: Language, name: str, patterns: str, models: str) -> Dates:
    return Dates(nlp, patterns, models)
