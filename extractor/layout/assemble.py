"""Line starts that open a paragraph or item, and the joining of lines into text."""

from __future__ import annotations

import re
import unicodedata

from extractor.layout.footnotes import line_text_and_refs
from extractor.layout.hyphenation import Vocabulary, join_line
from extractor.model import FootnoteRef, Line, Span

PARA_NUMBER = re.compile(r"^(\d{1,4})\.(?:\s+|$)")  # minutes run to four digits
PARA_NUMBER_PAREN = re.compile(r"^(\d{1,4})\)(?:\s+|$)")  # "1)", as some papers number their paragraphs
MIN_NUMBERED = 3
WRAPPED_YEAR = re.compile(r"^(?:1[89]|20)\d\d[.)](?:\s|$)")
SENTENCE_ENDS = (".", ":", ";", "!", "?", ".”", ".\"", ")")
DASH_MARKER = re.compile(r"^([–—•▪◦·‒■●○►➢✓\-])\s+")
LETTER_MARKER = re.compile(r"^(\((?:[a-z]{1,2}|[ivxlc]{1,6}|\d{1,2})\)|(?:[a-z]|[ivxlc]{1,6})\))\s+")
LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "\u00a0": " ",
                           "\u00ad": None, "\u200b": None, "\u2002": " ", "\u2003": " ", "\u2009": " ",
                           "\t": " "})
BULLET_GLYPHS = {"\uf0b7": "•", "\uf02d": "–", "\uf0a7": "▪", "\uf076": "❖", "\uf0d8": "➢", "\uf0fc": "✓",
                 "o": "◦", "§": "▪"}


def clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text.translate(LIGATURES))
    return re.sub(r" {2,}", " ", text)


def clean_row(text: str) -> str:
    """A table row: its tab-separated cells cleaned one by one."""
    return "\t".join(clean(cell).strip() for cell in text.split("\t")).strip()


def clean_with_refs(text: str, refs: list[FootnoteRef]) -> tuple[str, list[FootnoteRef]]:
    """``clean`` the text and move each reference's offset with it."""
    out: list[str] = []
    new_offset = [0] * (len(text) + 1)
    for index, char in enumerate(text):
        new_offset[index] = len(out)
        piece = unicodedata.normalize("NFC", char.translate(LIGATURES)) if not char.isascii() or char == "\t" else char
        if piece == " " and (not out or out[-1] == " "):
            continue
        out.extend(piece)
    new_offset[len(text)] = len(out)
    cleaned = "".join(out).rstrip()
    moved = [FootnoteRef(r.marker, min(new_offset[min(r.offset, len(text))], len(cleaned))) for r in refs]
    return cleaned, moved


def assemble(lines: list[Line], vocabulary: Vocabulary | None) -> tuple[str, list[FootnoteRef]]:
    """Join lines into one text, undoing line-end hyphenation and moving footnote markers out."""
    text = ""
    refs: list[FootnoteRef] = []
    for line in lines:
        line_text, line_refs = line_text_and_refs(line)
        line_text, line_refs = clean_with_refs(line_text, line_refs)
        stripped = line_text.lstrip()
        if not stripped:
            continue
        lead = len(line_text) - len(stripped)
        text = join_line(text, stripped, vocabulary)
        start = len(text) - len(stripped)
        refs.extend(FootnoteRef(r.marker, max(start, start + r.offset - lead)) for r in line_refs)
    stripped = text.rstrip()
    return stripped, [FootnoteRef(r.marker, min(r.offset, len(stripped))) for r in refs]


def wrapped_year(text: str, previous: str) -> bool:
    """ "2007." (or "2007. It was …") at a line's start after "… decisions taken in March": a year the
    wrapping put there, not a paragraph number."""
    return bool(WRAPPED_YEAR.match(text)) and not previous.rstrip().endswith(SENTENCE_ENDS)


def paren_numbering(lines: list[Line]) -> bool:
    """True for a paper that numbers its paragraphs "1)", "2)" (and hardly ever "1.")."""
    dots = sum(1 for line in lines if PARA_NUMBER.match(line.text.strip()))
    parens = [int(m.group(1)) for line in lines if (m := PARA_NUMBER_PAREN.match(line.text.strip()))]
    return len(parens) >= MIN_NUMBERED and parens[:2] == [1, 2] and dots < len(parens) / 3


def dot_numbering(lines: list[Line]) -> list[Line]:
    """Write a "1)"-numbered paper's paragraph numbers as "1.", the form the layout and segmenter read."""
    if not paren_numbering(lines):
        return lines
    for line in lines:
        match = PARA_NUMBER_PAREN.match(line.text.lstrip())
        if match and line.spans:
            lead = len(line.text) - len(line.text.lstrip())
            first = line.spans[0]
            rest = line.text[lead + match.end(1) + 1:]
            line.spans = [Span(f"{line.text[:lead]}{match.group(1)}.{rest}", first.size, first.bold, first.raised,
                               first.x0, line.x1)]
    return lines
