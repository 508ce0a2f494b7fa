"""The command line: a thin layer over the library. Exit status 0 all files ok, 1 some failed, 2 usage error."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from extractor import batch
from extractor.compare import compare as compare_runs
from extractor.overrides import OverrideError
from extractor.pipeline import DocumentResult
from extractor.read.pdf import ENGINES
from extractor.report import write_comparison
from extractor.review import write_review

OVERRIDES = click.option("--overrides", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                         help="Corrections to apply besides the output folder's own overrides.csv.")


@click.group()
@click.version_option(package_name="gbextract")
def main() -> None:
    """Turn ILO Governing Body papers into tables analysts can trust."""


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--out", "out", default=Path("output"), show_default=True, type=click.Path(path_type=Path),
              help="Folder for the output tables.")
@click.option("--pdf-engine", type=click.Choice(ENGINES), default="pdfium", show_default=True,
              help="Library that reads PDF characters; both give the same segments.")
@click.option("--quiet", is_flag=True, help="Print only the final summary.")
@OVERRIDES
def run(inputs: tuple[Path, ...], out: Path, pdf_engine: str, quiet: bool, overrides: Path | None) -> None:
    """Extract GB papers (files or folders) into tables in OUT."""
    if out.exists() and not out.is_dir():
        raise click.UsageError(f"--out {out} exists and is not a folder")

    def report(result: DocumentResult) -> None:
        if not quiet:
            detail = f": {result.message}" if result.message else ""
            click.echo(f"{result.status:8} {result.doc_id}{detail}", err=True)

    try:
        summary = batch.run(list(inputs), out, pdf_engine=pdf_engine, on_result=report, overrides=overrides)
    except OverrideError as error:
        raise click.ClickException(str(error)) from error
    ok = len(summary.results) - len(summary.failed)
    click.echo(f"{ok} of {len(summary.results)} files ok; tables in {out}")
    if summary.failed:
        sys.exit(1)


@main.command()
@click.argument("runs", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for changes.csv, matrix.csv, series.csv, report.html and report.xlsx.")
@OVERRIDES
def compare(runs: tuple[Path, ...], out: Path, overrides: Path | None) -> None:
    """Compare the papers of one or more run output folders, series by series."""
    missing = [str(r) for r in runs if not (r / "mentions.csv").exists()]
    if missing:
        raise click.UsageError(f"not a run output folder (no mentions.csv): {', '.join(missing)}")
    try:
        comparison = compare_runs(list(runs), overrides)
    except OverrideError as error:
        raise click.ClickException(str(error)) from error
    write_comparison(out, comparison)
    papers = sum(len(s.papers) for s in comparison.series)
    click.echo(f"{len(comparison.series)} series of {papers} papers; {len(comparison.changes)} changes in {out}")


@main.command()
@click.argument("run_output", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The review page to write (HTML).")
@OVERRIDES
def review(run_output: Path, out: Path, overrides: Path | None) -> None:
    """Write a review page for a run: paragraphs with highlighted mentions, and a filterable table."""
    if not (run_output / "segments.csv").exists():
        raise click.UsageError(f"not a run output folder (no segments.csv): {run_output}")
    try:
        path = write_review(run_output, out, overrides)
    except OverrideError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"review page: {path}")
