"""Score the pipeline on every paper that has gold: the dev renders in samples/ and the papers in
tests/data/heldout/ (synthetic papers written independently of the code, for checking that the rules
generalize). Uses ../shared/tools/score.py, which is not part of the project.

    .venv/bin/python tools/evaluate.py [--show 10]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "tools" / "score.py"
GOLD = ROOT / "tests" / "data" / "gold"
HELDOUT = ROOT / "tests" / "data" / "heldout"


def cases() -> list[tuple[Path, Path, Path]]:
    found = []
    for paper in sorted(ROOT.glob("samples/*")):
        base = paper.stem.removesuffix("-margin").removesuffix("-typed")
        if (GOLD / f"{base}.gold.jsonl").exists():
            found.append((paper, GOLD / f"{base}.gold.jsonl", GOLD / f"{base}.segments.jsonl"))
    for paper in sorted(p for p in HELDOUT.iterdir() if p.suffix in (".txt", ".pdf", ".docx")):
        found.append((paper, HELDOUT / f"{paper.stem}.gold.jsonl", HELDOUT / f"{paper.stem}.segments.jsonl"))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="misses and false positives to list per paper")
    args = parser.parse_args()
    if not SCORER.exists():
        sys.exit(f"evaluate: {SCORER} is not here (it lives beside the project, in ../shared)")
    with tempfile.TemporaryDirectory() as tmp:
        for paper, gold, segments in cases():
            out = Path(tmp) / paper.name
            subprocess.run([sys.executable, "-m", "extractor", "run", str(paper), "--out", str(out), "--quiet"],
                           check=False, capture_output=True, cwd=ROOT)
            result = subprocess.run([sys.executable, str(SCORER), "--gold", str(gold), "--segments", str(segments),
                                     "--pred", str(out), "--json"], capture_output=True, text=True, check=False)
            report = json.loads(result.stdout.strip().splitlines()[-1])
            seg = report.get("segments", {})
            print(f"{paper.name:32} micro F1 {report['micro']['f1']:.4f}  norm {report['normalisation']}  "
                  f"segments {seg.get('found')}/{seg.get('paragraphs')} items {seg.get('item_counts_right')} "
                  f"sim {seg.get('mean_text_similarity')}")
            if args.show:
                shown = subprocess.run([sys.executable, str(SCORER), "--gold", str(gold), "--pred", str(out),
                                        "--show", str(args.show)], capture_output=True, text=True, check=False)
                print("\n".join(line for line in shown.stdout.splitlines() if "missed" in line or "spurious" in line))
    return 0


if __name__ == "__main__":
    sys.exit(main())
