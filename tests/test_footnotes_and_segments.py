"""Footnote references and segmentation on hand-built blocks."""

from __future__ import annotations

from pathlib import Path

from extractor.layout.footnotes import line_text_and_refs, split_footnote_start
from extractor.model import Block, FootnoteRef, Layout, Line, Span
from extractor.segment import segment


def test_raised_digits_are_references_and_ordinals_are_text() -> None:
    line = Line(spans=[Span("its 316"), Span("th", 7, raised=True), Span(" Session in 2006."),
                       Span("12", 7, raised=True), Span(" Next")])
    assert line_text_and_refs(line) == ("its 316th Session in 2006. Next", [FootnoteRef("12", 26)])


def test_footnote_start_with_raised_or_plain_marker() -> None:
    assert split_footnote_start(Line(spans=[Span("3", 6, raised=True), Span(" Figures as at 31 August.", 10)])) == (
        "3", "Figures as at 31 August.")
    assert split_footnote_start(Line(spans=[Span("4 See GB.317/POL/8.", 10)])) == ("4", "See GB.317/POL/8.")
    assert split_footnote_start(Line(spans=[Span("continued text", 10)])) is None


def body(text: str, page: int = 1, refs: list[FootnoteRef] | None = None, **kw: object) -> Block:
    return Block(text=text, page_start=page, page_end=page, refs=refs or [], **kw)  # type: ignore[arg-type]


def test_paragraphs_items_sections_and_linked_footnotes() -> None:
    blocks = [
        body("Updates on activities", kind="heading", bold=True),
        body("6. Newly reported activities include the following:", refs=[FootnoteRef("1", 51)]),
        body("– A dialogue took place in January 2007."),
        body("(a) Within the ILO", kind="heading", bold=True),
        body("(b) a lettered item set as its own line;", page=2),
        body("7. The next paragraph (a) with inline (b) letters.", page=2, refs=[FootnoteRef("1", 10)]),
        body("Geneva, 7 February 2007.", page=2),
        Block(text="See GB.297/MNE/2/1.", kind="footnote", marker="1", page_start=1, page_end=1),
        Block(text="[footnotes restart]", kind="footnote", marker="1", page_start=2, page_end=2),
        Block(text="GB.298/MNE/2/1", kind="furniture", page_start=2, page_end=2),
    ]
    result = segment(Layout(blocks=blocks), "doc", Path("x.pdf"))
    rows = [(s.seg_id, s.kind, s.para, s.item, s.marker, s.section, s.text, s.footnote_refs) for s in result.segments]
    assert rows == [
        ("h1", "heading", "", "", "", "Updates on activities", "Updates on activities", []),
        ("p6", "paragraph", "6", "", "6.", "Updates on activities",
         "Newly reported activities include the following:", [("1", 48, "fn1")]),
        ("p6.1", "item", "6", "1", "–", "Updates on activities", "A dialogue took place in January 2007.", []),
        ("h2", "heading", "", "", "", "Updates on activities > (a) Within the ILO", "(a) Within the ILO", []),
        ("i1", "item", "", "1", "(b)", "Updates on activities > (a) Within the ILO",
         "(b) a lettered item set as its own line;", []),
        ("p7", "paragraph", "7", "", "7.", "Updates on activities > (a) Within the ILO",
         "The next paragraph (a) with inline (b) letters.", [("1", 7, "fn1~2")]),
        ("c1", "closing", "", "", "", "Updates on activities > (a) Within the ILO", "Geneva, 7 February 2007.", []),
        ("fn1", "footnote", "", "", "1", "", "See GB.297/MNE/2/1.", []),
        ("fn1~2", "footnote", "", "", "1", "", "[footnotes restart]", []),
        ("f1", "furniture", "", "", "", "", "GB.298/MNE/2/1", []),
    ]
    assert result.meta.symbol == "GB.298/MNE/2/1"  # from the running header
    assert result.meta.date == "2007-02-07"


def test_a_wrapped_line_starting_with_a_number_is_not_a_paragraph() -> None:
    blocks = [body("1. First."), body("2. Second."), body("79. members joined the Group.")]
    result = segment(Layout(blocks=blocks), "doc", Path("GB300-MNE-3.pdf"))
    assert [(s.seg_id, s.para) for s in result.segments] == [("p1", "1"), ("p2", "2"), ("p2~1", "2")]


def test_a_plain_short_line_before_a_paragraph_number_is_a_heading() -> None:
    blocks = [body("1. First paragraph."), body("Within the ILO"), body("2. Second paragraph."),
              body("3. Third paragraph."), body("An unfinished thought that goes on, and on"),
              body("but is followed by text.")]
    result = segment(Layout(blocks=blocks), "doc", Path("x.pdf"))
    assert [(s.seg_id, s.kind, s.section) for s in result.segments] == [
        ("p1", "paragraph", ""), ("h1", "heading", "Within the ILO"), ("p2", "paragraph", "Within the ILO"),
        ("p3", "paragraph", "Within the ILO"), ("p3~1", "paragraph", "Within the ILO"),
        ("p3~2", "paragraph", "Within the ILO")]
