"""The fields of a GB paper's title block, in whatever arrangement an archive holds them.

A title block may give each field on its own line, several on one line ("335th Session, Geneva,
14–28 March 2019 GB.335/POL/5", "INTERNATIONAL LABOUR OFFICE GB.283/MNE/2 283rd Session"), the whole
block and purpose box on one line, or lines with table debris ("277th Session Geneva, March 2000 |").
``title_fields`` cuts a text into its fields: each field is recognised by its form, and the free text
between them (the title, the purpose box's summary) is kept as it stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.dates import ANY_MONTH
from extractor.symbols import SYMBOL

DATEISH = (rf"(?:\d{{1,2}}(?:er)?(?:\s*(?:[–—‒-]|to)\s*|\s+)(?:\d{{1,2}}\s+)?)?(?:{ANY_MONTH})"
           rf"(?:(?:\s*[–—‒-]\s*|\s+)\d{{1,2}}\s+{ANY_MONTH})?(?:\s+de)?,?\s+\d{{4}}")
WORD = r"(?:[A-Z][a-z][\w’'\-]*|[A-Z]\w*[a-z][\w’'\-]*)"  # a capitalised word, not an all-capitals code
NAME = rf"{WORD}(?:,?\s+(?:(?:and|of|on|for|the|in)\s+)*{WORD})*"
FIELD_LABELS = (
    "Relevant strategic objective", "Main relevant strategic objective", "Strategic objective",
    "Main relevant outcome/cross-cutting policy driver", "Main relevant outcome", "Main related outcome",
    "Relevant outcome", "Policy implications", "Legal implications", "Financial implications",
    "Other implications", "Follow-up action required", "Author unit", "Related documents", "Decision required",
)
LABEL = "(?:" + "|".join(re.escape(label) for label in sorted(FIELD_LABELS, key=len, reverse=True)) + ")"
NOTICE_START = (r"(?:Only a small number of copies of this GB document|This GB document is printed in limited numbers"
                r"|This document is printed in limited numbers|For reasons of economy, this document)")
ILO_SITE = r"www\.ilo\.org(?:/gb)?\b\.?"
NOTICE = rf"{NOTICE_START}.*?(?:(?:online|Internet) at(?:\s+{ILO_SITE})?|{ILO_SITE}|$)"
NOTICE_RE = re.compile(NOTICE)
DEBRIS = re.compile(r"^[\s|]+")
SESSION = r"(?P<value>\d{2,3})(?:st|nd|rd|th|e|ème|a)\s+(?:[Ss]ession|reunión)"

# Fields that may cut free text: their form cannot be the words of a title.
STRONG = [
    ("symbol", SYMBOL.pattern),
    ("session", rf"{SESSION},?\s+(?:Geneva|Genève|Ginebra),?\s+(?P<when>{DATEISH})"),
    ("place date", rf"(?:Geneva|Genève|Ginebra),\s+(?P<when>{DATEISH})"),
    ("date", rf"(?:Date|Fecha)\s*:\s*(?P<when>{DATEISH})"),
    ("original", r"(?:Original|Langue originale)\s*:\s*(?P<value>[A-Z][a-zé]+)"),
    ("purpose", r"(?:FOR|POUR|PARA)\s+(?:INFORMATION|DECISION|DÉCISION|DEBATE|DISCUSSION|GUIDANCE|DISCUSIÓN|"
                r"DECISIÓN|INFORMACIÓN)(?:\s+AND\s+(?:GUIDANCE|DECISION|DEBATE))?\b"),
    ("agenda item", r"(?:[A-Z]+(?:[-\s][A-Z]+)*\s+)?"
                    r"(?:ITEM ON THE AGENDA|POINT DE L'ORDRE DU JOUR|PUNTO DEL ORDEN DEL DÍA)"),
    ("organ", r"INTERNATIONAL LABOUR OFFICE|BUREAU INTERNATIONAL DU TRAVAIL|OFICINA INTERNACIONAL DEL TRABAJO"),
    ("purpose box", r"Purpose of the document|Objet du document|Finalidad del documento"),
    ("field", rf"(?P<label>{LABEL})\s*:\s*(?P<value>.*?)(?=\s+{LABEL}\s*:|\s+{NOTICE_START}|$)"),
    ("notice", NOTICE),
]
# Fields recognised only where a piece starts: their words could also stand in a title.
WEAK = [
    ("session", SESSION),  # "Minutes of the 300th Session of the Governing Body" is a title
    ("organ", r"Governing Body(?=\s+\d{2,3}(?:st|nd|rd|th)|\s+(?:Geneva|Genève),|\s*$)"
              r"|Conseil d'administration(?=\s|$)"),
    ("section", rf"(?P<value>{NAME}\s+Section)\b"),
    ("segment", rf"(?P<value>(?:{NAME}|[A-Z]{{2,6}})\s+Segment)\b"),
    ("committee", rf"(?P<value>(?:Sub)?[Cc]ommittee\s+on\s+{NAME}|{NAME}\s+(?:Sub)?[Cc]ommittee"
                  rf"|Working Party\s+on\s+{NAME}"
                  rf"|(?:Sous-commission|Commission|Comisión|Subcomisión)\b[^|]*?)(?=\s+[A-Z]{{2,6}}\b|\s*\||\s*$)"),
    ("code", r"(?P<value>[A-Z]{2,6}(?:/[A-Z]{2,6})?)(?=\s|\||$)"),
]
STRONG_RE = [(kind, re.compile(pattern)) for kind, pattern in STRONG]
WEAK_RE = [(kind, re.compile(pattern)) for kind, pattern in WEAK]
ANY_STRONG = re.compile("|".join(f"(?:{re.sub(r'[(][?]P<[a-z]+>', '(?:', pattern)})" for _, pattern in STRONG))
FOLLOWS_BODY = {"committee", "section", "segment", "symbol"}  # a code stands after its body's name (or the symbol)


@dataclass(frozen=True, slots=True)
class Field:
    kind: str  # one of the kinds above, or "text" for free text
    text: str  # as printed
    value: str = ""  # the session number, the label's value, the body's name, the code
    when: str = ""  # the date as printed (session, place and date, "Date:")
    label: str = ""  # for "field": the label


def title_fields(text: str, after: str = "") -> list[Field]:
    """Cut a title-block text into fields; ``after`` is the kind of the field before it (a body code stands
    after the committee's name, also on the next line)."""
    fields: list[Field] = []
    rest = text
    previous = after
    while True:
        rest = DEBRIS.sub("", rest).strip()
        if not rest:
            return fields
        field, rest = _next_field(rest, previous, at_start=not fields or fields[-1].kind != "text")
        fields.append(field)
        previous = field.kind


def _next_field(text: str, previous: str, at_start: bool) -> tuple[Field, str]:
    for kind, pattern in STRONG_RE + (WEAK_RE if at_start else []):
        if kind == "code" and previous not in FOLLOWS_BODY:
            continue
        match = pattern.match(text)
        if match and match.end() > 0 and (match.end() == len(text) or not text[match.end() - 1].isalnum()
                                           or not text[match.end()].isalnum()):
            return _field(kind, match), text[match.end():]
    starts = (m.start() for m in ANY_STRONG.finditer(text) if m.start() > 0 and text[m.start() - 1] in " |")
    cut = next(starts, len(text))
    return Field("text", text[:cut].strip(" |")), text[cut:]


def _field(kind: str, match: re.Match[str]) -> Field:
    groups = {name: (value or "").strip() for name, value in match.groupdict().items()}
    return Field(kind, match.group(0).strip(), groups.get("value", ""), groups.get("when", ""), groups.get("label", ""))


def is_title_field_line(text: str, after: str = "") -> bool:
    """True when every piece of the text is a title-block field (no free text)."""
    fields = title_fields(text, after)
    return bool(fields) and all(f.kind != "text" for f in fields)
