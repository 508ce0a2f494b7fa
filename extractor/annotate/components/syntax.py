"""Component ``gb_syntax``: the statistical model's tagger and parser, run only on the sentences that a
rule reads the parse of.

Two rules read it: ``gb_amounts`` finds the noun a number counts ("six training activities", "membership
stands at 79"), and ``gb_dates`` tells a year from a count ("2000 workers"). So a sentence is parsed when
it holds a number that may count something (``counting``), or a year followed by a word or a number.
That is about a third of a GB paper's text; the parse (with its embedding layer) costs more than all the
rules together, so parsing only there is what keeps annotation fast.

Each chosen sentence is parsed on its own (sentence boundaries come from ``gb_sentences``), in one
batch for the batch of Docs, and its tags, heads and dependency labels are written back. A sentence no
rule reads keeps no tags, and a flat tree (each word an unlabelled ``dep`` of the first) that keeps the
sentence boundaries as they were.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import cast

import numpy
from spacy.attrs import DEP, HEAD, TAG
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc, Span, Token
from spacy.util import minibatch
from thinc.types import Ints2d

from extractor.annotate.counting import is_number, not_counted, number_end
from extractor.lexicon import currencies, months, word_list

YEAR = re.compile(r"^(?:19|20)\d\d$")
MASK = (1 << 64) - 1  # a negative head offset, as the unsigned 64-bit value spaCy's arrays hold


def needs_parse(sentence: Span) -> bool:
    """A number in the sentence may count something, or a year may be a count ("2000 workers")."""
    doc = sentence.doc
    for token in sentence:
        if not is_number(token):
            continue
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if YEAR.match(token.text):
            if following is not None and (following.text[:1].isdigit() or _may_be_plural(following)):
                return True
        elif token.lower_ == "one" or not (not_counted(doc, token.i, number_end(doc, token.i)) or _sum_or_date(token)):
            return True
    return False


def _may_be_plural(token: Token) -> bool:
    word = token.lower_
    if not token.is_lower or not token.is_alpha:
        return False
    return word in word_list("irregular_plural") or (word.endswith("s") and word not in word_list("not_plural_s"))


def _sum_or_date(token: Token) -> bool:
    """A number the money, percentage and date patterns read: "US$ 2", "45 per cent", "12 March"."""
    doc = token.doc
    before = doc[token.i - 1].text if token.i > 0 else ""
    after = doc[token.i + 1].text if token.i + 1 < len(doc) else ""
    return before in currency_forms() or after.lower() in word_list("share_word") or bool(
        {before, after} & month_names())


@cache
def currency_forms() -> frozenset[str]:
    return frozenset(c.form for c in currencies())


@cache
def month_names() -> frozenset[str]:
    return frozenset(name for month in months() for name in (month.name, *month.abbreviations))  # as written


class Syntax:
    def __init__(self, nlp: Language, components: list[str], always: bool) -> None:
        self.nlp = nlp
        self.components = components
        self.always = always

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        for batch in minibatch(docs, batch_size):
            chosen = [(doc, sentence) for doc in batch for sentence in doc.sents
                      if self.always or needs_parse(sentence)]
            parsed = [_words_of(sentence) for _, sentence in chosen]
            for name in self.components:
                component = cast(TrainablePipe, self.nlp.get_pipe(name))
                parsed = list(component.pipe(parsed, batch_size=batch_size))
            by_doc: dict[int, list[tuple[Span, Doc]]] = {}
            for (doc, sentence), result in zip(chosen, parsed, strict=True):
                by_doc.setdefault(id(doc), []).append((sentence, result))
            for doc in batch:
                _write_back(doc, by_doc.get(id(doc), []))
            yield from batch


def _words_of(sentence: Span) -> Doc:
    """The sentence as a Doc of its own, with the model's own norms (not ``gb_normalize``'s)."""
    return Doc(sentence.doc.vocab, words=[t.text for t in sentence], spaces=[bool(t.whitespace_) for t in sentence])


def _write_back(doc: Doc, parsed: list[tuple[Span, Doc]]) -> None:
    strings = doc.vocab.strings
    rows = [(0, 0, 0)] * len(doc)  # head offset, dependency label, tag
    unlabelled, root = strings.add("dep"), strings.add("ROOT")
    for sentence in doc.sents:  # the flat tree that keeps an unparsed sentence's boundaries
        rows[sentence.start] = (0, root, 0)
        for token in sentence[1:]:
            rows[token.i] = (sentence.start - token.i, unlabelled, 0)
    for sentence, result in parsed:
        roots = [t.i for t in result if t.head.i == t.i]
        for token in result:
            head, label = token.head.i, token.dep_
            if token.i in roots[1:]:  # the parser split the sentence: keep it one, under its first root
                head, label = roots[0], "dep"
            rows[sentence.start + token.i] = (head - token.i, strings.add(label), strings.add(token.tag_))
    values = numpy.array([(offset & MASK, label, tag) for offset, label, tag in rows], dtype="uint64")
    doc.from_array([HEAD, DEP, TAG], cast(Ints2d, values))


@Language.factory("gb_syntax", default_config={"components": ["tok2vec", "tagger", "parser"], "always": False},
                  requires=["token.is_sent_start"], assigns=["token.tag", "token.dep", "token.head"])
def make_syntax(nlp: Language, name: str, components: list[str], always: bool) -> Syntax:
    return Syntax(nlp, components, always)
