"""Component ``gb_model_ner``: the statistical model's entity recognizer, run only where it can help.

The model's NER costs more than the rest of the pipeline together (it has its
own embedding layer). What it adds here are organizations and places the
rules do not know, and those need capitalised words that no gazetteer,
pattern or acronym has explained. A segment without such words, and without
an ambiguous city name to confirm, is not sent to it: that keeps the
annotation stage above 5,000 words a second on one core, and changes no result.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from extractor.annotate import candidates
from extractor.annotate.gazetteers import load_knowledge
from extractor.lexicon import word_list


def needs_model(doc: Doc, nationalities: frozenset[str] = frozenset()) -> bool:
    """True when a capitalised word is left that no rule explains (a word of ``always_capitalised``, months
    and languages, names nothing)."""
    found = candidates.candidates(doc)
    if any(c.id_.endswith(":ambiguous") for c in found):
        return True
    covered = {i for span in found for i in range(span.start, span.end)}
    shouting = doc.text.isupper()  # a title-block line in capitals
    plain = word_list("always_capitalised")
    for token in doc:
        text = token.text
        if not text[:1].isupper() or len(text) < 2 or token.i in covered or token.is_sent_start:
            continue
        if not token.is_alpha or shouting or token.lower_ in plain or text in nationalities:
            continue
        return True
    return False


class ModelNer:
    def __init__(self, nlp: Language, component: str, always: bool, models: str = "") -> None:
        self.nlp = nlp
        self.component = component
        self.always = always
        self.nationalities = frozenset(load_knowledge(models or None).nationalities)

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        recognizer = self.nlp.get_pipe(self.component)
        for batch in minibatch(docs, batch_size):
            chosen = [doc for doc in batch if self.always or needs_model(doc, self.nationalities)]
            if chosen and hasattr(recognizer, "pipe"):
                for _ in recognizer.pipe(chosen):
                    pass  # the recognizer sets doc.ents on the same Doc objects
            else:
                for doc in chosen:
                    recognizer(doc)
            yield from batch


@Language.factory("gb_model_ner", default_config={"component": "ner", "always": False, "models": ""},
                  requires=["doc.spans", "token.is_sent_start"], assigns=["doc.ents"])
def make_model_ner(nlp: Language, name: str, component: str, always: bool, models: str) -> ModelNer:
    return ModelNer(nlp, component, always, models)
