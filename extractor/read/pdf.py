"""PDF -> lines with page, position, size and weight.

Two engines give the same characters to ``lines.build_lines``: pypdfium2
(the default, about 20 times faster here) and pdfplumber (pure Python,
for comparison and as a fallback).
"""

from __future__ import annotations

import ctypes
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, cast

from extractor.errors import CorruptFile, EncryptedFile, InputError, NoTextLayer
from extractor.model import Line, RawDocument
from extractor.read.garbled import reads_as_text
from extractor.read.lines import Char, build_lines, is_bold_font

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
    if not reads_as_text(line.text for line in lines):
        return _read_garbled(path, count)
    return RawDocument(
        path=str(path), format="pdf", lines=lines, pages=count,
        page_width=size[0], page_height=size[1], has_geometry=True, engine=engine,
    )


def _read_garbled(path: Path, pages: int) -> RawDocument:
    """A text layer that does not read as text (fonts without a usable Unicode map): the page images,
    through OCR, say what the paper prints."""
    from extractor.read.ocr import read_scanned_pdf, tesseract_path

    cause = "its text layer does not read as text (fonts without a usable Unicode map)"
    if tesseract_path() is None:
        raise NoTextLayer(f"{cause}; install tesseract-ocr to read the printed pages")
    raw = read_scanned_pdf(path, pages)
    raw.warnings = [f"{cause}: read by OCR, check the text"]
    return raw


# what the PDF libraries raise on a damaged file, besides their own errors: a number too large for C, a
# broken stream, a dictionary entry of the wrong kind
LIBRARY_ERRORS: tuple[type[Exception], ...] = (ValueError, OverflowError, KeyError, TypeError, IndexError,
                                                AttributeError, AssertionError, RecursionError, struct.error,
                                                zlib.error, EOFError)


def _pdfium_pages(path: Path) -> Iterator[PageChars]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        raise _unopened(path, error) from error
    try:
        for index in range(len(document)):
            try:
                page = document[index]
                width, height = page.get_size()
                textpage = page.get_textpage()
            except (pdfium.PdfiumError, *LIBRARY_ERRORS) as error:
                raise CorruptFile(f"page {index + 1} of the PDF is damaged and cannot be loaded ({error})") from error
            try:
                yield index + 1, width, height, _pdfium_chars(raw, textpage.raw, (width, height))
            finally:
                textpage.close()
                page.close()
    finally:
        document.close()


def _unopened(path: Path, error: Exception) -> InputError:
    """Why PDFium could not open a file, decided by the file itself: encrypted when its trailer names an
    encryption dictionary (whole or damaged: PDFium's own error code for a damaged one varies), else
    damaged."""
    if "password" in str(error).lower():
        return EncryptedFile("the PDF is encrypted with a user password")
    if _names_encryption(path):
        return EncryptedFile(f"the PDF is encrypted, and its encryption cannot be read ({_reason(error)})")
    return CorruptFile(f"the PDF is damaged or truncated and cannot be opened ({error})")


def _reason(error: Exception) -> str:
    """PDFium's own words: "Failed to load document (PDFium: Unsupported security scheme error)." -> the
    part in brackets."""
    text = str(error).rstrip(".")
    return text[text.find("(") + 1:text.rfind(")")] if "(" in text and text.endswith(")") else text


def _names_encryption(path: Path) -> bool:
    with path.open("rb") as handle:
        handle.seek(0, 2)
        size = handle.tell()
        handle.seek(max(0, size - (1 << 16)))
        tail = handle.read()
    return b"/Encrypt" in tail


def _pdfium_chars(raw: object, textpage: Any, page_size: tuple[float, float]) -> list[Char]:
    """Every character of a page with its box, baseline, size and weight, through PDFium's C API: the text
    in one call, then three calls a character (box, origin, text object); size and font once per text
    object. The calls go through prototypes without argument checks, which cost more than the calls."""
    api = _fast_api(raw)
    handle = ctypes.cast(textpage, ctypes.c_void_p).value
    count = api.count(handle)
    codes = _codes(api, handle, count)
    rect = FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    rect_ref, ox_ref, oy_ref = ctypes.byref(rect), ctypes.byref(ox), ctypes.byref(oy)
    loose_box, origin, text_object = api.loose_box, api.origin, api.text_object
    styles: dict[int, tuple[float, bool, int]] = {}  # text object -> (font size, bold, quarter turns)
    height = page_size[1]
    chars: list[Char] = []
    append = chars.append
    last_key, size, bold, turns = -1, 0.0, False, 0
    space = False  # a space glyph the file holds stood before the next character
    for i, code in enumerate(codes):
        if code in WHITESPACE:
            space = space or (code == 32 and not api.generated(handle, i))
            continue
        loose_box(handle, i, rect_ref)
        origin(handle, i, ox_ref, oy_ref)
        key = text_object(handle, i) or 0
        if key != last_key:  # one text object, one font and size: read them once
            style = styles.get(key)
            if style is None:
                style = styles[key] = _style(api, handle, i)
            last_key, (size, bold, turns) = key, style
        text = chr(code) if 0 < code < 0xD800 else _character(codes, i)
        if turns:
            append(_turned(Char(text, 0.0, 0.0, 0.0, size, bold, space), rect, ox.value, oy.value, turns, page_size))
        else:
            append(Char(text, rect.left, rect.right, height - oy.value, size, bold, space))
        space = False
    return chars


def _turned(char: Char, rect: Any, ox: float, oy: float, turns: int, page_size: tuple[float, float]) -> Char:
    """A character of text set turned by quarter turns (a landscape table printed on an upright page):
    placed as it reads once the page is turned back, along its line and down the turned page."""
    width, height = page_size
    if turns == 1:  # reading upwards
        char.x0, char.x1, char.baseline = rect.bottom, rect.top, ox
    elif turns == 2:  # upside down
        char.x0, char.x1, char.baseline = width - rect.right, width - rect.left, oy
    else:  # reading downwards
        char.x0, char.x1, char.baseline = height - rect.top, height - rect.bottom, width - ox
    return char


