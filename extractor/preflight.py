"""Checks made before any file is read, so that a run that cannot finish stops at once, in one line:
the output folder can be written to, the spaCy model is installed, the Dask scheduler answers."""

from __future__ import annotations

import importlib.util
import os
import tempfile
from pathlib import Path

SCHEDULER_WAIT = 10.0  # seconds


class PreflightError(RuntimeError):
    """A run, compare or review that cannot start; the message says why, in one line."""


def check_output_folder(out: Path) -> None:
    """The folder exists (it is made) and a file can be written in it."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(prefix=".write-test-", dir=out)
        os.close(handle)
        Path(probe).unlink()
    except OSError as error:
        reason = error.strerror or str(error)
        raise PreflightError(f"cannot write to the output folder {out}: {reason}") from error


def check_model(model_name: str = "") -> None:
    """The spaCy model named (or one of models/pipeline.cfg's) is installed."""
    names = [model_name] if model_name else _configured_models()
    if any(importlib.util.find_spec(name) is not None for name in names if name.isidentifier()):
        return
    wanted = model_name or " or ".join(names)
    raise PreflightError(f"the spaCy model {wanted} is not installed: run ./scripts/setup, or name an installed "
                         f"model with --model")


def _configured_models() -> list[str]:
    from extractor.resources import pipeline_config

    return list(pipeline_config()["model"]["names"])


def check_scheduler(address: str, wait: float = SCHEDULER_WAIT) -> None:
    """The Dask scheduler at ``address`` answers within ``wait`` seconds."""
    from distributed import Client

    try:
        client = Client(address, timeout=wait)
    except (OSError, TimeoutError, ValueError) as error:
        raise PreflightError(f"the Dask scheduler at {address} does not answer within {wait:g} s "
                             f"({type(error).__name__})") from error
    client.close()
