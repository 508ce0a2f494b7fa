"""Plain data passed between the pipeline stages.

read -> ``RawDocument`` (lines with geometry)
layout -> ``Layout`` (blocks: body text, headings, footnotes, furniture)
segment -> ``Segmented`` (segments with paragraph numbers, plus ``DocumentMeta``)
annotate -> ``Mention`` (what was found, where, and by which rule)
a whole file -> ``DocumentResult`` (with its ``Status``), one per ``Task``
compare -> ``Paper`` and ``Series`` (papers of one body and subject, in order)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

# the kinds of segment the annotation reads (not furniture, nor the contents)
ANNOTATED_KINDS = frozenset({"site", "title", "summary", "heading", "paragraph", "item", "table", "footnote", "closing",
                             "appendix"})

Region = Literal["body", "table", "header", "footer", "footnote", "site"]


@dataclass(frozen=True, slots=True)
class Span:
    """A run of characters on one line sharing size, weight and baseline."""

    text: str
    size: float = 0.0
    bold: bool = False
    raised: bool = False  # superscript: smaller and above the line's baseline
    x0: float = 0.0
    x1: float = 0.0


@dataclass(slots=True)
class Line:
    """One line of text as a reader saw it.

    PDF readers give one ``Line`` per printed line (with geometry). The DOCX
    reader gives one ``Line`` per Word paragraph (``block`` is its index) with
    the automatic list ``label`` and ``style`` that PDF text has to infer.
    The text reader gives one ``Line`` per line of the file, no geometry.
    """

    spans: list[Span]
    page: int = 1
    top: float = 0.0
    bottom: float = 0.0
    region: Region = "body"
    label: str = ""  # automatic numbering printed before the text ("1.", "–", "(a)")
    style: str = ""  # paragraph style name ("heading 2", "footnote text")
    heading_level: int = 0  # outline level from the style, 0 when not a heading style
    block: int = -1  # paragraph index when the reader knows paragraphs (DOCX)
    footnote: str = ""  # for footnote lines from a footnotes part: the marker
    align: str = ""  # "center", "right", "both" when known

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)

    @property
    def x0(self) -> float:
        return self.spans[0].x0 if self.spans else 0.0

    @property
    def x1(self) -> float:
        return self.spans[-1].x1 if self.spans else 0.0

    @property
    def size(self) -> float:
        """The size most of the line's (not raised) characters are set in."""
        weights: dict[float, int] = {}
        for s in self.spans:
            if not s.raised:
                weights[s.size] = weights.get(s.size, 0) + len(s.text.strip())
        if not weights:
            return self.spans[0].size if self.spans else 0.0
        return max(weights, key=lambda k: (weights[k], k))

    @property
    def bold(self) -> bool:
        """True when every letter on the line (superscripts aside) is bold."""
        letters = [s for s in self.spans if not s.raised and any(c.isalnum() for c in s.text)]
        return bool(letters) and all(s.bold for s in letters)


@dataclass(slots=True)
class RawDocument:
    """What a reader returns: the lines, and facts about the file."""

    path: str
    format: str  # pdf | docx | doc | rtf | html | odt | text
    lines: list[Line]
    pages: int = 0
    page_height: float = 0.0
    page_width: float = 0.0
    has_geometry: bool = False
    warnings: list[str] = field(default_factory=list)
    engine: str = ""


@dataclass(frozen=True, slots=True)
class FootnoteRef:
    """A footnote reference taken out of a text: where it stood and its marker."""

    marker: str
    offset: int  # character offset in the cleaned text


@dataclass(slots=True)
class Block:
    """A logical paragraph after layout clean-up."""

    text: str
    # body and heading text; an item of the paragraph above (a list inside it); a table row (cells joined
    # by tabs); a footnote; furniture; a line a web or document site added around the paper
    kind: Literal["body", "heading", "item", "table", "footnote", "furniture", "site"] = "body"
    page_start: int = 1
    page_end: int = 1
    label: str = ""  # list label known from the source's numbering
    refs: list[FootnoteRef] = field(default_factory=list)
    bold: bool = False
    size: float = 0.0
    x0: float = 0.0
    indent: float = 0.0  # x of the continuation lines, when known
    top: float = 0.0
    style: str = ""
    heading_level: int = 0
    in_table: bool = False
    align: str = ""
    marker: str = ""  # footnote marker, for footnote blocks
    margin: bool = False  # set in the left margin beside the text column


