"""Ingest: walk folders, extract in worker processes, write the results in batches.

Every file attempted ends in the ingest log with a status and a reason a person understands;
a failing file never affects another.
"""

from __future__ import annotations

import hashlib
import os
import stat
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from metrics import PARSER_VERSION, formats
from metrics.extract import extract_document
from metrics.file_names import for_storage, readable
from metrics.models import Document, Extraction
from metrics.readers import ReadError, UnsupportedFile, budgets, read_bytes, read_document
from metrics.store import LOCK_WAIT_SECONDS, Attempt, Writer, open_for_writing
from metrics.walk import files_under
from metrics.workers import Outcome, run_in_workers

OK, PARTIAL, FAILED, DUPLICATE, UNSUPPORTED, UNCHANGED = (
    "ok",
    "partial",
    "failed",
    "duplicate",
    "unsupported",
    "unchanged",
)


@dataclass
class Summary:
    by_status: Counter = field(default_factory=Counter)
    by_format: Counter = field(default_factory=Counter)
    problems: list[tuple[str, str, str]] = field(default_factory=list)  # (path, status, reason)
    ocr_pages: int = 0  # pages (and pictures) read by OCR in this run

    @property
    def files(self) -> int:
        return sum(self.by_status.values())


Progress = Callable[[int, int, str], None]


def content_hash(path: str) -> str | None:
    """The file's SHA-256, or None when it cannot be opened or is no regular file: a named pipe
    would block and /dev/zero never end, so neither is ever read."""
    h = hashlib.sha256()
    try:
        if _kind(os.stat(path).st_mode):
            return None
        # O_NONBLOCK and fstat: a pipe put in the file's place since the check is still not read.
        with open(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb") as f:
            if _kind(os.fstat(f.fileno()).st_mode):
                return None
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return None
    return h.hexdigest()


def _kind(mode: int) -> str:
    """What a file of this mode is when it is no regular file; "" for a regular file."""
    if stat.S_ISREG(mode):
        return ""
    kinds = (
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISDIR, "a folder"),
    )
    return next((name for test, name in kinds if test(mode)), "an unknown kind of file")


def process_file(path: str) -> Attempt:
    """Read and extract one file; never raises, so one bad file cannot stop a run."""
    try:
        mode = os.stat(path).st_mode
    except OSError as e:  # missing, unreadable, or a link that loops
        return Attempt(path, None, FAILED, f"the file could not be opened: {e.strerror}")
    kind = _kind(mode)
    if kind:
        return Attempt(
            path, None, UNSUPPORTED, f"it is {kind}, not a regular file; only regular files are read"
        )
    digest = content_hash(path)
    if digest is None:
        return Attempt(path, None, FAILED, "the file could not be opened (missing or unreadable)")
    return _extracted(path, digest, lambda: read_document(path))


def process_for_storing(path: str) -> Attempt:
    """process_file, its facts made into the store's rows in the worker (Attempt.packed)."""
    return process_file(path).packed()


def process_bytes(path: str, data: bytes) -> Attempt:
    """process_file for a file whose content was fetched elsewhere (Ray Data reads files where they
    lie, on any node); `path` names the file as ingest would. Never raises either."""
    return _extracted(path, hashlib.sha256(data).hexdigest(), lambda: read_bytes(path, data))


def _extracted(path: str, digest: str, read: Callable[[], Document]) -> Attempt:
    """The attempt of one file whose content hashes to `digest`, read by `read`."""
    try:
        doc = read()
    except UnsupportedFile as e:
        return Attempt(path, digest, UNSUPPORTED, str(e))
    except ReadError as e:
        return Attempt(path, digest, FAILED, f"could not be read: {e}")
    except MemoryError:
        return Attempt(path, digest, FAILED, _out_of_memory())
    except Exception as e:  # a reader library choking on a damaged file
        return Attempt(path, digest, FAILED, f"could not be read: {type(e).__name__}: {e}")
    # The extractors read hints in the file's name; a name in GBK bytes reads as its characters.
    doc.path = readable(for_storage(path))
    try:
        ex = extract_document(doc)
    except MemoryError:
        return Attempt(path, digest, FAILED, _out_of_memory())
    except Exception as e:
        where = traceback.extract_tb(e.__traceback__)[-1]
        return Attempt(
            path,
            digest,
            FAILED,
            f"extraction failed: {type(e).__name__}: {e} (at {Path(where.filename).name}:{where.lineno})",
        )
    status, reason = _judge(ex)
    if status not in (OK, PARTIAL):
        return Attempt(path, digest, status, reason, ocr_pages=len(doc.ocr))
    return Attempt(
        path,
        digest,
        status,
        reason,
        ex,
        digest[:16],
        ex.meta.agency_type,
        doc.text,
        doc.encoding,
        ocr_pages=len(doc.ocr),
    )


