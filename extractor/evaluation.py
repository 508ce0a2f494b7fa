"""Scores of a run against gold annotation: entity precision, recall and F1, normalisation accuracy, and
how faithfully the numbered paragraphs were segmented.

The rules are those of the project's gold files (``tests/data/*/*.gold.jsonl``, written to
``ANNOTATION.md``): a gold entity is found when a predicted mention of its type in the same document and
paragraph has a surface text or norm equal to one of its forms, after folding case, quotes, dashes,
white space, a leading article or preposition and trailing punctuation. A prediction that matches no
gold entity and no IGNORE name is a false positive, once per distinct folded text. Used by
``tools/evaluate.py`` and by the regression test over the held-out papers.
"""

from __future__ import annotations

import difflib
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from extractor.folding import fold_for_scoring, fold_symbol
from extractor.rows import read_rows

TYPES = ("UNIT", "PARTNER", "DATE", "PLACE", "AMOUNT")
NORMALISED = ("DATE", "AMOUNT", "PLACE")
def para_key(value: object) -> str:
    text = str(value if value is not None else "").strip()
    match = re.match(r"^(\d+)", text)
    return str(int(match.group(1))) if match and text.lower() not in ("nan", "none") else "other"


@dataclass(slots=True)
class GoldEntity:
    doc: str
    para: str
    type: str
    text: str
    forms: set[str]
    norm: str


@dataclass(slots=True)
class Gold:
    entities: list[GoldEntity] = field(default_factory=list)
    ignore: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    @property
    def docs(self) -> set[str]:
        return {e.doc for e in self.entities}


def load_gold(paths: Iterable[Path]) -> Gold:
    gold = Gold()
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            doc = fold_symbol(row["doc"])
            if row["type"] == "IGNORE":
                gold.ignore[doc].add(fold_for_scoring(row["text"]))
                continue
            forms = {fold_for_scoring(row["text"])} | {fold_for_scoring(form) for form in row.get("forms", [])}
            if row.get("norm") and row["type"] != "PLACE":  # a country code is shared by many places
                forms.add(fold_for_scoring(row["norm"]))
            gold.entities.append(GoldEntity(doc, para_key(row["para"]), row["type"], row["text"], forms,
                                            row.get("norm") or ""))
    return gold


@dataclass(frozen=True, slots=True)
class Predicted:
    doc: str
    para: str
    type: str
    text: str
    norm: str


def predictions(rows: Iterable[Mapping[str, str]]) -> list[Predicted]:
    """Mentions rows (``mentions.csv`` as dicts) as the scorer reads them."""
    return [Predicted(fold_symbol(r.get("symbol")), para_key(r.get("para")), (r.get("type") or "").upper(),
                      r.get("text") or "", r.get("norm") or "") for r in rows]


def rows_by_document(path: Path) -> dict[str, list[dict[str, str]]]:
    """An output table's rows (``mentions.csv``, ``segments.csv``, ``documents.csv``) by ``doc_id``."""
    by_doc: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in read_rows(path):  # as they stand, as the shared scorer reads them
        by_doc[row["doc_id"]].append(row)
    return by_doc


def amount_parts(norm: str) -> tuple[float | None, str]:
    """(number, ISO currency or PERCENT or "") of an AMOUNT norm."""
    match = re.match(r"^([\d.,]+)\s*(.*)$", fold_for_scoring(norm))
    if not match:
        return None, ""
    try:
        number = float(match.group(1).replace(",", ""))
    except ValueError:
        return None, ""
    unit = match.group(2).split()[0].upper() if match.group(2) else ""
    return number, unit if re.fullmatch(r"[A-Z]{3}|PERCENT", unit) else ""


def norm_ok(type_: str, gold_norm: str, predicted_norm: str) -> bool:
    gold, predicted = fold_for_scoring(gold_norm), fold_for_scoring(predicted_norm)
    if type_ == "DATE":
        return re.sub(r"\s*(?:/|--|\.\.)\s*", "/", gold) == re.sub(r"\s*(?:/|--|\.\.)\s*", "/", predicted)
    if type_ == "AMOUNT":
        number, unit = amount_parts(gold)
        return number is not None and (number, unit) == amount_parts(predicted)
    if type_ == "PLACE":
        return gold.upper() == predicted.upper()
    return gold == predicted


