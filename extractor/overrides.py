"""Analysts' corrections, kept in ``overrides.csv`` and applied on every run, compare and review.

One row a correction: symbol, para, type, text, action, new_type, norm, note.

- ``drop``: the mention of ``text`` (of ``type``) in that paragraph is wrong.
- ``relabel``: it is right but of another type (``new_type``), or its norm is wrong (``norm``).
- ``add``: the pipeline missed it; ``new_type`` (or ``type``) and ``norm`` say what it is. The text must
  stand in the named paragraph of the paper, else the row is refused.
- ``same``: ``text`` and ``norm`` name one organization or place (an analyst's merge of two identities).
- ``different``: ``text`` and ``norm`` are two (undoing a link the pipeline made).

Rows match mentions by symbol (spaces and case aside), paragraph ("" or "other" for text outside numbered
paragraphs; "6" also matches the items of paragraph 6), type and text (case, quotes and spacing aside). A
row applies to every file of its paper: the PDF, the DOCX and the DOC of one symbol alike. ``same`` and
``different`` rows may leave symbol and para empty: they hold for the whole run. Applying the same file
twice changes nothing, so corrections survive re-runs. Every application is reported, row by row
(``overrides-applied.csv``): what each row matched or added, and the rows that matched nothing.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from extractor.folding import fold_symbol, fold_text

COLUMNS = ["symbol", "para", "type", "text", "action", "new_type", "norm", "note"]
ACTIONS = ("drop", "relabel", "add", "same", "different")
IDENTITY_ACTIONS = ("same", "different")
TYPES = ("UNIT", "PARTNER", "DATE", "PLACE", "AMOUNT")
REPORT_COLUMNS = ["file", "line", "action", "symbol", "para", "type", "text", "norm", "status", "count", "matches",
                  "message"]


class OverrideError(ValueError):
    """A malformed overrides file: the message lists every bad line."""


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
    file: str = "overrides.csv"

    @property
    def key(self) -> tuple[str, str, str, str]:
        return fold_symbol(self.symbol), para_key(self.para), self.type, fold_text(self.text)

    def where(self) -> str:
        return f"{self.file} line {self.line}"


@dataclass(slots=True)
class Applied:
    """What one overrides row did in a run."""

    override: Override
    status: str = "unmatched"  # applied, unmatched, refused
    matches: list[tuple[str, str, str]] = field(default_factory=list)  # doc_id, seg_id, text
    message: str = ""

    def row(self) -> dict[str, str]:
        o = self.override
        found = "; ".join(f"{doc}:{seg}:{text}" for doc, seg, text in self.matches)
        return {"file": o.file, "line": str(o.line), "action": o.action, "symbol": o.symbol, "para": o.para,
                "type": o.type, "text": o.text, "norm": o.norm, "status": self.status,
                "count": str(len(self.matches)), "matches": found, "message": self.message}

    def warning(self) -> str:
        return f"{self.override.where()}: {self.message}" if self.status != "applied" else ""

    def conclude(self) -> None:
        """Applied when it matched; else say why not (when nothing more precise was said)."""
        if self.matches and self.status == "unmatched":
            self.status = "applied"
        elif self.status == "unmatched" and not self.message:
            self.message = _nothing_matched(self.override)


def para_key(para: str) -> str:
    value = (para or "").strip()
    return "" if value.lower() in ("", "other", "nan") else value.split(".")[0]


def template(path: Path) -> None:
    """An empty overrides file with its header, for analysts to fill in (never overwrites)."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(",".join(COLUMNS) + "\n", encoding="utf-8")


