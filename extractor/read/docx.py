"""DOCX -> one line per Word paragraph, with its numbering label, style and footnotes.

Paragraph numbers and dashes in GB papers are Word list formatting: the label
is computed from ``numbering.xml`` (see ``numbering``). Footnote references
become raised spans carrying their printed marker, footnotes come from the
footnotes part, headers and footers are furniture.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from extractor.errors import CorruptFile, EncryptedFile, TooLarge
from extractor.model import Line, RawDocument, Region, Span
from extractor.read.numbering import SYMBOL_BULLETS, Numbering, W, parse_numbering, safe_parser

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
MAX_PART_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200  # a part inflating more than this is a zip bomb, not a document
DESCEND = {f"{W}{t}" for t in ("hyperlink", "ins", "smartTag", "customXml", "fldSimple", "sdt", "sdtContent",
                               "moveTo", "bdo", "dir")}
TABLE_ROW = "table row"
SKIP = {f"{W}{t}" for t in ("pPr", "del", "moveFrom", "proofErr", "bookmarkStart", "bookmarkEnd")}


@dataclass(slots=True)
class Style:
    name: str = ""
    based_on: str = ""
    bold: bool | None = None
    size: float | None = None
    num: tuple[str, int] | None = None
    outline: int | None = None
    align: str = ""


@dataclass(slots=True)
class Context:
    styles: dict[str, Style]
    numbering: Numbering
    default_size: float
    markers: dict[str, str] = field(default_factory=dict)  # footnote id -> printed marker
    page: int = 1
    paragraph: int = 0
    numbered: bool = False  # a numbered paragraph has been read: a table from here on is data, not the title block


def read_docx(path: Path, fmt: str = "docx") -> RawDocument:
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as error:
        raise CorruptFile(f"not a readable DOCX archive ({error})") from error
    with archive:
        _check_sizes(archive)
        names = set(archive.namelist())
        if "word/document.xml" not in names:
            if "EncryptionInfo" in names or "EncryptedPackage" in names:
                raise EncryptedFile("the document is password-protected")
            raise CorruptFile("the archive has no word/document.xml")
        try:
            return _read(archive, names, path, fmt)
        except etree.XMLSyntaxError as error:
            raise CorruptFile(f"damaged XML in the document ({error})") from error
        except (zipfile.BadZipFile, EOFError, OSError) as error:
            raise CorruptFile(f"damaged DOCX archive ({error})") from error


def _check_sizes(archive: zipfile.ZipFile) -> None:
    total = 0
    for info in archive.infolist():
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MAX_PART_BYTES or (info.file_size > 1024 * 1024 and ratio > MAX_RATIO):
            raise TooLarge(f"part {info.filename} would inflate to {info.file_size:,} bytes; refused")
    if total > MAX_TOTAL_BYTES:
        raise TooLarge(f"the archive would inflate to {total:,} bytes; refused")


def _read(archive: zipfile.ZipFile, names: set[str], path: Path, fmt: str) -> RawDocument:
    parser = safe_parser()

    def part(name: str) -> bytes | None:
        return archive.read(name) if name in names else None

    styles, default_size = _parse_styles(part("word/styles.xml"))
    numbering = parse_numbering(part("word/numbering.xml"))
    document = etree.fromstring(archive.read("word/document.xml"), parser=parser)
    context = Context(styles, numbering, default_size, markers=_footnote_markers(document))
    body = document.find(f"{W}body")
    lines: list[Line] = list(_walk(body, context, "body")) if body is not None else []
    rendered_pages = context.page > 1
    relations = _relations(part("word/_rels/document.xml.rels"))
    for target, region in _header_footer_parts(relations):
        xml = part(f"word/{target}")
        if xml is not None:
            root = etree.fromstring(xml, parser=parser)
            lines.extend(_walk(root, _fresh(context), region))
    footnotes = part("word/footnotes.xml")
    if footnotes is not None:
        lines.extend(_footnote_lines(etree.fromstring(footnotes, parser=parser), context))
    pages = _page_count(part("docProps/app.xml")) or (context.page if rendered_pages else 0)
    if not rendered_pages:
        for line in lines:
            line.page = 0  # Word did not record where pages break: pages are unknown
    return RawDocument(path=str(path), format=fmt, lines=lines, pages=pages, engine="docx")


def _fresh(context: Context) -> Context:
    return Context(context.styles, Numbering(), context.default_size, context.markers)


def _relations(xml: bytes | None) -> dict[str, tuple[str, str]]:
    if not xml:
        return {}
    root = etree.fromstring(xml, parser=safe_parser())
    return {rel.get("Id", ""): (rel.get("Type", "").rsplit("/", 1)[-1], rel.get("Target", "")) for rel in root}


def _header_footer_parts(relations: dict[str, tuple[str, str]]) -> Iterator[tuple[str, Region]]:
    for kind, target in sorted(relations.values(), key=lambda rel: rel[1]):
        if kind in ("header", "footer"):
            yield target.lstrip("/").removeprefix("word/"), "header" if kind == "header" else "footer"


def _page_count(xml: bytes | None) -> int:
    if not xml:
        return 0
    match = re.search(rb"<(?:\w+:)?Pages>(\d+)</", xml)
    return int(match.group(1)) if match else 0


def _footnote_markers(document: etree._Element) -> dict[str, str]:
    """Word numbers footnotes in the order their references appear."""
    markers: dict[str, str] = {}
    for ref in document.iter(f"{W}footnoteReference"):
        note = ref.get(f"{W}id", "")
        if ref.get(f"{W}customMarkFollows") in ("1", "true", "on"):
            run = ref.getparent()
            following = run.getnext() if run is not None else None
            text = "".join(following.itertext()).strip() if following is not None else ""
            markers[note] = text or "*"
        elif note not in markers:
            markers[note] = str(sum(1 for m in markers.values() if m.isdigit()) + 1)
    return markers


def _walk(root: etree._Element, context: Context, region: Region) -> Iterator[Line]:
    for child in root:
        if child.tag == f"{W}p":
            yield from _paragraph(child, context, region)
        elif child.tag == f"{W}tbl":
            yield from _table(child, context, region)
        elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
            yield from _walk(child, context, region)


def _table(table: etree._Element, context: Context, region: Region) -> Iterator[Line]:
    """A data table (two cells or more a row, after the first numbered paragraph) gives one line a row, its
    cells joined by tabs; a layout table (the title block, the purpose box) gives its cells' paragraphs."""
    rows = [[list(_walk(cell, context, "table" if region == "body" else region)) for cell in row.findall(f"{W}tc")]
            for row in table.findall(f"{W}tr")]
    filled = [row for row in rows if sum(1 for cell in row if any(line.text.strip() for line in cell)) >= 2]
    if region != "body" or not context.numbered or len(filled) < 2:
        yield from (line for row in rows for cell in row for line in cell)
        return
    for row in rows:
        cells = [" ".join(line.text.strip() for line in cell if line.text.strip()) for cell in row]
        if any(cells):
            first = next(line for cell in row for line in cell)
            yield Line(spans=[Span("\t".join(cells))], page=first.page, region="table", style=TABLE_ROW,
                       block=first.block)


