"""The work done for one file, wherever it runs (a local worker process or a Dask worker).

It reads the cache first, does what is missing (read, layout, segment;
annotate with the worker's own spaCy pipeline, loaded once per process),
stores what it did, and returns the result. An unexpected error becomes the
file's status: one bad file never stops a batch.
"""

from __future__ import annotations

import os
import resource
import time
import traceback
from dataclasses import dataclass
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
from extractor.model import DocumentMeta
from extractor.pipeline import DocumentResult, process_file

CACHED_STATUSES = {"ok", "flagged", "empty", "corrupt", "encrypted", "no-text", "unsupported", "too-large"}


@dataclass(frozen=True, slots=True)
class Task:
    path: str
    doc_id: str
    kind: str
    sha256: str
    converted: str = ""  # the DOCX LibreOffice made of a .doc/.rtf/.odt
    conversion_error: tuple[str, str] | None = None  # (status, message) when conversion failed
    pdf_engine: str = "pdfium"
    cache: str = ""
    model_name: str = ""


def limit_memory(megabytes: int) -> None:
    """Cap this process's address space, so that a runaway file fails alone instead of the machine."""
    if megabytes > 0:
        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def init_worker(memory_mb: int = 0, model_name: str = "", preload: bool = False) -> None:
    """Set a worker up: one thread for the maths, the memory cap, and (for a pool) the pipeline loaded
    before its first file, so that loading does not count against that file's time limit."""
    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")
    limit_memory(memory_mb)
    if preload:
        try:
            from extractor.annotate.nlp import load_pipeline

            load_pipeline(model_name=model_name or None)
        except (Exception, MemoryError):
            pass  # the first file will meet the same error and report it


def run_task(task: Task) -> DocumentResult:
    started = time.perf_counter()
    try:
        result = _run(task)
    except MemoryError:
        result = _failure(task, "out-of-memory", "ran out of its memory limit while reading this file")
    except Exception as error:  # an unexpected error must not stop the batch: it is this file's status
        detail = traceback.format_exception_only(type(error), error)[-1].strip()
        result = _failure(task, "failed", f"internal error: {detail}")
    result.seconds = time.perf_counter() - started
    return result


def _failure(task: Task, status: str, message: str) -> DocumentResult:
    return DocumentResult(doc_id=task.doc_id, source_file=task.path, sha256=task.sha256, format=task.kind,
                          status=status, message=message)


def _run(task: Task) -> DocumentResult:
    cache = Cache(Path(task.cache)) if task.cache else None
    result = _read(task, cache)
    if not (result.ok and result.segments):
        return result
    stage = annotation_stage(task.pdf_engine, task.model_name)
    cached = cache.load(task.sha256, stage) if cache else None
    if cached is not None:
        result.mentions = mentions_from(cached["mentions"])
        return result
    from extractor.annotate.nlp import annotate_segments, load_pipeline

    result.mentions = annotate_segments(load_pipeline(model_name=task.model_name or None), result.segments)
    if cache:
        cache.store(task.sha256, stage, {"mentions": as_data(result.mentions)})
    return result


def _read(task: Task, cache: Cache | None) -> DocumentResult:
    stage = reading_stage(task.pdf_engine)
    cached = cache.load(task.sha256, stage) if cache else None
    if cached is not None:
        return _from_cache(task, cached)
    converted: Path | InputError | None = Path(task.converted) if task.converted else None
    if task.conversion_error is not None:
        converted = InputError(task.conversion_error[1], task.conversion_error[0])
    result = process_file(Path(task.path), task.doc_id, task.kind, converted, task.pdf_engine)
    if cache and result.status in CACHED_STATUSES:
        cache.store(task.sha256, stage, {
            "format": result.format, "status": result.status, "message": result.message, "pages": result.pages,
            "paragraphs": result.paragraphs, "meta": as_data([result.meta])[0] if result.segments else None,
            "segments": as_data(result.segments),
        })
    return result


def _from_cache(task: Task, data: dict[str, object]) -> DocumentResult:
    segments = segments_from(data["segments"])  # type: ignore[arg-type]
    for segment in segments:
        segment.doc_id = task.doc_id  # the same file may sit under another name in this run
    meta = meta_from(data["meta"]) if data.get("meta") else DocumentMeta()  # type: ignore[arg-type]
    return DocumentResult(
        doc_id=task.doc_id, source_file=task.path, sha256=task.sha256, format=str(data["format"]),
        status=str(data["status"]), message=str(data["message"]), meta=meta, segments=segments,
        pages=int(data["pages"]), paragraphs=int(data["paragraphs"]),  # type: ignore[call-overload]
    )
