"""Which encoding a text file is in, judged from its bytes.

Archived text and web pages come as UTF-8 (with or without a byte-order
mark), UTF-16 (with or without one, from Windows tools) and Windows-1252
(1990s pages, Word's "Text only"). Some files mix UTF-8 and Windows-1252
lines after being edited by hand, so UTF-8 is decoded with each invalid byte
read as Windows-1252 instead of giving up on the whole file. Pages saved
more than once carry mojibake (UTF-8 read as Windows-1252: "Côte dâ€™Ivoire"),
which ftfy repairs: it undoes only byte sequences that decode to a likelier
text, and leaves clean text alone.
"""

from __future__ import annotations

import codecs
from functools import cache
from typing import Any

UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
UTF8_BOM = b"\xef\xbb\xbf"
ZERO_SHARE = 0.4  # UTF-16 text of a Latin script has a zero in every other byte
STRAY_ZERO_SHARE = 0.05


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    byte = error.object[error.start:error.start + 1]
    return byte.decode("cp1252", errors="replace"), error.start + 1


codecs.register_error("gbextract-cp1252", _cp1252_fallback)


def text_encoding(data: bytes) -> str | None:
    """The codec that reads ``data`` (a file or its first bytes), or None when the bytes are not text:
    utf-16 by a byte-order mark or by zeros in every other byte, else utf-8 (the fallback handler takes
    Windows-1252 bytes)."""
    if data.startswith(UTF16_BOMS):
        return "utf-16"
    if data.startswith(UTF8_BOM):
        return "utf-8-sig"
    half = len(data) // 2
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if half and odd > ZERO_SHARE * half and even < STRAY_ZERO_SHARE * half:
        return "utf-16-le"
    if half and even > ZERO_SHARE * half and odd < STRAY_ZERO_SHARE * half:
        return "utf-16-be"
    return None if b"\x00" in data else "utf-8"


def decode_text(data: bytes) -> str:
    """The text of a file's bytes; undecodable bytes become Windows-1252 characters or U+FFFD."""
    encoding = text_encoding(data) or "utf-8"
    handler = "gbextract-cp1252" if encoding.startswith("utf-8") else "replace"
    return repair_mojibake(data.decode(encoding, errors=handler))


def repair_mojibake(text: str) -> str:
    """Text with mis-decoded UTF-8 repaired, and nothing else changed (quotes, ligatures, widths and
    line breaks stay as the file has them)."""
    import ftfy

    return ftfy.fix_text(text, _repair_only())


@cache
def _repair_only() -> Any:
    from ftfy import TextFixerConfig

    return TextFixerConfig(unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False,
                           fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False,
                           remove_control_chars=False, normalization=None, explain=False)
