"""Batch runs: every bad kind reported, time limits, crashes, memory caps, the cache, atomic outputs, Dask."""

from __future__ import annotations

import csv
import os
import shutil
import signal
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractor import batch, pipeline, resources
from extractor.annotate.gazetteers import load_knowledge
from extractor.annotate.nlp import load_pipeline
from extractor.cache import annotation_fingerprint, reading_fingerprint
from extractor.cli import main
from extractor.model import DocumentResult, Task
from extractor.resources import models_dir
from extractor.settings import Settings
from tests.badfiles import encrypted_pdfs, scanned_pdf, write_bad_files
from tests.conftest import HAS_SOFFICE, SAMPLES

GOOD = ["GB298-MNE-2-1.pdf", "GB300-MNE-3.docx"]


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def rows_of(out: Path, table: str, doc_ids: set[str]) -> list[dict[str, str]]:
    return [r for r in read(out / table) if r["doc_id"] in doc_ids]


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, tuple[str, str]]]:
    folder = tmp_path_factory.mktemp("archive")
    expected = write_bad_files(folder / "bad")
    expected = {f"bad/{name}": value for name, value in expected.items()}
    expected.update({f"bad/{n}": v for n, v in encrypted_pdfs(folder / "bad").items()})
    scanned_pdf(folder / "bad")
    ocr = shutil.which("tesseract") is not None
    expected["bad/scanned.pdf"] = ("ok", "read by OCR") if ocr else ("no-text", "no text layer on any of its 1 pages")
    for name in GOOD:
        shutil.copy(SAMPLES / name, folder / name)
    return folder, expected


def test_a_batch_reports_every_bad_file_and_keeps_the_good_ones(archive: tuple[Path, dict[str, tuple[str, str]]],
                                                                  tmp_path: Path) -> None:
    folder, expected = archive
    out, alone = tmp_path / "all", tmp_path / "alone"
    result = CliRunner().invoke(main, ["run", str(folder), "--out", str(out), "--quiet", "--workers", "2",
                                       "--timeout", "120"])
    assert result.exit_code == 1, result.output
    documents = {d["doc_id"]: d for d in read(out / "documents.csv")}
    assert set(documents) == set(expected) | set(GOOD)
    for name, (status, message) in expected.items():
        assert documents[name]["status"] == status, (name, documents[name]["message"])
        assert documents[name]["message"].startswith(message) or message in documents[name]["message"], name
        if status not in ("ok", "flagged"):
            assert documents[name]["message"], name
    assert all(documents[name]["status"] == "ok" for name in GOOD)
    assert CliRunner().invoke(main, ["run", *[str(folder / n) for n in GOOD], "--out", str(alone),
                                     "--quiet"]).exit_code == 0
    for table in ("segments.csv", "mentions.csv", "activities.csv"):
        assert rows_of(out, table, set(GOOD)) == rows_of(alone, table, set(GOOD)), table


@pytest.mark.skipif(not HAS_SOFFICE, reason="LibreOffice is not installed")
def test_doc_files_that_are_rtf_html_or_text_are_read_as_what_they_are(
        archive: tuple[Path, dict[str, tuple[str, str]]], tmp_path: Path) -> None:
    folder, _ = archive
    names = ["rtf-named.doc", "html-named.doc", "text-named.doc"]
    summary = batch.run([folder / "bad" / n for n in names], tmp_path, Settings(workers=1, use_cache=False))
    assert [(r.doc_id, r.format, r.status, r.meta.symbol) for r in summary.results] == [
        ("rtf-named.doc", "rtf", "ok", "GB.301/PFA/5"), ("html-named.doc", "html", "ok", "GB.301/PFA/6"),
        ("text-named.doc", "text", "ok", "GB.301/PFA/7")]


def slow_or_crashing(real_run):  # type: ignore[no-untyped-def]
    def run(task: Task) -> DocumentResult:
        if task.doc_id.startswith("slow"):
            time.sleep(60)
        if task.doc_id.startswith("crash"):
            os.kill(os.getpid(), signal.SIGSEGV)
        return real_run(task)
    return run


