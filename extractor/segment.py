"""Blocks -> segments: numbered paragraphs, their items, headings, footnotes, metadata.

Paragraph numbers come from Word's numbering where the source has it, else
from the text ("6. Newly reported…"); dashed and lettered items set as their
own blocks become children of the paragraph that introduces them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from extractor.dates import day_of
from extractor.layout.assemble import DASH_MARKER, LETTER_MARKER, PARA_NUMBER
from extractor.metadata import (
    detect_language,
    is_appendix_heading,
    is_closing,
    language_from_file_name,
    read_front_matter,
    symbol_from_furniture,
)
from extractor.model import Block, DocumentMeta, FootnoteRef, Layout, Segment, Segmented
from extractor.symbols import body_of, session_of, symbol_from_file_name

LABEL_NUMBER = re.compile(r"^(\d{1,4})[.)]?$")
SUB_HEADING = re.compile(r"^(?:\((?:[a-z]|[ivx]{1,4})\)|[a-z]\)|[A-H]\.|\d{1,2}\.(?:\d{1,2}\.?)?)\s+\S")
MAX_HEADING = 250
MAX_SUB_HEADING = 120
BODY_KINDS = ("body", "heading", "item", "table")


@dataclass(slots=True)
class Cursor:
    """Where the walk through the body stands."""

    para: str = ""
    last_number: int = 0
    items: int = 0
    appendix: bool = False  # in an appendix or annex: its own numbering, never the body's paragraphs
    sections: list[tuple[int, str]] = field(default_factory=list)

    @property
    def section(self) -> str:
        return " > ".join(text for _, text in self.sections)


def segment(layout: Layout, doc_id: str, source: Path) -> Segmented:
    body = [b for b in layout.blocks if b.kind in BODY_KINDS]
    numbers = [_number(b) for b in body]
    front = read_front_matter(body, [n is not None for n in numbers])
    meta = front.meta
    ids = IdMaker()
    segments = [_make(doc_id, ids.make("w"), "site", b) for b in layout.blocks if b.kind == "site"]
    for index in range(front.end):
        kind = {"summary": "summary", "furniture": "furniture"}.get(front.roles.get(index, "title"), "title")
        segments.append(_make(doc_id, ids.make({"summary": "s", "furniture": "f"}.get(kind, "t")), kind, body[index]))
    cursor = Cursor()
    for index in range(front.end, len(body)):
        following = next((n for n in numbers[index + 1:] if n is not None), None)
        next_numbered = index + 1 < len(body) and numbers[index + 1] is not None
        if numbers[index] is None and next_numbered and _reads_like_heading(body[index], cursor):
            body[index].kind = "heading"  # an unmarked (italic, plain, lettered) heading before a paragraph number
        elif (number := numbers[index]) is not None and _numbered_heading(body[index], number, following, cursor):
            body[index].kind, numbers[index] = "heading", None  # "1. Subregional activities" before paragraph 1
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
    if block.kind in ("item", "table"):
        return None
    if block.kind == "heading" and len(block.text) < MAX_HEADING and not block.label:
        return None
    if block.label:
        match = LABEL_NUMBER.match(block.label)
        return int(match.group(1)) if match and block.label.endswith(".") else None
    match = PARA_NUMBER.match(block.text)
    return int(match.group(1)) if match else None


def _body_segment(block: Block, number: int | None, cursor: Cursor, doc_id: str, ids: IdMaker) -> Segment:
    if number is not None and not cursor.appendix and not _plausible(number, cursor):
        number = None
    structural = _structural_segment(block, number, cursor, doc_id, ids)
    if structural is not None:
        return structural
    if cursor.appendix:
        return _appendix_segment(block, doc_id, ids, cursor)
    if number is not None:
        cursor.para, cursor.last_number, cursor.items = str(number), number, 0
        text, refs = _strip_label(block, PARA_NUMBER)
        return _make(doc_id, ids.make(f"p{number}", exact=True), "paragraph", block, text=text, refs=refs,
                     para=str(number), marker=block.label or f"{number}.", section=cursor.section)
    marker, text, refs = _item_marker(block)
    if marker or block.kind == "item":
        cursor.items += 1
        base = f"p{cursor.para}." if cursor.para else "i"
        return _make(doc_id, ids.make(f"{base}{cursor.items}", exact=True), "item", block, text=text, refs=refs,
                     para=cursor.para, item=str(cursor.items), marker=marker, section=cursor.section)
    if cursor.para:  # text after a paragraph's items, before the next number: still that paragraph
        return _make(doc_id, ids.make(f"p{cursor.para}~", exact=False), "paragraph", block,
                     para=cursor.para, section=cursor.section)
    return _make(doc_id, ids.make("u"), "paragraph", block, section=cursor.section)


def _structural_segment(block: Block, number: int | None, cursor: Cursor, doc_id: str, ids: IdMaker
                        ) -> Segment | None:
    """A closing, an appendix's heading, a side heading or a table's row; None for a paragraph or an item."""
    if number is None and block.kind in ("body", "heading") and is_closing(block.text):
        return _make(doc_id, ids.make("c"), "closing", block, section=cursor.section)
    if block.kind in ("body", "heading") and cursor.last_number and is_appendix_heading(block.text):
        cursor.appendix, cursor.para, cursor.sections = True, "", [(0, block.text.strip())]
        return _make(doc_id, ids.make("h"), "heading", block, section=cursor.section)
    if block.kind == "heading" and number is None and len(block.text) < MAX_HEADING and not block.label:
        if not PARENTHESISED.match(block.text.strip()):  # "(First item on the agenda)" notes the heading above
            _enter_section(cursor, block)
        cursor.para, cursor.items = "", 0
        return _make(doc_id, ids.make("h"), "heading", block, section=cursor.section)
    if block.kind == "table":  # a row of the paragraph's table, or of an appendix's (a budget annex)
        base = f"p{cursor.para}.r" if cursor.para else "r"
        return _make(doc_id, ids.make(base), "table", block, para=cursor.para, section=cursor.section)
    return None


def _appendix_segment(block: Block, doc_id: str, ids: IdMaker, cursor: Cursor) -> Segment:
    """A numbered question, an item or text of an appendix: kept apart from the body's paragraphs."""
    marker = block.label or next((m.group(1) for m in (PARA_NUMBER.match(block.text), LETTER_MARKER.match(block.text),
                                                         DASH_MARKER.match(block.text)) if m), "")
    return _make(doc_id, ids.make("a"), "appendix", block, marker=marker.strip(), section=cursor.section)


