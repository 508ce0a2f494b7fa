"""Printed lines with geometry (PDF) -> blocks.

Furniture is found by its band and wording, footnotes by their smaller size
at the foot of the page, side headings by standing left of the text column.
The remaining lines are joined into paragraphs and items, across pages.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from extractor.layout.assemble import DASH_MARKER, LETTER_MARKER, PARA_NUMBER, assemble, clean, clean_row, wrapped_year
from extractor.layout.footnotes import split_footnote_start
from extractor.layout.furniture import find_furniture
from extractor.layout.grid import reading_order, table_rows
from extractor.layout.hyphenation import Vocabulary
from extractor.model import Block, Layout, Line, RawDocument, Span

FOOTNOTE_SIZE = 0.92  # footnote text is set smaller than this share of the body size
PARAGRAPH_GAP = 1.3  # a step between lines larger than this many line pitches opens a paragraph
TOLERANCE = 3.0  # points
MARKED = re.compile(f"{PARA_NUMBER.pattern}|{DASH_MARKER.pattern}|{LETTER_MARKER.pattern}")


@dataclass(slots=True)
class Page:
    body_size: float
    pitch: float
    column_left: float
    column_width: float = 0.0


@dataclass(slots=True)
class Draft:
    lines: list[Line] = field(default_factory=list)

    @property
    def first(self) -> Line:
        return self.lines[0]

    @property
    def indent(self) -> float:
        return self.lines[1].x0 if len(self.lines) > 1 else self.lines[0].x0


def lay_out_geometric(raw: RawDocument) -> Layout:
    lines = reading_order(raw.lines)
    body_size = _body_size(lines)
    furniture = find_furniture(lines, raw.page_height or 842.0, raw.pages)
    footnotes = _footnote_lines(lines, furniture, body_size)
    rest = [i for i in range(len(lines)) if i not in furniture and i not in footnotes]
    page = Page(body_size, _pitch([lines[i] for i in rest], body_size), 0.0)
    page.column_left = _column_left([lines[i] for i in rest], body_size)
    page.column_width = _column_width([lines[i] for i in rest], body_size)
    margin = {i for i in rest if lines[i].x1 < page.column_left - TOLERANCE}
    body = table_rows([lines[i] for i in rest if i not in margin], page.column_width)
    vocabulary = Vocabulary(line.text for i, line in enumerate(lines) if i not in furniture)

    drafts = _paragraphs(body, page)
    blocks = [_block(d, vocabulary) for d in drafts]
    headings = [_heading(d, vocabulary) for d in _margin_groups([lines[i] for i in sorted(margin)], page)]
    blocks = _insert_headings(blocks, drafts, headings, page)
    blocks += _footnote_blocks([lines[i] for i in sorted(footnotes)], vocabulary)
    blocks += [_furniture_block(lines[i]) for i in sorted(furniture)]
    return Layout(blocks=blocks, body_size=body_size)


def _body_size(lines: list[Line]) -> float:
    weights: Counter[float] = Counter()
    for line in lines:
        for span in line.spans:
            if not span.raised:
                weights[span.size] += len(span.text)
    return weights.most_common(1)[0][0] if weights else 12.0


def _pitch(lines: list[Line], body_size: float) -> float:
    steps: Counter[float] = Counter()
    for prev, line in pairwise(lines):
        step = line.top - prev.top
        if line.page == prev.page and abs(line.size - body_size) < 0.5 and 0.8 * body_size < step < 2 * body_size:
            steps[round(step * 2) / 2] += 1
    return steps.most_common(1)[0][0] if steps else 1.2 * body_size


def _column_left(lines: list[Line], body_size: float) -> float:
    """The left edge of the text column: where paragraph numbers stand, else the leftmost common start."""
    numbered = [line.x0 for line in lines if PARA_NUMBER.match(line.text)]
    if len(numbered) >= 2:  # the most numbers within a tolerance (a scan's edges wander), the leftmost on a tie
        return max(sorted(numbered), key=lambda x: sum(1 for other in numbered if abs(other - x) <= TOLERANCE))
    starts = Counter(round(line.x0) for line in lines if abs(line.size - body_size) < 0.5 and not line.bold)
    common = [x for x, n in starts.items() if n >= 3]
    return float(min(common)) if common else min((line.x0 for line in lines), default=0.0)


def _column_width(lines: list[Line], body_size: float) -> float:
    widths = sorted(line.x1 - line.x0 for line in lines if abs(line.size - body_size) < 0.5)
    return widths[int(0.9 * (len(widths) - 1))] if widths else 0.0


def _footnote_lines(lines: list[Line], furniture: set[int], body_size: float) -> set[int]:
    """The lines at the foot of each page set smaller than the body text."""
    found: set[int] = set()
    by_page: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        if index not in furniture:
            by_page.setdefault(line.page, []).append(index)
    for indexes in by_page.values():
        zone: list[int] = []
        for index in sorted(indexes, key=lambda i: lines[i].top, reverse=True):
            if lines[index].size >= FOOTNOTE_SIZE * body_size:
                break
            zone.append(index)
        if any(split_footnote_start(lines[i]) for i in zone):
            found.update(zone)
    return found


def _starts_item(line: Line, following: Line | None, page: Page, after_gap: bool) -> bool:
    text = line.text
    if DASH_MARKER.match(text):
        return True
    if LETTER_MARKER.match(text):
        hanging = following is not None and following.page == line.page and following.x0 > line.x0 + TOLERANCE
        return after_gap or hanging
    return False


def _opens_block(line: Line, following: Line | None, draft: Draft | None, page: Page) -> bool:
    if draft is None:
        return True
    prev = draft.lines[-1]
    if line.region == "table" or prev.region == "table":
        return True  # a table's row is a block of its own
    if PARA_NUMBER.match(line.text) and line.x0 <= page.column_left + TOLERANCE:
        return not wrapped_year(line.text, prev.text)
    if line.bold != prev.bold or abs(line.size - prev.size) > 0.5:
        return True
    if line.page != prev.page:
        return _starts_item(line, following, page, after_gap=True) or not _continues_on_new_page(line, draft)
    step = line.top - prev.top
    if step < -page.pitch and line.x0 > prev.x1:  # the top of the next column
        return _starts_item(line, following, page, after_gap=True) or not _continues_on_new_page(line, draft)
    if step < 0.5 * page.pitch or step > PARAGRAPH_GAP * page.pitch:
        return True
    if _starts_item(line, following, page, after_gap=False):
        return True
    if len(draft.lines) == 1:
        return not _second_line_fits(line, draft.first, page)
    return abs(line.x0 - draft.indent) > TOLERANCE and abs(line.x0 - draft.first.x0) > TOLERANCE


def _second_line_fits(line: Line, first: Line, page: Page) -> bool:
    """Flush with the first line, under a marker's hanging indent, or below a full first-line indent.

    Short lines that only share a right edge (the title block's "Date:" and
    "Original:" lines) are separate.
    """
    if abs(line.x0 - first.x0) <= TOLERANCE:
        return True
    if MARKED.match(first.text):
        return line.x0 > first.x0
    indent = first.x0 - line.x0
    return 0 < indent <= 4 * first.size and first.x1 - first.x0 >= 0.6 * page.column_width


def _continues_on_new_page(line: Line, draft: Draft) -> bool:
    ended = draft.lines[-1].text.rstrip().endswith((".", ":", ";", "!", "?"))
    aligned = len(draft.lines) > 1 and abs(line.x0 - draft.indent) <= TOLERANCE
    return aligned or not ended or line.text[:1].islower()


def _paragraphs(lines: list[Line], page: Page) -> list[Draft]:
    drafts: list[Draft] = []
    current: Draft | None = None
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        if _opens_block(line, following, current, page):
            current = Draft([line])
            drafts.append(current)
        else:
            assert current is not None
            current.lines.append(line)
    return drafts


def _block(draft: Draft, vocabulary: Vocabulary) -> Block:
    first = draft.first
    if first.region == "table":
        return Block(text=clean_row(first.text), kind="table", page_start=first.page, page_end=first.page,
                     x0=first.x0, top=first.top)
    text, refs = assemble(draft.lines, vocabulary)
    return Block(
        text=text, kind="heading" if first.bold and not PARA_NUMBER.match(text) else "body",
        page_start=first.page, page_end=draft.lines[-1].page, refs=refs, bold=first.bold,
        size=first.size, x0=first.x0, indent=draft.indent, top=first.top,
    )


def _margin_groups(lines: list[Line], page: Page) -> list[Draft]:
    groups: list[Draft] = []
    for line in lines:
        last = groups[-1].lines[-1] if groups else None
        if last is not None and last.page == line.page and line.top - last.top <= PARAGRAPH_GAP * page.pitch:
            groups[-1].lines.append(line)
        else:
            groups.append(Draft([line]))
    return groups


def _heading(draft: Draft, vocabulary: Vocabulary) -> Block:
    block = _block(draft, vocabulary)
    block.kind = "heading" if draft.first.bold or len(block.text) < 200 else "body"
    block.margin = True
    return block


def _insert_headings(blocks: list[Block], drafts: list[Draft], headings: list[Block], page: Page) -> list[Block]:
    """Put each margin heading before the paragraph it stands beside."""
    placed: dict[int, list[Block]] = {}
    trailing: list[Block] = []
    for heading in headings:
        target = _heading_target(drafts, heading, page)
        if target is None:
            trailing.append(heading)
        else:
            placed.setdefault(target, []).append(heading)
    out: list[Block] = []
    for index, block in enumerate(blocks):
        out.extend(placed.get(index, []))
        out.append(block)
    return out + trailing


def _heading_target(drafts: list[Draft], heading: Block, page: Page) -> int | None:
    """The first paragraph starting beside the heading (from a little above it) or after it."""
    for index, draft in enumerate(drafts):
        first = draft.first
        if (first.page, first.top) >= (heading.page_start, heading.top - 1.5 * page.pitch):
            return index
    return None


def _footnote_blocks(lines: list[Line], vocabulary: Vocabulary) -> list[Block]:
    blocks: list[Block] = []
    groups: list[tuple[str, list[Line]]] = []
    for line in lines:
        start = split_footnote_start(line)
        if start is not None:
            marker, rest = start
            groups.append((marker, [Line(spans=[Span(rest, line.size)], page=line.page, top=line.top)]))
        elif groups:
            groups[-1][1].append(line)
        else:  # a footnote continued from a page before this document's first: keep it
            groups.append(("", [line]))
    for marker, group in groups:
        text, _ = assemble(group, vocabulary)
        blocks.append(Block(text=text, kind="footnote", page_start=group[0].page, page_end=group[-1].page,
                            marker=marker, size=group[0].size, top=group[0].top))
    return blocks


def _furniture_block(line: Line) -> Block:
    return Block(text=clean(line.text).strip(), kind="furniture", page_start=line.page, page_end=line.page,
                 top=line.top, x0=line.x0, size=line.size)
