"""Text files and web pages in the encodings archives hold them: Windows-1252, UTF-16 with and without a
byte-order mark, UTF-8 mixed with Windows-1252, and mojibake."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.layout.assemble import clean_row
from extractor.read.encoding import decode_text, text_encoding
from extractor.read.sniff import sniff
from extractor.read.text import read_text

PARAGRAPH = "1. The Office’s report – on Côte d’Ivoire – shows a rise of 12 per cent in 2006.\n"
PAGE = "<html><body><p>1. Côte d’Ivoire</p></body></html>"


@pytest.mark.parametrize(("content", "kind"), [
    (PARAGRAPH.encode("cp1252") * 60, "text"),
    ((PARAGRAPH * 60)[:-1].encode("cp1252"), "text"),  # an odd number of bytes, as an even one above
    (PARAGRAPH.encode("utf-16-le") * 30, "text"),
    (PARAGRAPH.encode("utf-16-be") * 30, "text"),
    (PARAGRAPH.encode("utf-16") * 30, "text"),
    (PAGE.encode("utf-16"), "html"),
    (PAGE.encode("utf-16-le"), "html"),
    (PAGE.encode("cp1252"), "html"),
    (b"\xef\xbb\xbf" + b"{\\rtf1\\ansi Text}", "rtf"),
    (bytes(range(1, 32)) * 40, "binary"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
])
def test_the_type_of_text_in_any_encoding(tmp_path: Path, content: bytes, kind: str) -> None:
    path = tmp_path / "paper.txt"
    path.write_bytes(content)
    assert sniff(path) == kind


@pytest.mark.parametrize(("content", "encoding"), [
    (PARAGRAPH.encode("utf-8"), "utf-8"),
    (PARAGRAPH.encode("utf-8-sig"), "utf-8-sig"),
    (PARAGRAPH.encode("cp1252"), "utf-8"),  # decoded as UTF-8, with each invalid byte read as Windows-1252
    (PARAGRAPH.encode("utf-16"), "utf-16"),
    (PARAGRAPH.encode("utf-16-le"), "utf-16-le"),
    (PARAGRAPH.encode("utf-16-be"), "utf-16-be"),
    (b"text\x00with a stray zero byte", None),
])
def test_encoding_from_the_bytes(content: bytes, encoding: str | None) -> None:
    assert text_encoding(content) == encoding


@pytest.mark.parametrize("content", [
    PARAGRAPH.encode("utf-8"),
    PARAGRAPH.encode("cp1252"),
    PARAGRAPH.encode("utf-16-le"),
    PARAGRAPH.encode("utf-8").decode("cp1252").encode("utf-8"),  # mojibake: "Côte dâ€™Ivoire"
])
def test_every_encoding_gives_the_same_text(content: bytes) -> None:
    assert decode_text(content) == PARAGRAPH


def test_a_file_half_utf8_half_windows_1252_keeps_both_halves() -> None:
    content = "1. Côte d’Ivoire\n".encode() + "2. Côte d’Ivoire\n".encode("cp1252")
    assert decode_text(content) == "1. Côte d’Ivoire\n2. Côte d’Ivoire\n"


def test_repair_changes_nothing_else() -> None:
    text = "“Quoted” ﬁnance, ＧＢ, a\u00a0no-break space and a soft\u00adhyphen; SÃO PAULO in capitals.\n"
    assert decode_text(text.encode()) == text


def test_a_windows_1252_paper_is_read_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "GB.282-MNE-3.txt"
    path.write_bytes("GB.282/MNE/3\r\n282nd Session\r\n\r\n1. The Office’s report – 12 per cent.\r\n".encode("cp1252"))
    raw = read_text(path)
    assert [line.text for line in raw.lines] == ["GB.282/MNE/3", "282nd Session", "",
                                                 "1. The Office’s report – 12 per cent.", ""]


def test_table_cells_are_cleaned_one_by_one() -> None:
    assert clean_row("West\u00a0and  Central Africa \t Belgium\t$5\u00a0100 000 ") == (
        "West and Central Africa\tBelgium\t$5 100 000")
