"""Expected failures on bad input. Each names a cause that documents.csv reports."""

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
    status = Status.EMPTY


class CorruptFile(InputError):
    status = Status.CORRUPT


class EncryptedFile(InputError):
    status = Status.ENCRYPTED


class NoTextLayer(InputError):
    status = Status.NO_TEXT


class UnsupportedFormat(InputError):
    status = Status.UNSUPPORTED


class MissingDependency(InputError):
    status = Status.MISSING_DEPENDENCY


class TooLarge(InputError):
    status = Status.TOO_LARGE
