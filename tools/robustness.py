"""Score the archive-form and held-out text papers again after damaging them the ways archives do, and
list every paper whose score or paragraph count moves.

    .venv/bin/python tools/robustness.py [variant ...]

Each variant rewrites every ``.txt`` paper with gold (encodings, line ends, spacing, wrapping, quotes,
ligatures) and runs the pipeline on the rewritten files; ``base`` is the papers as they are. See the
README ("Robustness") for the last results.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from evaluate import Case, cases  # noqa: E402

from extractor.batch import run  # noqa: E402
from extractor.evaluation import load_gold, predictions, rows_by_document, score_mentions, score_segments  # noqa: E402
from extractor.settings import Settings  # noqa: E402


def _nbsp(text: str) -> str:
    chance = random.Random(1)
    return "".join("\u00a0" if c == " " and chance.random() < 0.1 else c for c in text)


def _wrapped(width: int) -> Callable[[str], str]:
    return lambda text: "\n".join("\n".join(textwrap.wrap(line, width)) if len(line) > width else line
                                  for line in text.split("\n"))


def _mixed(text: str) -> bytes:
    lines = text.split("\n")
    half = len(lines) // 2
    return "\n".join(lines[:half]).encode() + b"\n" + "\n".join(lines[half:]).encode("cp1252", errors="replace")


def _utf8(change: Callable[[str], str]) -> Callable[[str], bytes]:
    return lambda text: change(text).encode("utf-8")


VARIANTS: dict[str, Callable[[str], bytes]] = {
    "base": _utf8(lambda t: t),
    "crlf": _utf8(lambda t: t.replace("\n", "\r\n")),
    "cr": _utf8(lambda t: t.replace("\n", "\r")),
    "windows-1252": lambda t: t.encode("cp1252", errors="replace"),
    "utf-16": lambda t: t.encode("utf-16"),
    "utf-16le-no-bom": lambda t: t.encode("utf-16-le"),
    "utf-8-bom": lambda t: t.encode("utf-8-sig"),
    "half-windows-1252": _mixed,
    "mojibake": _utf8(lambda t: t.encode("utf-8").decode("cp1252", errors="replace")),
    "no-break-spaces": _utf8(_nbsp),
    "trailing-spaces": _utf8(lambda t: "\n".join(line + "  " for line in t.split("\n"))),
    "ligatures": _utf8(lambda t: t.replace("fi", "\ufb01").replace("fl", "\ufb02")),
    "straight-quotes": _utf8(lambda t: t.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')),
    "em-dashes": _utf8(lambda t: t.replace("–", "—")),
    "one-line": _utf8(lambda t: " ".join(t.split("\n"))),
    "no-blank-lines": _utf8(lambda t: "\n".join(line for line in t.split("\n") if line.strip())),
    "double-spaced": _utf8(lambda t: t.replace("\n", "\n\n")),
    "wrapped-60": _utf8(_wrapped(60)),
    "wrapped-90": _utf8(_wrapped(90)),
}


def score(variant: str, chosen: list[Case]) -> dict[str, tuple[float, int, int, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        papers = []
        for case in chosen:
            folder = Path(tmp) / "in" / case.group
            folder.mkdir(parents=True, exist_ok=True)
            (folder / case.paper.name).write_bytes(VARIANTS[variant](case.paper.read_text(encoding="utf-8")))
            papers.append(folder / case.paper.name)
        out = Path(tmp) / "out"
        run(papers, out, Settings(use_cache=False, workers=2))
        mentions, segments, documents = (rows_by_document(out / f"{name}.csv")
                                         for name in ("mentions", "segments", "documents"))
    found = {}
    for case in chosen:
        name = case.paper.name
        mention_score = score_mentions(load_gold([case.gold]), predictions(mentions.get(name, [])))
        segment_score = score_segments(case.segments, [r for r in segments.get(name, []) if r["kind"] != "furniture"])
        status = documents.get(name, [{}])[0].get("status", "?")
        found[name] = (round(mention_score.f1, 4), segment_score.found, segment_score.paragraphs, status)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("variants", nargs="*", choices=[[], *VARIANTS], help="variants to run (all by default)")
    names = parser.parse_args().variants or list(VARIANTS)
    chosen = [c for c in cases() if c.paper.suffix == ".txt"]
    base = score("base", chosen)
    for variant in names:
        if variant == "base":
            continue
        found = score(variant, chosen)
        moved = {name: value for name, value in found.items() if value != base[name]}
        f1 = sum(value[0] for value in found.values()) / len(found)
        paragraphs = sum(value[1] for value in found.values())
        print(f"{variant:18} mean F1 {f1:.4f}  paragraphs {paragraphs}/{sum(v[2] for v in found.values())}  "
              f"{len(moved)} of {len(found)} papers moved")
        for name, (value, got, total, status) in sorted(moved.items()):
            print(f"    {name:28} F1 {value:.4f} (was {base[name][0]:.4f})  paragraphs {got}/{total}  {status}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