def _paragraph(p: etree._Element, context: Context, region: Region) -> Iterator[Line]:
    props = p.find(f"{W}pPr")
    style = _style(props, context)
    if props is not None and props.find(f"{W}pageBreakBefore") is not None:
        context.page += 1
    label = _label(props, style, context) if region in ("body", "table") else ""
    bold_default = bool(style.bold)
    size_default = style.size or context.default_size
    pieces: list[list[Span]] = [[]]
    for run in _runs(p):
        for kind, text, bold, size in _run_pieces(run, context, bold_default, size_default):
            if kind == "break":
                pieces.append([])
            elif kind == "page":
                context.page += 1
            else:
                pieces[-1].append(Span(text, size, bold, raised=kind == "ref"))
    context.paragraph += 1
    align = _align(props) or style.align
    level = style.outline + 1 if style.outline is not None else 0
    text = "".join(s.text for s in pieces[0]).lstrip()
    if region == "body" and (re.match(r"\d{1,4}\.", label) or re.match(r"\d{1,4}\.\s", text)):
        context.numbered = True
    for index, spans in enumerate(pieces):
        if index and not any(s.text.strip() for s in spans):
            continue
        yield Line(spans=_merge(spans), page=context.page, region=region, label=label if index == 0 else "",
                   style=style.name, heading_level=level, block=context.paragraph, align=align)


