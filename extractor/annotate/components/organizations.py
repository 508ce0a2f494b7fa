"""Component ``gb_organizations``: organizations no gazetteer or pattern knows.

Two sources propose names: the statistical model's ORG entities, and runs of
capitalised words ("Chamber of Mines of Namibia"). A name is kept only when
its head word says what it is (``classify``): the model's ORG label alone
never makes a partner. A company the model finds right before "factory",
"company" or "group" is a partner too.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extractor.annotate import candidates
from extractor.annotate.gazetteers import load_knowledge
from extractor.annotate.organization_types import Classified, classify_name, regional_body
from extractor.annotate.paper_acronyms import context_of
from extractor.folding import canonical_text
from extractor.lexicon import foreign_zipf, word_list, zipf

FOREIGN_MARGIN = 1.0  # a word this much more frequent in French, Spanish or Portuguese than in English is theirs
# a run of names stops at a list: "the ILO and the IFC", "Mexico, the Office"


class Organizations:
    def __init__(self, nlp: Language, models: str = "") -> None:
        self.knowledge = load_knowledge(models or None)
        self.classified: dict[str, Classified | None] = {}  # names recur: classify each once

    def classify(self, name: str) -> Classified | None:
        if name not in self.classified:
            if len(self.classified) > 100_000:
                self.classified.clear()
            self.classified[name] = classify_name(name, self.knowledge)
        return self.classified[name]

    def __call__(self, doc: Doc) -> Doc:
        proposals: list[tuple[Span, str]] = [(ent, "ner:ORG") for ent in doc.ents if ent.label_ == "ORG"]
        proposals += [(part, "chunk") for run in capitalised_runs(doc, self.knowledge.romance_heads)
                      for part in self._split_list(run)]
        for regional, body in self._regional_bodies(doc):
            candidates.add(doc, regional, body.type, body.canonical, body.rule)
        for proposal, source in proposals:
            stripped = _strip(proposal)
            if stripped is None:
                continue
            span = stripped
            classified = self.classify(span.text)
            if classified is not None:
                candidates.add(doc, span, classified.type, classified.canonical, f"{source}+{classified.rule}")
            elif source.startswith("ner") and _before_company_noun(span):
                candidates.add(doc, span, "PARTNER", canonical_text(span.text), "ner:ORG+company-noun")
        return doc


    def _regional_bodies(self, doc: Doc) -> list[tuple[Span, Classified]]:
        """ "ITUC-Africa", "ITUC Asia-Pacific regional organization": a known body's acronym joined
        to a region names its regional body."""
        found = []
        defined = context_of(doc).acronyms  # "ITUC-AP" the paper defines is its long form's
        for token in doc[:-2]:
            if not token.text.isupper() or token.text == "ILO":  # "ILO Africa" is no body; its office has a name
                continue
            parent = self.knowledge.lookup(token.text)
            if parent is None or parent.type not in ("UNIT", "PARTNER"):
                continue
            nxt, last = doc[token.i + 1], doc[token.i + 2]
            joined = nxt.text == "-" and not token.whitespace_ and not nxt.whitespace_
            if joined and last.text[:1].isupper() and doc[token.i:token.i + 3].text not in defined:
                span = doc[token.i:token.i + 3]
                rule = f"rule:acronym-region:{parent.canonical}"
                found.append((span, Classified(parent.type, canonical_text(span.text), rule)))
            elif token.whitespace_ and (spaced := self._region_after(token)) is not None:
                found.append(spaced)
        return found

    def _region_after(self, acronym: Token) -> tuple[Span, Classified] | None:
        doc = acronym.doc
        for length in (4, 3, 2, 1):
            end = acronym.i + 1 + length
            if end > len(doc) or doc[end - 1].is_punct:
                continue
            regional = end + 1 < len(doc) and doc[end].lower_ == "regional"
            if regional and doc[end + 1].lower_ in word_list("regional_body"):
                end += 2
            span = doc[acronym.i:end]
            classified = regional_body(span.text, self.knowledge)
            if classified is not None:
                return span, classified
        return None

    def _split_list(self, run: Span) -> list[Span]:
        """"Chamber of Mines of Namibia and Acme Widgets" is two names; "Food and Agriculture Organization" one."""
        for token in run:
            if token.lower_ != "and" or token.i == run.start:
                continue
            left, right = run.doc[run.start:token.i], run.doc[token.i + 1:run.end]
            complete = self.classify(left.text) is not None
            place = self.knowledge.place_code(right.text) is not None  # "… du Sénégal and Peru"
            if not complete or (sum(1 for t in right if t.text[:1].isupper()) < 2 and not place):
                continue
            if place:
                return [left]
            # "Ministry of Human Resources and Social Security" coordinates the ministry's portfolios:
            # a head-first name splits only where what follows is a name in its own right
            head_first = len(left) > 2 and left[1].lower_ in word_list("head_complement")
            if head_first and self.classify(right.text) is None:
                continue
            return [left, *self._split_list(right)]
        return [run]


def capitalised_runs(doc: Doc, romance_heads: frozenset[str] = frozenset()) -> list[Span]:
    """Maximal runs of capitalised words, with connectors inside ("Chamber of Mines of Namibia"). A run that
    opens with a French, Spanish or Portuguese head word goes on through that language's lowercase words
    and articles, to the end of the name ("Confédération nationale des employeurs du Sénégal")."""
    connectors, list_breaks = word_list("name_connector"), word_list("list_break")
    runs: list[Span] = []
    start = None
    romance = False
    for token in doc:
        if start is not None and romance and _romance_word(token):
            continue
        elided = bool(re.match(r"^[dl][’'][A-Z]", token.text))  # "Côte d’Ivoire", "l’Emploi"
        joined = start is not None and token.i > 0 and not doc[token.i - 1].whitespace_ and token.is_alpha
        capital = ((token.text[:1].isupper() and token.is_alpha) or elided or joined  # "Co-operative"
                   or (token.text in ("’s", "'s") and start is not None)
                   or (token.text in ("’", "'") and start is not None  # "Air Line Pilots’ Associations"
                       and not doc[token.i - 1].whitespace_))
        following = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
        connector = (token.lower_ in connectors and start is not None
                     and f"{token.lower_} {following}" not in list_breaks)
        if capital and start is None:
            start = token.i
            romance = token.lower_ in romance_heads
        elif capital:
            romance = romance or token.lower_ in romance_heads
        elif not (capital or connector) and start is not None:
            runs.append(doc[start:token.i])
            start = None
    if start is not None:
        runs.append(doc[start:len(doc)])
    return [run for run in (_strip(_without_location(r)) for r in runs) if run is not None and len(run) >= 2]


def _romance_word(token: Token) -> bool:
    """A lowercase word or article of a French, Spanish or Portuguese name, not an English word."""
    text = token.lower_
    if re.match(r"^[dl][’']\w", text):
        return True  # "d’entretien", "l’emploi"
    if not token.is_alpha or not token.text[:1].islower():
        return False
    return foreign_zipf(text) > zipf(text) + FOREIGN_MARGIN


def _without_location(run: Span) -> Span:
    """ "Social Compliance Forum in Bangladesh": the name ends before "in" + a place."""
    for token in run:
        if token.lower_ in word_list("location_preposition") and token.i > run.start and token.i + 1 < run.end:
            return run.doc[run.start:token.i]
    return run


def _strip(span: Span) -> Span | None:
    doc = span.doc
    start, end = span.start, span.end
    if end - start > 3 and doc[start].is_sent_start and doc[start + 1].lower_ in word_list("noun_before_name"):
        start += 1  # "Figures of the National Institute of Statistics": the name starts after the sentence's noun
    connectors, openers = word_list("name_connector"), word_list("sentence_start")
    while start < end and (doc[start].lower_ in connectors or doc[start].text in openers):
        start += 1
    while end > start and (doc[end - 1].lower_ in connectors or doc[end - 1].text in ("’s", "'s", "’", "'")):
        end -= 1
    if end <= start or not re.search(r"[A-Za-z]", doc[start:end].text):
        return None
    return doc[start:end]


def _before_company_noun(span: Span) -> bool:
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in word_list("company_noun")


@Language.factory("gb_organizations", default_config={"models": ""},
                  requires=["doc.ents", "token.is_sent_start"], assigns=["doc.spans"])
def make_organizations(nlp: Language, name: str, models: str) -> Organizations:
    return Organizations(nlp, models)
