"""Text as archives flatten it -> one logical line per line, with page furniture marked.

Before the text layout reads paragraphs, the damage that flattening does is undone, by the form of
what it left, never by a paper's words:

- site lines (a web page's strap, a document-sharing site's "Size: px" and "Download" lines) are set
  aside (``models/patterns/furniture.jsonl``);
- a page-by-page transcription, where each page is one block opening with its page number, loses the
  page numbers and knows each line's page;
- page furniture inside a line (a Word file-name footer with its page number, the running header, the
  environmental notice, the footnote text printed before a footer) is cut out onto lines of its own,
  marked ``footer`` or ``footnote``, so that the page-residue logic finds it;
- a text whose paragraphs run together (numbers inside lines, not at their starts) and whose lines are
  printed lines is first joined into one line per block, as if it had not been wrapped;
- a long line (a whole paper, or a whole page, on one line) is cut where a paragraph number, a heading
  before it, a lettered item after a colon or semicolon, or a title-block field starts.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from extractor.layout.furniture import PAGE_NUMBER
from extractor.layout.spacing import printed_lines
from extractor.model import Line, Span
from extractor.resources import models_dir
from extractor.symbols import find_symbols
from extractor.titleblock import NOTICE, title_fields

LONG_LINE = 200  # characters: a longer line is a paragraph at least, often many
FILE_FOOTER = (r"(?:GB[\w.\-\[\]]*|[\w.\-]*\[[A-Z]+-\d{6}-\d+\][\w.\-]*"
               r"|[\w.\-]*-\d{4}-\d{2}-\d{4}-\d+-(?:En|Fr|Sp|Es)[\w.\-]*)"
               r"\.(?:docx?|rtf|odt|wpd|pdf)")
PAGE_START = re.compile(r"^(\d{1,3})(?:\s+|$)")
SENTENCE_END = re.compile(r"(?:[.!?;:)\]”’\"]|\.\d{1,2})\s+(?=\S)")
HEADING_WORDS = 12
SECTION_LABEL = re.compile(r"(?<!\S)(?:[IVXL]{1,5}|[A-H])\.\s+$")
NOTE_OPENER = r"(?:[A-Z“\"(\[‘]|GB\.)"  # how a footnote's text opens: "GB.280/MNE/1.", "Figures …", "[…]"
NOTE_START = re.compile(rf"^(\d{{1,2}})\s+({NOTE_OPENER}.*)$")
NOTE_ENDS = (".", ")", "]", "”")  # a footnote's last character
NOTE_LINES = 6  # footnotes stand in the last few lines before a page's footer
INLINE_NUMBER = re.compile(r"(?<=\S\s)(\d{1,3})\.\s+(?=[A-Z“])")  # "… year. 2. The …": a paragraph inside a line
LINE_NUMBER = re.compile(r"^(\d{1,3})\.\s")
LETTERED = re.compile(r"[:;]\s+(?:(?:and|or)\s+)?(?=\(?[a-z]\)\s|[–—•]\s)")  # "(a) ", "a) " or "– " after ":" or ";"


@dataclass(slots=True)
class Flattening:
    """What the cutting knows as it walks through the text."""

    own_symbol: str = ""
    next_paragraph: int = 1
    next_note: int = 1
    by_page: bool = False  # a transcription page by page: every page is one flattened line


@cache
def site_patterns() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """(id, kind, regex) of the site and furniture lines recognised by their form."""
    path = models_dir() / "patterns" / "furniture.jsonl"
    rules = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return tuple((rule["id"], rule["kind"], re.compile(rule["regex"])) for rule in rules)


def site_kind(text: str) -> str:
    """ "site" or "furniture" for a line a web or document-sharing site added, else ""."""
    text = text.strip()
    for _, kind, regex in site_patterns():
        if regex.match(text):
            return kind
    return ""


def own_symbol(lines: list[Line]) -> str:
    """The paper's symbol: the one printed most (title block and running headers), the first on a tie."""
    found = [symbol for line in lines for symbol in find_symbols(line.text)]
    if not found:
        return ""
    counts = Counter(found)
    best = max(counts.values())
    return next(symbol for symbol in found if counts[symbol] == best)


def restore_lines(lines: list[Line]) -> list[Line]:
    """The lines of a flattened text, cut and marked as the module says."""
    state = Flattening(own_symbol=own_symbol(lines))
    lines = _page_blocks(_unwrapped(lines), state)
    out: list[Line] = []
    for line in lines:
        if line.region != "body" or not line.text.strip():
            out.append(line)
            continue
        long = len(line.text) > LONG_LINE or state.by_page
        for piece in _cut_furniture(line, state):
            if piece.region == "body" and long:
                out.extend(_cut_long(piece, state))
            else:
                out.append(piece)
    _mark_headers_beside_footers(out, state)
    _mark_notes_before_furniture(out)
    return out