def _runs(node: etree._Element) -> Iterator[etree._Element]:
    for child in node:
        if child.tag == f"{W}r":
            yield child
        elif child.tag in DESCEND:
            yield from _runs(child)
        elif child.tag == f"{MC}AlternateContent":
            choice = child.find(f"{MC}Fallback")
            if choice is not None:
                yield from _runs(choice)


Piece = tuple[str, str, bool, float]  # kind (text, ref, break, page), text, bold, size


def _run_pieces(run: etree._Element, context: Context, bold: bool, size: float) -> Iterator[Piece]:
    props = run.find(f"{W}rPr")
    if props is not None:
        if _on(props.find(f"{W}vanish")):
            return  # hidden text
        bold, size = _run_style(props, bold, size)
    for child in run:
        piece = _piece(child, context)
        if piece is not None:
            kind, text, scale = piece
            yield kind, text, bold, size * scale


def _run_style(props: etree._Element, bold: bool, size: float) -> tuple[bool, float]:
    """(bold, size) a run's properties set, else those it inherits."""
    b = props.find(f"{W}b")
    if b is not None:
        bold = _on(b)
    sz = props.find(f"{W}sz")
    if sz is not None and (sz.get(f"{W}val") or "").isdigit():
        size = int(sz.get(f"{W}val", "24")) / 2
    return bold, size


# a run's child elements that stand for one character or a break: tag -> (kind, text)
SIMPLE_PIECES = {f"{W}tab": ("text", "\t"), f"{W}noBreakHyphen": ("text", "-"), f"{W}cr": ("break", ""),
                 f"{W}lastRenderedPageBreak": ("page", "")}


def _piece(child: etree._Element, context: Context) -> tuple[str, str, float] | None:
    """(kind, text, size scale) of one child of a run."""
    tag = child.tag
    if tag == f"{W}t":
        return "text", child.text or "", 1.0
    if tag in SIMPLE_PIECES:
        return (*SIMPLE_PIECES[tag], 1.0)
    if tag == f"{W}br":
        return ("page" if child.get(f"{W}type") == "page" else "break"), "", 1.0
    if tag == f"{W}sym":
        code = child.get(f"{W}char", "")
        char = chr(int(code, 16)) if re.fullmatch(r"[0-9A-Fa-f]{2,4}", code) else ""
        return "text", SYMBOL_BULLETS.get(char, char), 1.0
    if tag in (f"{W}footnoteReference", f"{W}endnoteReference"):
        marker = context.markers.get(child.get(f"{W}id", ""), "")
        if marker and child.get(f"{W}customMarkFollows") not in ("1", "true", "on"):
            return "ref", marker, 0.6
    return None


def _on(node: etree._Element | None) -> bool:
    return node is not None and node.get(f"{W}val", "true") not in ("0", "false", "off", "none")


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in spans:
        last = merged[-1] if merged else None
        if last and (last.size, last.bold, last.raised) == (span.size, span.bold, span.raised) and not span.raised:
            merged[-1] = Span(last.text + span.text, span.size, span.bold, span.raised)
        elif span.text:
            merged.append(span)
    return merged


def _style(props: etree._Element | None, context: Context) -> Style:
    node = props.find(f"{W}pStyle") if props is not None else None
    style_id = node.get(f"{W}val", "") if node is not None else ""
    return context.styles.get(style_id) or context.styles.get("__default__") or Style()


