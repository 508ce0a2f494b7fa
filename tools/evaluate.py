"""Score the pipeline on every paper that has gold, in one run: the dev renders in samples/, the held-out
papers in tests/data/heldout/ (written independently of the code, to check that the rules generalize)
and the archive-form papers in tests/data/real-like/ (web pages, flattened PDFs, transcriptions; their
metadata is checked against each paper's .meta.json too).

    .venv/bin/python tools/evaluate.py [--show 10] [--only real-like]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.batch import run  # noqa: E402
from extractor.evaluation import (  # noqa: E402
    load_gold,
    predictions,
    prf,
    rows_by_document,
    score_mentions,
    score_segments,
)
from extractor.settings import Settings  # noqa: E402

DATA = ROOT / "tests" / "data"
META_FIELDS = {"symbol": "symbol", "session": "session", "session_date": "session_date", "body": "committee_code",
               "date": "date"}


@dataclass(frozen=True, slots=True)
class Case:
    group: str
    paper: Path
    gold: Path
    segments: Path
    meta: Path | None = None


def cases() -> list[Case]:
    found = []
    for paper in sorted(ROOT.glob("samples/*")):
        base = paper.stem.removesuffix("-margin").removesuffix("-typed")
        gold = DATA / "gold" / f"{base}.gold.jsonl"
        if gold.exists():
            found.append(Case("dev", paper, gold, gold.with_name(f"{base}.segments.jsonl")))
    for group in ("heldout", "real-like", "archive-new"):
        for paper in sorted((DATA / group).iterdir()):
            if paper.suffix in (".txt", ".pdf", ".docx", ".htm", ".html"):
                meta = paper.with_name(f"{paper.stem}.meta.json")
                found.append(Case(group, paper, paper.with_name(f"{paper.stem}.gold.jsonl"),
                                  paper.with_name(f"{paper.stem}.segments.jsonl"), meta if meta.exists() else None))
    return found


def meta_errors(case: Case, document: dict[str, str]) -> list[str]:
    if case.meta is None:
        return []
    expected = json.loads(case.meta.read_text(encoding="utf-8"))
    errors = []
    for key, column in META_FIELDS.items():
        want, got = str(expected.get(key) or "").replace(" ", ""), (document.get(column) or "").replace(" ", "")
        if want != got:
            errors.append(f"{column} {got!r} (expected {want!r})")
    return errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="misses and false positives to list per paper")
    parser.add_argument("--only", choices=("dev", "heldout", "real-like", "archive-new"), help="one group of papers")
    args = parser.parse_args()
    chosen = [c for c in cases() if args.only in (None, c.group)]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        run([c.paper for c in chosen], out, Settings(use_cache=False, workers=2))
        mentions, segments, documents = (rows_by_document(out / f"{name}.csv")
                                         for name in ("mentions", "segments", "documents"))
    fields_right = fields_all = 0
    for group in ("dev", "heldout", "real-like", "archive-new"):
        members = [c for c in chosen if c.group == group]
        totals = [0, 0, 0]
        for case in members:
            doc_id = case.paper.name
            gold = load_gold([case.gold])
            score = score_mentions(gold, predictions(mentions.get(doc_id, [])))
            seg = score_segments(case.segments, [r for r in segments.get(doc_id, []) if r["kind"] != "furniture"])
            errors = meta_errors(case, documents.get(doc_id, [{}])[0])
            fields_right += len(META_FIELDS) - len(errors) if case.meta else 0
            fields_all += len(META_FIELDS) if case.meta else 0
            for position, counts in enumerate((score.tp, score.fp, score.fn)):
                totals[position] += sum(counts.values())
            print(f"{doc_id:28} F1 {score.f1:.4f}  segments {seg.found}/{seg.paragraphs} items {seg.item_counts_right} "
                  f"sim {seg.similarity:.4f}  norm {score.normalisation()}")
            for line in ([f"    metadata: {e}" for e in errors] + [f"    missing paragraph {m}" for m in seg.missing]
                         + [f"    paragraph {w}" for w in seg.wrong]):
                print(line)
            for line in score.missed[: args.show] + score.spurious[: args.show]:
                print(f"    {'missed' if line in score.missed else 'spurious'} {line}")
        if members and group != "dev":
            print(f"== {group}: micro F1 {prf(*totals)[2]:.4f} over {len(members)} files (summed per file)")
    if fields_all:
        print(f"== metadata: {fields_right}/{fields_all} fields right")
    return 0


if __name__ == "__main__":
    sys.exit(main())
