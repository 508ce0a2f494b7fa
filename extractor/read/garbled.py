"""Whether a PDF's text layer reads as text.

A PDF whose fonts carry a wrong or no Unicode map prints well and extracts
as nonsense: "7KH 2IILFH" for "The Office" (codes shifted by a constant),
private-use characters, control codes. Such a layer is worth nothing to the
annotators; the page images still are, through OCR. The test is made on the
words in Latin script: in a paper in English, French or Spanish most of them
are words of those languages (GB papers: 91 to 99 per cent; a shifted layer:
none). Text in another script is not judged.
"""

from __future__ import annotations

from collections.abc import Iterable

from extractor.lexicon import foreign_zipf, zipf

SAMPLE_WORDS = 400
MIN_WORDS = 30  # fewer Latin words than this: too little to judge
KNOWN_SHARE = 0.3  # of the Latin words, at least, in a real text layer
ODD_SHARE = 0.1  # of the characters, at most: private-use, control and replacement characters
PUNCTUATION = ".,;:!?()[]{}\"'“”‘’«»–—-/"


def reads_as_text(texts: Iterable[str]) -> bool:
    chars = odd = 0
    words: list[str] = []
    for text in texts:
        chars += len(text)
        odd += sum(1 for c in text if _odd(c))
        words.extend(w.strip(PUNCTUATION) for w in text.split())
        if len(words) >= SAMPLE_WORDS:
            break
    if chars and odd > ODD_SHARE * chars:
        return False
    latin = [w for w in words if len(w) >= 3 and any(c.isalpha() for c in w) and all(_latin(c) for c in w)]
    if len(latin) < MIN_WORDS:
        return True
    known = sum(1 for w in latin if _known(w))
    return known >= KNOWN_SHARE * len(latin)


def _odd(char: str) -> bool:
    code = ord(char)
    return 0xE000 <= code <= 0xF8FF or char == "\ufffd" or (code < 32 and char not in "\t\n\r\f")


def _latin(char: str) -> bool:
    return ord(char) < 0x250 or char in PUNCTUATION


def _known(word: str) -> bool:
    """A word of English, French or Spanish (acronyms are not: shifted codes make "WKH" of "the")."""
    lowered = word.lower()
    return zipf(lowered) > 0 or foreign_zipf(lowered) > 0
