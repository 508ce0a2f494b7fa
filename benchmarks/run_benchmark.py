"""Benchmark, run by hand: throughput, scaling, memory and the cache, on a corpus built from the dev PDFs.

    .venv/bin/python benchmarks/run_benchmark.py --papers 100        # about 10 minutes on 2 cores
    .venv/bin/python benchmarks/run_benchmark.py --papers 500        # memory flat across 500 papers

It prints, for N papers copied from samples/*.pdf (each copy made unique, so that the cache cannot
serve one copy's result to another):

- pages per second end to end (read, layout, segment, annotate, tables) with 1 and 2 workers, and
  the scaling between them;
- pages per second of each stage, measured in one process on the dev PDFs;
- the same files through pdfplumber's bare ``extract_text`` in one process, and the ratio;
- the peak memory (RSS) of each worker, and whether it stays flat across the run;
- a re-run over the unchanged corpus, from the cache, against the first run's time.

- the annotation's cost component by component (milliseconds per thousand words, one process);
- how long ``gbextract --help`` takes.

Targets (issue 12): end to end with ONE worker at least 2x pdfplumber's extract_text; 2 workers at least
1.8x one; at most 600 MB per worker, flat; an unchanged re-run in at most 5 % of the first run's time;
reading at least 120 pages/s and annotation at least 15,000 words/s on one core; --help under 0.3 s.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor import batch  # noqa: E402
from extractor.annotate.nlp import annotate_segments, load_pipeline  # noqa: E402
from extractor.layout import lay_out  # noqa: E402
from extractor.read.pdf import read_pdf  # noqa: E402
from extractor.segment import segment  # noqa: E402
from extractor.settings import Settings  # noqa: E402


def build_corpus(folder: Path, papers: int) -> tuple[list[Path], int]:
    import pypdfium2 as pdfium

    sources = sorted((ROOT / "samples").glob("*.pdf"))
    counts = {source: len(pdfium.PdfDocument(str(source))) for source in sources}
    files, pages = [], 0
    for index in range(papers):
        source = sources[index % len(sources)]
        target = folder / f"{index:04d}-{source.name}"
        target.write_bytes(source.read_bytes() + f"\n% copy {index}\n".encode())
        files.append(target)
        pages += counts[source]
    return files, pages


class MemoryWatch:
    """Samples the resident memory of the run's worker processes every 0.2 s (not LibreOffice's, nor the
    process that writes the workbook at the end: ``gbextract-workbook``, a fork of the run's own)."""

    def __init__(self) -> None:
        self.samples: dict[int, list[tuple[float, int]]] = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> MemoryWatch:
        self.started = time.perf_counter()
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()

    def _watch(self) -> None:
        me = psutil.Process()
        while not self.stop.is_set():
            for child in me.children(recursive=True):
                try:
                    rss = child.memory_info().rss
                    if child.name().startswith("gbextract-"):
                        continue
                except psutil.Error:
                    continue
                if "soffice" not in " ".join(child.cmdline() if child.is_running() else []):
                    self.samples.setdefault(child.pid, []).append((time.perf_counter() - self.started, rss))
            time.sleep(0.2)

    def report(self) -> dict[str, float]:
        workers = {pid: s for pid, s in self.samples.items() if len(s) > 5}
        if not workers:
            return {"peak_mb": 0.0, "early_mb": 0.0, "late_mb": 0.0}
        peak = max(rss for s in workers.values() for _, rss in s) / 2**20
        early = max(max(rss for _, rss in s[len(s) // 10: len(s) // 5 + 1]) for s in workers.values()) / 2**20
        late = max(max(rss for _, rss in s[-max(1, len(s) // 10):]) for s in workers.values()) / 2**20
        return {"peak_mb": round(peak), "early_mb": round(early), "late_mb": round(late)}


def end_to_end(files: list[Path], out: Path, workers: int, cache: bool) -> tuple[float, dict[str, float]]:
    settings = Settings(workers=workers, use_cache=cache, cache=out / "cache" if cache else None)
    with MemoryWatch() as watch:
        started = time.perf_counter()
        summary = batch.run(files, out, settings)
        seconds = time.perf_counter() - started
    failed = [r for r in summary.results if not r.ok]
    if failed:
        raise SystemExit(f"benchmark: {len(failed)} files failed, first: {failed[0].status} {failed[0].message}")
    return seconds, watch.report()


def stages(samples: list[Path], rounds: int = 3) -> dict[str, float]:
    """Pages per second of each stage, in this process, on the dev PDFs (model loaded): the best of
    ``rounds`` rounds, since a shared machine's speed varies from minute to minute."""
    best: dict[str, float] = {}
    for _ in range(rounds):
        for name, rate in _stage_round(samples).items():
            best[name] = max(best.get(name, 0.0), rate)
    return best


def _stage_round(samples: list[Path]) -> dict[str, float]:
    nlp = load_pipeline()
    totals = {"read": 0.0, "layout": 0.0, "segment": 0.0, "annotate": 0.0}
    pages = words = 0
    for path in samples * 2:
        t0 = time.perf_counter()
        raw = read_pdf(path)
        t1 = time.perf_counter()
        layout = lay_out(raw)
        t2 = time.perf_counter()
        result = segment(layout, path.name, path)
        t3 = time.perf_counter()
        annotate_segments(nlp, result.segments)
        t4 = time.perf_counter()
        for name, seconds in zip(totals, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            totals[name] += seconds
        pages += raw.pages
        words += sum(len(s.text.split()) for s in result.segments if s.kind != "furniture")
    rates = {name: round(pages / seconds, 1) for name, seconds in totals.items()}
    rates["annotate_words_per_s"] = round(words / totals["annotate"])
    return rates


def components(samples: list[Path], rounds: int = 3) -> dict[str, float]:
    """Milliseconds per thousand words of each step of annotation (the paper's acronym table, making the
    Docs, each pipeline component), in this process: the best of ``rounds`` rounds."""
    from extractor.annotate.gazetteers import load_knowledge
    from extractor.annotate.paper_acronyms import build_context
    from extractor.model import ANNOTATED_KINDS

    nlp = load_pipeline()
    papers = [[s for s in segment(lay_out(read_pdf(p)), p.name, p).segments if s.kind in ANNOTATED_KINDS]
              for p in samples]
    words = sum(len(s.text.split()) for paper in papers for s in paper)
    best: dict[str, float] = {}
    for _ in range(rounds):
        spent: dict[str, float] = {}
        for paper in papers:
            started = time.perf_counter()
            context = build_context([s.text for s in paper], load_knowledge())
            docs = [nlp.make_doc(s.text) for s in paper]
            for doc in docs:
                doc._.gb_context = context
            spent["context and make_doc"] = spent.get("context and make_doc", 0.0) + time.perf_counter() - started
            for name, component in nlp.pipeline:
                started = time.perf_counter()
                docs = list(component.pipe(docs) if hasattr(component, "pipe") else map(component, docs))
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - started
        for name, seconds in spent.items():
            best[name] = min(best.get(name, seconds), seconds)
    return {name: round(1000 * seconds / (words / 1000), 2) for name, seconds in best.items()}


def help_seconds(rounds: int = 5) -> float:
    import subprocess

    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "extractor", "--help"], check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return min(times)


def pdfplumber_baseline(files: list[Path]) -> float:
    import pdfplumber

    started = time.perf_counter()
    for path in files:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=100)
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gbbench-") as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        files, pages = build_corpus(folder, args.papers)
        print(f"corpus: {len(files)} papers, {pages} pages (copies of {len({f.name[5:] for f in files})} dev PDFs)")
        print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}")
        per_stage = stages(sorted((ROOT / "samples").glob("*.pdf")))
        print("stages (pages/s, one process): " + ", ".join(f"{k} {v}" for k, v in per_stage.items()
                                                         if k != "annotate_words_per_s"))
        print(f"annotation, one process: {per_stage['annotate_words_per_s']} words/s")
        per_component = components(sorted((ROOT / "samples").glob("*.pdf")))
        print("annotation by component (ms per 1,000 words, one process):")
        for name, cost in sorted(per_component.items(), key=lambda item: -item[1]):
            print(f"  {name:24} {cost:7.2f}")
        startup = help_seconds()
        print(f"gbextract --help: {startup:.2f} s")
        plumber = pdfplumber_baseline(files)
        print(f"pdfplumber extract_text, one process: {pages / plumber:.1f} pages/s")
        one, memory_one = end_to_end(files, Path(tmp) / "one", 1, cache=False)
        two, memory_two = end_to_end(files, Path(tmp) / "two", 2, cache=False)
        print(f"end to end, 1 worker: {pages / one:.1f} pages/s ({pages / one / (pages / plumber):.2f}x pdfplumber)")
        print(f"end to end, 2 workers: {pages / two:.1f} pages/s ({pages / two / (pages / plumber):.2f}x pdfplumber);"
              f" scaling {one / two:.2f}x")
        print(f"memory per worker (RSS): 1 worker {memory_one}; 2 workers {memory_two}")
        cold, _ = end_to_end(files, Path(tmp) / "cached", 2, cache=True)
        warm, _ = end_to_end(files, Path(tmp) / "cached", 2, cache=True)
        print(f"cache: first run {cold:.1f} s, re-run {warm:.1f} s ({100 * warm / cold:.1f} % of the first)")
        results = {
            "papers": len(files), "pages": pages, "machine": platform.platform(), "cores": os.cpu_count(),
            "stages_pages_per_s": per_stage, "annotation_ms_per_1000_words": per_component,
            "help_s": round(startup, 2), "pdfplumber_pages_per_s": round(pages / plumber, 1),
            "one_worker_pages_per_s": round(pages / one, 1), "two_workers_pages_per_s": round(pages / two, 1),
            "ratio_one_worker": round(plumber / one, 2), "ratio_two_workers": round(plumber / two, 2),
            "scaling": round(one / two, 2), "memory_one_worker": memory_one, "memory_two_workers": memory_two,
            "first_run_s": round(cold, 1), "rerun_s": round(warm, 1), "rerun_share": round(warm / cold, 3),
        }
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
