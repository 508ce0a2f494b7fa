"""One identity per organization, unit and place across the papers of a run, its years and languages.

Every UNIT, PARTNER and PLACE mention starts as its own key: a unit's or partner's canonical name (the
gazetteers already give one name to "IOE" and "International Organisation of Employers", and to a unit's
former names), a country's ISO code ("Viet Nam", "Vietnam", "Türkiye", "Turkey"), another place's name.
Keys are then joined, each join saying how (``linked_by``):

1. an acronym a paper defines ("Group of Seven (G7)") joins the acronym wherever the run uses it;
2. names in other languages (``models/gazetteers/aliases.csv``) come out of the gazetteer with their
   English canonical name already (the join is reported as the alias table's);
3. names that are the same once their head words are translated (``models/lexicon/translations.csv``:
   "Fundación ONCE" and "ONCE Foundation", "Confederação …" and "Confederation …");
4. two names of one type alike above ``FUZZY`` (difflib's ratio on folded, translated names), reported
   with their score;
5. an analyst's ``same`` row in overrides.csv joins two names; a ``different`` row keeps them apart,
   whatever the rules above would join.

``entity_id`` is derived from the type and the canonical key, never from row order, so it is the same
in every run and on every machine.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from extractor.annotate.gazetteers import Knowledge
from extractor.folding import fold_name, fold_text
from extractor.lexicon import word_list
from extractor.model import ANNOTATED_KINDS
from extractor.overrides import Override

LINKED_TYPES = ("UNIT", "PARTNER", "PLACE")
FUZZY = 0.92  # difflib ratio two folded, translated names of one type must reach to be joined
FUZZY_MIN_LENGTH = 12  # characters: shorter names (acronyms, short words) are never joined by likeness
FUZZY_BLOCK = 50  # names sharing a word are compared only when no more than this many names have it


@dataclass(slots=True)
class Entity:
    entity_id: str
    type: str
    canonical: str
    norm: str  # an ISO 3166 code for a country, a unit's acronym, a partner's canonical name
    aliases: Counter[str] = field(default_factory=Counter)
    languages: set[str] = field(default_factory=set)
    papers: dict[str, str] = field(default_factory=dict)  # symbol -> session date
    linked_by: list[str] = field(default_factory=list)

    @property
    def first_seen(self) -> str:
        return _seen(self.papers, first=True)

    @property
    def last_seen(self) -> str:
        return _seen(self.papers, first=False)

    def row(self) -> dict[str, str]:
        return {
            "entity_id": self.entity_id, "type": self.type, "canonical": self.canonical, "norm": self.norm,
            "aliases": "; ".join(f"{name} ({count})" for name, count in self.aliases.most_common()),
            "languages": "; ".join(sorted(self.languages)), "first_seen": self.first_seen,
            "last_seen": self.last_seen, "papers": "; ".join(sorted(self.papers, key=lambda s: self.papers[s])),
            "linked_by": "; ".join(dict.fromkeys(self.linked_by)),
        }


ENTITY_COLUMNS = ["entity_id", "type", "canonical", "norm", "aliases", "languages", "first_seen", "last_seen",
                  "papers", "linked_by"]


def _seen(papers: dict[str, str], first: bool) -> str:
    if not papers:
        return ""
    ordered = sorted(papers.items(), key=lambda item: (item[1] or "9999", item[0]))
    symbol, date = ordered[0] if first else ordered[-1]
    return f"{symbol} ({date})" if date else symbol


def entity_id(type_: str, key: str) -> str:
    digest = hashlib.sha1(f"{type_}|{key}".encode()).hexdigest()[:10]
    return f"{type_.lower()}-{digest}"


class Links:
    """Union-find over keys, with pairs that must stay apart and the reason for each join."""

    def __init__(self, apart: set[frozenset[str]]) -> None:
        self.parent: dict[str, str] = {}
        self.reasons: dict[str, list[str]] = {}
        self.apart = apart

    def find(self, key: str) -> str:
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def members(self, root: str) -> list[str]:
        return [k for k in self.parent if self.find(k) == root]

    def join(self, a: str, b: str, reason: str, forced: bool = False) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if not forced and any(frozenset((x, y)) in self.apart for x in self.members(ra) for y in self.members(rb)):
            return  # an analyst said these are different
        self.parent[rb] = ra
        self.reasons[ra] = self.reasons.get(ra, []) + self.reasons.pop(rb, []) + [reason]


@dataclass(slots=True)
class Identities:
    entities: list[Entity]
    by_mention: list[str]  # entity_id of each mention, "" for dates and amounts

    def rows(self) -> list[dict[str, str]]:
        return [e.row() for e in sorted(self.entities, key=lambda e: (e.type, e.canonical.lower()))]




def acronyms_across_run(mentions: list[dict[str, Any]], segments: list[dict[str, Any]],
                        session_dates: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """Mentions of the acronyms a paper defines ("Zimbabwe Congress of Trade Unions (ZCTU)") in the papers of
    the run that use them without defining them, where nothing else was found. ``session_dates``: doc_id ->
    the session date of its paper."""
    defined: dict[str, dict[str, Any]] = {}
    for mention in mentions:
        text = mention["text"]
        if mention["type"] in ("UNIT", "PARTNER") and "acronym:use" in mention.get("method", "") \
                and re.fullmatch(r"[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9/\-]*", text):
            defined.setdefault(text, mention)
    if not defined:
        return []
    taken: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for mention in mentions:
        taken.setdefault((mention["doc_id"], mention["seg_id"]), []).append(
            (int(mention["start"] or 0), int(mention["end"] or 0)))
    pattern = re.compile(r"(?<![\w/-])(" + "|".join(re.escape(a) for a in sorted(defined, key=len, reverse=True))
                         + r")(?![\w/-])")
    session = {m["doc_id"]: m.get("session_date", "") for m in mentions} | (session_dates or {})
    added = []
    for seg in segments:
        if seg["kind"] not in ANNOTATED_KINDS:
            continue
        spans = taken.get((seg["doc_id"], seg["seg_id"]), [])
        for match in pattern.finditer(seg["text"]):
            if any(match.start() < end and start < match.end() for start, end in spans):
                continue
            source = defined[match.group(1)]
            if source["doc_id"] == seg["doc_id"]:
                continue  # the paper's own uses were found by the annotator
            added.append({
                "doc_id": seg["doc_id"], "symbol": seg["symbol"], "session_date": session.get(seg["doc_id"], ""),
                "seg_id": seg["seg_id"], "para": seg["para"], "item": seg.get("item", ""),
                "section": seg.get("section", ""), "page": seg.get("page_start", ""), "type": source["type"],
                "text": match.group(1), "norm": source["norm"], "start": match.start(), "end": match.end(),
                "sentence": "", "method": f"acronym:run:{source['symbol']} para {source['para'] or 'other'}",
                "score": "", "correction": "",
            })
    return added


def link(mentions: list[dict[str, Any]], knowledge: Knowledge, overrides: list[Override] | None = None
         ) -> Identities:
    """The identities of a run's mentions (already corrected by overrides.csv)."""
    keys = [_key(m, knowledge) if m["type"] in LINKED_TYPES else "" for m in mentions]
    identity_rows = [o for o in overrides or [] if o.action in ("same", "different")]
    named = _keys_by_name(mentions, keys)
    apart = {frozenset(pair) for o in identity_rows if o.action == "different"
             for pair in _pairs(o, named) if len(set(pair)) == 2}
    links = Links(apart)
    for key in keys:
        if key:
            links.find(key)
    _join_acronyms(mentions, keys, links)
    _join_translations(keys, links, knowledge)
    _join_fuzzy(keys, links, knowledge)
    for override in (o for o in identity_rows if o.action == "same"):
        for a, b in _pairs(override, named):
            links.join(a, b, f"same ({override.where()})", forced=True)
    return _entities(mentions, keys, links, knowledge)


