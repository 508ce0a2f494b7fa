"""A run's settings, as the command line and the library take them (a light module: ``--help`` reads it)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PDF_ENGINES = ("pdfium", "pdfplumber")  # pdfium: fast (the default); pdfplumber: pure Python, the same segments
RUN_ENGINES = ("local", "dask")


@dataclass(slots=True)
class Settings:
    pdf_engine: str = "pdfium"
    workers: int = 0  # 0: one per core
    timeout: float = 300.0  # seconds per file; 0: none
    memory_mb: int = 2048  # per worker; 0: no cap
    cache: Path | None = None  # None: <out>/.cache
    use_cache: bool = True
    engine: str = "local"
    scheduler: str = ""
    model_name: str = ""
    overrides: Path | None = None
