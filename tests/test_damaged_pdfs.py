"""PDFs damaged in the ways a fuzzed or broken archive holds them: each gets a cause and a message, never
"failed" (which stays for bugs), and the same file gets the same status and message on every run."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from extractor import batch
from extractor.read.ocr import tesseract_path
from extractor.read.pdf import _character
from extractor.settings import Settings
from tests.badfiles import pdf, shifted_pdf

PAPER = [["GB.301/PFA/9", "1. The Office met the IOE in Geneva in 2008.", "2. It trained 45 participants."]]
SECOND = ["3. A second page that PDFium cannot load."]


def read(folder: Path, names: list[str]) -> list[tuple[str, str, str]]:
    summary = batch.run([folder / name for name in names], folder / "out", Settings(workers=1, use_cache=False))
    return [(r.doc_id, str(r.status), r.message) for r in summary.results]


def test_a_page_pdfium_cannot_load_is_read_by_the_fallback_parser_and_said(tmp_path: Path) -> None:
    good = pdf([*PAPER, SECOND])
    (tmp_path / "page-not-a-dictionary.pdf").write_bytes(good.replace(b"/Kids [4 0 R 6 0 R]", b"/Kids [4 0 R 3 0 R]"))
    (tmp_path / "page-missing.pdf").write_bytes(good.replace(b"/Kids [4 0 R 6 0 R]", b"/Kids [4 0 R 99 0 R]"))
    warning = ("damaged PDF (page 2 of the PDF is damaged and cannot be loaded (Failed to load page.)); read by "
               "the fallback parser: pages may be missing")
    assert read(tmp_path, ["page-not-a-dictionary.pdf", "page-missing.pdf"]) == [
        ("page-not-a-dictionary.pdf", "ok", warning), ("page-missing.pdf", "ok", warning)]


def test_a_scan_whose_page_claims_to_be_huge_is_rendered_smaller(tmp_path: Path) -> None:
    # a page 1,000,000,000 points wide: rendered at 300 dpi it would not fit a C int (OverflowError)
    huge = pdf([[]]).replace(b"/MediaBox [0 0 612 792]", b"/MediaBox [0 0 1000000000 1000000000]")
    (tmp_path / "huge-page.pdf").write_bytes(huge)
    message = ("no text layer, and OCR found no text on its 1 pages" if tesseract_path() else
               "no text layer on any of its 1 pages (a scan?); install tesseract-ocr to read it")
    assert read(tmp_path, ["huge-page.pdf"]) == [("huge-page.pdf", "no-text", message)]


@pytest.mark.parametrize(("damage", "message"), [
    ((b"/R 4 ", b"/R 99"), "the PDF is encrypted with a user password"),
    ((b"/O <", b"/X <"), "the PDF is encrypted with a user password"),
    ((b"/Filter /Standard", b"/Filter /Bogus1234"),
     "the PDF is encrypted, and its encryption cannot be read (PDFium: Unsupported security scheme error)"),
])
def test_a_damaged_encryption_dictionary_is_encrypted_on_every_run(tmp_path: Path, damage: tuple[bytes, bytes],
                                                                    message: str) -> None:
    source = tmp_path / "plain.pdf"
    source.write_bytes(pdf(PAPER))
    with pikepdf.open(source) as document:
        document.save(tmp_path / "locked.pdf", encryption=pikepdf.Encryption(owner="o", user="u", R=4))
    locked = (tmp_path / "locked.pdf").read_bytes()
    assert damage[0] in locked
    (tmp_path / "damaged.pdf").write_bytes(locked.replace(*damage))
    first, second = read(tmp_path, ["damaged.pdf"]), read(tmp_path, ["damaged.pdf"])
    assert first == second == [("damaged.pdf", "encrypted", message)]


def test_characters_from_utf16_code_units() -> None:
    codes = [0x41, 0xD83D, 0xDE00, 0x42, 0xDC00, 0xD800, 0x43, 0]
    assert [_character(codes, i) for i in range(len(codes))] == ["A", "\U0001F600", "", "B", "\ufffd", "\ufffd", "C",
                                                                 ""]


GARBLED = ["GB.298/MNE/2/1", "298th Session", "Geneva, March 2007", "Subcommittee on Multinational Enterprises",
           "The Office reported on the activities of the International Training Centre",
           "of the ILO and on the work of the InFocus Initiative on corporate social",
           "responsibility in the regions and at headquarters during the year.",
           "1. The Office held a forum on social auditing in March 2007.",
           "2. The Office met the International Organisation of Employers in Geneva.",
           "3. The Group met six times in Turin and Jakarta."]


@pytest.mark.skipif(tesseract_path() is None, reason="tesseract is not installed (./scripts/setup installs it)")
def test_a_text_layer_that_does_not_read_as_text_is_read_by_ocr(tmp_path: Path) -> None:
    (tmp_path / "shifted.pdf").write_bytes(shifted_pdf(GARBLED))
    assert read(tmp_path, ["shifted.pdf"]) == [("shifted.pdf", "ok", "its text layer does not read as text (fonts "
                                                "without a usable Unicode map): read by OCR, check the text")]
    segments = (tmp_path / "out" / "segments.csv").read_text(encoding="utf-8")
    assert "The Office held a forum on social auditing in March 2007." in segments and "7KH" not in segments


def test_without_ocr_a_text_layer_that_does_not_read_as_text_is_no_text(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("extractor.read.ocr.tesseract_path", lambda: None)
    (tmp_path / "shifted.pdf").write_bytes(shifted_pdf(GARBLED))
    assert read(tmp_path, ["shifted.pdf"]) == [("shifted.pdf", "no-text", "its text layer does not read as text "
                                                "(fonts without a usable Unicode map); install tesseract-ocr to read "
                                                "the printed pages")]
