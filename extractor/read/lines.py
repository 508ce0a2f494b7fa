"""Characters with geometry -> printed lines, the same for every PDF engine.

Engines differ in how they report spaces (pdfium invents some, pdfplumber only
reports the glyphs), so spaces are dropped and put back from the gaps between
glyphs and the space glyphs the file really contains. Both engines go through
this one function, which is why their segments are the same.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from extractor.model import Line, Span

BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demibold", re.IGNORECASE)
SOFT_HYPHEN = "\x02"  # pdfium's mark for a hyphen it takes to end a broken word
COLUMN_GAP = 3.0  # a horizontal gap wider than this many font sizes starts a new fragment
SPACE_GAP = 0.2  # a gap wider than this many font sizes is a word space
GUTTER_GAP = 1.2  # a gap a column gutter leaves is wider than this many font sizes
MIN_GUTTER_ROWS = 8
SWAPPED_LETTERS = "\u4100"  # from "A" byte-swapped on
RAISED_SIZE = 0.85
RAISED_SHIFT = 0.12


@dataclass(slots=True)
class Char:
    text: str
    x0: float
    x1: float
    baseline: float  # distance from the top of the page to the baseline
    size: float
    bold: bool
    space_before: bool = False  # a space glyph stood right before this character

    @property
    def band(self) -> tuple[float, float]:
        return (self.baseline - 0.8 * self.size, self.baseline + 0.2 * self.size)


def is_bold_font(name: str) -> bool:
    return bool(BOLD_FONT.search(name or ""))


def mark_spaces(chars: list[Char]) -> list[Char]:
    """Drop whitespace glyphs, remembering them on the next visible character."""
    kept: list[Char] = []
    pending = False
    for char in chars:
        if char.text == SOFT_HYPHEN:
            char.text = "-"
        if not char.text or char.text.isspace() or not char.text.isprintable():
            pending = pending or char.space_before or char.text == " " or char.text == "\u00a0"
            continue
        char.space_before = pending or char.space_before  # a reader may have marked it already
        pending = False
        kept.append(char)
    return kept


def unswap_ligatures(chars: list[Char]) -> None:
    """Ghostscript writes the Unicode of a ligature's letters byte-swapped: "ffi" as U+6600 U+6600 U+6900
    ("O昀昀ice"). Such a character next to a Latin letter (or to another one) is the letter it hides."""
    hidden = [_hidden_letter(char.text) for char in chars]
    for index, letter in enumerate(hidden):
        if not letter:
            continue
        before = chars[index - 1].text if index else ""
        after = chars[index + 1].text if index + 1 < len(chars) else ""
        if any(len(t) == 1 and t.isascii() and t.isalpha() for t in (before, after)) or any(
                hidden[j] for j in (index - 1, index + 1) if 0 <= j < len(hidden)):
            chars[index].text = letter


def _hidden_letter(text: str) -> str:
    code = ord(text) if len(text) == 1 else 0
    letter = chr(code >> 8) if code and not code & 0xFF else ""
    return letter if letter.isascii() and letter.isalpha() else ""


def build_lines(chars: list[Char], page: int) -> list[Line]:
    """Group a page's characters into lines and split lines at wide gaps."""
    if any(char.text >= SWAPPED_LETTERS for char in chars):
        unswap_ligatures(chars)
    rows = _rows(mark_spaces(chars))
    for row in rows:
        row.sort(key=lambda c: c.x0)
    gutter = _gutter(rows)
    lines: list[Line] = []
    for row in rows:
        for fragment in _split_at_gaps(row, gutter):
            lines.append(_make_line(fragment, page))
    lines.sort(key=lambda line: (round(line.top, 1), line.x0))
    return lines