def load_overrides(path: Path | None) -> list[Override]:
    """The rows of an overrides file; a malformed file raises ``OverrideError`` naming every bad line."""
    if path is None or not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in ("symbol", "para", "type", "text", "action") if c not in (reader.fieldnames or [])]
        if missing:
            raise OverrideError(f"{path}: missing columns {', '.join(missing)}")
        found, errors = [], []
        for row in reader:
            if not any((value or "").strip() for value in row.values()):
                continue  # a blank line
            line = reader.line_num  # the file's line (a quoted cell may hold line breaks)
            override, error = _override(row, path, line)
            if error:
                errors.append(f"{path}:{line}: {error}")
            elif override is not None:
                found.append(override)
    if errors:
        raise OverrideError(f"{len(errors)} bad line{'s' if len(errors) > 1 else ''} in {path}:\n" + "\n".join(errors))
    return found


def _override(row: dict[str, str], path: Path, line: int) -> tuple[Override | None, str]:
    clean = {k: (row.get(k) or "").strip().lstrip("'") for k in COLUMNS}
    clean["type"], clean["new_type"], clean["action"] = (clean["type"].upper(), clean["new_type"].upper(),
                                                         clean["action"].lower())
    action = clean["action"]
    if action not in ACTIONS:
        return None, f"action must be one of {', '.join(ACTIONS)}, not {action!r}"
    for name in ("type", "new_type"):
        if clean[name] and clean[name] not in TYPES:
            return None, f"{name} must be one of {', '.join(TYPES)}, not {clean[name]!r}"
    if action in IDENTITY_ACTIONS:
        if not clean["type"] or not clean["text"] or not clean["norm"]:
            return None, f"{action} needs type, text and norm (the two names)"
    elif not clean["symbol"] or not clean["text"] or not (clean["type"] or clean["new_type"]):
        return None, "symbol, text and type are required"
    elif action == "relabel" and not (clean["new_type"] or clean["norm"]):
        return None, "relabel needs new_type or norm"
    return Override(**clean, line=line, file=path.name), ""


def apply_overrides(mentions: list[dict[str, str]], overrides: list[Override],
                    segments: list[dict[str, str]] | None = None) -> list[dict[str, str]]:
    """The mentions with the corrections applied (see ``apply_with_report``)."""
    return apply_with_report(mentions, overrides, segments)[0]


def apply_with_report(mentions: list[dict[str, str]], overrides: list[Override],
                      segments: list[dict[str, str]] | None = None) -> tuple[list[dict[str, str]], list[Applied]]:
    """The mentions with the corrections applied, and what each row did. A corrected row says so in its
    ``correction`` column; ``same`` and ``different`` rows change no mention (linking reads them)."""
    report = {id(o): Applied(o) for o in overrides}
    result = _drop_and_relabel(mentions, overrides, report)
    for override in overrides:
        if override.action == "add":
            result += _add(override, result, segments or [], report[id(override)])
        elif override.action in IDENTITY_ACTIONS:
            _identity(override, result, report[id(override)])
    for applied in report.values():
        applied.conclude()
    return result, list(report.values())


def _drop_and_relabel(mentions: list[dict[str, str]], overrides: list[Override],
                      report: dict[int, Applied]) -> list[dict[str, str]]:
    by_key: dict[tuple[str, str, str, str], list[Override]] = {}
    for override in overrides:
        if override.action in ("drop", "relabel"):
            by_key.setdefault(override.key, []).append(override)
    result = []
    for mention in mentions:
        row = dict(mention)
        row.setdefault("correction", "")
        actions = by_key.get(_mention_key(row), [])
        for override in actions:
            report[id(override)].matches.append((row.get("doc_id", ""), row.get("seg_id", ""), row["text"]))
        if any(o.action == "drop" for o in actions):
            continue
        for override in actions:
            row["type"] = override.new_type or row["type"]
            row["norm"] = override.norm or row["norm"]
            row["correction"] = _describe(override)
        result.append(row)
    return result


def _mention_key(row: dict[str, str]) -> tuple[str, str, str, str]:
    return fold_symbol(row["symbol"]), para_key(row["para"]), row["type"], fold_text(row["text"])


def _describe(override: Override) -> str:
    note = f": {override.note}" if override.note else ""
    return f"{override.action} ({override.file} line {override.line}){note}"


