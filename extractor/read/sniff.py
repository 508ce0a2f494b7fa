"""Find a file's real type from its first bytes, whatever its extension says.

Archives hold ``.doc`` files that are RTF, HTML or plain text, and PDFs saved
as ``.doc``; the extension is only a hint.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from extractor.read.encoding import decode_text, text_encoding

HTML_TAG = re.compile(r"<(?:head|body|title|meta|table|p|div|h[1-6]|br|font|center|ol|ul)[\s>/]")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(path: Path) -> str:
    """Return pdf, docx, odt, doc, ole, rtf, html, text, zip, empty or binary."""
    with path.open("rb") as handle:
        head = handle.read(4096)
    if not head.strip(b" \t\r\n\x00"):
        return "empty"
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(OLE_MAGIC):
        return "doc" if _is_word_ole(path) else "ole"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path)
    if text_encoding(head) is None:
        return "binary"
    sample = decode_text(head)
    stripped = sample.lstrip("\ufeff \t\r\n")
    if stripped.startswith("{\\rtf"):
        return "rtf"
    lower = stripped[:1024].lower()
    if lower.startswith("<?xml") and "w:worddocument" in sample.lower():
        return "html"  # Word 2003 XML: LibreOffice reads it like HTML, through conversion
    if lower.startswith(("<!doctype html", "<html")) or "<html" in lower or (
            lower.startswith("<") and HTML_TAG.search(lower)):
        return "html"  # a page, or a page's body saved without its <html> wrapper
    return "text" if _mostly_printable(sample) else "binary"


def _is_word_ole(path: Path) -> bool:
    import olefile

    try:
        with olefile.OleFileIO(str(path)) as ole:
            return bool(ole.exists("WordDocument"))
    except Exception:  # damaged OLE: let the DOC reader report the cause
        return True


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "mimetype" in names and b"opendocument.text" in archive.read("mimetype"):
                return "odt"
    except (zipfile.BadZipFile, OSError, ValueError):
        return "docx"  # truncated archive: the DOCX reader reports it as corrupt
    return "zip"


def _mostly_printable(sample: str) -> bool:
    printable = sum(ch.isprintable() or ch in "\r\n\t\f" for ch in sample)
    return printable >= 0.95 * max(len(sample), 1)