@dataclass(slots=True)
class Score:
    tp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fn: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    norm_right: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    norm_all: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    @property
    def micro(self) -> tuple[float, float, float]:
        return prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))

    @property
    def f1(self) -> float:
        return self.micro[2]

    def normalisation(self) -> dict[str, float | None]:
        return {t: round(self.norm_right[t] / self.norm_all[t], 4) if self.norm_all[t] else None for t in NORMALISED}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score_mentions(gold: Gold, predicted: list[Predicted]) -> Score:
    score = Score()
    cells: dict[tuple[str, str, str], list[Predicted]] = defaultdict(list)
    for row in predicted:
        if row.doc in gold.docs and row.type in TYPES:
            cells[(row.doc, row.para, row.type)].append(row)
    matched: set[int] = set()
    for entity in gold.entities:
        hits = [row for row in cells.get((entity.doc, entity.para, entity.type), []) if _matches(entity, row)]
        if not hits:
            score.fn[entity.type] += 1
            score.missed.append(f"{entity.doc} para {entity.para} {entity.type} {entity.text!r}")
            continue
        score.tp[entity.type] += 1
        matched.update(id(row) for row in hits)
        if entity.norm and entity.type in NORMALISED:
            score.norm_all[entity.type] += 1
            score.norm_right[entity.type] += any(norm_ok(entity.type, entity.norm, row.norm) for row in hits)
    seen: set[tuple[str, str, str, str]] = set()
    for (doc, para, type_), rows in cells.items():
        for row in rows:
            key = (doc, para, type_, fold_for_scoring(row.text))
            if id(row) in matched or key in seen or fold_for_scoring(row.text) in gold.ignore.get(doc, set()):
                continue
            seen.add(key)
            score.fp[type_] += 1
            score.spurious.append(f"{doc} para {para} {type_} {row.text!r}")
    return score


def _matches(entity: GoldEntity, row: Predicted) -> bool:
    if fold_for_scoring(row.text) in entity.forms:
        return True
    if entity.type != "PLACE" and row.norm and fold_for_scoring(row.norm) in entity.forms:
        return True
    return entity.type == "AMOUNT" and bool(entity.norm and row.norm) and norm_ok("AMOUNT", entity.norm, row.norm)


@dataclass(frozen=True, slots=True)
class SegmentScore:
    paragraphs: int
    found: int
    item_counts_right: int
    similarity: float  # mean over the gold paragraphs, a missing one counting 0
    missing: tuple[str, ...] = ()
    wrong: tuple[str, ...] = ()  # paragraphs with the wrong item count or text similarity under 0.98


def score_segments(gold_path: Path, rows: Iterable[Mapping[str, str]]) -> SegmentScore:
    """Paragraph numbers, item counts and text fidelity; ``rows`` are one document's ``segments.csv`` rows."""
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    found: dict[str, dict[str, list[str] | int]] = defaultdict(lambda: {"items": 0, "text": []})
    for row in rows:
        key = para_key(row.get("para"))
        if (row.get("item") or "").strip() not in ("", "0"):
            found[key]["items"] += 1  # type: ignore[operator]
        found[key]["text"].append(row.get("text") or "")  # type: ignore[union-attr]
    paragraphs = [g for g in gold if g.get("para") not in (None, "other")]
    right = total = 0.0
    missing, wrong = [], []
    for g in paragraphs:
        key = para_key(g["para"])
        got = found.get(key)
        if got is None:
            missing.append(key)
            continue
        expected = re.sub(r"\s+", " ", g["text"]).strip()
        text = re.sub(r"\s+", " ", " ".join(got["text"])).strip()  # type: ignore[arg-type]
        ratio = difflib.SequenceMatcher(None, expected, text, autojunk=False).ratio()
        items_right = got["items"] == g.get("items", 0)
        right += items_right
        total += ratio
        if not items_right or ratio < 0.98:
            wrong.append(f"{key} (items {got['items']}/{g.get('items', 0)}, similarity {ratio:.3f})")
    return SegmentScore(len(paragraphs), len(paragraphs) - len(missing), int(right),
                        round(total / len(paragraphs), 4) if paragraphs else 0.0, tuple(missing), tuple(wrong))
