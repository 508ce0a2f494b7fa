"""Component ``gb_acronyms``: organizations a paper defines with an acronym.

"Better Cotton Initiative (BCI)" gives a candidate for the long form and one
for the acronym, and every later "BCI" in the paper resolves to the same
canonical value, even for organizations that no gazetteer knows.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extractor.annotate import candidates
from extractor.annotate.definitions import find_definitions
from extractor.annotate.paper_acronyms import context_of


@Language.component("gb_acronyms", assigns=["doc.spans"])
def acronyms(doc: Doc) -> Doc:
    context = context_of(doc)
    if not context.acronyms:
        return doc
    text = doc.text  # Doc.text joins the tokens on every access
    for definition in find_definitions(text) if "(" in text else ():
        known = context.acronyms.get(definition.acronym)
        if known is None:
            continue
        long = doc.char_span(definition.long_start, definition.long_end, alignment_mode="expand")
        candidates.add(doc, long, known.type, known.canonical, f"acronym:definition:{known.rule}")
    pattern = context.acronym_pattern
    for match in pattern.finditer(text) if pattern is not None else ():
        known = context.acronyms[match.group(0)]
        span = doc.char_span(match.start(), match.end(), alignment_mode="strict")
        candidates.add(doc, span, known.type, known.canonical, f"acronym:use:{known.rule}")
    return doc