def _rows(chars: list[Char]) -> list[list[Char]]:
    """Characters grouped into rows: each joins the recent row its vertical band overlaps by half."""
    rows: list[tuple[list[float], list[Char]]] = []
    for char in sorted(chars, key=lambda c: (c.baseline, c.x0)):
        size = char.size
        top, bottom = char.baseline - 0.8 * size, char.baseline + 0.2 * size
        for band, members in reversed(rows[-4:]):
            band_top, band_bottom = band[0], band[1]
            overlap = (bottom if bottom < band_bottom else band_bottom) - (top if top > band_top else band_top)
            if overlap > 0.5 * min(bottom - top, band_bottom - band_top):
                members.append(char)
                if size > band[2]:
                    band[:] = [top, bottom, size]
                break
        else:
            rows.append(([top, bottom, size], [char]))
    return [members for _, members in rows]


def _gutter(rows: list[list[Char]]) -> float | None:
    """The x of the gap between two text columns: a point in the middle of the page that many rows leave
    empty with a gap wider than a word space. A narrow gutter (a heading of the right column set out into
    it) is no wider than a long justified space, so it is found by the rows together, not row by row."""
    gaps = [(prev.x1, char.x0) for row in rows for prev, char in pairwise(row)
            if char.x0 - prev.x1 > GUTTER_GAP * max(prev.size, char.size)]
    xs = [x for row in rows for c in row for x in (c.x0, c.x1)]
    if len(gaps) < MIN_GUTTER_ROWS or not xs:
        return None
    left, right = min(xs), max(xs)
    best, count = None, 0
    for start, end in gaps:
        x = (start + end) / 2
        if not left + 0.3 * (right - left) <= x <= left + 0.7 * (right - left):
            continue
        straddling = sum(1 for a, b in gaps if a <= x <= b)
        if straddling > count:
            best, count = x, straddling
    return best if count >= MIN_GUTTER_ROWS else None


def _split_at_gaps(row: list[Char], gutter: float | None = None) -> list[list[Char]]:
    fragments: list[list[Char]] = [[row[0]]]
    current = fragments[0]
    for prev, char in pairwise(row):
        size = prev.size if prev.size > char.size else char.size
        gap = char.x0 - prev.x1
        across = gutter is not None and prev.x1 <= gutter <= char.x0 and gap > GUTTER_GAP * size
        if gap > COLUMN_GAP * size or across:
            current = [char]
            fragments.append(current)
        else:
            current.append(char)
    return fragments


def _make_line(chars: list[Char], page: int) -> Line:
    size = _dominant_size(chars)
    baseline = _dominant_baseline(chars, size)
    raised_below, raised_above = RAISED_SIZE * size, baseline - RAISED_SHIFT * size
    spans: list[Span] = []
    text: list[str] = []
    current: tuple[float, bool, bool] | None = None
    x0 = x1 = 0.0
    previous: Char | None = None
    for char in chars:
        style = (char.size, char.bold, char.size < raised_below and char.baseline < raised_above)
        if current is not None and style != current:
            spans.append(Span("".join(text), current[0], current[1], current[2], x0, x1))
            text, current = [], None
        if current is None:
            current, x0 = style, char.x0
        if previous is not None and (char.space_before or char.x0 - previous.x1 > SPACE_GAP * (
                char.size if char.size > previous.size else previous.size)):
            text.append(" ")
        text.append(char.text)
        x1 = char.x1
        previous = char
    if current is not None:
        spans.append(Span("".join(text), current[0], current[1], current[2], x0, x1))
    tops = [c.baseline - 0.8 * c.size for c in chars]
    bottoms = [c.baseline + 0.2 * c.size for c in chars]
    return Line(spans=spans, page=page, top=min(tops), bottom=max(bottoms))


def _dominant_size(chars: list[Char]) -> float:
    """The size most characters have (sizes come rounded to a tenth), the larger on a tie."""
    counts = Counter(char.size for char in chars)
    return max(counts, key=lambda k: (counts[k], k))


def _dominant_baseline(chars: list[Char], size: float) -> float:
    same = sorted(c.baseline for c in chars if c.size == size)
    return same[len(same) // 2] if same else chars[0].baseline
