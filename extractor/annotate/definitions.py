"""Acronym definitions in a paper: "Better Cotton Initiative (BCI)" and
"APINDO (the Indonesian Employers' Association)".

A definition holds for the whole paper: a later "BCI" resolves to the same
canonical partner, and an organization no gazetteer knows is still found
through its definition. The long form is the run of capitalised words before
the parenthesis (with "of", "for", "and" … inside it), trimmed to the words
whose initials spell the acronym, as Schwartz and Hearst's algorithm does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.lexicon import word_list

ACRONYM = r"[A-Z][A-Za-z]*[A-Z][A-Za-z0-9]*(?:[/\-+][A-Z][A-Za-z0-9]*)*\+?"
LONG_THEN_ACRONYM = re.compile(rf"\((?P<acr>{ACRONYM})\)")
ACRONYM_THEN_LONG = re.compile(rf"\b(?P<acr>{ACRONYM})\s*\((?:the\s+)?(?P<long>[A-Z][^()]{{3,120}}?)\)")
REGIONAL_TAIL = re.compile(r"[A-Z][\w-]*\s+regional\s+(?:organi[sz]ation|office|council|secretariat)\s*$")
WORD = re.compile(r"[\w’'&.\-/]+|[,()]")


@dataclass(frozen=True, slots=True)
class Definition:
    acronym: str
    long: str
    acronym_start: int  # character offsets in the text that defines it
    long_start: int
    long_end: int


def find_definitions(text: str) -> list[Definition]:
    found: list[Definition] = []
    for match in LONG_THEN_ACRONYM.finditer(text):
        bounds = _long_form_before(text, match.start(), match.group("acr"))
        if bounds is not None:
            start, end = bounds
            found.append(Definition(match.group("acr"), text[start:end], match.start("acr"), start, end))
    for match in ACRONYM_THEN_LONG.finditer(text):
        long = match.group("long").strip()
        words = long.split()
        capitalised = sum(1 for w in words if w[:1].isupper())
        inside_a_name = re.search(r"[A-Z]\w*\s+(?:of|for|and)(?:\s+the)?\s*$", text[:match.start()])
        if (len(words) >= 2 and capitalised >= max(1, len(words) // 2) and not re.search(r"\d", long)
                and not inside_a_name and not re.fullmatch(ACRONYM, long)):
            found.append(Definition(match.group("acr"), long, match.start("acr"), match.start("long"),
                                    match.start("long") + len(long)))
    return found


def _long_form_before(text: str, paren: int, acronym: str) -> tuple[int, int] | None:
    chunk = _trim_chunk(text, _capitalised_chunk(text[:paren]))
    start_index = _best_start(chunk, acronym) if chunk else None
    if start_index is None:
        return None
    return chunk[start_index][1], chunk[-1][2]


Token = tuple[str, int, int]


def _capitalised_chunk(before: str) -> list[Token]:
    """The run of capitalised words (with the connectors between them) that ends right before the bracket."""
    tokens = [(m.group(0), m.start(), m.end()) for m in WORD.finditer(before)]
    connectors, boundaries = word_list("definition_connector"), word_list("list_boundary")
    chunk: list[Token] = []
    index = len(tokens) - 1
    if REGIONAL_TAIL.search(before):  # "ITUC Asia-Pacific regional organization (ITUC-AP)"
        chunk, index = tokens[-2:], index - 2
    while index >= 0:
        word = tokens[index][0]
        previous = tokens[index - 1][0] if index > 0 else ""
        if word == "the" and previous.lower() in boundaries:
            break  # "… and the International Finance Corporation (IFC)": a list, not one name
        takes = word[:1].isupper() or (word[:1].isdigit() and chunk) or (word in connectors and chunk and previous)
        joins = word == "," and chunk and previous[:1].isupper() and chunk[0][0][:1].isupper()
        if not (takes or joins):
            break
        chunk.insert(0, tokens[index])
        index -= 1
    return chunk


def _trim_chunk(text: str, chunk: list[Token]) -> list[Token]:
    """Without the connectors and sentence openers it starts with, or the sentence's noun before the name."""
    connectors, openers = word_list("definition_connector"), word_list("sentence_start")
    while chunk and (chunk[0][0] in connectors or chunk[0][0] == "," or chunk[0][0] in openers):
        chunk.pop(0)
    if len(chunk) > 2 and chunk[1][0] in word_list("noun_before_name") and _starts_sentence(text, chunk[0][1]):
        chunk = chunk[2:]  # "Figures of the National Institute … (INEGI)": the name follows the sentence's noun
        while chunk and chunk[0][0] in connectors:
            chunk.pop(0)
    return chunk


def _starts_sentence(text: str, offset: int) -> bool:
    return not text[:offset].strip() or bool(re.search(r"[.!?:;]\s+$", text[:offset]))


def _initials(word: str) -> str:
    parts = re.split(r"[\-/]", word)
    return "".join(p[0] for p in parts if p and p[0].isupper())


def _best_start(chunk: list[tuple[str, int, int]], acronym: str) -> int | None:
    letters = [c for c in acronym if c.isupper()]
    starts = [i for i, (word, _, _) in enumerate(chunk) if word[:1].isupper()]
    scored = []
    for i in starts:
        initials = "".join(_initials(word) for word, _, _ in chunk[i:])
        scored.append((_common(letters, initials), i))
    if not scored:
        return None
    best = max(score for score, _ in scored)
    if best == 0:
        return None
    if best == len(letters):
        shortest = max(i for score, i in scored if score == best)
        while shortest > 0 and chunk[shortest - 1][0][:1].isupper():
            shortest -= 1  # "Deutsche" + "Gesellschaft für Internationale Zusammenarbeit (GIZ)"
        return shortest
    return min(i for score, i in scored if score == best)


def _common(letters: list[str], initials: str) -> int:
    """Length of the longest common subsequence of the acronym's capitals and the words' initials."""
    rows = [[0] * (len(initials) + 1) for _ in range(len(letters) + 1)]
    for i, letter in enumerate(letters):
        for j, initial in enumerate(initials):
            rows[i + 1][j + 1] = rows[i][j] + 1 if letter == initial else max(rows[i][j + 1], rows[i + 1][j])
    return rows[-1][-1]