def _character(codes: list[int], index: int) -> str:
    """The character at ``index``: PDFium gives UTF-16 code units, so a character beyond the Basic
    Multilingual Plane comes as a surrogate pair (kept whole on its first half); a lone surrogate, or a
    code no character has, is U+FFFD."""
    code = codes[index]
    if 0xD800 <= code <= 0xDBFF and index + 1 < len(codes) and 0xDC00 <= codes[index + 1] <= 0xDFFF:
        return chr(0x10000 + ((code - 0xD800) << 10) + (codes[index + 1] - 0xDC00))
    if 0xDC00 <= code <= 0xDFFF and index > 0 and 0xD800 <= codes[index - 1] <= 0xDBFF:
        return ""  # the second half of the pair before
    if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        return "\ufffd"
    return chr(code) if code else ""


WHITESPACE = frozenset({32, 13, 10})
SOFT_HYPHEN_CODE = 2  # a hyphen that ends a broken word: 2 code by code, U+FFFE in the page's text


class FS_RECTF(ctypes.Structure):  # PDFium's name for a rectangle of floats
    _fields_ = [("left", ctypes.c_float), ("top", ctypes.c_float), ("right", ctypes.c_float),
                ("bottom", ctypes.c_float)]


class FS_MATRIX(ctypes.Structure):  # PDFium's name for a transformation matrix
    _fields_ = [(name, ctypes.c_float) for name in ("a", "b", "c", "d", "e", "f")]


@dataclass(frozen=True, slots=True)
class FastApi:
    count: Any
    text: Any
    unicode: Any
    generated: Any
    loose_box: Any
    origin: Any
    text_object: Any
    font_size: Any
    font_info: Any
    matrix: Any


@cache
def _fast_api(raw: object) -> FastApi:
    """PDFium's text functions as plain ctypes prototypes (handles as integers)."""
    api: Any = raw  # the raw module: functions named after PDFium's C API
    vp, i, d = ctypes.c_void_p, ctypes.c_int, ctypes.c_double

    def proto(function: Any, restype: Any, *argtypes: Any) -> Any:
        return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(function, vp).value or 0)

    return FastApi(
        count=proto(api.FPDFText_CountChars, i, vp),
        text=proto(api.FPDFText_GetText, i, vp, i, i, vp),
        unicode=proto(api.FPDFText_GetUnicode, ctypes.c_uint, vp, i),
        generated=proto(api.FPDFText_IsGenerated, i, vp, i),
        loose_box=proto(api.FPDFText_GetLooseCharBox, i, vp, i, vp),
        origin=proto(api.FPDFText_GetCharOrigin, i, vp, i, vp, vp),
        text_object=proto(api.FPDFText_GetTextObject, vp, vp, i),
        font_size=proto(api.FPDFText_GetFontSize, d, vp, i),
        font_info=proto(api.FPDFText_GetFontInfo, ctypes.c_ulong, vp, i, vp, ctypes.c_ulong, vp),
        matrix=proto(api.FPDFText_GetMatrix, i, vp, i, vp),
    )


def _codes(api: FastApi, handle: int | None, count: int) -> list[int]:
    """The page's character codes (UTF-16 code units): its text in one call, or code by code when that
    call's length does not match the count."""
    buffer = (ctypes.c_uint16 * (count + 1))()
    written = api.text(handle, 0, count, ctypes.addressof(buffer)) if count else 0
    codes = [SOFT_HYPHEN_CODE if code == 0xFFFE else code for code in buffer[:max(written - 1, 0)]]
    if len(codes) != count:
        return [api.unicode(handle, index) for index in range(count)]
    return codes


def _style(api: FastApi, handle: int | None, index: int) -> tuple[float, bool, int]:
    """The printed size (the font's size scaled by the text matrix: Cairo sets fonts at size 1 and scales
    them), the weight and the quarter turns (counter-clockwise) of a text object's characters."""
    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    api.font_info(handle, index, ctypes.addressof(name), len(name), ctypes.addressof(flags))
    matrix = FS_MATRIX()
    scale, turns = 1.0, 0
    if api.matrix(handle, index, ctypes.addressof(matrix)):
        scale = abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5 or 1.0
        turns = (1 if matrix.b > 0 else 3) if abs(matrix.b) > abs(matrix.a) else (2 if matrix.a < 0 else 0)
    return round(api.font_size(handle, index) * scale, 1), is_bold_font(name.value.decode("latin-1")), turns


def _pdfplumber_pages(path: Path) -> Iterator[PageChars]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.psparser import PSException

    try:
        pdf = pdfplumber.open(str(path))
    except PDFPasswordIncorrect as error:
        raise EncryptedFile("the PDF is encrypted with a user password") from error
    except Exception as error:  # pdfminer raises many kinds of errors on damaged files
        raise CorruptFile(f"the PDF is damaged or truncated and cannot be opened ({error})") from error
    damaged: tuple[type[Exception], ...] = (cast(type[Exception], PSException), *LIBRARY_ERRORS)
    with pdf:
        for index, page in enumerate(pdf.pages):
            try:
                height, chars = float(page.height), _plumber_chars(page)
            except damaged as error:  # pdfminer parses a page when it is read
                raise CorruptFile(f"page {index + 1} of the PDF is damaged and cannot be read ({error})") from error
            yield index + 1, float(page.width), height, chars
            page.flush_cache()


def _plumber_chars(page: Any) -> list[Char]:
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
    return chars
