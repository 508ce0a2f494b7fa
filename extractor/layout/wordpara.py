"""Word paragraphs (DOCX, and DOC/RTF/HTML through LibreOffice) -> blocks.

Word already knows its paragraphs, footnotes and furniture: what is left is
to join each paragraph's lines, keep title-block cells line by line, and tell
headings from body text by style and weight.
"""

from __future__ import annotations

from itertools import groupby

from extractor.layout.assemble import assemble, clean, clean_row
from extractor.model import Block, Layout, Line, RawDocument
from extractor.read.docx import TABLE_ROW


def lay_out_paragraphs(raw: RawDocument) -> Layout:
    blocks: list[Block] = []
    footnotes: list[Block] = []
    furniture: list[Block] = []
    for (region, _), group in groupby(raw.lines, key=lambda line: (line.region, line.block)):
        lines = list(group)
        if region in ("header", "footer"):
            furniture.extend(_furniture(line) for line in lines if line.text.strip())
        elif region == "footnote":
            footnotes.extend(_footnotes(lines))
        elif region == "table":
            blocks.extend(_table_block(line) if line.style == TABLE_ROW else _block([line], in_table=True)
                          for line in lines if line.text.strip() or line.label)
        else:
            block = _block(lines, in_table=False)
            if block.text or block.label:
                blocks.append(block)
    return Layout(blocks=blocks + footnotes + furniture, body_size=_body_size(raw.lines))


def _block(lines: list[Line], in_table: bool) -> Block:
    text, refs = assemble(lines, None)
    first = lines[0]
    heading = first.heading_level > 0 or first.style in ("title", "subtitle") or (first.bold and not first.label)
    return Block(
        text=text, kind="heading" if heading and text else "body",
        page_start=first.page, page_end=lines[-1].page, label=clean(first.label).strip(), refs=refs,
        bold=first.bold, size=first.size, style=first.style, heading_level=first.heading_level,
        in_table=in_table, align=first.align,
    )


def _table_block(line: Line) -> Block:
    """A data table's row: its cells, joined by tabs, as one block."""
    return Block(text=clean_row(line.text), kind="table",
                 page_start=line.page, page_end=line.page, in_table=True)


def _footnotes(lines: list[Line]) -> list[Block]:
    blocks = []
    for marker, group in groupby(lines, key=lambda line: line.footnote):
        note = list(group)
        text, _ = assemble(note, None)
        blocks.append(Block(text=text, kind="footnote", marker=marker, page_start=note[0].page,
                            page_end=note[-1].page, size=note[0].size))
    return blocks


def _furniture(line: Line) -> Block:
    return Block(text=clean(line.text).strip(), kind="furniture", page_start=line.page, page_end=line.page)


def _body_size(lines: list[Line]) -> float:
    weights: dict[float, int] = {}
    for line in lines:
        if line.region == "body":
            weights[line.size] = weights.get(line.size, 0) + len(line.text)
    return max(weights, key=lambda k: weights[k]) if weights else 12.0
