"""A run over files and folders: find the papers, convert what needs LibreOffice, process each
(in parallel, from the cache where possible), write the tables, compare the series."""

from __future__ import annotations

import itertools
import os
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from extractor.background import in_background
from extractor.cache import Cache, annotation_stage, reading_stage
from extractor.compare import compare_papers, papers_from
from extractor.compare.report import COMPARISON_FILES, write_comparison_files, write_workbook
from extractor.engines import DaskEngine, LocalEngine
from extractor.errors import InputError
from extractor.manifest import remember, run_key, unchanged
from extractor.model import DocumentResult, Status, Task
from extractor.overrides import Override, load_overrides, template
from extractor.pipeline import file_sha256, process_document
from extractor.preflight import PreflightError, check_model, check_output_folder, check_scheduler
from extractor.read import EXTENSIONS, NEEDS_CONVERSION
from extractor.read.doc import check_doc, convert_to_docx
from extractor.read.sniff import sniff
from extractor.review import write_pages
from extractor.rows import as_text
from extractor.settings import Settings
from extractor.tables import build_tables, write_table_files

OWNED_FILES = ("documents.csv", "segments.csv", "mentions.csv", "entities.csv", "activities.csv",
               "overrides-applied.csv", *COMPARISON_FILES, "report.xlsx")


class NoDocuments(PreflightError):
    """No file with a document's extension among the inputs."""


@dataclass(frozen=True, slots=True)
class Source:
    """A file found among the inputs, and its name in this run's tables."""

    path: Path
    doc_id: str


@dataclass(slots=True)
class RunSummary:
    results: list[DocumentResult] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)  # corrections that matched nothing or were refused
    notes: list[str] = field(default_factory=list)  # what the run did not write, and why

    @property
    def failed(self) -> list[DocumentResult]:
        return [r for r in self.results if not r.ok]

    @property
    def pages(self) -> int:
        return sum(r.pages for r in self.results)

    def describe(self) -> str:
        causes = Counter(r.status for r in self.failed)
        failed = f", {len(self.failed)} failed ({', '.join(f'{c} {n}' for c, n in sorted(causes.items()))})" \
            if causes else ""
        rate = f" ({self.pages / self.seconds:.1f} pages/s)" if self.seconds and self.pages else ""
        ok = len(self.results) - len(self.failed)
        notes = "".join(f"; {note}" for note in self.notes)
        return f"{len(self.results)} files: {ok} ok{failed}; {self.pages} pages in {self.seconds:.1f} s{rate}{notes}"


def discover(inputs: list[Path], out: Path | None = None) -> list[Source]:
    """Files named directly, and files with a paper's extension (any case) in folders, recursively
    (hidden folders and the output folder, with its report.html, left out)."""
    sources: list[Source] = []
    used: set[str] = set()
    skip = out.resolve() if out is not None else None
    for item in inputs:
        if item.is_dir():
            found = sorted(p for p in item.rglob("*") if p.is_file() and p.suffix.lower() in EXTENSIONS
                           and not any(part.startswith(".") for part in p.relative_to(item).parts)
                           and (skip is None or skip not in p.resolve().parents))
            pairs = [(p, p.relative_to(item).as_posix()) for p in found]
        else:
            pairs = [(item, item.name)]
        for path, doc_id in pairs:
            unique, n = doc_id, 1
            while unique in used:
                n += 1
                unique = f"{doc_id}~{n}"
            used.add(unique)
            sources.append(Source(path, unique))
    return sources


def convert_all(files: list[tuple[Path, str]], workdir: Path) -> dict[Path, Path | Exception]:
    """Give every file (path, kind) that LibreOffice must read its DOCX (or the error), in as few soffice
    calls as possible."""
    pending: list[Path] = []
    conversions: dict[Path, Path | Exception] = {}
    for path, kind in files:
        if kind not in NEEDS_CONVERSION:
            continue
        try:
            if kind == "doc":
                check_doc(path)
            pending.append(path)
        except InputError as error:
            conversions[path] = error
    if pending:
        conversions.update(convert_to_docx(pending, workdir))
    return conversions


def _task(source: Source, settings: Settings, cache: Path | None) -> Task:
    """The file's task, its format sniffed and its content hashed."""
    try:
        kind, sha256 = sniff(source.path), file_sha256(source.path)
    except OSError:
        kind, sha256 = "unreadable", ""
    return Task(path=str(source.path), doc_id=source.doc_id, kind=kind, sha256=sha256,
                pdf_engine=settings.pdf_engine, cache=str(cache) if cache else "", model_name=settings.model_name)


def _with_conversion(task: Task, converted: Path | Exception | None) -> Task:
    if isinstance(converted, Exception):
        return replace(task, conversion_error=(str(getattr(converted, "status", Status.CORRUPT)), str(converted)))
    return replace(task, converted=str(converted)) if converted is not None else task


