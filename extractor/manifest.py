"""What a run wrote, and from what: ``OUT/.gbextract-run.json``. A run whose inputs, settings,
corrections and code are those of the last run, and whose outputs are still as it left them, has nothing
to write again: an unchanged re-run costs reading the cache, not rewriting every table and page."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from extractor.cache import PACKAGE, annotation_stage, hash_paths, reading_stage
from extractor.files import write_atomic
from extractor.model import Task
from extractor.resources import models_dir
from extractor.settings import Settings

NAME = ".gbextract-run.json"


@dataclass(frozen=True, slots=True)
class LastRun:
    outputs: list[Path]
    warnings: list[str]
    notes: list[str]


def run_key(tasks: list[Task], settings: Settings, corrections: list[Path]) -> str:
    """The files (names and contents) in order, the stages that read and annotated them, the corrections'
    contents, and the code and models that write the outputs."""
    digest = hashlib.sha256()
    digest.update(reading_stage(settings.pdf_engine).encode())
    digest.update(annotation_stage(settings.pdf_engine, settings.model_name).encode())
    for task in tasks:
        digest.update(f"{task.doc_id}\0{task.sha256}\0{task.kind}\n".encode())
    for path in corrections:
        digest.update(path.read_bytes() if path.is_file() else b"-")
    hash_paths([PACKAGE, models_dir()], digest)
    return digest.hexdigest()


def unchanged(out: Path, key: str) -> LastRun | None:
    """The last run's outputs, when it had this key and they are still as it wrote them."""
    try:
        data = json.loads((out / NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("key") != key:
        return None
    outputs = {Path(name): stamp for name, stamp in data.get("outputs", {}).items()}
    if any(_stamp(path) != stamp for path, stamp in outputs.items()):
        return None  # a table was edited, removed or replaced since
    return LastRun(list(outputs), list(data.get("warnings", [])), list(data.get("notes", [])))


def remember(out: Path, key: str, outputs: list[Path], warnings: list[str], notes: list[str]) -> None:
    data = {"key": key, "outputs": {str(path): _stamp(path) for path in outputs}, "warnings": warnings,
            "notes": notes}
    write_atomic(out / NAME, json.dumps(data, indent=1).encode("utf-8"))


def _stamp(path: Path) -> list[int]:
    """Size and modification time of a file, or of every file in a folder (the review pages)."""
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    try:
        return [value for file in files for value in (file.stat().st_size, file.stat().st_mtime_ns)]
    except OSError:
        return []
