"""The command line: a thin layer over the library. Exit status 0 all files ok, 1 some failed, 2 usage error."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from extractor import batch
from extractor.pipeline import DocumentResult
from extractor.read.pdf import ENGINES


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
def run(inputs: tuple[Path, ...], out: Path, pdf_engine: str, quiet: bool) -> None:
    """Extract GB papers (files or folders) into tables in OUT."""
    if out.exists() and not out.is_dir():
        raise click.UsageError(f"--out {out} exists and is not a folder")

    def report(result: DocumentResult) -> None:
        if not quiet:
            detail = f": {result.message}" if result.message else ""
            click.echo(f"{result.status:8} {result.doc_id}{detail}", err=True)

    summary = batch.run(list(inputs), out, pdf_engine=pdf_engine, on_result=report)
    ok = len(summary.results) - len(summary.failed)
    click.echo(f"{ok} of {len(summary.results)} files ok; tables in {out}")
    if summary.failed:
        sys.exit(1)
