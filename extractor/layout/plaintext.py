"""Flattened text (a PDF or web page saved as text, a transcription) -> blocks.

Without geometry, the layout is read from the text's own shape: blank lines,
paragraph numbers and dashes at line starts, short lines that end a
paragraph, and the page residue (footnote, file name, page number, running
header) that a flattened PDF leaves between two halves of a paragraph.
``flattened.restore_lines`` first undoes what flattening did to the lines
(a paper on one line, furniture inside a sentence); site lines are set aside
by their form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractor.layout.assemble import (
    DASH_MARKER,
    LETTER_MARKER,
    PARA_NUMBER,
    PARA_NUMBER_PAREN,
    SENTENCE_ENDS,
    assemble,
    clean,
    clean_row,
    dot_numbering,
    wrapped_year,
)
from extractor.layout.flattened import LONG_LINE, NOTE_OPENER, restore_lines, site_kind
from extractor.layout.furniture import FILE_NAME, LIMITED_PRINT, PAGE_NUMBER, SYMBOL_AND_PAGE, SYMBOL_ONLY
from extractor.layout.hyphenation import Vocabulary
from extractor.layout.spacing import undouble
from extractor.layout.textcolumns import split_text_columns
from extractor.metadata import is_appendix_heading, is_closing
from extractor.model import Block, Layout, Line, RawDocument, Span
from extractor.titleblock import NOTICE_RE, is_title_field_line

LONE_NUMBER = re.compile(r"^\d{1,3}$")
LONE_PARA_NUMBER = re.compile(r"^(\d{1,4})[.)]$")
LONE_DASH = re.compile(r"^[–—•▪◦·\-]$")
ORDERED_ITEM = re.compile(r"^\s{2,}(\d{1,2})[.)]\s+(?=\S)")  # "  1. …" inside a paragraph: a web page's <ol>
FOOTNOTE_REF = re.compile(r"(?<=[.,;:!?)\]”\"’])\s+(\d{1,3})(?=\s|$)")
GLUED_REF = re.compile(r"(?<=[a-z)\]”\"’][.,;:])(\d{1,2})(?=\s)|(?<=\d,)(\d{1,2})(?=\s+[a-z])")
CALLED_REF = re.compile(r"(?<=\S)\((\d{1,2})\)(?=[\s.,;:]|$)")  # "held in 1996(1)", a web page's note call
END_NOTE = re.compile(r"^\((\d{1,2})\)\s+(\S.*)$")  # "(1) GB.267/MNE/1." at the bottom of a web page
DOT_LEADERS = re.compile(r"\.{4,}\s*\d|…{2,}")
CONTINUES = re.compile(r"^(?:[a-z(]|\d{4}\b|(?:and|or|of|on|in|for|the|to)\b)")
PARENTHESISED = re.compile(r"^\([^()]*\s[^()]*\)$")  # "(First item on the agenda)", not "(ITC-ILO)"
CONTENTS_RUN = re.compile(r"(?:Table of )?(?:Contents|CONTENTS)\s+(?:Pages?\s+)?"  # a contents list inside a long line
                          r"(?:\S.{0,200}?(?:\s?\.{4,}|…{2,})\s*\d{1,3}(?![\d,.])\s*)+")
CONTENTS_TITLE = re.compile(r"^(?:(?:Table of )?[Cc]ontents|CONTENTS|Pages?|Paragraphs?)$")
TABLE_DEBRIS = re.compile(r"^[\s|]*\|\s*|\s*\|[\s|]*$")
SHORT_HEADING = 4  # words: "Introduction", "Background and purpose" before paragraph 1
WRAPPED_TITLE = 45  # characters: a title line this long without a stop ran on to the next line
MAX_LIST_LINE = 90  # a name a line
NOTE_REACH = 6  # lines: a page's footnotes stand this close above its footer


@dataclass(slots=True)
class Chunk:
    lines: list[Line] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(line.text.strip() for line in self.lines)


@dataclass(slots=True)
class Draft:
    """Lines becoming one block."""

    lines: list[Line] = field(default_factory=list)
    kind: str = "body"  # body, item (of the paragraph above), table (one row), site
    label: str = ""


def lay_out_text(raw: RawDocument) -> Layout:
    kept, site, site_furniture = _take_site_lines(split_text_columns(undouble(raw.lines)))
    lines = dot_numbering(restore_lines(_join_note_markers(kept)))  # again: a paper on one line shows its "1)" now
    chunks = _chunks(lines)
    chunks, end_notes = _take_end_notes(chunks)
    body, footnotes, furniture = _take_page_residue(chunks)
    footnotes = _joined_notes(footnotes + end_notes)
    vocabulary = Vocabulary(line.text for chunk in body for line in chunk.lines)
    _mark_footnote_refs(body, {marker for marker, _, _ in end_notes})
    blocks = [Block(text=clean(line.text).strip(), kind="site", page_start=line.page, page_end=line.page)
              for line in site]
    blocks += _blocks(body, vocabulary)
    blocks += [Block(text=clean(text), kind="footnote", marker=marker, page_start=page, page_end=page)
               for marker, text, page in footnotes]
    blocks += [Block(text=clean(line.text).strip(), kind="furniture", page_start=line.page, page_end=line.page)
               for line in furniture + site_furniture]
    return Layout(blocks=blocks, body_size=0.0)


def _joined_notes(notes: list[tuple[str, str, int]]) -> list[tuple[str, str, int]]:
    """A note's lines, each read with the note's marker, as one note."""
    out: list[tuple[str, str, int]] = []
    for marker, text, page in notes:
        if out and out[-1][0] == marker and out[-1][2] == page:
            out[-1] = (marker, f"{out[-1][1]} {text}", page)
        else:
            out.append((marker, text, page))
    return out


def _join_note_markers(lines: list[Line]) -> list[Line]:
    """ "1" alone on a line and the note's text on the next (indented, or just before the page's footer),
    as ``pdftotext`` sets a page's footnotes: one line "1 GB.295/MNE/3/1.", the form the page-residue
    logic reads."""
    out: list[Line] = []
    skip = False
    for index, line in enumerate(lines):
        if skip:
            skip = False
            continue
        if LONE_NUMBER.match(line.text.strip()) and line.region == "body" and _note_follows(lines, index):
            following = lines[index + 1]
            out.append(_line_like(following, f"{line.text.strip()} {following.text.strip()}"))
            skip = True
        else:
            out.append(line)
    return out


def _note_follows(lines: list[Line], index: int) -> bool:
    following = lines[index + 1] if index + 1 < len(lines) else None
    if following is None or not following.text.strip() or following.text.strip()[:1].isdigit():
        return False
    if following.text[:1].isspace():
        return True
    page = lines[index].page
    below = lines[index + 2:index + 2 + NOTE_REACH]
    return bool(re.match(NOTE_OPENER, following.text.strip())) and any(
        _furniture_line(_plain(other.text)) or other.page != page for other in below)


def _take_site_lines(lines: list[Line]) -> tuple[list[Line], list[Line], list[Line]]:
    """Lines a web or document-sharing site added, by their form: kept as site lines or furniture."""
    kept: list[Line] = []
    site: list[Line] = []
    furniture: list[Line] = []
    leaders = [i for i, line in enumerate(lines) if line.region == "body" and DOT_LEADERS.search(line.text)]
    contents = {i for first in leaders[:1] for i in range(max(0, first - 4), first)
                if CONTENTS_TITLE.match(lines[i].text.strip())}
    for index, line in enumerate(lines):
        if index in contents:  # "Contents" and "Page" over a contents list
            furniture.append(line)
            continue
        if line.region == "body" and len(line.text) > LONG_LINE and (run := CONTENTS_RUN.search(line.text)):
            furniture.append(_line_like(line, run.group(0).strip()))  # a whole paper on one line
            line.spans = [Span(f"{line.text[:run.start()].rstrip()}  {line.text[run.end():].lstrip()}")]
        if line.region == "body" and "|" in line.text:  # a web page's title-block table, flattened
            if not TABLE_DEBRIS.sub("", line.text).strip():
                furniture.append(line)
                continue
            line.spans = [Span(TABLE_DEBRIS.sub("", line.text))]
        kind = site_kind(line.text) if line.region == "body" else ""
        if kind == "site":
            site.append(line)
        elif kind == "furniture" or (line.region == "body" and DOT_LEADERS.search(line.text)):
            furniture.append(line)  # a contents list with dot leaders is furniture too
        else:
            kept.append(line)
    return kept, site, furniture


def _chunks(lines: list[Line]) -> list[Chunk]:
    """Runs of lines between blank lines; a footer or footnote line cut out of the text stands alone."""
    chunks: list[Chunk] = [Chunk()]
    for line in lines:
        if not line.text.strip():
            if chunks[-1].lines:
                chunks.append(Chunk())
            continue
        marked = line.region in ("footer", "footnote")
        # a running header at the top of the next page (after a form feed) stands apart from the text
        new_page = (bool(chunks[-1].lines) and chunks[-1].lines[-1].page != line.page
                    and _furniture_line(_plain(line.text)))
        if (marked or new_page) and chunks[-1].lines:
            chunks.append(Chunk())
        if not marked and chunks[-1].lines and chunks[-1].lines[-1].region in ("footer", "footnote"):
            chunks.append(Chunk())
        chunks[-1].lines.append(line)
    return [c for c in chunks if c.lines]


def _take_end_notes(chunks: list[Chunk]) -> tuple[list[Chunk], list[tuple[str, str, int]]]:
    """Notes at the bottom of a web page: "(1) GB.267/MNE/1." lines after the body (and before a footer
    the page kept), numbered from 1."""
    notes: list[tuple[str, str, int]] = []
    end = len(chunks)
    while end > 0 and all(line.region == "footer" or _furniture_line(_plain(line.text))
                          or PAGE_NUMBER.match(_plain(line.text)) for line in chunks[end - 1].lines):
        end -= 1
    index = end
    while index > 0 and all(END_NOTE.match(_plain(line.text)) for line in chunks[index - 1].lines):
        index -= 1
    found = [END_NOTE.match(_plain(line.text)) for chunk in chunks[index:end] for line in chunk.lines]
    pages = [line.page for chunk in chunks[index:end] for line in chunk.lines]
    if not found or found[0] is None or found[0].group(1) != "1":
        return chunks, []
    for match, page in zip(found, pages, strict=True):
        if match is not None:
            notes.append((match.group(1), match.group(2).strip(), page))
    return chunks[:index] + chunks[end:], notes


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ").strip()


def _is_anchor(chunk: Chunk) -> bool:
    """A chunk that can only be page furniture."""
    return all(line.region == "footer" or _furniture_line(line.text.strip()) for line in chunk.lines)


def _symbol_alone(chunk: Chunk) -> bool:
    return len(chunk.lines) == 1 and bool(SYMBOL_ONLY.match(chunk.lines[0].text.strip()))


def _is_note(chunk: Chunk) -> bool:
    return all(line.region == "footnote" for line in chunk.lines)


def _furniture_line(text: str) -> bool:
    return bool(FILE_NAME.match(text) or SYMBOL_ONLY.match(text) or SYMBOL_AND_PAGE.match(text)
                or LIMITED_PRINT.search(text))


def _take_page_residue(chunks: list[Chunk]) -> tuple[list[Chunk], list[tuple[str, str, int]], list[Line]]:
    """The body without each page's residue (running header or footer, page number, and the notes before
    them), the notes found there, and the furniture lines."""
    residue: set[int] = set()
    footnotes: list[tuple[str, str, int]] = []
    furniture: list[Line] = []
    page_breaks: list[int] = []
    index = 0
    while index < len(chunks):
        if not _is_anchor(chunks[index]) or (index == 0 and _symbol_alone(chunks[0])):
            index += 1  # a symbol alone at the very top is the title block's, not a running header
            continue
        notes_start, start, end = _residue_around(chunks, index)
        footnotes += _notes(chunks, notes_start, start)
        for position in range(start, end + 1):
            furniture.extend(chunks[position].lines)
        residue.update(range(notes_start, end + 1))
        if not all(LIMITED_PRINT.search(line.text) or NOTICE_RE.match(line.text.strip())
                   for position in range(start, end + 1) for line in chunks[position].lines):
            page_breaks.append(end)  # the environmental notice is no page break
        index = end + 1
    return _paged_body(chunks, residue, page_breaks), footnotes, furniture


def _residue_around(chunks: list[Chunk], index: int) -> tuple[int, int, int]:
    """Where the residue around the anchor at ``index`` starts (its notes, then its furniture) and ends."""
    start = end = index
    while end + 1 < len(chunks) and (_is_anchor(chunks[end + 1]) or _lone_number(chunks[end + 1])):
        end += 1
    while start - 1 >= 0 and _lone_number(chunks[start - 1]):
        start -= 1
    notes_start = start
    while True:
        if notes_start - 1 >= 0 and _is_note(chunks[notes_start - 1]):
            notes_start -= 1
        elif (notes_start - 2 >= 0 and _lone_number(chunks[notes_start - 2])
              and not _is_anchor(chunks[notes_start - 1]) and not _is_note(chunks[notes_start - 1])):
            notes_start -= 2
        else:
            return notes_start, start, end


def _notes(chunks: list[Chunk], notes_start: int, start: int) -> list[tuple[str, str, int]]:
    """(marker, text, page) of the notes between ``notes_start`` and ``start``: note lines, or a number alone
    and the text after it."""
    footnotes: list[tuple[str, str, int]] = []
    position = notes_start
    while position < start:
        chunk = chunks[position]
        if _is_note(chunk):
            footnotes.extend((line.footnote, line.text.strip(), line.page) for line in chunk.lines)
            position += 1
        else:
            marker = chunk.lines[0].text.strip()
            footnotes.append((marker, chunks[position + 1].text, chunk.lines[0].page))
            position += 2
    return footnotes


def _paged_body(chunks: list[Chunk], residue: set[int], page_breaks: list[int]) -> list[Chunk]:
    """The chunks outside the residue, each line on its page (one more after each page break)."""
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
    return body


def _lone_number(chunk: Chunk) -> bool:
    return len(chunk.lines) == 1 and bool(LONE_NUMBER.match(chunk.lines[0].text.strip())
                                          or PAGE_NUMBER.match(chunk.lines[0].text.strip()))


def _mark_footnote_refs(chunks: list[Chunk], called: set[str]) -> None:
    """Turn a footnote call into a raised marker when it is the next footnote number: " 1" after a
    sentence, "2001,1 the" glued, or "(1)" glued where the page has notes "(1) …" at the bottom."""
    expected = 1
    for chunk in chunks:
        for line in chunk.lines:
            text = line.text
            spans: list[Span] = []
            last = 0
            for match in _calls(text, bool(called)):
                marker = next(g for g in match.groups() if g)
                if int(marker) != expected:
                    continue
                spans.append(Span(text[last:match.start()].rstrip() if match.group(0)[:1].isspace()
                                  else text[last:match.start()]))
                spans.append(Span(marker, raised=True))
                last = match.end()
                expected += 1
            if spans:
                spans.append(Span(text[last:]))
                line.spans = [s for s in spans if s.text]


def _calls(text: str, web_notes: bool) -> list[re.Match[str]]:
    if web_notes:
        return list(CALLED_REF.finditer(text))
    found = list(FOOTNOTE_REF.finditer(text)) + list(GLUED_REF.finditer(text))
    return sorted(found, key=lambda m: m.start())


def _place_body_line(drafts: list[Draft], line: Line, chunk: Chunk, following: str, width: int) -> None:
    """Add a line after the title block: an ordered item, an item's wrapped line, a new block, or the
    current block's next line."""
    text = line.text.strip()
    ordered = ORDERED_ITEM.match(line.text)
    if ordered and drafts and _introduces_list(drafts[-1]):
        line.spans = [Span(line.text[ordered.end():])]
        drafts.append(Draft([line], "item", f"{ordered.group(1)}."))
    elif drafts and drafts[-1].kind == "item" and drafts[-1].label[:1].isdigit() \
            and line is not chunk.lines[0] and line.text[:2] == "  ":
        drafts[-1].lines.append(line)  # an ordered item's wrapped line
    elif not drafts or _opens(line, drafts[-1].lines, chunk, width, following) \
            or (_heads(text, following, width) and not _looks_like_heading(drafts[-1].lines)):
        drafts.append(Draft([line]))
    else:
        drafts[-1].lines.append(line)


