"""Component ``gb_gazetteer``: every known unit, partner, ignorable name and place.

Names match case-insensitively on the folded NORM (each capitalised word of
the gazetteer form must be capitalised in the text too, so "save the
children" in a sentence is not Save the Children); acronyms match exactly.
Weak aliases ("Coordination Group", "the Accord") count only where the paper
also names the organization in full.
"""

from __future__ import annotations

from collections import defaultdict

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from extractor.annotate import candidates
from extractor.annotate.components.normalize import set_norms
from extractor.annotate.gazetteers import Entry, Knowledge, load_knowledge
from extractor.annotate.paper_acronyms import context_of
from extractor.lexicon import word_list


class Gazetteer:
    def __init__(self, nlp: Language, models: str = "") -> None:
        self.knowledge: Knowledge = load_knowledge(models or None)
        self.names = PhraseMatcher(nlp.vocab, attr="NORM")
        self.acronyms = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.entries: dict[str, list[Entry]] = defaultdict(list)
        self.strong_forms: dict[str, list[str]] = defaultdict(list)
        names: dict[str, str] = {}
        acronyms: dict[str, str] = {}
        for entry in self.knowledge.entries:
            if entry.kind == "acronym":
                key = f"A:{entry.form}"
                acronyms[key] = entry.form
            else:
                key = f"N:{entry.form}"
                names[key] = entry.form
            self.entries[key].append(entry)
            if entry.kind != "weak" and entry.type in ("UNIT", "PARTNER"):
                self.strong_forms[entry.canonical].append(entry.form)
        self.strings = nlp.vocab.strings
        self.form_docs: dict[str, list[str]] = {}
        for matcher, forms, normalise in ((self.names, names, True), (self.acronyms, acronyms, False)):
            for key, form in forms.items():
                doc = nlp.make_doc(form)
                matcher.add(key, [set_norms(doc) if normalise else doc])
                self.form_docs[key] = [t.text for t in doc]

    def __call__(self, doc: Doc) -> Doc:
        context = context_of(doc)
        for matcher in (self.names, self.acronyms):
            for match_id, start, end in matcher(doc):
                key = self.strings[match_id]
                span = doc[start:end]
                if key.startswith("N:") and not self._same_capitals(key, span):
                    continue
                if key.startswith("A:") and _hyphenated_name_follows(doc, end):
                    continue  # "ITUC-Africa" is the ITUC's African organization, not the ITUC
                for entry in self.entries[key]:
                    if entry.kind == "weak" and not any(context.mentions_name(f)
                                                        for f in self.strong_forms[entry.canonical]):
                        continue
                    self._add(doc, span, entry)
        return doc

    def _same_capitals(self, key: str, span: Span) -> bool:
        words = self.form_docs[key]
        if len(words) != len(span):
            return False
        for index, (word, token) in enumerate(zip(words, span, strict=True)):
            compass = index == 0 and word.lower() in word_list("compass")  # "southern Africa", "sub-Saharan Africa"
            if word[:1].isupper() and not token.text[:1].isupper() and not compass:
                return False
            if len(token.text) > 1 and token.text.isupper() and not word.isupper():
                return False  # "OSH" in LABADMIN/OSH is not the city of Osh
        return True

    @staticmethod
    def _add(doc: Doc, span: Span, entry: Entry) -> None:
        if entry.type == "PLACE":
            method = f"gazetteer:{entry.source}" + (":ambiguous" if entry.ambiguous else "")
            candidates.add(doc, span, "PLACE", entry.code, method)
        else:
            candidates.add(doc, span, entry.type, entry.canonical, f"gazetteer:{entry.source}")




def _hyphenated_name_follows(doc: Doc, end: int) -> bool:
    return (end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
            and doc[end + 1].text[:1].isupper())


@Language.factory("gb_gazetteer", default_config={"models": ""}, requires=["token.norm"], assigns=["doc.spans"])
def make_gazetteer(nlp: Language, name: str, models: str) -> Gazetteer:
    return Gazetteer(nlp, models)
