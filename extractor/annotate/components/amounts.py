"""Component ``gb_amounts``: sums of money, percentages and counts.

Money and percentages come from the patterns in ``models/patterns/amounts.jsonl``.
A count is a number with the noun it counts, found through the parse: the
noun the number modifies ("six training activities"); or, when the noun is
not next to the number, the noun of the count before it in the sentence
("171 queries, compared with 139" -> 139 queries) or the subject of its verb
("membership stands at 79" -> 79 members). Years, ordinals, paragraph,
article and session numbers are not amounts.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor.annotate import candidates
from extractor.annotate.counting import not_counted, number_end
from extractor.annotate.normalise.amounts import normalise_count, normalise_money, normalise_percent
from extractor.annotate.regex_rules import load_regex_rules
from extractor.lexicon import word_list


class Amounts:
    def __init__(self, nlp: Language, patterns: str, models: str = "") -> None:
        self.rules = load_regex_rules(patterns, models)

    def __call__(self, doc: Doc) -> Doc:
        taken = [(s.start, s.end) for s in candidates.candidates(doc, "DATE")]
        text = doc.text  # Doc.text joins the tokens on every access
        for rule in self.rules:
            for match in rule.regex.finditer(text):
                span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
                if span is None or any(span.start < e and s < span.end for s, e in taken):
                    continue
                norm = normalise_money(match.group(0)) if rule.kind == "money" else normalise_percent(match.group(0))
                if norm:
                    taken.append((span.start, span.end))
                    candidates.add(doc, span, "AMOUNT", norm, f"pattern:{rule.id}")
        self._counts(doc, taken)
        return doc

    def _counts(self, doc: Doc, taken: list[tuple[int, int]]) -> None:
        last_noun: dict[int, str] = {}  # sentence start -> the noun of its latest count
        bounds = candidates.sentence_bounds(doc)
        index = 0
        while index < len(doc):
            doc[index]
            end = number_end(doc, index)
            if end == index or any(index < e and s < end for s, e in taken) or _not_a_count(doc, index, end):
                index = max(end, index + 1)
                continue
            number = doc[index:end]
            noun_span, noun = _counted_noun(number)
            sentence = candidates.sentence_of(bounds, index)[0]
            if not noun and _modifies_placeholder(number):  # "some 2,500 others"
                noun = last_noun.get(sentence, "")
            if not noun:
                noun = _antecedent(number) or _subject_noun(number) or last_noun.get(sentence, "")
            if noun:
                last_noun[sentence] = noun
                span = doc[index:noun_span.end] if noun_span is not None else number
                candidates.add(doc, span, "AMOUNT", normalise_count(number.text, noun), "parse:count")
            index = end


def _not_a_count(doc: Doc, start: int, end: int) -> bool:
    following = doc[end].text if end < len(doc) else ""
    if not_counted(doc, start, end):
        return True
    token = doc[start]
    return token.lower_ == "one" and (following.lower() == "of" or token.dep_ != "nummod")


def _counted_noun(number: Span) -> tuple[Span | None, str]:
    """The noun a number modifies, with its compound nouns: (span up to the noun, "training activities").

    In "between 18 million and 30 million people" both numbers count people, and neither span
    swallows the other."""
    token = number[-1]
    if token.dep_ == "conj" and token.head.i < token.i:  # "… and 30 million": the first number's noun
        _, noun = _counted_noun(number.doc[token.head.i:token.head.i + 1])
        following = number.doc[number.end] if number.end < len(number.doc) else None
        if following is not None and following.tag_.startswith("NN") and noun.endswith(following.lower_):
            return number.doc[number.start:following.i + 1], noun
        return None, noun
    head = token.head
    if token.dep_ not in ("nummod", "quantmod", "compound", "amod") or head.i <= token.i:
        return None, ""
    if not head.tag_.startswith("NN") or head.lower_ in word_list("placeholder_noun"):
        return None, ""
    compounds = [c for c in head.lefts if c.dep_ == "compound" and c.i > token.i]
    first = compounds[0].i if compounds else head.i
    words = [t.lower_ for t in number.doc[first:head.i + 1] if t.dep_ == "compound" or t.i == head.i]
    between = number.doc[number.end:head.i]
    if any(t.tag_ == "CC" or t.lower_ in ("to", "-", "–") for t in between):
        return None, " ".join(words)  # "18 million and 30 million people": the span ends at "18 million"
    return number.doc[number.start:head.i + 1], " ".join(words)


def _antecedent(number: Span) -> str:
    """ "specialists …, of whom 30 are to be trained" -> specialists; "5 of the 12 agreements" -> agreements."""
    doc = number.doc
    before = [t.lower_ for t in doc[max(0, number.start - 2):number.start]]
    if len(before) == 2 and before[0] == "of" and before[1] in word_list("relative_pronoun"):
        for token in reversed(doc[:number.start - 2]):
            if token.tag_ == "NNS":
                return token.lower_
    following = doc[number.end:number.end + 5]
    if len(following) >= 2 and following[0].lower_ == "of":
        for token in following[1:]:
            if token.tag_ == "NNS":
                return token.lower_
            if token.tag_ not in ("DT", "PRP$", "CD", "JJ", "NN"):
                break
    return ""


def _modifies_placeholder(number: Span) -> bool:
    token = number[-1]
    return token.head.i > token.i and token.head.lower_ in word_list("placeholder_noun")


def _subject_noun(number: Span) -> str:
    """The subject of the verb a bare number hangs from: "membership stands at 79" -> members."""
    token = number[-1]
    for ancestor in token.ancestors:
        if ancestor.tag_.startswith(("VB", "MD")):
            subjects = [c for c in ancestor.children if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("NN", "NNS")]
            if subjects:
                noun = subjects[0].lower_
                return re.sub(r"ship$", "s", noun)
            return ""
    return ""


@Language.factory("gb_amounts", default_config={"patterns": "patterns/amounts.jsonl", "models": ""},
                  requires=["doc.spans", "token.tag", "token.dep", "token.head"], assigns=["doc.spans"])
def make_amounts(nlp: Language, name: str, patterns: str, models: str) -> Amounts:
    return Amounts(nlp, patterns, models)