def _blocks(chunks: list[Chunk], vocabulary: Vocabulary) -> list[Block]:
    width = _typical_width(chunks)
    drafts: list[Draft] = []
    pending_marker = ""
    pending_number = ""
    front = True  # before the first numbered paragraph: the title block, one short line a field
    sequence = [(line, chunk) for chunk in chunks for line in chunk.lines]
    for position, (line, chunk) in enumerate(sequence):
        following = sequence[position + 1][0].text.strip() if position + 1 < len(sequence) else ""
        text = line.text.strip()
        if line.region == "table":  # a real table's row (a web page's <table>)
            drafts.append(Draft([line], "table"))
            continue
        previous = sequence[position - 1] if position else None
        wrapped = previous is not None and _wrapped_year(text, previous[0].text, previous[1] is chunk)
        if LONE_PARA_NUMBER.match(text) and not wrapped:
            pending_number = text  # "1." alone on its line, the text on the next
            continue
        if pending_number:
            line.spans = [Span(f"{pending_number} "), *line.spans]
            text = line.text.strip()
            pending_number = ""
        front = front and not PARA_NUMBER.match(text)
        if front:
            before_first = bool(PARA_NUMBER.match(following) or LONE_PARA_NUMBER.match(following))
            _front_line(drafts, line, chunk, heads=before_first and len(text.split()) <= SHORT_HEADING)
            continue
        if LONE_DASH.match(text):
            pending_marker = text
            drafts.append(Draft())
            continue
        if pending_marker:
            line.spans = [Span(f"{pending_marker} "), *line.spans]
            pending_marker = ""
            drafts[-1].lines.append(line)
            continue
        _place_body_line(drafts, line, chunk, following, width)
    drafts = [d for d in drafts if d.lines]
    drafts = _split_headings(drafts)
    drafts = _lists_after_colons(drafts)
    return [_block(d, vocabulary) for d in drafts]


