"""The DuckDB database: one writer at a time, any number of readers, and nobody ever blocked.

DuckDB lets one process hold a file read-write, which would lock readers (the dashboard) out
while an ingest runs. So a writer works on a private copy and swaps it into place with an atomic
rename when done: readers keep the snapshot they opened and see the new data on their next
connection. A lock file serialises writers and names the one at work; whatever a writer leaves
behind when it dies (its copy, the copy's write-ahead log) the next writer removes.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import glob
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from metrics import PARSER_VERSION, cleaned_layer
from metrics.gc_pause import collector_paused
from metrics.models import DirectoryEntry, Extraction, Fact, fact_values
from metrics.sql_files import sql_text

DEFAULT_DB = Path("data/ogi.duckdb")


def db_path(explicit: str | os.PathLike | None = None) -> Path:
    return Path(explicit or os.environ.get("OGI_DB") or DEFAULT_DB)


def connect_readonly(path: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(path), read_only=True)


def db_version(path: Path) -> int:
    """Changes whenever a writer swaps in a new snapshot; 0 when there is no database yet."""
    try:
        return path.stat().st_mtime_ns
    except FileNotFoundError:
        return 0


# How long a writer waits for another to finish before giving up.
LOCK_WAIT_SECONDS = 600


class StoreError(Exception):
    """The database could not be written or opened; the message says why in one line."""


@contextlib.contextmanager
def open_for_writing(
    path: Path,
    wait: float = LOCK_WAIT_SECONDS,
    waiting: Callable[[str], None] | None = None,
    fresh: bool = False,
) -> Iterator[Writer]:
    """A writer on a private copy of the database, swapped in when the block ends, and only if it
    changed something. Should anything fail, the database is left as it was and the copy removed;
    a failure of the disk or the database itself is raised as a StoreError naming its cause.
    `waiting` hears, once, that another writer holds the database. A `fresh` writer starts from an
    empty database instead of a copy (a rebuild), and the old file stays in place until it is done.
    The cleaned layer the dashboard reads (metrics.cleaned_layer) is built into the copy before the
    swap, once per write instead of once per dashboard snapshot."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with _writer_lock(path, wait, waiting):
        _remove_leftovers(path)
        work = path.with_name(f".{path.name}.{os.getpid()}.writing")
        try:
            if path.exists() and not fresh:
                shutil.copyfile(path, work)
            con = _attached_as_raw(work)
        except (OSError, duckdb.Error) as e:
            _remove_copy(work)
            raise StoreError(f"could not open {path} for writing: {_cause(e)}") from e
        try:
            _create_tables(con)
            writer = Writer(con)
            yield writer
            if writer.changed or not path.exists():
                if writer.layer_stale or not cleaned_layer.is_stored(con):
                    cleaned_layer.store(con)
                con.checkpoint()
                con.close()
                os.replace(work, path)
            else:  # nothing to write: the file, and every reader's cache keyed on it, stay as they are
                con.close()
                _remove_copy(work)
        except BaseException as e:
            with contextlib.suppress(duckdb.Error):
                con.close()
            _remove_copy(work)
            if isinstance(e, OSError | duckdb.Error):
                raise StoreError(f"could not write {path}: {_cause(e)}; the database is unchanged") from e
            raise


@contextlib.contextmanager
def in_memory_writer() -> Iterator[Writer]:
    """A writer on an empty database in memory, named `raw` as a file's would be: the rows ingest
    stores, for a pipeline that keeps them elsewhere (metrics.ray_extract writes them as Parquet)."""
    con = duckdb.connect(":memory:")
    try:
        con.execute("ATTACH ':memory:' AS raw")
        con.execute("USE raw")
        _create_tables(con)
        yield Writer(con)
    finally:
        con.close()


