"""Blocks -> segments: numbered paragraphs, their items, headings, footnotes, metadata.

Paragraph numbers come from Word's numbering where the source has it, else
from the text ("6. Newly reported…"); dashed and lettered items set as their
own blocks become children of the paragraph that introduces them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from extractor.layout.assemble import DASH_MARKER, LETTER_MARKER, PARA_NUMBER
from extractor.metadata import (
    committee_code_from_symbol,
    detect_language,
    is_closing,
    language_from_file_name,
    parse_date,
    read_front_matter,
    symbol_from_file_name,
    symbol_from_furniture,
)
from extractor.model import Block, DocumentMeta, FootnoteRef, Layout, Segment

LABEL_NUMBER = re.compile(r"^(\d{1,3})[.)]?$")
SUB_HEADING = re.compile(r"^(?:\((?:[a-z]|[ivx]{1,4})\)|[a-z]\)|[A-H]\.|\d{1,2}\.\d{1,2}\.?)\s+\S")
MAX_HEADING = 250


@dataclass(slots=True)
class Segmented:
    meta: DocumentMeta
    segments: list[Segment]
    warnings: list[str] = field(default_factory=list)

    @property
    def paragraphs(self) -> int:
        return len({s.para for s in self.segments if s.kind == "paragraph" and s.para})


@dataclass(slots=True)
class Cursor:
    """Where the walk through the body stands."""

    para: str = ""
    last_number: int = 0
    items: int = 0
    extra: int = 0
    sections: list[tuple[int, str]] = field(default_factory=list)

    @property
    def section(self) -> str:
        return " > ".join(text for _, text in self.sections)


def segment(layout: Layout, doc_id: str, source: Path) -> Segmented:
    body = [b for b in layout.blocks if b.kind in ("body", "heading")]
    numbers = [_number(b) for b in body]
    front = read_front_matter(body, [n is not None for n in numbers])
    meta = front.meta
    segments: list[Segment] = []
    ids = IdMaker()
    for index in range(front.end):
        role = front.roles.get(index, "title")
        kind = "summary" if role == "summary" else "title"
        segments.append(_make(doc_id, ids.make("s" if kind == "summary" else "t"), kind, body[index]))
    cursor = Cursor()
    for index in range(front.end, len(body)):
        following = numbers[index + 1] if index + 1 < len(body) else None
        if numbers[index] is None and following is not None and _reads_like_heading(body[index]):
            body[index].kind = "heading"  # an unmarked (italic, plain) heading right before a paragraph number
        segments.append(_body_segment(body[index], numbers[index], cursor, doc_id, ids))
    footnotes = [b for b in layout.blocks if b.kind == "footnote"]
    segments += [_make(doc_id, ids.make(f"fn{b.marker}", exact=True), "footnote", b, marker=b.marker)
                 for b in footnotes]
    furniture = [b for b in layout.blocks if b.kind == "furniture"]
    segments += [_make(doc_id, ids.make("f"), "furniture", b) for b in furniture]
    warnings = _link_footnotes(segments)
    _complete_meta(meta, segments, [b.text for b in furniture], source)
    for seg in segments:
        seg.symbol = meta.symbol
    return Segmented(meta=meta, segments=segments, warnings=warnings)


class IdMaker:
    """Readable segment ids, unique within a document: p6, p6.2, fn1, h3; a repeat gets ~2."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self.used: set[str] = set()

    def make(self, prefix: str, exact: bool = False) -> str:
        if exact:
            candidate, n = prefix, 1
            while candidate in self.used:
                n += 1
                candidate = f"{prefix}~{n}"
        else:
            n = self.counts.get(prefix, 0) + 1
            while f"{prefix}{n}" in self.used:
                n += 1
            self.counts[prefix] = n
            candidate = f"{prefix}{n}"
        self.used.add(candidate)
        return candidate


def _number(block: Block) -> int | None:
    """The printed paragraph number of a block, from its list label or its text."""
    if block.kind == "heading" and len(block.text) < MAX_HEADING and not block.label:
        return None
    if block.label:
        match = LABEL_NUMBER.match(block.label)
        return int(match.group(1)) if match and block.label.endswith(".") else None
    match = PARA_NUMBER.match(block.text)
    return int(match.group(1)) if match else None


