"""A run over files and folders: find the papers, convert what needs LibreOffice, process each, write tables."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from extractor.annotate.pipeline import annotate_segments, load_pipeline
from extractor.compare import compare
from extractor.errors import InputError
from extractor.overrides import load_overrides, template
from extractor.pipeline import DocumentResult, process_file
from extractor.read import EXTENSIONS, NEEDS_CONVERSION
from extractor.read.doc import check_doc, convert_to_docx
from extractor.read.sniff import sniff
from extractor.report import write_comparison
from extractor.tables import write_tables


@dataclass(slots=True)
class Source:
    path: Path
    doc_id: str
    kind: str = ""


@dataclass(slots=True)
class RunSummary:
    results: list[DocumentResult] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)

    @property
    def failed(self) -> list[DocumentResult]:
        return [r for r in self.results if not r.ok]


def discover(inputs: list[Path]) -> list[Source]:
    """Files named directly, and files with a paper's extension (any case) in folders, recursively."""
    sources: list[Source] = []
    used: set[str] = set()
    for item in inputs:
        if item.is_dir():
            found = sorted(p for p in item.rglob("*") if p.is_file() and p.suffix.lower() in EXTENSIONS
                           and not any(part.startswith(".") for part in p.relative_to(item).parts))
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


def convert_all(sources: list[Source], workdir: Path) -> dict[Path, Path | Exception]:
    """Give every file that LibreOffice must read its DOCX (or the error), in as few soffice calls as possible."""
    pending: list[Path] = []
    conversions: dict[Path, Path | Exception] = {}
    for source in sources:
        if source.kind not in NEEDS_CONVERSION:
            continue
        try:
            if source.kind == "doc":
                check_doc(source.path)
            pending.append(source.path)
        except InputError as error:
            conversions[source.path] = error
    if pending:
        conversions.update(convert_to_docx(pending, workdir))
    return conversions


def run(inputs: list[Path], out: Path, pdf_engine: str = "pdfium",
        on_result: Callable[[DocumentResult], None] | None = None, overrides: Path | None = None) -> RunSummary:
    """Process the inputs into tables in ``out``; compare the papers when two or more form a series."""
    sources = discover(inputs)
    for source in sources:
        try:
            source.kind = sniff(source.path)
        except OSError:
            source.kind = "unreadable"
    summary = RunSummary()
    with tempfile.TemporaryDirectory(prefix="gbextract-") as workdir:
        conversions = convert_all(sources, Path(workdir))
        for source in sources:
            result = process_file(source.path, source.doc_id, source.kind, conversions.get(source.path), pdf_engine)
            if result.ok and result.segments:
                result.mentions = annotate_segments(load_pipeline(), result.segments)
            summary.results.append(result)
            if on_result:
                on_result(result)
    template(out / "overrides.csv")
    corrections = load_overrides(out / "overrides.csv") + load_overrides(overrides)
    summary.outputs = write_tables(out, summary.results, corrections)
    comparison = compare([out], overrides)
    if comparison.series:
        summary.outputs += write_comparison(out, comparison)
    return summary
