"""The same paper from other PDF producers gives the same segments (see tests/data/producers/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.pipeline import read_and_segment
from extractor.read.lines import Char, unswap_ligatures
from tests.badfiles import pdf

DATA = Path(__file__).resolve().parent / "data"
ORIGINAL = DATA / "heldout" / "GB.331-POL-5.pdf"


def segments(path: Path, engine: str = "pdfium") -> list[tuple[str, str, str, str]]:
    result = read_and_segment(path, "GB.331-POL-5.pdf", "pdf", None, engine)
    return [(s.kind, s.para, s.item, s.text) for s in result.segments]


@pytest.mark.parametrize("producer", ["ghostscript", "cairo"])
def test_another_producer_gives_the_same_segments(producer: str) -> None:
    assert segments(DATA / "producers" / f"GB.331-POL-5-{producer}.pdf") == segments(ORIGINAL)


def test_ghostscript_ligatures_read_as_their_letters() -> None:
    texts = [text for _, _, _, text in segments(DATA / "producers" / "GB.331-POL-5-ghostscript.pdf")]
    assert not any("\u6600" in text or "\u6900" in text for text in texts)
    assert sum(text.count("Office") for text in texts) == sum(text.count("Office") for _, _, _, text in
                                                               segments(ORIGINAL))


def chars(text: str) -> list[Char]:
    return [Char(c, float(i), float(i) + 1, 10.0, 10.0, False) for i, c in enumerate(text)]


@pytest.mark.parametrize(("swapped", "read"), [
    ("O\u6600\u6600ice", "Office"),
    ("\u6600\u6900eld", "field"),
    ("con\u6600\u6c00ict", "conflict"),
    ("\u6600\u6900", "fi"),  # two together are letters too
    ("\u4e00 \u6600", "\u4e00 \u6600"),  # CJK text stays: no Latin letter beside it
])
def test_byte_swapped_letters(swapped: str, read: str) -> None:
    found = chars(swapped)
    unswap_ligatures(found)
    assert "".join(c.text for c in found) == read


@pytest.mark.parametrize("matrix", ["0 1 -1 0 100 72 Tm", "-1 0 0 -1 540 100 Tm", "0 -1 1 0 500 720 Tm"])
def test_text_set_turned_on_the_page_reads_as_printed(tmp_path: Path, matrix: str) -> None:
    """A page printed turned (a landscape table on an upright page): a quarter turn either way, or upside
    down."""
    lines = ["GB.301/PFA/9", "1. The Office met the IOE in Geneva in May 2008.",
             "2. It trained 45 participants in Turin.", "3. The budget was US$300,000."]
    path = tmp_path / "turned.pdf"
    path.write_bytes(pdf([lines], start=matrix))
    result = read_and_segment(path, "turned.pdf", "pdf", None, "pdfium")
    assert [(s.kind, s.para, s.text) for s in result.segments] == [
        ("title", "", "GB.301/PFA/9"), ("paragraph", "1", "The Office met the IOE in Geneva in May 2008."),
        ("paragraph", "2", "It trained 45 participants in Turin."), ("paragraph", "3", "The budget was US$300,000.")]
