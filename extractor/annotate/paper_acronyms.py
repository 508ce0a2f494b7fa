"""What an annotator needs to know about the whole paper while it reads one segment:
the acronyms the paper defines, and its text (to check weak aliases such as
"Coordination Group", which count only where the paper also names the group in full)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from extractor.annotate.definitions import find_definitions
from extractor.annotate.gazetteers import Knowledge
from extractor.annotate.organization_types import Classified, classify_name
from extractor.folding import QUOTES

if not Doc.has_extension("gb_context"):
    Doc.set_extension("gb_context", default=None)


@dataclass(slots=True)
class DocumentContext:
    folded_text: str = ""
    acronyms: dict[str, Classified] = field(default_factory=dict)  # acronym -> type and canonical
    long_forms: dict[str, str] = field(default_factory=dict)  # acronym -> its long form as defined
    _pattern: re.Pattern[str] | None = None

    @property
    def acronym_pattern(self) -> re.Pattern[str] | None:
        """One pattern for every acronym the paper defines, longest first."""
        if self._pattern is None and self.acronyms:
            alternatives = "|".join(re.escape(a) for a in sorted(self.acronyms, key=len, reverse=True))
            self._pattern = re.compile(rf"(?<![\w/\-])(?:{alternatives})(?![\w/]|-\w)")
        return self._pattern

    def mentions_name(self, name: str) -> bool:
        return _lower(name) in self.folded_text


def _lower(text: str) -> str:
    return " ".join(text.translate(QUOTES).lower().split())


def build_context(texts: list[str], knowledge: Knowledge) -> DocumentContext:
    context = DocumentContext(folded_text=" | ".join(_lower(t) for t in texts))
    for text in texts:
        for definition in find_definitions(text):
            if definition.acronym in context.acronyms:
                continue
            classified = classify_name(definition.long, knowledge, definition.acronym)
            if classified is not None:
                context.acronyms[definition.acronym] = classified
                context.long_forms[definition.acronym] = definition.long
    return context


def context_of(doc: Doc) -> DocumentContext:
    found = doc._.gb_context
    return found if isinstance(found, DocumentContext) else DocumentContext()
