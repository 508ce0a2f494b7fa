"""A worker process's set-up: one thread for the maths, a memory cap, and the spaCy pipeline loaded
before its first file (so that loading does not count against that file's time limit)."""

from __future__ import annotations

import os
import resource


def limit_memory(megabytes: int) -> None:
    """Cap this process's address space, so that a runaway file fails alone instead of the machine."""
    if megabytes > 0:
        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def init_worker(memory_mb: int = 0, model_name: str = "", preload: bool = False) -> None:
    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")
    limit_memory(memory_mb)
    if preload:
        try:
            from extractor.annotate.nlp import load_pipeline

            load_pipeline(model_name=model_name or None)
        except (Exception, MemoryError):
            pass  # the first file will meet the same error and report it