def run(inputs: list[Path], out: Path, settings: Settings | None = None,
        on_result: Callable[[DocumentResult], None] | None = None,
        on_start: Callable[[int], None] | None = None) -> RunSummary:
    """Process the inputs into tables in ``out``; compare the papers when two or more form a series.

    Finished files are cached as they finish, and the tables are replaced only at the end, in one step
    each: an interrupted run leaves the last complete tables, and the next run resumes from the cache.
    """
    settings = settings or Settings()
    started = time.perf_counter()
    sources = discover(inputs, out)
    if not sources:
        where = ", ".join(str(i) for i in inputs)
        raise NoDocuments(f"no documents found in {where} (looked for {' '.join(sorted(EXTENSIONS))}, in any case)")
    check_output_folder(out)
    check_model(settings.model_name)
    if settings.engine == "dask":
        check_scheduler(settings.scheduler)
    cache_dir = (settings.cache or out / ".cache") if settings.use_cache else None
    tasks = [_task(s, settings, cache_dir) for s in sources]
    if on_start:
        on_start(len(tasks))
    template(out / "overrides.csv")
    correction_files = [out / "overrides.csv", *([settings.overrides] if settings.overrides else [])]
    corrections = [row for path in correction_files for row in load_overrides(path)]
    summary = RunSummary(results=process_all(tasks, settings, Cache(cache_dir) if cache_dir else None, on_result))
    key = run_key(tasks, settings, correction_files)
    last = unchanged(out, key)
    if last is not None:
        summary.outputs, summary.warnings = last.outputs, last.warnings
        summary.notes = [*last.notes, "the outputs are those of the last run, which read the same files"]
    else:
        write_outputs(out, summary, corrections)
        remember(out, key, summary.outputs, summary.warnings, summary.notes)
    summary.seconds = time.perf_counter() - started
    return summary


def process_all(tasks: list[Task], settings: Settings, cache: Cache | None,
                on_result: Callable[[DocumentResult], None] | None = None) -> list[DocumentResult]:
    """Every task's result, in the tasks' order: from the cache in this process where it holds everything,
    else by the engine's workers (after LibreOffice has converted what needs it)."""
    by_id: dict[str, DocumentResult] = {}
    stage = reading_stage(settings.pdf_engine)
    with tempfile.TemporaryDirectory(prefix="gbextract-") as workdir:
        to_convert = [(Path(t.path), t.kind) for t in tasks if not (cache and cache.load(t.sha256, stage) is not None)]
        conversions = convert_all(to_convert, Path(workdir))
        tasks = [_with_conversion(t, conversions.get(Path(t.path))) for t in tasks]
        done = {t.doc_id for t in tasks if cache and _fully_cached(t, cache, settings)}
        cached = (process_document(t) for t in tasks if t.doc_id in done)  # no worker needed: all in the cache
        for result in itertools.chain(cached, _engine(settings).map(t for t in tasks if t.doc_id not in done)):
            by_id[result.doc_id] = result
            if on_result:
                on_result(result)
    return [by_id[t.doc_id] for t in tasks]


def write_outputs(out: Path, summary: RunSummary, corrections: list[Override]) -> None:
    """The tables, the comparison (when the papers form a series), the review pages and the workbook (the
    longest to write: in a forked process, beside the others)."""
    tables = build_tables(out, summary.results, corrections)
    summary.warnings = [w for w in (applied.warning() for applied in tables.corrections) if w]
    papers = papers_from(tables.documents, tables.segments, tables.mentions)
    comparison = compare_papers(papers, identities=tables.identities)
    with in_background("workbook", lambda: write_workbook(out, comparison, tables)):
        write_table_files(tables, summary.results)
        summary.outputs = [*tables.paths, *write_comparison_files(out, comparison), out / "report.xlsx"]
        summary.outputs.append(write_pages(out / "review", *(as_text(rows) for rows in (
            tables.documents, tables.segments, tables.mentions))))
    if not comparison.series:
        summary.notes.append("no comparison files: " + ("one paper" if len(papers) < 2 else
                                                        "the papers form no series of two or more"))
    remove_stale(out, summary.outputs)


def remove_stale(out: Path, written: list[Path]) -> None:
    """Remove the tables and pages of an earlier run that this run did not write again."""
    for name in OWNED_FILES:
        path = out / name
        if path not in written and path.exists():
            path.unlink()


def _fully_cached(task: Task, cache: Cache, settings: Settings) -> bool:
    read = cache.load(task.sha256, reading_stage(settings.pdf_engine))
    if read is None:
        return False
    if not Status(read["status"]).read or not read["segments"]:
        return True
    return cache.has(task.sha256, annotation_stage(settings.pdf_engine, settings.model_name))


def _engine(settings: Settings) -> LocalEngine | DaskEngine:
    if settings.engine == "dask":
        return DaskEngine(settings.scheduler, settings.timeout, settings.memory_mb)
    workers = settings.workers or len(os.sched_getaffinity(0))
    return LocalEngine(workers, settings.timeout, settings.memory_mb, settings.model_name)
