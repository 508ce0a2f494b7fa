"""Layout clean-up: furniture, footnotes, hyphenation, side headings -> blocks."""

from __future__ import annotations

from extractor.layout.assemble import dot_numbering
from extractor.layout.geometric import lay_out_geometric
from extractor.layout.plaintext import lay_out_text
from extractor.layout.wordpara import lay_out_paragraphs
from extractor.model import Layout, RawDocument


def lay_out(raw: RawDocument) -> Layout:
    if raw.engine != "docx":
        raw.lines = dot_numbering(raw.lines)  # Word's numbering labels say themselves what they are
    if raw.has_geometry:
        return lay_out_geometric(raw)
    if raw.format in ("text", "html") or raw.engine == "tesseract":
        return lay_out_text(raw)
    return lay_out_paragraphs(raw)
