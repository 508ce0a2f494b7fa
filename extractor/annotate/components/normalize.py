"""Component ``gb_normalize``: each token's NORM becomes its matching form (lower case,
straight quotes, one spelling of -ise/-ize, labour/labor), so that gazetteer
phrases match "Employers’" and "Employers'", "Organisation" and "Organization"."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extractor.folding import fold_token


def set_norms(doc: Doc) -> Doc:
    for token in doc:
        token.norm_ = fold_token(token.text)
    return doc


@Language.component("gb_normalize", assigns=["token.norm"])
def normalize(doc: Doc) -> Doc:
    return set_norms(doc)
