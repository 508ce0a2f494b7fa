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


def read_front_matter(blocks: list[Block], is_numbered: list[bool]) -> FrontMatter:
    """Read the title block (and purpose box) at the head of the body blocks."""
    front = FrontMatter(DocumentMeta())
    meta = front.meta
    title_parts: list[str] = []
    title_style: tuple[bool, float] | None = None
    box = ""  # "" before the purpose box, "summary" inside it, "fields" once its fields have begun
    previous = ""
    for index, block in enumerate(blocks):
        if is_numbered[index] or block.page_start > 2:
            break
        text = block.text.strip()
        if meta.purpose.endswith(" AND") and front.roles.get(index - 1) == "title" and text.isupper():
            meta.purpose = f"{meta.purpose} {text}"  # "FOR DEBATE AND" / "GUIDANCE"
            front.roles[index] = "title"
            continue
        fields = title_fields(text, previous)
        if fields and all(f.kind != "text" for f in fields):
            for field in fields:
                _record(meta, field)
            kinds = {f.kind for f in fields}
            box = "summary" if "purpose box" in kinds else ("fields" if box and "field" in kinds else box)
            if title_parts and not meta.title:
                meta.title = " ".join(title_parts)
            front.roles[index] = ("furniture" if kinds == {"notice"} else
                                  "field" if kinds & {"field", "purpose box"} else "title")
            previous = fields[-1].kind
            continue
        if box == "summary":
            front.roles[index] = "summary"
            continue
        if box == "fields" or meta.title:
            break
        style = (block.bold, round(block.size))
        if title_style is None and _may_be_title(block, meta):
            title_style = style
        unstyled = block.size == 0 and not block.bold  # flattened text: the title is the one line after
        if unstyled and _item_then_title(title_parts, text):
            title_parts = [text]  # "Other financial and general questions", then the paper's own title
            front.roles[index] = "title"
            continue
        if title_style is not None and style == title_style and not (unstyled and title_parts):
            title_parts.append(text)
            front.roles[index] = "title"
            continue
        break
    if title_parts and not meta.title:
        meta.title = " ".join(title_parts)
    front.end = max(front.roles) + 1 if front.roles else 0
    return front


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


def _record(meta: DocumentMeta, field: Field) -> None:
    """Keep what a title-block field says."""
    kind = field.kind
    if kind == "symbol":
        meta.symbol = meta.symbol or str(parse_symbol(field.text) or field.text)
    elif kind == "session":
        meta.session = meta.session or field.value
        if field.when:
            meta.session_date = session_month(field.when)
    elif kind == "place date" and not meta.session_date:
        meta.session_date = session_month(field.when)
    elif kind == "date":
        meta.date = normalise_date(field.when)
    elif kind == "original":
        meta.original_language = field.value
    elif kind == "purpose":
        meta.purpose = meta.purpose or field.text
    elif kind == "agenda item":
        meta.agenda_item = meta.agenda_item or field.text
    elif kind == "field" and field.label.lower() == "author unit":
        meta.author_unit = field.value
    elif kind == "field" and field.label.lower() == "related documents":
        meta.related_documents = field.value
    elif kind in ("committee", "section", "segment"):
        setattr(meta, kind, getattr(meta, kind) or field.value)
    elif kind == "code" and not meta.committee_code:
        meta.committee_code = field.value


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


