"""Small files of every bad kind, made in the tests (no binary fixtures to trust).

``pdf()`` writes a minimal, valid PDF with text in a standard font; the
other functions damage or dress it the way real archives do.
"""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

HEADER = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"


def _content(lines: list[str], start: str = "72 760 Td") -> bytes:
    ops = ["BT", "/F1 11 Tf", start, "14 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({escaped}) Tj T*")
    ops.append("ET")
    return "\n".join(ops).encode("latin-1", errors="replace")


def pdf(pages: list[list[str]], *, font: bytes = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        page_extra: bytes = b"", catalog_extra: bytes = b"", extra_objects: list[bytes] | None = None,
        kids_extra: bytes = b"", start: str = "72 760 Td") -> bytes:
    """A PDF of text pages. Object 1 catalog, 2 pages, 3 font, then per page a page and its content,
    then any extra objects (numbered after those). ``start`` places the first line (a text matrix may
    turn the text)."""
    objects: list[bytes] = []
    page_ids = [4 + 2 * i for i in range(len(pages))]
    kids = b" ".join(f"{i} 0 R".encode() for i in page_ids) + kids_extra
    objects.append(b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b">>")
    objects.append(b"<< /Type /Pages /Kids [" + kids + b"] /Count " + str(len(pages)).encode() + b" >>")
    objects.append(font)
    for index, lines in enumerate(pages):
        content = _content(lines, start)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> "
                       + page_extra + b">> /Contents " + str(page_ids[index] + 1).encode() + b" 0 R >>")
        objects.append(b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream")
    objects.extend(extra_objects or [])
    out = bytearray(HEADER)
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def shifted_pdf(lines: list[str], shift: int = -29) -> bytes:
    """A PDF that prints its lines rightly but whose Unicode map shifts every code by ``shift``: its text
    layer reads "7KH 2IILFH" for "The Office", as broken archive PDFs do."""
    entries = "\n".join(f"<{c:02X}> <{(c + shift) % 0x10000:04X}>" for c in range(0x21, 0x7F))
    body = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Shifted def "
            "1 begincodespacerange <00> <FF> endcodespacerange\n"
            f"{0x7F - 0x21} beginbfchar\n{entries}\nendbfchar endcmap "
            "CMapName currentdict /CMap defineresource pop end end").encode()
    cmap = b"<< /Length " + str(len(body)).encode() + b" >>\nstream\n" + body + b"\nendstream"
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>"  # 6: after page 4, content 5
    return pdf([lines], font=font, extra_objects=[cmap])


NOT_GB = [["Quarterly newsletter of the Garden Club", "1. The club met in Lyon in May 2010.",
           "2. Members planted 40 trees in the park."]]


