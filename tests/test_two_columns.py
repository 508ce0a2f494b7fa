"""A two-column page whose left edges wander by a point or so, as a scan's do."""

from __future__ import annotations

from extractor.layout import lay_out
from extractor.model import Line, RawDocument, Span

WORDS = "words of a line that runs across most of its column"


def line(text: str, x0: float, top: float) -> Line:
    return Line(spans=[Span(text, 10.5, False, False, x0, x0 + 230.0 - (x0 % 100 > 20) * 20)], page=1, top=top,
                bottom=top + 10.5)


def column(numbers: list[tuple[str, float]], number_x: float, text_x: float) -> list[tuple[str, float, float]]:
    rows = []
    top = 100.0
    for number, jitter in numbers:
        rows.append((f"{number}. The {WORDS}", number_x + jitter, top))
        rows += [(f"{WORDS} {n}", text_x, top + 12.5 * n) for n in (1, 2)]
        rows.append((f"end of paragraph {number}.", text_x, top + 37.5))
        top += 62.5
    return rows


def test_paragraphs_read_down_the_left_column_then_the_right() -> None:
    left = column([("1", 0.8), ("2", -0.4), ("3", 0.3)], 57.0, 78.5)
    right = column([("4", 0.0), ("5", 0.0), ("6", 0.0)], 309.6, 330.7)
    lines = [line(text, x0, top) for text, x0, top in sorted(left + right, key=lambda row: (row[2], row[1]))]
    raw = RawDocument(path="scan.pdf", format="pdf", lines=lines, pages=1, page_width=595.0, page_height=842.0,
                      has_geometry=True, engine="tesseract")
    blocks = lay_out(raw).blocks
    assert [(block.kind, block.text[:5]) for block in blocks] == [
        ("body", f"{n}. Th") for n in range(1, 7)]
    assert blocks[0].text == f"1. The {WORDS} {WORDS} 1 {WORDS} 2 end of paragraph 1."
