"""Where the per-file work runs: a local process pool, or a Dask distributed cluster.

Local: a pebble ``ProcessPool`` (chosen over ``concurrent.futures`` because it
gives every task its own time limit and replaces a worker that crashes or is
killed, where the standard pool breaks for good). Each worker loads the spaCy
pipeline once, runs with a memory cap, and files stream through it, so memory
stays flat.

Dask: the same ``process_document`` on the cluster's workers; each file runs in a
forked child of its worker, so that a time limit can kill it and a crash
takes only that file.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import pickle
import select
import signal
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, wait
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool

from extractor.model import DocumentResult, Status, Task
from extractor.pipeline import process_document
from extractor.worker import init_worker


def crash_message(code: int | None) -> tuple[Status, str]:
    if code is not None and code < 0 and -code == signal.SIGKILL:
        return Status.CRASHED, "the worker was killed (out of memory?) while reading this file; it was replaced"
    if code is not None and code < 0:
        name = signal.Signals(-code).name if -code in signal.Signals._value2member_map_ else str(-code)
        return Status.CRASHED, f"the worker crashed ({name}) while reading this file; it was replaced"
    return Status.CRASHED, f"the worker stopped (exit code {code}) while reading this file; it was replaced"


class LocalEngine:
    def __init__(self, workers: int, timeout: float, memory_mb: int = 0, model_name: str = "") -> None:
        self.workers = max(1, workers)
        self.timeout = timeout
        self.memory_mb = memory_mb
        self.model_name = model_name

    def map(self, tasks: Iterable[Task]) -> Iterator[DocumentResult]:
        """Results in the order they finish; at most twice the workers' count of files in flight."""
        from pebble import ProcessPool

        context = multiprocessing.get_context("fork")
        pending: dict[Future[DocumentResult], Task] = {}
        queue = iter(tasks)
        with ProcessPool(max_workers=self.workers, initializer=init_worker,
                         initargs=(self.memory_mb, self.model_name, True), context=context) as pool:
            try:
                while True:
                    for task in itertools.islice(queue, 2 * self.workers - len(pending)):
                        pending[pool.schedule(process_document, args=(task,), timeout=self.timeout or None)] = task
                    if not pending:
                        return
                    done, _ = wait(pending, return_when=FIRST_COMPLETED)
                    for future in done:
                        yield self._outcome(future, pending.pop(future))
            except BaseException:
                pool.stop()
                raise

    def _outcome(self, future: Future[DocumentResult], task: Task) -> DocumentResult:
        """The file's result, or what stopped its worker as the file's status."""
        from pebble import ProcessExpired

        try:
            return future.result()
        except FutureTimeout:
            return DocumentResult.failure(task, Status.TIMEOUT, f"stopped after the {self.timeout:g} s time limit")
        except ProcessExpired as error:
            status, message = crash_message(error.exitcode)
            if self.memory_mb:
                message += f" (did it reach the {self.memory_mb} MB memory limit?)"
            return DocumentResult.failure(task, status, message)
        except BrokenProcessPool:
            limit = f"is the {self.memory_mb} MB --memory-limit too low? " if self.memory_mb else ""
            return DocumentResult.failure(task, Status.FAILED,
                                          f"no worker could start ({limit}the pipeline did not load)")
        except Exception as error:  # the pool itself failed on this file
            return DocumentResult.failure(task, Status.FAILED, f"internal error: {type(error).__name__}: {error}")


class DaskEngine:
    def __init__(self, scheduler: str, timeout: float, memory_mb: int = 0) -> None:
        self.scheduler = scheduler
        self.timeout = timeout
        self.memory_mb = memory_mb

    def map(self, tasks: Iterable[Task]) -> Iterator[DocumentResult]:
        from distributed import Client, as_completed

        with Client(self.scheduler) as client:
            futures = client.map(run_isolated, list(tasks), timeout=self.timeout, memory_mb=self.memory_mb,
                                 pure=False)
            for future in as_completed(futures):
                yield future.result()


def run_isolated(task: Task, timeout: float = 0, memory_mb: int = 0) -> DocumentResult:
    """``process_document`` in a forked child of this process: killed at the time limit, and a crash costs one file.

    The pipeline is loaded in this (long-lived) process first, so every child starts with it.
    """
    from extractor.annotate.nlp import load_pipeline

    load_pipeline(model_name=task.model_name or None)
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: do the work, send the result, leave without running the parent's clean-ups
        os.close(reader)
        code = 0
        try:
            init_worker(memory_mb)
            payload = pickle.dumps(process_document(task))
            with os.fdopen(writer, "wb") as out:
                out.write(payload)
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(writer)
    data, killed = _read_with_limit(reader, pid, timeout)
    _, status = os.waitpid(pid, 0)
    if killed:
        return DocumentResult.failure(task, Status.TIMEOUT, f"stopped after the {timeout:g} s time limit")
    if not data:
        code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
        return DocumentResult.failure(task, *crash_message(code))
    result: DocumentResult = pickle.loads(data)
    return result


def _read_with_limit(reader: int, pid: int, timeout: float) -> tuple[bytes, bool]:
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout if timeout else None
    with os.fdopen(reader, "rb", buffering=0) as source:
        while True:
            wait_for = max(0.0, deadline - time.monotonic()) if deadline else None
            ready, _, _ = select.select([source], [], [], wait_for)
            if not ready:
                os.kill(pid, signal.SIGKILL)
                return b"", True
            chunk = source.read(1 << 20)
            if not chunk:
                return b"".join(chunks), False
            chunks.append(chunk)