def _introduces_list(draft: Draft) -> bool:
    """A paragraph ending "… before it:" or an item of a numbered list already begun."""
    if draft.kind == "item":
        return draft.label[:1].isdigit()
    return draft.kind == "body" and bool(draft.lines) and draft.lines[-1].text.rstrip().endswith(":")


def _wrapped_year(text: str, previous: str, same_chunk: bool) -> bool:
    return same_chunk and wrapped_year(text, previous)


def _front_line(drafts: list[Draft], line: Line, chunk: Chunk, heads: bool) -> None:
    """A title-block line: a field alone, or a title wrapped over several lines; ``heads``: the line stands
    right before the first paragraph number (a heading such as "Introduction")."""
    text = line.text.strip()
    previous = drafts[-1].lines[-1].text.strip() if drafts and drafts[-1].lines else ""
    same_chunk = bool(drafts) and line is not chunk.lines[0]
    wrapped = len(previous) >= WRAPPED_TITLE and not previous.endswith((".", ":", ";")) and not heads
    continued = (same_chunk and previous and not is_title_field_line(previous) and not is_title_field_line(text)
                 and (CONTINUES.match(text) or previous.endswith((",", " and", " of", " on", " for", " the"))
                      or wrapped)
                 and not PARENTHESISED.match(text))
    if continued:
        drafts[-1].lines.append(line)
    else:
        drafts.append(Draft([line]))


