from __future__ import annotations

import csv
import re
from pathlib import Path

from click.testing import CliRunner

from extractor.cli import main
from extractor.tables import DOCUMENT_COLUMNS, SEGMENT_COLUMNS
from tests.conftest import SAMPLES


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_run_writes_documents_and_segments(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["run", str(SAMPLES / "GB298-MNE-2-1.pdf"), str(SAMPLES / "GB319-POL-6.docx"),
                                       "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert re.fullmatch(rf"2 files: 2 ok; 6 pages in [\d.]+ s \([\d.]+ pages/s\); tables in {out}\n", result.stdout)
    # one line per file, in the order the workers finish them
    assert sorted(result.stderr.splitlines()) == ["ok       GB298-MNE-2-1.pdf", "ok       GB319-POL-6.docx"]
    documents = read_csv(out / "documents.csv")
    assert list(documents[0]) == DOCUMENT_COLUMNS
    assert [(d["doc_id"], d["symbol"], d["session_date"], d["date"], d["paragraphs"], d["status"]) for d in documents] == [
        ("GB298-MNE-2-1.pdf", "GB.298/MNE/2/1", "2007-03", "2007-02-07", "10", "ok"),
        ("GB319-POL-6.docx", "GB.319/POL/6", "2013-10", "2013-09-20", "21", "ok"),
    ]
    segments = read_csv(out / "segments.csv")
    assert list(segments[0]) == SEGMENT_COLUMNS
    p6 = [s for s in segments if s["doc_id"] == "GB298-MNE-2-1.pdf" and s["para"] == "6"]
    assert [(s["seg_id"], s["kind"], s["item"], s["marker"], s["page_start"], s["page_end"]) for s in p6] == [
        ("p6", "paragraph", "", "6.", "2", "2"), ("p6.1", "item", "1", "–", "2", "2"),
        ("p6.2", "item", "2", "–", "2", "2"), ("p6.3", "item", "3", "–", "2", "2"),
        ("p6.4", "item", "4", "–", "2", "3"),
    ]
    assert p6[4]["footnote_refs"] == '[{"marker": "3", "offset": 330, "footnote": "fn3"}]'


def test_a_folder_is_searched_recursively_and_bad_files_get_a_status(tmp_path: Path) -> None:
    archive = tmp_path / "archive" / "2007"
    archive.mkdir(parents=True)
    (archive / "GB298-MNE-2-1 (copy).PDF").write_bytes((SAMPLES / "GB298-MNE-2-1.pdf").read_bytes())
    (archive / "empty.doc").write_bytes(b"")
    (archive / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<<")
    (archive / "notes.xyz").write_text("ignored: not a paper's extension")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["run", str(tmp_path / "archive"), "--out", str(out), "--quiet"])
    assert result.exit_code == 1
    assert re.fullmatch(rf"3 files: 1 ok, 2 failed \(corrupt 1, empty 1\); 5 pages in [\d.]+ s "
                        rf"\([\d.]+ pages/s\); no comparison files: one paper; tables in {out}\n", result.stdout)
    rows = {d["doc_id"]: (d["status"], d["message"]) for d in read_csv(out / "documents.csv")}
    assert rows["2007/GB298-MNE-2-1 (copy).PDF"] == ("ok", "")
    assert rows["2007/empty.doc"] == ("empty", "the file is empty")
    assert rows["2007/broken.pdf"][0] == "corrupt"
    assert rows["2007/broken.pdf"][1].startswith("the PDF is damaged or truncated and cannot be opened")


def test_usage_error_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["run", str(tmp_path / "missing.pdf")])
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_the_command_line_loads_no_heavy_library_until_a_command_runs() -> None:
    import subprocess
    import sys

    probe = "import sys, extractor.cli; print(sorted(m for m in ('spacy', 'pandas', 'pypdfium2', 'thinc') if m in sys.modules))"
    found = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert found.stdout == "[]\n"
