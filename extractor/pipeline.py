"""One file through the stages, wherever it runs (a local worker process or a Dask worker):

    read -> lay out -> segment -> annotate

``process_document`` takes a ``Task`` and returns its ``DocumentResult``. It
takes what it can from the cache (read, then annotated), does the rest, and
stores what it did. An expected failure becomes the file's status and an
unexpected error its "failed" status: one bad file never stops a batch.
"""

from __future__ import annotations

import hashlib
import time
import traceback
from pathlib import Path

from extractor.cache import (
    Cache,
    annotation_stage,
    as_data,
    mentions_from,
    meta_from,
    reading_stage,
    segments_from,
)
from extractor.errors import InputError
from extractor.layout import lay_out
from extractor.model import DocumentMeta, DocumentResult, Mention, Segment, Status, Task
from extractor.read import read_document
from extractor.segment import segment


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def process_document(task: Task) -> DocumentResult:
    """Read, lay out, segment and annotate one file (from the cache where it can)."""
    started = time.perf_counter()
    try:
        result = _process(task)
    except MemoryError:
        result = DocumentResult.failure(task, Status.OUT_OF_MEMORY, "ran out of its memory limit while reading "
                                        "this file")
    except Exception as error:  # an unexpected error must not stop the batch: it is this file's status
        detail = traceback.format_exception_only(type(error), error)[-1].strip()
        result = DocumentResult.failure(task, Status.FAILED, f"internal error: {detail}")
    result.seconds = time.perf_counter() - started
    return result


def _process(task: Task) -> DocumentResult:
    cache = Cache(Path(task.cache)) if task.cache else None
    result = _read_or_cached(task, cache)
    if not (result.ok and result.segments):
        return result
    stage = annotation_stage(task.pdf_engine, task.model_name)
    cached = cache.load(task.sha256, stage) if cache else None
    if cached is not None:
        result.mentions = mentions_from(cached["mentions"])
        return result
    result.mentions = annotate(result.segments, task.model_name)
    if cache:
        cache.store(task.sha256, stage, {"mentions": as_data(result.mentions)})
    return result


def _read_or_cached(task: Task, cache: Cache | None) -> DocumentResult:
    stage = reading_stage(task.pdf_engine)
    cached = cache.load(task.sha256, stage) if cache else None
    if cached is not None:
        return _from_cache(task, cached)
    converted: Path | InputError | None = Path(task.converted) if task.converted else None
    if task.conversion_error is not None:
        converted = InputError(task.conversion_error[1], task.conversion_error[0])
    result = read_and_segment(Path(task.path), task.doc_id, task.kind, converted, task.pdf_engine)
    if cache and result.status.about_the_file:
        cache.store(task.sha256, stage, {
            "format": result.format, "status": result.status, "message": result.message, "pages": result.pages,
            "paragraphs": result.paragraphs, "meta": as_data([result.meta])[0] if result.segments else None,
            "segments": as_data(result.segments),
        })
    return result


def read_and_segment(path: Path, doc_id: str, kind: str, converted: Path | Exception | None = None,
                     pdf_engine: str = "pdfium") -> DocumentResult:
    """The first three stages on one file; an expected failure becomes the result's status."""
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
        result.status, result.message = Status.UNREADABLE, f"cannot read the file ({error.strerror or error})"
    else:
        result.meta, result.segments = segmented.meta, segmented.segments
        result.pages, result.paragraphs = raw.pages, segmented.paragraphs
        result.status, result.message = _judge(segmented.meta, result.paragraphs, segmented.warnings + raw.warnings)
    result.seconds = time.perf_counter() - started
    return result


def annotate(segments: list[Segment], model_name: str = "") -> list[Mention]:
    """The fourth stage: the mentions in a paper's segments, by this process's spaCy pipeline."""
    from extractor.annotate.nlp import annotate_segments, load_pipeline

    return annotate_segments(load_pipeline(model_name=model_name or None), segments)


def _from_cache(task: Task, data: dict[str, object]) -> DocumentResult:
    segments = segments_from(data["segments"])  # type: ignore[arg-type]
    for one in segments:
        one.doc_id = task.doc_id  # the same file may sit under another name in this run
    meta = meta_from(data["meta"]) if data.get("meta") else DocumentMeta()  # type: ignore[arg-type]
    return DocumentResult(
        doc_id=task.doc_id, source_file=task.path, sha256=task.sha256, format=str(data["format"]),
        status=Status(str(data["status"])), message=str(data["message"]), meta=meta, segments=segments,
        pages=int(data["pages"]), paragraphs=int(data["paragraphs"]),  # type: ignore[call-overload]
    )


def _judge(meta: DocumentMeta, paragraphs: int, warnings: list[str]) -> tuple[Status, str]:
    flags = []
    if not meta.is_gb_paper:
        flags.append("not a GB paper: no GB symbol in the title block, running header or file name")
    if meta.language and meta.language != "en":
        flags.append(f"language is {meta.language}, not English: entities are extracted with English rules")
    if paragraphs == 0:
        flags.append("no numbered paragraphs found")
    message = "; ".join(flags + warnings)
    return (Status.FLAGGED if flags else Status.OK), message
