"""PDF -> lines with page, position, size and weight.

Two engines give the same characters to ``lines.build_lines``: pypdfium2
(the default, about 20 times faster here) and pdfplumber (pure Python,
for comparison and as a fallback).
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from extractor.errors import CorruptFile, EncryptedFile
from extractor.model import Line, RawDocument
from extractor.read.lines import Char, build_lines, is_bold_font

ENGINES = ("pdfium", "pdfplumber")
PageChars = tuple[int, float, float, list[Char]]


def read_pdf(path: Path, engine: str = "pdfium") -> RawDocument:
    try:
        return _read_pdf(path, engine)
    except CorruptFile as first:
        if engine != "pdfium":
            raise
        try:  # pdfminer rebuilds what it can of a damaged file; say so
            raw = _read_pdf(path, "pdfplumber")
        except Exception:
            raise first from None
        raw.warnings.append(f"damaged PDF ({first}); read by the fallback parser: pages may be missing")
        return raw


def _read_pdf(path: Path, engine: str) -> RawDocument:
    pages = _pdfium_pages(path) if engine == "pdfium" else _pdfplumber_pages(path)
    lines: list[Line] = []
    count = 0
    size = (0.0, 0.0)
    for number, width, height, chars in pages:
        count, size = number, (width, height)
        lines.extend(build_lines(chars, number))
    if count == 0:
        raise CorruptFile("the PDF has no pages")
    if not any(line.text.strip() for line in lines):
        from extractor.read.ocr import read_scanned_pdf

        return read_scanned_pdf(path, count)
    return RawDocument(
        path=str(path), format="pdf", lines=lines, pages=count,
        page_width=size[0], page_height=size[1], has_geometry=True, engine=engine,
    )


def _pdfium_pages(path: Path) -> Iterator[PageChars]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise EncryptedFile("the PDF is encrypted with a user password") from error
        raise CorruptFile(f"the PDF is damaged or truncated and cannot be opened ({error})") from error
    try:
        for index in range(len(document)):
            page = document[index]
            width, height = page.get_size()
            textpage = page.get_textpage()
            try:
                yield index + 1, width, height, _pdfium_chars(raw, textpage.raw, height)
            finally:
                textpage.close()
                page.close()
    finally:
        document.close()


def _pdfium_chars(raw: object, textpage: object, height: float) -> list[Char]:
    api: Any = raw  # the raw module: functions named after pdfium's C API
    unicode, generated, origin = api.FPDFText_GetUnicode, api.FPDFText_IsGenerated, api.FPDFText_GetCharOrigin
    loose_box, font_size = api.FPDFText_GetLooseCharBox, api.FPDFText_GetFontSize
    text_object = api.FPDFText_GetTextObject
    rect = api.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    rect_ref, ox_ref, oy_ref = ctypes.byref(rect), ctypes.byref(ox), ctypes.byref(oy)
    name = ctypes.create_string_buffer(128)
    flags = ctypes.byref(ctypes.c_int())
    bold_by_object: dict[int, bool] = {}
    void_p = ctypes.c_void_p
    chars: list[Char] = []
    for i in range(api.FPDFText_CountChars(textpage)):
        code = unicode(textpage, i)
        if code in (13, 10) or generated(textpage, i) == 1:
            continue
        if code == 32:
            chars.append(Char(" ", 0, 0, 0, 0, False))
            continue
        loose_box(textpage, i, rect_ref)
        origin(textpage, i, ox_ref, oy_ref)
        size = font_size(textpage, i)
        key = ctypes.cast(text_object(textpage, i), void_p).value or 0
        bold = bold_by_object.get(key)
        if bold is None:  # one text object, one font: read its name once
            api.FPDFText_GetFontInfo(textpage, i, name, len(name), flags)
            bold = bold_by_object[key] = is_bold_font(name.value.decode("latin-1"))
        chars.append(Char(chr(code) if code else "", rect.left, rect.right, height - oy.value, round(size, 1), bold))
    return chars


def _pdfplumber_pages(path: Path) -> Iterator[PageChars]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(str(path))
    except PDFPasswordIncorrect as error:
        raise EncryptedFile("the PDF is encrypted with a user password") from error
    except Exception as error:  # pdfminer raises many kinds of errors on damaged files
        raise CorruptFile(f"the PDF is damaged or truncated and cannot be opened ({error})") from error
    with pdf:
        for index, page in enumerate(pdf.pages):
            height = float(page.height)
            page_top = float(page.bbox[1])
            chars = []
            for c in page.chars:
                if c["text"] == " ":
                    chars.append(Char(" ", 0, 0, 0, 0, False))
                    continue
                baseline = height - (float(c["matrix"][5]) - float(page.mediabox[1])) - page_top
                chars.append(Char(c["text"], float(c["x0"]), float(c["x1"]), baseline,
                                  round(float(c["size"]), 1), is_bold_font(c.get("fontname", ""))))
            yield index + 1, float(page.width), height, chars
            page.flush_cache()
