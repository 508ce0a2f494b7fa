"""Footnote references and footnote text.

A reference is a raised marker after a word ("2006.¹"), or in flattened text a
bare number after the sentence ("2006. 1"). It leaves the text and is kept as
a ``FootnoteRef`` at the offset where it stood, to be linked to its footnote.
"""

from __future__ import annotations

import re

from extractor.model import FootnoteRef, Line, Span

MARKER = re.compile(r"^(?:\d{1,3}|[*†‡§¶]{1,3}|[a-z])$")
ORDINAL_SUFFIX = re.compile(r"^(?:st|nd|rd|th|e|er|re|ème|o|a|os|as)$")
FOOTNOTE_START = re.compile(r"^(\d{1,3}|[*†‡§¶]{1,3})\s+(?=\S)")


def is_marker(text: str) -> bool:
    return bool(MARKER.match(text.strip()))


def line_text_and_refs(line: Line) -> tuple[str, list[FootnoteRef]]:
    """The line's text without raised footnote markers, and where they stood."""
    parts: list[str] = []
    refs: list[FootnoteRef] = []
    length = 0
    previous: Span | None = None
    for span in line.spans:
        text = span.text
        if span.raised:
            marker = text.strip()
            follows_digit = previous is not None and previous.text.rstrip()[-1:].isdigit()
            if is_marker(marker) and not (follows_digit and ORDINAL_SUFFIX.match(marker)):
                refs.append(FootnoteRef(marker, length))
                previous = span
                continue
        parts.append(text)
        length += len(text)
        previous = span
    return "".join(parts), refs


def split_footnote_start(line: Line) -> tuple[str, str] | None:
    """(marker, text) when a line in the footnote area starts a new footnote."""
    spans = line.spans
    if spans and spans[0].raised and is_marker(spans[0].text):
        return spans[0].text.strip(), "".join(s.text for s in spans[1:]).strip()
    match = FOOTNOTE_START.match(line.text)
    if match:
        return match.group(1), line.text[match.end():].strip()
    return None
