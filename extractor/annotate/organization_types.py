"""Is a name an ILO unit, an outside partner, or neither?

Knowledge decides first (the gazetteers); then the name's head word
(``models/patterns/org_heads.csv``) with a few context rules: a government's
"Ministry of …" or "Department of Labour of X" is a partner, the ILO's
"Enterprises Department" a unit; "Forum on …" is an event, "… Forum" a body;
programmes, projects, instruments and events are neither.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from extractor.annotate.gazetteers import Knowledge
from extractor.folding import canonical_text
from extractor.lexicon import alternation, word_list

STATE = re.compile(r"^(?:the\s+)?Governments?\b")  # "the Government of Bangladesh" is the country acting


@cache
def ilo_office() -> re.Pattern[str]:
    """ "ILO Country Office for …", "the Regional Office …": an office of the ILO (``office_kind`` words)."""
    return re.compile(rf"^(?:ILO\s+)?(?:{alternation(word_list('office_kind'))})\s+Office\b|^ILO\b.*\bOffice\b")


@cache
def government() -> re.Pattern[str]:
    """A word that makes a name a government's (``government_word``: "Ministry", "Inspectorate")."""
    return re.compile(rf"\b(?:{alternation(word_list('government_word'))})\b")


@dataclass(frozen=True, slots=True)
class Classified:
    type: str  # UNIT, PARTNER or IGNORE
    canonical: str
    rule: str


def classify_name(name: str, knowledge: Knowledge, acronym: str = "") -> Classified | None:
    """The type and canonical value of an organization-like name, or None when nothing says."""
    name = _trim(name)
    if not name:
        return None
    entry = knowledge.lookup(name)
    if entry is not None and entry.kind != "weak":
        return Classified(entry.type, entry.canonical, f"gazetteer:{entry.source}")
    if acronym:
        entry = knowledge.lookup(acronym)
        if entry is not None and entry.type == "IGNORE":
            return Classified("IGNORE", entry.canonical, f"gazetteer:{entry.source}")
        if entry is not None and entry.type in ("UNIT", "PARTNER") and entry.kind != "weak":
            return Classified(entry.type, entry.canonical, f"gazetteer:{entry.source}")
    regional = regional_body(name, knowledge)
    if regional is not None:
        return regional
    kind = _by_head(name, knowledge)
    if kind is None:
        return None
    type_, rule = kind
    if type_ == "UNIT":
        canonical = acronym or canonical_text(re.sub(r"^ILO\s+(?=(?:Sub-?)?[Rr]egional|Decent Work)", "", name))
    else:
        canonical = canonical_text(name)
    return Classified(type_, canonical, rule)


REGIONAL_BODY = re.compile(
    r"^([A-Z]{2,})(?:-|\s+)(.+?)(?:\s+regional\s+(?:organi[sz]ation|office|council|secretariat))?$")


def regional_body(name: str, knowledge: Knowledge) -> Classified | None:
    """ "ITUC-Africa", "ITUC Asia-Pacific regional organization": a known partner's acronym joined to
    a region names its regional body. Its canonical value is the acronym and the region as written."""
    match = REGIONAL_BODY.match(name)
    if match is None:
        return None
    parent = knowledge.lookup(match.group(1))
    region = knowledge.place_code(match.group(2))
    if parent is None or parent.type != "PARTNER" or region is None or region.source != "regions.csv":
        return None
    joined = "-" if name[len(match.group(1))] == "-" else " "
    return Classified("PARTNER", f"{match.group(1)}{joined}{match.group(2)}", f"rule:acronym-region:{parent.canonical}")


def _trim(name: str) -> str:
    name = re.sub(r"^(?:the|The)\s+", "", name.strip())
    return re.sub(r"(?:'s|’s|'|’)$", "", name).strip(" ,.;:")


def _by_head(name: str, knowledge: Knowledge) -> tuple[str, str] | None:
    """(type, rule) of a name by its wording and head word ("… Foundation", "… Department"), or None."""
    words = _name_words(name, knowledge)
    if words is None:
        return None
    parts, lower = words
    if any(w in word_list("event_before_on") and n == "on" for w, n in pairwise(lower)):
        return "IGNORE", "heads:event"  # "Global Forum on Responsible Business Conduct"
    if STATE.match(name):
        return "IGNORE", "heads:government-of"
    if _names_a_place(parts, knowledge):
        return None  # "Russian Federation and China", "United Arab Emirates"
    event = next((w for w, n in pairwise(lower) if knowledge.heads.get(w) == "IGNORE"
                  and n in word_list("of_head")), None)
    if event is not None:
        return "IGNORE", f"heads:{event}-of"  # "European Year of …", "Plan of Action", "Forum on …"
    if government().search(name):
        return "PARTNER", "heads:government"
    head = _head_word(lower, knowledge)
    return _by_head_word(name, head, parts, knowledge) if head is not None else None


