"""Scanned PDFs (image only): the pages' text through Tesseract OCR, when it is installed.

Each page is rendered at 300 dpi with pypdfium2 and read by the ``tesseract``
command; the text then goes through the plain-text layout like a flattened PDF.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

from extractor.errors import CorruptFile, NoTextLayer
from extractor.model import Line, RawDocument, Span

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

    lines: list[Line] = []
    document = pdfium.PdfDocument(str(path))
    count = len(document)
    try:
        for index in range(count):
            text = _ocr(binary, _render(document, index))
            lines.extend(Line(spans=[Span(row.rstrip())], page=index + 1, top=float(n))
                         for n, row in enumerate(text.splitlines()))
    finally:
        document.close()
    if not any(line.text.strip() for line in lines):
        raise NoTextLayer(f"no text layer, and OCR found no text on its {pages} pages")
    return RawDocument(path=str(path), format="pdf", lines=lines, pages=count or pages, engine="tesseract",
                       warnings=["read by OCR (no text layer): check the text"])


def _render(document: Any, index: int) -> Any:
    """The page as an image for OCR: 300 dpi, or less when the page claims to be huge."""
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
    return image


def _ocr(binary: str, image: object) -> str:
    import io

    buffer = io.BytesIO()
    image.save(buffer, format="PNG")  # type: ignore[attr-defined]
    try:
        result = subprocess.run([binary, "stdin", "stdout", "-l", "eng", "--psm", "6"], input=buffer.getvalue(),
                                capture_output=True, timeout=PAGE_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        return ""  # a page Tesseract cannot read in a minute adds no text
    return result.stdout.decode("utf-8", errors="replace")
