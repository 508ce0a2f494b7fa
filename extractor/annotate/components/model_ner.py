"""Component ``gb_model_ner``: the statistical model's entity recognizer, run only where it can help.

The model's NER costs more than the rules together (it has its own embedding layer). What it adds here
are organizations and places the rules do not know, and those need capitalised words that no gazetteer,
pattern or acronym has explained (or an ambiguous city name to confirm). So it reads only the passages
around such words: each one's sentence, cut to ``context`` words either side of them (the model decides
from a few words around a name; a paragraph's long sentences need not be read whole). Entities that
touch a cut are dropped (they may have been cut short); the others are written back to the paragraph's Doc.
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


def passages_for_model(doc: Doc, nationalities: frozenset[str] = frozenset(), context: int = 0) -> list[Span]:
    """The passages around capitalised words that no rule explains (a word of ``always_capitalised``, months
    and languages, names nothing) and around ambiguous city names: their sentences, cut to ``context`` words
    either side (0: whole sentences)."""
    found = candidates.candidates(doc)
    triggers = [(c.start, c.end) for c in found if c.id_.endswith(":ambiguous")]
    if not doc.text.isupper():  # a title-block line in capitals names nothing the model could find
        covered = {i for span in found for i in range(span.start, span.end)}
        plain = word_list("always_capitalised")
        triggers += [(t.i, t.i + 1) for t in doc if _unexplained(t, covered, plain, nationalities)]
    passages: list[tuple[int, int]] = []
    for start, end in sorted(triggers):
        sentence = doc[start].sent
        low, high = (max(sentence.start, start - context), min(sentence.end, end + context)) if context else (
            sentence.start, sentence.end)
        if passages and low <= passages[-1][1]:
            passages[-1] = (passages[-1][0], max(high, passages[-1][1]))
        else:
            passages.append((low, high))
    return [doc[low:high] for low, high in passages]


def _unexplained(token: Token, covered: set[int], plain: frozenset[str], nationalities: frozenset[str]) -> bool:
    text = token.text
    if not text[:1].isupper() or len(text) < 2 or token.i in covered or token.is_sent_start:
        return False
    return token.is_alpha and token.lower_ not in plain and text not in nationalities


class ModelNer:
    def __init__(self, nlp: Language, component: str, always: bool, context: int, models: str = "") -> None:
        self.nlp = nlp
        self.component = component
        self.always = always
        self.context = context
        self.nationalities = frozenset(load_knowledge(models or None).nationalities)

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        recognizer = self.nlp.get_pipe(self.component)
        recognize = cast(TrainablePipe, recognizer).pipe if hasattr(recognizer, "pipe") else (
            lambda found, batch_size: map(recognizer, found))
        for batch in minibatch(docs, batch_size):
            chosen = [(doc, passage) for doc in batch for passage in (
                list(doc.sents) if self.always else passages_for_model(doc, self.nationalities, self.context))]
            alone = [Doc(doc.vocab, words=[t.text for t in p], spaces=[bool(t.whitespace_) for t in p])
                     for doc, p in chosen]
            found: dict[int, list[Span]] = {}
            for (doc, passage), result in zip(chosen, recognize(alone, batch_size=batch_size), strict=True):
                found.setdefault(id(doc), []).extend(_whole_entities(doc, passage, result))
            for doc in batch:
                doc.set_ents(found.get(id(doc), []), default="outside")
            yield from batch


def _whole_entities(doc: Doc, passage: Span, result: Doc) -> list[Span]:
    """The passage's entities in the paragraph's Doc, without those a cut inside a sentence may have cut."""
    cut_before = passage.start > passage[0].sent.start
    cut_after = passage.end < passage[-1].sent.end
    return [Span(doc, passage.start + e.start, passage.start + e.end, label=e.label_) for e in result.ents
            if not (cut_before and e.start == 0) and not (cut_after and e.end == len(result))]


@Language.factory("gb_model_ner", default_config={"component": "ner", "always": False, "context": 0, "models": ""},
                  requires=["doc.spans", "token.is_sent_start"], assigns=["doc.ents"])
def make_model_ner(nlp: Language, name: str, component: str, always: bool, context: int, models: str) -> ModelNer:
    return ModelNer(nlp, component, always, context, models)
