"""The report database as a hive-partitioned Parquet tree, for engines beyond one machine.

`ogi export --format parquet DIR` writes reports, facts and flags partitioned by report year
(DIR/facts/year=2021/facts_0.parquet ...), the ingest log, version choices, finding statuses and the
agency directory's entries as single files, and schema.sql beside them. DuckDB on object storage, Spark or Trino can read the
tree as it is; queries.open_parquet_snapshot reads it back as the dashboard's snapshot, so the
dashboard's SQL runs on it unchanged.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from metrics.sql_files import sql_text


def export(db: Path, out: Path) -> None:
    """Write the tree for the database at `db` into `out` (created; it must not hold a tree yet)."""
    out.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(":memory:")
    try:
        # ATTACH and COPY take no bound parameters; both paths are quoted as literals.
        con.execute(f"ATTACH '{_literal(db)}' AS raw (READ_ONLY)")
        con.execute(sql_text("tree_tables"))
        con.execute(sql_text("parquet_export").replace("{dir}", _literal(out)))
    finally:
        con.close()
    (out / "schema.sql").write_text(sql_text("schema"), encoding="utf-8")


def _literal(path: Path) -> str:
    return str(path).replace("'", "''")
