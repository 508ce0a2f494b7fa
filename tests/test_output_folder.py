"""A safe output folder: nothing found means nothing touched, every run replaces all it owns, checks
before any file is read (a writable folder, an installed model, an answering scheduler), and files
readable as the umask says."""

from __future__ import annotations

import os
import stat
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from extractor.cli import main
from extractor.files import file_mode
from tests.conftest import SAMPLES

LOOKED_FOR = ".doc .docx .htm .html .odt .pdf .rtf .txt"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_a_folder_without_documents_is_a_usage_error_and_the_output_is_left_alone(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "budget.xlsx").write_bytes(b"PK\x03\x04")
    out = tmp_path / "out"
    assert run("run", str(inputs), "--out", str(out)) == (
        2, f"Error: no documents found in {inputs} (looked for {LOOKED_FOR}, in any case)\n")
    assert not out.exists()
    out.mkdir()
    (out / "documents.csv").write_text("earlier run\n", encoding="utf-8")
    assert run("run", str(inputs), "--out", str(out))[0] == 2
    assert [p.name for p in out.iterdir()] == ["documents.csv"]
    assert (out / "documents.csv").read_text(encoding="utf-8") == "earlier run\n"


def test_every_run_replaces_or_removes_every_table_and_page_it_owns(tmp_path: Path) -> None:
    out = tmp_path / "out"
    papers = [str(SAMPLES / name) for name in ("GB298-MNE-2-1.pdf", "GB300-MNE-3.pdf", "GB319-POL-6.docx")]
    assert run("run", *papers, "--out", str(out), "--quiet")[0] == 0
    assert {p.name for p in out.iterdir()} >= {"changes.csv", "matrix.csv", "series.csv", "report.html"}
    assert len(list((out / "review").iterdir())) == 4
    code, output = run("run", papers[0], "--out", str(out), "--quiet")
    assert code == 0 and "; no comparison files: one paper; tables in" in output
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "activities.csv", "documents.csv", "entities.csv", "mentions.csv", "overrides-applied.csv",
        "overrides.csv", "report.xlsx", "review", "segments.csv"]
    assert sorted(p.name for p in (out / "review").iterdir()) == ["GB.298-MNE-2-1.html", "index.html"]
    workbook = load_workbook(out / "report.xlsx")
    assert workbook["documents"].max_row == 2 and workbook["changes"].max_row == 1


def test_an_output_folder_that_cannot_be_written_stops_the_run_before_any_file_is_read(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file", encoding="utf-8")
    out = blocker / "out"
    assert run("run", str(SAMPLES / "GB298-MNE-2-1.txt"), "--out", str(out)) == (
        2, f"Error: cannot write to the output folder {out}: Not a directory\n")
    assert run("review", str(tmp_path), "--out", str(out))[0] == 2  # not a run folder: usage error first


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_a_read_only_output_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("run", str(SAMPLES / "GB298-MNE-2-1.txt"), "--out", str(out), "--quiet")[0] == 0
    out.chmod(0o555)
    try:
        message = f"Error: cannot write to the output folder {out}: Permission denied\n"
        assert run("run", str(SAMPLES / "GB298-MNE-2-1.txt"), "--out", str(out)) == (2, message)
        assert run("compare", str(out), "--out", str(out)) == (2, message)
        assert run("review", str(out), "--out", str(out / "review")) == (
            2, f"Error: cannot write to the output folder {out / 'review'}: Permission denied\n")
    finally:
        out.chmod(0o755)


def test_a_model_that_is_not_installed_stops_the_run_before_any_file_is_read(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("run", str(SAMPLES / "GB298-MNE-2-1.txt"), "--out", str(out), "--model", "en_core_web_xx") == (
        2, "Error: the spaCy model en_core_web_xx is not installed: run ./scripts/setup, or name an installed "
           "model with --model\n")
    assert not (out / "documents.csv").exists()


def test_a_scheduler_that_does_not_answer_stops_the_run_in_one_line(tmp_path: Path) -> None:
    code, output = run("run", str(SAMPLES / "GB298-MNE-2-1.txt"), "--out", str(tmp_path / "out"), "--engine", "dask",
                       "--scheduler", "tcp://127.0.0.1:9")
    assert (code, output) == (2, "Error: the Dask scheduler at tcp://127.0.0.1:9 does not answer within 10 s "
                                 "(OSError)\n")


def test_files_take_the_users_umask(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    file_mode.cache_clear()
    try:
        out = tmp_path / "out"
        assert run("run", str(SAMPLES / "GB298-MNE-2-1.pdf"), str(SAMPLES / "GB300-MNE-3.pdf"), "--out", str(out),
                   "--quiet")[0] == 0
        for name in ("documents.csv", "mentions.csv", "changes.csv", "report.xlsx", "report.html",
                     "review/index.html", "review/GB.298-MNE-2-1.html"):
            assert stat.S_IMODE((out / name).stat().st_mode) == 0o644, name
    finally:
        os.umask(previous)
        file_mode.cache_clear()


def test_the_workbook_splits_a_long_table_and_keeps_text_as_text(monkeypatch: pytest.MonkeyPatch,
                                                                 tmp_path: Path) -> None:
    import io

    from extractor import workbook

    monkeypatch.setattr(workbook, "MAX_ROWS", 2)
    rows = [{"para": str(n), "text": text, "date": "2007-02-07"} for n, text in
            enumerate(["=1+1", "a\x01b", "<b>&", "https://ilo.org", "12"], start=1)]
    data = workbook.render_workbook([workbook.Sheet("mentions", ["para", "text", "date"], rows)])
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["mentions", "mentions (2)", "mentions (3)"]
    assert [[(c.value, c.data_type) for c in row] for row in book["mentions (2)"].iter_rows()] == [
        [("para", "s"), ("text", "s"), ("date", "s")],
        [(3, "n"), ("<b>&", "s"), (datetime(2007, 2, 7), "d")],
        [(4, "n"), ("https://ilo.org", "s"), (datetime(2007, 2, 7), "d")]]
    assert [c.value for c in book["mentions"]["B"]] == ["text", "=1+1", "a\ufffdb"]
    assert book["mentions (3)"]["B2"].value == "12"  # a text column keeps its numbers as text
