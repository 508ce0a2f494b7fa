"""Undo line-end hyphenation without harming real hyphens.

A word broken at the end of a line ("Enter-" + "prises") is joined; a real
compound ("labour-" + "related") keeps its hyphen; a break after a slash or
inside an acronym ("ACT/" + "EMP", "EMP/ENTER-" + "PRISE") comes back whole.
The decision uses, in order: how the document itself writes the word
elsewhere, the shape of the two parts, and whether the joined form is an
English word (wordfreq's list of common words: small, offline, inflected
forms included, which a spelling dictionary's stems are not).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from extractor.lexicon import word_list, zipf

# "start-up", "follow-up", "roll-out", "spin-off": compounds of a verb and a particle keep their hyphen in
# British usage, unless the joined form is an everyday word ("without", "throughout").
PARTICLES = frozenset({"up", "out", "off", "down"})
EVERYDAY = 4.5
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
TAIL = re.compile(r"([^\W\d_]+)-$")
HEAD = re.compile(r"^([^\W\d_]+)")


@lru_cache(maxsize=1)
def domain_compounds() -> frozenset[str]:
    """Hyphenated words of ILO English (``models/lexicon/hyphenated.txt``)."""
    from extractor.resources import models_dir

    path = models_dir() / "lexicon" / "hyphenated.txt"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


class Vocabulary:
    """How a document writes its words, to settle a break by the document's own usage."""

    def __init__(self, texts: Iterable[str] = ()) -> None:
        self.words: set[str] = set()
        self.lowered: set[str] = set()
        for text in texts:
            self.add(text)

    def add(self, text: str) -> None:
        body = text.rstrip()
        if body.endswith("-"):  # the broken last word of a line is no evidence
            body = body[: body.rfind(" ") + 1]
        self.words.update(match.group(0) for match in WORD.finditer(body))
        self.lowered = {word.lower() for word in self.words}

    def __contains__(self, word: str) -> bool:
        """Capitalised words must be seen capitalised ("Co-operation" in a name is not "cooperation")."""
        return word in self.words if word[:1].isupper() else word.lower() in self.lowered


def keep_hyphen(left: str, right: str, vocabulary: Vocabulary | None = None) -> bool:
    """True when ``left-`` at a line end followed by ``right`` is a real hyphen."""
    joined, compound = left + right, f"{left}-{right}"
    if vocabulary is not None:
        if compound in vocabulary:
            return True
        if joined in vocabulary:
            return False
    if compound.lower() in domain_compounds():
        return True
    if left.isupper() and right.isupper() and len(right) > 1:
        return zipf(joined.lower()) == 0
    if right[:1].isupper():
        return True
    if left.lower() in word_list("hyphen_prefix"):
        return True
    if right.lower() in PARTICLES and zipf(joined.lower()) < EVERYDAY:
        return True
    if zipf(joined.lower()) > 0:
        return False
    return zipf(left.lower()) > 0 and zipf(right.lower()) > 0


def join_line(text: str, following: str, vocabulary: Vocabulary | None = None) -> str:
    """Append a following line to a text, undoing a line-end break."""
    if not text:
        return following
    if not following:
        return text
    stripped = text.rstrip()
    if stripped.endswith("/") or (stripped.endswith(("–", "—")) and not stripped[:-1].endswith(" ")):
        return stripped + following.lstrip()
    tail = TAIL.search(stripped)
    head = HEAD.match(following.lstrip())
    if tail and head and not stripped.endswith("--"):
        if keep_hyphen(tail.group(1), head.group(1), vocabulary):
            return stripped + following.lstrip()
        return stripped[:-1] + following.lstrip()
    return stripped + " " + following.lstrip()
