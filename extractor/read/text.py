"""Plain text (a PDF flattened to text, or a ``.doc`` that is really text) -> lines.

No geometry: one line per line of the file. A form feed starts a new page.
"""

from __future__ import annotations

from pathlib import Path

from extractor.errors import EmptyFile
from extractor.model import Line, RawDocument, Span


def decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_text(path: Path) -> RawDocument:
    text = decode(path.read_bytes()).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyFile("the file holds no text")
    lines: list[Line] = []
    page = 1
    for number, raw in enumerate(text.split("\n")):
        pieces = raw.split("\f")
        for index, piece in enumerate(pieces):
            if index:
                page += 1
            lines.append(Line(spans=[Span(piece.rstrip())], page=page, top=float(number)))
    return RawDocument(path=str(path), format="text", lines=lines, pages=page, engine="text")
