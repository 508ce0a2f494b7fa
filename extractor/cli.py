"""The command line: a thin layer over the library. Exit status 0 all files ok, 1 some failed, 2 usage error."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from extractor.settings import PDF_ENGINES, RUN_ENGINES, Settings

if TYPE_CHECKING:
    from extractor.model import DocumentResult

# Each command imports the library where it runs: spaCy, pandas and PDFium take a second to import, and
# ``--help`` should not wait for them.


class BadInput(click.ClickException):
    """An input the user must mend (a malformed overrides file): exit status 2, like a usage error."""

    exit_code = 2


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
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes [default: one per core].")
@click.option("--timeout", type=click.FloatRange(min=0), default=300, show_default=True,
              help="Seconds one file may take before it is stopped (0: no limit).")
@click.option("--memory-limit", "memory_mb", type=click.IntRange(min=0), default=2048, show_default=True,
              help="Megabytes of address space per worker (0: no limit).")
@click.option("--cache", "cache", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for cached results [default: OUT/.cache].")
@click.option("--no-cache", is_flag=True, help="Neither read nor write cached results.")
@click.option("--engine", type=click.Choice(RUN_ENGINES), default="local", show_default=True,
              help="Run the files in local processes, or on a Dask cluster (--scheduler).")
@click.option("--scheduler", default="", help="Address of the Dask scheduler, e.g. tcp://10.0.0.5:8786.")
@click.option("--pdf-engine", type=click.Choice(PDF_ENGINES), default="pdfium", show_default=True,
              help="Library that reads PDF characters; both give the same segments.")
@click.option("--model", "model_name", default="", help="spaCy model to use instead of models/pipeline.cfg's.")
@click.option("--quiet", is_flag=True, help="Print only the final summary.")
@OVERRIDES
def run(inputs: tuple[Path, ...], out: Path, workers: int | None, timeout: float, memory_mb: int,
        cache: Path | None, no_cache: bool, engine: str, scheduler: str, pdf_engine: str, model_name: str,
        quiet: bool, overrides: Path | None) -> None:
    """Extract GB papers (files or folders) into tables in OUT."""
    from extractor import batch
    from extractor.overrides import OverrideError
    from extractor.preflight import PreflightError

    if out.exists() and not out.is_dir():
        raise click.UsageError(f"--out {out} exists and is not a folder")
    if engine == "dask" and not scheduler:
        raise click.UsageError("--engine dask needs --scheduler ADDRESS")
    settings = Settings(pdf_engine=pdf_engine, workers=workers or 0, timeout=timeout, memory_mb=memory_mb,
                              cache=cache, use_cache=not no_cache, engine=engine, scheduler=scheduler,
                              model_name=model_name, overrides=overrides)
    progress = Progress(quiet)
    try:
        summary = batch.run(list(inputs), out, settings, on_result=progress.update, on_start=progress.start)
    except (OverrideError, PreflightError) as error:
        raise BadInput(str(error)) from error
    except OSError as error:
        raise click.ClickException(f"cannot write the tables in {out}: {error.strerror or error}") from error
    except KeyboardInterrupt:
        progress.close()
        kept = ("finished files are cached: the next run resumes" if not no_cache
                else "nothing was cached (--no-cache): the next run starts over")
        click.echo(f"interrupted: the tables in {out} are those of the last complete run; {kept}", err=True)
        sys.exit(130)
    progress.close()
    for warning in summary.warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(f"{summary.describe()}; tables in {out}")
    if summary.failed:
        sys.exit(1)


class Progress:
    """A progress bar on a terminal (files, pages, rate, time left); a plain line per file otherwise."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.bar: Any = None
        self.pages = 0

    def start(self, total: int) -> None:
        if not self.quiet and sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="file", file=sys.stderr, dynamic_ncols=True)

    def update(self, result: DocumentResult) -> None:
        self.pages += result.pages
        if self.bar is not None:
            self.bar.update(1)
            self.bar.set_postfix(pages=self.pages, refresh=False)
            if not result.ok:
                self.bar.write(f"{result.status:8} {result.doc_id}: {result.message}", file=sys.stderr)
        elif not self.quiet:
            detail = f": {result.message}" if result.message else ""
            click.echo(f"{result.status:8} {result.doc_id}{detail}", err=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


@main.command()
@click.argument("runs", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for changes.csv, matrix.csv, series.csv, report.html and report.xlsx.")
@OVERRIDES
def compare(runs: tuple[Path, ...], out: Path, overrides: Path | None) -> None:
    """Compare the papers of one or more run output folders, series by series."""
    from extractor.batch import remove_stale
    from extractor.compare import compare as compare_runs
    from extractor.compare.report import write_comparison
    from extractor.identity import ENTITY_COLUMNS
    from extractor.overrides import OverrideError
    from extractor.preflight import PreflightError, check_output_folder
    from extractor.rows import write_csv

    missing = [str(r) for r in runs if not (r / "mentions.csv").exists()]
    if missing:
        raise click.UsageError(f"not a run output folder (no mentions.csv): {', '.join(missing)}")
    try:
        check_output_folder(out)
        comparison = compare_runs(list(runs), overrides)
    except (OverrideError, PreflightError) as error:
        raise BadInput(str(error)) from error
    written = write_comparison(out, comparison)
    write_csv(out / "entities.csv", ENTITY_COLUMNS, comparison.entities)
    remove_stale(out, [*written, out / "entities.csv"])
    papers = sum(len(s.papers) for s in comparison.series)
    click.echo(f"{len(comparison.series)} series of {papers} papers; {len(comparison.changes)} changes in {out}")


@main.command()
@click.argument("run_output", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", "out", default=None, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the review pages [default: RUN_OUTPUT/review].")
@OVERRIDES
def review(run_output: Path, out: Path | None, overrides: Path | None) -> None:
    """Write a run's review pages again (after editing overrides.csv): an index of the papers, and one page per
    paper with its paragraphs, highlighted mentions and a filterable table."""
    from extractor.overrides import OverrideError
    from extractor.preflight import PreflightError, check_output_folder
    from extractor.review import write_review

    if not (run_output / "segments.csv").exists():
        raise click.UsageError(f"not a run output folder (no segments.csv): {run_output}")
    folder = out or run_output / "review"
    try:
        check_output_folder(folder)
        path = write_review(run_output, folder, overrides)
    except (OverrideError, PreflightError) as error:
        raise BadInput(str(error)) from error
    click.echo(f"review pages: {path}")
