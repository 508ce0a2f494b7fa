"""Work the run's last, serial step can hand to the other core: a forked process that writes one output
file (the workbook) while this process writes the others. Named ``gbextract-<what>`` in ``ps``."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import multiprocessing
import sys
import traceback
from collections.abc import Callable, Iterator


@contextlib.contextmanager
def in_background(what: str, work: Callable[[], object]) -> Iterator[None]:
    """Run ``work`` in a forked process while the ``with`` block runs; wait for it at the end, and raise
    ``OSError`` if it failed (its error is printed by the child)."""
    context = multiprocessing.get_context("fork")
    process = context.Process(target=_child, args=(what, work), name=f"gbextract-{what}", daemon=True)
    process.start()
    try:
        yield
    except BaseException:
        process.terminate()
        raise
    finally:
        process.join()
    if process.exitcode != 0:
        raise OSError(f"could not write the {what} (exit status {process.exitcode})")


def _child(what: str, work: Callable[[], object]) -> None:
    _name_process(f"gbextract-{what}")
    try:
        work()
    except BaseException:
        traceback.print_exc(file=sys.stderr)
        raise SystemExit(1) from None


def _name_process(name: str) -> None:
    """The name ``ps`` and psutil show (Linux prctl PR_SET_NAME); elsewhere nothing."""
    library = ctypes.util.find_library("c")
    if sys.platform.startswith("linux") and library:
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(library).prctl(15, name.encode()[:15], 0, 0, 0)
