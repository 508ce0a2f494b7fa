"""Document metadata from the title block, the closing lines, the running header and the file name.

Two eras: until 2011 the title block gives "298th Session", "Geneva, March 2007"
and a committee; since November 2011 "326th Session, Geneva, 10–24 March 2016",
a section and segment, "Date:" and "Original:" lines and a boxed "Purpose of
the document" with field lines ("Author unit:", "Related documents:").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from extractor.dates import ANY_MONTH, normalise_date, session_month
from extractor.lexicon import word_list
from extractor.model import Block, DocumentMeta
from extractor.symbols import find_symbols, parse_symbol
from extractor.titleblock import Field, title_fields

CLOSING = re.compile(
    rf"^(?:[A-ZÀ-Ý][\w\-]+,\s+\d{{1,2}}(?:er)?\s+{ANY_MONTH}\s+\d{{4}}\.?"
    r"|Submitted for (?:information|decision|debate|discussion|guidance)[^.]*\.?"
    r"|\((?:Signed|Signé|Firmado)\)\s.{1,80}"
    r"|(?:Chairperson|Chairman|Chair|Reporter|Rapporteur)(?:\s+and\s+(?:Reporter|Rapporteur))?\.?"
    r"|Points?\s+(?:for|appropriate for)\s+decision\s*:.{0,120})$", re.I)
APPENDIX = re.compile(r"^(?:Appendix|Annex|Appendices|Annexes)(?:\s+(?:[IVXLC]{1,5}|\d{1,2}|[A-H]))?\.?"
                      r"(?:\s*[:.–—-]\s*.{0,100})?$")
SHORT_ITEM_NAME = 6  # words
MIN_TITLE_WORDS = 4
NUMBERED_HEADING = re.compile(r"^(?:[IVXLC]{1,6}|\d{1,2}|[A-H])\.\s")
LONG_TITLE = 60  # characters
FILE_LANGUAGE = re.compile(r"[-_](En|Fr|Sp|Es)(?=[.\-_]|$)")
LANGUAGES = {"en": "en", "fr": "fr", "sp": "es", "es": "es"}
LANGUAGE_WORD_LISTS = {"en": "stopword_en", "fr": "stopword_fr", "es": "stopword_es"}  # models/lexicon/words.csv


@dataclass(slots=True)
class FrontMatter:
    """What the title block and the purpose box hold, and where they end."""

    meta: DocumentMeta
    end: int = 0  # index of the first block after the front matter
    roles: dict[int, str] = field(default_factory=dict)  # block index -> title | summary | field


@dataclass(slots=True)
class _TitleState:
    parts: list[str] = field(default_factory=list)  # the title's lines so far
    style: tuple[bool, float] | None = None  # (bold, size) of the title's first line
    box: str = ""  # "" before the purpose box, "summary" inside it, "fields" once its fields have begun
    previous: str = ""  # the kind of the last title-block field


def read_front_matter(blocks: list[Block], is_numbered: list[bool]) -> FrontMatter:
    """Read the title block (and purpose box) at the head of the body blocks."""
    front = FrontMatter(DocumentMeta())
    state = _TitleState()
    for index, block in enumerate(blocks):
        if is_numbered[index] or block.page_start > 2 or not _read_front_block(front, state, index, block):
            break
    if state.parts and not front.meta.title:
        front.meta.title = " ".join(state.parts)
    front.end = max(front.roles) + 1 if front.roles else 0
    return front


def _read_front_block(front: FrontMatter, state: _TitleState, index: int, block: Block) -> bool:
    """Take one block of the front matter; False when the front matter ended before it."""
    meta = front.meta
    text = block.text.strip()
    if meta.purpose.endswith(" AND") and front.roles.get(index - 1) == "title" and text.isupper():
        meta.purpose = f"{meta.purpose} {text}"  # "FOR DEBATE AND" / "GUIDANCE"
        front.roles[index] = "title"
        return True
    fields = title_fields(text, state.previous)
    if fields and all(f.kind != "text" for f in fields):
        _take_fields(front, state, index, fields)
        return True
    if state.box == "summary":
        front.roles[index] = "summary"
        return True
    if state.box == "fields" or meta.title:
        return False
    return _take_title_line(front, state, index, block)


def _take_fields(front: FrontMatter, state: _TitleState, index: int, fields: list[Field]) -> None:
    for one in fields:
        _record(front.meta, one)
    kinds = {f.kind for f in fields}
    state.box = "summary" if "purpose box" in kinds else ("fields" if state.box and "field" in kinds else state.box)
    if state.parts and not front.meta.title:
        front.meta.title = " ".join(state.parts)
    front.roles[index] = ("furniture" if kinds == {"notice"} else
                          "field" if kinds & {"field", "purpose box"} else "title")
    state.previous = fields[-1].kind


def _take_title_line(front: FrontMatter, state: _TitleState, index: int, block: Block) -> bool:
    text = block.text.strip()
    style = (block.bold, round(block.size))
    if state.style is None and _may_be_title(block, front.meta):
        state.style = style
    unstyled = block.size == 0 and not block.bold  # flattened text: the title is the one line after
    if unstyled and _item_then_title(state.parts, text):
        state.parts = [text]  # "Other financial and general questions", then the paper's own title
    elif state.style is not None and style == state.style and not (unstyled and state.parts):
        state.parts.append(text)
    else:
        return False
    front.roles[index] = "title"
    return True


def _item_then_title(title_parts: list[str], text: str) -> bool:
    """In flattened text, a short line after the agenda item names the item; a long one after it is the title."""
    return (len(title_parts) == 1 and len(title_parts[0].split()) <= SHORT_ITEM_NAME and len(text) > LONG_TITLE
            and not text.endswith((".", ":", ";")))


def _may_be_title(block: Block, meta: DocumentMeta) -> bool:
    has_header = bool(meta.symbol or meta.session or meta.agenda_item)
    unstyled = block.size == 0 and not block.bold  # flattened text keeps no weight or size
    styled_title = (block.bold or block.align == "center") and not block.in_table
    # flattened text without an agenda item (minutes): a title of some words, not a numbered heading
    untitled = unstyled and len(block.text.split()) >= MIN_TITLE_WORDS and not NUMBERED_HEADING.match(block.text)
    return has_header and (styled_title or (unstyled and bool(meta.agenda_item)) or untitled)


# a title-block field's kind -> (the DocumentMeta attribute it fills, whether the first one seen holds,
# what of the field it keeps)
FIELD_TARGETS = {
    "date": ("date", False, "date"), "original": ("original_language", False, "value"),
    "purpose": ("purpose", True, "text"), "agenda item": ("agenda_item", True, "text"),
    "committee": ("committee", True, "value"), "section": ("section", True, "value"),
    "segment": ("segment", True, "value"), "code": ("committee_code", True, "value"),
}
# the purpose box's labelled fields -> the attribute each fills
BOX_FIELDS = {"author unit": "author_unit", "related documents": "related_documents"}


def _record(meta: DocumentMeta, field: Field) -> None:
    """Keep what a title-block field says."""
    if field.kind in ("symbol", "session", "place date"):
        _record_session(meta, field)
        return
    if field.kind == "field":
        if field.label.lower() in BOX_FIELDS:
            setattr(meta, BOX_FIELDS[field.label.lower()], field.value)
        return
    target = FIELD_TARGETS.get(field.kind)
    if target is None:
        return
    attribute, first_holds, part = target
    if not (first_holds and getattr(meta, attribute)):
        parts = {"date": normalise_date(field.when), "text": field.text, "value": field.value}
        setattr(meta, attribute, parts[part])


def _record_session(meta: DocumentMeta, field: Field) -> None:
    if field.kind == "symbol":
        meta.symbol = meta.symbol or str(parse_symbol(field.text) or field.text)
    elif field.kind == "session":
        meta.session = meta.session or field.value
        if field.when:
            meta.session_date = session_month(field.when)
    elif not meta.session_date:  # "Geneva, March 2007"
        meta.session_date = session_month(field.when)


def is_appendix_heading(text: str) -> bool:
    """ "Appendix", "Annex II", "Appendix: Report form": what opens an appendix with its own numbering."""
    return bool(APPENDIX.match(text.strip()))


def is_closing(text: str) -> bool:
    return bool(CLOSING.match(text.strip()))


def symbol_from_furniture(texts: list[str]) -> str:
    """The symbol running headers repeat most (a lone one is a symbol too)."""
    found = Counter(symbol for text in texts for symbol in find_symbols(text))
    return found.most_common(1)[0][0] if found else ""


def language_from_file_name(name: str) -> str:
    match = FILE_LANGUAGE.search(name)
    return LANGUAGES[match.group(1).lower()] if match else ""


def detect_language(text: str) -> str:
    words = re.findall(r"[a-záéíóúñàèçêôûü]+", text.lower())
    scores = {lang: sum(word in word_list(name) for word in words) for lang, name in LANGUAGE_WORD_LISTS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] >= 5 else ""


