"""HTML (and ``.doc`` files that are HTML, as Word's "Save as Web page" makes) -> paragraph lines."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import html as lxml_html

from extractor.errors import CorruptFile, EmptyFile
from extractor.model import Line, RawDocument, Span
from extractor.read.text import decode

BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "div", "blockquote", "pre", "dt", "dd"}
SKIP = {"script", "style", "head", "title", "noscript", "template"}


def read_html(path: Path) -> RawDocument:
    data = path.read_bytes()
    try:
        root = lxml_html.document_fromstring(decode(data))
    except (ValueError, lxml_html.etree.ParserError) as error:
        raise CorruptFile(f"unreadable HTML ({error})") from error
    lines: list[Line] = []
    _walk(root, lines, counters=[])
    if not any(line.text.strip() for line in lines):
        raise EmptyFile("the HTML holds no text")
    return RawDocument(path=str(path), format="html", lines=lines, pages=0, engine="html")


def _walk(node: lxml_html.HtmlElement, lines: list[Line], counters: list[int]) -> None:
    for child in node:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in SKIP or not tag:
            continue
        if tag in ("ol", "ul"):
            counters.append(int(child.get("start", "1")) - 1 if tag == "ol" else -1)
            _walk(child, lines, counters)
            counters.pop()
        elif tag in BLOCKS and not any(isinstance(c.tag, str) and c.tag in BLOCKS | {"ol", "ul"} for c in child):
            spans = _spans(child)
            if any(s.text.strip() for s in spans):
                lines.append(Line(spans=spans, page=0, block=len(lines), label=_label(tag, counters),
                                  style=f"heading {tag[1]}" if tag[:1] == "h" and tag[1:].isdigit() else "",
                                  heading_level=int(tag[1]) if tag[:1] == "h" and tag[1:].isdigit() else 0,
                                  region="table" if tag in ("td", "th") else "body"))
        else:
            _walk(child, lines, counters)


def _label(tag: str, counters: list[int]) -> str:
    if tag != "li" or not counters:
        return ""
    if counters[-1] < 0:
        return "•"
    counters[-1] += 1
    return f"{counters[-1]}."


def _spans(node: lxml_html.HtmlElement, bold: bool = False, raised: bool = False) -> list[Span]:
    spans = [Span(node.text, bold=bold, raised=raised)] if node.text else []
    for child in node:
        if isinstance(child.tag, str) and child.tag not in SKIP:
            child_bold = bold or child.tag in ("b", "strong")
            child_raised = raised or child.tag == "sup"
            if child.tag == "br":
                spans.append(Span(" ", bold=bold))
            else:
                spans.extend(_spans(child, child_bold, child_raised))
        if child.tail:
            spans.append(Span(child.tail, bold=bold, raised=raised))
    return [Span(re.sub(r"\s+", " ", s.text) if not s.raised else s.text.strip(), bold=s.bold, raised=s.raised)
            for s in spans]
