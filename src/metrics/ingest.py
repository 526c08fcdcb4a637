"""Ingest: walk folders, extract in parallel worker processes, write each file in its own transaction.

Every file attempted ends in the ingest log with a status and a reason a person understands;
a failing file never affects another.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from metrics import PARSER_VERSION, formats
from metrics.extract import extract_document
from metrics.models import Extraction
from metrics.readers import ReadError, UnsupportedFile, read_document
from metrics.store import Attempt, Writer, open_for_writing

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

    @property
    def files(self) -> int:
        return sum(self.by_status.values())


Progress = Callable[[int, int, str], None]


def walk(paths: Iterable[str | os.PathLike]) -> list[str]:
    """Every file under the given paths, in a stable order; hidden files and folders are skipped."""
    out: list[str] = []
    for p in map(Path, paths):
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                out += [str(Path(root) / f) for f in sorted(files) if not f.startswith(".")]
        else:
            out.append(str(p))
    return out


def content_hash(path: str) -> str | None:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return None
    return h.hexdigest()


def process_file(path: str) -> Attempt:
    """Read and extract one file; never raises, so one bad file cannot stop a run."""
    digest = content_hash(path)
    if digest is None:
        return Attempt(path, None, FAILED, "the file could not be opened (missing or unreadable)")
    try:
        doc = read_document(path)
    except UnsupportedFile as e:
        return Attempt(path, digest, UNSUPPORTED, str(e))
    except ReadError as e:
        return Attempt(path, digest, FAILED, f"could not be read: {e}")
    except Exception as e:  # a reader library choking on a damaged file
        return Attempt(path, digest, FAILED, f"could not be read: {type(e).__name__}: {e}")
    try:
        ex = extract_document(doc)
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
        return Attempt(path, digest, status, reason)
    return Attempt(path, digest, status, reason, ex, digest[:16], ex.meta.agency_type, doc.text, doc.encoding)


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


def _attempts(paths: list[str], workers: int) -> Iterator[Attempt]:
    if workers <= 1 or len(paths) <= 1:
        yield from map(process_file, paths)
        return
    # imap_unordered streams results as workers finish, so memory stays flat however large the corpus.
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield from pool.imap_unordered(process_file, paths, chunksize=4)


# Files written per transaction: large enough to amortise the database's per-statement cost.
BATCH = 200


def ingest_paths(
    paths: Iterable[str | os.PathLike], db: Path, workers: int | None = None, progress: Progress | None = None
) -> Summary:
    files = walk(paths)
    summary = Summary()
    with open_for_writing(db) as writer:
        previous = writer.attempts_by_path()
        stored_hashes = writer.report_paths_by_hash()
        todo = []
        for path in files:
            key = str(Path(path).resolve())
            known = previous.get(key)
            if known and known[1] == PARSER_VERSION and known[2] != FAILED and known[0] == content_hash(path):
                summary.by_status[UNCHANGED] += 1
                continue
            todo.append(key)
        done = summary.files
        batch: list[Attempt] = []
        for attempt in _attempts(todo, workers or os.cpu_count() or 1):
            batch.append(_unless_duplicate(attempt, stored_hashes))
            done += 1
            if progress:
                progress(done, len(files), attempt.file_path)
            if len(batch) >= BATCH:
                _flush(writer, batch, summary)
        _flush(writer, batch, summary)
        _reread_orphaned_duplicates(writer, workers or os.cpu_count() or 1, summary)
        writer.refresh_cross_year_flags()
    return summary


def _reread_orphaned_duplicates(writer: Writer, workers: int, summary: Summary) -> None:
    """A duplicate's content is stored only under its original; when the original changed, the copy
    is read again, so its content stays (as a report of its own, or a duplicate of another file)."""
    stored_hashes = writer.report_paths_by_hash()
    batch = [_unless_duplicate(a, stored_hashes) for a in _attempts(writer.orphaned_duplicates(), workers)]
    _flush(writer, batch, summary)


def _unless_duplicate(attempt: Attempt, stored_hashes: dict[str, str]) -> Attempt:
    """A report whose content another file already gave is logged as a duplicate, not stored twice."""
    if attempt.extraction is None:
        return attempt
    first = stored_hashes.setdefault(attempt.content_hash, attempt.file_path)
    if first == attempt.file_path:
        return attempt
    return Attempt(
        attempt.file_path, attempt.content_hash, DUPLICATE, f"same content as {first}, already ingested"
    )


def _flush(writer: Writer, batch: list[Attempt], summary: Summary) -> None:
    refused = {id(a): reason for a, reason in writer.write(batch)}
    for attempt in batch:
        status, reason = attempt.status, attempt.reason
        if id(attempt) in refused:  # the database refused this file's rows; the others are stored
            status, reason = FAILED, f"could not be stored: {refused[id(attempt)]}"
            writer.record_attempt(attempt.file_path, attempt.content_hash, status, reason)
        elif attempt.extraction is not None:
            summary.by_format[attempt.extraction.format] += 1
        summary.by_status[status] += 1
        if status not in (OK, PARTIAL):
            summary.problems.append((attempt.file_path, status, reason))
    batch.clear()