def _by_head_word(name: str, head: str, parts: list[str], knowledge: Knowledge) -> tuple[str, str] | None:
    national = _is_national(parts, knowledge)
    rule, word = knowledge.head_rules.get(head, ("", ""))
    if rule == "min-words" and len(parts) < int(word):
        return None  # "Working Group", "the Board": a head word and little else
    if rule in HEAD_RULES:
        return HEAD_RULES[rule](name, head, parts, national, word)
    type_ = knowledge.heads[head]
    if type_ == "UNIT" and national:
        return "PARTNER", f"heads:{head}-national"
    return type_, f"heads:{head}"


def _name_words(name: str, knowledge: Knowledge) -> tuple[list[str], list[str]] | None:
    """The name's words (hyphenated ones split) and their lower-case English forms; None when it is no name."""
    whole = re.findall(r"[\w&]+(?:-[\w&]+)*(?:['’]s\b)?", name)  # "Co-operative" is one word
    romance = bool(whole) and whole[0].lower() in knowledge.romance_heads  # "Confédération nationale des …"
    if not romance and any(w[:1].islower() and w.lower() not in word_list("name_word") for w in whole):
        return None  # "Office on the labour …" is not a name
    parts = [part for w in whole for part in w.split("-") if part]  # "Konrad-Adenauer-Stiftung": head "Stiftung"
    if (len(parts) < 2 and not name.isupper()) or re.search(r"\d", name):
        return None  # a head word alone, or "the Office for 2014"
    lower = [knowledge.translations.get(w.lower(), w.lower()) if romance else w.lower() for w in parts]
    return parts, lower


def _ilo_office(name: str, head: str, parts: list[str], national: bool, word: str) -> tuple[str, str] | None:
    """ "Office of the Prime Minister" is a government's; an ILO office is named so ("ILO Office for …")."""
    if re.match(rf"^{head.title()} of the\b", name):
        return "PARTNER", f"heads:{head}-of"
    return ("UNIT", f"heads:ilo-{head}") if ilo_office().search(name) else ("PARTNER", f"heads:{head}")


def _government_of(name: str, head: str, parts: list[str], national: bool, word: str) -> tuple[str, str] | None:
    """The ILO's are "X Department" and "Bureau for X" (and in units.csv); "Department of Labour" and a
    national one are a government's."""
    if national or name.startswith(f"{head.title()} of "):
        return "PARTNER", f"heads:{head}-of-government"
    return "UNIT", f"heads:{head}"


def _national_only(name: str, head: str, parts: list[str], national: bool, word: str) -> tuple[str, str] | None:
    """Only a national body is a partner ("National Tripartite Committee"); the ILO's own are no entity."""
    if national or word in parts:
        return "PARTNER", f"heads:national-{head}"
    return "IGNORE", f"heads:{head}"


def _needs_word(name: str, head: str, parts: list[str], national: bool, word: str) -> tuple[str, str] | None:
    return ("UNIT", f"heads:{head}") if word in parts else None  # the ILO's "Decent Work … Team"s


# org_heads.csv's ``rule`` column: what more than the head word decides a name's type
HEAD_RULES = {"ilo-office": _ilo_office, "government-of": _government_of, "national-only": _national_only,
              "needs-word": _needs_word}


def _names_a_place(words: list[str], knowledge: Knowledge) -> bool:
    """A country whose name has an organization's head word in it ("Russian Federation")."""
    for size in range(min(5, len(words)), 1, -1):
        for i in range(len(words) - size + 1):
            phrase = words[i:i + size]
            entry = knowledge.place_code(" ".join(phrase))
            if entry is not None and any(w.lower() in knowledge.heads for w in phrase):
                return True
    return False


def _head_word(lower: list[str], knowledge: Knowledge) -> str | None:
    if lower[-1] in knowledge.heads:
        return lower[-1]
    if len(lower) > 2 and lower[0] in knowledge.heads and lower[1] in word_list("of_head"):
        return lower[0]
    heads = [w for w in lower if w in knowledge.heads and knowledge.heads[w] != "IGNORE"]
    return heads[-1] if heads else None


def _is_national(words: list[str], knowledge: Knowledge) -> bool:
    """The name belongs to a country: it names one, or its nationality."""
    if any(word in knowledge.nationalities for word in words):
        return True
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            entry = knowledge.place_code(" ".join(words[i:i + size]))
            if entry is not None and entry.kind == "country":
                return True
    return False
