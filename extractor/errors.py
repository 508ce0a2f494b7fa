"""Expected failures on bad input. Each names a cause (a ``Status``) that documents.csv reports, and the
message says what was wrong with the file."""

from __future__ import annotations

from extractor.model import Status


class InputError(Exception):
    """A file the pipeline cannot read as a GB paper; ``status`` is its cause."""

    status = Status.FAILED

    def __init__(self, message: str, status: Status | str | None = None) -> None:
        super().__init__(message)
        if status:
            self.status = Status(status)


class EmptyFile(InputError):
    """No bytes, or nothing but white space and markup."""

    status = Status.EMPTY


class CorruptFile(InputError):
    """Damaged or truncated: a PDF without its cross-reference table, a DOCX that is no ZIP, an OLE file
    without a Word stream, or a file LibreOffice could not convert."""

    status = Status.CORRUPT


class EncryptedFile(InputError):
    """Password-protected (PDF or Word); the message says so, and nothing is read."""
    status = Status.ENCRYPTED


class NoTextLayer(InputError):
    """A scan: pages without text, and OCR unavailable or without result.

    Install tesseract-ocr (``./scripts/setup`` does) to read scans."""

    status = Status.NO_TEXT


class UnsupportedFormat(InputError):
    status = Status.UNSUPPORTED  # not a PDF, Word, RTF, ODT, HTML or text file, whatever its extension says


class MissingDependency(InputError):
    """A program the format needs is not installed (LibreOffice for .doc, .rtf and .odt)."""

    status = Status.MISSING_DEPENDENCY


class TooLarge(InputError):
    """A part that would inflate beyond the limit (a ZIP bomb), refused before it is read."""

    status = Status.TOO_LARGE