def _key(mention: dict[str, Any], knowledge: Knowledge) -> str:
    type_ = mention["type"]
    if type_ == "PLACE":
        entry = knowledge.place_code(mention["text"])
        if entry is not None and entry.kind == "country":
            return f"PLACE|{entry.code}"
        name = entry.canonical if entry is not None else re.sub(r"^the\s+", "", mention["text"].strip(), flags=re.I)
        return f"PLACE|{fold_text(name)}"
    return f"{type_}|{fold_text(mention.get('norm') or mention['text'])}"


def _keys_by_name(mentions: list[dict[str, Any]], keys: list[str]) -> dict[tuple[str, str], set[str]]:
    named: dict[tuple[str, str], set[str]] = {}
    for mention, key in zip(mentions, keys, strict=True):
        if key:
            for name in (mention["text"], mention.get("norm", "")):
                if name:
                    named.setdefault((mention["type"], fold_text(name)), set()).add(key)
    return named


def _pairs(override: Override, named: dict[tuple[str, str], set[str]]) -> list[tuple[str, str]]:
    left = named.get((override.type, fold_text(override.text)), set())
    right = named.get((override.type, fold_text(override.norm)), set())
    return [(a, b) for a in left for b in right]


def _join_acronyms(mentions: list[dict[str, Any]], keys: list[str], links: Links) -> None:
    """An acronym defined in one paper ("Group of Seven (G7)") is the same body wherever it is used."""
    defined: dict[tuple[str, str], tuple[str, str]] = {}  # (type, acronym) -> (key, where)
    for mention, key in zip(mentions, keys, strict=True):
        if key and re.search(r"acronym:(?:use|run)", mention.get("method", "")) and mention["text"].isupper():
            defined.setdefault((mention["type"], mention["text"]),
                               (key, f"{mention['symbol']} para {mention['para'] or 'other'}"))
    for mention, key in zip(mentions, keys, strict=True):
        found = defined.get((mention["type"], mention["text"])) if key else None
        if found is not None and found[0] != key:
            links.join(found[0], key, f"acronym {mention['text']} defined in {found[1]}")