# The per-report summaries kept beside the facts, in step with them: each defined by <name>.sql as a
# macro <name>_of(facts), written with every batch (write_batch.sql), backfilled by
# <name>_backfill.sql, and read by a snapshot through <name>_stored.sql or <name>_pivoted.sql.
SUMMARIES = ("report_totals", "report_cells", "report_series", "report_columns")


def _create_tables(con: duckdb.DuckDBPyConnection) -> None:
    """The tables of schema.sql, where missing; a summary (SUMMARIES, flagged_facts), new in a
    database written before it existed, is filled from the facts already there, so it is complete
    wherever it exists."""
    had = {s: _has_table(con, s) for s in (*SUMMARIES, "flagged_facts")}
    con.execute(sql_text("schema"))
    for summary in SUMMARIES:
        con.execute(sql_text(summary))
        if not had[summary]:
            con.execute(sql_text(f"{summary}_backfill"))
    if not had["flagged_facts"]:
        con.execute(sql_text("flagged_facts_backfill"))


def _has_table(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    return con.execute(sql_text("raw_has_table"), {"table_name": table}).fetchone()[0]


def _attached_as_raw(path: Path) -> duckdb.DuckDBPyConnection:
    """A connection to the database file under the name `raw`, as the dashboard's snapshot has it, so
    the SQL both read (current_versions.sql) names its tables one way."""
    con = duckdb.connect(":memory:")
    try:
        literal = str(path).replace("'", "''")  # ATTACH takes no bound parameters
        con.execute(f"ATTACH '{literal}' AS raw")
        con.execute("USE raw")
    except BaseException:
        con.close()
        raise
    return con


@contextlib.contextmanager
def _writer_lock(path: Path, wait: float, waiting: Callable[[str], None] | None) -> Iterator[None]:
    """Hold the database's lock file; it names the holding process for anyone who has to wait."""
    with open(path.with_name(path.name + ".lock"), "a+", encoding="utf-8", errors="replace") as lock:
        deadline = time.monotonic() + wait
        while not _try_lock(lock):
            holder = _holder(lock)
            if time.monotonic() >= deadline:
                raise StoreError(f"{path} is being written by {holder}; gave up waiting after {wait:g} s")
            if waiting:
                waiting(f"waiting for {holder} to finish writing {path} (at most {wait:g} s)")
                waiting = None
            time.sleep(0.2)
        lock.seek(0)
        lock.truncate()
        lock.write(
            f"process {os.getpid()} ({' '.join(sys.argv)[:200]}, since {datetime.now():%Y-%m-%d %H:%M:%S})"
        )
        lock.flush()
        try:
            yield
        finally:
            lock.truncate(0)


def _try_lock(lock) -> bool:
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _holder(lock) -> str:
    lock.seek(0)
    return lock.read().strip() or "another process"


def _remove_leftovers(path: Path) -> None:
    """Copies (and their write-ahead logs) of writers that died: whoever holds the lock is the only
    live writer, so every copy present is a dead one's."""
    for leftover in glob.glob(
        os.path.join(glob.escape(str(path.parent)), f".{glob.escape(path.name)}.*.writing*")
    ):
        Path(leftover).unlink(missing_ok=True)


def _remove_copy(work: Path) -> None:
    for file in (work, work.with_name(work.name + ".wal")):
        file.unlink(missing_ok=True)


def _cause(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


# Errors of the disk or the database as a whole, as opposed to one file's rows being refused.
_NOBODYS_FAULT = (
    duckdb.IOException,
    duckdb.FatalException,
    duckdb.InternalException,
    duckdb.OutOfMemoryException,
)


@dataclass
class Attempt:
    """One file's ingest attempt: its log row and, when it produced one, the report to store."""

    file_path: str
    content_hash: str | None
    status: str
    reason: str
    extraction: Extraction | None = None
    report_id: str | None = None
    agency_type: str = ""
    body_text: str = ""
    encoding: str = ""
    ocr_pages: int = 0  # pages (and pictures) of the file read by OCR
    seconds: float = 0.0  # what reading it cost (not stored)
    peak_rss: int = 0  # bytes
    # The extraction's facts as the store's rows in Arrow's IPC format, made where the file was read
    # (see packed); then extraction.facts is empty. Bytes: they unpickle in microseconds, where a
    # record batch is rebuilt column by column.
    fact_rows: bytes | None = None

    def packed(self) -> Attempt:
        """This attempt with its facts as the store's rows. A worker sends it so: the writer, one
        process for every worker, then neither rebuilds hundreds of fact objects a report nor turns
        them into columns one by one, which limited how far ingest scales with cores."""
        if self.extraction is None or self.fact_rows is not None:
            return self
        try:
            self.fact_rows = _ipc(_fact_batch(self.report_id, self.extraction.facts))
        except (ValueError, TypeError):  # Arrow refusing a value: the writer refuses the file, saying why
            return self
        self.extraction = dataclasses.replace(self.extraction, facts=[])
        return self


class Writer:
    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con
        self.changed = False  # whether anything was written
        # Whether what the cleaned layer reads was written: everything but a finding's status.
        self.layer_stale = False

    def attempts_by_path(self) -> dict[str, tuple[str, str, str]]:
        """file path -> (content_hash, parser_version, status) of its latest attempt."""
        rows = self.con.execute(sql_text("attempts_by_path")).fetchall()
        return {path: (digest, version, status) for path, digest, version, status in rows}

    def report_paths_by_hash(self) -> dict[str, str]:
        return dict(self.con.execute(sql_text("report_paths_by_hash")).fetchall())

    def orphaned_duplicates(self) -> list[str]:
        return [path for (path,) in self.con.execute(sql_text("orphaned_duplicates")).fetchall()]

    def choose_current(self, report_id: str) -> None:
        """Make this report the version that counts for its agency and year, whatever the rule says."""
        self.con.execute(sql_text("choose_current"), {"report_id": report_id})
        self.changed = self.layer_stale = True

    def forget_current_choice(self, agency: str, year: int) -> None:
        """Let the rule decide again which version counts for this agency and year."""
        self.con.execute(sql_text("forget_current_choice"), {"agency": agency, "year": year})
        self.changed = self.layer_stale = True

    def set_flag_status(self, report_id: str, code: str, status: str, note: str = "") -> None:
        """Where the follow-up of a report's finding stands; kept when the same file is ingested again."""
        self.con.execute(
            sql_text("set_flag_status"),
            {"report_id": report_id, "code": code, "status": status, "note": note},
        )
        self.changed = True

    def set_directory_entries(self, entries: list[DirectoryEntry]) -> None:
        """Store people's directory entries; an empty entry returns its name to what was read. A name
        given a series brings the names already in its own series along (a second rename)."""
        for entry in entries:
            if entry.is_empty:
                self.con.execute(sql_text("delete_directory_entry"), {"agency": entry.agency})
                continue
            self.con.execute(
                sql_text("set_directory_entry"),
                {
                    "agency": entry.agency,
                    "region": entry.region,
                    "level": entry.level,
                    "agency_type": entry.agency_type,
                    "series": entry.series,
                },
            )
            if entry.series:
                self.con.execute(sql_text("follow_series"), {"agency": entry.agency, "series": entry.series})
        self.changed = self.layer_stale = True

    def write(self, attempts: list[Attempt]) -> list[tuple[Attempt, str]]:
        """Store attempts in one transaction. Should that fail, store them one by one, so a row the
        database refuses costs only its own file; returns those files with the database's reason.
        A failure of the disk or of the database itself is no file's fault and is raised."""
        if not attempts:
            return []
        self.changed = self.layer_stale = True
        try:
            self._write_in_one_transaction(attempts)
            return []
        except (duckdb.Error, ValueError) as e:  # ValueError: Arrow refusing a value
            if len(attempts) == 1 or isinstance(e, _NOBODYS_FAULT):
                raise
        refused = []
        for attempt in attempts:
            try:
                self._write_in_one_transaction([attempt])
            except (duckdb.Error, ValueError) as e:
                if isinstance(e, _NOBODYS_FAULT):
                    raise
                refused.append((attempt, f"{type(e).__name__}: {_cause(e)}"))
        return refused

    def save_report(
        self,
        file_path: str,
        content_hash: str,
        report_id: str,
        status: str,
        reason: str,
        ex: Extraction,
        agency_type: str,
        body_text: str,
        encoding: str,
    ) -> None:
        """Replace whatever this file held before with this extraction."""
        self.write(
            [
                Attempt(
                    file_path, content_hash, status, reason, ex, report_id, agency_type, body_text, encoding
                )
            ]
        )

    def record_attempt(self, file_path: str, content_hash: str | None, status: str, reason: str) -> None:
        """A file that yields no report is logged; a report an earlier version of it gave is kept."""
        self.write([Attempt(file_path, content_hash, status, reason)])

    def carry_over(self, old: Path, missing: list[str]) -> None:
        """After a rebuild into this writer: keep what the `old` database held for the files no longer
        found (stored names), and the versions people chose there."""
        literal = str(old).replace("'", "''")  # ATTACH takes no bound parameters
        self.con.register("missing_files", pa.table({"file_path": pa.array(missing, pa.string())}))
        self.con.execute(f"ATTACH '{literal}' AS old (READ_ONLY)")
        try:
            self.con.execute(sql_text("carry_over"))
            # What people recorded; a database written before these tables existed has none.
            for table, sql in (
                ("agency_directory", "carry_directory"),
                ("flag_reviews", "carry_flag_reviews"),
            ):
                if self.con.execute(
                    sql_text("attached_has_table"), {"database": "old", "table_name": table}
                ).fetchone()[0]:
                    self.con.execute(sql_text(sql))
        finally:
            self.con.execute("DETACH old")
            self.con.unregister("missing_files")
        self.changed = self.layer_stale = True

    @contextlib.contextmanager
    def on_one_thread(self) -> Iterator[None]:
        """The database works on one thread inside the block, which is for while worker processes
        use every core: its own threads would only compete with them, and a batch of reports costs
        a third less CPU on one thread than on two."""
        self.con.execute("SET threads = 1")
        try:
            yield
        finally:
            # A database that failed inside the block (a full disk) may refuse this too; the first
            # error is the cause worth reporting.
            with contextlib.suppress(duckdb.Error):
                self.con.execute("RESET threads")

    def refresh_cross_year_flags(self) -> None:
        """Checks between consecutive years of an agency, over the current versions only; then the
        facts of the flagged reports, which these checks and a rebuild's carry-over change."""
        self.con.execute(sql_text("current_versions"))
        self.con.execute(sql_text("cross_year_flags"))
        self.con.execute(sql_text("flagged_facts_sync"))
        self.layer_stale = True

    def _write_in_one_transaction(self, attempts: list[Attempt]) -> None:
        with collector_paused():
            tables = _batch_tables(attempts)
        con = self.con
        for name, table in tables.items():
            con.register(name, table)
        con.begin()
        try:
            con.execute(sql_text("write_batch"))
            con.commit()
        except BaseException:
            # After a failed write (a full disk) DuckDB may refuse the rollback too; the first error
            # is the cause worth reporting.
            with contextlib.suppress(duckdb.Error):
                con.rollback()
            raise
        finally:
            for name in tables:
                con.unregister(name)


def _batch_tables(attempts: list[Attempt]) -> dict[str, pa.Table]:
    """The Arrow tables write_batch.sql reads: the batch's log rows, reports, facts and flags."""
    now = datetime.now()
    stored = [a for a in attempts if a.extraction is not None]
    return {
        "new_log": pa.table(
            {
                "file_path": [a.file_path for a in attempts],
                "content_hash": [a.content_hash for a in attempts],
                "status": [a.status for a in attempts],
                "reason": [a.reason for a in attempts],
                "report_id": [a.report_id for a in attempts],
                "format": [a.extraction.format if a.extraction else None for a in attempts],
                "parser_version": [PARSER_VERSION] * len(attempts),
                "attempted_at": pa.array([now] * len(attempts), pa.timestamp("us")),
            }
        ),
        "new_reports": pa.table(
            {
                "report_id": [a.report_id for a in stored],
                "file_path": [a.file_path for a in stored],
                "content_hash": [a.content_hash for a in stored],
                "title": [a.extraction.meta.title for a in stored],
                "agency": [a.extraction.meta.agency for a in stored],
                "region": [a.extraction.meta.region for a in stored],
                "level": [a.extraction.meta.level for a in stored],
                "agency_type": [a.agency_type for a in stored],
                "year": pa.array([a.extraction.meta.year for a in stored], pa.int32()),
                "published": [a.extraction.meta.published or None for a in stored],
                "format": [a.extraction.format for a in stored],
                "status": [a.status for a in stored],
                "parser_version": [PARSER_VERSION] * len(stored),
                "ingested_at": pa.array([now] * len(stored), pa.timestamp("us")),
                "encoding": [a.encoding for a in stored],
                "body_text": [a.body_text for a in stored],
                "ocr_pages": pa.array([a.ocr_pages for a in stored], pa.int32()),
            }
        ),
        "new_facts": _facts_table(stored),
        "new_flags": _flags_table(stored),
    }


def _facts_table(stored: list[Attempt]) -> pa.Table:
    batches = [
        _fact_batch(a.report_id, a.extraction.facts) if a.fact_rows is None else _from_ipc(a.fact_rows)
        for a in stored
    ]
    # One chunk: the batch's statements read these rows six times, and DuckDB reads a few large
    # chunks faster than hundreds of one report each.
    return pa.Table.from_batches(batches, FACT_ROWS).combine_chunks()


# The facts' columns as write_batch.sql reads them (new_facts).
FACT_ROWS = pa.schema(
    [
        ("report_id", pa.string()),
        ("metric_id", pa.string()),
        ("value", pa.float64()),
        ("requester_column", pa.string()),
        ("evidence", pa.string()),
        ("approximate", pa.bool_()),
        ("derived", pa.bool_()),
        ("note", pa.string()),
        ("ocr", pa.bool_()),
        ("ocr_page", pa.int32()),
        ("ocr_confidence", pa.float64()),
    ]
)


def _ipc(batch: pa.RecordBatch) -> bytes:
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, batch.schema) as stream:
        stream.write_batch(batch)
    return sink.getvalue().to_pybytes()


def _from_ipc(data: bytes) -> pa.RecordBatch:
    return pa.ipc.open_stream(data).read_next_batch()


def _fact_batch(report_id: str, facts: list[Fact]) -> pa.RecordBatch:
    """One report's facts as rows of FACT_ROWS."""
    # One pass over the facts, turned into columns by zip: fact_values gives a fact's fields in
    # FACT_ROWS's order after report_id.
    columns = zip(*map(fact_values, facts), strict=True) if facts else [()] * (len(FACT_ROWS) - 1)
    return pa.RecordBatch.from_arrays(
        [pa.array([report_id] * len(facts), pa.string())]
        + [pa.array(values, field.type) for values, field in zip(columns, list(FACT_ROWS)[1:], strict=True)],
        schema=FACT_ROWS,
    )


def _flags_table(stored: list[Attempt]) -> pa.Table:
    rows = [(a.report_id, g) for a in stored for g in a.extraction.flags]
    return pa.table(
        {
            "report_id": [r for r, _ in rows],
            "code": [g.code for _, g in rows],
            "message": [g.message for _, g in rows],
            "metric_id": [g.metric_id for _, g in rows],
            "requester_column": [g.column for _, g in rows],
            "severity": [g.severity for _, g in rows],
        }
    )
