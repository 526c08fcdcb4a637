"""Files read in worker processes, each under a memory cap and a time limit.

A reader can meet a file that exhausts memory, crashes a library or never ends. In a worker that
costs only that file: the worker's address space is capped (RLIMIT_AS), and a worker that dies or
overruns its time is killed, its file reported as failed with the cause, and a fresh worker takes
its place. The calling process (the ingest, or the dashboard's server) never parses a file itself.
"""

from __future__ import annotations

import contextlib
import functools
import multiprocessing
import os
import pickle
import resource
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from metrics.gc_pause import collector_paused
from metrics.readers import budgets, ocr

# What a worker sends after each page it OCRs, before its file's outcome: bytes that no pickled
# outcome equals.
PAGE_OCRD = b"page OCR'd"


@dataclass
class Outcome:
    """One file done: what the work returned, or why the worker gave no result; and its cost."""

    path: str
    result: Any = None  # None when the worker died or ran out of time
    failure: str = ""
    seconds: float = 0.0
    peak_rss: int = 0  # bytes: the worker's peak resident memory while on this file


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    # The files sent to it, in order: the first is the one it is on, the next waits in its pipe.
    paths: deque[str] = field(default_factory=deque)
    started: float = 0.0  # when it began the first
    allowed: float = 0.0  # seconds the first may take: more for every page OCR'd

    @property
    def path(self) -> str | None:
        """The file it is on, None when idle."""
        return self.paths[0] if self.paths else None

    @property
    def deadline(self) -> float:
        return self.started + self.allowed

    def begin_next(self) -> None:
        self.started = time.monotonic()
        self.allowed = budgets.WORKER_SECONDS


def run_in_workers(work: Callable[[str], Any], paths: list[str], workers: int) -> Iterator[Outcome]:
    """work(path) for every path, in up to `workers` processes; outcomes in the order they finish."""
    pending = deque(paths)
    pool: list[_Worker] = []
    try:
        while pending or any(w.path for w in pool):
            _hand_out(pending, pool, work, workers)
            busy = [w for w in pool if w.path]
            deadline = min(w.deadline for w in busy)
            wait(
                [w.conn for w in busy] + [w.process.sentinel for w in busy],
                max(0, deadline - time.monotonic()),
            )
            done = [outcome for outcome in map(_collect, busy) if outcome is not None]
            for gone in (w for w in pool if w.process.exitcode is not None):
                # Files it was sent and gave no outcome for go to another worker.
                pending.extendleft(reversed(gone.paths))
            pool = [w for w in pool if w.process.exitcode is None]
            # Workers get their next file before these are unpickled and the caller handles them (it
            # may write to disk): a worker waiting for its next file is a core left idle.
            _hand_out(pending, pool, work, workers)
            yield from map(_unpickled, done)
    finally:
        _stop(pool)


def _hand_out(pending: deque, pool: list[_Worker], work: Callable[[str], Any], workers: int) -> None:
    idle = sum(1 for w in pool if not w.paths)
    while len(pool) < workers and len(pending) > idle:
        pool.append(_start(work))
        idle += 1
    # Each worker is sent its next file before it finishes the one it is on, so it goes straight on
    # instead of idling until this process, busy with another worker's outcome or the writer, hands
    # it one. Only while more files wait than there are workers: near the end a file queued behind
    # a slow one (a scan being OCR'd) would wait while another worker stood idle.
    for depth in (1, 2):
        for worker in pool:
            if len(worker.paths) < depth and pending and (depth == 1 or len(pending) > len(pool)):
                worker.paths.append(pending.popleft())
                if len(worker.paths) == 1:
                    worker.begin_next()
                worker.conn.send(worker.paths[-1])


