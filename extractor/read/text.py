"""Plain text (a PDF flattened to text, or a ``.doc`` that is really text) -> lines.

No geometry: one line per line of the file. A form feed starts a new page.
"""

from __future__ import annotations

from pathlib import Path

from extractor.errors import EmptyFile
from extractor.model import Line, RawDocument, Span
from extractor.read.encoding import decode_text


def read_text(path: Path) -> RawDocument:
    text = decode_text(path.read_bytes()).replace("\r\n", "\n").replace("\r", "\n")
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