def _translated(key: str, knowledge: Knowledge) -> str:
    """A name's words, head words in English, articles and connectors left out, in a fixed order."""
    words = re.findall(r"\w+", fold_name(key.split("|", 1)[1]))
    kept = {knowledge.translations.get(w, w) for w in words if w not in word_list("name_function_word")}
    return " ".join(sorted(kept))


def _join_translations(keys: list[str], links: Links, knowledge: Knowledge) -> None:
    by_words: dict[tuple[str, str], str] = {}
    for key in dict.fromkeys(k for k in keys if k and not k.startswith("PLACE|")):
        words = _translated(key, knowledge)
        if len(words.split()) < 2:
            continue  # one word ("ONCE"): too little to tell two names apart
        first = by_words.setdefault((key.split("|")[0], words), key)
        if first != key:
            links.join(first, key, f"head-word translation ({key.split('|', 1)[1]} = {first.split('|', 1)[1]})")


def _join_fuzzy(keys: list[str], links: Links, knowledge: Knowledge) -> None:
    """Names alike above ``FUZZY``; only names sharing a word that few names have are compared, so that a
    large archive is not compared name by name."""
    names = {k: _translated(k, knowledge) for k in dict.fromkeys(keys) if k and not k.startswith("PLACE|")}
    names = {k: n for k, n in names.items() if len(n) >= FUZZY_MIN_LENGTH}
    by_word: dict[str, list[str]] = {}
    for key, name in names.items():
        for word in set(name.split()):
            by_word.setdefault(word, []).append(key)
    compared: set[frozenset[str]] = set()
    for sharing in by_word.values():
        if len(sharing) > FUZZY_BLOCK:
            continue  # a common word ("international") says nothing
        for index, a in enumerate(sharing):
            for b in sharing[index + 1:]:
                pair = frozenset((a, b))
                if pair in compared or a.split("|")[0] != b.split("|")[0] or links.find(a) == links.find(b):
                    continue
                compared.add(pair)
                score = SequenceMatcher(None, names[a], names[b], autojunk=False).ratio()
                if score >= FUZZY:
                    links.join(a, b, f"fuzzy {score:.2f} ({a.split('|', 1)[1]} ~ {b.split('|', 1)[1]})")


