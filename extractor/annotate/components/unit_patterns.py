"""Component ``gb_unit_patterns``: ILO units named by pattern (``models/patterns/units.jsonl``).

Field offices ("Subregional Office for South Asia", "ILO Office in Jakarta",
"ILO Country Office for Bangladesh", "Decent Work Technical Support Team for
X", "the Cairo Subregional Office") and headquarters units ("X Department",
"Bureau for X", "X Branch", "X Unit", "InFocus Programme on X"). Each match
is classified (a government's department is a partner) and given a canonical
name that is the same whichever way the paper writes it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from extractor.annotate import candidates
from extractor.annotate.gazetteers import load_knowledge
from extractor.annotate.organization_types import classify_name
from extractor.annotate.paper_acronyms import context_of
from extractor.folding import canonical_text
from extractor.lexicon import alternation, word_list
from extractor.resources import models_dir

SHARED_OFFICE = re.compile(
    r"^(?:ILO\s+)?(?:Decent Work (?:Technical Support )?Team|DWTs?)\s+and\s+(?:Country\s+)?Office\b")


@dataclass(frozen=True, slots=True)
class UnitRule:
    """A pattern's attributes (``models/patterns/units.jsonl``): where its match ends and how it is named."""

    id: str
    ends_at_place: bool = False  # "Subregional Office for South Asia and the IFC" ends after its place
    whole: bool = False  # the match is the name as it stands ("InFocus Programme on …")
    name_as: str = "classify"  # office, team-after-place, city-office, or classify (by its head word)


class UnitPatterns:
    def __init__(self, nlp: Language, patterns: str, models: str = "") -> None:
        self.knowledge = load_knowledge(models or None)
        self.matcher = Matcher(nlp.vocab, validate=True)
        self.rules: dict[str, UnitRule] = {}
        path = Path(patterns) if Path(patterns).is_absolute() else (Path(models) if models else models_dir()) / patterns
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rule = json.loads(line)
                self.matcher.add(rule["id"], [rule["pattern"]], greedy="LONGEST")
                self.rules[rule["id"]] = UnitRule(rule["id"], bool(rule.get("ends_at_place")),
                                                  bool(rule.get("whole")), rule.get("name_as", "classify"))
        self.head_words = re.compile(rf"\b(?:{alternation(word_list('unit_head'))})\b")

    def __call__(self, doc: Doc) -> Doc:
        if not self.head_words.search(doc.text):
            return doc  # no pattern can match: spare the matcher
        context = context_of(doc)
        for match_id, start, end in self.matcher(doc):
            rule = self.rules[doc.vocab.strings[match_id]]
            span = _trim(doc[start:end])
            if span is not None and rule.ends_at_place:
                span = self._end_at_place(span)
            elif span is not None and not rule.whole:
                span = _before_listed_acronym(span)
            if span is None or len(span) < 2:
                continue
            named = self._name(rule, span)
            if named is None:
                continue
            type_, canonical = named
            acronym = _acronym_after(span)
            if acronym and acronym in context.acronyms:
                known = context.acronyms[acronym]
                type_, canonical = known.type, known.canonical
            candidates.add(doc, span, type_, canonical, f"pattern:{rule.id}")
        return doc

    def _end_at_place(self, span: Span) -> Span | None:
        """Cut "Subregional Office for South Asia and the IFC" after the place it names (the last one: "DWT
        for South Asia and Country Office for India")."""
        doc = span.doc
        openers = word_list("office_place_opener")
        place_start = next((t.i + 1 for t in reversed(span) if t.lower_ in openers and t.i > span.start), None)
        if place_start is None or place_start >= span.end:
            return span
        if doc[place_start].lower_ == "the":
            place_start += 1
        for end in range(span.end, place_start, -1):
            words = doc[place_start:end].text
            continued = end < len(doc) and doc[end].text[:1].isupper()  # "… the Caribbean Employers' …"
            if doc[end - 1].text[:1].isupper() and not continued and self._is_place(words):
                return doc[span.start:end]
        end = place_start
        while end < span.end and doc[end].text[:1].isupper():
            end += 1
        return doc[span.start:end] if end > place_start else None

    def _is_place(self, words: str) -> bool:
        parts = re.split(r",\s*|\s+and\s+", words)
        whole = self.knowledge.place_code(words) is not None
        # "Mexico and Cuba" is two places; "Beijing and the China Enterprise …" is a place and a new name;
        # "the Dominican Republic" is a country written with its article
        articled = word_list("article_name")
        return whole or all((not p.startswith("the ") or any(w in articled for w in p.split())) and
                            self.knowledge.place_code(p) is not None for p in parts if p)

    def _name(self, rule: UnitRule, span: Span) -> tuple[str, str] | None:
        text = span.text
        if rule.name_as == "office":
            return "UNIT", _office_canonical(text)
        if rule.name_as == "team-after-place":
            place = re.sub(r"\s+Multi-?disciplinary.*$", "", text)
            if self.knowledge.place_code(place) is None:
                return None
            return "UNIT", f"Multidisciplinary Advisory Team for {place}"
        if rule.name_as == "city-office":
            city = re.sub(r"^(?:ILO|the)\s+|\s+(?:(?:Sub)?[Rr]egional|Country)?\s*Office$", "", text)
            if self.knowledge.place_code(city) is None:
                return None
            kind = re.search(r"(Subregional|Regional|Country)\s+Office$", text)
            return "UNIT", f"{kind.group(1) if kind else 'ILO'} Office in {city}"
        classified = classify_name(text, self.knowledge)
        if classified is None or classified.type == "IGNORE":
            return None
        return classified.type, classified.canonical


