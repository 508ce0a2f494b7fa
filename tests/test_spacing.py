"""Double-spaced text: a blank line after every printed line, two or more between paragraphs."""

from __future__ import annotations

from pathlib import Path

from extractor.layout.spacing import undouble
from extractor.model import Line, Span
from extractor.pipeline import read_and_segment
from tests.conftest import SAMPLES


def lines_of(text: str) -> list[Line]:
    return [Line(spans=[Span(t)], page=1, top=float(i)) for i, t in enumerate(text.split("\n"))]


PRINTED = [f"line {n} of a paragraph printed on a page, wrapped where the page ends" for n in range(12)]


def test_one_blank_line_is_spacing_and_two_are_a_paragraph_break() -> None:
    text = "\n\n".join(PRINTED[:6]) + "\n\n\n" + "\n\n".join(PRINTED[6:])
    assert [line.text for line in undouble(lines_of(text))] == [*PRINTED[:6], "", *PRINTED[6:]]


def test_single_spaced_text_stays_as_it_is() -> None:
    text = "\n".join(PRINTED[:6]) + "\n\n" + "\n".join(PRINTED[6:])
    assert [line.text for line in undouble(lines_of(text))] == text.split("\n")


def test_paragraphs_on_one_line_each_keep_their_blank_lines() -> None:
    paragraphs = [f"{n}. " + "A paragraph the file holds on one line, as long as it is. " * 4 for n in range(1, 13)]
    text = "\n\n".join(paragraphs)
    assert [line.text for line in undouble(lines_of(text))] == text.split("\n")


def test_a_double_spaced_paper_gives_the_paragraphs_of_the_single_spaced_one(tmp_path: Path) -> None:
    single = (SAMPLES / "GB298-MNE-2-1.txt").read_text(encoding="utf-8")
    double = tmp_path / "GB298-MNE-2-1.txt"
    double.write_text(single.replace("\n", "\n\n"), encoding="utf-8")
    expected = read_and_segment(SAMPLES / "GB298-MNE-2-1.txt", "GB298-MNE-2-1.txt", "text", None, "pdfium")
    result = read_and_segment(double, "GB298-MNE-2-1.txt", "text", None, "pdfium")
    assert [(s.kind, s.para, s.text) for s in result.segments] == [(s.kind, s.para, s.text) for s in expected.segments]
