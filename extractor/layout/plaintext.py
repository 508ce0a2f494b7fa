"""Flattened text -> blocks.

Without geometry, the layout is read from the text's own shape: blank lines,
paragraph numbers and dashes at line starts, short lines that end a
paragraph, and the page residue (footnote, file name, page number, running
header) that a flattened PDF leaves between two halves of a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractor.layout.assemble import DASH_MARKER, LETTER_MARKER, PARA_NUMBER, assemble, clean
from extractor.layout.furniture import FILE_NAME, LIMITED_PRINT, PAGE_NUMBER, SYMBOL_AND_PAGE, SYMBOL_ONLY
from extractor.layout.hyphenation import Vocabulary
from extractor.model import Block, Layout, Line, RawDocument, Span

LONE_NUMBER = re.compile(r"^\d{1,3}$")
LONE_DASH = re.compile(r"^[–—•▪◦·\-]$")
FOOTNOTE_REF = re.compile(r"(?<=[.,;:!?)\]”\"’])\s+(\d{1,3})(?=\s|$)")
ENDS_SENTENCE = (".", ":", ";", "!", "?", ".”", ".\"", ")")


@dataclass(slots=True)
class Chunk:
    lines: list[Line] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(line.text.strip() for line in self.lines)


def lay_out_text(raw: RawDocument) -> Layout:
    chunks = _chunks(raw.lines)
    body, footnotes, furniture = _take_page_residue(chunks)
    vocabulary = Vocabulary(line.text for chunk in body for line in chunk.lines)
    _mark_footnote_refs(body)
    blocks = _blocks(body, vocabulary)
    blocks += [Block(text=clean(text), kind="footnote", marker=marker, page_start=page, page_end=page)
               for marker, text, page in footnotes]
    blocks += [Block(text=clean(line.text).strip(), kind="furniture", page_start=line.page, page_end=line.page)
               for line in furniture]
    return Layout(blocks=blocks, body_size=0.0)


def _chunks(lines: list[Line]) -> list[Chunk]:
    chunks: list[Chunk] = [Chunk()]
    for line in lines:
        if line.text.strip():
            chunks[-1].lines.append(line)
        elif chunks[-1].lines:
            chunks.append(Chunk())
    return [c for c in chunks if c.lines]


def _is_anchor(chunk: Chunk) -> bool:
    """A chunk that can only be page furniture."""
    return all(_furniture_line(line.text.strip()) for line in chunk.lines)


def _furniture_line(text: str) -> bool:
    return bool(FILE_NAME.match(text) or SYMBOL_ONLY.match(text) or SYMBOL_AND_PAGE.match(text)
                or LIMITED_PRINT.search(text))


def _take_page_residue(chunks: list[Chunk]) -> tuple[list[Chunk], list[tuple[str, str, int]], list[Line]]:
    residue: set[int] = set()
    footnotes: list[tuple[str, str, int]] = []
    furniture: list[Line] = []
    page_breaks: list[int] = []
    index = 0
    while index < len(chunks):
        if not _is_anchor(chunks[index]):
            index += 1
            continue
        start = end = index
        while end + 1 < len(chunks) and (_is_anchor(chunks[end + 1]) or _lone_number(chunks[end + 1])):
            end += 1
        while start - 1 >= 0 and _lone_number(chunks[start - 1]):
            start -= 1
        notes_start = start
        while (notes_start - 2 >= 0 and _lone_number(chunks[notes_start - 2])
               and not _is_anchor(chunks[notes_start - 1])):
            notes_start -= 2
        for pair in range(notes_start, start, 2):
            marker = chunks[pair].lines[0].text.strip()
            footnotes.append((marker, chunks[pair + 1].text, chunks[pair].lines[0].page))
        for position in range(start, end + 1):
            furniture.extend(chunks[position].lines)
        residue.update(range(notes_start, end + 1))
        page_breaks.append(end)
        index = end + 1
    body = []
    page = 1
    for position, chunk in enumerate(chunks):
        if position in residue:
            if position in page_breaks:
                page += 1
            continue
        for line in chunk.lines:
            line.page = max(line.page, page)
        body.append(chunk)
    return body, footnotes, furniture


def _lone_number(chunk: Chunk) -> bool:
    return len(chunk.lines) == 1 and bool(LONE_NUMBER.match(chunk.lines[0].text.strip())
                                          or PAGE_NUMBER.match(chunk.lines[0].text.strip()))


def _mark_footnote_refs(chunks: list[Chunk]) -> None:
    """Turn " 1" after a sentence into a raised marker, when it is the next footnote number."""
    expected = 1
    for chunk in chunks:
        for line in chunk.lines:
            text = line.text
            spans: list[Span] = []
            last = 0
            for match in FOOTNOTE_REF.finditer(text):
                if int(match.group(1)) != expected:
                    continue
                spans.append(Span(text[last:match.start()]))
                spans.append(Span(match.group(1), raised=True))
                last = match.end()
                expected += 1
            if spans:
                spans.append(Span(text[last:]))
                line.spans = [s for s in spans if s.text]


def _blocks(chunks: list[Chunk], vocabulary: Vocabulary) -> list[Block]:
    width = _typical_width(chunks)
    drafts: list[list[Line]] = []
    pending_marker = ""
    front = True  # before the first numbered paragraph: the title block, one short line a field
    for chunk in chunks:
        for line in chunk.lines:
            text = line.text.strip()
            front = front and not PARA_NUMBER.match(text)
            if front:
                wrapped = bool(drafts) and bool(drafts[-1]) and len(drafts[-1][-1].text.strip()) >= 0.6 * width
                if wrapped and line is not chunk.lines[0]:
                    drafts[-1].append(line)
                else:
                    drafts.append([line])
                continue
            if LONE_DASH.match(text):
                pending_marker = text
                drafts.append([])
                continue
            if pending_marker:
                line.spans = [Span(f"{pending_marker} "), *line.spans]
                pending_marker = ""
                drafts[-1].append(line)
                continue
            if not drafts or _opens(line, drafts[-1], chunk, width):
                drafts.append([line])
            else:
                drafts[-1].append(line)
    drafts = [d for d in drafts if d]
    drafts = _split_headings(drafts)
    return [_block(d, vocabulary) for d in drafts]


def _opens(line: Line, draft: list[Line], chunk: Chunk, width: int) -> bool:
    text = line.text.strip()
    if not draft:
        return True
    if PARA_NUMBER.match(text) or DASH_MARKER.match(text):
        return True
    previous = draft[-1]
    if LETTER_MARKER.match(text) and previous.text.rstrip().endswith((":", ";", "; and", "; or", ".")):
        return True  # "(a) …" set on its own line after "… the following:"
    if line is chunk.lines[0]:  # a new chunk after a blank line
        return not _continues(previous, line)
    short = len(previous.text.strip()) < 0.6 * width
    return short and previous.text.rstrip().endswith(ENDS_SENTENCE) and text[:1].isupper()


def _continues(previous: Line, line: Line) -> bool:
    """A paragraph cut by page residue goes on in lower case or after an unfinished sentence."""
    page_changed = line.page != previous.page
    unfinished = not previous.text.rstrip().endswith(ENDS_SENTENCE)
    return page_changed and (unfinished or line.text.lstrip()[:1].islower())


def _split_headings(drafts: list[list[Line]]) -> list[list[Line]]:
    """Lines standing before a paragraph number in one draft are a heading (side headings flattened)."""
    out: list[list[Line]] = []
    for draft in drafts:
        numbered = [i for i, line in enumerate(draft) if i and PARA_NUMBER.match(line.text.strip())]
        if numbered and not any(line.text.rstrip().endswith((".", ";", ",")) for line in draft[: numbered[0]]):
            out.append(draft[: numbered[0]])
            out.append(draft[numbered[0]:])
        else:
            out.append(draft)
    return out


def _block(lines: list[Line], vocabulary: Vocabulary) -> Block:
    text, refs = assemble(lines, vocabulary)
    marked = PARA_NUMBER.match(text) or DASH_MARKER.match(text) or LETTER_MARKER.match(text)
    heading = not marked and _looks_like_heading(lines)
    return Block(text=text, kind="heading" if heading else "body", page_start=lines[0].page,
                 page_end=lines[-1].page, refs=refs)


def _looks_like_heading(lines: list[Line]) -> bool:
    text = " ".join(line.text.strip() for line in lines)
    return len(lines) <= 4 and len(text) < 200 and not text.rstrip().endswith((".", ";", ",", ":"))


def _typical_width(chunks: list[Chunk]) -> int:
    widths = sorted(len(line.text.strip()) for chunk in chunks for line in chunk.lines)
    return widths[int(len(widths) * 0.75)] if widths else 80