def _label(props: etree._Element | None, style: Style, context: Context) -> str:
    num = props.find(f"{W}numPr") if props is not None else None
    if num is not None:
        num_id = num.find(f"{W}numId")
        ilvl = num.find(f"{W}ilvl")
        if num_id is not None:
            level = int(ilvl.get(f"{W}val", "0")) if ilvl is not None else (style.num[1] if style.num else 0)
            return context.numbering.label(num_id.get(f"{W}val", "0"), level)
    if style.num is not None:
        return context.numbering.label(*style.num)
    return ""


def _align(props: etree._Element | None) -> str:
    node = props.find(f"{W}jc") if props is not None else None
    return node.get(f"{W}val", "") if node is not None else ""


def _footnote_lines(root: etree._Element, context: Context) -> Iterator[Line]:
    sub = _fresh(context)
    for note in root.iter(f"{W}footnote"):
        if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        marker = context.markers.get(note.get(f"{W}id", ""))
        if marker is None:
            continue  # never referenced from the text
        for line in _walk(note, sub, "footnote"):
            line.footnote = marker
            line.page = 0
            yield line


def _parse_styles(xml: bytes | None) -> tuple[dict[str, Style], float]:
    if not xml:
        return {}, 12.0
    root = etree.fromstring(xml, parser=safe_parser())
    default_size = 10.0  # Word's own default when styles.xml sets none
    size_node = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}sz")
    if size_node is not None and (size_node.get(f"{W}val") or "").isdigit():
        default_size = int(size_node.get(f"{W}val", "20")) / 2
    raw: dict[str, Style] = {}
    for node in root.iter(f"{W}style"):
        style_id = node.get(f"{W}styleId", "")
        raw[style_id] = _style_from(node)
        if node.get(f"{W}type") == "paragraph" and node.get(f"{W}default") in ("1", "true"):
            raw["__default__"] = raw[style_id]
    return {key: _inherit(key, raw) for key in raw}, default_size


def _style_from(node: etree._Element) -> Style:
    name_node, based = node.find(f"{W}name"), node.find(f"{W}basedOn")
    style = Style(name=(name_node.get(f"{W}val", "") if name_node is not None else "").lower(),
                  based_on=based.get(f"{W}val", "") if based is not None else "")
    bold = node.find(f"{W}rPr/{W}b")
    if bold is not None:
        style.bold = _on(bold)
    size = node.find(f"{W}rPr/{W}sz")
    if size is not None and (size.get(f"{W}val") or "").isdigit():
        style.size = int(size.get(f"{W}val", "24")) / 2
    num_id = node.find(f"{W}pPr/{W}numPr/{W}numId")
    if num_id is not None:
        ilvl = node.find(f"{W}pPr/{W}numPr/{W}ilvl")
        style.num = (num_id.get(f"{W}val", "0"), int(ilvl.get(f"{W}val", "0")) if ilvl is not None else 0)
    outline = node.find(f"{W}pPr/{W}outlineLvl")
    heading = re.fullmatch(r"heading (\d)", style.name)
    if outline is not None and (outline.get(f"{W}val") or "").isdigit() and int(outline.get(f"{W}val", "9")) < 9:
        style.outline = int(outline.get(f"{W}val", "0"))
    elif heading:
        style.outline = int(heading.group(1)) - 1
    style.align = _align(node.find(f"{W}pPr"))
    return style


def _inherit(key: str, raw: dict[str, Style], depth: int = 0) -> Style:
    style = raw[key]
    if not style.based_on or style.based_on not in raw or depth > 10:
        return style
    parent = _inherit(style.based_on, raw, depth + 1)
    return Style(
        name=style.name, based_on=style.based_on,
        bold=style.bold if style.bold is not None else parent.bold,
        size=style.size if style.size is not None else parent.size,
        num=style.num or parent.num,
        outline=style.outline if style.outline is not None else parent.outline,
        align=style.align or parent.align,
    )
