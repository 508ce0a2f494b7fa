"""Component ``gb_resolve``: from all candidates, the mentions a paper reports.

Three layers may overlap each other (a place inside a unit's name is a
PLACE too: "Subregional Office for South Asia" -> South Asia), but not
themselves:

- organizations (UNIT, PARTNER, and IGNORE for names that are neither):
  knowledge and patterns first, longest first; the model's and the
  capitalised-run proposals only where nothing stronger stands;
- places: the gazetteer's, longest first; an ambiguous city name ("Nice")
  only where the model also sees a place; a place the gazetteer does not know
  only from the model, outside any organization's name;
- dates and amounts: dates first, then money and percentages, then counts.

IGNORE candidates never become mentions; they only keep weaker proposals
("Better Work Jordan" as an organization) out.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor.annotate import candidates
from extractor.annotate.candidates import MENTIONS, overlaps, strength
from extractor.annotate.components.persons import is_person
from extractor.annotate.gazetteers import Knowledge, load_knowledge
from extractor.lexicon import alternation, word_list, zipf

ORG_TYPES = ("UNIT", "PARTNER", "IGNORE")
PLACE_LABELS = ("GPE", "LOC")


class Resolver:
    def __init__(self, nlp: Language, models: str = "", model_places: bool = True) -> None:
        self.knowledge = load_knowledge(models or None)
        self.model_places = model_places

    def __call__(self, doc: Doc) -> Doc:
        found = candidates.candidates(doc)
        organizations = _organizations([c for c in found if c.label_ in ORG_TYPES], self.knowledge)
        places = self._places(doc, [c for c in found if c.label_ == "PLACE"], organizations)
        values = _values([c for c in found if c.label_ in ("DATE", "AMOUNT")])
        kept = [s for s in organizations if s.label_ != "IGNORE"] + places + values
        doc.spans[MENTIONS] = sorted(kept, key=lambda s: (s.start, -s.end))
        return doc

    def _places(self, doc: Doc, found: list[Span], organizations: list[Span]) -> list[Span]:
        model = [e for e in doc.ents if e.label_ in PLACE_LABELS]
        confirmed = [c for c in found if not c.id_.endswith(":ambiguous") or any(overlaps(c, e) for e in model)]
        persons = [o for o in organizations if is_person(o.id_)]
        confirmed = [c for c in confirmed if not any(overlaps(c, p) for p in persons)]  # "Mr. T. Bergen"
        names = [o for o in organizations if o.label_ in ("UNIT", "PARTNER")]
        confirmed = _one_country_each([c for c in confirmed if not _word_of_a_name(c, names)])
        kept = _longest_first(confirmed)
        known = list(kept)
        for area in _administrative_areas(doc):
            inside = [s for s in kept if overlaps(area, s)]
            if inside and all(area.start <= s.start and s.end <= area.end for s in inside):
                kept = [s for s in kept if s not in inside]  # "Cauca" known, "Cauca District" named
                rule = f"{inside[0].id_}+administrative-area"
                kept.append(candidates.add(doc, area, "PLACE", inside[0].kb_id_, rule) or area)
            elif not inside:
                code, how = _country_of(area, known)
                kept.append(candidates.add(doc, area, "PLACE", code, f"rule:administrative-area{how}") or area)
        if self.model_places:
            for ent in model:
                if any(overlaps(ent, s) for s in kept + organizations) or not _looks_like_place(ent, self):
                    continue
                code, how = _country_of(ent, known)
                kept.append(candidates.add(doc, ent, "PLACE", code, f"ner:{ent.label_}{how}") or ent)
        return kept


def _one_country_each(found: list[Span]) -> list[Span]:
    """A name known in several countries ("Huila", a province of Angola and a department of Colombia) takes
    the country of the nearest place whose country is certain; else the gazetteer's first."""
    by_span: dict[tuple[int, int], list[Span]] = {}
    for span in found:
        by_span.setdefault((span.start, span.end), []).append(span)
    certain = [s[0] for s in by_span.values() if len({c.kb_id_ for c in s}) == 1 and s[0].kb_id_]
    kept = []
    for spans in by_span.values():
        if len({s.kb_id_ for s in spans}) == 1:
            kept.append(spans[0])
            continue
        distance = {s.kb_id_: min((abs(c.start - s.start) for c in certain if c.kb_id_ == s.kb_id_), default=10**6)
                    for s in spans}
        kept.append(min(spans, key=lambda s: distance[s.kb_id_]))
    return kept


def _country_of(place: Span, known: list[Span]) -> tuple[str, str]:
    """The country of a place the gazetteers do not know, and how it was told: the country named
    right after it ("Bad Neuenahr, Germany"), else the one its paragraph names most often ("In
    Colombia ... Bogotá ... Cauca", even with Lima named once); none on a tie."""
    doc = place.doc
    for other in known:
        if other.kb_id_ and other.start == place.end + 1 and doc[place.end].text == ",":
            return other.kb_id_, "+apposition"
    counts = Counter(s.kb_id_ for s in known if s.kb_id_)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return "", ""
    return ranked[0][0], "+context"