def _out_of_memory() -> str:
    return f"reading it needs more than the {budgets.WORKER_MEMORY_BYTES // budgets.MB:,} MB of memory one file may use"


def _judge(ex: Extraction) -> tuple[str, str]:
    if ex.format == formats.UNKNOWN:
        return UNSUPPORTED, "the text does not read as a government information-disclosure annual report"
    n = sum(1 for f in ex.facts if f.value is not None)
    if n == 0:
        return PARTIAL, f"a {ex.format} report, but no statistics were found in it"
    missing = [w for w, ok in (("year", ex.meta.year), ("agency", ex.meta.agency)) if not ok]
    warnings = sum(1 for f in ex.flags if f.severity == "warning")
    parts = [f"{n} figures"]
    if warnings:
        parts.append(f"{warnings} checks failed")
    if missing:
        return PARTIAL, f"{', '.join(parts)}; could not read the {' and '.join(missing)}"
    return OK, ", ".join(parts)


def attempts(
    paths: list[str], workers: int, work: Callable[[str], Attempt] = process_file
) -> Iterator[Attempt]:
    """Each file read in a worker process by `work`; a worker that dies or overruns fails only its file."""
    for outcome in run_in_workers(work, paths, workers):
        yield _attempt_of(outcome)


def _attempt_of(outcome: Outcome) -> Attempt:
    attempt = outcome.result or Attempt(outcome.path, None, FAILED, f"could not be read: {outcome.failure}")
    attempt.seconds, attempt.peak_rss = outcome.seconds, outcome.peak_rss
    return attempt


# Files written per transaction: large enough to amortise the database's per-statement cost, which
# is some 50 ms of CPU a batch (planning write_batch.sql's pivots), against some 0.3 ms a report.
# The writer is the one process every report goes through, so this cost limits how far ingest
# scales with cores. Not larger still: the last batch is written after the workers are done, and
# adds its time to the run's.
BATCH = 500

FileDone = Callable[[Attempt], None]


def ingest_paths(
    paths: Iterable[str | os.PathLike],
    db: Path,
    workers: int | None = None,
    progress: Progress | None = None,
    file_done: FileDone | None = None,
    wait: float = LOCK_WAIT_SECONDS,
    waiting: Callable[[str], None] | None = None,
) -> Summary:
    """Ingest every file under `paths`; `file_done` hears of each file attempted, as stored, and
    `waiting` that another writer holds the database (for at most `wait` seconds)."""
    with open_for_writing(db, wait, waiting) as writer:
        return ingest_into(writer, paths, workers, progress, file_done)