def _start(work: Callable[[str], Any]) -> _Worker:
    # fork: the worker starts with the readers already imported, which costs milliseconds, where a
    # fresh interpreter would re-import the caller's main module (the dashboard's server) first.
    parent_end, worker_end = multiprocessing.Pipe()
    process = multiprocessing.get_context("fork").Process(
        target=_serve, args=(work, worker_end, os.getpid()), daemon=True, name="ogi-reader"
    )
    process.start()
    worker_end.close()
    return _Worker(process, parent_end)


def _collect(worker: _Worker) -> Outcome | bytes | None:
    """The worker's outcome if it has one (pickled, as sent), a failure if it died or overran, else
    None (still working)."""
    path = worker.path
    try:
        while worker.conn.poll():
            message = worker.conn.recv_bytes()
            if message == PAGE_OCRD:
                worker.allowed += budgets.WORKER_SECONDS_PER_OCR_PAGE
                continue
            worker.paths.popleft()
            if worker.paths:
                worker.begin_next()
            return message
    except (EOFError, OSError):  # it died while sending
        pass
    now = time.monotonic()
    if worker.process.exitcode is None and now < worker.deadline:
        return None
    seconds = now - worker.started
    if worker.process.exitcode is None:
        failure = (
            f"reading it took longer than the {worker.allowed:.0f} s it may take ({budgets.WORKER_SECONDS} s, "
            f"and {budgets.WORKER_SECONDS_PER_OCR_PAGE} s more for each page OCR'd)"
        )
    else:
        failure = _death(worker.process.exitcode)
    worker.process.kill()
    worker.process.join()
    worker.conn.close()
    worker.paths.popleft()
    return Outcome(path, failure=failure, seconds=seconds)


def _unpickled(outcome: Outcome | bytes) -> Outcome:
    if isinstance(outcome, Outcome):
        return outcome
    with collector_paused():  # an outcome may unpickle into hundreds of facts, free of cycles
        return pickle.loads(outcome)


def _death(exitcode: int) -> str:
    if exitcode == -signal.SIGKILL:
        return (
            "the process reading it was killed (SIGKILL), most likely by the system for using too much memory"
        )
    if exitcode < 0:
        return f"the process reading it died of signal {signal.Signals(-exitcode).name}"
    return f"the process reading it stopped unexpectedly (exit status {exitcode})"


def _stop(pool: list[_Worker]) -> None:
    for worker in pool:
        if worker.path is None:
            with contextlib.suppress(OSError):
                worker.conn.send(None)  # an idle worker's signal to exit
        else:
            worker.process.kill()
    for worker in pool:
        worker.process.join(timeout=5)
        if worker.process.exitcode is None:
            worker.process.kill()
            worker.process.join()


def _serve(work: Callable[[str], Any], conn: Connection, parent: int) -> None:
    """A worker's life: read paths from the pipe until told to stop (None), send back each outcome."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches every process; the caller stops us
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _cap_memory()
    ocr.page_done = functools.partial(conn.send_bytes, PAGE_OCRD)
    while True:
        # Other workers hold copies of this pipe's far end, so a parent that dies unannounced never
        # closes it: the worker looks for its parent instead.
        while not conn.poll(1.0):
            if os.getppid() != parent:
                return
        path = conn.recv()
        if path is None:
            return
        reset_peak_rss()
        started = time.monotonic()
        result = work(path)
        conn.send(Outcome(path, result, seconds=time.monotonic() - started, peak_rss=peak_rss()))


def _cap_memory() -> None:
    # RLIMIT_AS counts address space, and a forked worker starts with its parent's (libraries,
    # thread stacks, the dashboard's caches), so the cap is that plus the budget.
    with open("/proc/self/statm") as statm:
        start = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    limit = start + budgets.WORKER_MEMORY_BYTES
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def reset_peak_rss() -> None:
    # Linux: writing 5 to clear_refs resets the peak (VmHWM) to the present, so the peak read after
    # a file is that file's. Where it is refused, the peak covers the worker's life so far.
    try:
        with open("/proc/self/clear_refs", "w") as refs:
            refs.write("5")
    except OSError:
        pass


def peak_rss() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
