from __future__ import annotations

import json
import shutil
from functools import cache
from pathlib import Path

import pytest

from extractor.batch import convert_all
from extractor.model import DocumentResult
from extractor.pipeline import read_and_segment
from extractor.read.sniff import sniff

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLD = Path(__file__).resolve().parent / "data" / "gold"
HAS_SOFFICE = shutil.which("soffice") is not None or shutil.which("libreoffice") is not None
needs_soffice = pytest.mark.skipif(not HAS_SOFFICE, reason="LibreOffice is not installed (./scripts/setup installs it)")


@cache
def processed(name: str, engine: str = "pdfium") -> DocumentResult:
    """A sample paper through read, layout and segment (cached for the session)."""
    path = SAMPLES / name
    kind = sniff(path)
    converted = None
    if kind in ("doc", "rtf", "odt"):
        workdir = Path(__import__("tempfile").mkdtemp(prefix="gbtest-"))
        converted = convert_all([(path, kind)], workdir)[path]
    return read_and_segment(path, name, kind, converted, engine)


def gold_segments(paper: str) -> list[dict]:
    lines = (GOLD / f"{paper}.segments.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]