def ingest_into(
    writer: Writer,
    paths: Iterable[str | os.PathLike],
    workers: int | None = None,
    progress: Progress | None = None,
    file_done: FileDone | None = None,
) -> Summary:
    """Ingest every file under `paths` with a writer already open (see ingest_paths)."""
    found = files_under(paths)
    summary = Summary()
    previous = writer.attempts_by_path()
    stored_hashes = writer.report_paths_by_hash()
    todo = []
    for path in found.files:
        # realpath, unlike Path.resolve, does not raise on a link that loops; the read reports it.
        key = os.path.realpath(path)
        known = previous.get(for_storage(key))
        if known and known[1] == PARSER_VERSION and known[2] != FAILED and known[0] == content_hash(key):
            summary.by_status[UNCHANGED] += 1
            continue
        todo.append(key)
    batch = [_storable(Attempt(path, None, UNSUPPORTED, reason)) for path, reason in found.refused]
    done = summary.files
    total = len(found.files) + len(found.refused)
    # Batches are written in a thread of their own, one at a time, while this one goes on taking the
    # workers' outcomes and handing them their next files: written here, every worker that finished
    # during a write would wait for it, idle.
    with (
        writer.on_one_thread(),
        ThreadPoolExecutor(max_workers=1, thread_name_prefix="ogi-writer") as storing,
    ):
        writing: Future | None = None
        for attempt in attempts(todo, workers or os.cpu_count() or 1, process_for_storing):
            batch.append(_unless_duplicate(_storable(attempt), stored_hashes))
            done += 1
            if progress:
                progress(done, total, attempt.file_path)
            if len(batch) >= BATCH:
                if writing:
                    writing.result()  # the batch before, written (or its error raised here)
                writing = storing.submit(store_batch, writer, batch, summary, file_done)
                batch = []
        if writing:
            writing.result()
    store_batch(writer, batch, summary, file_done)
    _reread_orphaned_duplicates(writer, workers or os.cpu_count() or 1, summary, file_done)
    if writer.changed:
        writer.refresh_cross_year_flags()
    return summary


def _reread_orphaned_duplicates(
    writer: Writer, workers: int, summary: Summary, file_done: FileDone | None
) -> None:
    """A duplicate's content is stored only under its original; when the original changed, the copy
    is read again, so its content stays (as a report of its own, or a duplicate of another file)."""
    stored_hashes = writer.report_paths_by_hash()
    batch = [
        _unless_duplicate(_storable(a), stored_hashes)
        for a in attempts(writer.orphaned_duplicates(), workers, process_for_storing)
    ]
    store_batch(writer, batch, summary, file_done)


def as_first_stored(in_order: Iterable[Attempt]) -> list[Attempt]:
    """Attempts as ingest stores them into an empty database in this order: names made storable, and
    a file whose content an earlier one gave logged as its duplicate."""
    stored_hashes: dict[str, str] = {}
    return [_unless_duplicate(_storable(attempt), stored_hashes) for attempt in in_order]


def _unless_duplicate(attempt: Attempt, stored_hashes: dict[str, str]) -> Attempt:
    """A report whose content another file already gave is logged as a duplicate, not stored twice."""
    if attempt.extraction is None:
        return attempt
    first = stored_hashes.setdefault(attempt.content_hash, attempt.file_path)
    if first == attempt.file_path:
        return attempt
    return Attempt(
        attempt.file_path,
        attempt.content_hash,
        DUPLICATE,
        f"same content as {first}, already ingested",
        seconds=attempt.seconds,
        peak_rss=attempt.peak_rss,
        ocr_pages=attempt.ocr_pages,
    )


def store_batch(writer: Writer, batch: list[Attempt], summary: Summary, file_done: FileDone | None) -> None:
    """Write a batch of attempts and count them; a file whose rows the database refuses is logged
    as failed. The batch is emptied."""
    refused = {id(a): reason for a, reason in writer.write(batch)}
    for attempt in batch:
        if id(attempt) in refused:  # the database refused this file's rows; the others are stored
            attempt.status, attempt.reason = FAILED, f"could not be stored: {refused[id(attempt)]}"
            attempt.extraction = None
            writer.record_attempt(attempt.file_path, attempt.content_hash, attempt.status, attempt.reason)
        elif attempt.extraction is not None:
            summary.by_format[attempt.extraction.format] += 1
        summary.by_status[attempt.status] += 1
        summary.ocr_pages += attempt.ocr_pages
        if attempt.status not in (OK, PARTIAL):
            summary.problems.append((readable(attempt.file_path), attempt.status, attempt.reason))
        if file_done:
            file_done(attempt)
    batch.clear()


def _storable(attempt: Attempt) -> Attempt:
    """Names in any bytes are stored losslessly (see file_names); a reason quoting one stays text."""
    attempt.file_path = for_storage(attempt.file_path)
    attempt.reason = readable(for_storage(attempt.reason))
    return attempt
