"""The DuckDB database: one writer at a time, any number of readers, and nobody ever blocked.

DuckDB lets one process hold a file read-write, which would lock readers (the dashboard) out
while an ingest runs. So a writer works on a private copy and swaps it into place with an atomic
rename when done: readers keep the snapshot they opened and see the new data on their next
connection. A lock file serialises writers.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
from collections.abc import Iterator
from datetime import datetime
from importlib import resources
from pathlib import Path

import duckdb

from metrics import PARSER_VERSION
from metrics.models import Extraction

DEFAULT_DB = Path("data/ogi.duckdb")


def db_path(explicit: str | os.PathLike | None = None) -> Path:
    return Path(explicit or os.environ.get("OGI_DB") or DEFAULT_DB)


def schema_sql() -> str:
    return resources.files("metrics").joinpath("sql/schema.sql").read_text(encoding="utf-8")


def connect_readonly(path: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(path), read_only=True)


def db_version(path: Path) -> int:
    """Changes whenever a writer swaps in a new snapshot; 0 when there is no database yet."""
    try:
        return path.stat().st_mtime_ns
    except FileNotFoundError:
        return 0


@contextlib.contextmanager
def open_for_writing(path: Path) -> Iterator[Writer]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        work = path.with_name(f".{path.name}.{os.getpid()}.writing")
        work.unlink(missing_ok=True)
        if path.exists():
            shutil.copyfile(path, work)
        con = duckdb.connect(str(work))
        try:
            con.execute(schema_sql())
            yield Writer(con)
            con.execute("CHECKPOINT")
            con.close()
            os.replace(work, path)
        except BaseException:
            con.close()
            work.unlink(missing_ok=True)
            raise


class Writer:
    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con

    def known_file(self, file_path: str) -> tuple[str, str, str] | None:
        """(content_hash, parser_version, status) of the latest attempt at this path, if any."""
        row = self.con.execute(
            "SELECT content_hash, parser_version, status FROM ingest_log WHERE file_path = ?", [file_path]
        ).fetchone()
        return row

    def report_with_hash(self, content_hash: str) -> tuple[str, str] | None:
        """(report_id, file_path) of a stored report with this content."""
        return self.con.execute(
            "SELECT report_id, file_path FROM reports WHERE content_hash = ?", [content_hash]
        ).fetchone()

    def log(self, file_path: str, content_hash: str | None, status: str, reason: str,
            report_id: str | None = None, fmt: str | None = None) -> None:
        self.con.execute(
            "INSERT OR REPLACE INTO ingest_log VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [file_path, content_hash, status, reason, report_id, fmt, PARSER_VERSION, datetime.now()],
        )

    def forget_file(self, file_path: str) -> None:
        """Remove the report an earlier version of this file produced."""
        for table in ("facts", "flags"):
            self.con.execute(f"DELETE FROM {table} WHERE report_id IN "
                             "(SELECT report_id FROM reports WHERE file_path = ?)", [file_path])
        self.con.execute("DELETE FROM reports WHERE file_path = ?", [file_path])

    def save_report(self, file_path: str, content_hash: str, report_id: str, status: str, reason: str,
                    ex: Extraction, agency_type: str, body_text: str, encoding: str) -> None:
        """Replace whatever this file held before with this extraction, all in one transaction."""
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            self.forget_file(file_path)
            m = ex.meta
            con.execute(
                "INSERT INTO reports VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [report_id, file_path, content_hash, m.title, m.agency, m.region, m.level, agency_type,
                 m.year, m.published or None, ex.format, status, PARSER_VERSION, datetime.now(),
                 encoding, body_text],
            )
            if ex.facts:
                con.executemany(
                    "INSERT INTO facts VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [[report_id, f.metric_id, f.column, f.value, f.evidence, f.approximate, f.derived,
                      f.note] for f in ex.facts],
                )
            if ex.flags:
                con.executemany(
                    "INSERT INTO flags VALUES (?, ?, ?, ?, ?, ?, 'report')",
                    [[report_id, g.code, g.message, g.metric_id, g.column, g.severity] for g in ex.flags],
                )
            self.log(file_path, content_hash, status, reason, report_id, ex.format)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def refresh_cross_year_flags(self) -> None:
        sql = resources.files("metrics").joinpath("sql/cross_year_flags.sql").read_text(encoding="utf-8")
        self.con.execute(sql)

    def record_attempt(self, file_path: str, content_hash: str | None, status: str, reason: str) -> None:
        """A file that yields no report is logged; a report an earlier version of it gave is kept."""
        self.log(file_path, content_hash, status, reason)
