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
from metrics.metadata import agency_type
from metrics.models import Extraction
from metrics.readers import ReadError, UnsupportedFile, read_document
from metrics.store import open_for_writing

OK, PARTIAL, FAILED, DUPLICATE, UNSUPPORTED, UNCHANGED = (
    "ok", "partial", "failed", "duplicate", "unsupported", "unchanged")


@dataclass
class FileOutcome:
    path: str
    content_hash: str | None
    status: str
    reason: str
    extraction: Extraction | None = None
    body_text: str = ""
    encoding: str = ""


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


def process_file(path: str) -> FileOutcome:
    """Read and extract one file; never raises, so one bad file cannot stop a run."""
    digest = content_hash(path)
    if digest is None:
        return FileOutcome(path, None, FAILED, "the file could not be opened (missing or unreadable)")
    try:
        doc = read_document(path)
    except UnsupportedFile as e:
        return FileOutcome(path, digest, UNSUPPORTED, str(e))
    except ReadError as e:
        return FileOutcome(path, digest, FAILED, f"could not be read: {e}")
    except Exception as e:  # a reader library choking on a damaged file
        return FileOutcome(path, digest, FAILED, f"could not be read: {type(e).__name__}: {e}")
    try:
        ex = extract_document(doc)
    except Exception as e:
        where = traceback.extract_tb(e.__traceback__)[-1]
        return FileOutcome(path, digest, FAILED,
                           f"extraction failed: {type(e).__name__}: {e} (at {Path(where.filename).name}:{where.lineno})")
    status, reason = _judge(ex)
    return FileOutcome(path, digest, status, reason, ex if status in (OK, PARTIAL) else None,
                       doc.text, doc.encoding)


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


def _outcomes(paths: list[str], workers: int) -> Iterator[FileOutcome]:
    if workers <= 1 or len(paths) <= 1:
        yield from map(process_file, paths)
        return
    # imap_unordered streams results as workers finish, so memory stays flat however large the corpus.
    with multiprocessing.get_context("fork").Pool(workers, maxtasksperchild=500) as pool:
        yield from pool.imap_unordered(process_file, paths, chunksize=4)


def ingest_paths(paths: Iterable[str | os.PathLike], db: Path, workers: int | None = None,
                 progress: Progress | None = None) -> Summary:
    files = walk(paths)
    summary = Summary()
    with open_for_writing(db) as writer:
        todo = []
        for path in files:
            key = str(Path(path).resolve())
            known = writer.known_file(key)
            if known and known[1] == PARSER_VERSION and known[2] != FAILED and known[0] == content_hash(path):
                summary.by_status[UNCHANGED] += 1
                continue
            todo.append(key)
        done = summary.files
        for outcome in _outcomes(todo, workers or os.cpu_count() or 1):
            _write(writer, outcome, summary)
            done += 1
            if progress:
                progress(done, len(files), outcome.path)
        writer.refresh_cross_year_flags()
    return summary


def _write(writer, outcome: FileOutcome, summary: Summary) -> None:
    status, reason, ex = outcome.status, outcome.reason, outcome.extraction
    try:
        if ex is not None:
            report_id = outcome.content_hash[:16]
            same = writer.report_with_hash(outcome.content_hash)
            if same and same[1] != outcome.path:
                status, reason = DUPLICATE, f"same content as {same[1]}, already ingested"
                writer.record_attempt(outcome.path, outcome.content_hash, status, reason)
            else:
                writer.save_report(outcome.path, outcome.content_hash, report_id, status, reason, ex,
                                   agency_type(ex.meta.agency), outcome.body_text, outcome.encoding)
                summary.by_format[ex.format] += 1
        else:
            writer.record_attempt(outcome.path, outcome.content_hash, status, reason)
    except Exception as e:  # a database error on one file must not lose the others
        status, reason = FAILED, f"could not be stored: {type(e).__name__}: {e}"
        writer.record_attempt(outcome.path, outcome.content_hash, status, reason)
    summary.by_status[status] += 1
    if status not in (OK, PARTIAL):
        summary.problems.append((outcome.path, status, reason))
