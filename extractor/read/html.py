"""HTML (a 1990s web page, or a ``.doc`` that Word saved as a web page) -> lines, as its text form has them.

A web page is read into the lines a browser's "save as text" gives, so that the text layout reads both
forms alike: each block element starts a new line after a blank one, ``<br>`` breaks a line, a list
inside a paragraph becomes indented "  1." lines, a note call (``<a href="#fn1">(1)</a>``) becomes
"(1)" and its note "(1) text" at the bottom, and an image's alternative text is a line of its own (the
site's strap). A table whose rows hold two or more cells (a budget table) keeps its rows as table lines,
their cells joined by tabs; a layout table (the title block) gives its cells' lines.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import html as lxml_html

from extractor.errors import CorruptFile, EmptyFile
from extractor.model import Line, RawDocument, Span
from extractor.read.encoding import decode_text

BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "div", "blockquote", "pre", "dt", "dd", "center", "address",
          "caption", "form", "body"}
SKIP = {"script", "style", "head", "title", "noscript", "template"}
LIST_LINE = re.compile(r"^ {2}(?:\d{1,3}\.|•) ")  # a line ``_list`` wrote
NOTE_MARKER = re.compile(r"^\s*[(\[]?(\d{1,3})[)\]]?\s*$")
SPACE = re.compile(r"[ \t\r\n\u00a0]+")


class Page:
    """The lines read so far, and the page's note targets."""

    def __init__(self, targets: dict[str, int]) -> None:
        self.lines: list[Line] = []
        self.current: list[str] = []
        self.targets = targets

    def text(self, value: str) -> None:
        self.current.append(value)

    def line_break(self) -> None:
        text = SPACE.sub(" ", "".join(self.current)).strip()
        if text:
            self.lines.append(Line(spans=[Span(text)], page=1, top=float(len(self.lines))))
        self.current = []

    def block_break(self) -> None:
        self.line_break()
        if self.lines and self.lines[-1].text:
            self.lines.append(Line(spans=[Span("")], page=1, top=float(len(self.lines))))

    def raw_line(self, text: str, region: str = "body") -> None:
        self.line_break()
        self.lines.append(Line(spans=[Span(text)], page=1, top=float(len(self.lines)), region=region))  # type: ignore[arg-type]


XML_DECLARATION = re.compile(r"^\ufeff?\s*<\?xml[^>]*\?>")  # an XHTML page's; lxml refuses it in decoded text


def read_html(path: Path) -> RawDocument:
    data = path.read_bytes()
    try:
        root = lxml_html.document_fromstring(XML_DECLARATION.sub("", decode_text(data), count=1))
    except (ValueError, lxml_html.etree.ParserError) as error:
        raise CorruptFile(f"unreadable HTML ({error})") from error
    anchors = [a.get("name") or a.get("id") for a in root.iter("a")]
    page = Page({name: index for index, name in enumerate(anchors) if name})
    body = root.find("body")
    _walk(body if body is not None else root, page)
    page.block_break()
    if not any(line.text.strip() for line in page.lines):
        raise EmptyFile("the HTML holds no text")
    return RawDocument(path=str(path), format="html", lines=page.lines, pages=1, engine="html")


def _walk(node: lxml_html.HtmlElement, page: Page) -> None:
    for child in node:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag and tag not in SKIP:
            _element(child, tag, page)
        if child.tail:
            page.text(child.tail)


def _element(node: lxml_html.HtmlElement, tag: str, page: Page) -> None:
    if _special_element(node, tag, page):
        return
    block = tag in BLOCKS or tag == "li"
    if block:
        page.block_break()
    if node.text:
        page.text(node.text)
    _walk(node, page)
    if block:
        page.block_break()


def _special_element(node: lxml_html.HtmlElement, tag: str, page: Page) -> bool:
    """Write an element that is more than its text (a break, an image, a list, a table, a note's anchor)."""
    if tag == "br":
        page.line_break()
    elif tag == "hr":
        page.block_break()
    elif tag == "img":
        if node.get("alt", "").strip():
            page.raw_line(node.get("alt", "").strip())
    elif tag in ("ol", "ul"):
        _list(node, tag, page)
    elif tag == "table":
        _table(node, page)
    elif tag in ("pre", "xmp", "plaintext"):  # a text file put on the web as it was: its lines are lines
        page.block_break()
        for line in node.text_content().replace("\r\n", "\n").split("\n"):
            page.raw_line(line.rstrip().replace("\u00a0", " "))
        page.block_break()
    elif tag == "a" and (anchor := _note_anchor(node, page)):
        page.text(anchor)
    else:
        return False
    return True


def _note_anchor(node: lxml_html.HtmlElement, page: Page) -> str:
    """ "(1)" for a link to a note, "(1) " for the note's own anchor, else ""."""
    marker = NOTE_MARKER.match(node.text_content())
    if marker is None:
        return ""
    if _is_note_call(node, page):
        return f"({marker.group(1)})"
    return f"({marker.group(1)}) " if _is_note_target(node, page) else ""


def _is_note_call(node: lxml_html.HtmlElement, page: Page) -> bool:
    """A link to a note further down. Word and LibreOffice link the note back to its call: that link,
    to an anchor further up, is the note's own."""
    target = (node.get("href") or "").lstrip("#")
    own = page.targets.get(node.get("name") or node.get("id") or "")
    return bool(node.get("href", "").startswith("#") and target in page.targets
                and (own is None or page.targets[target] > own) and NOTE_MARKER.match(node.text_content()))


def _is_note_target(node: lxml_html.HtmlElement, page: Page) -> bool:
    return bool((node.get("name") or node.get("id")) and NOTE_MARKER.match(node.text_content())
                and not _is_note_call(node, page))


def _list(node: lxml_html.HtmlElement, tag: str, page: Page) -> None:
    """A list inside a paragraph: indented "  1." (or "  •") lines, as a browser saves it as text."""
    page.line_break()
    number = int(node.get("start", "1")) - 1 if tag == "ol" and node.get("start", "1").isdigit() else 0
    for item in node:
        if not isinstance(item.tag, str) or item.tag.lower() != "li":
            continue
        number += 1
        marker = f"{number}." if tag == "ol" else "•"
        inner = Page(page.targets)
        if item.text:
            inner.text(item.text)
        _walk(item, inner)
        inner.line_break()
        text = " ".join(line.text for line in inner.lines if line.text and not LIST_LINE.match(line.text))
        if text:
            page.raw_line(f"  {marker} {text}")
        for line in inner.lines:  # a list inside the item: its items keep their lines
            if LIST_LINE.match(line.text):
                page.raw_line(line.text)
    page.block_break()


def _table(node: lxml_html.HtmlElement, page: Page) -> None:
    rows = [[SPACE.sub(" ", cell.text_content()).strip() for cell in row if isinstance(cell.tag, str)
             and cell.tag.lower() in ("td", "th")] for row in node.iter("tr")]
    data_rows = [row for row in rows if sum(1 for cell in row if cell) >= 2]
    page.block_break()
    if len(data_rows) >= 2 and len(data_rows) >= len([r for r in rows if any(r)]) // 2:
        for row in rows:
            if any(row):
                page.raw_line("\t".join(row), region="table")
        page.block_break()
        return
    for row in node.iter("tr"):  # a layout table: its cells' lines, in reading order
        for cell in row:
            if isinstance(cell.tag, str) and cell.tag.lower() in ("td", "th"):
                page.block_break()
                if cell.text:
                    page.text(cell.text)
                _walk(cell, page)
    page.block_break()