def _trim(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    trailing, openers = word_list("trailing"), word_list("sentence_start")
    while end > start and doc[end - 1].text in trailing:
        end -= 1
    while start < end and (doc[start].text in openers or doc[start].text == "the"):
        start += 1
    return doc[start:end] if end > start else None


def _before_listed_acronym(span: Span) -> Span:
    """ "the Bureau for X and ACTRAV" names two units: the name ends before "and" and an acronym."""
    doc = span.doc
    for token in span[1:-1]:
        following = doc[token.i + 1]
        if token.lower_ == "and" and following.text.isupper() and len(following.text) >= 2:
            return doc[span.start:token.i]
    return span


def _acronym_after(span: Span) -> str:
    doc = span.doc
    if span.end + 2 < len(doc) and doc[span.end].text == "(" and doc[span.end + 2].text == ")":
        return doc[span.end + 1].text
    return ""


def _office_canonical(text: str) -> str:
    """One name for an office however a paper writes it: 'Subregional Office for South Asia',
    'ILO Office in Jakarta', 'ILO Country Office for Bangladesh'."""
    text = canonical_text(text)
    text = re.sub(r"^ILO\s+(?=(?:Sub-?)?[Rr]egional|Decent Work)", "", text)
    text = re.sub(r"^Sub-regional", "Subregional", text)
    text = re.sub(r"^(?:ILO\s+)?DWTs?\s*(?:for|in|-|/)\s*", "Decent Work Technical Support Team for ", text)
    text = re.sub(r"^Decent Work Team\b", "Decent Work Technical Support Team", text)
    text = re.sub(r"^(?:ILO\s+)?Multi-?disciplinary (?:Advisory )?Team", "Multidisciplinary Advisory Team", text)
    text = SHARED_OFFICE.sub("Decent Work Technical Support Team and Country Office", text)
    if re.match(r"^(?:Country|Liaison|Area|Branch|Project) Office\b", text):
        text = "ILO " + text
    if text.startswith("Office for "):
        text = "ILO " + text
    return text


@Language.factory("gb_unit_patterns", default_config={"patterns": "patterns/units.jsonl", "models": ""},
                  assigns=["doc.spans"])
def make_unit_patterns(nlp: Language, name: str, patterns: str, models: str) -> UnitPatterns:
    return UnitPatterns(nlp, patterns, models)