def _body_segment(block: Block, number: int | None, cursor: Cursor, doc_id: str, ids: IdMaker) -> Segment:
    if number is not None and not _plausible(number, cursor):
        number = None
    if number is None and is_closing(block.text):
        return _make(doc_id, ids.make("c"), "closing", block, section=cursor.section)
    if block.kind == "heading" and number is None and len(block.text) < MAX_HEADING and not block.label:
        _enter_section(cursor, block)
        cursor.para, cursor.items = "", 0
        return _make(doc_id, ids.make("h"), "heading", block, section=cursor.section)
    if number is not None:
        cursor.para, cursor.last_number, cursor.items = str(number), number, 0
        text, refs = _strip_label(block, PARA_NUMBER)
        return _make(doc_id, ids.make(f"p{number}", exact=True), "paragraph", block, text=text, refs=refs,
                     para=str(number), marker=block.label or f"{number}.", section=cursor.section)
    marker, text, refs = _item_marker(block)
    if marker:
        cursor.items += 1
        base = f"p{cursor.para}." if cursor.para else "i"
        return _make(doc_id, ids.make(f"{base}{cursor.items}", exact=True), "item", block, text=text, refs=refs,
                     para=cursor.para, item=str(cursor.items), marker=marker, section=cursor.section)
    if cursor.para:  # text after a paragraph's items, before the next number: still that paragraph
        return _make(doc_id, ids.make(f"p{cursor.para}~", exact=False), "paragraph", block,
                     para=cursor.para, section=cursor.section)
    return _make(doc_id, ids.make("u"), "paragraph", block, section=cursor.section)


def _reads_like_heading(block: Block) -> bool:
    text = block.text.strip()
    return (block.kind == "body" and not block.label and 0 < len(text) <= 120 and text[:1].isupper()
            and not text.endswith((".", ";", ":", ",")) and not is_closing(text)
            and not DASH_MARKER.match(text) and not LETTER_MARKER.match(text))


def _plausible(number: int, cursor: Cursor) -> bool:
    """Numbers read from text must follow on (a wrapped line may start with "79. ")."""
    last = cursor.last_number
    return last == 0 or number == 1 or last < number <= last + 3


def _enter_section(cursor: Cursor, block: Block) -> None:
    level = block.heading_level or (2 if SUB_HEADING.match(block.text) else 1)
    cursor.sections = [(lvl, text) for lvl, text in cursor.sections if lvl < level]
    cursor.sections.append((level, block.text))


def _strip_label(block: Block, pattern: re.Pattern[str]) -> tuple[str, list[FootnoteRef]]:
    if block.label:
        return block.text, block.refs
    match = pattern.match(block.text)
    if not match:
        return block.text, block.refs
    cut = match.end()
    return block.text[cut:], [FootnoteRef(r.marker, max(0, r.offset - cut)) for r in block.refs]


def _item_marker(block: Block) -> tuple[str, str, list[FootnoteRef]]:
    """An item's marker and text. Dashes and bullets leave the text; "(a)" stays, as it is read and cited."""
    if block.label:
        if DASH_MARKER.match(block.label + " "):
            return block.label, block.text, block.refs
        shift = len(block.label) + 1
        return block.label, f"{block.label} {block.text}", [FootnoteRef(r.marker, r.offset + shift) for r in block.refs]
    match = DASH_MARKER.match(block.text)
    if match:
        text, refs = _strip_label(block, DASH_MARKER)
        return match.group(1), text, refs
    match = LETTER_MARKER.match(block.text)
    if match:
        return match.group(1), block.text, block.refs
    return "", block.text, block.refs


def _make(doc_id: str, seg_id: str, kind: str, block: Block, text: str | None = None,
          refs: list[FootnoteRef] | None = None, **fields: str) -> Segment:
    refs = block.refs if refs is None else refs
    return Segment(doc_id=doc_id, symbol="", seg_id=seg_id, kind=kind, text=block.text if text is None else text,
                   page_start=block.page_start, page_end=block.page_end,
                   footnote_refs=[(r.marker, r.offset, "") for r in refs], **fields)


def _link_footnotes(segments: list[Segment]) -> list[str]:
    """Point every reference at its footnote: same marker, on the reference's page or the nearest after."""
    notes: dict[str, list[Segment]] = {}
    for seg in segments:
        if seg.kind == "footnote":
            notes.setdefault(seg.marker, []).append(seg)
    warnings: list[str] = []
    for seg in segments:
        linked = []
        for marker, offset, _ in seg.footnote_refs:
            candidates = notes.get(marker, [])
            after = [n for n in candidates if n.page_start >= seg.page_start]
            target = (after or candidates)[0] if candidates else None
            if target is None:
                warnings.append(f"footnote reference {marker} in {seg.seg_id} has no footnote")
            linked.append((marker, offset, target.seg_id if target else ""))
        seg.footnote_refs = linked
    return warnings


def _complete_meta(meta: DocumentMeta, segments: list[Segment], furniture: list[str], source: Path) -> None:
    meta.symbol = meta.symbol or symbol_from_furniture(furniture) or symbol_from_file_name(source.name)
    meta.is_gb_paper = bool(meta.symbol)
    meta.committee_code = meta.committee_code or committee_code_from_symbol(meta.symbol)
    meta.layout = "2011" if (meta.section or meta.original_language or meta.author_unit) else "classic"
    if not meta.date:
        closings = [s.text for s in segments if s.kind == "closing"]
        dated = [parse_date(text) for text in closings if re.search(r"\d{4}", text)]
        meta.date = next((d for d in dated if len(d) == 10), "")
    body = " ".join(s.text for s in segments if s.kind in ("paragraph", "item"))
    meta.language = language_from_file_name(source.name) or detect_language(body)