def _opens(line: Line, draft: list[Line], chunk: Chunk, width: int, following: str) -> bool:
    text = line.text.strip()
    if not draft:
        return True
    wraps = line is not chunk.lines[-1] and following[:1].islower()  # its sentence goes on on the next line
    previous = draft[-1]
    if _wrapped_year(text, previous.text, line is not chunk.lines[0]):
        return False
    if PARA_NUMBER.match(text) or PARA_NUMBER_PAREN.match(text) or DASH_MARKER.match(text):
        return True
    if (is_closing(text) and not previous.text.rstrip().endswith(",")) or (
            previous.text.rstrip().endswith(":") and len(text) <= MAX_LIST_LINE and not wraps):
        return True  # "Geneva, 2 March 2000."; a list or table after "… as follows:"
    if LETTER_MARKER.match(text) and previous.text.rstrip().endswith((":", ";", "; and", "; or", ".")):
        return True  # "(a) …" set on its own line after "… the following:"
    if is_appendix_heading(text) or is_appendix_heading(previous.text):
        return True  # "Appendix" stands alone over the appendix's own title
    if PARENTHESISED.match(text) and _looks_like_heading(draft):
        return True  # "(First item on the agenda)" under a heading
    if line is chunk.lines[0]:  # a new chunk after a blank line
        return not _continues(previous, line)
    short = len(previous.text.strip()) < 0.6 * width
    return short and previous.text.rstrip().endswith(SENTENCE_ENDS) and text[:1].isupper()


