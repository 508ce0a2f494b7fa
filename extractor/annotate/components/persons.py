"""Component ``gb_persons``: people named in committee reports and minutes ("Ms. K. Lindqvist
(Government, Sweden)", "Mr. Bergen", "(Signed) K. Lindqvist").

People are not entities. A person's name is kept as an IGNORE candidate, so that no gazetteer or
model can read a surname as a place ("Bergen", "Lyon", "Durham") or a name as an organization; the
country in the brackets after it stays a place. Patterns are in ``models/patterns/persons.jsonl``;
a pattern marked ``not_at_start`` does not match a segment's first word ("A. Introduction").
"""

from __future__ import annotations

import json
from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extractor.annotate import candidates
from extractor.resources import models_dir

PERSON = "rule:person"


class Persons:
    def __init__(self, nlp: Language, patterns: str, models: str = "") -> None:
        self.matcher = Matcher(nlp.vocab, validate=True)
        self.not_at_start: set[str] = set()
        path = Path(patterns) if Path(patterns).is_absolute() else (Path(models) if models else models_dir()) / patterns
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rule = json.loads(line)
                self.matcher.add(rule["id"], [rule["pattern"]], greedy="LONGEST")
                if rule.get("not_at_start"):
                    self.not_at_start.add(rule["id"])

    def __call__(self, doc: Doc) -> Doc:
        found = []
        for match_id, start, end in self.matcher(doc):
            rule = doc.vocab.strings[match_id]
            if not (start == 0 and rule in self.not_at_start):
                found.append(Span(doc, start, end, label=rule))
        for span in filter_spans(found):  # "K. Lindqvist" inside "Ms. K. Lindqvist" is the one person
            candidates.add(doc, span, "IGNORE", span.text, f"{PERSON}:{span.label_}")
        return doc


def is_person(span_id: str) -> bool:
    return span_id.startswith(PERSON)


@Language.factory("gb_persons", default_config={"patterns": "patterns/persons.jsonl", "models": ""},
                  assigns=["doc.spans"])
def make_persons(nlp: Language, name: str, patterns: str, models: str) -> Persons:
    return Persons(nlp, patterns, models)
