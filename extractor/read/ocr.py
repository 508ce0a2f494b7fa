"""Scanned PDFs (image only): the pages' text through Tesseract OCR, when it is installed.

Each page is rendered at 300 dpi with pypdfium2 and read by the ``tesseract``
command as hOCR: every word with its box, every line with its baseline and
its estimated letter size. The words become characters with geometry, so a
scan goes through the same line building and page layout as a PDF with a text
layer (margins, indents, side headings, footnotes, furniture), not through
the plain-text layout.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

from extractor.errors import CorruptFile, NoTextLayer
from extractor.model import Line, RawDocument
from extractor.read.hocr import snap_sizes, words_as_chars
from extractor.read.lines import Char, build_lines

DPI = 300
MAX_SIDE = 5000  # pixels: a page declared larger (a damaged MediaBox) is rendered smaller, not at 300 dpi
PAGE_SECONDS = 60


def tesseract_path() -> str | None:
    return shutil.which("tesseract")


def read_scanned_pdf(path: Path, pages: int) -> RawDocument:
    binary = tesseract_path()
    if binary is None:
        raise NoTextLayer(f"no text layer on any of its {pages} pages (a scan?); install tesseract-ocr to read it")
    import pypdfium2 as pdfium

    pages_chars: list[list[Char]] = []
    document = pdfium.PdfDocument(str(path))
    count = len(document)
    size = (0.0, 0.0)
    try:
        for index in range(count):
            image, scale, size = _render(document, index)
            pages_chars.append(words_as_chars(_ocr(binary, image), 1 / scale, image))
    finally:
        document.close()
    snap_sizes(pages_chars)
    lines: list[Line] = [line for number, chars in enumerate(pages_chars, start=1) if chars
                         for line in build_lines(chars, number)]
    if not any(line.text.strip() for line in lines):
        raise NoTextLayer(f"no text layer, and OCR found no text on its {pages} pages")
    return RawDocument(path=str(path), format="pdf", lines=lines, pages=count or pages, page_width=size[0],
                       page_height=size[1], has_geometry=True, engine="tesseract",
                       warnings=["read by OCR (no text layer): check the text"])


def _render(document: Any, index: int) -> tuple[Any, float, tuple[float, float]]:
    """The page as an image for OCR (300 dpi, or less when the page claims to be huge), the pixels per
    point, and the page's size in points."""
    import pypdfium2 as pdfium

    from extractor.read.pdf import LIBRARY_ERRORS

    try:
        page = document[index]
        width, height = page.get_size()
        scale = min(DPI / 72, MAX_SIDE / max(width, height, 1.0))
        image = page.render(scale=scale).to_pil()
        page.close()
    except (pdfium.PdfiumError, *LIBRARY_ERRORS) as error:
        raise CorruptFile(f"page {index + 1} of the scanned PDF cannot be rendered for OCR ({error})") from error
    return image, scale, (width, height)


def _ocr(binary: str, image: object) -> str:
    import io

    buffer = io.BytesIO()
    image.save(buffer, format="PNG")  # type: ignore[attr-defined]
    try:
        result = subprocess.run([binary, "stdin", "stdout", "-l", "eng", "--psm", "4", "hocr"],
                                input=buffer.getvalue(),
                                capture_output=True, timeout=PAGE_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        return ""  # a page Tesseract cannot read in a minute adds no text
    return result.stdout.decode("utf-8", errors="replace")