def _heads(text: str, following: str, width: int) -> bool:
    """A short capitalised line without a full stop, right before a paragraph number, is its heading."""
    numbered = bool(PARA_NUMBER.match(following) or LONE_PARA_NUMBER.match(following))
    return (numbered and len(text) < 0.6 * width and text[:1].isupper() and not text.endswith(SENTENCE_ENDS)
            and not text.endswith(","))


def _continues(previous: Line, line: Line) -> bool:
    """A paragraph cut by page residue goes on in lower case or after an unfinished sentence."""
    page_changed = line.page != previous.page
    unfinished = not previous.text.rstrip().endswith(SENTENCE_ENDS)
    return page_changed and (unfinished or line.text.lstrip()[:1].islower())


def _split_headings(drafts: list[Draft]) -> list[Draft]:
    """Lines standing before a paragraph number in one draft are a heading (side headings flattened)."""
    out: list[Draft] = []
    for draft in drafts:
        lines = draft.lines
        numbered = [i for i, line in enumerate(lines) if i and PARA_NUMBER.match(line.text.strip())
                    and not _wrapped_year(line.text.strip(), lines[i - 1].text, same_chunk=True)]
        if draft.kind == "body" and numbered and not any(
                line.text.rstrip().endswith((".", ";", ",")) for line in lines[: numbered[0]]):
            out.append(Draft(lines[: numbered[0]]))
            out.append(Draft(lines[numbered[0]:]))
        else:
            out.append(draft)
    return out


