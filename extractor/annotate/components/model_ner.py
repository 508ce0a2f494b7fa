"""Component ``gb_model_ner``: the statistical model's entity recognizer, run only where it can help.

The model's NER costs more than the rules together (it has its own embedding layer). What it adds here
are organizations and places the rules do not know, and those need capitalised words that no gazetteer,
pattern or acronym has explained. So it reads only the sentences that hold such a word, or an ambiguous
city name to confirm, each as a Doc of its own; its entities are written back to the paragraph's Doc.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import cast

from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc, Span, Token
from spacy.util import minibatch

from extractor.annotate import candidates
from extractor.annotate.gazetteers import load_knowledge
from extractor.lexicon import word_list


def sentences_for_model(doc: Doc, nationalities: frozenset[str] = frozenset()) -> list[Span]:
    """The sentences with a capitalised word that no rule explains (a word of ``always_capitalised``,
    months and languages, names nothing), or with an ambiguous city name."""
    found = candidates.candidates(doc)
    ambiguous = {c.start for c in found if c.id_.endswith(":ambiguous")}
    covered = {i for span in found for i in range(span.start, span.end)}
    shouting = doc.text.isupper()  # a title-block line in capitals
    plain = word_list("always_capitalised")
    chosen = []
    for sentence in doc.sents:
        if any(sentence.start <= i < sentence.end for i in ambiguous) or (not shouting and any(
                _unexplained(token, covered, plain, nationalities) for token in sentence)):
            chosen.append(sentence)
    return chosen


def _unexplained(token: Token, covered: set[int], plain: frozenset[str], nationalities: frozenset[str]) -> bool:
    text = token.text
    if not text[:1].isupper() or len(text) < 2 or token.i in covered or token.is_sent_start:
        return False
    return token.is_alpha and token.lower_ not in plain and text not in nationalities


class ModelNer:
    def __init__(self, nlp: Language, component: str, always: bool, models: str = "") -> None:
        self.nlp = nlp
        self.component = component
        self.always = always
        self.nationalities = frozenset(load_knowledge(models or None).nationalities)

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        recognizer = self.nlp.get_pipe(self.component)
        recognize = cast(TrainablePipe, recognizer).pipe if hasattr(recognizer, "pipe") else (
            lambda found, batch_size: map(recognizer, found))
        for batch in minibatch(docs, batch_size):
            chosen = [(doc, sentence) for doc in batch for sentence in
                      (list(doc.sents) if self.always else sentences_for_model(doc, self.nationalities))]
            alone = [Doc(doc.vocab, words=[t.text for t in s], spaces=[bool(t.whitespace_) for t in s])
                     for doc, s in chosen]
            found: dict[int, list[Span]] = {}
            for (doc, sentence), result in zip(chosen, recognize(alone, batch_size=batch_size), strict=True):
                found.setdefault(id(doc), []).extend(
                    Span(doc, sentence.start + e.start, sentence.start + e.end, label=e.label_) for e in result.ents)
            for doc in batch:
                doc.set_ents(found.get(id(doc), []), default="outside")
            yield from batch


@Language.factory("gb_model_ner", default_config={"component": "ner", "always": False, "models": ""},
                  requires=["doc.spans", "token.is_sent_start"], assigns=["doc.ents"])
def make_model_ner(nlp: Language, name: str, component: str, always: bool, models: str) -> ModelNer:
    return ModelNer(nlp, component, always, models)