def write_bad_files(folder: Path) -> dict[str, tuple[str, str]]:
    """Write one file of each bad kind; return name -> (expected status, expected start of message)."""
    folder.mkdir(parents=True, exist_ok=True)
    expected: dict[str, tuple[str, str]] = {}

    def put(name: str, data: bytes, status: str, message: str) -> None:
        (folder / name).write_bytes(data)
        expected[name] = (status, message)

    good = pdf(NOT_GB)
    put("empty.pdf", b"", "empty", "the file is empty")
    put("truncated.pdf", good[: len(good) // 3], "corrupt", "the PDF is damaged or truncated")
    put("not a GB paper [draft].PDF", good, "flagged", "not a GB paper")
    put("broken-xref.pdf", good.replace(b"xref\n0 ", b"xref\n7 ").replace(b" n \n", b" x \n"), "flagged",
        "not a GB paper")
    put("cyclic-pages.pdf", pdf(NOT_GB, kids_extra=b" 2 0 R"), "flagged", "not a GB paper")
    type3 = (b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1 1] /FontMatrix [0.001 0 0 0.001 0 0] "
             b"/CharProcs << /a 9 0 R >> /Encoding << /Differences [32 /a] >> /FirstChar 32 /LastChar 126 "
             b"/Widths [" + b"500 " * 95 + b"] >>")
    put("type3-font.pdf", pdf(NOT_GB, font=type3, extra_objects=[b"<< /Length 9 >>\nstream\n0 0 1 1 re f\nendstream"]),
        "flagged", "not a GB paper")
    cid = (b"<< /Type /Font /Subtype /Type0 /BaseFont /NoSuchCID /Encoding /Identity-H "
           b"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NoSuchCID "
           b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>] >>")
    put("cid-font.pdf", pdf(NOT_GB, font=cid), "flagged", "not a GB paper")
    jbig2 = b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /BitsPerComponent 1 /Filter /JBIG2Decode " \
            b"/Length 16 >>\nstream\n" + bytes(range(16)) + b"\nendstream"
    put("jbig2-image.pdf", pdf(NOT_GB, page_extra=b"/XObject << /Im1 8 0 R >>", extra_objects=[jbig2]), "flagged",
        "not a GB paper")
    form = b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (name) /V (value) /Rect [72 600 300 620] >>"
    link = b"<< /Type /Annot /Subtype /Link /Rect [72 700 200 720] /A << /S /URI /URI (http://example.org) >> >>"
    put("form-and-annotations.pdf",
        pdf(NOT_GB, page_extra=b"", catalog_extra=b"/AcroForm << /Fields [6 0 R] >> ", extra_objects=[form, link])
        .replace(b"/MediaBox", b"/Annots [6 0 R 7 0 R] /MediaBox"), "flagged", "not a GB paper")
    rng = random.Random(7)
    fuzzed = bytearray(good)
    for _ in range(40):
        fuzzed[rng.randrange(len(HEADER), len(fuzzed))] = rng.randrange(256)
    put("fuzzed.pdf", bytes(fuzzed), "corrupt", "the PDF is damaged or truncated and cannot be opened")
    put("rtf-named.doc", b"{\\rtf1\\ansi {\\pard GB.301/PFA/5\\par}{\\pard 1. The Office met in Paris in 2008.\\par}}",
        "ok", "")
    put("html-named.doc", b"<html><body><p>GB.301/PFA/6</p><ol><li>The Office met the IOE in Geneva in 2008.</li>"
                          b"</ol></body></html>", "ok", "")
    put("text-named.doc", b"GB.301/PFA/7\n\n1. The Office met the ITUC in Turin in May 2008.\n", "ok", "")
    put("corrupt-ole.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000), "corrupt", "")
    put("french.txt", ("GB.301/PFA/8\n\n1. Le Bureau a organisé avec les partenaires sociaux une réunion sur la mise en "
                       "œuvre des programmes de la Déclaration dans les pays de la région et les entreprises "
                       "multinationales qui y sont présentes.\n").encode(), "flagged", "language is fr")
    put("zip-bomb.docx", _zip_bomb(), "too-large", "part word/document.xml would inflate")
    return expected


def _zip_bomb() -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            block = b"\0" * (1 << 20)
            for _ in range(200):  # 200 MB of zeros, a few hundred KB compressed
                part.write(block)
    return buffer.getvalue()


def encrypted_pdfs(folder: Path) -> dict[str, tuple[str, str]]:
    """A PDF locked with a user password, and one with only an owner password (readable by anyone)."""
    import pikepdf

    source = folder / "plain.pdf"
    source.write_bytes(pdf([["GB.301/PFA/9", "1. The Office met the IOE in Geneva in 2008."]]))
    with pikepdf.open(source) as document:
        document.save(folder / "user-password.pdf", encryption=pikepdf.Encryption(owner="o", user="u", R=4))
        document.save(folder / "owner-password.pdf", encryption=pikepdf.Encryption(owner="o", user="", R=4))
    source.unlink()
    return {"user-password.pdf": ("encrypted", "the PDF is encrypted with a user password"),
            "owner-password.pdf": ("ok", "")}


def scanned_pdf(folder: Path) -> Path:
    """An image-only PDF: a page of large text drawn as pixels."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1700, 2200), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=48)
    for row, text in enumerate(["GB.301/PFA/10", "1. The Office met the", "IOE in Geneva in May 2008."]):
        draw.text((150, 200 + 90 * row), text, fill=0, font=font)
    path = folder / "scanned.pdf"
    image.save(path, "PDF", resolution=200.0)
    return path
