"""Layout clean-up: furniture, footnotes, hyphenation, side headings -> blocks."""

from __future__ import annotations

from extractor.layout.assemble import PARA_NUMBER, dot_numbering
from extractor.layout.geometric import lay_out_geometric
from extractor.layout.plaintext import lay_out_text
from extractor.layout.wordpara import lay_out_paragraphs
from extractor.model import Layout, RawDocument

MIN_NUMBERED = 2  # paragraphs: fewer, and the page may be a flattened text printed to PDF


def lay_out(raw: RawDocument) -> Layout:
    if raw.engine != "docx":
        raw.lines = dot_numbering(raw.lines)  # Word's numbering labels say themselves what they are
    if raw.has_geometry:
        return _geometric_or_flattened(raw)
    if raw.format in ("text", "html"):
        return lay_out_text(raw)
    return lay_out_paragraphs(raw)


def _geometric_or_flattened(raw: RawDocument) -> Layout:
    """A PDF's layout by its geometry; but a PDF printed from a flattened text (paragraphs run together on
    the lines, numbers in mid-line) shows them only to the plain-text layout, which cuts at the numbers."""
    geometric = lay_out_geometric(raw)
    found = _numbered(geometric)
    if found >= MIN_NUMBERED:
        return geometric
    flattened = lay_out_text(raw)
    return flattened if _numbered(flattened) > found else geometric


def _numbered(layout: Layout) -> int:
    return sum(1 for block in layout.blocks if block.kind == "body" and PARA_NUMBER.match(block.text))
