"""Tesseract's hOCR -> characters with geometry, one per word, for the PDF line builder.

hOCR gives each word's box and each line's box, baseline (a slope and an
offset from the box's bottom) and ``x_size`` (the height of the line's
letters, close to the font size). A word becomes one ``Char`` whose text is
the whole word, marked as following a space: the line builder puts the words
of a printed line together and splits lines where the page shows gaps.

OCR does not say which words are bold, and the layout reads headings by their
weight. A word's stroke width (its dark pixels over the dark runs that start
in its rows), relative to its letter size, is measured on the page image: a
word whose strokes are much thicker than the page's median is bold.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from lxml import etree

from extractor.read.lines import Char

LINE_CLASSES = {"ocr_line", "ocr_header", "ocr_textfloat", "ocr_caption"}
BBOX = re.compile(r"bbox (-?\d+) (-?\d+) (-?\d+) (-?\d+)")
X_SIZE = re.compile(r"x_size ([\d.]+)")
BASELINE = re.compile(r"baseline (-?[\d.]+) (-?[\d.]+)")
DESCENDING = re.compile(r"[gjpqy(),;\[\]{}|$@]")  # letters and marks that reach below the baseline
SPECKED_NUMBER = re.compile(r"^(\d{1,3})[.,][‘’'`\"“”.,]+$")
GUTTER = 1.5  # letter sizes: a wider gap between two words of an OCR line is a column gutter
BOLD_RATIO = 1.3  # a word whose strokes are this much thicker (for its size) than the page's median is bold
SHORT_WORD = 4  # letters
DARK = 128  # grey level below which a pixel is ink
SAME_SIZE = 0.12  # letter sizes this close to the body text's are the body text's: OCR measures within a point


def words_as_chars(hocr: str, points_per_pixel: float, image: Any = None) -> list[Char]:
    """The words of one page's hOCR as characters, in points from the page's top left; ``image`` (the
    page as OCR saw it, greyscale) tells bold words."""
    root = _parse(hocr)
    if root is None:
        return []
    lines = [_line_words(element) for element in root.iter("{*}span") if element.get("class") in LINE_CLASSES]
    ink = _ink(image)
    weights = [[_stroke(ink, word) / size for word in words] for words, size, _ in lines] if ink is not None else []
    flat = sorted(w for row in weights for w in row)
    median = flat[len(flat) // 2] if flat else 0.0
    chars: list[Char] = []
    for number, (words, size, baselines) in enumerate(lines):
        bold = _smoothed([w > BOLD_RATIO * median for w in weights[number]] if weights else [False] * len(words),
                         words)
        chars.extend(Char(text, x0 * points_per_pixel, x1 * points_per_pixel, baselines[index] * points_per_pixel,
                          round(size * points_per_pixel, 1), bold[index], space_before=True)
                     for index, (text, x0, x1, _, _) in enumerate(words))
    return chars


def _smoothed(bold: list[bool], words: list[Word]) -> list[bool]:
    """A short word takes the weight of the words on both sides when they agree: "of", "and", "the" have
    too few strokes to measure."""
    out = list(bold)
    for index in range(1, len(bold) - 1):
        if len(words[index][0]) <= SHORT_WORD and bold[index - 1] == bold[index + 1]:
            out[index] = bold[index - 1]
    return out


def _parse(hocr: str) -> Any:
    if not hocr.strip():
        return None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
    try:
        return etree.fromstring(hocr.encode("utf-8"), parser=parser)
    except etree.XMLSyntaxError:
        return None


def _line_words(line: Any) -> tuple[list[Word], float, list[float]]:
    """An OCR line's words, letter size (pixels) and each word's baseline."""
    title = line.get("title", "")
    box = BBOX.search(title)
    if box is None:
        return [], 1.0, []
    size_match, fit = X_SIZE.search(title), BASELINE.search(title)
    size = float(size_match.group(1)) if size_match else float(int(box.group(4)) - int(box.group(2)))
    left, bottom = int(box.group(1)), int(box.group(4))
    slope, offset = (float(fit.group(1)), float(fit.group(2))) if fit else (0.0, 0.0)
    words = [w for w in (_word(e) for e in line.iter("{*}span") if e.get("class") == "ocrx_word") if w is not None]
    ordered: list[Word] = []
    baselines: list[float] = []
    for piece in _pieces(words, size):
        ordered.extend([_number_cleaned(piece[0]), *piece[1:]])
        fitted = bottom + offset + slope * (piece[0][1] - left)
        baselines.extend([_baseline(piece, fitted)] * len(piece))
    return ordered, max(size, 1.0), baselines


def _ink(image: Any) -> Any:
    if image is None:
        return None
    import numpy as np

    return np.asarray(image.convert("L")) < DARK


def _stroke(ink: Any, word: Word) -> float:
    """The mean width of the word's dark runs, row by row, in pixels."""
    _, x0, x1, bottom, top = word
    box = ink[top:bottom + 1, x0:x1 + 1]
    if box.size == 0:
        return 0.0
    runs = int((box[:, 1:] & ~box[:, :-1]).sum() + box[:, 0].sum())
    return float(box.sum()) / max(runs, 1)


Word = tuple[str, int, int, int, int]  # text, left, right, bottom, top (pixels)


def _word(element: etree._Element) -> Word | None:
    text = "".join(element.itertext()).strip()
    box = BBOX.search(element.get("title", ""))
    if not text or box is None:
        return None
    x0, top, x1, bottom = (int(v) for v in box.groups())
    return text, x0, x1, bottom, top


def _number_cleaned(word: Word) -> Word:
    """ "1.‘" or "12.'" at a line's start: a paragraph number with a speck read as a quote."""
    match = SPECKED_NUMBER.match(word[0])
    return (f"{match.group(1)}.", *word[1:]) if match else word


def _pieces(words: list[Word], size: float) -> list[list[Word]]:
    """An OCR line cut where a gap wider than a column gutter stands: Tesseract may read two columns'
    lines as one, but each column's line has its own baseline."""
    pieces: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w[1]):
        if pieces and word[1] - pieces[-1][-1][2] <= GUTTER * size:
            pieces[-1].append(word)
        else:
            pieces.append([word])
    return pieces


def _baseline(words: list[Word], fitted: float) -> float:
    """Where a piece of an OCR line stands: Tesseract's baseline for the whole line, unless two words or
    more without descending letters agree on another (two columns' lines read as one)."""
    flat = sorted(word[3] for word in words if not DESCENDING.search(word[0]))
    return float(flat[len(flat) // 2]) if len(flat) >= 2 else fitted


def snap_sizes(pages: list[list[Char]]) -> None:
    """Give the body text one size: OCR measures letters within a point or so, and a body line measured
    larger would read as a heading. Other sizes are rounded to half points."""
    weights: Counter[float] = Counter()
    for chars in pages:
        for char in chars:
            weights[round(char.size * 2) / 2] += len(char.text)
    if not weights:
        return
    body = weights.most_common(1)[0][0]
    for chars in pages:
        for char in chars:
            near = abs(char.size - body) <= SAME_SIZE * body
            char.size = body if near else round(char.size * 2) / 2