def test_time_limit_and_crash_cost_one_file_and_the_worker_is_replaced(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "_process", slow_or_crashing(pipeline._process))  # forked workers inherit the patch
    text = (SAMPLES / "GB298-MNE-2-1.txt").read_text(encoding="utf-8")
    for name in ("slow.txt", "crash.txt", "good.txt"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    started = time.perf_counter()
    summary = batch.run([tmp_path / n for n in ("slow.txt", "crash.txt", "good.txt")], tmp_path / "out",
                        Settings(workers=1, timeout=3, use_cache=False))
    assert time.perf_counter() - started < 50
    assert [(r.doc_id, r.status, r.message) for r in summary.results] == [
        ("slow.txt", "timeout", "stopped after the 3 s time limit"),
        ("crash.txt", "crashed", "the worker crashed (SIGSEGV) while reading this file; it was replaced "
                                 "(did it reach the 2048 MB memory limit?)"),
        ("good.txt", "ok", "footnote reference 2 in p4 has no footnote; footnote reference 3 in p6.4 has no "
                           "footnote; footnote reference 4 in p8 has no footnote; footnote reference 5 in p8 has "
                           "no footnote"),
    ]


def test_memory_cap(tmp_path: Path) -> None:
    papers = [SAMPLES / "GB298-MNE-2-1.txt", SAMPLES / "GB300-MNE-3.pdf"]
    summary = batch.run(papers, tmp_path, Settings(workers=1, memory_mb=300, use_cache=False))
    for result in summary.results:  # the cap bites in Python (MemoryError), in C (a crash), or at start-up
        assert (result.status, result.message) in (
            ("out-of-memory", "ran out of its memory limit while reading this file"),
            ("crashed", "the worker crashed (SIGSEGV) while reading this file; it was replaced "
                        "(did it reach the 300 MB memory limit?)"),
            ("failed", "no worker could start (is the 300 MB --memory-limit too low? the pipeline did not load)"))


def never_read(*args: object) -> DocumentResult:
    raise AssertionError("read again although the cache holds it")


def test_cache_hit_and_a_models_change_reannotates_from_cached_segments(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    paper = SAMPLES / "GB300-MNE-3.pdf"
    first = batch.run([paper], out, Settings(workers=1))
    cached = sorted(p.name.split(".")[1].split("-")[0] for p in (out / ".cache").rglob("*.json.gz"))
    assert cached == ["annotate", "read"]
    mentions = read(out / "mentions.csv")

    monkeypatch.setattr(pipeline, "read_and_segment", never_read)  # a hit must not read the file again
    written = {p: p.stat().st_mtime_ns for p in out.glob("*.csv")}
    second = batch.run([paper], out, Settings(workers=1))
    assert [r.status for r in second.results] == [r.status for r in first.results] == ["ok"]
    assert read(out / "mentions.csv") == mentions
    assert second.notes == ["no comparison files: one paper",
                            "the outputs are those of the last run, which read the same files"]
    assert {p: p.stat().st_mtime_ns for p in out.glob("*.csv")} == written  # nothing written again
    dropped = next(m for m in mentions if m["para"] and m["type"] == "PARTNER")
    (out / "overrides.csv").write_text(f"symbol,para,type,text,action\nGB.300/MNE/3,{dropped['para']},PARTNER,"
                                       f"{dropped['text']},drop\n", encoding="utf-8")
    corrected = batch.run([paper], out, Settings(workers=1))  # new corrections: the tables again
    assert corrected.notes == ["no comparison files: one paper"]
    kept = [{k: v for k, v in m.items() if k != "entity_id"} for m in read(out / "mentions.csv")]
    assert kept == [{k: v for k, v in m.items() if k != "entity_id"} for m in mentions
                    if (m["para"], m["type"], m["text"]) != (dropped["para"], "PARTNER", dropped["text"])]
    (out / "overrides.csv").write_text("symbol,para,type,text,action\n", encoding="utf-8")

    models = tmp_path / "models"
    shutil.copytree(models_dir(), models)
    with (models / "gazetteers" / "partners.csv").open("a", encoding="utf-8") as handle:
        handle.write("Acme Standards Forum,Roundtable on Corporate Responsibility,name,test entry\n")
    monkeypatch.setenv("GBEXTRACT_MODELS", str(models))
    resources.reload()
    for cached_function in (load_knowledge, load_pipeline, annotation_fingerprint, reading_fingerprint):
        cached_function.cache_clear()
    try:
        third = batch.run([paper], out, Settings(workers=1))
        assert [(r.status, r.message) for r in third.results] == [("ok", "")]  # re-annotated from the cached segments, not read
        changed = {(m["text"], m["norm"]) for m in read(out / "mentions.csv")}
        assert ("Roundtable on Corporate Responsibility", "Acme Standards Forum") in changed
    finally:
        monkeypatch.delenv("GBEXTRACT_MODELS")
        resources.reload()
        for cached_function in (load_knowledge, load_pipeline, annotation_fingerprint, reading_fingerprint):
            cached_function.cache_clear()


def test_an_interrupted_run_keeps_the_last_tables_and_the_next_resumes(tmp_path: Path) -> None:
    out = tmp_path / "out"
    papers = [SAMPLES / "GB298-MNE-2-1.txt", SAMPLES / "GB300-MNE-3.pdf"]
    batch.run(papers[:1], out, Settings(workers=1))
    before = {p.name: p.read_bytes() for p in out.glob("*.csv")}

    def interrupt(result: DocumentResult) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        batch.run(papers, out, Settings(workers=1), on_result=interrupt)
    assert {p.name: p.read_bytes() for p in out.glob("*.csv")} == before
    assert not list(out.glob(".*.tmp"))
    finished = {p.name.split(".")[0] for p in (out / ".cache").rglob("*.annotate-*")}
    assert len(finished) >= 1  # what finished before the interruption is kept
    summary = batch.run(papers, out, Settings(workers=1))
    assert [r.status for r in summary.results] == ["ok", "ok"]


def test_dask_engine_on_a_local_cluster(tmp_path: Path) -> None:
    from distributed import LocalCluster

    papers = [str(SAMPLES / "GB298-MNE-2-1.pdf"), str(SAMPLES / "GB319-POL-6.docx")]
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        result = CliRunner().invoke(main, ["run", *papers, "--out", str(tmp_path / "dask"), "--quiet", "--engine",
                                           "dask", "--scheduler", cluster.scheduler_address, "--no-cache"])
    assert result.exit_code == 0, result.output
    local = CliRunner().invoke(main, ["run", *papers, "--out", str(tmp_path / "local"), "--quiet", "--no-cache"])
    assert local.exit_code == 0
    for table in ("documents.csv", "segments.csv", "mentions.csv"):
        ignore = {"sha256", "source_file"}
        strip = [{k: v for k, v in r.items() if k not in ignore} for r in read(tmp_path / "dask" / table)]
        assert strip == [{k: v for k, v in r.items() if k not in ignore} for r in read(tmp_path / "local" / table)]


def test_dask_needs_a_scheduler() -> None:
    result = CliRunner().invoke(main, ["run", str(SAMPLES / "GB298-MNE-2-1.pdf"), "--engine", "dask"])
    assert result.exit_code == 2 and "--engine dask needs --scheduler ADDRESS" in result.output
