"""Scanned PDFs (image only): the pages' text through Tesseract OCR, when it is installed.

Each page is rendered at 300 dpi with pypdfium2 and read by the ``tesseract``
command; the text then goes through the plain-text layout like a flattened PDF.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from extractor.errors import NoTextLayer
from extractor.model import Line, RawDocument, Span

DPI = 300
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
            page = document[index]
            image = page.render(scale=DPI / 72).to_pil()
            page.close()
            text = _ocr(binary, image)
            lines.extend(Line(spans=[Span(row.rstrip())], page=index + 1, top=float(n))
                         for n, row in enumerate(text.splitlines()))
    finally:
        document.close()
    if not any(line.text.strip() for line in lines):
        raise NoTextLayer(f"no text layer, and OCR found no text on its {pages} pages")
    return RawDocument(path=str(path), format="pdf", lines=lines, pages=count or pages, engine="tesseract",
                       warnings=["read by OCR (no text layer): check the text"])


def _ocr(binary: str, image: object) -> str:
    import io

    buffer = io.BytesIO()
    image.save(buffer, format="PNG")  # type: ignore[attr-defined]
    result = subprocess.run([binary, "stdin", "stdout", "-l", "eng", "--psm", "6"], input=buffer.getvalue(),
                            capture_output=True, timeout=PAGE_SECONDS, check=False)
    return result.stdout.decode("utf-8", errors="replace")
