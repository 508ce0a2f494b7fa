"""Readers: one module per format, each returning a ``RawDocument`` of lines."""

from __future__ import annotations

from pathlib import Path

from extractor.errors import CorruptFile, EmptyFile, UnsupportedFormat
from extractor.model import RawDocument
from extractor.read.docx import read_docx
from extractor.read.html import read_html
from extractor.read.pdf import read_pdf
from extractor.read.text import read_text

NEEDS_CONVERSION = {"doc", "rtf", "odt"}
EXTENSIONS = {".pdf", ".doc", ".docx", ".rtf", ".txt", ".htm", ".html", ".odt"}


def read_document(path: Path, kind: str, converted: Path | None = None, pdf_engine: str = "pdfium") -> RawDocument:
    """Read a file whose real type ``kind`` was sniffed; ``converted`` is its DOCX made by LibreOffice."""
    if kind == "empty":
        raise EmptyFile("the file is empty")
    if kind == "pdf":
        return read_pdf(path, pdf_engine)
    if kind == "docx":
        return read_docx(path)
    if kind in NEEDS_CONVERSION:
        if converted is None:
            raise CorruptFile(f"no DOCX conversion of this {kind.upper()} file")
        raw = read_docx(converted, fmt=kind)
        raw.path = str(path)
        return raw
    if kind == "html":
        return read_html(path)
    if kind == "text":
        return read_text(path)
    if kind == "ole":
        raise UnsupportedFormat("an OLE file that is not a Word document (Excel or PowerPoint?)")
    raise UnsupportedFormat(f"not a document this tool reads (content looks like {kind})")