def _nothing_matched(override: Override) -> str:
    where = f" in {override.symbol} para {override.para or 'other'}" if override.symbol else ""
    return f"{override.action} {override.type} {override.text!r}{where} matched nothing"


def _add(override: Override, mentions: list[dict[str, str]], segments: list[dict[str, str]],
         applied: Applied) -> list[dict[str, str]]:
    """The mention an analyst added, in every file of its paper whose paragraph holds the text."""
    type_ = override.new_type or override.type
    symbol, para, _, text = override.key
    present = {(m.get("doc_id", ""), m["type"], para_key(m["para"]), fold_text(m["text"])) for m in mentions}
    docs = _documents_of(symbol, mentions, segments)
    added = []
    for doc_id in docs:
        found = _find_in_paragraph(override.text, para, [s for s in segments if s["doc_id"] == doc_id])
        if found is None:
            continue
        seg, start = found
        if (doc_id, type_, para, text) in present:
            applied.matches.append((doc_id, seg["seg_id"], override.text))  # added by an earlier run's row
            continue
        context = next((m for m in mentions if m.get("doc_id") == doc_id), {})
        added.append(dict.fromkeys(context, "") | {
            "doc_id": doc_id, "symbol": seg.get("symbol", override.symbol),
            "session_date": context.get("session_date", ""), "seg_id": seg["seg_id"], "para": para,
            "item": seg.get("item", ""), "section": seg.get("section", ""), "page": seg.get("page_start", ""),
            "type": type_, "text": seg["text"][start:start + len(override.text)], "norm": override.norm,
            "start": str(start), "end": str(start + len(override.text)), "sentence": "",
            "method": "override", "score": "", "correction": _describe(override),
        })
        applied.matches.append((doc_id, seg["seg_id"], override.text))
    if docs and not applied.matches:
        applied.status = "refused"
        applied.message = (f"add {type_} {override.text!r}: the text is not in paragraph {para or 'other'} "
                           f"of {override.symbol}")
    elif not docs:
        applied.message = f"add {type_} {override.text!r}: no paper {override.symbol} in this run"
    return added


def _documents_of(symbol: str, mentions: list[dict[str, str]], segments: list[dict[str, str]]) -> list[str]:
    docs = [s["doc_id"] for s in segments if fold_symbol(s.get("symbol", "")) == symbol]
    docs += [m["doc_id"] for m in mentions if fold_symbol(m.get("symbol", "")) == symbol and m.get("doc_id")]
    return list(dict.fromkeys(docs))


def _find_in_paragraph(text: str, para: str, segments: Iterable[dict[str, str]]) -> tuple[dict[str, str], int] | None:
    """The segment of the paragraph (or outside numbered paragraphs, for "") holding the text, and where."""
    for folded in (False, True):
        for seg in segments:
            if para_key(seg.get("para", "")) != para or seg.get("kind") == "furniture":
                continue
            haystack, needle = (seg["text"].lower(), text.lower()) if folded else (seg["text"], text)
            start = haystack.find(needle)
            if start >= 0:
                return seg, start
    return None


def _identity(override: Override, mentions: list[dict[str, str]], applied: Applied) -> None:
    """A ``same`` or ``different`` row matches the mentions of its two names (of its paper, if it names one)."""
    names = {fold_text(override.text), fold_text(override.norm)}
    symbol = fold_symbol(override.symbol)
    seen = set()
    for m in mentions:
        if m["type"] != override.type or (symbol and fold_symbol(m["symbol"]) != symbol):
            continue
        for name in (fold_text(m["text"]), fold_text(m.get("norm", ""))):
            if name in names:
                seen.add(name)
                applied.matches.append((m.get("doc_id", ""), m.get("seg_id", ""), m["text"]))
                break
    if len(seen) < 2:
        missing = sorted(names - seen)
        applied.message = f"{override.action} {override.type}: no mention of {', '.join(map(repr, missing))}"
        applied.matches.clear()


def identity_rows(overrides: list[Override]) -> list[Override]:
    return [o for o in overrides if o.action in IDENTITY_ACTIONS]
