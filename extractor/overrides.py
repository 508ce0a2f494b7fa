"""Analysts' corrections, kept in ``overrides.csv`` and applied on every run, compare and review.

One row a correction: symbol, para, type, text, action, new_type, norm, note.

- ``drop``: the mention of ``text`` (of ``type``) in that paragraph is wrong.
- ``relabel``: it is right but of another type (``new_type``), or its norm is
  wrong (``norm``).
- ``add``: the pipeline missed it; ``new_type`` (or ``type``) and ``norm`` say
  what it is.

Rows match mentions by symbol, paragraph ("" or "other" for text outside
numbered paragraphs), type and text, ignoring case, quotes and spacing.
Applying the same file twice changes nothing, so corrections survive re-runs.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

COLUMNS = ["symbol", "para", "type", "text", "action", "new_type", "norm", "note"]
ACTIONS = ("drop", "relabel", "add")
TYPES = ("UNIT", "PARTNER", "DATE", "PLACE", "AMOUNT")


class OverrideError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Override:
    symbol: str
    para: str
    type: str
    text: str
    action: str
    new_type: str = ""
    norm: str = ""
    note: str = ""
    line: int = 0

    @property
    def key(self) -> tuple[str, str, str, str]:
        return fold_symbol(self.symbol), para_key(self.para), self.type, fold_text(self.text)


def fold_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    return re.sub(r"\s+", " ", text).strip().lower()


def fold_symbol(symbol: str) -> str:
    return re.sub(r"\s+", "", symbol or "").upper()


def para_key(para: str) -> str:
    value = (para or "").strip()
    return "" if value.lower() in ("", "other", "nan") else value.split(".")[0]


def template(path: Path) -> None:
    """An empty overrides file with its header, for analysts to fill in (never overwrites)."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(",".join(COLUMNS) + "\n", encoding="utf-8")


def load_overrides(path: Path | None) -> list[Override]:
    if path is None or not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in ("symbol", "para", "type", "text", "action") if c not in (reader.fieldnames or [])]
        if missing:
            raise OverrideError(f"{path}: missing columns {', '.join(missing)}")
        found = []
        for line, row in enumerate(reader, start=2):
            found.append(_override(row, path, line))
    return found


def _override(row: dict[str, str], path: Path, line: int) -> Override:
    clean = {k: (row.get(k) or "").strip().lstrip("'") for k in COLUMNS}
    clean["type"], clean["new_type"], clean["action"] = (clean["type"].upper(), clean["new_type"].upper(),
                                                         clean["action"].lower())
    if clean["action"] not in ACTIONS:
        raise OverrideError(f"{path}:{line}: action must be one of {', '.join(ACTIONS)}, not {clean['action']!r}")
    for field in ("type", "new_type"):
        if clean[field] and clean[field] not in TYPES:
            raise OverrideError(f"{path}:{line}: {field} must be one of {', '.join(TYPES)}")
    if not clean["symbol"] or not clean["text"] or not (clean["type"] or clean["new_type"]):
        raise OverrideError(f"{path}:{line}: symbol, text and type are required")
    return Override(**clean, line=line)


def apply_overrides(mentions: list[dict[str, str]], overrides: list[Override],
                    segments: list[dict[str, str]] | None = None) -> list[dict[str, str]]:
    """The mentions with the corrections applied; a corrected row says so in its ``correction`` column."""
    if not overrides:
        return [row if "correction" in row else {**row, "correction": ""} for row in mentions]
    by_key: dict[tuple[str, str, str, str], list[Override]] = {}
    for override in overrides:
        by_key.setdefault(override.key, []).append(override)
    result = []
    for mention in mentions:
        row = dict(mention)
        row.setdefault("correction", "")
        key = (fold_symbol(row["symbol"]), para_key(row["para"]), row["type"], fold_text(row["text"]))
        actions = by_key.get(key, [])
        if any(o.action == "drop" for o in actions):
            continue
        for override in actions:
            if override.action == "relabel":
                row["type"] = override.new_type or row["type"]
                row["norm"] = override.norm or row["norm"]
                row["correction"] = _describe(override)
        result.append(row)
    existing = {(fold_symbol(r["symbol"]), para_key(r["para"]), r["type"], fold_text(r["text"])) for r in result}
    for override in overrides:
        if override.action != "add":
            continue
        type_ = override.new_type or override.type
        key = (override.key[0], override.key[1], type_, override.key[3])
        if key not in existing:
            result.append(_added(override, type_, mentions, segments or []))
            existing.add(key)
    return result


def _describe(override: Override) -> str:
    note = f": {override.note}" if override.note else ""
    return f"{override.action} (overrides.csv line {override.line}){note}"


def _added(override: Override, type_: str, mentions: list[dict[str, str]],
           segments: list[dict[str, str]]) -> dict[str, str]:
    """A mention an analyst added, placed in its paragraph's text where it can be found there."""
    doc = next((m for m in mentions if fold_symbol(m["symbol"]) == override.key[0]), {})
    row = dict.fromkeys(doc, "") | {
        "doc_id": doc.get("doc_id", ""), "symbol": override.symbol, "session_date": doc.get("session_date", ""),
        "para": para_key(override.para), "type": type_, "text": override.text, "norm": override.norm,
        "method": "override", "correction": _describe(override),
    }
    for seg in segments:
        same_doc = fold_symbol(seg.get("symbol", "")) == override.key[0]
        if same_doc and para_key(seg.get("para", "")) == row["para"] and override.text in seg.get("text", ""):
            start = seg["text"].index(override.text)
            row.update(doc_id=seg["doc_id"], seg_id=seg["seg_id"], item=seg.get("item", ""),
                       section=seg.get("section", ""), page=seg.get("page_start", ""), start=str(start),
                       end=str(start + len(override.text)))
            break
    return row
