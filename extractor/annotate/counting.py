"""Numbers in a Doc that may count something: digits or number words, with the words around them that say
they do not ("paragraph 12", a year, "a 10-day mission"). Read by ``gb_amounts`` and by ``gb_syntax``, which
parses only the sentences where such a number stands."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from extractor.annotate.normalise.numbers import NUMBER_WORDS, parse_number
from extractor.lexicon import word_list

ORDINAL_DIGITS = re.compile(r"^\d+(?:st|nd|rd|th)$")


def number_end(doc: Doc, index: int) -> int:
    token = doc[index]
    if not is_number(token):
        return index
    end = index + 1
    while end < len(doc) and (doc[end].lower_ in word_list("scale_word") or (doc[end].text == "-" and end + 1 < len(doc)
                              and doc[end + 1].lower_ in NUMBER_WORDS)):
        end += 2 if doc[end].text == "-" else 1
    return end


def is_number(token: Token) -> bool:
    text = token.text
    if ORDINAL_DIGITS.match(text) or text.lower() in word_list("ordinal_word"):
        return False
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", text):
        return True
    return token.lower_ in NUMBER_WORDS and token.lower_ not in word_list("scale_word")


def not_counted(doc: Doc, start: int, end: int) -> bool:
    """What the words around a number say: a reference ("paragraph 12", "(No. 88)"), a year, a measure
    ("a 10-day mission") or part of a figure ("2/3") is no count. ("one" is decided by its parse.)"""
    token = doc[start]
    previous = doc[start - 1].lower_ if start > 0 else ""
    following = doc[end].text if end < len(doc) else ""
    value = parse_number(doc[start:end].text)
    references = word_list("not_counted_after")
    if value is None or previous in references or (previous == "(" and following == ")"):
        return True
    if previous == "." and start >= 2 and f"{doc[start - 2].lower_}." in references:
        return True  # "(No. 88)" read as "No", ".", "88"
    if re.fullmatch(r"(?:19|20)\d\d", token.text):
        return True  # a year (the dates component decides whether it is one)
    if following == "-" and not doc[end - 1].whitespace_:
        return True  # "a two-week course", "a 10-day mission": a measure of the noun, not a count
    return following in ("/", ".") and end + 1 < len(doc) and doc[end + 1].text[:1].isdigit()