def _numbered_heading(block: Block, number: int, following: int | None, cursor: Cursor) -> bool:
    """A short numbered line without a full stop, before a paragraph numbered the same or lower, or out of
    the paragraphs' sequence, is a numbered sub-heading ("1. Subregional activities")."""
    text = PARA_NUMBER.sub("", block.text, count=1).strip()
    if block.label or cursor.appendix or len(text) > MAX_SUB_HEADING or text.endswith((".", ":", ";", ",")):
        return False
    return (following is not None and following <= number) or not _plausible(number, cursor)


def _reads_like_heading(block: Block, cursor: Cursor) -> bool:
    text = block.text.strip()
    if block.kind != "body" or block.label or not 0 < len(text) <= MAX_SUB_HEADING or is_closing(text):
        return False
    if text.endswith((".", ";", ":", ",")) or DASH_MARKER.match(text):
        return False
    if LETTER_MARKER.match(text):  # "(a) Follow-up of the seminars" between paragraphs, not an item of one
        return not cursor.para or cursor.items == 0
    return text[:1].isupper()


def _plausible(number: int, cursor: Cursor) -> bool:
    """Numbers read from text must follow on (a wrapped line may start with "79. ")."""
    last = cursor.last_number
    return last == 0 or number == 1 or last < number <= last + 3


def _enter_section(cursor: Cursor, block: Block) -> None:
    level = block.heading_level or (2 if SUB_HEADING.match(block.text) else 1)
    if cursor.appendix:
        level = max(level, 1)  # below the appendix's own heading (level 0)
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
    """An item's marker and text. Dashes, bullets and list numbers leave the text; "(a)" stays, as it is read
    and cited."""
    if block.kind == "item":
        return block.label, block.text, block.refs
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


PARENTHESISED = re.compile(r"^\([^()]*\s[^()]*\)$")


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
    meta.symbol = meta.symbol or symbol_from_furniture(furniture) or symbol_from_file_name(source.as_posix())
    meta.is_gb_paper = bool(meta.symbol)
    meta.session = meta.session or session_of(meta.symbol)
    meta.committee_code = meta.committee_code or body_of(meta.symbol)
    meta.layout = "2011" if (meta.section or meta.original_language or meta.author_unit) else "classic"
    if not meta.date:
        meta.date = next((d for d in (day_of(s.text) for s in segments if s.kind == "closing") if d), "")
    body = " ".join(s.text for s in segments if s.kind in ("paragraph", "item"))
    meta.language = language_from_file_name(source.name) or detect_language(body)
