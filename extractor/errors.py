"""Expected failures on bad input. Each names a cause that documents.csv reports."""

from __future__ import annotations


class InputError(Exception):
    """A file the pipeline cannot read as a GB paper; ``status`` is its cause."""

    status = "error"

    def __init__(self, message: str, status: str | None = None) -> None:
        super().__init__(message)
        if status:
            self.status = status


class EmptyFile(InputError):
    status = "empty"


class CorruptFile(InputError):
    status = "corrupt"


class EncryptedFile(InputError):
    status = "encrypted"


class NoTextLayer(InputError):
    status = "no-text"


class UnsupportedFormat(InputError):
    status = "unsupported"


class MissingDependency(InputError):
    status = "missing-dependency"


class TooLarge(InputError):
    status = "too-large"
