"""The workbook is written by a forked process beside the other outputs; its failure is the run's."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.background import in_background


def test_the_background_work_is_done_when_the_block_ends(tmp_path: Path) -> None:
    target = tmp_path / "report.xlsx"
    with in_background("workbook", lambda: target.write_bytes(b"PK")):
        (tmp_path / "mentions.csv").write_text("doc_id\n", encoding="utf-8")
    assert (target.read_bytes(), sorted(p.name for p in tmp_path.iterdir())) == (b"PK", ["mentions.csv",
                                                                                         "report.xlsx"])


def test_a_failure_in_the_background_fails_the_block(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    def fail() -> None:
        raise PermissionError(13, "Permission denied", str(tmp_path / "report.xlsx"))

    with pytest.raises(OSError, match=r"^could not write the workbook \(exit status 1\)$"), \
            in_background("workbook", fail):
        pass
    assert capfd.readouterr().err.splitlines()[-1] == (
        f"PermissionError: [Errno 13] Permission denied: '{tmp_path / 'report.xlsx'}'")