def _unwrapped(lines: list[Line]) -> list[Line]:
    """A hard-wrapped text whose paragraphs run together: each block of lines (between blank lines) joined
    into one line, which the long-line cutting then cuts at its paragraph numbers."""
    body = [line for line in lines if line.region == "body" and line.text.strip()]
    if not printed_lines([line.text for line in body]):
        return lines
    inline = [int(m.group(1)) for line in body for m in INLINE_NUMBER.finditer(line.text)]
    starts = [int(m.group(1)) for line in body if (m := LINE_NUMBER.match(line.text.strip()))]
    if not _in_sequence(inline) or len(starts) * 3 > len(inline):
        return lines
    out: list[Line] = []
    for line in lines:
        joins = (out and line.region == "body" and line.text.strip() and out[-1].region == "body"
                 and out[-1].text.strip() and out[-1].page == line.page)
        if joins:
            out[-1] = _with_text(out[-1], f"{out[-1].text.rstrip()} {line.text.strip()}")
        else:
            out.append(line)
    return out


def _in_sequence(numbers: list[int]) -> bool:
    """Paragraph numbers 2, 3, 4 (at least) among ``numbers``, in this order."""
    expected = 2
    for number in numbers:
        if number == expected:
            expected += 1
    return expected > 4


def _with_text(line: Line, text: str, region: str = "body", footnote: str = "") -> Line:
    return Line(spans=[Span(text)], page=line.page, top=line.top, region=region, footnote=footnote)  # type: ignore[arg-type]


def _page_blocks(lines: list[Line], state: Flattening) -> list[Line]:
    """A transcription page by page: every block (between blank lines) opens with its page number, in order.
    The numbers (and a running header after them) leave the text; each line learns its page."""
    blocks: list[list[int]] = [[]]
    for index, line in enumerate(lines):
        if line.text.strip() and line.region == "body":
            blocks[-1].append(index)
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    while blocks and not PAGE_START.match(lines[blocks[0][0]].text.strip()):
        blocks.pop(0)  # lines a site put before the first page
    numbers = [PAGE_START.match(lines[b[0]].text.strip()) for b in blocks]
    if len(blocks) < 2 or not all(numbers):
        return lines
    values = [int(m.group(1)) for m in numbers if m]
    if values != list(range(values[0], values[0] + len(values))):
        return lines
    state.by_page = True
    for block, number in zip(blocks, values, strict=True):
        first = lines[block[0]]
        rest = PAGE_START.sub("", first.text.strip(), count=1)
        if state.own_symbol and rest.startswith(state.own_symbol):
            rest = rest[len(state.own_symbol):].lstrip()  # the running header
        first.spans = [Span(rest)]
        for index in block:
            lines[index].page = number
    return lines


def _cut_furniture(line: Line, state: Flattening) -> list[Line]:
    """Cut Word file-name footers (with their page number and the running header beside them) and the
    environmental notice out of a line; the footnote text just before a footer becomes a footnote."""
    text = line.text
    symbol = re.escape(state.own_symbol) if state.own_symbol else r"(?!x)x"
    footer = re.compile(rf"(?:(?<!\S){symbol}\s+)?(?:(?<![\w.,])\d{{1,3}}\s+)?{FILE_FOOTER}"
                        rf"(?:\s+\d{{1,3}}(?![\w.,]))?(?:\s+{symbol}(?![\w/]))?|{NOTICE}", re.I)
    pieces: list[Line] = []
    last = 0
    for match in footer.finditer(text):
        before = text[last:match.start()].strip()
        if before:
            pieces.extend(_split_notes(line, before, state))
        pieces.append(_with_text(line, match.group(0).strip(), region="footer"))
        last = match.end()
    if not pieces:
        return [line]
    rest = text[last:].strip()
    if rest:
        pieces.append(_with_text(line, rest))
    return pieces


def _split_notes(line: Line, text: str, state: Flattening) -> list[Line]:
    """Text before a footer in one line: the body, then the page's footnotes ("… to 1 GB.328/PV, paragraph 512.")."""
    if not text.rstrip().endswith(NOTE_ENDS):
        return [_with_text(line, text)]
    first = [m.start() for m in re.finditer(rf"(?:^|(?<=\s)){state.next_note}\s+(?={NOTE_OPENER})", text)]
    if not first:
        return [_with_text(line, text)]
    starts = [first[-1]]  # the last one: the notes follow the body
    while (following := re.compile(rf"[.)\]”]\s+({state.next_note + len(starts)})\s+(?={NOTE_OPENER})")
           .search(text, starts[-1] + 1)) is not None:
        starts.append(following.start(1))
    pieces = [_with_text(line, text[: starts[0]].strip())] if text[: starts[0]].strip() else []
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        marker, body = text[start:end].strip().split(None, 1)
        pieces.append(_with_text(line, body, region="footnote", footnote=marker))
    state.next_note += len(starts)
    return pieces


