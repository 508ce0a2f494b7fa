"""One file through the stages: read -> layout -> segment (-> annotate, in the batch)."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path

from extractor.errors import InputError
from extractor.layout import lay_out
from extractor.model import DocumentMeta, Mention, Segment
from extractor.read import read_document
from extractor.segment import segment

STATUS_OK = "ok"
STATUS_FLAGGED = "flagged"


@dataclass(slots=True)
class DocumentResult:
    doc_id: str
    source_file: str
    sha256: str = ""
    format: str = ""
    status: str = STATUS_OK
    message: str = ""
    meta: DocumentMeta = field(default_factory=DocumentMeta)
    segments: list[Segment] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    pages: int = 0
    paragraphs: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.status in (STATUS_OK, STATUS_FLAGGED)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def process_file(path: Path, doc_id: str, kind: str, converted: Path | Exception | None = None,
                 pdf_engine: str = "pdfium") -> DocumentResult:
    """Read and segment one file; an expected failure becomes the result's status, never an exception."""
    started = time.perf_counter()
    result = DocumentResult(doc_id=doc_id, source_file=str(path), format=kind)
    try:
        result.sha256 = file_sha256(path)
        if isinstance(converted, Exception):
            raise converted
        raw = read_document(path, kind, converted, pdf_engine)
        segmented = segment(lay_out(raw), doc_id, path)
    except InputError as error:
        result.status, result.message = error.status, str(error)
    except OSError as error:
        result.status, result.message = "unreadable", f"cannot read the file ({error.strerror or error})"
    else:
        result.meta, result.segments = segmented.meta, segmented.segments
        result.pages, result.paragraphs = raw.pages, segmented.paragraphs
        result.status, result.message = _judge(segmented.meta, result.paragraphs, segmented.warnings + raw.warnings)
    result.seconds = time.perf_counter() - started
    return result


def _judge(meta: DocumentMeta, paragraphs: int, warnings: list[str]) -> tuple[str, str]:
    flags = []
    if not meta.is_gb_paper:
        flags.append("not a GB paper: no GB symbol in the title block, running header or file name")
    if meta.language and meta.language != "en":
        flags.append(f"language is {meta.language}, not English: entities are extracted with English rules")
    if paragraphs == 0:
        flags.append("no numbered paragraphs found")
    message = "; ".join(flags + warnings)
    return (STATUS_FLAGGED if flags else STATUS_OK), message