@cache
def administrative_area() -> re.Pattern[str]:
    """ "Copperbelt Province", "Kampong Thom province": a name and a kind of area (``area_kind`` words)."""
    kinds = alternation(sorted({k for kind in word_list("area_kind") for k in (kind, kind.lower())}))
    return re.compile(rf"\b((?:[A-Z][\w’'-]+\s+){{0,2}}[A-Z][\w’'-]+)\s+({kinds})\b")


def _administrative_areas(doc: Doc) -> list[Span]:
    """ "Copperbelt Province", "Kampong Thom province": a named area of a country, known or not."""
    found = []
    text = doc.text
    for match in administrative_area().finditer(text):
        words = match.group(1).split()
        if any(zipf(word.lower()) >= 3.5 for word in words):
            continue  # "Member State", "Eastern Region": common words, not a name
        end = match.end() if match.group(2)[0].isupper() else match.end(1)  # "Kampong Thom province"
        span = doc.char_span(match.start(), end, alignment_mode="strict")
        if span is not None:
            found.append(span)
    return found


def _word_of_a_name(place: Span, names: list[Span]) -> bool:
    """A city's name used as a word of an organization's name ("Hind Mazdoor Sabha") or of a compound
    ("Agro-Exporters"), not as its place. A place the name is of, in or for ("Chamber of Mines of
    Namibia", "Dhaka Chamber of Commerce") stays."""
    if "cities.csv" not in place.id_:
        return False
    doc = place.doc
    if place.end + 1 < len(doc) and doc[place.end].text == "-" and not doc[place.end - 1].whitespace_:
        return True
    for name in names:
        if name.start <= place.start and place.end == name.end and place.start != name.start:
            before = place.doc[place.start - 1].lower_
            return before not in word_list("place_in_name_after")  # "ILO Jakarta Office" keeps Jakarta
    return False


def _looks_like_place(ent: Span, resolver: Resolver) -> bool:
    words = [t for t in ent if t.is_alpha]
    lower_words = word_list("place_name_word")
    if not words or len(ent) > 4 or any(not t.text[:1].isupper() for t in words if t.lower_ not in lower_words):
        return False
    if ent.text in resolver.knowledge.nationalities or ent.text.isupper():
        return False
    if len(words) == 1 and zipf(ent.text.lower()) >= 4.0:
        return False  # "member States": a common word the model took for a place
    following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if following is not None and (following.text[:1].isupper() or following.text == "-"):
        return False  # part of a longer name: "South-East Asian", "Rana Plaza building"
    return resolver.knowledge.lookup(ent.text) is None


def _organizations(found: list[Span], knowledge: Knowledge) -> list[Span]:
    strong = [c for c in found if strength(c) >= 3]
    weak = [c for c in found if strength(c) < 3]
    kept = _longest_first(strong)
    for span in sorted(weak, key=lambda s: (-strength(s), -(s.end - s.start), s.start)):
        blocking = [k for k in kept if overlaps(span, k)]
        if all(_generic_inside(k, span) or _head_before(k, span, knowledge.translations)
               or _thing_named_after(k, span, knowledge.things) for k in blocking):
            kept = [k for k in kept if k not in blocking] + [span]
    return kept


def _head_before(known: Span, span: Span, translations: dict[str, str]) -> bool:
    """ "Fundación Telefónica": a body named after a known company or person, its head word first."""
    inside = span.start < known.start and known.end <= span.end
    head = span.id_.rsplit(":", 1)[-1]
    listed = any(t.lower_ in word_list("name_list_separator") for t in span)  # "the Centre and MULTI" is two names
    first = span[0].lower_
    return inside and not listed and known.label_ in ("UNIT", "PARTNER") and head in (first, translations.get(first))


def _thing_named_after(known: Span, span: Span, things: set[str]) -> bool:
    """ "United Nations House", "United Nations Day": a building or a day named after an organization is
    neither, and the organization is not named by it."""
    return (span.label_ == "IGNORE" and span.start <= known.start and known.end < span.end
            and span[-1].lower_ in things and span.id_.endswith(f"heads:{span[-1].lower_}"))


def _generic_inside(ignored: Span, span: Span) -> bool:
    """A generic word ("the Office") gives way to a longer name that contains it
    ("Office of the Chief Inspector of Factories"); a programme's name ("Better Work") does not."""
    start = ignored.start + 1 if ignored[0].lower_ == "the" else ignored.start
    inside = span.start <= start and ignored.end <= span.end and len(span) > ignored.end - start
    return inside and ignored.label_ == "IGNORE" and ignored.id_.endswith(":exact")


def _values(found: list[Span]) -> list[Span]:
    rank = {"DATE": 0}
    ordered = sorted(found, key=lambda s: (rank.get(s.label_, 1), s.id_.startswith("parse"), -(s.end - s.start)))
    kept: list[Span] = []
    for span in ordered:
        if not any(overlaps(span, k) for k in kept):
            kept.append(span)
    return kept


def _longest_first(found: list[Span]) -> list[Span]:
    kept: list[Span] = []
    for span in sorted(found, key=lambda s: (-(s.end - s.start), -strength(s), s.start)):
        if not any(overlaps(span, k) for k in kept):
            kept.append(span)
    return kept


@Language.factory("gb_resolve", default_config={"models": "", "model_places": True},
                  requires=["doc.spans", "doc.ents"], assigns=["doc.spans"])
def make_resolver(nlp: Language, name: str, models: str, model_places: bool) -> Resolver:
    return Resolver(nlp, models, model_places)