def _lists_after_colons(drafts: list[Draft]) -> list[Draft]:
    """Short lines after a paragraph that ends with a colon: one name a line ("… the following
    organizations:") are items of that paragraph; cells with figures are a flattened table. Under a
    heading ("Annex", "Estimated costs"), only a table is taken."""
    first = next((i for i, d in enumerate(drafts) if PARA_NUMBER.match(d.lines[0].text.strip())), len(drafts))
    out: list[Draft] = drafts[:first]  # the title block holds no list or table
    index = first
    while index < len(drafts):
        draft = drafts[index]
        out.append(draft)
        index += 1
        last = draft.lines[-1].text.strip()
        colon = last.endswith(":") and not is_closing(last)  # not "Points for decision:"
        if draft.kind != "body" or not (colon or _looks_like_heading(draft.lines)):
            continue
        end = index
        while end < len(drafts) and drafts[end].kind == "body" and _short_lines(drafts[end]):
            end += 1
        run = [line for d in drafts[index:end] for line in d.lines]
        cells = [line.text.strip() for line in run]
        if cells and (LETTER_MARKER.match(cells[0]) or DASH_MARKER.match(cells[0])):
            continue  # "(a) take into account …" wrapped in a narrow column: marked items, no list of names
        rows = _table_rows(cells) if run else None
        table = rows is not None and len(rows[0]) >= 2
        if not run or not (colon or table):
            continue
        index = end
        if rows is not None:
            out.extend(Draft([_line_like(run[0], "\t".join(row))], "table") for row in rows)
        elif len(run) >= 2 and all(cell[:1].isupper() for cell in cells):
            out.extend(Draft([line], "item") for line in run)
        else:
            out.extend(Draft([line]) for line in run)
    return out


def _short_lines(draft: Draft) -> bool:
    return all(len(line.text.strip()) <= MAX_LIST_LINE and not PARA_NUMBER.match(line.text.strip())
               and not line.text.rstrip().endswith((".", ";", ":")) for line in draft.lines)


def _table_rows(cells: list[str]) -> list[list[str]] | None:
    """Cells flattened one a line -> rows: a header row, then rows whose columns each hold labels or figures.

    The number of columns is the one that makes every column most alike (labels in one, periods or sums
    in another); the last row may be shorter (a total with blank cells). None when the lines do not read
    as a table (too few figures, too long a cell); one cell a row when no column count fits."""
    numeric = [bool(re.search(r"\d", cell)) for cell in cells]
    if len(cells) < 4 or sum(numeric) < len(cells) / 3 or any(len(cell) > MAX_LIST_LINE for cell in cells):
        return None
    best: tuple[float, int, int] | None = None
    for columns in range(2, 9):
        full = (len(cells) - columns) // columns
        flags = [numeric[columns + r * columns: columns + (r + 1) * columns] for r in range(full)]
        if full < 2 or len(cells) - columns - full * columns >= columns:
            continue
        shares = [sum(row[c] for row in flags) / full for c in range(columns)]
        if shares[0] > 0.5 or max(shares[1:]) < 0.8:
            continue  # a table's rows open with a label and hold figures
        purity = sum(max(share, 1 - share) for share in shares) / columns
        key = (purity, -(len(cells) % columns), -columns)
        if best is None or key > best:
            best = key
    if best is None:
        return [[cell] for cell in cells]
    columns = -best[2]
    return [cells[i:i + columns] for i in range(0, len(cells), columns)]


def _line_like(line: Line, text: str) -> Line:
    return Line(spans=[Span(text)], page=line.page, top=line.top)


def _block(draft: Draft, vocabulary: Vocabulary) -> Block:
    lines = draft.lines
    text, refs = assemble(lines, vocabulary) if draft.kind != "table" else (clean_row(lines[0].text), [])
    if draft.kind in ("item", "table"):
        return Block(text=text, kind=draft.kind, label=draft.label, page_start=lines[0].page,  # type: ignore[arg-type]
                     page_end=lines[-1].page, refs=refs)
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