@dataclass(slots=True)
class Layout:
    blocks: list[Block]
    body_size: float = 0.0


@dataclass(slots=True)
class Segment:
    doc_id: str
    symbol: str
    seg_id: str
    kind: str  # title, summary, heading, paragraph, item, footnote, closing, furniture
    text: str
    para: str = ""
    item: str = ""
    marker: str = ""
    section: str = ""
    page_start: int = 1
    page_end: int = 1
    footnote_refs: list[tuple[str, int, str]] = field(default_factory=list)  # marker, offset, seg_id


@dataclass(slots=True)
class DocumentMeta:
    symbol: str = ""
    session: str = ""
    session_date: str = ""
    committee: str = ""
    section: str = ""
    segment: str = ""
    committee_code: str = ""
    purpose: str = ""
    agenda_item: str = ""
    title: str = ""
    date: str = ""
    language: str = ""
    original_language: str = ""
    author_unit: str = ""
    related_documents: str = ""
    layout: str = ""  # "2011" for papers in the layout used since November 2011, else "classic"
    is_gb_paper: bool = True


@dataclass(slots=True)
class Mention:
    seg_id: str
    para: str
    item: str
    section: str
    page: int
    type: str
    text: str
    norm: str
    start: int  # character offsets in the segment's text
    end: int
    sentence: str
    method: str
    score: str = ""  # the rules and this model give none; kept for methods that do


@dataclass(slots=True)
class Segmented:
    """A paper's segments in reading order, its metadata, and what an analyst should know about the reading."""

    meta: DocumentMeta
    segments: list[Segment]
    warnings: list[str] = field(default_factory=list)

    @property
    def paragraphs(self) -> int:
        return len({s.para for s in self.segments if s.kind == "paragraph" and s.para})


class Status(StrEnum):
    """What became of a file: documents.csv's ``status`` column."""

    OK = "ok"
    FLAGGED = "flagged"  # read, with something an analyst should look at (see the message)
    EMPTY = "empty"
    CORRUPT = "corrupt"
    ENCRYPTED = "encrypted"
    NO_TEXT = "no-text"
    UNSUPPORTED = "unsupported"
    MISSING_DEPENDENCY = "missing-dependency"
    TOO_LARGE = "too-large"
    UNREADABLE = "unreadable"
    TIMEOUT = "timeout"
    CRASHED = "crashed"
    OUT_OF_MEMORY = "out-of-memory"
    FAILED = "failed"

    @property
    def read(self) -> bool:
        """The file was read (its tables have rows)."""
        return self in (Status.OK, Status.FLAGGED)

    @property
    def about_the_file(self) -> bool:
        """The same file gets the same status again (so it may be cached), unlike a time limit or a crash."""
        return self.read or self in (Status.EMPTY, Status.CORRUPT, Status.ENCRYPTED, Status.NO_TEXT,
                                     Status.UNSUPPORTED, Status.TOO_LARGE)


@dataclass(frozen=True, slots=True)
class Task:
    """One file to process, as sent to a worker (local or Dask)."""

    path: str
    doc_id: str
    kind: str
    sha256: str
    converted: str = ""  # the DOCX LibreOffice made of a .doc/.rtf/.odt
    conversion_error: tuple[str, str] | None = None  # (status, message) when conversion failed
    pdf_engine: str = "pdfium"
    cache: str = ""
    model_name: str = ""


@dataclass(slots=True)
class DocumentResult:
    doc_id: str
    source_file: str
    sha256: str = ""
    format: str = ""
    status: Status = Status.OK
    message: str = ""
    meta: DocumentMeta = field(default_factory=DocumentMeta)
    segments: list[Segment] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    pages: int = 0
    paragraphs: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.status.read

    @classmethod
    def failure(cls, task: Task, status: Status, message: str) -> DocumentResult:
        return cls(doc_id=task.doc_id, source_file=task.path, sha256=task.sha256, format=task.kind,
                   status=status, message=message)


@dataclass(slots=True)
class Paper:
    """One GB paper as the comparison sees it: its metadata, mentions (table rows) and texts."""

    symbol: str
    session_date: str
    date: str
    title: str
    body: str
    doc_id: str
    mentions: list[dict[str, str]] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)

    @property
    def sort_key(self) -> tuple[str, str, str]:
        return self.session_date or self.date or "9999", self.date, self.symbol


@dataclass(slots=True)
class Series:
    name: str
    papers: list[Paper]
