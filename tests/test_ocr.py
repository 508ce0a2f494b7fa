"""Scanned pages: Tesseract's hOCR read into words with geometry, and a scan made in the test read whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.pipeline import read_and_segment
from extractor.read.hocr import snap_sizes, words_as_chars
from extractor.read.lines import Char
from extractor.read.ocr import tesseract_path
from extractor.read.pdf import read_pdf

HOCR = """<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><body><div class='ocr_page' title='bbox 0 0 2480 3508'>
<span class='ocr_header' title="bbox 240 200 700 250; baseline 0 -10; x_size 50; x_descenders 10; x_ascenders 12">
 <span class='ocrx_word' title='bbox 240 200 700 240; x_wconf 96'>Introduction</span></span>
<span class='ocr_line' title="bbox 240 400 2200 450; baseline 0 -10; x_size 44; x_descenders 10; x_ascenders 10">
 <span class='ocrx_word' title='bbox 240 400 290 440; x_wconf 95'>1.‘</span>
 <span class='ocrx_word' title='bbox 330 400 500 440; x_wconf 95'>The</span>
 <span class='ocrx_word' title='bbox 520 400 800 440; x_wconf 95'>Office</span>
 <span class='ocrx_word' title='bbox 1400 420 1600 460; x_wconf 95'>In</span>
 <span class='ocrx_word' title='bbox 1620 420 1900 460; x_wconf 95'>Turin</span>
 <span class='ocrx_word' title='bbox 1920 420 2200 470; x_wconf 95'>(ITC)</span></span>
</div></body></html>"""


def test_words_of_an_ocr_line_with_the_baseline_of_their_column() -> None:
    chars = words_as_chars(HOCR, 0.24)
    assert [(c.text, round(c.x0, 2), round(c.x1, 2), round(c.baseline, 2), c.size, c.bold) for c in chars] == [
        ("Introduction", 57.6, 168.0, 57.6, 12.0, False),  # one word: Tesseract's baseline, 250 - 10
        ("1.", 57.6, 69.6, 105.6, 10.6, False),  # the left column's words stand on 440; "1.‘": a speck
        ("The", 79.2, 120.0, 105.6, 10.6, False),
        ("Office", 124.8, 192.0, 105.6, 10.6, False),
        ("In", 336.0, 384.0, 110.4, 10.6, False),  # the right column's on 460, below
        ("Turin", 388.8, 456.0, 110.4, 10.6, False),
        ("(ITC)", 460.8, 528.0, 110.4, 10.6, False),
    ]
    assert all(c.space_before for c in chars)


def test_body_sizes_measured_a_little_apart_become_one() -> None:
    pages = [[Char("paragraph", 0, 1, 10, 10.6, False), Char("text", 0, 1, 20, 10.1, False)],
             [Char("Heading", 0, 1, 30, 13.2, False)]]
    snap_sizes(pages)
    assert [c.size for page in pages for c in page] == [10.5, 10.5, 13.0]


def test_unreadable_hocr_gives_no_words() -> None:
    assert words_as_chars("", 0.24) == []
    assert words_as_chars("<html><body>", 0.24) == []


@pytest.mark.skipif(tesseract_path() is None, reason="tesseract is not installed (./scripts/setup installs it)")
def test_a_scan_gives_its_numbered_paragraphs_and_bold_heading(tmp_path: Path) -> None:
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1700, 2200), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=48)
    rows = [(150, 200, "GB.301/PFA/10", 0), (150, 330, "Subregional activities", 2),
            (150, 420, "1.", 0), (260, 420, "The Office met the employers of Indonesia", 0),
            (260, 480, "in Jakarta in May 2008.", 0), (150, 580, "2.", 0),
            (260, 580, "The ILO Office in Manila trained 45 managers", 0), (260, 640, "in June 2008.", 0)]
    for x, y, text, stroke in rows:
        draw.text((x, y), text, fill=0, font=font, stroke_width=stroke, stroke_fill=0)
    path = tmp_path / "scan.pdf"
    image.save(path, "PDF", resolution=200.0)
    result = read_and_segment(path, "scan.pdf", "pdf", None, "pdfium")
    assert [(s.kind, s.para, s.text) for s in result.segments] == [
        ("title", "", "GB.301/PFA/10"),
        ("title", "", "Subregional activities"),
        ("paragraph", "1", "The Office met the employers of Indonesia in Jakarta in May 2008."),
        ("paragraph", "2", "The ILO Office in Manila trained 45 managers in June 2008."),
    ]
    lines = read_pdf(path).lines
    assert [(line.text, [span.bold for span in line.spans]) for line in lines[:3]] == [
        ("GB.301/PFA/10", [False]), ("Subregional activities", [True]),
        ("1. The Office met the employers of Indonesia", [False])]
