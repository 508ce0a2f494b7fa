"""Folding: the keys texts are matched and compared by, one function per use.

- ``fold_token`` / ``fold_name``: a gazetteer lookup (lower case, straight quotes, one spelling);
- ``canonical_text``: how a name is written as a canonical value;
- ``fold_text``: a mention's text as corrections and entity linking compare it;
- ``fold_symbol``: a GB symbol as tables and gold files compare it;
- ``fold_for_scoring``: the gold files' matching rule.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from extractor.lexicon import spellings

QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-", "‑": "-", "\u00a0": " "})


@lru_cache(maxsize=1 << 16)
def fold_token(text: str) -> str:
    """A token's matching form: lower case, straight quotes, one spelling of -ise/-ize and labour."""
    folded = text.translate(QUOTES).lower()
    for pattern, replacement in spellings():
        folded = pattern.sub(replacement, folded)
    return folded


def fold_name(text: str) -> str:
    """A whole name's lookup key: folded tokens, single spaces, no leading article."""
    folded = " ".join(fold_token(word) for word in re.findall(r"\w+|[^\w\s]", text))
    folded = re.sub(r"\s*'\s*", "'", folded)
    return re.sub(r"^the ", "", folded).strip()


def canonical_text(text: str) -> str:
    """How a name is written as a canonical value: straight apostrophes, single spaces."""
    return re.sub(r"\s+", " ", text.replace("’", "'").replace("‘", "'")).strip()


def fold_text(text: str) -> str:
    """A text's comparison key: NFKC, straight apostrophes, single spaces, lower case."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    return re.sub(r"\s+", " ", text).strip().lower()


def fold_symbol(symbol: str | None) -> str:
    """A GB symbol's comparison key: no spaces, upper case."""
    return re.sub(r"\s+", "", str(symbol or "")).upper()


LEADING = re.compile(r"^(?:the|a|an|in|on|during|since|for|of|at|from|by|until|to)\s+", re.I)


def fold_for_scoring(text: str | None) -> str:
    """How the gold files' forms and a run's mentions are compared (``ANNOTATION.md``): also dashes, double
    quotes, a leading article or preposition, trailing punctuation and a possessive."""
    if not text:
        return ""
    folded = unicodedata.normalize("NFKC", str(text))
    folded = folded.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    folded = re.sub(r"[\u2010-\u2015\u2212]", "-", folded)
    folded = re.sub(r"\s+", " ", folded).strip().lower().strip(" \"'()[]")
    folded = re.sub(r"'s$", "", re.sub(r"[.,;:]+$", "", folded).strip())
    previous = None
    while previous != folded:
        previous, folded = folded, LEADING.sub("", folded)
    return folded.strip(" \"'()[]")
