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

from extractor.model import Block, DocumentMeta

MONTHS = {
    **{m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                   "september", "october", "november", "december"], 1)},
    **{m: i for i, m in enumerate(["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                                   "septembre", "octobre", "novembre", "décembre"], 1)},
    **{m: i for i, m in enumerate(["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                                   "septiembre", "octubre", "noviembre", "diciembre"], 1)},
}
MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")"
DAY = r"\d{1,2}(?:er)?"
SYMBOL = re.compile(r"\bGB\.\d{2,3}/[A-Z][\w()./\-]*[\w)]")
SESSION = re.compile(r"^(\d{2,3})(?:st|nd|rd|th|e|ème|a)\s+(?:Session|session|reunión)\b[,\s]*(.*)$")
PLACE_DATE = re.compile(rf"^([A-ZÀ-Ý][^\d,]{{1,40}}),\s+([^,]*\b{MONTH}(?:\s+de)?\s+\d{{4}})\.?$", re.I)
DATE_LINE = re.compile(r"^(?:Date|Fecha)\s*:\s*(.+)$", re.I)
ORIGINAL = re.compile(r"^(?:Original|Langue originale|Original)\s*:\s*(.+)$", re.I)
PURPOSE = re.compile(r"^(?:FOR|POUR|PARA)\s+(?:INFORMATION|DECISION|DÉCISION|DEBATE|DISCUSSION|GUIDANCE|DISCUSIÓN|DECISIÓN|INFORMACIÓN)\b.*$")
AGENDA = re.compile(r"\b(?:ITEM ON THE AGENDA|POINT DE L'ORDRE DU JOUR|PUNTO DEL ORDEN DEL DÍA)\b", re.I)
COMMITTEE = re.compile(r"^(?:(?:Sub)?[Cc]ommittee\b|Working Party\b|Sous-commission\b|Commission\b|Comisión\b|Subcomisión\b).*"
                       r"|.*\b(?:Committee|Subcommittee|Section|Segment|Working Party)$")
CODE = re.compile(r"^[A-Z]{2,6}(?:/[A-Z]{2,6})?$")
ORGAN = re.compile(r"^(?:INTERNATIONAL LABOUR OFFICE|International Labour Office|Governing Body|BUREAU INTERNATIONAL DU TRAVAIL|"
                   r"Conseil d'administration|OFICINA INTERNACIONAL DEL TRABAJO|Consejo de Administración)$", re.I)
PURPOSE_BOX = re.compile(r"^(?:Purpose of the document|Objet du document|Finalidad del documento)\s*$", re.I)
FIELD = re.compile(r"^(Relevant strategic objective|Main relevant strategic objective|Strategic objective|Main related outcome|"
                   r"Policy implications|Legal implications|Financial implications|Other implications|"
                   r"Follow-up action required|Author unit|Related documents|Decision required)\s*:\s*(.*)$", re.I)
CLOSING = re.compile(rf"^(?:[A-ZÀ-Ý][\w\-]+,\s+{DAY}\s+{MONTH}\s+\d{{4}}\.?|Submitted for (?:information|decision|debate|discussion|guidance)[^.]*\.?)$", re.I)
FILE_SYMBOL = re.compile(r"GB\.?(\d{2,3})[-_]([A-Z]{2,6})((?:[-_]\d{1,2}(?!\d))*)(?:[-_](\(?Rev\.?\d*\)?))?", re.I)
FILE_LANGUAGE = re.compile(r"[-_](En|Fr|Sp|Es)(?=[.\-_]|$)")
LANGUAGES = {"en": "en", "fr": "fr", "sp": "es", "es": "es"}
STOPWORDS = {
    "en": {"the", "and", "of", "to", "in", "is", "for", "with", "on", "that", "has", "was", "by"},
    "fr": {"le", "la", "les", "des", "et", "du", "une", "dans", "pour", "sur", "est", "aux", "qui"},
    "es": {"el", "los", "las", "del", "y", "una", "en", "por", "para", "con", "que", "sobre", "se"},
}


@dataclass(slots=True)
class FrontMatter:
    """What the title block and the purpose box hold, and where they end."""

    meta: DocumentMeta
    end: int = 0  # index of the first block after the front matter
    roles: dict[int, str] = field(default_factory=dict)  # block index -> title | summary | field


def parse_date(text: str) -> str:
    """ISO date from "7 February 2007", "March 2007", "16–31 October 2013" (the month), "2007"."""
    text = text.strip().rstrip(".")
    day = re.search(rf"\b(\d{{1,2}})(?:er)?\s+(?:de\s+)?({MONTH})(?:\s+de)?\s+(\d{{4}})\s*$", text, re.I)
    if day and not re.search(rf"\d\s*[–-]\s*\d{{1,2}}\s+{MONTH}", text, re.I):
        return f"{int(day.group(3)):04d}-{MONTHS[day.group(2).lower()]:02d}-{int(day.group(1)):02d}"
    month = re.search(rf"\b({MONTH})(?:\s+de)?\s+(\d{{4}})\b", text, re.I)
    if month:
        return f"{int(month.group(2)):04d}-{MONTHS[month.group(1).lower()]:02d}"
    year = re.search(r"\b(1[89]\d\d|20\d\d)\b", text)
    return year.group(1) if year else ""


def read_front_matter(blocks: list[Block], is_numbered: list[bool]) -> FrontMatter:
    """Read the title block (and purpose box) at the head of the body blocks."""
    front = FrontMatter(DocumentMeta())
    meta = front.meta
    title_parts: list[str] = []
    title_style: tuple[bool, float] | None = None
    in_box = False
    for index, block in enumerate(blocks):
        if is_numbered[index] or block.page_start > 2:
            break
        text = block.text.strip()
        if meta.purpose and front.roles.get(index - 1) == "title" and meta.purpose.endswith(" AND") and text.isupper():
            meta.purpose = f"{meta.purpose} {text}"  # "FOR DEBATE AND" / "GUIDANCE"
            front.roles[index] = "title"
            continue
        role = _front_role(text, meta)
        if role:
            in_box = in_box or role == "purpose box"
            if title_parts and not meta.title:
                meta.title = " ".join(title_parts)
            front.roles[index] = "field" if role in ("field", "purpose box") else "title"
            continue
        if in_box:
            front.roles[index] = "summary"
            continue
        if not meta.title:
            style = (block.bold, round(block.size))
            if title_style is None and _may_be_title(block, meta):
                title_style = style
            unstyled = block.size == 0 and not block.bold  # flattened text: the title is the one line after
            if title_style is not None and style == title_style and not (unstyled and title_parts):
                title_parts.append(text)
                front.roles[index] = "title"
                continue
        break
    if title_parts and not meta.title:
        meta.title = " ".join(title_parts)
    front.end = max(front.roles) + 1 if front.roles else 0
    return front


def _may_be_title(block: Block, meta: DocumentMeta) -> bool:
    has_header = bool(meta.symbol or meta.session or meta.agenda_item)
    unstyled = block.size == 0 and not block.bold  # flattened text keeps no weight or size
    styled_title = (block.bold or block.align == "center") and not block.in_table
    return has_header and (styled_title or (unstyled and bool(meta.agenda_item)))


def _front_role(text: str, meta: DocumentMeta) -> str:
    """Record what a title-block line says; return its role, or "" for none."""
    if SYMBOL.fullmatch(text):
        meta.symbol = meta.symbol or text
        return "symbol"
    session = SESSION.match(text)
    if session:
        meta.session = session.group(1)
        if session.group(2):
            meta.session_date = parse_date(session.group(2))[:7]
        return "session"
    place_date = PLACE_DATE.match(text)
    if place_date and not meta.session_date:
        meta.session_date = parse_date(place_date.group(2))[:7]
        return "place date"
    for pattern, attribute in ((DATE_LINE, "date"), (ORIGINAL, "original_language")):
        match = pattern.match(text)
        if match:
            value = match.group(1).strip()
            setattr(meta, attribute, parse_date(value) if attribute == "date" else value)
            return attribute
    if PURPOSE.match(text):
        meta.purpose = text
        return "purpose"
    if AGENDA.search(text) and len(text) < 80:
        meta.agenda_item = text
        return "agenda item"
    if ORGAN.match(text):
        return "organ"
    if PURPOSE_BOX.match(text):
        return "purpose box"
    match = FIELD.match(text)
    if match:
        name = match.group(1).lower()
        if name == "author unit":
            meta.author_unit = match.group(2).strip()
        elif name == "related documents":
            meta.related_documents = match.group(2).strip()
        return "field"
    if COMMITTEE.match(text) and len(text) < 120:
        if text.endswith("Section"):
            meta.section = text
        elif text.endswith("Segment"):
            meta.segment = text
        else:
            meta.committee = text
        return "committee"
    if CODE.match(text) and not meta.committee_code and (meta.committee or meta.section):
        meta.committee_code = text
        return "code"
    return ""


def is_closing(text: str) -> bool:
    return bool(CLOSING.match(text.strip()))


def symbol_from_file_name(name: str) -> str:
    match = FILE_SYMBOL.search(name)
    if not match:
        return ""
    numbers = [n for n in re.split(r"[-_]", match.group(3)) if n]
    symbol = f"GB.{match.group(1)}/{match.group(2).upper()}" + "".join(f"/{n}" for n in numbers)
    if match.group(4):
        symbol += f"({match.group(4).strip('()').capitalize()})"
    return symbol


def symbol_from_furniture(texts: list[str]) -> str:
    found = Counter(m.group(0) for text in texts for m in SYMBOL.finditer(text))
    return found.most_common(1)[0][0] if found else ""


def language_from_file_name(name: str) -> str:
    match = FILE_LANGUAGE.search(name)
    return LANGUAGES[match.group(1).lower()] if match else ""


def detect_language(text: str) -> str:
    words = re.findall(r"[a-záéíóúñàèçêôûü]+", text.lower())
    scores = {lang: sum(word in stop for word in words) for lang, stop in STOPWORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] >= 5 else ""


def committee_code_from_symbol(symbol: str) -> str:
    match = re.match(r"GB\.\d+/([A-Z]+)", symbol)
    return match.group(1) if match else ""