def _entities(mentions: list[dict[str, Any]], keys: list[str], links: Links, knowledge: Knowledge) -> Identities:
    groups: dict[str, list[int]] = {}
    for index, key in enumerate(keys):
        if key:
            groups.setdefault(links.find(key), []).append(index)
    by_mention = [""] * len(mentions)
    entities = []
    definitions = {(m["doc_id"], m.get("norm", "")): m["para"] or "other" for m in mentions
                   if "acronym:definition" in m.get("method", "")}
    for root, indexes in groups.items():
        chosen = [mentions[i] for i in indexes]
        type_ = chosen[0]["type"]
        canonical, norm, key = _canonical(chosen, knowledge)
        entity = Entity(entity_id(type_, key), type_, canonical, norm, linked_by=links.reasons.get(root, []))
        for mention in chosen:
            entity.aliases[mention["text"]] += 1
            entity.papers[mention["symbol"]] = mention.get("session_date", "")
            language = knowledge.languages.get(fold_name(mention["text"]), "")
            entity.languages.add(language or _language_of(mention["text"], knowledge))
            entity.linked_by += _mention_links(mention, canonical, definitions)
        for i in indexes:
            by_mention[i] = entity.entity_id
        entities.append(entity)
    return Identities(entities, by_mention)


def _mention_links(mention: dict[str, Any], canonical: str, definitions: dict[tuple[str, str], str]) -> list[str]:
    """How a mention came to its entity, when a rule of the run joined it: an alias, an acronym."""
    method, text = mention.get("method", ""), mention["text"]
    if "gazetteer:aliases.csv" in method and fold_text(text) != fold_text(canonical):
        return [f"alias table ({text})"]
    run = re.search(r"acronym:run:(.+)$", method)
    if run:
        return [f"acronym {text} defined in {run.group(1)}"]
    if "acronym:use" in method:
        para = definitions.get((mention["doc_id"], mention.get("norm", "")), mention["para"] or "other")
        return [f"acronym {text} defined in {mention['symbol']} para {para}"]
    return []


def _canonical(mentions: list[dict[str, Any]], knowledge: Knowledge) -> tuple[str, str, str]:
    """(canonical name, norm, key of the id): a gazetteer's canonical name when one member has it, else the
    name written most often (the longer on a tie)."""
    type_ = mentions[0]["type"]
    if type_ == "PLACE":
        codes = Counter(m["norm"] for m in mentions if m.get("norm"))
        for mention in mentions:
            entry = knowledge.place_code(mention["text"])
            if entry is not None and entry.kind == "country":
                return entry.canonical, entry.code, entry.code
        names = Counter(re.sub(r"^the\s+", "", m["text"].strip(), flags=re.I) for m in mentions)
        name = max(names, key=lambda n: (names[n], len(n)))
        entry = knowledge.place_code(name)
        canonical = entry.canonical if entry is not None else name
        return canonical, codes.most_common(1)[0][0] if codes else "", fold_text(canonical)
    known = [m["norm"] for m in mentions if m.get("norm") and knowledge.lookup(m["norm"], (type_,)) is not None]
    names = Counter(known or [m.get("norm") or m["text"] for m in mentions])
    canonical = max(names, key=lambda n: (names[n], len(n)))
    entry = knowledge.lookup(canonical, (type_,))
    norm = _acronym_of(canonical, knowledge) if type_ == "UNIT" else canonical
    return (entry.canonical if entry is not None else canonical), norm, fold_text(canonical)


def _acronym_of(canonical: str, knowledge: Knowledge) -> str:
    entry = knowledge.lookup(canonical, ("UNIT",))
    return entry.canonical if entry is not None and entry.canonical.isupper() else canonical


def _language_of(name: str, knowledge: Knowledge) -> str:
    """ "fr", "es" or "pt" when a name's words are that language's (its head words are in the translation
    table as such), else "en"."""
    words = re.findall(r"\w+", fold_name(name))
    foreign = [w for w in words if w in knowledge.translations and knowledge.translations[w] != w]
    return knowledge.word_languages.get(foreign[0], "en") if foreign else "en"
