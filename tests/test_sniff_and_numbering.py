from __future__ import annotations

from pathlib import Path

import pytest

from extractor.read.numbering import Numbering, format_number, parse_numbering
from extractor.read.sniff import sniff
from tests.conftest import SAMPLES

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.mark.parametrize(("content", "kind"), [
    (b"%PDF-1.7\n...", "pdf"),
    (b"{\\rtf1\\ansi Some text}", "rtf"),
    (b"<html><body><p>1. Text</p></body></html>", "html"),
    (b"<!DOCTYPE html>\n<html>", "html"),
    (b"1. A paragraph of plain text.\n", "text"),
    ("1. Texte accentué en Latin-1.\n".encode("cp1252"), "text"),
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"\x00\x01\x02\x03binary", "binary"),
])
def test_type_comes_from_content_not_extension(tmp_path: Path, content: bytes, kind: str) -> None:
    path = tmp_path / "paper.doc"
    path.write_bytes(content)
    assert sniff(path) == kind


def test_real_files() -> None:
    assert sniff(SAMPLES / "GB298-MNE-2-1.doc") == "doc"
    assert sniff(SAMPLES / "GB298-MNE-2-1.docx") == "docx"
    assert sniff(SAMPLES / "GB298-MNE-2-1.pdf") == "pdf"
    assert sniff(SAMPLES / "GB298-MNE-2-1.txt") == "text"


def numbering_xml(levels: str, nums: str) -> bytes:
    return f"<w:numbering {W}><w:abstractNum w:abstractNumId=\"1\">{levels}</w:abstractNum>{nums}</w:numbering>".encode()


def level(ilvl: int, fmt: str, text: str, start: int = 1) -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl>')


def test_word_counts_paragraphs_letters_and_restarts() -> None:
    xml = numbering_xml(level(0, "decimal", "%1.") + level(1, "lowerLetter", "(%2)") + level(2, "bullet", "\uf02d"),
                        '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
                        '<w:num w:numId="6"><w:abstractNumId w:val="1"/>'
                        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>')
    numbering: Numbering = parse_numbering(xml)
    labels = [numbering.label("5", 0), numbering.label("5", 1), numbering.label("5", 1), numbering.label("5", 2),
              numbering.label("5", 0), numbering.label("5", 1), numbering.label("6", 0), numbering.label("0", 0)]
    assert labels == ["1.", "(a)", "(b)", "–", "2.", "(a)", "1.", ""]


@pytest.mark.parametrize(("value", "fmt", "text"), [
    (1, "decimal", "1"), (28, "lowerLetter", "ab"), (4, "upperRoman", "IV"), (9, "lowerRoman", "ix"),
    (3, "upperLetter", "C"), (7, "decimalZero", "07"),
])
def test_format_number(value: int, fmt: str, text: str) -> None:
    assert format_number(value, fmt) == text
