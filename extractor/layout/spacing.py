"""Blank lines that are line spacing, not paragraph breaks.

Some conversions (a web page with a ``<p>`` or ``<br><br>`` per printed line,
a transcription typed double-spaced) put a blank line after every line. Then
one blank line is spacing and a run of two or more is the paragraph break.
"""

from __future__ import annotations

from itertools import pairwise

from extractor.model import Line

ADJACENT_SHARE = 0.05  # at most, of the gaps between lines: no line follows another directly
SPACING_SHARE = 0.5  # at least, of the gaps: exactly one blank line
PRINTED_LINE = 120  # characters: nine lines in ten at most this long are printed lines, not paragraphs
MIN_LINES = 10


def undouble(lines: list[Line]) -> list[Line]:
    """The lines with one blank line between printed lines dropped and longer runs made one, when the
    text is double-spaced; else the lines as they are."""
    if not _double_spaced(lines):
        return lines
    out: list[Line] = []
    blanks: list[Line] = []
    for line in lines:
        if not line.text.strip():
            blanks.append(line)
            continue
        if len(blanks) >= 2 and out:
            out.append(blanks[0])
        blanks = []
        out.append(line)
    return out


def printed_lines(texts: list[str]) -> bool:
    """Lines as a page prints them (hard-wrapped), not a paragraph a line: nine in ten are short."""
    lengths = sorted(len(text.strip()) for text in texts if text.strip())
    return bool(lengths) and lengths[len(lengths) * 9 // 10] <= PRINTED_LINE


def _double_spaced(lines: list[Line]) -> bool:
    filled = [i for i, line in enumerate(lines) if line.text.strip()]
    if len(filled) < MIN_LINES:
        return False
    gaps = [b - a for a, b in pairwise(filled)]
    return (gaps.count(1) <= ADJACENT_SHARE * len(gaps) and gaps.count(2) >= SPACING_SHARE * len(gaps)
            and printed_lines([lines[i].text for i in filled]))
