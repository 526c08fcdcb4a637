"""Queries behind `ogi status` (on a snapshot: see queries.open_snapshot) and `ogi files`; their SQL
lives in sql/."""

from __future__ import annotations

import duckdb

from metrics.sql_files import sql_text


def _dicts(cur: duckdb.DuckDBPyConnection) -> list[dict]:
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


def status(con: duckdb.DuckDBPyConnection) -> dict[str, list[dict]]:
    return {
        title: _dicts(con.execute(sql_text(name)))
        for title, name in (
            ("reports by year, format and status", "status_reports"),
            ("files by ingest status", "status_files"),
            ("flags by check", "status_flags"),
        )
    }


def files(con: duckdb.DuckDBPyConnection, status: str | None) -> list[dict]:
    return _dicts(con.execute(sql_text("ingest_log"), {"status": status}))