def _mark_headers_beside_footers(lines: list[Line], state: Flattening) -> None:
    """The paper's symbol alone on a line next to a footer is the running header."""
    for index, line in enumerate(lines):
        if line.region != "body" or not state.own_symbol or line.text.strip() != state.own_symbol:
            continue
        filled = [j for j in range(max(0, index - 3), min(len(lines), index + 4)) if lines[j].text.strip()]
        position = filled.index(index)
        near = [lines[j] for j in filled[max(0, position - 1):position + 2] if j != index]
        if any(other.region == "footer" for other in near):  # the nearest lines, blank ones aside
            line.region = "footer"


def _mark_notes_before_furniture(lines: list[Line]) -> None:
    """The lines set right before a footer that open with the next footnote numbers ("1 GB.289/TC/1.",
    "2 Figures at 31 December 2004.") are that page's footnotes, with their continuation lines."""
    number = 1
    for index, line in enumerate(lines):
        if line.region == "footnote" and line.footnote.isdigit():
            number = int(line.footnote) + 1
        if line.region != "footer":
            continue
        above = [j for j in range(max(0, index - NOTE_LINES), index) if lines[j].text.strip()]
        while above and (lines[above[-1]].region == "footer" or PAGE_NUMBER.match(lines[above[-1]].text.strip())):
            above.pop()  # the footer's own lines, and the page number set between the notes and the footer
        for start in range(len(above)):
            notes = _notes(lines, above[start:], number)
            if notes:
                for j, marker in notes:
                    match = NOTE_START.match(lines[j].text.strip())
                    if marker and match:
                        lines[j].spans = [Span(match.group(2))]
                    lines[j].region, lines[j].footnote = "footnote", marker
                number = max(int(marker) for _, marker in notes) + 1  # a note's second line carries its marker
                break


def _notes(lines: list[Line], indexes: list[int], number: int) -> list[tuple[int, str]]:
    """(line, marker) when the lines are footnotes numbered from ``number`` (a continuation line has no
    marker and belongs to the note above); else nothing."""
    found: list[tuple[int, str]] = []
    expected = number
    for j in indexes:
        text = lines[j].text.strip()
        match = NOTE_START.match(text)
        if lines[j].region != "body":
            return []
        if match and int(match.group(1)) == expected:
            found.append((j, match.group(1)))
            expected += 1
        elif found and not match:
            found.append((j, found[-1][1]))
        else:
            return []
    ends = lines[indexes[-1]].text.rstrip().endswith(NOTE_ENDS) if indexes else False
    return found if found and ends else []


def _cut_long(line: Line, state: Flattening) -> list[Line]:
    """A long line: cut before each paragraph number that comes next (and the heading before it);
    before paragraph 1, the title block's fields each get a line."""
    text = line.text.strip()
    front = state.next_paragraph == 1
    cuts: list[tuple[int, int]] = []  # (heading start, number start)
    position = 0
    while (match := re.compile(rf"(?:^|(?<=\s)){state.next_paragraph}[.)]\s+(?=[A-Z“\"‘(])")
           .search(text, position)) is not None:
        cuts.append((_heading_start(text, match.start(), position), match.start()))
        position = match.end()
        state.next_paragraph += 1
    pieces: list[Line] = []
    last = 0
    for heading, start in cuts:
        pieces.extend(_piece(line, text[last:heading].strip(), front and last == 0))
        if text[heading:start].strip():
            pieces.append(_with_text(line, text[heading:start].strip()))
        last = start
    pieces.extend(_piece(line, text[last:].strip(), front and last == 0))
    return pieces


def _heading_start(text: str, number_start: int, floor: int) -> int:
    """Where an inline heading before a paragraph number starts (``number_start`` when there is none):
    after the last sentence end, if what follows is a short capitalised phrase."""
    window_start = max(floor, number_start - 200)
    # the stop after a section label ("I. Introduction") ends no sentence: the label belongs to the heading
    ends = [e for e in SENTENCE_END.finditer(text, window_start, number_start)
            if not SECTION_LABEL.search(text, max(0, e.start() - 6), e.end())]
    start = ends[-1].end() if ends else window_start
    if not ends and window_start > floor:
        return number_start
    heading = text[start:number_start].strip()
    words = heading.split()
    if heading and heading[:1].isupper() and 0 < len(words) <= HEADING_WORDS and not heading.endswith(","):
        return start
    return number_start


def _piece(line: Line, text: str, front: bool) -> list[Line]:
    """A piece of a long line: before paragraph 1, the title block's fields; else body text."""
    if not text:
        return []
    if front:
        return [_with_text(line, f.text) for f in title_fields(text)] or [_with_text(line, text)]
    return _cut_lettered(_with_text(line, text))


def _cut_lettered(line: Line) -> list[Line]:
    """ "… the Director-General to: (a) take …; and (b) seek …": each lettered item on its own line."""
    text = line.text
    if "(" not in text or not LETTERED.search(text):
        return [line]
    cuts = [m.end() for m in LETTERED.finditer(text)]
    bounds = [0, *cuts, len(text)]
    return [_with_text(line, text[a:b].strip()) for a, b in zip(bounds, bounds[1:], strict=False)  # noqa: RUF007
            if text[a:b].strip()]
